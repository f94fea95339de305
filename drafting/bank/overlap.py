"""Can two conditions both be true? Interval reasoning over what they compare.

Every atom becomes a conjunction of literals ``variable op constant`` on a few kinds of
variables: the value of a quantity this period (``gia_tri``), its change against the
same period (``thay_doi``; points for rates), its relative change in % (``ty_le_thay_doi``),
the difference between a quantity and another figure, a rate's target status, and the
year's target counts. Negations are pushed down to literals, both conditions are
expanded to disjunctive normal form, and two conjunctions can both hold only if every
variable they share keeps a non-empty interval (integers for counts, steps of 0,01 for
rates). Variables are treated as independent, so "disjoint" is a proof while an
overlap is a candidate: the witness names values for which both conditions are true,
unless relations between figures the method does not know rule it out — then the
maintainer states the shared test explicitly.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from itertools import product

from drafting.bank.catalogue import Catalogue
from drafting.bank.claims import Threshold
from drafting.bank.conditions import (
    AllOf,
    AnyOf,
    ChangeAtom,
    Condition,
    Not,
    Quantity,
    TargetAtom,
    TargetsAtom,
    ValueAtom,
    YearAtom,
)

Literal_ = tuple[str, str, Decimal]
"""(variable, operator, constant)."""
Conjunction = tuple[Literal_, ...]
MAX_TERMS = 4096
RATE_STEP = Decimal("0.01")
_NEGATE = {"<": ">=", "<=": ">", ">": "<=", ">=": "<", "==": "!=", "!=": "=="}


class TooComplex(Exception):
    """The normal form would be too large to check."""


@dataclass
class _Context:
    catalogue: Catalogue
    thresholds: Mapping[str, Threshold]

    def is_rate(self, quantity: Quantity) -> bool:
        if quantity.kind == "ty_le":
            return True
        figure = self.catalogue.figures.get(quantity.figures[0])
        return quantity.kind == "so_lieu" and figure is not None and figure.kind == "ty_le"

    def constant(self, operand: object) -> Decimal | None:
        number = getattr(operand, "number", None)
        if number is not None:
            return Decimal(number)
        threshold = self.thresholds.get(getattr(operand, "threshold", ""))
        return threshold.value if threshold is not None else None


def _literals(atom: object, ctx: _Context) -> list[Conjunction]:
    """An atom as a disjunction of conjunctions of literals."""
    zero = Decimal(0)
    if isinstance(atom, ValueAtom):
        name = "gia_tri:" + atom.quantity.key
        if atom.rhs.figure:
            name = f"hieu_so:{atom.quantity.key}-{atom.rhs.figure}"
            value: Decimal | None = zero
        else:
            value = ctx.constant(atom.rhs)
        if value is None:
            return [((name, "==", zero),), ((name, "!=", zero),)]  # unknown threshold: anything
        return [((name, atom.op, value),)]
    if isinstance(atom, ChangeAtom):
        name = "thay_doi:" + atom.quantity.key
        ops = {"tang": ">", "giam": "<", "bang": "==", "khong_tang": "<=", "khong_giam": ">="}
        first: Literal_ = (name, ops[atom.direction], zero)
        if atom.amount is None:
            return [(first,)]
        least = ctx.constant(atom.amount) or zero
        if ctx.is_rate(atom.quantity):
            second: Literal_ = (
                name,
                ">=" if atom.direction == "tang" else "<=",
                least if atom.direction == "tang" else -least,
            )
        else:
            rel = "ty_le_thay_doi:" + atom.quantity.key
            second = (rel, ">=" if atom.direction == "tang" else "<=", least if atom.direction == "tang" else -least)
        return [(first, second)]
    if isinstance(atom, TargetAtom):
        return [(("chi_tieu:" + atom.figure, "==", Decimal(1 if atom.met else 0)),)]
    if isinstance(atom, TargetsAtom):
        missed, diff = ("chi_tieu_chua_dat", "chi_tieu_dat_tru_chua_dat")
        table = {
            "tat_ca_dat": ((missed, "==", zero), (diff, ">=", Decimal(1))),
            "co_chua_dat": ((missed, ">=", Decimal(1)),),
            "da_so_dat": ((missed, ">=", Decimal(1)), (diff, ">=", Decimal(1))),
            "da_so_chua_dat": ((missed, ">=", Decimal(1)), (diff, "<=", zero)),
        }
        return [table[atom.mode]]
    if isinstance(atom, YearAtom):
        return [(("nam", atom.op, Decimal(atom.value)),)]
    raise TypeError(atom)  # pragma: no cover


def _dnf(condition: Condition, ctx: _Context, negated: bool = False) -> list[Conjunction]:
    if isinstance(condition, Not):
        return _dnf(condition.part, ctx, not negated)
    if isinstance(condition, (AllOf, AnyOf)):
        parts = [_dnf(p, ctx, negated) for p in condition.parts]
        conjunctive = isinstance(condition, AllOf) != negated
        if not conjunctive:
            return [c for part in parts for c in part]
        size = 1
        for part in parts:
            size *= max(1, len(part))
        if size > MAX_TERMS:
            raise TooComplex
        return [tuple(lit for c in combo for lit in c) for combo in product(*parts)]
    terms = _literals(condition, ctx)
    if not negated:
        return terms
    # not (A1 or A2 ...) where each Ai is a conjunction: every Ai has a false literal.
    choices = [[(v, _NEGATE[op], c) for v, op, c in term] for term in terms]
    return [tuple(combo) for combo in product(*choices)]


def _integer(variable: str, ctx: _Context) -> bool:
    kind, _, rest = variable.partition(":")
    if kind in ("chi_tieu_chua_dat", "chi_tieu_dat_tru_chua_dat", "nam", "chi_tieu"):
        return True
    if kind in ("gia_tri", "thay_doi"):
        return not _rate_key(rest, ctx)
    if kind == "hieu_so":
        left = rest.split("-", 1)[0]
        return not _rate_key(left, ctx)
    return False


def _rate_key(key: str, ctx: _Context) -> bool:
    if key.startswith("ty_le("):
        return True
    if "(" in key:
        return False
    figure = ctx.catalogue.figures.get(key)
    return figure is not None and figure.kind == "ty_le"


def _bounds(variable: str, ctx: _Context) -> list[tuple[str, Decimal]]:
    kind, _, rest = variable.partition(":")
    if kind == "gia_tri":
        if _rate_key(rest, ctx):
            return [(">=", Decimal(0)), ("<=", Decimal(100))]
        return [] if rest.startswith("hieu(") else [(">=", Decimal(0))]
    if kind == "chi_tieu_chua_dat":
        return [(">=", Decimal(0))]
    if kind == "chi_tieu":
        return [(">=", Decimal(0)), ("<=", Decimal(1))]
    return []


Interval = tuple[Decimal | None, Decimal | None, Decimal]
"""(lowest, highest, a value in between) of a variable."""


def _solve(literals: list[tuple[str, Decimal]], integer: bool, step: Decimal | None) -> Interval | None:
    """The interval meeting every ``(op, constant)`` with a value in it, or ``None``."""
    lo: Decimal | None = None
    hi: Decimal | None = None
    excluded: set[Decimal] = set()
    unit = Decimal(1) if integer else step
    for op, c in literals:
        if op == "!=":
            excluded.add(c)
            continue
        if op in (">", ">="):
            bound = c + unit if op == ">" and unit is not None else c
            if op == ">" and unit is None:
                bound = c + Decimal("1e-9")
            lo = bound if lo is None else max(lo, bound)
        if op in ("<", "<="):
            bound = c - unit if op == "<" and unit is not None else c
            if op == "<" and unit is None:
                bound = c - Decimal("1e-9")
            hi = bound if hi is None else min(hi, bound)
        if op == "==":
            lo = c if lo is None else max(lo, c)
            hi = c if hi is None else min(hi, c)
    if integer:
        lo = lo.to_integral_value(rounding="ROUND_CEILING") if lo is not None else None
        hi = hi.to_integral_value(rounding="ROUND_FLOOR") if hi is not None else None
    if lo is not None and hi is not None and lo > hi:
        return None
    start = lo if lo is not None else (hi if hi is not None else Decimal(0))
    candidates = [start] + [start + k * (unit or Decimal(1)) for k in range(1, len(excluded) + 2)]
    if lo is None and hi is not None:
        candidates = [hi - k * (unit or Decimal(1)) for k in range(len(excluded) + 2)]
    for value in candidates:
        if (hi is None or value <= hi) and (lo is None or value >= lo) and value not in excluded:
            return lo, hi, value
    return None


def _together(a: Conjunction, b: Conjunction, ctx: _Context) -> dict[str, Decimal] | None:
    by_var: dict[str, list[tuple[str, Decimal]]] = {}
    for variable, op, c in (*a, *b):
        by_var.setdefault(variable, []).append((op, c))
    intervals: dict[str, Interval] = {}
    for variable, literals in by_var.items():
        integer = _integer(variable, ctx)
        step = RATE_STEP if not integer and not variable.startswith("ty_le_thay_doi") else None
        found = _solve(literals + _bounds(variable, ctx), integer, step)
        if found is None:
            return None
        intervals[variable] = found
    # A change from a same-period value that cannot exist (a count below 0, a rate outside 0–100).
    for variable, (cur_lo, cur_hi, _) in intervals.items():
        kind, _, key = variable.partition(":")
        change = intervals.get("thay_doi:" + key)
        if kind != "gia_tri" or change is None or key.startswith("hieu("):
            continue
        delta_lo, delta_hi, _ = change
        if cur_hi is not None and delta_lo is not None and cur_hi - delta_lo < 0:
            return None
        if _rate_key(key, ctx) and cur_lo is not None and delta_hi is not None and cur_lo - delta_hi > 100:
            return None
    return {variable: value for variable, (_, _, value) in intervals.items()}


def overlap(
    a: Condition, b: Condition, catalogue: Catalogue, thresholds: Mapping[str, Threshold]
) -> dict[str, Decimal] | None:
    """Values for which both conditions may be true, or ``None`` when they never are.

    Raises :class:`TooComplex` for conditions whose normal form is too large.
    """
    ctx = _Context(catalogue, thresholds)
    for left in _dnf(a, ctx):
        for right in _dnf(b, ctx):
            witness = _together(left, right, ctx)
            if witness is not None:
                return witness
    return None


def describe_witness(witness: Mapping[str, Decimal]) -> str:
    """The witness in a maintainer's words.

    >>> describe_witness({"gia_tri:ky_luat.tong": Decimal(0), "thay_doi:huy_sua.ty_le": Decimal("0.01")})
    'ky_luat.tong kỳ này = 0; huy_sua.ty_le thay đổi so với cùng kỳ = 0.01'
    """
    names = {
        "gia_tri": "kỳ này",
        "thay_doi": "thay đổi so với cùng kỳ",
        "ty_le_thay_doi": "thay đổi so với cùng kỳ (%)",
        "hieu_so": "chênh lệch",
        "chi_tieu": "đạt chỉ tiêu (1 là đạt)",
    }
    parts = []
    for variable, value in witness.items():
        kind, _, rest = variable.partition(":")
        label = f"{rest} {names[kind]}" if rest else {"nam": "năm báo cáo"}.get(kind, kind.replace("_", " "))
        parts.append(f"{label} = {value.normalize() if value != value.to_integral_value() else int(value)}")
    return "; ".join(parts)
