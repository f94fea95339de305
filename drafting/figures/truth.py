"""Three-valued evaluation of structured conditions on a report's figures.

Every atom is true, false or unknown (``None``): unknown when a value it needs is
missing, when a rate's denominator is 0 (the rate does not exist), or when the target
it needs is not set. ``tat_ca`` (all) is false if a part is false, else unknown if a
part is unknown; ``mot_trong`` (any) is true if a part is true, else unknown if a part
is unknown; ``khong`` (not) keeps unknown. A claim is said only when its condition is
true, so a missing figure silences a claim and its opposites alike.

Rates are compared as printed (rounded once in :mod:`drafting.figures.views`); their
changes are in percentage points, counts' changes are exact and their ``muc`` is a
percent of the same period.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from drafting.bank.claims import Threshold
from drafting.bank.conditions import (
    AllOf,
    AnyOf,
    ChangeAtom,
    Condition,
    Not,
    Operand,
    Quantity,
    TargetAtom,
    TargetsAtom,
    ValueAtom,
    YearAtom,
)
from drafting.figures.arith import rate, round_rate
from drafting.figures.views import FigureView

Truth = bool | None
_HUNDRED = Decimal(100)


def compare(left: Decimal | int, op: str, right: Decimal | int) -> bool:
    """``left op right`` for the six operators of conditions.

    >>> compare(3, ">=", 3), compare(Decimal("1.5"), "<", 1), compare(2, "!=", 2)
    (True, False, False)
    """
    if op == "<":
        return left < right
    if op == "<=":
        return left <= right
    if op == ">":
        return left > right
    if op == ">=":
        return left >= right
    if op == "==":
        return left == right
    return left != right


def all_of(values: list[Truth]) -> Truth:
    """Kleene conjunction.

    >>> all_of([True, None]), all_of([False, None]), all_of([True, True])
    (None, False, True)
    """
    if any(v is False for v in values):
        return False
    return None if any(v is None for v in values) else True


def any_of(values: list[Truth]) -> Truth:
    """Kleene disjunction.

    >>> any_of([False, None]), any_of([True, None]), any_of([False, False])
    (None, True, False)
    """
    if any(v is True for v in values):
        return True
    return None if any(v is None for v in values) else False


@dataclass(frozen=True)
class TargetSummary:
    """The year's targets: the rate figures met, missed and unknown (one figure per target)."""

    met: tuple[str, ...] = ()
    missed: tuple[str, ...] = ()
    unknown: tuple[str, ...] = ()


@dataclass
class Facts:
    """What conditions read: the figures, the thresholds and the year."""

    views: Mapping[str, FigureView]
    thresholds: Mapping[str, Threshold]
    year: int
    _cache: dict[tuple[str, bool], Decimal | int | None] = field(default_factory=dict)

    @cached_property
    def targets(self) -> TargetSummary:
        met: list[str] = []
        missed: list[str] = []
        unknown: list[str] = []
        for fid, view in self.views.items():
            if view.target is None:
                continue
            if view.status is None:
                unknown.append(fid)
            else:
                (met if view.status.met else missed).append(fid)
        return TargetSummary(tuple(met), tuple(missed), tuple(unknown))

    def figure(self, fid: str, previous: bool = False) -> Decimal | int | None:
        view = self.views.get(fid)
        if view is None:
            return None
        return view.previous if previous else view.current

    def is_rate(self, quantity: Quantity) -> bool:
        if quantity.kind == "ty_le":
            return True
        view = self.views.get(quantity.figures[0])
        return quantity.kind == "so_lieu" and view is not None and view.figure.kind == "ty_le"

    def value(self, quantity: Quantity, previous: bool = False) -> Decimal | int | None:
        """The quantity in one period, or ``None`` when it cannot be known."""
        key = (quantity.key, previous)
        if key in self._cache:
            return self._cache[key]
        values = [self.figure(f, previous) for f in quantity.figures]
        out: Decimal | int | None
        if any(v is None for v in values):
            out = None
        elif quantity.kind == "so_lieu":
            out = values[0]
        elif quantity.kind == "tong":
            out = sum(v for v in values if v is not None)
        elif quantity.kind == "hieu":
            out = values[0] - values[1]  # type: ignore[operator]
        else:
            share = rate(values[0], values[1])
            out = round_rate(share) if share is not None else None
        self._cache[key] = out
        return out

    def operand(self, operand: Operand) -> Decimal | int | None:
        if operand.number is not None:
            return operand.number
        if operand.threshold:
            threshold = self.thresholds.get(operand.threshold)
            return threshold.value if threshold is not None else None
        return self.figure(operand.figure)

    def change(self, quantity: Quantity) -> tuple[Decimal | int, Decimal | int] | None:
        """(this period, same period) when both are known."""
        now, before = self.value(quantity), self.value(quantity, previous=True)
        if now is None or before is None:
            return None
        return now, before


def evaluate_condition(condition: Condition | None, facts: Facts) -> Truth:
    """The truth of a condition (``None`` for unknown); no condition is true."""
    if condition is None:
        return True
    if isinstance(condition, AllOf):
        return all_of([evaluate_condition(p, facts) for p in condition.parts])
    if isinstance(condition, AnyOf):
        return any_of([evaluate_condition(p, facts) for p in condition.parts])
    if isinstance(condition, Not):
        inner = evaluate_condition(condition.part, facts)
        return None if inner is None else not inner
    if isinstance(condition, ValueAtom):
        value, rhs = facts.value(condition.quantity), facts.operand(condition.rhs)
        if value is None or rhs is None:
            return None
        return compare(value, condition.op, rhs)
    if isinstance(condition, ChangeAtom):
        return _change(condition, facts)
    if isinstance(condition, TargetAtom):
        view = facts.views.get(condition.figure)
        if view is None or view.status is None:
            return None
        return view.status.met == condition.met
    if isinstance(condition, TargetsAtom):
        return _aggregate(condition.mode, facts.targets)
    if isinstance(condition, YearAtom):
        return compare(facts.year, condition.op, condition.value)
    raise TypeError(condition)  # pragma: no cover


def _change(atom: ChangeAtom, facts: Facts) -> Truth:
    pair = facts.change(atom.quantity)
    if pair is None:
        return None
    now, before = pair
    delta = Decimal(now) - Decimal(before)
    direction = atom.direction
    if direction == "bang":
        return delta == 0
    if direction == "khong_tang":
        return delta <= 0
    if direction == "khong_giam":
        return delta >= 0
    moved = delta > 0 if direction == "tang" else delta < 0
    if not moved or atom.amount is None:
        return moved
    least = facts.operand(atom.amount)
    if least is None:
        return None
    if facts.is_rate(atom.quantity):
        return abs(delta) >= least
    if Decimal(before) == 0:
        return None  # no relative change from nothing
    return abs(delta) / abs(Decimal(before)) * _HUNDRED >= least


def _aggregate(mode: str, targets: TargetSummary) -> Truth:
    """An aggregate over every way the unknown targets could turn out."""
    met, missed, unknown = len(targets.met), len(targets.missed), len(targets.unknown)
    outcomes = set()
    for extra_met in range(unknown + 1):
        m, x = met + extra_met, missed + unknown - extra_met
        if mode == "tat_ca_dat":
            outcomes.add(m > 0 and x == 0)
        elif mode == "co_chua_dat":
            outcomes.add(x > 0)
        elif mode == "da_so_dat":
            outcomes.add(x > 0 and m > x)
        else:
            outcomes.add(x > 0 and x >= m)
    return outcomes.pop() if len(outcomes) == 1 else None
