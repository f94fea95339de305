"""The preview pane: the current section (or the whole report) as the library composes
it, recomposed in a worker after each edit; then the completion marks and the phrase
list, which change less visibly."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from rich.console import RenderableType
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Static
from textual.worker import get_current_worker

from drafting.bank.bank import Bank
from drafting.editing.draft import phrase_rows, section_marks
from drafting.errors import Problem, ProblemsError
from drafting_tui.preview import Chunk, PreviewResult, section_chunks, text_chunks
from drafting_tui.texts import DETAILS_DELAY, GENERAL

if TYPE_CHECKING:
    from drafting_tui.app import DraftingApp


@dataclass(frozen=True)
class PreviewRequest:
    """What to compose: the validated report of one version of the draft."""

    report: Any
    bank: Bank
    section_id: str
    whole: bool
    version: int
    width: int
    started: float


class ChunkView(Static):
    """One piece of the preview (a heading, a paragraph, a table or a section's text)."""

    def __init__(self, chunk: Chunk, renderable: RenderableType | None = None) -> None:
        super().__init__(
            renderable if renderable is not None else chunk.renderable(),
            classes="heading" if chunk.key.endswith("#") else "",
        )
        self.chunk = chunk
        self.width = 0

    def on_resize(self, event: Any) -> None:
        self.width = event.size.width

    def show(self, chunk: Chunk) -> None:
        """Show a changed chunk; the layout is only redone when its height changes."""
        old = self.chunk
        same_height = bool(chunk.lines and chunk.lines == old.lines and chunk.width == old.width == self.width)
        self.chunk = chunk
        self.update(chunk.renderable(), layout=not same_height)


class PreviewPane(VerticalScroll):
    """The preview of the current section or of the whole report."""

    def __init__(self, delay: float, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.delay = delay
        self.timer: Timer | None = None
        self.ready = False
        self.version = -1
        self.details_version = -1
        self.text = ""
        self.last: PreviewResult | None = None
        self.listeners: list[Callable[[PreviewResult], None]] = []
        self._title = ""
        self._measured: dict[tuple[str, bool, int], int] = {}
        self._measure_lock = threading.Lock()

    @property
    def editor_app(self) -> DraftingApp:
        return cast("DraftingApp", self.app)

    def compose(self) -> ComposeResult:
        yield Static("", id="preview-title")
        with Vertical(id="preview-body"):
            yield ChunkView(Chunk("", ""), Text("Đang soạn bản xem trước…", style="dim"))

    @property
    def settled(self) -> bool:
        """The preview and its details show the current draft and nothing is pending."""
        version = self.editor_app.draft.version
        return self.ready and self.timer is None and self.version == version and self.details_version == version

    # ------------------------------------------------------------------ requests

    def hold(self) -> None:
        """Mark the preview out of date until :meth:`schedule` starts it again (a section
        switch: the preview is composed once the editor is on screen)."""
        if self.timer is not None:
            self.timer.stop()
            self.timer = None
        self.ready = False

    def schedule(self, delay: float | None = None) -> None:
        """Recompose after ``delay`` seconds without edits (the pane's delay by default)."""
        self.hold()
        wait = self.delay if delay is None else delay
        if wait > 0:
            self.timer = self.set_timer(wait, self._start)
            return
        self.timer = None
        if self.app.screen is self.app.screen_stack[0]:
            # After the screen shows what was typed: composing never holds up the echo.
            # (A dialog's screen drops such callbacks when it closes: not over a dialog.)
            self.call_after_refresh(self._start)
        else:
            self.call_later(self._start)

    def _start(self) -> None:
        self.timer = None
        app = self.editor_app
        started = time.perf_counter()
        try:
            report = app.draft.report()
        except ProblemsError as exc:
            self._show_invalid(exc.problems)
            return
        if not app.phrases_loaded:
            self._set_body(Text("Đang tải kho câu mẫu…", style="dim"), "")
            return
        whole = app.whole or app.section_id == GENERAL
        width = next((view.width for view in self.query(ChunkView)), 0)
        self._compose_in_worker(
            PreviewRequest(report, app.bank, app.section_id, whole, app.draft.version, width, started)
        )

    @work(exclusive=True, thread=True, group="preview", exit_on_error=False, description="soạn bản xem trước")
    def _compose_in_worker(self, request: PreviewRequest) -> None:
        worker = get_current_worker()
        try:
            result, composer = self._composed(request)
        except Exception as exc:  # noqa: BLE001 - shown; the next edit tries again
            self._to_app(self.notify, f"Không soạn được bản xem trước: {exc}", severity="error", title="Xem trước")
            return
        if worker.is_cancelled:
            return
        self._to_app(self._show, result)
        # Then what changes less visibly, once the preview is on screen.
        time.sleep(DETAILS_DELAY)
        if worker.is_cancelled:
            return
        outline = request.bank.outline
        section_id = request.section_id
        if not request.whole and outline.is_leaf(section_id) and outline.section(section_id).phrase_groups:
            result.rows = phrase_rows(composer, section_id)
        result.marks = section_marks(composer.report, composer.bank, composer)
        if not worker.is_cancelled:
            self._to_app(self._show_details, result)

    def _composed(self, request: PreviewRequest) -> tuple[PreviewResult, Any]:
        from drafting.composition.composer import Composer

        composer = Composer.create(request.report, request.bank)
        problems: list[Problem] = []
        result = PreviewResult(request.version, request.section_id, request.whole)
        if request.whole:
            from drafting.export.text import to_text

            try:
                document = composer.document()
                titles = [sec.title for top in document.sections for sec in top.walk()]
                result.chunks = text_chunks(to_text(document), titles)
            except ProblemsError as exc:
                problems.extend(exc.problems)
                for top in request.bank.outline.children(None):
                    result.chunks.extend(section_chunks(composer.build_section(top, [])))
        else:
            section = request.bank.outline.section(request.section_id)
            result.chunks = section_chunks(composer.build_section(section, problems))
        with self._measure_lock:
            result.chunks = [chunk.measured(request.width, self._measured) for chunk in result.chunks]
        result.problems = tuple(problems)
        result.seconds = time.perf_counter() - request.started
        return result, composer

    def _to_app(self, callback: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        """Run ``callback`` on the application's thread (nothing once it closes)."""
        if not self.app.is_running or self.editor_app.exiting:
            return
        with contextlib.suppress(RuntimeError):
            self.app.call_from_thread(callback, *args, **kwargs)

    # ------------------------------------------------------------------ showing

    def _show(self, result: PreviewResult) -> None:
        app = self.editor_app
        if not result.whole and result.section_id != app.section_id:
            return
        self.last = result
        self._set_title("Xem trước: toàn bộ báo cáo" if result.whole else f"Xem trước: mục {result.section_id}")
        self._set_chunks(result.chunks)
        self.version = result.version
        self.ready = True
        app.preview_shown(result)
        for listener in list(self.listeners):
            listener(result)

    def _show_details(self, result: PreviewResult) -> None:
        if self.last is not None and self.last.section_id == result.section_id and result.rows is not None:
            self.last.rows = result.rows
        self.editor_app.details_shown(result)
        self.details_version = result.version

    def _set_title(self, title: str) -> None:
        if title != self._title:
            self._title = title
            self.query_one("#preview-title", Static).update(Text(title, style="bold reverse"))

    def _set_chunks(self, chunks: Sequence[Chunk]) -> None:
        """Show the preview; only the pieces whose text changed are rendered again."""
        self.text = "\n".join(c.plain for c in chunks)
        body = self.query_one("#preview-body", Vertical)
        shown = [w for w in body.children if isinstance(w, ChunkView)]
        if [w.chunk.key for w in shown] == [c.key for c in chunks]:
            first: ChunkView | None = None
            for widget, chunk in zip(shown, chunks, strict=True):
                if widget.chunk != chunk:
                    widget.show(chunk)
                    first = first or widget
            if first is not None:
                # Bring what just changed into view (when it is not already).
                self.call_after_refresh(self._reveal, first)
            return
        with self.app.batch_update():
            body.remove_children()
            body.mount_all([ChunkView(c) for c in chunks])

    def _reveal(self, widget: Widget) -> None:
        if not widget.is_attached or not self.display:
            return
        region, visible = widget.region, self.content_region
        if region.height and (region.y < visible.y or region.bottom > visible.bottom):
            self.scroll_to_widget(widget, animate=False, top=True)

    def _set_body(self, body: RenderableType, text: str) -> None:
        self.text = text
        container = self.query_one("#preview-body", Vertical)
        with self.app.batch_update():
            container.remove_children()
            container.mount(ChunkView(Chunk("", text), body))

    def _show_invalid(self, problems: Sequence[Problem]) -> None:
        lines = Text("Dữ liệu chưa hợp lệ, chưa soạn được bản xem trước:\n\n", style="bold red")
        for problem in problems[:30]:
            lines.append(f"• {problem.message}\n")
        self._set_body(lines, lines.plain)
        result = PreviewResult(self.editor_app.draft.version, self.editor_app.section_id, False)
        result.problems = tuple(problems)
        result.invalid = True
        self.version = self.details_version = result.version
        self.ready = True
        self.editor_app.preview_shown(result)
