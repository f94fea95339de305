"""What an editor shows of a draft: rows of the lists, the items and phrases of a
section, and how complete each section is — plain values computed from the draft, the
validated report and its composition."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from drafting.report import PhraseChoice, ReportData

if TYPE_CHECKING:
    from drafting.bank.bank import Bank
    from drafting.checks.completeness import SectionStatus
    from drafting.composition.composer import Composer


@dataclass(frozen=True)
class DocumentRow:
    """A row of ``van_ban`` as the editor shows it (texts as typed)."""

    index: int
    kind: str
    number: str
    date: str
    summary: str
    unit: str = ""


@dataclass(frozen=True)
class MovementRow:
    """A row of ``phong_trao``: an outline movement (``movement_id``) or one the writer added."""

    index: int
    movement_id: str
    name: str
    group: str
    result: str
    unit: str = ""


@dataclass(frozen=True)
class ContentRow:
    """An item of ``noi_dung.<section>``: a chosen phrase or a paragraph."""

    index: int
    phrase_id: str = ""
    variant: int | None = None
    text: str = ""

    @property
    def is_phrase(self) -> bool:
        return bool(self.phrase_id)


@dataclass(frozen=True)
class PhraseRow:
    """A phrase of a section as the editor lists it.

    ``included``: the phrase appears in the report (chosen by the writer, or suggested
    while the writer has chosen nothing); ``position`` is its index in the section's
    items; ``shown`` the 1-based variant the report uses; ``pinned`` the pinned variant.
    """

    phrase_id: str
    description: str
    function: str
    included: bool
    applies: bool
    reason: str
    variants: int
    shown: int | None
    pinned: int | None
    text: str
    position: int | None
    chosen: bool


@dataclass(frozen=True)
class SectionMark:
    """How complete a section is: ``state`` is ``du`` (all), ``mot_phan`` (some) or ``trong``."""

    state: Literal["du", "mot_phan", "trong"]
    filled: int
    total: int
    missing: tuple[str, ...] = ()
    note: str = ""

    @property
    def symbol(self) -> str:
        return {"du": "✓", "mot_phan": "◐", "trong": "○"}[self.state]

    @property
    def label(self) -> str:
        return self.note or {"du": "đã đủ", "mot_phan": "còn thiếu", "trong": "chưa nhập"}[self.state]


def phrase_rows(composer: Composer, section_id: str) -> list[PhraseRow]:
    """Every phrase the editor lists for a section: the chosen items first in the
    writer's order, then the other phrases of the section in bank order."""
    from drafting.composition.phrasing import RenderedPhrase, render_items, selected_items, suggestions

    report, bank = composer.report, composer.bank
    items = report.content.get(section_id, ())
    chosen = bool(items)
    effective = selected_items(bank, section_id, items, composer.context)
    rendered, _ = render_items(bank, effective, composer.context, report.options.seed, report.source)
    shown = {r.phrase.id: r for r in rendered if isinstance(r, RenderedPhrase)}
    by_id = {s.phrase.id: s for s in suggestions(bank, section_id, composer.context)}
    rows: list[PhraseRow] = []
    seen: set[str] = set()
    for position, item in enumerate(effective):
        if not isinstance(item, PhraseChoice) or item.id in seen:
            continue
        pid = item.id
        seen.add(pid)
        phrase = bank.get(pid)
        suggestion = by_id.get(pid)
        r = shown.get(pid)
        rows.append(
            PhraseRow(
                pid,
                phrase.description if phrase else "(không có trong kho câu mẫu)",
                phrase.function if phrase else "",
                True,
                suggestion.applies if suggestion else False,
                suggestion.reason if suggestion else ("câu của mục khác" if phrase else "không có câu mẫu này"),
                len(phrase.variants) if phrase else 0,
                r.variant + 1 if r else None,
                item.variant,
                r.text if r else "",
                position if chosen else None,
                chosen,
            )
        )
    for pid, suggestion in by_id.items():
        if pid in seen:
            continue
        phrase = suggestion.phrase
        rows.append(
            PhraseRow(
                pid,
                phrase.description,
                phrase.function,
                False,
                suggestion.applies,
                suggestion.reason,
                len(phrase.variants),
                None,
                None,
                "",
                None,
                chosen,
            )
        )
    return rows


def _from_status(status: SectionStatus) -> SectionMark:
    """A mark from a section's completeness checklist."""
    missing = tuple(item.message for item in (*status.missing, *status.pending))
    if status.state == "du":
        return SectionMark("du", status.done, status.total, missing)
    if status.state == "chua_chon":
        return SectionMark("mot_phan", status.done, status.total, missing, "chưa chọn câu mẫu")
    return SectionMark("trong" if status.done == 0 else "mot_phan", status.done, status.total, missing)


UNIT_MARK = "don_vi"
"""The key of the unit information's mark (not an outline section)."""


def section_marks(report: ReportData, bank: Bank, composer: Composer | None = None) -> dict[str, SectionMark]:
    """A completion mark for every section (and ``don_vi``), from the completeness
    checklist of :mod:`drafting.checks.completeness`."""
    from drafting.checks.completeness import checklist

    if composer is not None:
        statuses = checklist(report, composer.bank, composer.views, composer.context)
    else:
        statuses = checklist(report, bank)
    return {str(sid): _from_status(status) for sid, status in statuses.items()}
