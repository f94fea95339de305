"""The application: the outline, the editor of a section and the preview of the report,
wired together; the dialogs around the file are in :mod:`drafting_tui.flows`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar, cast

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.command import CommandPalette, Provider
from textual.events import Resize
from textual.widgets import Header, Tree

from drafting.bank.bank import Bank
from drafting.editing.draft import Draft
from drafting_tui.check_screen import CheckScreen
from drafting_tui.commands import ActionCommands, Palette, PhraseCommands, SectionCommands
from drafting_tui.editor import SectionEditor
from drafting_tui.findings import Place, ProblemsBar, check_findings
from drafting_tui.flows import Flows
from drafting_tui.forms import render_heading
from drafting_tui.layout import MainRow
from drafting_tui.outline import OutlineTree
from drafting_tui.preview import PreviewResult
from drafting_tui.preview_pane import PreviewPane
from drafting_tui.screens import HelpScreen
from drafting_tui.startup import Startup
from drafting_tui.targets import GotoSection
from drafting_tui.texts import GENERAL, stylesheet
from drafting_tui.widgets import KeyBar


class DraftingApp(App[None]):
    """Soạn Báo cáo tổng kết công tác thi đua, khen thưởng."""

    CSS_PATH = [stylesheet()]
    TITLE = "Báo cáo tổng kết thi đua, khen thưởng"
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {
        SectionCommands,
        PhraseCommands,
        ActionCommands,
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Lưu", priority=True),
        Binding("ctrl+e", "export", "Xuất báo cáo", priority=True),
        # Tab is handled as soon as it arrives, before the keys typed after it: they go
        # to the next field whatever the typing speed.
        Binding("tab", "focus_next", "Ô sau", show=False, priority=True),
        Binding("shift+tab", "focus_previous", "Ô trước", show=False, priority=True),
        Binding("f1", "help", "Trợ giúp"),
        Binding("question_mark", "help", "Trợ giúp", show=False),
        Binding("f2", "toggle_tree", "Dàn ý"),
        Binding("f3", "toggle_preview", "Xem trước"),
        Binding("f4", "toggle_whole", "Toàn bộ", show=False),
        Binding("f5", "check", "Kiểm tra", show=False),
        Binding("f6", "cycle_pane", "Chuyển khung", show=False),
        Binding("f7", "why", "Vì sao", show=False),
        Binding("escape", "focus_outline", "Về dàn ý", show=False),
        Binding("ctrl+p", "command_palette", "Lệnh", priority=True),
        Binding("ctrl+q", "quit", "Thoát", priority=True),
    ]
    AUTOSAVE_SECONDS = 5.0

    def __init__(
        self,
        path: Path | str | None = None,
        *,
        draft: Draft | None = None,
        preview_delay: float = 0.15,
        cursor_blink: bool = True,
        autosave: float | None = None,
        start_section: str = "I",
        bank: Bank | None = None,
    ) -> None:
        super().__init__()
        self.animation_level = "none"  # the focused field is scrolled into view at once
        # The file is read quickly for the first screen; its round-trip document (comments
        # and key order, for editing and saving) is parsed right after it.
        self.draft = draft or Draft.open_or_new(path, bank=bank, defer=True)
        self.opened_path = Path(path) if path is not None else None
        self.bank: Bank = self.draft.bank
        self.outline = self.bank.outline
        self.startup = Startup(self, bank_given=bank is not None)  # the phrases follow the first screen
        self.cursor_blink_enabled = cursor_blink
        self.autosave_seconds = self.AUTOSAVE_SECONDS if autosave is None else autosave
        if start_section != GENERAL and start_section not in self.outline.ids:
            start_section = GENERAL
        self.section_id = start_section
        self.whole = False
        self.exiting = False
        self.flows = Flows(self)
        self.preview = PreviewPane(preview_delay, id="preview")
        self.editor = SectionEditor(self.draft, self.section_id, id="editor")
        self.command_palette_placeholder = "Tìm mục, câu mẫu hoặc lệnh…"

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        with MainRow(width=self.size.width, id="main"):
            yield OutlineTree(self.outline, self.draft.year, id="outline")
            # The first section's editor is part of the first screen.
            with self.editor:
                yield from self.editor.widgets_of(self.section_id)
            yield self.preview
        yield ProblemsBar(self.draft)
        yield KeyBar()

    def on_mount(self) -> None:
        self.update_title()
        self.editor.ready = True
        self.query_one(OutlineTree).show(self.section_id)
        # The phrase bank (and with it the preview) follows the first screen. (A screen pushed
        # meanwhile receives after-refresh callbacks and may drop them: the timer makes sure.)
        self.call_after_refresh(self.startup.after_first_screen)
        self.set_timer(0.5, self.startup.after_first_screen)
        if self.autosave_seconds > 0:
            self.set_interval(self.autosave_seconds, self.flows.autosave)
        self.draft.listeners.append(self._draft_changed)
        self.flows.opened(self.opened_path)

    @property
    def phrases_loaded(self) -> bool:
        """Whether the phrase bank is loaded (after the first screen)."""
        return self.startup.phrases_loaded

    @property
    def main_row(self) -> MainRow:
        return self.query_one(MainRow)

    @property
    def narrow(self) -> bool:
        return self.main_row.narrow

    def on_resize(self, event: Resize) -> None:
        self.main_row.apply(event.size.width)

    def update_title(self) -> None:
        draft = self.draft
        if draft.path is not None:
            name = draft.path.name
        elif draft.source is not None and not draft.problems:
            name = f"bản nháp mới (từ mẫu {draft.source.name})"
        else:
            name = "bản nháp mới"
        self.title = f"Báo cáo TĐKT năm {draft.year}"
        self.sub_title = name + (" • chưa lưu" if draft.dirty else "")

    def _draft_changed(self, _draft: Draft) -> None:
        self.call_later(self.update_title)

    def use_draft(self, draft: Draft) -> None:
        """Edit another draft (a new report): the editor, the problems and the outline follow."""
        from drafting_tui.forms import Forms

        self.draft.listeners.remove(self._draft_changed)
        self.draft = self.editor.draft = self.query_one(ProblemsBar).draft = draft
        self.editor.forms = Forms(draft)
        draft.listeners.append(self._draft_changed)
        self.year_changed()
        self.show_section(GENERAL, focus="first")

    def year_changed(self) -> None:
        self.query_one(OutlineTree).set_year(self.draft.year)
        self.update_title()

    # ------------------------------------------------------------------ sections

    def show_section(self, section_id: str, focus: str = "") -> None:
        """Open a section in the editor (the outline and the preview follow)."""
        if section_id != GENERAL and section_id not in self.outline.ids:
            section_id = GENERAL
        self.section_id = section_id
        self.query_one(OutlineTree).show(section_id)
        # The preview is composed once the editor is on screen: its worker thread would
        # otherwise share the interpreter with building the editor (twice as slow).
        self.preview.hold()
        self.editor.show(section_id, focus, then=lambda: self.schedule_preview(0))

    def goto_section(self, section_id: str) -> None:
        self.show_section(section_id, focus="first")

    def goto_place(self, place: Place | None) -> None:
        """Open the section of a finding and focus its field."""
        if place is None or not place.section:
            return
        if place.section == self.section_id and self.editor.ready and place.widget_id:
            self.editor.focus_field(place.widget_id, place.group)
            return
        self.show_section(place.section, focus=place.widget_id or "first")

    @property
    def editor_ready(self) -> bool:
        return self.editor.ready

    @on(Tree.NodeSelected)
    def _node_selected(self, event: Tree.NodeSelected[str]) -> None:
        if event.node.data is not None:
            self.show_section(event.node.data, focus="first")
            self.main_row.tree_chosen()

    @on(GotoSection)
    def _goto(self, message: GotoSection) -> None:
        self.goto_section(message.section_id)

    # ------------------------------------------------------------------ preview

    def schedule_preview(self, delay: float | None = None) -> None:
        """Recompose the preview after ``delay`` seconds without edits (debounce)."""
        self.preview.schedule(delay)

    def preview_plain(self) -> str:
        """The text of the preview as shown (for tests and benchmarks)."""
        return self.preview.text

    def preview_shown(self, result: PreviewResult) -> None:
        """A preview is on screen: the problems found composing it are listed."""
        bar = self.query_one(ProblemsBar)
        bar.show(data=result.problems if result.invalid else (), composed=() if result.invalid else result.problems)

    def details_shown(self, result: PreviewResult) -> None:
        """The marks of the outline and the phrase rows of a preview are known."""
        self.query_one(OutlineTree).set_marks(result.marks)
        if result.rows is not None:
            self.editor.set_phrase_rows(result.section_id, result.rows)

    # ------------------------------------------------------------------ actions

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_toggle_tree(self) -> None:
        if self.main_row.toggle_tree():
            self.query_one(OutlineTree).focus()

    def action_toggle_preview(self) -> None:
        self.main_row.toggle_preview()

    def action_toggle_whole(self) -> None:
        self.whole = not self.whole
        if self.narrow and self.whole:
            self.main_row.show_preview()
        self.schedule_preview(0)

    def action_focus_outline(self) -> None:
        self.main_row.show_tree()
        self.query_one(OutlineTree).focus()

    def action_cycle_pane(self) -> None:
        panes = [p for p in (self.query_one(OutlineTree), self.editor, self.preview) if p.display and p.region.width]
        focused = self.focused
        current = next((i for i, p in enumerate(panes) if focused is p or (focused and p in focused.ancestors)), 0)
        if not panes:
            return
        target = panes[(current + 1) % len(panes)]
        if target is self.editor:
            self.editor.focus_first()
        else:
            target.focus()

    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(cast(App[object], self)):
            self.push_screen(Palette(id="--command-palette", placeholder=self.command_palette_placeholder))

    def action_save(self) -> None:
        self.flows.save()

    def action_new_report(self) -> None:
        from drafting_tui.new_report import NewReport

        NewReport(self).start()

    def action_save_as(self) -> None:
        self.flows.save_as()

    def action_export(self, fmt: str = "docx") -> None:
        self.flows.export(fmt)

    def action_check(self) -> None:
        self.run_checks()

    def action_why(self) -> None:
        from drafting_tui.why_screen import open_why

        open_why(self)

    @work(thread=True, exclusive=True, group="check", description="kiểm tra")
    def run_checks(self) -> None:
        findings = check_findings(self.draft, self.bank)
        order = (GENERAL, *self.outline.ids)
        headings = {s.id: render_heading(s, self.draft.year) for s in self.outline.sections}
        self.call_from_thread(self.push_screen, CheckScreen(findings, order, headings), self.goto_place)

    def action_help_quit(self) -> None:
        self.notify("Nhấn Ctrl+Q để thoát.", title="Thoát?")

    async def action_quit(self) -> None:
        self.flows.quit()

    def on_unmount(self) -> None:
        self.exiting = True
        self.startup.on_exit()
        self.flows.on_exit()
