"""The phrases of a section: include or exclude, cycle variants, pin, reorder, and why
each is suggested (in words from the figures)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar, cast

from rich.text import Text
from textual import on
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from drafting.composition.content import STATE_LABELS
from drafting.editing.draft import Draft, PhraseRow
from drafting.errors import DraftingError, ProblemsError

if TYPE_CHECKING:
    from drafting_tui.app import DraftingApp

PHRASE_KEYS = "Space chọn/bỏ · V cách viết · G ghim · [ ] thứ tự · C xác nhận"


class ContentChanged(Message):
    """The items of a section changed (a phrase chosen, moved or pinned)."""


class PhraseList(OptionList):
    """The phrases of a section: include or exclude, cycle variants, pin, reorder."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "toggle_phrase", "Chọn/bỏ"),
        Binding("v", "cycle", "Đổi cách viết"),
        Binding("g", "pin", "Ghim"),
        Binding("c", "confirm", "Xác nhận"),
        Binding("left_square_bracket,ctrl+up", "move(-1)", "Lên"),
        Binding("right_square_bracket,ctrl+down", "move(1)", "Xuống"),
    ]

    def __init__(self, section_id: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.section_id = section_id
        self.rows: list[PhraseRow] = []

    @property
    def draft(self) -> Draft:
        return cast("DraftingApp", self.app).draft

    def set_rows(self, rows: list[PhraseRow]) -> None:
        """Show the rows the library listed (the highlighted phrase stays highlighted)."""
        if rows == self.rows:
            return
        current = self.current_key()
        self.rows = rows
        self.set_options(
            [Option(self._prompt(row), id=self._key(row, i)) for i, row in enumerate(rows)]
        )
        if not rows:
            return
        index = next((i for i, row in enumerate(rows) if self._key(row, i) == current), 0)
        self.highlighted = index
        self._explain()

    @staticmethod
    def _key(row: PhraseRow, i: int) -> str:
        return f"p-{row.phrase_id}" if row.phrase_id else f"t-{i}"

    def current_key(self) -> str | None:
        row = self.current()
        return None if row is None else self._key(row, self.highlighted or 0)

    def current(self) -> PhraseRow | None:
        if self.highlighted is None or self.highlighted >= len(self.rows):
            return None
        return self.rows[self.highlighted]

    @staticmethod
    def _prompt(row: PhraseRow) -> Text:
        text = Text()
        if not row.phrase_id:
            snippet = row.description.replace("\n", " ")
            text.append("✎ Đoạn tự viết: ", style="bold")
            return text.append(snippet[:80] + ("…" if len(snippet) > 80 else ""))
        text.append("[✓] " if row.included else "[ ] ", style="bold green" if row.included else "dim")
        text.append(row.description or row.phrase_id, style="" if row.included else "dim")
        detail = Text("\n    ")
        if row.variants > 1:
            shown = row.pinned or row.shown
            variant = f"cách viết {shown}/{row.variants}" if shown else f"{row.variants} cách viết"
            detail.append(variant + (" (ghim)" if row.pinned else ""), style="cyan")
            detail.append(" · ")
        detail.append_text(_state(row))
        return text.append_text(detail)

    # ------------------------------------------------------------------ the explanation

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._explain()

    def on_focus(self) -> None:
        if self.highlighted is None and self.rows:
            self.highlighted = 0
        self._explain()

    def _explain(self) -> None:
        parent = self.parent
        if parent is None:
            return
        for panel in parent.query(PhraseExplanation):
            panel.show(self.current())
            if self.has_focus:  # the list and its explanation in view together
                panel.call_after_refresh(panel.scroll_visible, animate=False)

    # ------------------------------------------------------------------ commands

    def action_toggle_phrase(self) -> None:
        row = self.current()
        if row is None or not row.phrase_id:
            return
        if row.included:
            self._change(lambda: self.draft.unchoose_phrase(self.section_id, row.phrase_id))
            return
        if row.state == "trai_so_lieu" and row.word != "da_xac_nhan":
            self._ask_contradicted(row, included=False)
            return
        self._change(lambda: self.draft.choose_phrase(self.section_id, row.phrase_id))

    def action_confirm(self) -> None:
        """The writer's word on the highlighted phrase's claim (stored in the file)."""
        row = self.current()
        if row is None or not row.phrase_id or not row.claim:
            return
        if row.state == "trai_so_lieu" and row.word != "da_xac_nhan":
            self._ask_contradicted(row, included=row.included)
        elif row.word in ("da_xac_nhan", "khong_dung"):
            self._ask_forget(row)
        elif row.state == "can_xac_nhan" or row.word == "can_xac_nhan_lai":
            self._ask_confirm(row)
        else:
            self.notify(f"Câu này không cần bạn xác nhận. {row.reason}.", title="Xác nhận")

    def _ask_contradicted(self, row: PhraseRow, included: bool) -> None:
        from drafting_tui.screens import ClaimScreen

        message = (
            f"“{row.description}”\n\n{row.reason}.\n\n"
            "Bạn vẫn có thể giữ câu này nếu nó đúng với đơn vị (ví dụ số liệu chưa phản ánh hết). "
            "Khi bạn xác nhận, xác nhận và lý do được ghi vào tệp dữ liệu; Kiểm tra (F5) chỉ còn nhắc, "
            "không báo lỗi. Chưa xác nhận thì F5 báo lỗi ở câu này."
        )
        if included:
            choices = [("confirm", "Xác nhận giữ câu"), ("remove", "Bỏ câu"), ("later", "Để sau")]
        else:
            choices = [("confirm", "Đưa vào và xác nhận"), ("later", "Đưa vào, xác nhận sau"), ("cancel", "Hủy")]
        self.app.push_screen(
            ClaimScreen("Câu này trái với số liệu", message, choices),
            lambda answer: self._contradicted_answer(row, included, answer),
        )

    def _contradicted_answer(self, row: PhraseRow, included: bool, answer: tuple[str, str] | None) -> None:
        choice, reason = answer or ("", "")
        section, pid = self.section_id, row.phrase_id
        if choice == "remove":
            self._change(lambda: self.draft.unchoose_phrase(section, pid))
        elif choice == "confirm":

            def keep() -> None:
                self.draft.choose_phrase(section, pid)
                self.draft.confirm_claim(row.claim, reason)

            if self._change(keep):
                self.notify("Đã đưa câu vào và ghi xác nhận của bạn vào tệp.", title="Xác nhận")
        elif choice == "later" and not included and self._change(lambda: self.draft.choose_phrase(section, pid)):
            self.notify(
                f"{row.reason}. Câu đã được đưa vào nhưng chưa xác nhận: F5 sẽ báo lỗi; nhấn C để xác nhận.",
                severity="warning",
                title="Câu mẫu trái với số liệu",
                timeout=8,
            )

    def _ask_confirm(self, row: PhraseRow) -> None:
        from drafting_tui.screens import ClaimScreen

        again = "Số liệu đã thay đổi từ khi bạn xác nhận. " if row.word == "can_xac_nhan_lai" else ""
        message = (
            f"“{row.description}”\n\n{again}Không số liệu nào của báo cáo cho thấy điều này. Nếu đúng với đơn vị, "
            "hãy xác nhận: câu sẽ được gợi ý, và xác nhận được ghi vào tệp dữ liệu. "
            "Nếu không đúng, chọn “Không đúng”: câu sẽ không được gợi ý."
        )
        choices = [("confirm", "Đúng, xác nhận"), ("deny", "Không đúng"), ("cancel", "Hủy")]
        self.app.push_screen(
            ClaimScreen("Xác nhận nhận định", message, choices), lambda answer: self._confirm_answer(row, answer)
        )

    def _confirm_answer(self, row: PhraseRow, answer: tuple[str, str] | None) -> None:
        choice, reason = answer or ("", "")
        if choice == "confirm":
            self._change(lambda: self.draft.confirm_claim(row.claim, reason))
        elif choice == "deny":
            self._change(lambda: self.draft.confirm_claim(row.claim, reason, deny=True))

    def _ask_forget(self, row: PhraseRow) -> None:
        from drafting_tui.screens import ConfirmScreen

        said = "đã xác nhận" if row.word == "da_xac_nhan" else "đã ghi là không đúng với đơn vị"
        self.app.push_screen(
            ConfirmScreen(
                "Bỏ xác nhận?",
                f"“{row.description}”\n\nBạn {said}. Bỏ xác nhận này khỏi tệp dữ liệu?",
                [("forget", "Bỏ xác nhận"), ("keep", "Giữ nguyên")],
            ),
            lambda answer: self._forget_answer(row, answer),
        )

    def _forget_answer(self, row: PhraseRow, answer: str | None) -> None:
        if answer == "forget":
            self._change(lambda: self.draft.unconfirm_claim(row.claim))

    def action_cycle(self) -> None:
        row = self.current()
        if row is None or not row.phrase_id:
            return
        if row.variants <= 1:
            self.notify("Câu mẫu này chỉ có một cách viết.", title="Đổi cách viết")
            if not row.included:
                self.action_toggle_phrase()
            return
        following = (row.pinned or row.shown or 0) % row.variants + 1
        self._change(lambda: self.draft.pin_variant(self.section_id, row.phrase_id, following))

    def action_pin(self) -> None:
        row = self.current()
        if row is not None and row.phrase_id:
            variant = None if row.pinned else (row.shown or 1)
            self._change(lambda: self.draft.pin_variant(self.section_id, row.phrase_id, variant))

    def action_move(self, delta: int) -> None:
        row = self.current()
        if row is not None and row.position is not None:
            self._change(lambda: self.draft.move_item(self.section_id, row.position or 0, delta))

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_toggle_phrase()

    def _change(self, operation: Callable[[], object]) -> bool:
        if change_content(self, operation):
            self.post_message(ContentChanged())
            return True
        return False


def change_content(widget: Any, operation: Callable[[], object]) -> bool:
    """Run an operation on a section's items; say why when it cannot be done."""
    try:
        operation()
    except ProblemsError as exc:
        widget.notify(str(exc.problems[0].message) if exc.problems else "dữ liệu chưa hợp lệ", severity="error")
        return False
    except (ValueError, KeyError, IndexError, DraftingError) as exc:
        widget.notify(str(exc), severity="error", title="Không thực hiện được")
        return False
    return True


def _state(row: PhraseRow) -> Text:
    """The one-line state of a phrase in words (colour only repeats them)."""
    auto = "tự động: " if row.included and not row.chosen else ""
    if row.word == "khong_dung":
        return Text("bạn đã ghi: không đúng với đơn vị (C: bỏ)", style="dim")
    if row.state == "trai_so_lieu":
        if row.word == "da_xac_nhan":
            return Text("⚠ trái với số liệu – bạn đã xác nhận giữ câu", style="yellow")
        if row.word == "can_xac_nhan_lai":
            return Text("⚠ trái với số liệu – số liệu đã đổi, cần xác nhận lại (C)", style="bold yellow")
        if row.included:
            return Text("⚠ trái với số liệu – chưa xác nhận (C: xác nhận)", style="bold yellow")
        return Text("⚠ trái với số liệu", style="yellow")
    if row.word == "can_xac_nhan_lai":
        return Text("? số liệu đã đổi – cần xác nhận lại (C)", style="yellow")
    if row.state == "can_xac_nhan":
        return Text("? cần bạn xác nhận (C: xác nhận)", style="cyan")
    if row.word == "da_xac_nhan":
        return Text(auto + "bạn đã xác nhận", style="green")
    label = STATE_LABELS.get(row.state, row.state)
    return Text(auto + label, style="green" if row.state == "goi_y" or row.included else "dim")


class PhraseExplanation(Static):
    """Why the highlighted phrase is (or is not) suggested, worded from the figures."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__("", classes="phrase-why", **kwargs)

    def show(self, row: PhraseRow | None) -> None:
        if row is None or not row.phrase_id:
            self.update("")
            return
        text = Text("Vì sao: ", style="bold")
        text.append(row.reason)
        self.update(text)

    def on_resize(self) -> None:
        # A longer explanation than the last one: still in view under the focused list.
        parent = self.parent
        if parent is not None and any(isinstance(w, PhraseList) and w.has_focus for w in parent.children):
            self.scroll_visible(animate=False)
