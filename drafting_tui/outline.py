"""The outline of the report, with a completion mark on every section."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from drafting.bank.outline import Outline
from drafting.editing.draft import UNIT_MARK, SectionMark
from drafting_tui.forms import render_heading
from drafting_tui.texts import GENERAL

MARK_STYLES = {"du": "green", "mot_phan": "yellow", "trong": "red"}


class OutlineTree(Tree[str]):
    """The outline: “Thông tin chung”, then every section of the outline. Enter opens a
    section (it does not fold it: ← and → do)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "select_cursor", "Mở mục", show=False)]

    def __init__(self, outline: Outline, year: int, **kwargs: Any) -> None:
        super().__init__("Báo cáo", **kwargs)
        self.outline, self.year = outline, year
        self.show_root = False
        self.auto_expand = False
        self.guide_depth = 2
        self.marks: dict[str, SectionMark] = {}
        self.nodes_by_id: dict[str, TreeNode[str]] = {}
        self._fill()

    def _fill(self) -> None:
        """Filled before it is mounted: it is laid out once, already filled."""
        self.nodes_by_id = {GENERAL: self.root.add_leaf(self.label_of(GENERAL), data=GENERAL)}

        def add(parent: TreeNode[str], section_id: str | None) -> None:
            for child in self.outline.children(section_id):
                if self.outline.is_leaf(child.id):
                    node = parent.add_leaf(self.label_of(child.id), data=child.id)
                else:
                    node = parent.add(self.label_of(child.id), data=child.id, expand=True)
                    add(node, child.id)
                self.nodes_by_id[child.id] = node

        add(self.root, None)
        self.root.expand()

    def label_of(self, section_id: str) -> Text:
        mark = self.marks.get(UNIT_MARK if section_id == GENERAL else section_id)
        label = Text()
        if mark is not None:
            label.append(mark.symbol + " ", style=MARK_STYLES[mark.state])
        elif section_id != GENERAL:
            label.append("· ", style="dim")
        if section_id == GENERAL:
            return label.append("Thông tin chung")
        section = self.outline.section(section_id)
        return label.append(f"{section.number} {render_heading(section, self.year)}")

    def set_marks(self, marks: dict[str, SectionMark]) -> None:
        if marks != self.marks:
            self.marks = marks
            self.relabel()

    def set_year(self, year: int) -> None:
        if year != self.year:
            self.year = year
            self.relabel()

    def relabel(self) -> None:
        for sid, node in self.nodes_by_id.items():
            node.set_label(self.label_of(sid))

    def show(self, section_id: str) -> None:
        """Put the cursor on a section (after the next refresh: the tree may be laid out)."""
        node = self.nodes_by_id.get(section_id)
        if node is not None and self.cursor_node is not node:
            self.call_after_refresh(self.move_cursor, node)
