"""Saving, recovering, exporting and quitting: the dialogs around the draft's file."""

from __future__ import annotations

import contextlib
import datetime
import re
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from drafting.errors import DraftingError, FileChangedError, OutputError, ProblemsError
from drafting_tui.screens import ConfirmScreen, ExportScreen, MessageScreen, PathScreen

if TYPE_CHECKING:
    from drafting.document import Document
    from drafting_tui.app import DraftingApp

CHANGED_CHOICES = (
    ("elsewhere", "Lưu thành tệp khác"),
    ("overwrite", "Lưu đè"),
    ("reload", "Tải lại tệp"),
    ("stay", "Để sau"),
)
"""What the writer may do when the file changed on disk since it was read."""
GAP = re.compile(r"\[Chưa nhập: ([^\]]*)\]")


def document_gaps(document: Document) -> list[str]:
    """What the composed report still leaves for the writer to enter, in order."""
    from drafting.export.text import to_text

    return list(dict.fromkeys(m.group(1) for m in GAP.finditer(to_text(document))))


class Flows:
    """The file dialogs of an application (a helper it owns, not a widget)."""

    def __init__(self, app: DraftingApp) -> None:
        self.app = app
        self.keep_recovery = True
        self.export_count = 0
        self.last_export: Path | None = None

    @property
    def draft(self) -> Any:
        return self.app.draft

    # ------------------------------------------------------------------ recovery

    def opened(self, opened_path: Path | None) -> None:
        """What the writer must know about the file just opened: notes on an older format,
        a file that could not be read, a recovery file to restore."""
        from drafting.editing.draft import Draft

        for note in self.draft.notes:  # an older file, brought to the current format
            self.app.notify(note, title="Tệp theo định dạng cũ", timeout=20)
        if self.draft.problems:
            where = self.draft.source or opened_path
            self.app.push_screen(
                MessageScreen(
                    "Không mở được tệp dữ liệu",
                    [p.message for p in self.draft.problems],
                    note=(
                        f"Tệp “{where}” không đọc được. Đã mở một bản nháp mới, chưa lưu; "
                        "tệp gốc không bị thay đổi. Hãy sửa tệp bằng trình soạn thảo rồi mở lại."
                    ),
                )
            )
        elif Draft.has_recovery(self.draft.path) and (
            self.draft.path is not None or opened_path is None or self.draft.source is not None
        ):
            self.offer_restore()

    def offer_restore(self) -> None:
        recovery = self.draft.recovery_file
        try:
            stamp = datetime.datetime.fromtimestamp(recovery.stat().st_mtime).strftime("%H:%M ngày %d/%m/%Y")
        except OSError:
            stamp = "trước đây"
        whose = f"tệp {self.draft.path}" if self.draft.path else "bản nháp chưa đặt tên"
        self.app.push_screen(
            ConfirmScreen(
                "Khôi phục thay đổi chưa lưu?",
                f"Có bản tự lưu “{recovery.name}” (lúc {stamp}) với những thay đổi chưa được lưu của {whose}.",
                [("restore", "Khôi phục"), ("discard", "Bỏ bản tự lưu")],
            ),
            self._restore_answer,
        )

    def _restore_answer(self, answer: str | None) -> None:
        if answer == "restore":
            try:
                self.draft.restore_recovery()
            except ProblemsError as exc:
                self.app.push_screen(MessageScreen("Không khôi phục được", [p.message for p in exc.problems]))
                return
            self.app.notify("Đã khôi phục các thay đổi chưa lưu.", title="Khôi phục")
            self.app.show_section(self.app.section_id)
        elif answer == "discard":
            self.draft.discard_recovery()

    def autosave(self) -> None:
        """Write unsaved changes to the recovery file (every few seconds)."""
        try:
            self.draft.write_recovery()
        except (OutputError, OSError) as exc:
            self.app.notify(f"Không tự lưu được: {exc}", severity="warning", title="Tự lưu")

    def on_exit(self) -> None:
        if self.keep_recovery and self.draft.dirty:
            with contextlib.suppress(OutputError, OSError):
                self.draft.write_recovery(force=True)

    # ------------------------------------------------------------------ saving

    def save(self) -> None:
        if self.draft.path is None:
            self.save_as()
        else:
            self.save_to(self.draft.path)

    def save_as(self) -> None:
        self.app.push_screen(PathScreen("Lưu bản nháp", self.draft.suggested_path()), self._save_answer)

    def _save_answer(self, path: Path | None) -> None:
        if path is not None:
            self.save_to(path)

    def save_to(self, path: Path, overwrite: bool = False, then: Callable[[], object] | None = None) -> bool:
        """Save; when another program changed the file since it was read, ask what to do
        (``then`` runs once the draft is saved, after that question too)."""
        try:
            written = self.draft.save(path, overwrite=overwrite)
        except FileChangedError as exc:
            self.app.push_screen(
                ConfirmScreen(
                    "Tệp đã bị thay đổi bên ngoài",
                    f"Tệp “{exc.path.name}” đã được sửa ở nơi khác (cửa sổ hoặc chương trình khác) từ khi mở. "
                    "Lưu đè sẽ làm mất thay đổi đó; tải lại sẽ bỏ thay đổi chưa lưu ở đây.",
                    [
                        ("elsewhere", "Lưu thành tệp khác"),
                        ("overwrite", "Lưu đè"),
                        ("reload", "Tải lại tệp"),
                        ("stay", "Để sau"),
                    ],
                ),
                lambda answer: self._changed_answer(answer, path, then),
            )
            return False
        except (OutputError, OSError) as exc:
            self.app.notify(str(exc), severity="error", title="Chưa lưu được")
            return False
        self.app.update_title()
        self.app.notify(f"Đã lưu {written}", title="Lưu")
        if then is not None:
            then()
        return True

    def _save_elsewhere(self, path: Path | None, then: Callable[[], object] | None) -> None:
        if path is not None:
            self.save_to(path, then=then)

    def _changed_answer(self, answer: str | None, path: Path, then: Callable[[], object] | None) -> None:
        if answer == "overwrite":
            self.save_to(path, overwrite=True, then=then)
        elif answer == "elsewhere":
            self.app.push_screen(
                PathScreen("Lưu thành tệp khác", path.with_name(path.stem + "-ban-moi" + path.suffix)),
                partial(self._save_elsewhere, then=then),
            )
        elif answer == "reload":
            try:
                self.draft.reload()
            except (ProblemsError, OutputError, OSError) as exc:
                self.app.notify(str(exc), severity="error", title="Chưa tải lại được")
                return
            self.app.notify("Đã tải lại tệp; các thay đổi chưa lưu ở đây đã bỏ.", title="Tải lại")
            self.app.show_section(self.app.section_id)

    # ------------------------------------------------------------------ export

    def export(self, fmt: str = "docx") -> None:
        from drafting.export.pdf import soffice_path

        pdf = soffice_path() is not None
        if fmt == "pdf" and not pdf:
            self.app.notify(
                "Chưa cài LibreOffice (soffice) nên chưa xuất được PDF; hãy xuất Word (.docx).",
                severity="warning",
                title="Xuất PDF",
            )
            fmt = "docx"
        base = self.draft.path.with_suffix("") if self.draft.path is not None else Path(f"bao-cao-{self.draft.year}")
        self.app.push_screen(ExportScreen(base, fmt, pdf), self._export_answer)

    def _export_answer(self, answer: tuple[str, Path] | None) -> None:
        if answer is None:
            return
        fmt, path = answer
        try:
            report = self.draft.report()
        except ProblemsError as exc:
            lines = [p.message for p in exc.problems]
            self.app.push_screen(MessageScreen("Chưa xuất được: dữ liệu chưa hợp lệ", lines))
            return
        from drafting.composition.composer import compose

        try:
            document = compose(report, self.app.bank)
        except ProblemsError as exc:
            self.app.push_screen(MessageScreen("Chưa xuất được", [p.message for p in exc.problems]))
            return
        gaps = document_gaps(document)
        if not gaps:
            self._write(document, fmt, path)
            return
        listed = "\n".join(f"• {gap}" for gap in gaps)
        self.app.push_screen(
            ConfirmScreen(
                f"Báo cáo còn {len(gaps)} chỗ chưa nhập",
                f"Trong tệp xuất, những chỗ này hiện là “[Chưa nhập: …]”:\n{listed}",
                [("write", "Vẫn xuất"), ("back", "Quay lại soạn")],
            ),
            lambda choice: self._write(document, fmt, path) if choice == "write" else None,
        )

    def _write(self, document: Document, fmt: str, path: Path) -> None:
        self.app.notify(f"Đang xuất {path}…", title="Xuất báo cáo", timeout=2)
        self.app.run_worker(
            partial(self._write_file, document, fmt, path), thread=True, group="export", description="xuất báo cáo"
        )

    def _write_file(self, document: Document, fmt: str, path: Path) -> None:
        """Write the export (in a worker thread)."""
        from drafting.export.render import write_document
        from drafting.files.outputs import check_output_path

        app = self.app
        inputs = [p for p in (self.draft.path, self.draft.source) if p is not None]
        try:
            check_output_path(path, inputs)
            write_document(document, path, fmt)
        except ProblemsError as exc:
            lines = [p.message for p in exc.problems]
            app.call_from_thread(app.push_screen, MessageScreen("Chưa xuất được", lines))
            return
        except (DraftingError, OSError) as exc:
            app.call_from_thread(app.notify, str(exc), severity="error", title="Chưa xuất được")
            return
        app.call_from_thread(self._exported, path)

    def _exported(self, path: Path) -> None:
        self.export_count += 1
        self.last_export = path
        self.app.notify(f"Đã xuất báo cáo: {path}", title="Xuất báo cáo")

    # ------------------------------------------------------------------ quitting

    def quit(self) -> None:
        if not self.draft.dirty:
            self.keep_recovery = False
            self.app.exit()
            return
        self.app.push_screen(
            ConfirmScreen(
                "Thoát?",
                "Bản nháp có thay đổi chưa lưu.",
                [("save", "Lưu rồi thoát"), ("discard", "Thoát, bỏ thay đổi"), ("stay", "Ở lại")],
            ),
            self._quit_answer,
        )

    def _quit_answer(self, answer: str | None) -> None:
        if answer == "save":
            if self.draft.path is None:
                self.app.push_screen(PathScreen("Lưu bản nháp", self.draft.suggested_path()), self._save_then_quit)
            else:
                self.save_to(self.draft.path, then=self.app.exit)
        elif answer == "discard":
            self.keep_recovery = False
            self.draft.discard_recovery()
            self.app.exit()

    def _save_then_quit(self, path: Path | None) -> None:
        if path is not None:
            self.save_to(path, then=self.app.exit)
