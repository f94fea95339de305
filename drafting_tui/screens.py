"""Dialogs: questions, messages, file names, export, help, check results.

Every dialog fits the screen: its body scrolls, its buttons stay visible, ← and → move
between the buttons and Esc cancels.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import ClassVar, TypeVar

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Static

from drafting_tui.texts import EXPORT_FORMATS, KEYS_HELP

T = TypeVar("T")


class Dialog(ModalScreen[T]):
    """A dialog: Esc cancels (dismisses with ``None``), ← → move between the buttons."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Đóng"),
        Binding("left", "button(-1)", "Nút trước", show=False),
        Binding("right", "button(1)", "Nút sau", show=False),
        Binding("pagedown", "scroll_body('page_down')", "Trang sau", show=False),
        Binding("pageup", "scroll_body('page_up')", "Trang trước", show=False),
        Binding("down", "scroll_body('down')", "Xuống", show=False),
        Binding("up", "scroll_body('up')", "Lên", show=False),
    ]

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_button(self, step: int) -> None:
        buttons = [b for b in self.query(Button) if b.focusable]
        if not buttons:
            return
        focused = self.focused
        index = buttons.index(focused) if focused in buttons else (-1 if step > 0 else 0)
        buttons[(index + step) % len(buttons)].focus()

    def action_scroll_body(self, direction: str) -> None:
        """Scroll the dialog's body whatever is focused (its buttons, usually)."""
        for body in self.query(VerticalScroll):
            getattr(body, f"scroll_{direction}")(animate=False)
            return

    @staticmethod
    def buttons(*choices: tuple[str, str], primary: int = 0) -> Horizontal:
        """The row of buttons (``(id, label)``), always visible at the dialog's foot."""
        return Horizontal(
            *(
                Button(label, id=key, variant="primary" if i == primary else "default", compact=True)
                for i, (key, label) in enumerate(choices)
            ),
            classes="dialog-buttons",
        )


class ConfirmScreen(Dialog[str]):
    """A question with buttons; dismisses with the chosen button's id (``""`` on Esc)."""

    def __init__(self, title: str, message: str, choices: Sequence[tuple[str, str]]) -> None:
        super().__init__()
        self.title_text, self.message, self.choices = title, message, choices

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            with VerticalScroll(classes="dialog-list"):
                yield Static(self.message, classes="dialog-body", markup=False)
            yield self.buttons(*((f"choice-{key}", label) for key, label in self.choices))

    def on_mount(self) -> None:
        self.query(Button).first().focus()

    def action_cancel(self) -> None:
        self.dismiss("")

    @on(Button.Pressed)
    def _chosen(self, event: Button.Pressed) -> None:
        self.dismiss((event.button.id or "").removeprefix("choice-"))


class ClaimScreen(Dialog[tuple[str, str]]):
    """The writer's word on what a phrase says: a message, a reason to keep in the file
    (optional) and buttons; dismisses with (the chosen button's key, the reason), or
    ``("", "")`` on Esc."""

    def __init__(self, title: str, message: str, choices: Sequence[tuple[str, str]], reason: str = "") -> None:
        super().__init__()
        self.title_text, self.message, self.choices, self.reason = title, message, choices, reason

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="claim"):
            yield Label(self.title_text, classes="dialog-title")
            with VerticalScroll(classes="dialog-list"):
                yield Static(self.message, classes="dialog-body", markup=False)
            yield Label("Lý do (ghi vào tệp, không bắt buộc):", classes="reason-label")
            yield Input(self.reason, placeholder="ví dụ: số liệu chưa phản ánh hết", id="reason", compact=True)
            yield self.buttons(*((f"choice-{key}", label) for key, label in self.choices))

    def on_mount(self) -> None:
        self.query(Button).first().focus()

    def action_cancel(self) -> None:
        self.dismiss(("", ""))

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.query(Button).first().press()

    @on(Button.Pressed)
    def _chosen(self, event: Button.Pressed) -> None:
        key = (event.button.id or "").removeprefix("choice-")
        self.dismiss((key, self.query_one("#reason", Input).value.strip()))


class ReadOnlyScreen(Dialog[None]):
    """A dialog to read, closed by Escape or its “Đóng” button (``#close``, focused)."""

    def on_mount(self) -> None:
        self.query_one("#close", Button).focus()

    @on(Button.Pressed, "#close")
    def _close(self) -> None:
        self.dismiss(None)


class MessageScreen(ReadOnlyScreen):
    """A read-only list of messages (problems)."""

    def __init__(self, title: str, lines: Iterable[str], note: str = "") -> None:
        super().__init__()
        self.title_text, self.lines, self.note = title, list(lines), note

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label(self.title_text, classes="dialog-title")
            with VerticalScroll(classes="dialog-list"):
                if self.note:
                    yield Static(self.note, classes="dialog-note", markup=False)
                yield Static(Text("\n".join(self.lines) if self.lines else "Không có vấn đề nào."))
            yield self.buttons(("close", "Đóng"))


class PathScreen(Dialog[Path | None]):
    """Ask for a file path (saving a new draft)."""

    def __init__(self, title: str, default: Path, action: str = "Lưu", new_file: bool = False) -> None:
        super().__init__()
        self.title_text, self.default, self.action = title, default, action
        self.new_file = new_file  # a file that is there is refused, never written over
        self._confirm_overwrite: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield Label("Tên tệp:")
            yield Input(str(self.default), id="path")
            yield Static("", id="path-error", classes="error")
            yield self.buttons(("ok", self.action), ("cancel", "Hủy"))

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus()

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def _ok(self) -> None:
        text = self.query_one("#path", Input).value.strip()
        error = self.query_one("#path-error", Static)
        if not text:
            error.update("Hãy nhập tên tệp.")
            return
        path = Path(text).expanduser()
        parent = path.parent if str(path.parent) else Path(".")
        if not parent.is_dir():
            error.update(f"Thư mục “{parent}” không tồn tại.")
            return
        if path.is_dir():
            error.update("Đây là thư mục; hãy ghi tên tệp.")
            return
        if path.exists() and self.new_file:
            error.update(f"Tệp “{path}” đã có; hãy đặt tên khác.")
            return
        if path.exists() and self._confirm_overwrite != path:
            self._confirm_overwrite = path
            error.update(f"Tệp “{path}” đã có. Nhấn {self.action} lần nữa để ghi đè.")
            return
        self.dismiss(path)


class FormatButton(RadioButton):
    """A format to export to: the chosen one shows ● and the others ○, not only a colour."""

    @property
    def _button(self) -> Content:
        self.BUTTON_INNER = "●" if self.value else "○"
        return super()._button


class ExportScreen(Dialog[tuple[str, Path] | None]):
    """Choose the format and the file of an export."""

    def __init__(self, base: Path, fmt: str, pdf_available: bool) -> None:
        super().__init__()
        self.base, self.fmt, self.pdf_available = base, fmt, pdf_available

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Xuất báo cáo", classes="dialog-title")
            with RadioSet(id="format"):
                for key, label in EXPORT_FORMATS:
                    disabled = key == "pdf" and not self.pdf_available
                    yield FormatButton(
                        label + (" – chưa cài LibreOffice" if disabled else ""),
                        value=key == self.fmt,
                        disabled=disabled,
                        id=f"fmt-{key}",
                    )
            yield Label("Tên tệp:")
            yield Input(str(self.base.with_suffix("." + self.fmt)), id="export-path")
            yield Static("", id="export-error", classes="error")
            yield self.buttons(("ok", "Xuất"), ("cancel", "Hủy"))

    def on_mount(self) -> None:
        self.query_one("#export-path", Input).focus()

    @on(RadioSet.Changed)
    def _format(self, event: RadioSet.Changed) -> None:
        self.fmt = (event.pressed.id or "fmt-docx").removeprefix("fmt-")
        path_input = self.query_one("#export-path", Input)
        path_input.value = str(Path(path_input.value or self.base).with_suffix("." + self.fmt))

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def _ok(self) -> None:
        text = self.query_one("#export-path", Input).value.strip()
        if not text:
            self.query_one("#export-error", Static).update("Hãy nhập tên tệp.")
            return
        self.dismiss((self.fmt, Path(text).expanduser()))


class HelpScreen(ReadOnlyScreen):
    """How to use the editor, and every key."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "cancel", "Đóng", show=False),
        Binding("question_mark", "cancel", "Đóng", show=False),
    ]

    def compose(self) -> ComposeResult:
        from drafting_tui.texts import HELP_INTRO

        # Plain text in two columns (lighter to lay out than a table of forty rows).
        keys = Text(HELP_INTRO + "\n")
        width = max(cell_len(key) for _, rows in KEYS_HELP for key, _ in rows) + 2
        for title, rows in KEYS_HELP:
            keys.append(f"\n{title}\n", style="bold underline")
            for key, what in rows:
                keys.append(key + " " * (width - cell_len(key)), style="bold")
                keys.append(what + "\n")
        with Vertical(classes="dialog wide", id="help"):
            yield Label("Trợ giúp", classes="dialog-title")
            with VerticalScroll(classes="dialog-list", id="help-body"):
                yield Static(keys)
            yield self.buttons(("close", "Đóng"))
