"""Why each paragraph of a section is in the report (F7): its words, where it comes from
in a writer's words (:mod:`drafting.composition.provenance`), and the figures it uses,
each a line that goes to its field."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.widgets import Button, Label, OptionList, Static
from textual.widgets.option_list import Option

from drafting.composition.provenance import figure_line, paragraph_provenance, table_provenance
from drafting.document import Paragraph, Table
from drafting.editing.draft import Draft
from drafting.errors import ProblemsError
from drafting_tui.findings import Place, place_of
from drafting_tui.screens import Dialog
from drafting_tui.texts import GENERAL

if TYPE_CHECKING:
    from drafting_tui.app import DraftingApp

SHOWN_WORDS = 160
"""How much of a paragraph's text the list shows (the preview has the rest)."""


@dataclass(frozen=True)
class Reason:
    """A paragraph (or table) of the section: its text, why it is there, and its figures
    as the writer typed them, each with the field it is edited in."""

    text: str
    reason: str
    figures: tuple[tuple[str, Place], ...] = ()


def section_reasons(draft: Draft, section_id: str) -> list[Reason]:
    """Why each paragraph and table of ``section_id`` (and of its subsections) is there.

    Raises :class:`~drafting.errors.ProblemsError` when the data does not validate.
    """
    composer = draft.composer()
    built = composer.build_section(composer.outline.section(section_id), [])
    out: list[Reason] = []
    for sec in built.walk():
        for block in sec.blocks:
            if isinstance(block, Table):
                found, text = table_provenance(composer, sec.id, block), "Bảng số liệu"
            elif isinstance(block, Paragraph):
                found, text = paragraph_provenance(composer, block), block.text
            else:
                continue
            figures = tuple(
                (figure_line(composer, fid), place_of(f"so_lieu.{fid}", "", draft)) for fid in found.figures
            )
            out.append(Reason(text, found.reason, figures))
    return out


def open_why(app: DraftingApp) -> None:
    """Why each paragraph of the current section is there (F7), and its figures."""
    title = "Vì sao có câu này"
    if app.section_id == GENERAL:
        app.notify("Hãy mở một mục của báo cáo (I, II, III…) rồi nhấn F7.", title=title)
        return
    try:
        reasons = section_reasons(app.draft, app.section_id)
    except ProblemsError:
        app.notify("Dữ liệu chưa hợp lệ: hãy sửa các lỗi (F5) trước.", severity="error", title=title)
        return
    app.push_screen(WhyScreen(app.section_id, reasons), app.goto_place)


class WhyScreen(Dialog[Place]):
    """The section's paragraphs with why each is there; Enter on a figure goes to it."""

    BINDINGS: ClassVar[list[BindingType]] = []

    def __init__(self, section_id: str, reasons: list[Reason]) -> None:
        super().__init__()
        self.section_id = section_id
        self.reasons = reasons
        self.places: dict[str, Place] = {}

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide", id="why"):
            yield Label(f"Vì sao có từng đoạn của mục {self.section_id}", classes="dialog-title")
            if self.reasons:
                yield Static("↑ ↓ chọn · Enter: tới ô nhập số liệu (→) của đoạn", classes="hint")
                yield OptionList(*self._options(), id="reasons", classes="dialog-list")
            else:
                yield Static("Mục này chưa có đoạn nào.", classes="dialog-body")
            yield self.buttons(("close", "Đóng"))

    def _options(self) -> list[Option]:
        """A paragraph, then why (in italics), then its figures; Enter on the paragraph or
        its reason goes to its first figure."""
        options: list[Option] = []
        for n, reason in enumerate(self.reasons, 1):
            text = reason.text if len(reason.text) <= SHOWN_WORDS else reason.text[: SHOWN_WORDS - 1].rstrip() + "…"
            first = reason.figures[0][1] if reason.figures else None
            for prompt in (Text.assemble((f"{n}. ", "bold"), text), Text(reason.reason, style="italic")):
                options.append(Option(prompt, id=self._place(first)))
            for line, place in reason.figures:
                options.append(Option(Text.assemble("→ ", line), id=self._place(place)))
        return options

    def _place(self, place: Place | None) -> str | None:
        if place is None or not place.section:
            return None
        key = f"f{len(self.places)}"
        self.places[key] = place
        return key

    def on_mount(self) -> None:
        found = self.query("#reasons")
        (found.first() if found else self.query_one("#close", Button)).focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        place = self.places.get(event.option.id or "")
        if place is not None:
            self.dismiss(place)

    @on(Button.Pressed, "#close")
    def _close(self) -> None:
        self.dismiss(None)
