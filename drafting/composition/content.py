"""Content determination: which claims the report makes, before any wording.

The data-to-text pipeline's first step. For a report and a bank:

1. every claim is evaluated: figure-based claims by their condition (true, false,
   unknown), claims to confirm by the writer's word (``xac_nhan``), forward-looking
   and conventional claims by their guard;
2. the writer's chosen phrases bring their claims ("pinned"), which are said whatever
   the figures say — the writer wins — and silence their opposites everywhere;
3. the candidates are the claims that hold; of two opposite candidates the
   figure-based one is kept (or neither); a kept claim drops the claims it subsumes;
   a list of targets leaves out the targets another claim of its subsection states
   (and disappears when nothing is left); a claim that presupposes others is kept
   only while one of them is (a remedy needs its limitation);
4. sections the writer chose nothing for say their candidates, framing claims first,
   then by topic and bank order; the other sections say the writer's items.

:class:`Plan` keeps the outcome and each claim's status, from which ``check`` reports
a writer's choice the figures contradict and the TUI shows why each phrase is (or is
not) suggested (:mod:`drafting.composition.explain`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from drafting.bank.bank import Bank
from drafting.bank.claims import Claim, ClaimSet
from drafting.bank.conditions import condition_figures
from drafting.composition.facts import static_figures
from drafting.figures.truth import Facts, TargetSummary, Truth, evaluate_condition
from drafting.figures.views import FigureView
from drafting.report import Confirmation, PhraseChoice, ReportData

State = Literal["goi_y", "co_the_chon", "trai_so_lieu", "can_xac_nhan", "chua_du_so_lieu"]
STATE_LABELS: dict[str, str] = {
    "goi_y": "gợi ý theo số liệu",
    "co_the_chon": "có thể chọn",
    "trai_so_lieu": "trái với số liệu",
    "can_xac_nhan": "cần người viết xác nhận",
    "chua_du_so_lieu": "chưa đủ số liệu",
}
Snapshot = tuple[tuple[str, int | None, int | None], ...]


@dataclass(frozen=True)
class ClaimStatus:
    """One claim against this report's data and the writer's choices."""

    claim: Claim
    value: Truth
    """Figure-based: its condition; to confirm: its guard; forward-looking: its guard."""
    refuted: bool = False
    """To confirm: the figures refute it (``bi_bac_bo_khi``)."""
    confirmation: Confirmation | None = None
    stale: bool = False
    """A confirmation whose figures have changed since."""
    pinned: bool = False
    kept: bool = False
    suggested: bool = False
    dropped: str = ""
    """Why a claim that holds is not suggested: ``trai_nguoc:<id>``, ``bao_ham:<id>``, ``tien_de``, ``chi_tieu``."""

    @property
    def contradicted(self) -> bool:
        """The figures say the opposite of the claim."""
        if self.claim.basis == "xac_nhan":
            return self.refuted or self.value is False
        return self.value is False

    @property
    def confirmed(self) -> bool:
        return self.confirmation is not None and not self.confirmation.denied and not self.stale

    @property
    def state(self) -> State:
        """The claim's state for a list of phrases (see :data:`STATE_LABELS`)."""
        if self.suggested:
            return "goi_y"
        if self.contradicted:
            return "trai_so_lieu"
        if self.value is None:
            return "chua_du_so_lieu"
        if self.claim.basis == "xac_nhan" and self.confirmation is None:
            return "can_xac_nhan"
        return "co_the_chon"


@dataclass
class Plan:
    """The claims of a report, per section, and every claim's status."""

    statuses: dict[str, ClaimStatus] = field(default_factory=dict)
    sections: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Automatic sections: the claims said, in order."""
    pinned: dict[str, str] = field(default_factory=dict)
    """Pinned claim → the section of the phrase that pins it."""
    conflicts: list[tuple[str, str]] = field(default_factory=list)
    """Opposite claims both pinned or both confirmed."""
    exclude: dict[str, frozenset[str]] = field(default_factory=dict)
    """Section → target rates another claim of the section states."""

    def status(self, claim_id: str) -> ClaimStatus | None:
        return self.statuses.get(claim_id)

    def kept(self) -> set[str]:
        return {cid for cid, s in self.statuses.items() if s.kept}


def snapshot(claim: Claim, views: Mapping[str, FigureView]) -> Snapshot:
    """The entered figures a claim's conditions read, with their values now."""
    figures: dict[str, None] = {}
    for fid in condition_figures(claim.condition) + condition_figures(claim.refuted_when):
        view = views.get(fid)
        if view is None:
            continue
        for part in view.figure.numerator + view.figure.denominator if view.figure.kind == "ty_le" else (fid,):
            figures.setdefault(part, None)
    out = []
    for fid in figures:
        view = views[fid]
        previous = view.previous if view.figure.compared else None
        out.append((fid, _int(view.current), _int(previous)))
    return tuple(out)


def _int(value: object) -> int | None:
    return int(value) if isinstance(value, int) else None


def _ordered(claims: ClaimSet, ids: set[str], section: str) -> tuple[str, ...]:
    members = [c for c in claims.for_section(section) if c.id in ids]
    position = {c.id: i for i, c in enumerate(claims.claims.values())}
    members.sort(key=lambda c: (not c.framing, claims.topic_order(c.topic), position[c.id]))
    return tuple(c.id for c in members)


def _pins(report: ReportData, bank: Bank) -> dict[str, str]:
    pins: dict[str, str] = {}
    for section, items in report.content.items():
        for item in items:
            if isinstance(item, PhraseChoice):
                phrase = bank.get(item.id)
                if phrase is not None and phrase.claim and phrase.claim in bank.claims.claims:
                    pins.setdefault(phrase.claim, section)
    return pins


def _holds(status: ClaimStatus) -> bool:
    """Whether a claim would be said automatically, before relations are applied."""
    claim = status.claim
    if claim.basis == "so_lieu":
        return status.value is True
    if claim.basis == "xac_nhan":
        confirmation = status.confirmation
        if confirmation is None or confirmation.denied or status.value is False:
            return False
        # Figures that refute a claim win over a plain confirmation; a confirmation made
        # against those very figures (with their snapshot) keeps it.
        return not status.refuted or (bool(confirmation.snapshot) and not status.stale)
    return claim.automatic and status.value is True


def plan_report(report: ReportData, bank: Bank, views: Mapping[str, FigureView]) -> Plan:
    """Decide the claims of ``report`` (see the module's documentation)."""
    claims = bank.claims
    facts = Facts(views, claims.thresholds, report.year)
    pins = _pins(report, bank)
    statuses: dict[str, ClaimStatus] = {}
    for claim in claims.claims.values():
        confirmation = report.confirmations.get(claim.id)
        refuted = claim.refuted_when is not None and evaluate_condition(claim.refuted_when, facts) is True
        value = evaluate_condition(claim.condition, facts)
        seen = set(confirmation.snapshot) if confirmation else set()
        stale = bool(seen) and seen != set(snapshot(claim, views))
        statuses[claim.id] = ClaimStatus(claim, value, refuted, confirmation, stale, pinned=claim.id in pins)
    plan = Plan(statuses, pinned=pins)
    candidates = {cid for cid, s in statuses.items() if _holds(s)}
    dropped: dict[str, str] = {}

    def drop(cid: str, why: str) -> None:
        if cid in candidates and cid not in pins:
            candidates.discard(cid)
            dropped.setdefault(cid, why)

    for cid in pins:
        for other in claims.opposites(cid):
            if other in pins and (other, cid) not in plan.conflicts:
                plan.conflicts.append((cid, other))
            drop(other, f"trai_nguoc:{cid}")
    for cid in sorted(candidates):
        for other in claims.opposites(cid):
            if other in candidates and cid in candidates and cid not in pins and other not in pins:
                a, b = statuses[cid], statuses[other]
                if a.claim.basis == "so_lieu" and b.claim.basis != "so_lieu":
                    drop(other, f"trai_nguoc:{cid}")
                elif b.claim.basis == "so_lieu" and a.claim.basis != "so_lieu":
                    drop(cid, f"trai_nguoc:{other}")
                else:
                    plan.conflicts.append((cid, other))
                    drop(cid, f"trai_nguoc:{other}")
                    drop(other, f"trai_nguoc:{cid}")
    keep = candidates | set(pins)
    for cid in sorted(keep):
        for subsumed in claims.claims[cid].subsumes:
            drop(subsumed, f"bao_ham:{cid}")
    # The report's own set: writer sections say only their pinned claims.
    chosen = {sid for sid, items in report.content.items() if items}
    said = {cid for cid in candidates if claims.claims[cid].section not in chosen} | set(pins)
    _targets_once(plan, claims, said, drop, facts.targets)
    said &= candidates | set(pins)
    while True:
        lost = {
            cid
            for cid in said
            if cid not in pins
            and claims.claims[cid].presupposes
            and not any(p in said for p in claims.claims[cid].presupposes)
        }
        if not lost:
            break
        said -= lost
    for cid in candidates:
        claim = claims.claims[cid]
        if claim.presupposes and not any(p in said for p in claim.presupposes):
            dropped.setdefault(cid, "tien_de")
    for cid, status in statuses.items():
        suggested = cid in candidates and cid not in dropped
        statuses[cid] = ClaimStatus(
            status.claim,
            status.value,
            status.refuted,
            status.confirmation,
            status.stale,
            status.pinned,
            kept=cid in said,
            suggested=suggested,
            dropped=dropped.get(cid, ""),
        )
    for section in bank.outline.ids:
        if section not in chosen:
            plan.sections[section] = _ordered(claims, said, section)
    return plan


def _targets_once(
    plan: Plan, claims: ClaimSet, said: set[str], drop: Callable[[str, str], None], targets: TargetSummary
) -> None:
    """Lists of targets leave out the rates other claims of their section state; a list
    left empty is not said."""
    by_section: dict[str, list[Claim]] = {}
    for cid in said:
        by_section.setdefault(claims.claims[cid].section, []).append(claims.claims[cid])
    for section, members in by_section.items():
        stated: set[str] = set()
        for claim in members:
            stated.update(static_figures(claim))
        plan.exclude[section] = frozenset(stated)
        for claim in members:
            for fact in claim.facts:
                if fact.source == "chi_tieu_nam" and "liet_ke" in fact.attrs:
                    listed = targets.met if fact.mode == "dat" else targets.missed
                    if not set(listed) - stated:
                        drop(claim.id, "chi_tieu")
