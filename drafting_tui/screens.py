"""Dialogs: questions, messages, file names, export, help."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import ClassVar

from rich.table import Table as RichTable
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import (
    Button,
    Input,
    Label,
    RadioButton,
    RadioSet,
    Static,
)

from drafting_tui.texts import EXPORT_FORMATS, KEYS_HELP

# --------------------------------------------------------------------------- modal screens


class ConfirmScreen(ModalScreen[str]):
    """A question with buttons; dismisses with the chosen button's id (``""`` on Esc)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss('')", "Đóng")]

    def __init__(self, title: str, message: str, choices: Sequence[tuple[str, str]]) -> None:
        super().__init__()
        self.title_text, self.message, self.choices = title, message, choices

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield Static(self.message, classes="dialog-body")
            with Horizontal(classes="dialog-buttons"):
                for i, (key, label) in enumerate(self.choices):
                    yield Button(label, id=f"choice-{key}", variant="primary" if i == 0 else "default")

    def on_mount(self) -> None:
        self.query(Button).first().focus()

    @on(Button.Pressed)
    def _chosen(self, event: Button.Pressed) -> None:
        self.dismiss((event.button.id or "").removeprefix("choice-"))


class ReadOnlyScreen(ModalScreen[None]):
    """A dialog to read, closed by Escape or its “Đóng” button (``#close``, focused)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss", "Đóng")]

    def on_mount(self) -> None:
        self.query_one("#close", Button).focus()

    @on(Button.Pressed, "#close")
    def _close(self) -> None:
        self.dismiss(None)


class MessageScreen(ReadOnlyScreen):
    """A read-only list of messages (problems, check results)."""

    def __init__(self, title: str, lines: Iterable[str], note: str = "") -> None:
        super().__init__()
        self.title_text, self.lines, self.note = title, list(lines), note

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label(self.title_text, classes="dialog-title")
            if self.note:
                yield Static(self.note, classes="dialog-note")
            with VerticalScroll(classes="dialog-list"):
                yield Static(Text("\n".join(self.lines) if self.lines else "Không có vấn đề nào."))
            with Horizontal(classes="dialog-buttons"):
                yield Button("Đóng", id="close", variant="primary")


class PathScreen(ModalScreen[Path | None]):
    """Ask for a file path (saving a new draft)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss(None)", "Hủy")]

    def __init__(self, title: str, default: Path, action: str = "Lưu") -> None:
        super().__init__()
        self.title_text, self.default, self.action = title, default, action
        self._confirm_overwrite: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield Label("Tên tệp:")
            yield Input(str(self.default), id="path")
            yield Static("", id="path-error", classes="error")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.action, id="ok", variant="primary")
                yield Button("Hủy", id="cancel")

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
        if path.exists() and self._confirm_overwrite != path:
            self._confirm_overwrite = path
            error.update(f"Tệp “{path}” đã có. Nhấn {self.action} lần nữa để ghi đè.")
            return
        self.dismiss(path)


class ExportScreen(ModalScreen[tuple[str, Path] | None]):
    """Choose the format and the file of an export."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss(None)", "Hủy")]

    def __init__(self, base: Path, fmt: str, pdf_available: bool) -> None:
        super().__init__()
        self.base, self.fmt, self.pdf_available = base, fmt, pdf_available

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Xuất báo cáo", classes="dialog-title")
            with RadioSet(id="format"):
                for key, label in EXPORT_FORMATS:
                    disabled = key == "pdf" and not self.pdf_available
                    yield RadioButton(
                        label + (" – chưa cài LibreOffice" if disabled else ""),
                        value=key == self.fmt,
                        disabled=disabled,
                        id=f"fmt-{key}",
                    )
            yield Label("Tên tệp:")
            yield Input(str(self.base.with_suffix("." + self.fmt)), id="export-path")
            yield Static("", id="export-error", classes="error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Xuất", id="ok", variant="primary")
                yield Button("Hủy", id="cancel")

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
    """Every key of the application."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "dismiss", "Đóng", show=False),
        Binding("question_mark", "dismiss", "Đóng", show=False),
    ]

    def compose(self) -> ComposeResult:
        table = RichTable(show_header=False, box=None, padding=(0, 1), expand=True)
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for title, keys in KEYS_HELP:
            table.add_row(Text(title, style="bold underline"), "")
            for key, what in keys:
                table.add_row(key, what)
            table.add_row("", "")
        with Vertical(classes="dialog wide", id="help"):
            yield Label("Trợ giúp – các phím", classes="dialog-title")
            with VerticalScroll(classes="dialog-list"):
                yield Static(table)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Đóng", id="close", variant="primary")
