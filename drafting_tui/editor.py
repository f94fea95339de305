"""The editor of a section: its fields, made from the outline and the catalogue, and one
handler per kind of edit or command, each applying it to the draft."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from textual import on
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Input

from drafting.editing.draft import Draft
from drafting.errors import DraftingError
from drafting_tui.forms import Forms
from drafting_tui.phrases import ContentChanged, PhraseList, change_content
from drafting_tui.targets import (
    AddListItem,
    AddParagraph,
    Edited,
    FigureEdited,
    FigureTarget,
    ListItemEdited,
    MovementEdited,
    ParagraphEdited,
    RecipientsEdited,
    RemoveListItem,
    RemoveParagraph,
    Target,
    UnitEdited,
    YearEdited,
)
from drafting_tui.texts import GENERAL
from drafting_tui.widgets import ActionButton, EditArea, EditInput, FieldRow, FigureGroupBox, ParagraphView

if TYPE_CHECKING:
    from drafting_tui.app import DraftingApp

EDIT_ERRORS = (ValueError, KeyError, IndexError, DraftingError)


class SectionEditor(VerticalScroll, can_focus=False):
    """The fields of the current section.

    Not focusable itself: a container that gains or loses the focus has every widget
    under it styled again (Textual's focus-within), which took longer than building
    a section; its fields take the focus and scroll it into view."""

    def __init__(self, draft: Draft, section_id: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.draft = draft
        self.forms = Forms(draft)
        self.section_id = section_id
        self.ready = False
        self.editing_from = 10**6  # free paragraphs from this index are built as text areas
        self._generation = 0
        self._after_shown: list[Callable[[], object]] = []

    @property
    def editor_app(self) -> DraftingApp:
        return cast("DraftingApp", self.app)

    def widgets_of(self, section_id: str) -> list[Widget]:
        """The widgets of a section's editor (also used for the first screen)."""
        if section_id == GENERAL:
            return self.forms.general()
        widgets = self.forms.section(section_id, self.editing_from)
        last = self.editor_app.preview.last
        for phrases in widgets:
            if isinstance(phrases, PhraseList) and last and last.section_id == section_id and last.rows:
                phrases.set_rows(last.rows)
        return widgets

    # ------------------------------------------------------------------ building

    def show(
        self, section_id: str, focus: str = "", keep_scroll: bool = False, then: Callable[[], object] | None = None
    ) -> None:
        """Build the editor of a section (``focus``: ``first``, ``paragraph-last`` or a widget id);
        ``then`` runs once it is on screen (even when a later build replaced this one)."""
        self.section_id = section_id
        self.ready = False
        if then is not None:
            self._after_shown.append(then)
        self._generation += 1
        self.call_later(self._build, self._generation, focus, keep_scroll)

    async def _build(self, generation: int, focus: str, keep_scroll: bool) -> None:
        if generation != self._generation:
            return
        scroll = self.scroll_y
        # No repaint while the old widgets go and the new ones are mounted: the screen was
        # laid out again with half a section each time its refresh timer fired meanwhile.
        with self.app.batch_update():
            await self.remove_children()
            if generation != self._generation:
                return
            await self.mount_all(self.widgets_of(self.section_id))
        self.editing_from = 10**6
        self.ready = True
        if keep_scroll:
            self.call_after_refresh(lambda: self.scroll_to(y=scroll, animate=False))
        else:
            self.scroll_home(animate=False)
        if focus == "first":
            self.focus_first()
        elif focus == "paragraph-last":
            areas = list(self.query(".paragraph"))
            if areas:
                areas[-1].focus()
                self.call_after_refresh(self.scroll_to_widget, areas[-1], animate=False)
        elif focus:
            self.focus_field(focus)
        after, self._after_shown = self._after_shown, []
        for callback in after:
            self.call_after_refresh(callback)

    def rebuild(self, focus: str = "") -> None:
        """Build the current section again (after rows were added or removed)."""
        self.show(self.section_id, focus, keep_scroll=True)

    def focus_first(self) -> None:
        """Focus the first thing to edit (not the outline's guidance)."""
        for widget in self.query("*"):
            if widget.focusable and not widget.has_class("guidance-box"):
                widget.focus()
                return

    def focus_field(self, widget_id: str, group: str = "") -> bool:
        """Focus a field by its id (opening its figure group first), scrolled into view."""
        if group:
            for box in self.query(FigureGroupBox):
                if box.group_id == group and box.collapsed:
                    box.collapsed = False  # its fields are made now: focused once mounted
                    self.call_after_refresh(self.focus_field, widget_id)
                    return True
        found = self.query(f"#{widget_id}")
        if not found:
            return False
        widget = found.first()
        widget.focus()
        self.call_after_refresh(self.scroll_to_center, widget, animate=False)
        return True

    def set_phrase_rows(self, section_id: str, rows: list) -> None:  # type: ignore[type-arg]
        for phrases in self.query(PhraseList):
            if phrases.section_id == section_id:
                phrases.set_rows(rows)

    # ------------------------------------------------------------------ edits

    def _apply(self, message: Edited, operation: Callable[[], bool], immediate: bool = False) -> bool:
        """Apply an edit; the field shows why a value is refused, or clears its mark."""
        message.stop()
        widget = message.widget
        show_error = getattr(widget, "show_error", None)
        try:
            changed = operation()
        except EDIT_ERRORS as exc:
            if show_error is not None:
                show_error(str(exc).strip("'\""))
            return False
        if show_error is not None and widget.has_class("invalid"):
            show_error(None)
        if changed:
            self.editor_app.schedule_preview(0 if immediate else None)
        return changed

    @on(FigureEdited)
    def _figure(self, message: FigureEdited) -> None:
        target = message.target
        if self._apply(message, lambda: self.draft.set_figure_text(target.figure_id, target.part, message.value)):
            group = self.draft.catalogue.figures[target.figure_id].group
            for box in self.query(FigureGroupBox):
                if box.group_id == group:
                    box.set_title(self.forms.group_title(group))

    @on(YearEdited)
    def _year(self, message: YearEdited) -> None:
        if self._apply(message, lambda: self.draft.set_year(message.value)):
            self.editor_app.year_changed()

    @on(UnitEdited)
    def _unit(self, message: UnitEdited) -> None:
        self._apply(message, lambda: self.draft.set_unit_text(message.target.key, message.value))

    @on(RecipientsEdited)
    def _recipients(self, message: RecipientsEdited) -> None:
        self._apply(message, lambda: self.draft.set_recipients(message.value.splitlines()))

    @on(MovementEdited)
    def _movement(self, message: MovementEdited) -> None:
        self._apply(message, lambda: self.draft.set_movement_result(message.target.movement_id, message.value))

    @on(ParagraphEdited)
    def _paragraph(self, message: ParagraphEdited) -> None:
        target = message.target
        texts = [r for r in self.draft.content(target.section) if not r.is_phrase]
        if target.index < len(texts):
            item = texts[target.index].index
            self._apply(message, lambda: self.draft.set_paragraph(target.section, item, message.value))

    @on(ListItemEdited)
    def _list_item(self, message: ListItemEdited) -> None:
        target = message.target
        # The row's other fields as shown (a date refused before is checked again).
        values = {
            w.target.field: w.value
            for w in self.query(EditInput)
            if isinstance(w.target, type(target)) and (w.target.list, w.target.index) == (target.list, target.index)
        }
        values[target.field] = message.value
        draft = self.draft
        if target.list == "van_ban":
            row = next(r for r in draft.documents() if r.index == target.index)
            fields = {"so": row.number, "ngay": row.date, "trich_yeu": row.summary, **values}
            operation = lambda: draft.update_document(  # noqa: E731
                target.index, row.kind, fields["so"], fields["ngay"], fields["trich_yeu"], row.unit
            )
        else:
            mrow = next(r for r in draft.movements() if r.index == target.index)
            name = values.get("ten", mrow.name)
            result = message.value if target.field == "ket_qua" else mrow.result
            operation = lambda: draft.update_movement(target.index, name, result, mrow.unit)  # noqa: E731
        if self._apply(message, operation):
            for field in self.query(EditInput):
                if field is not message.widget and field.has_class("invalid") and _same_row(field.target, target):
                    field.show_error(None)

    # ------------------------------------------------------------------ commands

    def _run(self, operation: Callable[[], object], focus: str = "") -> None:
        if change_content(self, operation):
            self.rebuild(focus)
            self.editor_app.schedule_preview(0)

    @on(AddParagraph)
    def _add_paragraph(self, message: AddParagraph) -> None:
        message.stop()

        def add() -> None:
            self.draft.add_paragraph(self.section_id, "")
            self.editing_from = len([r for r in self.draft.content(self.section_id) if not r.is_phrase]) - 1

        self._run(add, focus="paragraph-last")

    @on(RemoveParagraph)
    def _remove_paragraph(self, message: RemoveParagraph) -> None:
        message.stop()
        texts = [r for r in self.draft.content(message.target.section) if not r.is_phrase]
        if message.target.index < len(texts):
            self._run(lambda: self.draft.remove_item(message.target.section, texts[message.target.index].index))

    @on(RemoveListItem)
    def _remove_item(self, message: RemoveListItem) -> None:
        message.stop()
        remove = self.draft.remove_document if message.list == "van_ban" else self.draft.remove_movement
        self._run(lambda: remove(message.index))

    @on(AddListItem)
    def _add_item(self, message: AddListItem) -> None:
        message.stop()
        form = message.form

        def value(selector: str) -> str:
            return form.query_one(selector, Input).value

        try:
            if message.list == "van_ban":
                self.draft.add_document(message.kind, value(".new-so"), value(".new-ngay"), value(".new-trich"))
            else:
                self.draft.add_movement(value(".new-ten"), message.kind)
        except EDIT_ERRORS as exc:
            if isinstance(form, FieldRow):
                form.set_error(form, str(exc).strip("'\""))
            return
        self.rebuild()
        self.editor_app.schedule_preview(0)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        """Enter in a field of an “add” form adds the row, as “Thêm” does."""
        form = next((a for a in event.input.ancestors if isinstance(a, FieldRow) and a.has_class("list-new")), None)
        if form is not None:
            event.stop()
            form.query_one(".add", ActionButton).press()

    @on(ContentChanged)
    def _content_changed(self, message: ContentChanged) -> None:
        message.stop()
        self.sync_paragraphs()
        self.editor_app.schedule_preview(0)

    def sync_paragraphs(self) -> None:
        """After the items of a section moved, the paragraph editors follow their text."""
        areas = [a for a in self.query(".paragraph") if isinstance(a, (EditArea, ParagraphView))]
        texts = [r.text for r in self.draft.content(self.section_id) if not r.is_phrase]
        if len(areas) != len(texts):
            self.rebuild()
            return
        for area, text in zip(areas, texts, strict=True):
            if area.text.strip() != text:
                if isinstance(area, EditArea):
                    area.initial = text
                area.load_text(text)


def _same_row(target: Target, other: Target) -> bool:
    return (
        type(target) is type(other)
        and getattr(target, "list", None) == getattr(other, "list", None)
        and getattr(target, "index", None) == getattr(other, "index", None)
    )


def figure_group(target: Target) -> str:
    """The figure group a target's field sits in (``""`` when it is not a figure)."""
    return target.figure_id.split(".")[0] if isinstance(target, FigureTarget) else ""
