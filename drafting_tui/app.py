"""The application: the outline, the editor of a section and the preview of the report."""

from __future__ import annotations

import contextlib
import datetime
import gc
import threading
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any, ClassVar, cast

from rich.console import RenderableType
from rich.text import Text
from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.command import CommandPalette, Provider
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import (
    Footer,
    Header,
    Input,
    Static,
    Tree,
)
from textual.widgets.tree import TreeNode

from drafting.bank.bank import Bank
from drafting.bank.catalogue import Catalogue
from drafting.bank.outline import Outline
from drafting.editing.draft import (
    MAX_COUNT,
    MAX_MONEY,
    UNIT_MARK,
    Draft,
    Part,
    PhraseRow,
    SectionMark,
    parse_count,
    phrase_rows,
    section_marks,
)
from drafting.errors import DraftingError, OutputError, Problem, ProblemsError
from drafting_tui.commands import ActionCommands, Palette, PhraseCommands, SectionCommands
from drafting_tui.preview import Chunk, PreviewResult, section_chunks, text_chunks
from drafting_tui.screens import ConfirmScreen, ExportScreen, HelpScreen, MessageScreen, PathScreen
from drafting_tui.texts import CSS_FILE, DETAILS_DELAY, EXPAND_FIGURES, GENERAL, NARROW, WIDE
from drafting_tui.widgets import (
    ActionButton,
    ChunkView,
    EditArea,
    EditInput,
    FigureGroupBox,
    GuidanceToggle,
    OutlineTree,
    ParagraphView,
    PhraseList,
    render_heading,
)

# --------------------------------------------------------------------------- the application


class DraftingApp(App[None]):
    """Soạn Báo cáo tổng kết công tác thi đua, khen thưởng."""

    CSS_PATH = [CSS_FILE] if CSS_FILE.exists() else []
    TITLE = "Báo cáo tổng kết thi đua, khen thưởng"
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {
        SectionCommands,
        PhraseCommands,
        ActionCommands,
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Lưu", priority=True),
        Binding("ctrl+e", "export", "Xuất báo cáo", priority=True),
        Binding("f1", "help", "Trợ giúp"),
        Binding("question_mark", "help", "Trợ giúp", show=False),
        Binding("f2", "toggle_tree", "Dàn ý"),
        Binding("f3", "toggle_preview", "Xem trước"),
        Binding("f4", "toggle_whole", "Toàn bộ", show=False),
        Binding("f5", "check", "Kiểm tra", show=False),
        Binding("f6", "cycle_pane", "Chuyển khung", show=False),
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
        self._collecting = False
        # The file is read quickly for the first screen; its round-trip document (comments
        # and key order, for editing and saving) is parsed right after it.
        self.draft = draft or Draft.open_or_new(path, bank=bank, defer=True)
        self.opened_path = Path(path) if path is not None else None
        self.bank: Bank = self.draft.bank
        self.catalogue: Catalogue = self.bank.catalogue
        self.outline: Outline = self.bank.outline
        # The phrases are loaded by a worker after the first screen (at once when given).
        self.phrases_loaded = False
        self._given_bank = bank is not None
        self.preview_delay = preview_delay
        self.cursor_blink_enabled = cursor_blink
        self.autosave_seconds = self.AUTOSAVE_SECONDS if autosave is None else autosave
        self.section_id = start_section
        self.whole = False
        self.narrow = False
        self.show_tree_narrow = False
        self.show_preview_narrow = False
        self.hide_tree = False
        self.hide_preview = False
        self.preview_version = -1
        self.details_version = -1
        self._preview_title = ""
        self._problems_shown: tuple[str, ...] = ("",)
        self.preview_ready = False
        self.preview_text = ""
        self.last_preview: PreviewResult | None = None
        self.preview_listeners: list[Callable[[PreviewResult], None]] = []
        self.marks: dict[str, SectionMark] = {}
        self.bank_problems: tuple[Problem, ...] = ()
        self.data_problems: tuple[Problem, ...] = ()
        self.compose_problems: tuple[Problem, ...] = ()
        self._preview_timer: Timer | None = None
        self._preview_lock = threading.Lock()
        self._preview_wanted = threading.Event()
        self._preview_request: tuple[Any, ...] | None = None
        self._preview_service_worker: Any = None
        self._measured: dict[tuple[str, bool, int], int] = {}  # used by the preview worker only
        self._build_generation = 0
        self._editing_from = 10**6  # paragraphs from this index are built as text areas
        self._started = False
        self.editor_ready = False
        self._tree_nodes: dict[str, TreeNode[str]] = {}
        self._keep_recovery = True
        self._exiting = False
        self.export_count = 0
        self.last_export: Path | None = None
        self.command_palette_placeholder = "Tìm mục, câu mẫu hoặc lệnh…"

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        # No garbage collection until the first screen is up: building it allocates much
        # and frees little, and the collections would take a tenth of the start-up.
        self._collecting = gc.isenabled()
        gc.disable()
        yield Header(icon="≡")
        # Laid out for the terminal's width from the start: no second styling pass on mount.
        self.narrow = self.size.width < NARROW
        layout = self._layout_classes(self.size.width)
        with Horizontal(id="main", classes=" ".join(name for name, wanted in layout.items() if wanted)):
            tree: OutlineTree = OutlineTree("Báo cáo", id="outline")
            tree.show_root = False
            tree.guide_depth = 2
            self._fill_tree(tree)  # filled before its first layout
            yield tree
            if self.section_id != GENERAL and self.section_id not in self.outline.ids:
                self.section_id = GENERAL
            # The first section's editor is part of the first screen.
            yield VerticalScroll(*self._editor_widgets(self.section_id), id="editor")
            with VerticalScroll(id="preview"):
                yield Static("", id="preview-title")
                with Vertical(id="preview-body"):
                    yield ChunkView(Chunk("", ""), Text("Đang soạn bản xem trước…", style="dim"))
        yield Static("", id="problems")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self._update_title()
        self._apply_layout(self.size.width)
        self.editor_ready = True
        node = self._tree_nodes.get(self.section_id)
        if node is not None:
            self.call_after_refresh(self.query_one(OutlineTree).move_cursor, node)
        # The phrase bank (and with it the preview) follows the first screen. (A screen pushed
        # meanwhile receives after-refresh callbacks and may drop them: the timer makes sure.)
        self.call_after_refresh(self._after_first_screen)
        self.set_timer(0.5, self._after_first_screen)
        if self.autosave_seconds > 0:
            self.set_interval(self.autosave_seconds, self.autosave)
        self.draft.listeners.append(self._draft_changed)
        for note in self.draft.notes:  # an older file, brought to the current format
            self.notify(note, title="Tệp theo định dạng cũ", timeout=20)
        if self.draft.problems:
            where = self.draft.source or self.opened_path
            self.push_screen(
                MessageScreen(
                    "Không mở được tệp dữ liệu",
                    [str(p) for p in self.draft.problems],
                    note=(
                        f"Tệp “{where}” không đọc được. Đã mở một bản nháp mới, chưa lưu; "
                        "tệp gốc không bị thay đổi. Hãy sửa tệp bằng trình soạn thảo rồi mở lại."
                    ),
                )
            )
        elif Draft.has_recovery(self.draft.path if self.draft.path else None) and (
            self.draft.path is not None or self.opened_path is None or self.draft.source is not None
        ):
            self._offer_restore()

    def _after_first_screen(self) -> None:
        if self._started:
            return
        self._started = True
        self._restore_collection()
        node = self._tree_nodes.get(self.section_id)
        tree = self.query_one(OutlineTree)
        if node is not None and tree.cursor_node is not node:
            tree.move_cursor(node)
        if not self.draft.document_loaded:
            self._load_document()
        if self._given_bank:
            self._bank_ready()
        else:
            self._load_bank()

    def _offer_restore(self) -> None:
        recovery = self.draft.recovery_file
        try:
            stamp = datetime.datetime.fromtimestamp(recovery.stat().st_mtime).strftime("%H:%M ngày %d/%m/%Y")
        except OSError:
            stamp = "trước đây"
        self.push_screen(
            ConfirmScreen(
                "Khôi phục thay đổi chưa lưu?",
                f"Có bản tự lưu “{recovery.name}” (lúc {stamp}) với những thay đổi chưa được lưu "
                f"của {'tệp ' + str(self.draft.path) if self.draft.path else 'bản nháp chưa đặt tên'}.",
                [("restore", "Khôi phục"), ("discard", "Bỏ bản tự lưu")],
            ),
            self._restore_answer,
        )

    def _restore_answer(self, answer: str | None) -> None:
        if answer == "restore":
            try:
                self.draft.restore_recovery()
            except ProblemsError as exc:
                self.push_screen(MessageScreen("Không khôi phục được", [str(p) for p in exc.problems]))
                return
            self.notify("Đã khôi phục các thay đổi chưa lưu.", title="Khôi phục")
            self.show_section(self.section_id)
        elif answer == "discard":
            self.draft.discard_recovery()

    def _draft_changed(self, _draft: Draft) -> None:
        self.call_later(self._update_title)

    def _layout_classes(self, width: int) -> dict[str, bool]:
        """The classes of the main row at this width: which panes show."""
        narrow = width < NARROW
        return {
            "narrow": narrow,
            "wide": width >= WIDE,
            "show-tree": narrow and self.show_tree_narrow,
            "show-preview": narrow and self.show_preview_narrow,
            "hide-tree": not narrow and self.hide_tree,
            "hide-preview": not narrow and self.hide_preview,
        }

    def _apply_layout(self, width: int) -> None:
        self.narrow = width < NARROW
        main = self.query_one("#main")
        for name, wanted in self._layout_classes(width).items():
            main.set_class(wanted, name)

    def on_resize(self, event: Any) -> None:
        self._apply_layout(event.size.width)

    def _update_title(self) -> None:
        draft = self.draft
        if draft.path is not None:
            name = draft.path.name
        elif draft.source is not None and not draft.problems:
            name = f"bản nháp mới (từ mẫu {draft.source.name})"
        else:
            name = "bản nháp mới"
        self.title = f"Báo cáo TĐKT năm {draft.year}"
        self.sub_title = name + (" • chưa lưu" if draft.dirty else "")

    # ------------------------------------------------------------------ outline tree

    def _label(self, section_id: str) -> Text:
        mark = self.marks.get(UNIT_MARK if section_id == GENERAL else section_id)
        if section_id == GENERAL:
            label = Text()
            if mark is not None:
                label.append(mark.symbol + " ", style={"du": "green", "mot_phan": "yellow", "trong": "red"}[mark.state])
            return label.append("Thông tin chung")
        section = self.outline.section(section_id)
        label = Text()
        if mark is not None:
            label.append(mark.symbol + " ", style={"du": "green", "mot_phan": "yellow", "trong": "red"}[mark.state])
        else:
            label.append("· ", style="dim")
        label.append(f"{section.number} {render_heading(section, self.draft.year)}")
        return label

    def _fill_tree(self, tree: OutlineTree) -> None:
        """Fill the outline before it is mounted: it is laid out once, already filled."""
        self._tree_nodes = {GENERAL: tree.root.add_leaf(self._label(GENERAL), data=GENERAL)}

        def add(parent: TreeNode[str], section_id: str | None) -> None:
            for child in self.outline.children(section_id):
                if self.outline.is_leaf(child.id):
                    node = parent.add_leaf(self._label(child.id), data=child.id)
                else:
                    node = parent.add(self._label(child.id), data=child.id, expand=True)
                    add(node, child.id)
                self._tree_nodes[child.id] = node

        add(tree.root, None)
        tree.root.expand()

    def _refresh_marks(self, marks: dict[str, SectionMark]) -> None:
        if marks == self.marks:
            return
        self.marks = marks
        for sid, node in self._tree_nodes.items():
            node.set_label(self._label(sid))

    @on(Tree.NodeSelected)
    def _node_selected(self, event: Tree.NodeSelected[str]) -> None:
        if event.node.data is not None:
            narrow_tree = self.narrow and self.show_tree_narrow
            self.show_section(event.node.data, focus="first")
            if narrow_tree:
                self.show_tree_narrow = False
                self._apply_layout(self.size.width)

    def goto_section(self, section_id: str) -> None:
        self.show_section(section_id, focus="first")

    def _focus_editor(self) -> None:
        """Focus the first thing to edit (not the outline's guidance)."""
        editor = self.query_one("#editor")
        for widget in editor.query("*"):
            if widget.focusable and not widget.has_class("guidance-box"):
                widget.focus()
                return

    # ------------------------------------------------------------------ the editor

    def show_section(self, section_id: str, focus: str = "") -> None:
        """Generate the editor of a section from the outline and the catalogue."""
        if section_id != GENERAL and section_id not in self.outline.ids:
            section_id = GENERAL
        self.section_id = section_id
        self.editor_ready = False
        node = self._tree_nodes.get(section_id)
        tree = self.query_one(OutlineTree)
        if node is not None and tree.cursor_node is not node:
            self.call_after_refresh(tree.move_cursor, node)
        self._build_generation += 1
        self.call_later(self._build_editor, self._build_generation, focus, False)
        self.schedule_preview(0)

    async def _build_editor(self, generation: int, focus: str, keep_scroll: bool) -> None:
        if generation != self._build_generation:
            return
        editor = self.query_one("#editor", VerticalScroll)
        scroll = editor.scroll_y
        await editor.remove_children()
        if generation != self._build_generation:
            return
        await editor.mount_all(self._editor_widgets(self.section_id))
        self._editing_from = 10**6
        self.editor_ready = True
        if keep_scroll:
            self.call_after_refresh(lambda: editor.scroll_to(y=scroll, animate=False))
        else:
            editor.scroll_home(animate=False)
        if focus == "first":
            self._focus_editor()
        elif focus == "paragraph-last":
            areas = list(editor.query(".paragraph"))
            if areas:
                areas[-1].focus()
                self.call_after_refresh(lambda: editor.scroll_to_widget(areas[-1], animate=False))

    def _editor_widgets(self, section_id: str) -> list[Widget]:
        year = self.draft.year
        if section_id == GENERAL:
            return self._general_widgets()
        section = self.outline.section(section_id)
        widgets: list[Widget] = [
            Static(Text(f"{section.number} {render_heading(section, year)}", style="bold"), classes="section-title")
        ]
        if section.guidance:
            from drafting.bank.sandbox import render
            from drafting.composition.context import year_context

            guidance = "\n".join("– " + render(g, year_context(year)) for g in section.guidance)
            widgets.append(GuidanceToggle(guidance))
        if not self.outline.is_leaf(section_id):
            children = self.outline.children(section_id)
            widgets.append(Static("Mục này gồm các mục con; chọn một mục con để soạn:", classes="hint"))
            for child in children:
                widgets.append(
                    ActionButton(f"{child.number} {render_heading(child, year)}", ("goto", child.id), classes="goto")
                )
            return widgets
        groups = list(section.figure_groups)
        if section.table is not None:
            groups = [g for g in section.table.columns if g not in groups] + groups
        if groups:
            widgets.append(Static("Số liệu", classes="part-title"))
            total = sum(1 for gid in groups for f in self.catalogue.group(gid).figures if f.entered)
            for gid in groups:
                box = FigureGroupBox(gid, self.group_title(gid), expanded=total <= EXPAND_FIGURES)
                widgets.append(box)
                if not box.collapsed:
                    box.grid = self.figure_grid(gid)
                    widgets.append(box.grid)
        for name in section.lists:
            widgets.extend(self._list_widgets(name))
        if section.phrase_groups:
            widgets.append(Static("Câu mẫu gợi ý", classes="part-title"))
            widgets.append(Static("Space: chọn/bỏ · V: đổi cách viết · G: ghim · [ ]: đổi thứ tự", classes="hint"))
            phrases = PhraseList(section_id, id="phrases", classes="phrases")
            if self.last_preview and self.last_preview.section_id == section_id and self.last_preview.rows:
                phrases.set_rows(self.last_preview.rows)
            widgets.append(phrases)
        widgets.append(Static("Đoạn văn tự viết", classes="part-title"))
        paragraphs = [row for row in self.draft.content(section_id) if not row.is_phrase]
        for k, row in enumerate(paragraphs):
            widgets.extend(self._paragraph_widget(k, row.text, editing=k >= self._editing_from))
        widgets.append(ActionButton("+ Thêm đoạn văn", ("add_paragraph",), id="add-paragraph"))
        return widgets

    def _general_widgets(self) -> list[Widget]:
        widgets: list[Widget] = [Static(Text("Thông tin chung", style="bold"), classes="section-title")]
        cells: list[Widget] = [
            Static("Năm báo cáo", classes="cell-label"),
            EditInput(("year",), str(self.draft.doc.get("nam") or ""), id="year"),
        ]
        for spec in self.draft.schema.unit_fields(self.draft.year):
            if spec.kind != "danh_sach":
                cells.append(Static(spec.label, classes="cell-label"))
                cells.append(EditInput(("unit", spec.key), self.draft.unit_text(spec.key), id=f"unit-{spec.key}"))
        widgets.append(Grid(*cells, classes="field-grid"))
        widgets.append(Static(self.draft.schema.unit_field("noi_nhan").label, classes="part-title"))
        widgets.append(
            EditArea(("recipients",), "\n".join(self.draft.recipients()), id="recipients", classes="recipients")
        )
        return widgets

    def group_title(self, gid: str) -> str:
        from drafting.bank.sandbox import render
        from drafting.composition.context import year_context

        group = self.catalogue.group(gid)
        figures = [f for f in group.figures if f.entered]
        filled = 0
        for figure in figures:
            parts = ("ky_nay", "cung_ky") if figure.compared else ("",)
            if all(self.draft.figure_value(figure.id, part) is not None for part in parts):  # type: ignore[arg-type]
                filled += 1
        title = render(group.title, year_context(self.draft.year))
        return f"{title} ({filled}/{len(figures)})"

    def figure_grid(self, gid: str) -> Widget:
        """The inputs of one figure group: this period, the same period and the cause of each
        compared figure, one input for a figure that is not compared."""
        year = self.draft.year
        group = self.catalogue.group(gid)
        figures = [f for f in group.figures if f.entered]
        compared = any(f.compared for f in figures)
        cells: list[Widget] = []
        if compared:
            cells += [Static(f"Năm {year}", classes="col-head"), Static(f"Cùng kỳ năm {year - 1}", classes="col-head")]
        for figure in figures:
            unit = f" ({figure.unit})" if figure.unit else ""
            label = figure.label[:1].upper() + figure.label[1:] + unit
            safe = figure.id.replace(".", "--")
            if figure.compared:
                cells.append(Static(label, classes="cell-label span"))
                cause = EditInput(
                    ("figure", figure.id, "nguyen_nhan"),
                    self.draft.figure_text(figure.id, "nguyen_nhan"),
                    placeholder="nguyên nhân tăng, giảm",
                    id=f"fig-{safe}-nguyen_nhan",
                    classes="cause span",
                )
                cause.error_span = 2
                for part in ("ky_nay", "cung_ky"):
                    inp = self._number_input(figure.id, part)
                    inp.error_anchor, inp.error_span = cause, 2
                    cells.append(inp)
                cells.append(cause)
            else:
                cells.append(Static(label, classes="cell-label"))
                inp = self._number_input(figure.id, "")
                inp.error_span = 2
                cells.append(inp)
        return Grid(*cells, classes="figure-grid compared" if compared else "figure-grid")

    def _number_input(self, figure_id: str, part: Part) -> EditInput:
        """The input of a figure's value (``part``: ``ky_nay``, ``cung_ky``, or ``""`` for one value)."""
        safe = figure_id.replace(".", "--")
        return EditInput(
            ("figure", figure_id, part),
            self.draft.figure_text(figure_id, part),
            placeholder="số",
            id=f"fig-{safe}-{part}" if part else f"fig-{safe}",
            classes="number",
        )

    def _list_widgets(self, name: str) -> list[Widget]:
        widgets: list[Widget] = [Static(self.draft.schema.view_label(name), classes="part-title")]
        if name.startswith("van_ban_"):
            kind = name.removeprefix("van_ban_")
            cells: list[Widget] = []
            for row in self.draft.documents(kind):
                key = str(row.index)
                summary = EditInput(
                    ("doc", key, "trich_yeu"), row.summary, placeholder="trích yếu", classes="doc-summary"
                )
                summary.error_span = 3
                number = EditInput(("doc", key, "so"), row.number, placeholder="số, ký hiệu", classes="doc-number")
                date = EditInput(("doc", key, "ngay"), row.date, placeholder="ngày/tháng/năm", classes="doc-date")
                for widget in (number, date):
                    widget.error_anchor, widget.error_span = summary, 3
                cells += [number, date, ActionButton("Xóa", ("del_doc", key), classes="delete"), summary]
            if cells:
                widgets.append(Grid(*cells, classes="doc-grid"))
            error = Static("", classes="error")
            error.display = False
            widgets.append(
                Grid(
                    Input(placeholder="số, ký hiệu", compact=True, classes="doc-number new-so"),
                    Input(placeholder="ngày/tháng/năm", compact=True, classes="doc-date new-ngay"),
                    ActionButton("Thêm", ("add_doc", kind), classes="add"),
                    Input(
                        placeholder="trích yếu văn bản mới (loại và nội dung)",
                        compact=True,
                        classes="doc-summary new-trich",
                    ),
                    error,
                    classes="doc-grid list-new",
                    id=f"new-{name.replace('_', '-')}",
                )
            )
        else:
            group = name.removeprefix("phong_trao_")
            from drafting.bank.sandbox import render
            from drafting.composition.context import year_context
            from drafting.vi.text import quote

            rows = self.draft.movements(group)
            for movement in self.outline.movements_in(self.draft.year):
                if movement.group != group:
                    continue
                result = next((r.result for r in rows if r.movement_id == movement.id), "")
                widgets.append(
                    Static(quote(render(movement.name, year_context(self.draft.year))), classes="movement-name")
                )
                widgets.append(
                    EditArea(
                        ("movement", movement.id), result, placeholder="kết quả thực hiện", classes="movement-result"
                    )
                )
            for mrow in rows:
                if mrow.movement_id:
                    continue
                name_input = EditInput(
                    ("custom", str(mrow.index), "ten"),
                    mrow.name,
                    placeholder="tên phong trào",
                    classes="movement-title",
                )
                name_input.error_span = 2
                widgets.append(
                    Grid(
                        name_input,
                        ActionButton("Xóa", ("del_movement", str(mrow.index)), classes="delete"),
                        classes="movement-grid",
                    )
                )
                widgets.append(
                    EditArea(
                        ("custom", str(mrow.index), "ket_qua"),
                        mrow.result,
                        placeholder="kết quả thực hiện",
                        classes="movement-result",
                    )
                )
            error = Static("", classes="error")
            error.display = False
            widgets.append(
                Grid(
                    Input(placeholder="tên phong trào đơn vị tự phát động", compact=True, classes="new-ten"),
                    ActionButton("Thêm", ("add_movement", group), classes="add"),
                    error,
                    classes="movement-grid list-new",
                )
            )
        return widgets

    def _paragraph_widget(self, k: int, text: str, editing: bool = False) -> list[Widget]:
        target = ("paragraph", str(k))
        view: Widget = (
            EditArea(target, text, placeholder="đoạn văn tự viết", classes="paragraph")
            if editing
            else ParagraphView(target, text)
        )
        return [
            view,
            ActionButton("Xóa đoạn", ("del_paragraph", str(k)), classes="delete-paragraph"),
        ]

    def _initial_error(self, widget: EditInput) -> None:
        target = widget.target
        if target[0] == "figure" and target[2] != "nguyen_nhan" and widget.value:
            figure = self.catalogue.figures[target[1]]
            money = figure.kind == "tien"
            stored = self.draft.figure_value(target[1], cast(Part, target[2]))
            if type(stored) is int and 0 <= stored <= (MAX_MONEY if money else MAX_COUNT):
                return  # shown as the draft formats it, which reads back as itself
            try:
                parse_count(widget.value, money=money)
            except ValueError as exc:
                self._set_error(widget, str(exc))

    def _set_error(self, widget: EditInput, message: str | None) -> None:
        """Mark an input invalid with the reason under it, or clear the mark."""
        widget.set_class(bool(message), "invalid")
        label = widget.error_label
        if message:
            if label is None or not label.is_attached:
                label = Static("", classes="error")
                label.styles.column_span = widget.error_span
                anchor = widget.error_anchor or widget
                existing = getattr(anchor, "error_label", None)
                if anchor is not widget and isinstance(existing, Static) and existing.is_attached:
                    label = existing
                elif isinstance(anchor.parent, Widget):
                    anchor.parent.mount(label, after=anchor)
                    if isinstance(anchor, EditInput):
                        anchor.error_label = label
                widget.error_label = label
            label.update(Text(message, style="bold"))
            label.display = True
        elif label is not None:
            others = [
                w
                for w in self.query(EditInput)
                if w is not widget and w.error_label is label and w.has_class("invalid")
            ]
            if not others:
                label.display = False
                label.update("")

    # ------------------------------------------------------------------ edits

    def input_changed(self, widget: EditInput, value: str) -> None:
        """An edit input changed (called by the input itself, without bubbling)."""
        if value == widget.initial and not widget.has_class("invalid"):
            return
        widget.initial = None  # type: ignore[assignment]
        try:
            self.apply_edit(widget.target, value)
        except (ValueError, KeyError, IndexError, DraftingError) as exc:
            self._set_error(widget, str(exc).strip("'\""))
            return
        self._set_error(widget, None)
        if widget.target[0] == "doc":
            for sibling in self._row_inputs_by_target("doc", widget.target[1]):
                self._set_error(sibling, None)

    def apply_edit(self, target: tuple[str, ...], value: str) -> bool:
        """Apply one typed value to the draft; raises ValueError when it is invalid."""
        draft = self.draft
        kind = target[0]
        changed = False
        if kind == "figure":
            changed = draft.set_figure_text(target[1], target[2], value)  # type: ignore[arg-type]
        elif kind == "unit":
            changed = draft.set_unit_text(target[1], value)
        elif kind == "year":
            changed = draft.set_year(value)
            if changed:
                self.call_later(self._year_changed)
        elif kind == "recipients":
            changed = draft.set_recipients(value.splitlines())
        elif kind == "doc":
            index = int(target[1])
            row = next(r for r in draft.documents() if r.index == index)
            values = {"so": row.number, "ngay": row.date, "trich_yeu": row.summary}
            for inp in self._row_inputs_by_target("doc", target[1]):
                values[inp.target[2]] = inp.value
            values[target[2]] = value
            changed = draft.update_document(
                index, row.kind, values["so"], values["ngay"], values["trich_yeu"], row.unit
            )
        elif kind == "movement":
            changed = draft.set_movement_result(target[1], value)
        elif kind == "custom":
            index = int(target[1])
            row_m = next(r for r in draft.movements() if r.index == index)
            name = value if target[2] == "ten" else row_m.name
            result = value if target[2] == "ket_qua" else row_m.result
            changed = draft.update_movement(index, name, result, row_m.unit)
        elif kind == "paragraph":
            k = int(target[1])
            texts = [r for r in draft.content(self.section_id) if not r.is_phrase]
            if k < len(texts):
                changed = draft.set_paragraph(self.section_id, texts[k].index, value)
        if changed:
            self.schedule_preview()
        return changed

    def _row_inputs_by_target(self, kind: str, index: str) -> list[EditInput]:
        return [w for w in self.query(EditInput) if w.target[:2] == (kind, index)]

    def _year_changed(self) -> None:
        for sid, node in self._tree_nodes.items():
            node.set_label(self._label(sid))
        self._update_title()

    def area_changed(self, area: EditArea) -> None:
        """An edit area changed (called by the area itself)."""
        text = area.text
        if text == area.initial:
            return
        area.initial = None  # type: ignore[assignment]
        try:
            self.apply_edit(area.target, text)
        except (ValueError, KeyError, IndexError, DraftingError) as exc:
            self.notify(str(exc), severity="error", title="Chưa ghi được")

    @on(ActionButton.Pressed)
    def _button(self, event: ActionButton.Pressed) -> None:
        button = event.button
        event.stop()
        action = button.action_target
        draft = self.draft
        kind = action[0]
        try:
            if kind == "goto":
                self.goto_section(action[1])
                return
            if kind == "add_paragraph":
                draft.add_paragraph(self.section_id, "")
                self._editing_from = len([r for r in draft.content(self.section_id) if not r.is_phrase]) - 1
                self._rebuild(focus="paragraph-last")
            elif kind == "del_paragraph":
                k = int(action[1])
                texts = [r for r in draft.content(self.section_id) if not r.is_phrase]
                draft.remove_item(self.section_id, texts[k].index)
                self._rebuild()
            elif kind == "del_doc":
                draft.remove_document(int(action[1]))
                self._rebuild()
            elif kind == "add_doc":
                box = button.parent
                assert box is not None
                so = box.query_one(".new-so", Input).value
                ngay = box.query_one(".new-ngay", Input).value
                trich = box.query_one(".new-trich", Input).value
                try:
                    draft.add_document(action[1], so, ngay, trich)
                except ValueError as exc:
                    error = box.query_one(".error", Static)
                    error.update(Text(str(exc), style="bold red"))
                    error.display = True
                    return
                self._rebuild()
            elif kind == "del_movement":
                draft.remove_movement(int(action[1]))
                self._rebuild()
            elif kind == "add_movement":
                box = button.parent
                assert box is not None
                name = box.query_one(".new-ten", Input).value
                try:
                    draft.add_movement(name, action[1])
                except ValueError as exc:
                    error = box.query_one(".error", Static)
                    error.update(Text(str(exc), style="bold red"))
                    error.display = True
                    return
                self._rebuild()
        except (ValueError, KeyError, IndexError, DraftingError) as exc:
            self.notify(str(exc), severity="error", title="Không thực hiện được")
            return
        self.schedule_preview(0)

    def _rebuild(self, focus: str = "") -> None:
        """Regenerate the editor of the current section (after rows were added or removed)."""
        self.editor_ready = False
        self._build_generation += 1
        self.call_later(self._build_editor, self._build_generation, focus, True)

    # ------------------------------------------------------------------ phrases

    def _content_op(self, op: Callable[[], Any]) -> None:
        try:
            op()
        except (ValueError, KeyError, IndexError, DraftingError) as exc:
            self.notify(str(exc), severity="error", title="Không thực hiện được")
            return
        except ProblemsError as exc:
            self.notify(str(exc.problems[0]) if exc.problems else "dữ liệu chưa hợp lệ", severity="error")
            return
        self._sync_paragraphs()
        self.schedule_preview(0)

    def toggle_phrase(self, section_id: str, row: PhraseRow) -> None:
        if row.included:
            self._content_op(lambda: self.draft.unchoose_phrase(section_id, row.phrase_id))
        else:
            self._content_op(lambda: self.draft.choose_phrase(section_id, row.phrase_id))

    def cycle_variant(self, section_id: str, row: PhraseRow) -> None:
        if row.variants <= 1:
            self.notify("Câu mẫu này chỉ có một cách viết.", title="Đổi cách viết")
            if not row.included:
                self.toggle_phrase(section_id, row)
            return
        current = row.pinned or row.shown or 0
        following = current % row.variants + 1
        self._content_op(lambda: self.draft.pin_variant(section_id, row.phrase_id, following))

    def pin_variant(self, section_id: str, row: PhraseRow) -> None:
        if row.pinned:
            self._content_op(lambda: self.draft.pin_variant(section_id, row.phrase_id, None))
        else:
            self._content_op(lambda: self.draft.pin_variant(section_id, row.phrase_id, row.shown or 1))

    def move_item(self, section_id: str, position: int, delta: int) -> None:
        self._content_op(lambda: self.draft.move_item(section_id, position, delta))

    def insert_phrase(self, phrase_id: str) -> None:
        """Insert a phrase (found in the command palette) into the current section."""
        section_id = self.section_id
        if section_id == GENERAL or not self.outline.is_leaf(section_id):
            self.notify("Hãy mở một mục lá của dàn ý trước khi chèn câu mẫu.", severity="warning", title="Chèn câu mẫu")
            return
        self._content_op(lambda: self.draft.choose_phrase(section_id, phrase_id))
        self.notify(f"Đã chèn câu mẫu “{phrase_id}” vào mục {section_id}.", title="Chèn câu mẫu")

    def open_paragraph(self, view: ParagraphView) -> None:
        """Turn a shown paragraph into a text area, in place, and focus it."""
        parent = view.parent
        if not isinstance(parent, Widget):
            return
        area = EditArea(view.target, view.text, placeholder="đoạn văn tự viết", classes="paragraph")
        parent.mount(area, before=view)
        view.remove()
        area.focus()

    def _sync_paragraphs(self) -> None:
        """After the items of a section moved, the paragraph editors follow their text."""
        editor = self.query_one("#editor", VerticalScroll)
        areas = [a for a in editor.query(".paragraph") if isinstance(a, (EditArea, ParagraphView))]
        texts = [r.text for r in self.draft.content(self.section_id) if not r.is_phrase]
        if len(areas) != len(texts):
            self._rebuild()
            return
        for area, text in zip(areas, texts, strict=True):
            if area.text.strip() != text:
                if isinstance(area, EditArea):
                    area.initial = text
                area.load_text(text)

    # ------------------------------------------------------------------ preview

    def schedule_preview(self, delay: float | None = None) -> None:
        """Recompose the preview after ``delay`` seconds without edits (debounce)."""
        if self._preview_timer is not None:
            self._preview_timer.stop()
        self.preview_ready = False
        wait = self.preview_delay if delay is None else delay
        if wait <= 0:
            self._preview_timer = None
            if self.screen is self.screen_stack[0]:
                # After the screen shows what was typed: composing never holds up the echo.
                # (A dialog's screen drops such callbacks when it closes: not over a dialog.)
                self.call_after_refresh(self._start_preview)
            else:
                self.call_later(self._start_preview)
        else:
            self._preview_timer = self.set_timer(wait, self._start_preview)

    def _start_preview(self) -> None:
        self._preview_timer = None
        if self._exiting:
            return
        started = time.perf_counter()
        try:
            report = self.draft.report()
        except ProblemsError as exc:
            self.data_problems = exc.problems
            self._show_invalid(exc.problems)
            return
        self.data_problems = ()
        if not self.phrases_loaded:
            self._set_preview_body(Text("Đang tải kho câu mẫu…", style="dim"), "")
            return
        request = (
            report,
            self.bank,
            self.section_id,
            self.whole or self.section_id == GENERAL,
            self.draft.version,
            started,
            self._preview_width(),
        )
        with self._preview_lock:
            self._preview_request = request
        self._preview_wanted.set()
        if self._preview_service_worker is None:
            self._preview_service_worker = self._preview_service()

    @work(exclusive=True, thread=True, group="preview", description="soạn bản xem trước")
    def _preview_service(self) -> None:
        """Compose the preview of the newest request, in this worker thread, for as long as
        the application runs (a waiting thread starts at once; only the newest request is
        composed when several arrive together)."""
        from textual.worker import get_current_worker

        worker = get_current_worker()
        while not worker.is_cancelled and not self._exiting:
            if not self._preview_wanted.wait(0.25):
                continue
            self._preview_wanted.clear()
            with self._preview_lock:
                request, self._preview_request = self._preview_request, None
            if request is None:
                continue
            try:
                self._compose_preview(*request)
            except Exception as exc:  # noqa: BLE001 - shown, and the next edit retries
                message = f"Không soạn được bản xem trước: {exc}"
                self._from_thread(self.notify, message, severity="error", title="Xem trước")

    def _from_thread(self, callback: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        """Run ``callback`` on the application's thread (nothing once the application closes)."""
        if self._exiting or not self.is_running:
            return
        with contextlib.suppress(RuntimeError):
            self.call_from_thread(callback, *args, **kwargs)

    def _preview_width(self) -> int:
        """The width the preview's text is wrapped to (0 before the first layout)."""
        for view in self.query(ChunkView):
            return view._width
        return 0

    def _compose_preview(
        self, report: Any, bank: Any, section_id: str, whole: bool, version: int, started: float, width: int = 0
    ) -> None:
        from drafting.composition.composer import Composer

        composer = Composer.create(report, bank)
        problems: list[Problem] = []
        result = PreviewResult(version, section_id, whole)
        if whole:
            from drafting.export.text import to_text

            try:
                document = composer.document()
                titles = [sec.title for top in document.sections for sec in top.walk()]
                result.chunks = text_chunks(to_text(document), titles)
            except ProblemsError as exc:
                problems.extend(exc.problems)
                for top in self.outline.children(None):
                    result.chunks.extend(section_chunks(composer.build_section(top, [])))
        else:
            section = self.outline.section(section_id)
            result.chunks = section_chunks(composer.build_section(section, problems))
        result.chunks = [chunk.measured(width, self._measured) for chunk in result.chunks]
        result.problems = tuple(problems)
        result.seconds = time.perf_counter() - started
        self._from_thread(self._show_preview, result)
        # Then what changes less visibly, the completion marks and the phrase list, once the
        # preview is on screen.
        self._from_thread(self.set_timer, DETAILS_DELAY, partial(self._compose_details, result, composer))

    @work(exclusive=True, thread=True, group="details", description="dấu hoàn thành, câu mẫu")
    def _compose_details(self, result: PreviewResult, composer: Any) -> None:
        if result.version != self.draft.version:
            return  # a newer preview follows with its own details
        section_id = result.section_id
        if not result.whole and self.outline.is_leaf(section_id) and self.outline.section(section_id).phrase_groups:
            result.rows = phrase_rows(composer, section_id)
        result.marks = section_marks(composer.report, composer.bank, composer)
        self._from_thread(self._show_details, result)

    def _show_preview(self, result: PreviewResult) -> None:
        if not result.whole and result.section_id != self.section_id:
            return
        self.last_preview = result
        self.compose_problems = result.problems
        title = "Xem trước: toàn bộ báo cáo" if result.whole else f"Xem trước: mục {result.section_id}"
        if title != self._preview_title:
            self._preview_title = title
            self.query_one("#preview-title", Static).update(Text(title, style="bold reverse"))
        self._set_chunks(result.chunks)
        self._update_problems()
        self.preview_version = result.version
        self.preview_ready = True
        for listener in list(self.preview_listeners):
            listener(result)

    def _show_details(self, result: PreviewResult) -> None:
        self._refresh_marks(result.marks)
        if result.rows is not None:
            for phrases in self.query(PhraseList):
                if phrases.section_id == result.section_id:
                    phrases.set_rows(result.rows)
            if self.last_preview is not None and self.last_preview.section_id == result.section_id:
                self.last_preview.rows = result.rows
        self.details_version = result.version

    def _set_chunks(self, chunks: Sequence[Chunk]) -> None:
        """Show the preview; only the pieces whose text changed are rendered again."""
        self.preview_text = "\n".join(c.plain for c in chunks)
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
        with self.batch_update():
            body.remove_children()
            body.mount_all([ChunkView(c) for c in chunks])

    def _reveal(self, widget: Widget) -> None:
        preview = self.query_one("#preview", VerticalScroll)
        if not widget.is_attached or not preview.display:
            return
        region, visible = widget.region, preview.content_region
        if region.height and (region.y < visible.y or region.bottom > visible.bottom):
            preview.scroll_to_widget(widget, animate=False, top=True)

    def _set_preview_body(self, body: RenderableType, text: str) -> None:
        self.preview_text = text
        container = self.query_one("#preview-body", Vertical)
        with self.batch_update():
            container.remove_children()
            container.mount(ChunkView(Chunk("", text), body))

    def _show_invalid(self, problems: Sequence[Problem]) -> None:
        lines = Text("Dữ liệu chưa hợp lệ, chưa soạn được bản xem trước:\n\n", style="bold red")
        for problem in problems[:30]:
            lines.append(f"• {problem}\n")
        self._set_preview_body(lines, lines.plain)
        self._update_problems()
        self.preview_version = self.details_version = self.draft.version
        self.preview_ready = True

    def preview_plain(self) -> str:
        """The text of the preview as shown (for tests and benchmarks)."""
        return self.preview_text

    def _update_problems(self) -> None:
        problems = [*self.bank_problems, *self.data_problems, *self.compose_problems]
        shown = tuple(str(p) for p in problems)
        if shown == self._problems_shown:
            return
        self._problems_shown = shown
        panel = self.query_one("#problems", Static)
        if not problems:
            panel.display = False
            return
        text = Text(f"{len(problems)} vấn đề (F5 để xem chi tiết): ", style="bold")
        text.append(str(problems[0]), style="")
        panel.update(text)
        panel.display = True

    # ------------------------------------------------------------------ bank

    @work(thread=True, group="document", description="đọc tệp để sửa")
    def _load_document(self) -> None:
        try:
            self.draft.load_document()
        except ProblemsError as exc:
            self._from_thread(self.push_screen, MessageScreen("Không sửa được tệp này", [str(p) for p in exc.problems]))

    @work(thread=True, group="bank", description="tải kho câu mẫu")
    def _load_bank(self) -> None:
        _ = self.bank.phrase_set  # loaded here, off the event loop
        self.call_from_thread(self._bank_ready)

    def _bank_ready(self) -> None:
        bank = self.bank
        self.phrases_loaded = True
        self.bank_problems = tuple(bank.problems)
        if bank.problems:
            self.notify(
                f"Kho câu mẫu có {len(bank.problems)} lỗi; các câu mẫu lỗi được bỏ qua (F5 để xem).",
                severity="warning",
                title="Kho câu mẫu",
            )
        self._update_problems()
        self.schedule_preview(0)

    # ------------------------------------------------------------------ actions

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_toggle_tree(self) -> None:
        if self.narrow:
            self.show_tree_narrow = not self.show_tree_narrow
            if self.show_tree_narrow:
                self.show_preview_narrow = False
        else:
            self.hide_tree = not self.hide_tree
        self._apply_layout(self.size.width)
        if (self.narrow and self.show_tree_narrow) or (not self.narrow and not self.hide_tree):
            self.query_one(OutlineTree).focus()

    def action_toggle_preview(self) -> None:
        if self.narrow:
            self.show_preview_narrow = not self.show_preview_narrow
            if self.show_preview_narrow:
                self.show_tree_narrow = False
        else:
            self.hide_preview = not self.hide_preview
        self._apply_layout(self.size.width)

    def action_toggle_whole(self) -> None:
        self.whole = not self.whole
        if self.narrow and self.whole:
            self.show_preview_narrow = True
            self._apply_layout(self.size.width)
        self.schedule_preview(0)

    def action_focus_outline(self) -> None:
        if self.narrow and not self.show_tree_narrow:
            self.show_tree_narrow = True
            self.show_preview_narrow = False
            self._apply_layout(self.size.width)
        elif not self.narrow and self.hide_tree:
            self.hide_tree = False
            self._apply_layout(self.size.width)
        self.query_one(OutlineTree).focus()

    def action_cycle_pane(self) -> None:
        panes = [
            p
            for p in (self.query_one(OutlineTree), self.query_one("#editor"), self.query_one("#preview"))
            if p.display and p.region.width > 0
        ]
        focused = self.focused
        current = 0
        for i, pane in enumerate(panes):
            if focused is not None and (focused is pane or pane in focused.ancestors):
                current = i
        target = panes[(current + 1) % len(panes)] if panes else None
        if target is None:
            return
        if target.id == "editor":
            self._focus_editor()
        else:
            target.focus()

    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(cast(App[object], self)):
            self.push_screen(Palette(id="--command-palette", placeholder=self.command_palette_placeholder))

    # saving

    def action_save(self) -> None:
        if self.draft.path is None:
            self.action_save_as()
            return
        self._save_to(self.draft.path)

    def action_save_as(self) -> None:
        self.push_screen(PathScreen("Lưu bản nháp", self.draft.suggested_path()), self._save_answer)

    def _save_answer(self, path: Path | None) -> None:
        if path is not None:
            self._save_to(path)

    def _save_to(self, path: Path) -> bool:
        try:
            written = self.draft.save(path)
        except (OutputError, OSError) as exc:
            self.notify(str(exc), severity="error", title="Chưa lưu được")
            return False
        self._update_title()
        self.notify(f"Đã lưu {written}", title="Lưu")
        return True

    def autosave(self) -> None:
        """Write unsaved changes to the recovery file (every few seconds)."""
        try:
            self.draft.write_recovery()
        except (OutputError, OSError) as exc:
            self.notify(f"Không tự lưu được: {exc}", severity="warning", title="Tự lưu")

    # export

    def _export_base(self) -> Path:
        if self.draft.path is not None:
            return self.draft.path.with_suffix("")
        return Path(f"bao-cao-{self.draft.year}")

    def action_export(self, fmt: str = "docx") -> None:
        from drafting.export.pdf import soffice_path

        pdf = soffice_path() is not None
        if fmt == "pdf" and not pdf:
            self.notify(
                "Chưa cài LibreOffice (soffice) nên chưa xuất được PDF; hãy xuất Word (.docx).",
                severity="warning",
                title="Xuất PDF",
            )
            fmt = "docx"
        self.push_screen(ExportScreen(self._export_base(), fmt, pdf), self._export_answer)

    def _export_answer(self, answer: tuple[str, Path] | None) -> None:
        if answer is None:
            return
        fmt, path = answer
        try:
            report = self.draft.report()
        except ProblemsError as exc:
            self.push_screen(MessageScreen("Chưa xuất được: dữ liệu chưa hợp lệ", [str(p) for p in exc.problems]))
            return
        self.notify(f"Đang xuất {path}…", title="Xuất báo cáo", timeout=2)
        self.export_report(report, fmt, path)

    @work(thread=True, group="export", description="xuất báo cáo")
    def export_report(self, report: Any, fmt: str, path: Path) -> None:
        from drafting.composition.composer import compose
        from drafting.export.render import write_document
        from drafting.files.outputs import check_output_path

        inputs = [p for p in (self.draft.path, self.draft.source) if p is not None]
        try:
            check_output_path(path, inputs)
            document = compose(report, self.bank)
            write_document(document, path, fmt)
        except ProblemsError as exc:
            self.call_from_thread(self.push_screen, MessageScreen("Chưa xuất được", [str(p) for p in exc.problems]))
            return
        except (DraftingError, OSError) as exc:
            self.call_from_thread(self.notify, str(exc), severity="error", title="Chưa xuất được")
            return
        self.call_from_thread(self._exported, path)

    def _exported(self, path: Path) -> None:
        self.export_count += 1
        self.last_export = path
        self.notify(f"Đã xuất báo cáo: {path}", title="Xuất báo cáo")

    # checks

    def action_check(self) -> None:
        self.run_checks()

    @work(thread=True, exclusive=True, group="check", description="kiểm tra")
    def run_checks(self) -> None:
        lines = check_report(self.draft, self.bank)
        self.call_from_thread(self.push_screen, MessageScreen("Kết quả kiểm tra", lines))

    # quitting

    def action_help_quit(self) -> None:
        self.notify("Nhấn Ctrl+Q để thoát.", title="Thoát?")

    async def action_quit(self) -> None:
        if not self.draft.dirty:
            self._keep_recovery = False
            self.exit()
            return
        self.push_screen(
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
                self.push_screen(PathScreen("Lưu bản nháp", self.draft.suggested_path()), self._save_then_quit)
            elif self._save_to(self.draft.path):
                self.exit()
        elif answer == "discard":
            self._keep_recovery = False
            self.draft.discard_recovery()
            self.exit()

    def _save_then_quit(self, path: Path | None) -> None:
        if path is not None and self._save_to(path):
            self.exit()

    def _restore_collection(self) -> None:
        if self._collecting:
            self._collecting = False
            gc.enable()

    def on_unmount(self) -> None:
        self._exiting = True
        self._restore_collection()
        if self._keep_recovery and self.draft.dirty:
            with contextlib.suppress(OutputError, OSError):
                self.draft.write_recovery(force=True)


def check_report(draft: Draft, bank: Bank) -> list[str]:
    """The findings of the library's checks (``drafting check``), one line each."""
    from drafting.checks.checker import check_report as library_check

    try:
        report = draft.report()
    except ProblemsError as exc:
        return ["Lỗi dữ liệu:", *(f"  {p}" for p in exc.problems)]
    result = library_check(report, bank=bank)
    lines: list[str] = []
    if bank.problems:
        lines += ["Kho câu mẫu:", *(f"  {p}" for p in bank.problems), ""]
    for title, findings in (("Lỗi", result.errors), ("Còn thiếu", result.missing), ("Lưu ý", result.warnings)):
        if findings:
            lines += [f"{title} ({len(findings)}):", *(f"  {f}" for f in findings), ""]
    return lines or ["Không phát hiện vấn đề nào."]
