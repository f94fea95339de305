"""The command palette: sections, phrases and actions, matched without diacritics."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any, cast

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.widgets.option_list import Option

from drafting_tui.forms import render_heading
from drafting_tui.importing import open_import
from drafting_tui.phrases import change_content
from drafting_tui.texts import GENERAL

if TYPE_CHECKING:
    from drafting_tui.app import DraftingApp

# --------------------------------------------------------------------------- command palette


def plain_preview(text: str, year: int, limit: int = 100) -> str:
    """The start of a phrase's text as a writer reads it: the year filled in, the other
    values the figures fill shown as “…”, no template syntax.

    >>> plain_preview("Năm {{ nam }}, {% if x %}đơn vị {{ don_vi.ten }}{% endif %} đạt", 2025)
    'Năm 2025, đơn vị … đạt'
    """
    import re

    years = {"nam": year, "nam_truoc": year - 1, "nam_sau": year + 1}
    text = re.sub(r"\{\{\s*(nam|nam_truoc|nam_sau)\s*\}\}", lambda m: str(years[m.group(1)]), text)
    text = re.sub(r"\{\{.*?\}\}", "…", text, flags=re.S)
    text = re.sub(r"\{%.*?%\}|\{#.*?#\}", "", text, flags=re.S)
    text = " ".join(text.split())
    return text[:limit] + ("…" if len(text) > limit else "")


def insert_phrase(app: DraftingApp, phrase_id: str) -> None:
    """Insert a phrase (found in the command palette) into the current section."""
    section_id = app.section_id
    if section_id == GENERAL or not app.outline.is_leaf(section_id):
        app.notify(
            "Hãy mở trước mục sẽ nhận câu mẫu (một mục có câu mẫu gợi ý, như I hay II.3).",
            severity="warning",
            title="Chèn câu mẫu",
        )
        return
    if change_content(app, lambda: app.draft.choose_phrase(section_id, phrase_id)):
        app.editor.sync_paragraphs()
        app.schedule_preview(0)
        phrase = app.bank.get(phrase_id)
        name = phrase.description if phrase is not None and phrase.description else phrase_id
        app.notify(f"Đã chèn câu mẫu “{name}” vào mục {section_id}.", title="Chèn câu mẫu")


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
            score = match_score(query, text)
            if score <= 0:
                score = 0.5 * match_score(query, phrase.variants[0] if phrase.variants else "")
            if score <= 0:
                continue
            preview = plain_preview(phrase.variants[0], app.draft.year) if phrase.variants else ""
            help_text = (f"vào mục {target} · " if leaf else "hãy mở trước mục sẽ nhận câu · ") + preview
            yield Hit(
                0.8 * score,
                highlighted(self, query, text),
                partial(insert_phrase, app, phrase.id),
                text=text,
                help=help_text,
            )


class ActionCommands(Provider):
    """Save, export, check, and the other actions of the application."""

    def _commands(self) -> list[tuple[str, Callable[[], Any], str]]:
        app = cast("DraftingApp", self.app)
        return [
            ("Báo cáo mới…", app.action_new_report, "Tạo tệp báo cáo mới cho năm nay"),
            ("Lưu", app.action_save, "Ghi bản nháp ra tệp (Ctrl+S)"),
            ("Lưu thành tệp khác…", app.action_save_as, "Chọn tên tệp mới"),
            ("Xuất báo cáo Word (.docx)", partial(app.action_export, "docx"), "Ctrl+E"),
            ("Xuất báo cáo Markdown (.md)", partial(app.action_export, "md"), ""),
            ("Xuất báo cáo PDF (.pdf)", partial(app.action_export, "pdf"), "cần LibreOffice"),
            ("Kiểm tra báo cáo", app.action_check, "Số liệu, tính nhất quán, mục còn thiếu (F5)"),
            ("Vì sao có từng đoạn của mục", app.action_why, "Nhận định và số liệu của từng câu (F7)"),
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
