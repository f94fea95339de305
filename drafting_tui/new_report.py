"""A new report from inside the editor (“Báo cáo mới…” in the palette): the current draft
saved or let go first, then a new file for this year, written at once and opened."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from drafting.editing.draft import Draft
from drafting.errors import OutputError
from drafting_tui.screens import ConfirmScreen, PathScreen

if TYPE_CHECKING:
    from drafting_tui.app import DraftingApp


class NewReport:
    """The steps of starting a new report; ``start`` is the palette's command."""

    def __init__(self, app: DraftingApp) -> None:
        self.app = app
        self.year = datetime.date.today().year

    def start(self) -> None:
        draft = self.app.draft
        if not draft.dirty:
            self._ask_path()
            return
        self.app.push_screen(
            ConfirmScreen(
                "Báo cáo mới",
                "Bản nháp đang soạn có thay đổi chưa lưu.",
                [("save", "Lưu rồi tạo mới"), ("discard", "Bỏ thay đổi"), ("stay", "Ở lại")],
            ),
            self._unsaved_answer,
        )

    def _unsaved_answer(self, answer: str | None) -> None:
        flows = self.app.flows
        if answer == "save":
            if self.app.draft.path is None:
                self.app.push_screen(PathScreen("Lưu bản nháp", self.app.draft.suggested_path()), self._saved_as)
            else:
                flows.save_to(self.app.draft.path, then=self._ask_path)
        elif answer == "discard":
            self.app.draft.discard_recovery()
            self._ask_path()

    def _saved_as(self, path: Path | None) -> None:
        if path is not None:
            self.app.flows.save_to(path, then=self._ask_path)

    def _ask_path(self) -> None:
        where = self.app.draft.path.parent if self.app.draft.path is not None else Path()
        default = where / f"bao-cao-{self.year}.yaml"
        title = f"Báo cáo mới năm {self.year} (đổi năm ở Thông tin chung)"
        self.app.push_screen(PathScreen(title, default, action="Tạo", new_file=True), self._create)

    def _create(self, path: Path | None) -> None:
        if path is None:
            return
        draft = Draft.new(self.year, path, bank=self.app.bank)
        try:
            draft.save(path)
        except (OutputError, OSError) as exc:
            self.app.notify(str(exc), severity="error", title="Chưa tạo được báo cáo mới")
            return
        self.app.use_draft(draft)
        self.app.notify(f"Đã tạo {path}", title="Báo cáo mới")
