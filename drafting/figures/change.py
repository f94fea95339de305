"""Year-over-year changes and target status, computed (no wording).

Every figure of section II.3 is compared with the same period of the previous year;
rates are compared in percentage points. Rates are also checked against the year's
targets, either a minimum (``toi_thieu``) or a maximum (``toi_da``). Values are rounded
``ROUND_HALF_UP`` to two decimals for the "equal" and "met" tests, so that the words
(:mod:`drafting.vi.comparison`) always agree with the figures printed.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, localcontext
from typing import Literal, get_args

from drafting.figures.arith import Number, optional_decimal, round_half_up, to_decimal

Direction = Literal["tang", "giam", "bang", "moi", "khong_ro"]


TargetKind = Literal["toi_thieu", "toi_da"]


_HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Change:
    """The change of a figure from the previous period to the current one.

    ``delta`` is ``current - previous``; ``percent`` is the relative change in % of
    ``|previous|`` (``None`` when ``previous`` is 0 or missing). ``direction`` is
    "moi" when the previous period had 0 and the current has more, and "khong_ro"
    when either value is missing.
    """

    current: Decimal | None
    previous: Decimal | None
    delta: Decimal | None
    percent: Decimal | None
    direction: Direction


@dataclass(frozen=True)
class TargetStatus:
    """A rate checked against a target.

    ``met`` compares the values rounded to two decimals (as printed); ``margin`` is
    the exact absolute difference in percentage points.
    """

    value: Decimal
    target: Decimal
    kind: TargetKind
    met: bool
    margin: Decimal


def _check_kind(kind: str, allowed: tuple[str, ...], what: str) -> None:
    if kind not in allowed:
        raise ValueError(f"{what} không hợp lệ: {kind!r} (chỉ nhận {', '.join(allowed)})")


def compute_change(current: Number | None, previous: Number | None) -> Change:
    """Compare a current figure with the previous period's.

    >>> c = compute_change(1234, 1100)
    >>> c.delta, c.percent.quantize(Decimal("0.01")), c.direction
    (Decimal('134'), Decimal('12.18'), 'tang')
    >>> compute_change(5, 0).direction, compute_change(5, 0).percent
    ('moi', None)
    >>> compute_change(0, 0).direction
    'bang'
    >>> compute_change(5, None).direction
    'khong_ro'
    """
    cur = optional_decimal(current)
    prev = optional_decimal(previous)
    if cur is None or prev is None:
        return Change(cur, prev, None, None, "khong_ro")
    with localcontext() as ctx:
        ctx.prec = max(34, cur.adjusted() + 10, prev.adjusted() + 10)
        delta = cur - prev
        percent = None if prev.is_zero() else delta / abs(prev) * _HUNDRED
    direction: Direction
    if delta.is_zero():
        direction = "bang"
    elif prev.is_zero() and delta > 0:
        direction = "moi"
    elif delta > 0:
        direction = "tang"
    else:
        direction = "giam"
    return Change(cur, prev, delta, percent, direction)


def evaluate_target(value: Number, target: Number, kind: TargetKind) -> TargetStatus:
    """Check a rate (in %) against a minimum or maximum target.

    >>> s = evaluate_target(92.1, 90, "toi_thieu")
    >>> s.met, s.margin
    (True, Decimal('2.1'))
    >>> evaluate_target(1.8, 1.5, "toi_da").met
    False
    >>> evaluate_target(89.996, 90, "toi_thieu").met
    True
    """
    _check_kind(kind, get_args(TargetKind), "loại chỉ tiêu")
    val = to_decimal(value)
    tgt = to_decimal(target)
    shown_val = round_half_up(val, 2)
    shown_tgt = round_half_up(tgt, 2)
    met = shown_val >= shown_tgt if kind == "toi_thieu" else shown_val <= shown_tgt
    return TargetStatus(val, tgt, kind, met, abs(val - tgt))
