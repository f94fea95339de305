"""What a field of the editor edits (typed targets), and the messages its edits and
commands send to the section editor, which has one handler per message type."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from textual.message import Message
from textual.widget import Widget

from drafting.editing.draft import Part

# --------------------------------------------------------------------------- targets


@dataclass(frozen=True)
class FigureTarget:
    """A figure's value: ``part`` is ``ky_nay``, ``cung_ky``, ``nguyen_nhan`` or ``""``
    (the one value of a figure not compared with the same period)."""

    figure_id: str
    part: Part

    @property
    def widget_id(self) -> str:
        safe = self.figure_id.replace(".", "--")
        return f"fig-{safe}-{self.part}" if self.part else f"fig-{safe}"

    def edited(self, widget: Widget, value: str) -> Edited:
        return FigureEdited(widget, self, value)


@dataclass(frozen=True)
class YearTarget:
    """The report's year (``nam``)."""

    widget_id = "year"

    def edited(self, widget: Widget, value: str) -> Edited:
        return YearEdited(widget, self, value)


@dataclass(frozen=True)
class UnitTarget:
    """A field of the unit information (``don_vi.<key>``)."""

    key: str

    @property
    def widget_id(self) -> str:
        return f"unit-{self.key}"

    def edited(self, widget: Widget, value: str) -> Edited:
        return UnitEdited(widget, self, value)


@dataclass(frozen=True)
class RecipientsTarget:
    """The recipients (``don_vi.noi_nhan``), one a line."""

    widget_id = "recipients"

    def edited(self, widget: Widget, value: str) -> Edited:
        return RecipientsEdited(widget, self, value)


ListName = Literal["van_ban", "phong_trao"]


@dataclass(frozen=True)
class ListItemTarget:
    """A field of a row of a list of the data file (``van_ban[3].trich_yeu``)."""

    list: ListName
    index: int
    field: str

    @property
    def widget_id(self) -> str:
        return f"{self.list.replace('_', '-')}-{self.index}-{self.field.replace('_', '-')}"

    def edited(self, widget: Widget, value: str) -> Edited:
        return ListItemEdited(widget, self, value)


@dataclass(frozen=True)
class MovementTarget:
    """The result of a movement of the outline (its row is created when first written)."""

    movement_id: str

    @property
    def widget_id(self) -> str:
        return f"movement-{self.movement_id.replace('_', '-')}"

    def edited(self, widget: Widget, value: str) -> Edited:
        return MovementEdited(widget, self, value)


@dataclass(frozen=True)
class ParagraphTarget:
    """A paragraph the writer typed: the ``index``-th free paragraph of a section."""

    section: str
    index: int

    @property
    def widget_id(self) -> str:
        return f"paragraph-{self.index}"

    def edited(self, widget: Widget, value: str) -> Edited:
        return ParagraphEdited(widget, self, value)


Target = FigureTarget | YearTarget | UnitTarget | RecipientsTarget | ListItemTarget | MovementTarget | ParagraphTarget

# --------------------------------------------------------------------------- edits


class Edited(Message):
    """A field's text changed; ``widget`` shows the error when the value is refused."""

    def __init__(self, widget: Widget, value: str) -> None:
        super().__init__()
        self.widget = widget
        self.value = value


class FigureEdited(Edited):
    def __init__(self, widget: Widget, target: FigureTarget, value: str) -> None:
        super().__init__(widget, value)
        self.target = target


class YearEdited(Edited):
    def __init__(self, widget: Widget, target: YearTarget, value: str) -> None:
        super().__init__(widget, value)
        self.target = target


class UnitEdited(Edited):
    def __init__(self, widget: Widget, target: UnitTarget, value: str) -> None:
        super().__init__(widget, value)
        self.target = target


class RecipientsEdited(Edited):
    def __init__(self, widget: Widget, target: RecipientsTarget, value: str) -> None:
        super().__init__(widget, value)
        self.target = target


class ListItemEdited(Edited):
    def __init__(self, widget: Widget, target: ListItemTarget, value: str) -> None:
        super().__init__(widget, value)
        self.target = target


class MovementEdited(Edited):
    def __init__(self, widget: Widget, target: MovementTarget, value: str) -> None:
        super().__init__(widget, value)
        self.target = target


class ParagraphEdited(Edited):
    def __init__(self, widget: Widget, target: ParagraphTarget, value: str) -> None:
        super().__init__(widget, value)
        self.target = target


# --------------------------------------------------------------------------- commands


class GotoSection(Message):
    """Open a section of the outline in the editor."""

    def __init__(self, section_id: str) -> None:
        super().__init__()
        self.section_id = section_id


class AddParagraph(Message):
    """Add an empty paragraph at the end of the current section and focus it."""


class RemoveParagraph(Message):
    def __init__(self, target: ParagraphTarget) -> None:
        super().__init__()
        self.target = target


class AddListItem(Message):
    """Add a row to a list from the fields of the “add” form ``form``: ``kind`` is the
    document kind (``van_ban``) or the movement group (``phong_trao``)."""

    def __init__(self, list: ListName, kind: str, form: Widget) -> None:
        super().__init__()
        self.list, self.kind, self.form = list, kind, form


class RemoveListItem(Message):
    def __init__(self, list: ListName, index: int) -> None:
        super().__init__()
        self.list, self.index = list, index
