"""The import dialog: figures from a statistics spreadsheet into the draft being edited.

The same import as ``drafting import`` (:mod:`drafting.datafile.importing`), with the
same report, applied to the draft in memory: the writer sees the figures in the form and
saves as usual. "Xem trước" shows the report without changing anything.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Button, Checkbox, Input, Label, Static

from drafting.errors import DraftingError, ProblemsError
from drafting_tui.screens import Dialog

if TYPE_CHECKING:
    from drafting_tui.app import DraftingApp


class ImportScreen(Dialog[None]):
    """Ask for the workbook (and a map), show the report, import on request."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label("Nhập số liệu từ bảng tính", classes="dialog-title")
            yield Label("Bảng tính (.xlsx, .csv):")
            yield Input("", id="import-book", placeholder="so-lieu.xlsx")
            yield Label("Bản đồ ô số liệu (để trống nếu là mẫu của công cụ):")
            yield Input("", id="import-map", placeholder="ban-do.yaml")
            yield Checkbox("Thay các giá trị đã có mà khác bảng tính", id="import-overwrite")
            with VerticalScroll(classes="dialog-list"):
                yield Static("", id="import-report")
            yield self.buttons(
                ("import-preview", "Xem trước"), ("import-apply", "Nhập"), ("import-close", "Đóng"), primary=1
            )

    def on_mount(self) -> None:
        self.query_one("#import-book", Input).focus()

    @on(Button.Pressed, "#import-close")
    def _close(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted)
    @on(Button.Pressed, "#import-preview")
    def preview(self) -> None:
        self._run(apply=False)

    @on(Button.Pressed, "#import-apply")
    def apply(self) -> None:
        self._run(apply=True)

    def _show(self, lines: list[str]) -> None:
        self.query_one("#import-report", Static).update(Text("\n".join(lines)))

    def _run(self, apply: bool) -> None:
        from drafting.datafile.importing.mapping import load_map
        from drafting.datafile.importing.plan import apply_plan, open_book, plan_import
        from drafting.datafile.importing.summary import report_lines

        app: DraftingApp = self.app  # type: ignore[assignment]
        book = self.query_one("#import-book", Input).value.strip()
        if not book:
            self._show(["Hãy nhập tên tệp bảng tính."])
            return
        map_text = self.query_one("#import-map", Input).value.strip()
        overwrite = self.query_one("#import-overwrite", Checkbox).value
        draft = app.draft
        try:
            layout = load_map(Path(map_text).expanduser(), draft.catalogue) if map_text else None
            plan = plan_import(open_book(Path(book).expanduser()), draft, layout, overwrite=overwrite)
            changed = apply_plan(plan, draft) if apply else 0
        except ProblemsError as exc:
            self._show(["Không nhập được (bản nháp giữ nguyên):", *(str(p) for p in exc.problems)])
            return
        except DraftingError as exc:
            self._show(["Không nhập được (bản nháp giữ nguyên):", str(exc)])
            return
        lines = report_lines(plan, draft.catalogue, dry_run=not apply)
        if apply:
            done = f"Đã nhập {changed} giá trị vào bản nháp; nhấn Ctrl+S để lưu."
            lines.append(done if changed else "Không có gì mới.")
            if changed:
                app.show_section(app.section_id)
        self._show(lines)


def open_import(app: DraftingApp) -> None:
    """The palette's command: open the dialog."""
    app.push_screen(ImportScreen())
