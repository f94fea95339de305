"""What follows the first screen: the file's round-trip document and the phrase bank, read
in worker threads, then the garbage collector settled (:mod:`drafting_tui.memory`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafting.errors import ProblemsError
from drafting_tui.findings import ProblemsBar
from drafting_tui.memory import restore_memory, settle_memory
from drafting_tui.outline import OutlineTree
from drafting_tui.screens import MessageScreen

if TYPE_CHECKING:
    from drafting_tui.app import DraftingApp


class Startup:
    """The application's loading after its first screen (composition, not a mixin)."""

    def __init__(self, app: DraftingApp, bank_given: bool) -> None:
        self.app = app
        self.bank_given = bank_given
        self.started = False
        self.phrases_loaded = False
        self._gc_thresholds: tuple[int, int, int] | None = None  # set once start-up is frozen

    def after_first_screen(self) -> None:
        """Start loading, once (called after the first refresh and by a timer)."""
        app = self.app
        if self.started:
            return
        self.started = True
        app.query_one(OutlineTree).show(app.section_id)
        if app.narrow and app.screen is app.screen_stack[0]:
            app.editor.focus_first()  # the outline is hidden: the first field, not the guidance
        if not app.draft.document_loaded:
            app.run_worker(self._load_document, thread=True, group="document", description="đọc tệp để sửa")
        if self.bank_given:
            self._bank_ready()
        else:
            app.run_worker(self._load_bank, thread=True, group="bank", description="tải kho câu mẫu")

    def _load_document(self) -> None:
        app = self.app
        try:
            app.draft.load_document()
        except ProblemsError as exc:
            screen = MessageScreen("Không sửa được tệp này", [p.message for p in exc.problems])
            app.call_from_thread(app.push_screen, screen)
        app.call_from_thread(self._settle_memory)

    def _load_bank(self) -> None:
        _ = self.app.bank.phrase_set  # loaded here, off the event loop
        self.app.call_from_thread(self._bank_ready)

    def _bank_ready(self) -> None:
        app = self.app
        self.phrases_loaded = True
        self._settle_memory()
        if app.bank.problems:
            app.notify(
                f"Kho câu mẫu có {len(app.bank.problems)} lỗi; các câu mẫu lỗi được bỏ qua (F5 để xem).",
                severity="warning",
                title="Kho câu mẫu",
            )
        app.query_one(ProblemsBar).show(bank=app.bank.problems)
        app.schedule_preview(0)

    def _settle_memory(self) -> None:
        """Once the phrase bank and the file's document are read (see :mod:`memory`)."""
        if self.phrases_loaded and self.app.draft.document_loaded and self._gc_thresholds is None:
            self._gc_thresholds = settle_memory()

    def on_exit(self) -> None:
        """Undo :meth:`_settle_memory`."""
        if self._gc_thresholds is not None:
            restore_memory(self._gc_thresholds)
            self._gc_thresholds = None
