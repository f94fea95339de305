"""The validated report data: what a data file holds, as typed Python objects."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True)
class FigureValue:
    """The value of one entered figure.

    ``previous`` and ``cause`` are only used for figures compared with the same period.
    ``line`` is the line of the figure in the data file (for messages).
    """

    current: int | None = None
    previous: int | None = None
    cause: str = ""
    line: int | None = None
    unit_values: tuple[tuple[str, int | None, int | None], ...] = ()


@dataclass(frozen=True)
class Unit:
    """The issuing unit and the signature (``don_vi`` in the data file)."""

    parent_body: str = ""
    issuing_body: str = ""
    name: str = ""
    short_name: str = ""
    place: str = ""
    number: str = ""
    symbol: str = "BC-TA"
    date: date | None = None
    signer_authority: str = ""
    signer_title: str = ""
    signer_name: str = ""
    recipients: tuple[str, ...] = ()


@dataclass(frozen=True)
class IssuedDocument:
    """A document disseminated or issued (``van_ban``)."""

    kind: str
    number: str
    date: date | None
    summary: str
    unit: str = ""


@dataclass(frozen=True)
class Movement:
    """A movement's result (``phong_trao``): an outline movement by ``id`` or one the writer adds."""

    id: str
    group: str
    name: str
    result: str
    unit: str = ""


@dataclass(frozen=True)
class PhraseChoice:
    """A phrase the writer chose for a section; ``variant`` pins a variant (1-based)."""

    id: str
    variant: int | None = None
    line: int | None = None


@dataclass(frozen=True)
class FreeText:
    """A paragraph the writer typed: kept verbatim, never rendered as a template."""

    text: str


ContentItem = PhraseChoice | FreeText


@dataclass(frozen=True)
class Confirmation:
    """The writer's word on a claim (``xac_nhan`` in the data file, keyed by claim id).

    A claim no figure can show is said once confirmed; ``denied`` says it is not true of
    the unit. A chosen phrase whose claim the figures contradict is kept with a warning
    instead of an error once confirmed: ``snapshot`` holds the figures (entered values,
    this period and the same period) the writer saw, so that the confirmation lapses
    when they change.
    """

    claim: str
    denied: bool = False
    reason: str = ""
    snapshot: tuple[tuple[str, int | None, int | None], ...] = ()
    line: int | None = None


@dataclass(frozen=True)
class Options:
    """Layout and composition options (``tuy_chon``)."""

    body_size: int = 14
    line_spacing: float = 1.15
    leading_zero: bool = True
    short_money: bool = False
    seed: int = 0


@dataclass(frozen=True)
class ReportData:
    """A validated data file.

    A consolidated file (``drafting consolidate``) names its units in ``units``
    (``tong_hop``) and keeps each unit's values of this period in ``unit_figures``
    (``so_lieu_don_vi``: unit name → figure id → value), which the annex tabulates.
    """

    year: int
    unit: Unit
    figures: dict[str, FigureValue]
    documents: tuple[IssuedDocument, ...] = ()
    movements: tuple[Movement, ...] = ()
    content: dict[str, tuple[ContentItem, ...]] = field(default_factory=dict)
    options: Options = field(default_factory=Options)
    target_overrides: dict[str, float] = field(default_factory=dict)
    units: tuple[str, ...] = ()
    unit_figures: dict[str, dict[str, int | None]] = field(default_factory=dict)
    confirmations: dict[str, Confirmation] = field(default_factory=dict)
    source: str = ""
    raw: Any = None

    def figure(self, figure_id: str) -> FigureValue:
        """The value of a figure (an empty value when the writer left it out)."""
        return self.figures.get(figure_id, FigureValue())
