"""Why a claim is suggested, contradicted, unknown or waiting: in a writer's words.

:func:`explain_claim` words the figures a claim's condition reads ("Gợi ý vì tỷ lệ giải
quyết án hình sự 96,88% cao hơn chỉ tiêu 90%") — never a YAML path or a template.
:func:`suggestions` gives every phrase of a section with its claim's state
(:data:`~drafting.composition.content.STATE_LABELS`) and that explanation, for the
TUI's list of phrases, the completeness checklist and ``check``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from drafting.bank.claims import Claim
from drafting.bank.conditions import (
    AllOf,
    AnyOf,
    Atom,
    ChangeAtom,
    Condition,
    LevelAtom,
    Not,
    Operand,
    Quantity,
    TargetAtom,
    TargetsAtom,
    ValueAtom,
    YearAtom,
)
from drafting.bank.phrases import Phrase
from drafting.composition.content import ClaimStatus, State
from drafting.composition.context import lower_first
from drafting.composition.facts import amount
from drafting.figures.truth import Facts, evaluate_condition
from drafting.vi.comparison import ChangeKind, describe_change
from drafting.vi.numbers import format_number, format_percent
from drafting.vi.text import join_vi

if TYPE_CHECKING:
    from drafting.composition.composer import Composer

RELATIONS = {
    ">": ("lớn hơn", "cao hơn"),
    ">=": ("từ {} trở lên", "từ {} trở lên"),
    "<": ("nhỏ hơn", "thấp hơn"),
    "<=": ("không quá", "không quá"),
    "==": ("bằng", "bằng"),
    "!=": ("khác", "khác"),
}


@dataclass(frozen=True)
class Suggestion:
    """A phrase of a section: its claim's state, whether it is suggested, and why."""

    phrase: Phrase
    applies: bool
    reason: str
    state: State


class _Words:
    """Wording of the atoms of one report's conditions."""

    def __init__(self, composer: Composer) -> None:
        self.composer = composer
        report = composer.report
        self.facts = Facts(composer.views, composer.bank.claims.thresholds, report.year, report.level)

    def name(self, fid: str) -> str:
        figure = self.composer.catalogue.figures[fid]
        view = self.composer.views[fid]
        if view.target is not None:
            return view.target.label
        return lower_first(figure.title)

    def quantity_name(self, q: Quantity) -> str:
        names = [self.name(f) for f in q.figures]
        if q.kind == "so_lieu":
            return names[0]
        if q.kind == "tong":
            return "tổng " + join_vi(names)
        if q.kind == "hieu":
            return f"{names[0]} trừ {names[1]}"
        return f"tỷ lệ {names[0]} trên {names[1]}"

    def value(self, q: Quantity, previous: bool = False) -> str:
        raw = self.facts.value(q, previous)
        if raw is None:
            return ""
        if self.facts.is_rate(q):
            return format_percent(raw)
        return amount(raw, self.composer.catalogue.figures[q.figures[0]], self.composer.report.options)

    def operand(self, operand: Operand, rate: bool) -> str:
        raw = self.facts.operand(operand)
        if raw is None:
            return "[ngưỡng chưa đặt]"
        if operand.figure:
            return f"{self.name(operand.figure)} ({self.value(Quantity('so_lieu', (operand.figure,)))})"
        return format_percent(raw) if rate else format_number(Decimal(raw))

    def missing(self, atom: Atom) -> list[str]:
        out: list[str] = []
        if isinstance(atom, (ValueAtom, ChangeAtom)):
            for fid in atom.quantity.figures:
                view = self.composer.views[fid]
                if view.current is None:
                    out.append(f"chưa nhập {self.name(fid)}")
                elif isinstance(atom, ChangeAtom) and view.previous is None:
                    out.append(f"chưa có số liệu cùng kỳ của {self.name(fid)}")
        elif isinstance(atom, TargetAtom):
            view = self.composer.views[atom.figure]
            out.append(
                f"chưa có chỉ tiêu {view.figure.label}"
                if view.target is None
                else f"chưa đủ số liệu {self.name(atom.figure)}"
            )
        elif isinstance(atom, TargetsAtom):
            out.append("chưa đủ số liệu để biết các chỉ tiêu có đạt hay không")
        elif isinstance(atom, LevelAtom):
            out.append("chưa chọn cấp đơn vị")
        return out or ["chưa đủ số liệu"]

    def atom(self, atom: Atom) -> str:
        if isinstance(atom, ValueAtom):
            rate = self.facts.is_rate(atom.quantity)
            relation = RELATIONS[atom.op][1 if rate else 0]
            rhs = self.operand(atom.rhs, rate)
            words = relation.format(rhs) if "{}" in relation else f"{relation} {rhs}"
            return f"{self.quantity_name(atom.quantity)} {self.value(atom.quantity)} (điều kiện: {words})"
        if isinstance(atom, ChangeAtom):
            return self.change(atom)
        if isinstance(atom, TargetAtom):
            view = self.composer.views[atom.figure]
            assert view.target is not None and view.current is not None
            value, target = view.current, view.target.value
            if view.target.kind == "toi_da":
                word = "không quá mức tối đa" if value <= target else "cao hơn mức tối đa"
            else:
                word = (
                    "cao hơn chỉ tiêu"
                    if value > target
                    else "bằng chỉ tiêu"
                    if value == target
                    else "thấp hơn chỉ tiêu"
                )
            return f"{view.target.label} {format_percent(value)} {word} {format_percent(target)}"
        if isinstance(atom, TargetsAtom):
            targets = self.facts.targets
            known = len(targets.met) + len(targets.missed)
            if not targets.missed:
                return f"đạt cả {known} chỉ tiêu"
            missed = join_vi([self.atom(TargetAtom(f, False)) for f in targets.missed])
            return f"đạt {len(targets.met)}/{known} chỉ tiêu; chưa đạt: {missed}"
        if isinstance(atom, LevelAtom):
            level = self.composer.bank.levels.get(self.composer.report.level)
            return f"đơn vị là {level.name}" if level is not None else "chưa chọn cấp đơn vị"
        assert isinstance(atom, YearAtom)
        return f"năm báo cáo là {self.composer.report.year}"

    def change(self, atom: ChangeAtom) -> str:
        q = atom.quantity
        now, before = self.facts.value(q), self.facts.value(q, previous=True)
        rate = self.facts.is_rate(q)
        figure = self.composer.catalogue.figures[q.figures[0]]
        kind: ChangeKind = "rate" if rate else "money" if figure.kind == "tien" else "count"
        unit = "" if rate else figure.unit
        year, zero = self.composer.report.year - 1, self.composer.report.options.leading_zero
        words = describe_change(now, before, unit, year, kind=kind, leading_zero=zero)
        text = f"{self.quantity_name(q)} {self.value(q)}, {words}"
        least = self.facts.operand(atom.amount) if atom.amount is not None else None
        if least is not None:
            verb = "tăng" if atom.direction == "tang" else "giảm"
            text += f" (điều kiện: {verb} ít nhất {format_number(Decimal(least))}{'' if rate else '%'})"
        return text

    def reasons(self, condition: Condition | None, want: bool) -> list[str]:
        """The atoms that make ``condition`` evaluate to ``want``, worded."""
        if condition is None or evaluate_condition(condition, self.facts) is not want:
            return []
        if isinstance(condition, Not):
            return self.reasons(condition.part, not want)
        if isinstance(condition, (AllOf, AnyOf)):
            every = isinstance(condition, AllOf) == want  # all parts have the wanted value
            parts = [p for p in condition.parts if every or evaluate_condition(p, self.facts) is want]
            return [r for p in parts for r in self.reasons(p, want)]
        return [self.atom(condition)]

    def unknown(self, condition: Condition | None) -> list[str]:
        if condition is None:
            return []
        if isinstance(condition, Not):
            return self.unknown(condition.part)
        if isinstance(condition, (AllOf, AnyOf)):
            return [r for p in condition.parts for r in self.unknown(p)]
        return self.missing(condition) if evaluate_condition(condition, self.facts) is None else []


def _joined(parts: list[str]) -> str:
    return "; ".join(dict.fromkeys(parts))


def explain_status(composer: Composer, status: ClaimStatus) -> str:
    """Why a claim is in its state, worded from the figures."""
    words = _Words(composer)
    claim: Claim = status.claim
    claims = composer.bank.claims
    confirmation = status.confirmation
    if status.claim.basis == "xac_nhan" and confirmation is not None and confirmation.denied:
        return "Người viết đã ghi là không đúng với đơn vị"
    if status.stale:
        return "Số liệu đã thay đổi kể từ khi người viết xác nhận; cần xác nhận lại"
    if status.contradicted:
        condition = claim.refuted_when if claim.basis == "xac_nhan" and status.refuted else claim.condition
        want = claim.basis == "xac_nhan" and status.refuted
        return "Trái với số liệu: " + (_joined(words.reasons(condition, want)) or claim.description)
    if status.value is None:
        return "Chưa đủ số liệu: " + _joined(words.unknown(claim.condition))
    if status.dropped.startswith(("trai_nguoc:", "bao_ham:")):
        kind, _, other = status.dropped.partition(":")
        other_claim = claims.get(other)
        what = lower_first(other_claim.description) if other_claim else other
        if kind == "trai_nguoc":
            return f"Không gợi ý vì báo cáo đã nêu điều ngược lại: {what}"
        return f"Không gợi ý vì báo cáo đã có câu nói đủ ý này: {what}"
    if status.dropped == "chi_tieu":
        return "Không gợi ý vì các chỉ tiêu này đã được nêu trong câu khác của mục"
    if status.dropped == "tien_de":
        needed = [lower_first(c.description) for p in claim.presupposes if (c := claims.get(p)) is not None]
        return "Chỉ gợi ý khi báo cáo nêu một trong các ý: " + _joined(needed[:3])
    if claim.basis == "xac_nhan":
        if status.confirmed:
            return "Người viết đã xác nhận" + (
                f": {confirmation.reason}" if confirmation and confirmation.reason else ""
            )
        return "Cần người viết xác nhận: không số liệu nào của báo cáo cho thấy điều này"
    if claim.basis == "so_lieu":
        return "Gợi ý vì " + _joined(words.reasons(claim.condition, True))
    kept = [
        lower_first(c.description)
        for p in claim.presupposes
        if (c := claims.get(p)) is not None and p in composer.plan.kept()
    ]
    if kept:
        return "Gợi ý vì báo cáo nêu: " + _joined(kept[:2])
    if claim.condition is not None:
        return "Gợi ý vì " + _joined(words.reasons(claim.condition, True))
    return "Câu thường dùng của mục này" if claim.default else "Có thể chọn"


def explain_claim(composer: Composer, claim_id: str) -> str:
    """In plain Vietnamese, why a claim holds, is contradicted by the figures, is
    unknown or waits for the writer's confirmation ("" for an unknown claim id)."""
    status = composer.plan.status(claim_id)
    return explain_status(composer, status) if status is not None else ""


def phrase_suggestion(composer: Composer, phrase: Phrase) -> Suggestion:
    """A phrase's state and explanation (its claim's)."""
    status = composer.plan.status(phrase.claim)
    if status is None:
        return Suggestion(phrase, False, "câu mẫu không diễn đạt nhận định nào", "co_the_chon")
    return Suggestion(phrase, status.suggested, explain_status(composer, status), status.state)


def suggestions(composer: Composer, section_id: str) -> list[Suggestion]:
    """Every phrase of a section with its state and explanation, in bank order."""
    return [phrase_suggestion(composer, p) for p in composer.bank.for_section(section_id)]


def suggested_phrases(composer: Composer, section_id: str) -> list[str]:
    """The phrase ids a section says when the writer chooses nothing (the claims decided
    for it, each by its first phrase)."""
    return [
        phrases[0].id
        for cid in composer.plan.sections.get(section_id, ())
        if (phrases := composer.bank.phrase_set.for_claim(cid))
    ]
