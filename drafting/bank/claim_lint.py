"""``bank check`` on the claim vocabulary: relations, opposites, facts.

- a figure-based judging claim (strength, limitation, advantage, difficulty) declares
  an opposite, or says why it has none (``ly_do_khong_trai_nguoc``);
- two figure-based opposites read at least one figure in common (so a missing figure
  silences both) and their conditions can never both be true
  (:mod:`drafting.bank.overlap`);
- a claim never subsumes its opposite; presuppositions have no cycle;
- every fact a claim states is known whenever its condition is true, so a claim said
  automatically never prints a placeholder.
"""

from __future__ import annotations

from drafting.bank.catalogue import Catalogue
from drafting.bank.claims import JUDGING, Claim, ClaimSet
from drafting.bank.conditions import (
    AllOf,
    AnyOf,
    ChangeAtom,
    Condition,
    Not,
    TargetAtom,
    ValueAtom,
    condition_figures,
)
from drafting.bank.overlap import TooComplex, describe_witness, overlap
from drafting.errors import Problem


def _problem(claim: Claim, message: str, key: str = "") -> Problem:
    return Problem(claim.file, claim.line, key, message, phrase_id=claim.id)


def _expanded(figures: tuple[str, ...], catalogue: Catalogue) -> set[str]:
    """Figures with each rate's numerator and denominator figures added."""
    out = set(figures)
    for fid in figures:
        figure = catalogue.figures.get(fid)
        if figure is not None and figure.kind == "ty_le":
            out.update(figure.numerator + figure.denominator)
    return out


def known_when_true(condition: Condition | None, catalogue: Catalogue) -> set[tuple[str, bool]]:
    """(figure, same period?) pairs certainly known when ``condition`` is true."""
    if condition is None:
        return set()
    if isinstance(condition, AllOf):
        return set().union(*(known_when_true(p, catalogue) for p in condition.parts))
    if isinstance(condition, AnyOf):
        sets = [known_when_true(p, catalogue) for p in condition.parts]
        return set.intersection(*sets) if sets else set()
    if isinstance(condition, Not):
        inner = condition.part
        return known_when_true(inner, catalogue) if not isinstance(inner, (AllOf, AnyOf, Not)) else set()
    out: set[tuple[str, bool]] = set()
    if isinstance(condition, (ValueAtom, ChangeAtom)):
        figures = condition.quantity.figures
        if isinstance(condition, ValueAtom) and condition.rhs.figure:
            figures += (condition.rhs.figure,)
        for fid in _expanded(figures, catalogue):
            out.add((fid, False))
            if isinstance(condition, ChangeAtom):
                out.add((fid, True))
    elif isinstance(condition, TargetAtom):
        out.update((fid, False) for fid in _expanded((condition.figure,), catalogue))
    return out


def _with_rates(known: set[tuple[str, bool]], catalogue: Catalogue) -> set[tuple[str, bool]]:
    """``known`` with every rate whose numerator and denominator figures are known."""
    out = set(known)
    for figure in catalogue.figures.values():
        if figure.kind != "ty_le":
            continue
        for previous in (False, True):
            if all((f, previous) in known for f in figure.numerator + figure.denominator):
                out.add((figure.id, previous))
    return out


def _fact_problems(claim: Claim, catalogue: Catalogue) -> list[Problem]:
    known = _with_rates(known_when_true(claim.condition, catalogue), catalogue)
    out: list[Problem] = []
    for fact in claim.facts:
        if fact.source in ("chi_tieu_nam", "nguon_chi_tieu"):
            continue
        needs = {(f, False) for f in fact.figures}
        if fact.source == "liet_ke":
            continue  # parts listed only when they have a value
        if "so_sanh" in fact.attrs:
            needs |= {(f, True) for f in fact.figures}
        missing = sorted({f"{fid}{' (cùng kỳ)' if prev else ''}" for fid, prev in needs if (fid, prev) not in known})
        if missing:
            out.append(
                _problem(
                    claim,
                    f"sự kiện “{fact.name}” dùng {', '.join(missing)} mà điều kiện không kiểm tra; khi chưa nhập số "
                    "liệu, câu sẽ thiếu số — thêm vào dieu_kien một phép so sánh trên số liệu này",
                    "su_kien",
                )
            )
    return out


def _presupposition_cycles(claims: ClaimSet) -> list[Problem]:
    out: list[Problem] = []
    state: dict[str, int] = {}

    def visit(cid: str, trail: list[str]) -> None:
        state[cid] = 1
        claim = claims.claims[cid]
        for nxt in claim.presupposes:
            if nxt not in claims.claims:
                continue
            if state.get(nxt) == 1:
                cycle = trail[trail.index(nxt) :] + [nxt] if nxt in trail else [cid, nxt]
                out.append(_problem(claim, "tiền đề (tien_de) vòng quanh: " + " → ".join(cycle), "tien_de"))
            elif state.get(nxt) is None:
                visit(nxt, [*trail, nxt])
        state[cid] = 2

    for cid in claims.claims:
        if cid not in state:
            visit(cid, [cid])
    return out


def lint_claims(claims: ClaimSet, catalogue: Catalogue) -> list[Problem]:
    """The problems of the vocabulary as a whole (each pair of opposites checked once)."""
    out: list[Problem] = []
    for claim in claims.claims.values():
        opposites = claims.opposites(claim.id)
        if claim.basis == "so_lieu" and claim.polarity in JUDGING and not opposites and not claim.no_opposite_reason:
            out.append(
                _problem(
                    claim,
                    "nhận định đánh giá dựa trên số liệu phải có nhận định trái ngược (trai_nguoc) "
                    "hoặc ghi lý do không có (ly_do_khong_trai_nguoc)",
                )
            )
        for subsumed in claim.subsumes:
            if subsumed in opposites:
                out.append(_problem(claim, f"bao hàm (bao_ham) nhận định trái ngược “{subsumed}”", "bao_ham"))
        out.extend(_fact_problems(claim, catalogue))
        for other_id in claim.opposites:
            other = claims.claims.get(other_id)
            if other is None or other.basis != "so_lieu" or claim.basis != "so_lieu":
                continue
            out.extend(_opposite_problems(claim, other, claims, catalogue))
    out.extend(_presupposition_cycles(claims))
    return out


def _opposite_problems(claim: Claim, other: Claim, claims: ClaimSet, catalogue: Catalogue) -> list[Problem]:
    mine = _expanded(condition_figures(claim.condition), catalogue)
    theirs = _expanded(condition_figures(other.condition), catalogue)
    if mine and theirs and not mine & theirs:
        return [
            _problem(
                claim,
                f"trái ngược với “{other.id}” nhưng hai điều kiện không dùng chung số liệu nào: khi thiếu một số liệu, "
                "một trong hai vẫn có thể được nêu",
                "trai_nguoc",
            )
        ]
    if claim.condition is None or other.condition is None:
        return []
    try:
        witness = overlap(claim.condition, other.condition, catalogue, claims.thresholds)
    except TooComplex:
        return [_problem(claim, f"điều kiện quá phức tạp để kiểm tra với “{other.id}”; hãy viết gọn lại", "dieu_kien")]
    if witness is None:
        return []
    return [
        _problem(
            claim,
            f"trái ngược với “{other.id}” nhưng cả hai có thể cùng đúng, ví dụ khi {describe_witness(witness)}",
            "trai_nguoc",
        )
    ]
