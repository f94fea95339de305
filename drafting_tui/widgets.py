"""The editor's widgets: fields that know what they edit, rows that show a field's error,
toggles, and one-line commands."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.containers import Grid, Vertical
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive
from textual.widget import Widget
from textual.widgets import Input, Static, TextArea
from textual.widgets.input import Selection

from drafting_tui.targets import Target
from drafting_tui.texts import FOOTER_KEYS, paste_text


def blink_off(widget: Input | TextArea) -> None:
    """Turn the cursor's blinking off when the application asks (tests, snapshots)."""
    if not getattr(widget.app, "cursor_blink_enabled", True):
        widget.cursor_blink = False


async def run_own_binding(widget: Widget, event: events.Key) -> bool:
    """Handle a key that reached ``widget`` after the focus moved on (Tab handled first,
    keys typed before it still queued here): this field's own key binding (Backspace,
    ←, End…) acts on this field, not on the field now focused. ``True`` when it did."""
    if widget.app.focused is widget or event.is_printable:
        return False
    bindings = widget._bindings.key_to_bindings.get(event.key)
    if not bindings:
        return False
    event.stop()
    event.prevent_default()
    await widget.app.run_action(bindings[0].action, widget)
    return True


class FieldRow(Vertical):
    """One field, or the fields of one row, with the reason under them when a value is
    refused: an error never moves the other rows of a form sideways."""

    DEFAULT_CSS = "FieldRow { height: auto; }"

    def __init__(self, *children: Widget, classes: str = "", **kwargs: Any) -> None:
        super().__init__(*children, classes=classes, **kwargs)
        self._errors: dict[int, str] = {}
        self._label: Static | None = None

    def set_error(self, widget: Widget, message: str | None) -> None:
        """Show ``message`` for ``widget`` (or clear it); the row shows its first error."""
        if message:
            self._errors[id(widget)] = message
        else:
            self._errors.pop(id(widget), None)
        shown = next(iter(self._errors.values()), "")
        if self._label is None:
            if not shown:
                return
            self._label = Static("", classes="error")
            self.mount(self._label)
        self._label.update(Text(shown, style="bold"))
        self._label.display = bool(shown)

    @property
    def error(self) -> str:
        """The message the row shows (``""`` when none)."""
        return next(iter(self._errors.values()), "")


class FieldGrid(Grid):
    """Labels and fields in two columns (lighter than a row container a field); the reason
    a value is refused takes a whole row under its field, so no label moves sideways."""

    DEFAULT_CSS = "FieldGrid { grid-size: 2; grid-columns: 22 1fr; grid-rows: auto; height: auto; }"
    SPAN = 2  # the columns a reason spans

    def __init__(self, *children: Widget, **kwargs: Any) -> None:
        super().__init__(*children, **kwargs)
        self._labels: dict[int, Static] = {}

    def set_error(self, widget: Widget, message: str | None) -> None:
        label = self._labels.get(id(widget))
        if message:
            if label is None:
                label = Static("", classes="error")
                label.styles.column_span = self.SPAN
                self.mount(label, after=widget)
                self._labels[id(widget)] = label
            label.update(Text(message, style="bold"))
            label.display = True
            self._fit(label, message)
        elif label is not None:
            label.display = False
            label.update("")

    def _fit(self, label: Static, message: str) -> None:
        """Hold a reason to the lines it takes across the row: Textual sizes a cell that
        spans both columns by each column's width (blank lines under a sentence)."""
        width = (self.size.width or self.app.size.width) - label.styles.gutter.width
        lines = Text(message, style="bold").wrap(self.app.console, max(1, width))
        label.styles.max_height = max(1, len(lines))

    def on_resize(self) -> None:
        for label in self._labels.values():
            if label.display:
                self._fit(label, str(label.render()))

    @property
    def error(self) -> str:
        """The first reason shown (``""`` when none)."""
        return next((str(label.render()) for label in self._labels.values() if label.display), "")


class RowsGrid(FieldGrid):
    """Rows of three cells (number, date, “Xóa”) each with a cell across them under it
    (``.row-end``, the summary): one grid for a whole list instead of a container a row.
    The reason a value of a row is refused goes under the row."""

    # A row of cells takes two lines (a blank line above it), the cell under it one.
    DEFAULT_CSS = "RowsGrid { grid-size: 3; grid-columns: 1fr 17 7; grid-rows: 2 1; height: auto; }"
    SPAN = 3

    def __init__(self, *children: Widget, **kwargs: Any) -> None:
        super().__init__(*children, **kwargs)
        self._row_errors: dict[int, dict[int, str]] = {}

    def set_error(self, widget: Widget, message: str | None) -> None:
        children = list(self.children)
        start = children.index(widget) if widget in children else 0
        end = next((w for w in children[start:] if w.has_class("row-end")), widget)
        errors = self._row_errors.setdefault(id(end), {})
        if message:
            errors[id(widget)] = message
        else:
            errors.pop(id(widget), None)
        super().set_error(end, next(iter(errors.values()), None))
        label = self._labels.get(id(end))
        if label is not None:
            label.styles.row_span = 2  # the lines of two rows: the rows after it keep their heights


def row_of(widget: Widget) -> FieldRow | FieldGrid | None:
    """The row (or grid) that shows a field's error."""
    for node in widget.ancestors:
        if isinstance(node, (FieldRow, FieldGrid)):
            return node
    return None


class LightInput(Input):
    """A compact one-line input made without the watchers that would validate and restyle
    it before it is even mounted (a section makes dozens: this halves the time to show one)."""

    def __init__(self, value: str = "", placeholder: str = "", **kwargs: Any) -> None:
        super().__init__(placeholder=placeholder, **kwargs)
        self.set_reactive(Input.compact, True)
        self.add_class("-textual-compact", update=False)
        self.set_reactive(Input.value, value)
        self.set_reactive(Input.selection, Selection.cursor(len(value)))
        self._initial_value = False


class EditInput(LightInput):
    """A one-line field: each change is sent as the typed message of its target. Its
    text is selected when it gets the focus: typing replaces it (End keeps it)."""

    # Typing in an input does not change its size: Input resets its virtual size on every
    # keystroke, which would lay the whole screen out again each time.
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    def __init__(self, target: Target, value: str = "", placeholder: str = "", error: str = "", **kwargs: Any) -> None:
        kwargs.setdefault("id", target.widget_id)
        super().__init__(value, placeholder=placeholder, select_on_focus=True, **kwargs)
        self.target = target
        self.initial: str | None = value
        self.initial_error = error

    def on_mount(self) -> None:
        blink_off(self)
        if self.initial_error:
            self.show_error(self.initial_error)

    async def _on_key(self, event: events.Key) -> None:
        if not await run_own_binding(self, event):
            await super()._on_key(event)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if event.value == self.initial:
            return  # the value as read (an error found in it stays until the writer edits)
        self.initial = None
        self.post_message(self.target.edited(self, event.value))

    def _on_paste(self, event: events.Paste) -> None:
        # Tabs and line breaks stay in this field, as spaces.
        event.stop()
        event.prevent_default()
        text = paste_text(event.text, multiline=False)
        if text:
            selection = self.selection
            if selection.is_empty:
                self.insert_text_at_cursor(text)
            else:
                self.replace(text, *selection)

    def show_error(self, message: str | None) -> None:
        """Mark the field invalid with the reason under its row, or clear the mark."""
        self.set_class(bool(message), "invalid")
        row = row_of(self)
        if row is not None:
            row.set_error(self, message)


class EditArea(TextArea):
    """A text of several lines: each change is sent as the typed message of its target.
    Home and End go to the start and the end of the whole text."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("home,ctrl+home", "text_start", "Đầu đoạn", show=False),
        Binding("end,ctrl+end", "text_end", "Cuối đoạn", show=False),
    ]

    def __init__(self, target: Target, text: str = "", placeholder: str = "", **kwargs: Any) -> None:
        kwargs.setdefault("id", target.widget_id)
        super().__init__(text, soft_wrap=True, tab_behavior="focus", compact=True, placeholder=placeholder, **kwargs)
        self.target = target
        self.initial: str | None = text

    def on_mount(self) -> None:
        blink_off(self)

    async def _on_key(self, event: events.Key) -> None:
        if not await run_own_binding(self, event):
            await super()._on_key(event)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        if self.text == self.initial:
            return
        self.initial = None
        self.post_message(self.target.edited(self, self.text))

    async def _on_paste(self, event: events.Paste) -> None:
        event.stop()
        event.prevent_default()
        if self.read_only:
            return
        if result := self._replace_via_keyboard(paste_text(event.text, multiline=True), *self.selection):
            self.move_cursor(result.end_location)

    def action_text_start(self) -> None:
        self.move_cursor((0, 0))

    def action_text_end(self) -> None:
        self.move_cursor(self.document.end)

    def show_error(self, message: str | None) -> None:
        if message:
            self.notify(message, severity="error", title="Chưa ghi được")


class ParagraphView(Static, can_focus=True):
    """A paragraph the writer typed, shown as text; it becomes a text area when focused
    (text areas are costly: a section shows its paragraphs quickly this way)."""

    def __init__(self, target: Target, text: str, **kwargs: Any) -> None:
        kwargs.setdefault("id", target.widget_id)
        super().__init__(text or " ", markup=False, classes="paragraph paragraph-view", **kwargs)
        self.target = target
        self.text = text

    def on_focus(self) -> None:
        self.open()

    def open(self) -> EditArea | None:
        """Put a text area in this view's place, focused and scrolled into view."""
        parent = self.parent
        if not isinstance(parent, Widget):
            return None
        area = EditArea(self.target, self.text, placeholder="đoạn văn tự viết", classes="paragraph", id=None)
        parent.mount(area, before=self)
        self.remove()
        area.focus()
        area.call_after_refresh(area.scroll_visible, animate=False)
        return area

    def load_text(self, text: str) -> None:
        self.text = text
        self.update(text or " ")


class Toggle(Static, can_focus=True):
    """A one-line heading that opens and closes what it introduces (Enter, Space, click)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter,space", "toggle_open", "Mở/đóng", show=False)]
    collapsed: Reactive[bool] = Reactive(True)

    def __init__(self, title: str, expanded: bool, classes: str = "", **kwargs: Any) -> None:
        super().__init__("", classes=classes, **kwargs)
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
    """A figure group of the editor: one line while closed; its fields are made by
    ``make_fields`` below it when it is first opened (II.3 has twenty groups)."""

    def __init__(self, group_id: str, title: str, expanded: bool, make_fields: Callable[[], Widget]) -> None:
        super().__init__(title, expanded, classes="figure-group", id=f"group-{group_id.replace('_', '-')}")
        self.group_id = group_id
        self.make_fields = make_fields
        self.grid: Widget | None = None

    @property
    def inputs(self) -> list[EditInput]:
        return list(self.grid.query(EditInput)) if self.grid is not None else []

    def set_title(self, title: str) -> None:
        if title != self.title_text:
            self.title_text = title
            self.refresh()

    def watch_collapsed(self, collapsed: bool) -> None:
        if not self.is_mounted:
            return
        if collapsed:
            if self.grid is not None:
                self.grid.display = False
        else:
            self.open_fields()

    def open_fields(self) -> Widget | None:
        """Show the fields (made now if they were not yet)."""
        if self.grid is None:
            parent = self.parent
            if not isinstance(parent, Widget):
                return None
            self.grid = self.make_fields()
            parent.mount(self.grid, after=self)
        else:
            self.grid.display = True
        return self.grid


class ActionButton(Static, can_focus=True):
    """A one-line command of the editor (open a section, add or remove a row): Enter,
    Space or a click posts the message that ``message`` makes.

    Lighter than Textual's ``Button``, whose many styles would be parsed before the
    first screen; the dialogs keep real buttons.
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter,space", "press", "Chọn", show=False)]

    def __init__(self, label: str, message: Callable[[], Message], **kwargs: Any) -> None:
        super().__init__(label, **kwargs)
        self.message = message

    def press(self) -> None:
        """Run the command (as Enter or a click does)."""
        self.post_message(self.message())

    def action_press(self) -> None:
        self.press()

    def on_click(self) -> None:
        self.press()


class KeyBar(Static):
    """The main keys, always the same ones in the same order (they fit in 80 columns)."""

    def __init__(self) -> None:
        text = Text()
        for i, (key, label) in enumerate(FOOTER_KEYS):
            text.append(" " if i else "")
            text.append(key, style="bold")
            text.append(" " + label)
        super().__init__(text, id="keys")
