"""The command palette: sections, phrases and actions, matched without diacritics."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any, cast

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.widgets.option_list import Option

from drafting_tui.importing import open_import
from drafting_tui.texts import GENERAL
from drafting_tui.widgets import render_heading

if TYPE_CHECKING:
    from drafting_tui.app import DraftingApp

# --------------------------------------------------------------------------- command palette


def fold(text: str) -> str:
    """Lower case without Vietnamese diacritics, for matching what the writer types.

    >>> fold("Công tác Khen thưởng, Đảng")
    'cong tac khen thuong, dang'
    """
    import unicodedata

    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d").replace("Đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def match_score(query: str, text: str) -> float:
    """0 when a word of the query is missing from the text, else a score in (0, 1]."""
    words = fold(query).split()
    haystack = fold(text)
    if not words or any(w not in haystack for w in words):
        return 0.0
    bonus = sum(1 for w in words if f" {w}" in f" {haystack}") / len(words)
    return min(1.0, 0.3 + 0.4 * bonus + 0.3 * sum(len(w) for w in words) / max(len(haystack), 1))


def highlighted(provider: Provider, query: str, text: str) -> Any:
    matcher = provider.matcher(query)
    return matcher.highlight(text) if matcher.match(text) > 0 else text


class Palette(CommandPalette):
    """Textual's command palette, saying in Vietnamese that nothing matched."""

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # As CommandPalette's own (Textual 8.2.8, pinned), whose message is in English.
        self._stop_no_matches_countdown()

        def show() -> None:
            if not search_value:
                self._list_visible = False
                return
            message = Text(f"Không có mục, câu mẫu hay lệnh nào khớp với “{search_value}”", style="not bold")
            self.query_one(CommandList).add_option(Option(Align.center(message), disabled=True, id=self._NO_MATCHES))
            self._list_visible = True

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show)


class SectionCommands(Provider):
    """Jump to a section of the outline."""

    def _items(self) -> list[tuple[str, str]]:
        app = cast("DraftingApp", self.app)
        items = [(GENERAL, "Đi tới Thông tin chung: đơn vị, năm báo cáo, nơi nhận")]
        for section in app.outline.sections:
            items.append((section.id, f"Đi tới mục {section.id}: {render_heading(section, app.draft.year)}"))
        return items

    async def discover(self) -> Hits:
        app = cast("DraftingApp", self.app)
        for sid, text in self._items():
            yield DiscoveryHit(text, partial(app.goto_section, sid), help="Mở mục để soạn")

    async def search(self, query: str) -> Hits:
        app = cast("DraftingApp", self.app)
        for sid, text in self._items():
            score = match_score(query, text)
            if score > 0:
                yield Hit(
                    score,
                    highlighted(self, query, text),
                    partial(app.goto_section, sid),
                    text=text,
                    help="Mở mục để soạn",
                )


class PhraseCommands(Provider):
    """Search the whole phrase bank and insert a phrase into the current section."""

    async def search(self, query: str) -> Hits:
        app = cast("DraftingApp", self.app)
        if app.bank is None or len(query.strip()) < 3:
            return
        target = app.section_id
        leaf = target != GENERAL and app.outline.is_leaf(target)
        for phrase in app.bank.phrases.values():
            text = f"Chèn câu mẫu: {phrase.description or phrase.id}"
            score = match_score(query, f"{text} {phrase.id}")
            if score <= 0:
                score = 0.5 * match_score(query, phrase.variants[0] if phrase.variants else "")
            if score <= 0:
                continue
            preview = phrase.variants[0][:100] if phrase.variants else ""
            help_text = (f"vào mục {target} · " if leaf else "hãy mở một mục lá trước · ") + preview
            yield Hit(
                0.8 * score,
                highlighted(self, query, text),
                partial(app.insert_phrase, phrase.id),
                text=text,
                help=help_text,
            )


class ActionCommands(Provider):
    """Save, export, check, and the other actions of the application."""

    def _commands(self) -> list[tuple[str, Callable[[], Any], str]]:
        app = cast("DraftingApp", self.app)
        return [
            ("Lưu", app.action_save, "Ghi bản nháp ra tệp (Ctrl+S)"),
            ("Lưu thành tệp khác…", app.action_save_as, "Chọn tên tệp mới"),
            ("Xuất báo cáo Word (.docx)", partial(app.action_export, "docx"), "Ctrl+E"),
            ("Xuất báo cáo Markdown (.md)", partial(app.action_export, "md"), ""),
            ("Xuất báo cáo PDF (.pdf)", partial(app.action_export, "pdf"), "cần LibreOffice"),
            ("Kiểm tra báo cáo", app.action_check, "Số liệu, tính nhất quán, mục còn thiếu (F5)"),
            ("Nhập số liệu từ bảng tính (.xlsx, .csv)…", partial(open_import, app), "Từ mẫu hoặc theo bản đồ ô"),
            ("Xem trước toàn bộ báo cáo", app.action_toggle_whole, "F4"),
            ("Trợ giúp: các phím", app.action_help, "F1"),
            ("Thoát", app.action_quit, "Ctrl+Q"),
        ]

    async def discover(self) -> Hits:
        for name, command, help_text in self._commands():
            yield DiscoveryHit(name, command, help=help_text)

    async def search(self, query: str) -> Hits:
        for name, command, help_text in self._commands():
            score = match_score(query, name)
            if score > 0:
                yield Hit(score, highlighted(self, query, name), command, text=name, help=help_text)
