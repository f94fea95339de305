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
    state: str = "co_the_chon"
    """The claim's state: goi_y, co_the_chon, trai_so_lieu, can_xac_nhan or chua_du_so_lieu
    (:data:`drafting.composition.content.STATE_LABELS`); ``reason`` says why."""
    claim: str = ""
    """The claim the phrase words (``""``: none)."""
    word: str = ""
    """The writer's word on that claim (``xac_nhan``): ``da_xac_nhan`` (confirmed),
    ``khong_dung`` (denied), ``can_xac_nhan_lai`` (confirmed against figures that have
    changed since) or ``""`` (none)."""


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
    writer's order, then the other phrases of the section in bank order; each with its
    claim's state and why (:func:`drafting.composition.explain.phrase_suggestion`)."""
    from drafting.composition.explain import phrase_suggestion
    from drafting.composition.phrasing import RenderedPhrase, render_items

    report, bank = composer.report, composer.bank
    chosen = bool(report.content.get(section_id, ()))
    effective = composer.section_items(section_id)
    rendered, _ = render_items(
        bank,
        effective,
        lambda phrase: composer.phrase_context(phrase, section_id),
        report.options.seed,
        report.source,
    )
    shown = {r.phrase.id: r for r in rendered if isinstance(r, RenderedPhrase)}
    rows: list[PhraseRow] = []
    seen: set[str] = set()

    def row(pid: str, included: bool, position: int | None, pinned: int | None) -> PhraseRow:
        phrase = bank.get(pid)
        if phrase is None:
            absent = "(không có trong kho câu mẫu)"
            reason = "không có câu mẫu này"
            return PhraseRow(pid, absent, "", included, False, reason, 0, None, pinned, "", position, chosen)
        suggestion = phrase_suggestion(composer, phrase)
        status = composer.plan.status(phrase.claim)
        word = ""
        if status is not None and status.confirmation is not None:
            confirmation = status.confirmation
            word = "khong_dung" if confirmation.denied else "can_xac_nhan_lai" if status.stale else "da_xac_nhan"
        reason = suggestion.reason if phrase.section == section_id else "câu của mục khác"
        r = shown.get(pid)
        return PhraseRow(
            pid,
            phrase.description,
            phrase.function,
            included,
            suggestion.applies,
            reason,
            len(phrase.variants),
            r.variant + 1 if r else None,
            pinned,
            r.text if r else "",
            position,
            chosen,
            suggestion.state,
            phrase.claim,
            word,
        )

    for position, item in enumerate(effective):
        if not isinstance(item, PhraseChoice) or item.id in seen:
            continue
        seen.add(item.id)
        rows.append(row(item.id, True, position if chosen else None, item.variant))
    for phrase in bank.for_section(section_id):
        if phrase.id not in seen:
            rows.append(row(phrase.id, False, None, None))
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

    statuses = checklist(report, composer.bank, composer) if composer is not None else checklist(report, bank)
    return {str(sid): _from_status(status) for sid, status in statuses.items()}
