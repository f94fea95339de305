"""The main row of the screen: outline | editor | preview, and which of them show at
the terminal's width (below 100 columns one pane at a time: F2 and F3 switch)."""

from __future__ import annotations

from typing import Any

from textual.containers import Horizontal
from textual.widget import Widget

from drafting_tui.texts import NARROW, WIDE


class MainRow(Horizontal):
    """The three panes; its classes say which show."""

    def __init__(self, *children: Widget, width: int, **kwargs: Any) -> None:
        self.narrow = width < NARROW
        self.show_tree_narrow = self.show_preview_narrow = False
        self.hide_tree = self.hide_preview = False
        # Laid out for the terminal's width from the start: no second styling pass on mount.
        classes = " ".join(name for name, wanted in self.layout_classes(width).items() if wanted)
        super().__init__(*children, classes=classes, **kwargs)

    def layout_classes(self, width: int) -> dict[str, bool]:
        """The classes at this width: which panes show."""
        narrow = width < NARROW
        return {
            "narrow": narrow,
            "wide": width >= WIDE,
            "show-tree": narrow and self.show_tree_narrow,
            "show-preview": narrow and self.show_preview_narrow,
            "hide-tree": not narrow and self.hide_tree,
            "hide-preview": not narrow and self.hide_preview,
        }

    def apply(self, width: int | None = None) -> None:
        width = self.app.size.width if width is None else width
        self.narrow = width < NARROW
        for name, wanted in self.layout_classes(width).items():
            self.set_class(wanted, name)

    @property
    def tree_shown(self) -> bool:
        return self.show_tree_narrow if self.narrow else not self.hide_tree

    def toggle_tree(self) -> bool:
        """Show or hide the outline; whether it shows now."""
        if self.narrow:
            self.show_tree_narrow = not self.show_tree_narrow
            self.show_preview_narrow = self.show_preview_narrow and not self.show_tree_narrow
        else:
            self.hide_tree = not self.hide_tree
        self.apply()
        return self.tree_shown

    def toggle_preview(self) -> None:
        if self.narrow:
            self.show_preview_narrow = not self.show_preview_narrow
            self.show_tree_narrow = self.show_tree_narrow and not self.show_preview_narrow
        else:
            self.hide_preview = not self.hide_preview
        self.apply()

    def show_tree(self) -> None:
        """Make sure the outline shows (at a narrow width, instead of the others)."""
        if self.narrow:
            self.show_tree_narrow, self.show_preview_narrow = True, False
        else:
            self.hide_tree = False
        self.apply()

    def show_preview(self) -> None:
        if self.narrow:
            self.show_preview_narrow, self.show_tree_narrow = True, False
        else:
            self.hide_preview = False
        self.apply()

    def tree_chosen(self) -> None:
        """A section was chosen in the outline: at a narrow width, the editor comes back."""
        if self.narrow and self.show_tree_narrow:
            self.show_tree_narrow = False
            self.apply()
