"""The editor's widgets: inputs that know what they edit, toggles, the phrase list, the outline."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, cast

from rich.console import RenderableType
from rich.text import Text
from textual import on
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive
from textual.widget import Widget
from textual.widgets import (
    Input,
    OptionList,
    Static,
    TextArea,
    Tree,
)
from textual.widgets.option_list import Option

from drafting.bank.outline import OutlineSection
from drafting.editing.draft import (
    PhraseRow,
)
from drafting_tui.preview import Chunk

if TYPE_CHECKING:
    from drafting_tui.app import DraftingApp


def app_of(widget: Widget) -> DraftingApp:
    return cast("DraftingApp", widget.app)


def render_heading(section: OutlineSection, year: int) -> str:
    from drafting.bank.sandbox import render
    from drafting.composition.context import year_context

    return render(section.heading, year_context(year))



# --------------------------------------------------------------------------- editor widgets


class EditInput(Input):
    """An input whose changes go to the draft through the application."""

    # Typing in an input does not change its size: Input resets its virtual size on every
    # keystroke, which would lay the whole screen out again each time.
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    def __init__(self, target: tuple[str, ...], value: str = "", placeholder: str = "", **kwargs: Any) -> None:
        super().__init__(value, placeholder=placeholder, compact=True, select_on_focus=False, **kwargs)
        self.target = target
        self.initial = value
        self.error_label: Static | None = None
        self.error_anchor: Widget | None = None
        self.error_span = 1

    def on_mount(self) -> None:
        app = app_of(self)
        if not app.cursor_blink_enabled:
            self.cursor_blink = False
        app._initial_error(self)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        app_of(self).input_changed(self, event.value)


class Toggle(Static, can_focus=True):
    """A one-line heading that opens and closes what it introduces (Enter, Space, click)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter,space", "toggle_open", "Mở/đóng", show=False)]
    collapsed: Reactive[bool] = Reactive(True)

    def __init__(self, title: str, expanded: bool, classes: str = "") -> None:
        super().__init__("", classes=classes)
        self.title_text = title
        self.set_reactive(Toggle.collapsed, not expanded)

    def render(self) -> Text:
        return Text(("▶ " if self.collapsed else "▼ ") + self.title_text)

    def action_toggle_open(self) -> None:
        self.collapsed = not self.collapsed

    def on_click(self) -> None:
        self.action_toggle_open()


class GuidanceToggle(Toggle):
    """What the outline asks a section to state, shown on demand."""

    def __init__(self, guidance: str) -> None:
        super().__init__("Đề cương yêu cầu", expanded=False, classes="guidance-box")
        self.guidance = guidance

    def render(self) -> Text:
        text = super().render()
        if not self.collapsed:
            text.append("\n" + self.guidance, style="dim")
        return text

    def watch_collapsed(self, collapsed: bool) -> None:
        self.refresh(layout=True)


class FigureGroupBox(Toggle):
    """A figure group of the editor: one line while closed; its inputs are created below it
    when it is first opened (a section such as II.3 has twenty groups)."""

    def __init__(self, group_id: str, title: str, expanded: bool) -> None:
        super().__init__(title, expanded, classes="figure-group")
        self.group_id = group_id
        self.grid: Widget | None = None

    @property
    def inputs(self) -> list[EditInput]:
        return list(self.grid.query(EditInput)) if self.grid is not None else []

    def watch_collapsed(self, collapsed: bool) -> None:
        if not self.is_mounted:
            return
        if collapsed:
            if self.grid is not None:
                self.grid.display = False
        else:
            self._open()

    def _open(self) -> None:
        if self.grid is None:
            parent = self.parent
            if not isinstance(parent, Widget):
                return
            self.grid = app_of(self).figure_grid(self.group_id)
            parent.mount(self.grid, after=self)
        else:
            self.grid.display = True


class EditArea(TextArea):
    """A text area whose changes go to the draft through the application."""

    def __init__(self, target: tuple[str, ...], text: str = "", placeholder: str = "", **kwargs: Any) -> None:
        super().__init__(text, soft_wrap=True, tab_behavior="focus", compact=True, placeholder=placeholder, **kwargs)
        self.target = target
        self.initial = text

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        app_of(self).area_changed(self)

    def on_mount(self) -> None:
        if not app_of(self).cursor_blink_enabled:
            self.cursor_blink = False


class ParagraphView(Static, can_focus=True):
    """A paragraph the writer typed, shown as text; it becomes a text area when focused
    (text areas are costly: a section shows its paragraphs quickly this way)."""

    def __init__(self, target: tuple[str, ...], text: str) -> None:
        super().__init__(text or " ", markup=False, classes="paragraph paragraph-view")
        self.target = target
        self.text = text

    def on_focus(self) -> None:
        app_of(self).open_paragraph(self)

    def load_text(self, text: str) -> None:
        self.text = text
        self.update(text or " ")


class ActionButton(Static, can_focus=True):
    """A one-line command of the editor (open a section, add or remove a row): Enter,
    Space or a click runs it.

    Lighter than Textual's ``Button``, whose many styles would be parsed before the
    first screen; the dialogs keep real buttons.
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter,space", "press", "Chọn", show=False)]

    class Pressed(Message):
        """The command was chosen."""

        def __init__(self, button: ActionButton) -> None:
            super().__init__()
            self.button = button

    def __init__(self, label: str, action: tuple[str, ...], **kwargs: Any) -> None:
        super().__init__(label, **kwargs)
        self.action_target = action

    def press(self) -> None:
        """Run the command (as Enter or a click does)."""
        self.post_message(self.Pressed(self))

    def action_press(self) -> None:
        self.press()

    def on_click(self) -> None:
        self.press()


class PhraseList(OptionList):
    """The phrases of a section: include or exclude, cycle variants, pin, reorder."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "toggle_phrase", "Chọn/bỏ"),
        Binding("v", "cycle", "Đổi cách viết"),
        Binding("g", "pin", "Ghim"),
        Binding("left_square_bracket,ctrl+up", "move(-1)", "Lên"),
        Binding("right_square_bracket,ctrl+down", "move(1)", "Xuống"),
    ]

    def __init__(self, section_id: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.section_id = section_id
        self.rows: list[PhraseRow] = []

    def on_focus(self) -> None:
        if self.highlighted is None and self.rows:
            self.highlighted = 0

    def set_rows(self, rows: list[PhraseRow]) -> None:
        if rows == self.rows:
            return
        current = self.current_key()
        self.rows = rows
        options = [Option(self._prompt(row), id=self._key(row, i)) for i, row in enumerate(rows)]
        self.set_options(options)
        if not options or current is None:
            return
        index = 0
        for i, row in enumerate(rows):
            if self._key(row, i) == current:
                index = i
                break
        self.highlighted = index

    @staticmethod
    def _key(row: PhraseRow, i: int) -> str:
        return f"p-{row.phrase_id}" if row.phrase_id else f"t-{i}"

    def current_key(self) -> str | None:
        if self.highlighted is None or not self.rows or self.highlighted >= len(self.rows):
            return None
        return self._key(self.rows[self.highlighted], self.highlighted)

    def current(self) -> PhraseRow | None:
        if self.highlighted is None or self.highlighted >= len(self.rows):
            return None
        return self.rows[self.highlighted]

    @staticmethod
    def _prompt(row: PhraseRow) -> Text:
        text = Text()
        if not row.phrase_id:
            text.append("✎ ", style="bold")
            text.append("Đoạn tự viết: ", style="bold")
            snippet = row.description.replace("\n", " ")
            text.append(snippet[:80] + ("…" if len(snippet) > 80 else ""))
            return text
        text.append("[✓] " if row.included else "[ ] ", style="bold green" if row.included else "dim")
        text.append(row.description or row.phrase_id, style="" if row.included else "dim")
        detail = Text("\n    ")
        if row.variants > 1:
            shown = row.pinned or row.shown
            variant = f"cách viết {shown}/{row.variants}" if shown else f"{row.variants} cách viết"
            detail.append(variant + (" (ghim)" if row.pinned else ""), style="cyan")
            detail.append(" · ")
        reason = row.reason
        if row.included and not row.chosen:
            reason = "gợi ý tự động: " + reason
        detail.append(reason, style="green" if row.applies else "dim")
        text.append(detail)
        return text

    def action_toggle_phrase(self) -> None:
        row = self.current()
        if row is not None and row.phrase_id:
            app_of(self).toggle_phrase(self.section_id, row)

    def action_cycle(self) -> None:
        row = self.current()
        if row is not None and row.phrase_id:
            app_of(self).cycle_variant(self.section_id, row)

    def action_pin(self) -> None:
        row = self.current()
        if row is not None and row.phrase_id:
            app_of(self).pin_variant(self.section_id, row)

    def action_move(self, delta: int) -> None:
        row = self.current()
        if row is not None and row.position is not None:
            app_of(self).move_item(self.section_id, row.position, delta)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_toggle_phrase()


class ChunkView(Static):
    """One piece of the preview (a heading, a paragraph, a table or a section's text)."""

    def __init__(self, chunk: Chunk, renderable: RenderableType | None = None) -> None:
        super().__init__(
            renderable if renderable is not None else chunk.renderable(),
            classes="heading" if chunk.key.endswith("#") else "",
        )
        self.chunk = chunk
        self._width = 0

    def on_resize(self, event: Any) -> None:
        self._width = event.size.width

    def show(self, chunk: Chunk) -> None:
        """Show a changed chunk; the layout is only redone when its height changes."""
        renderable = chunk.renderable()
        old = self.chunk
        same_height = bool(chunk.lines and chunk.lines == old.lines and chunk.width == old.width == self._width)
        self.chunk = chunk
        self.update(renderable, layout=not same_height)


class OutlineTree(Tree[str]):
    """The outline of the report with a completion mark on every section."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "select_cursor", "Mở mục", show=False)]
