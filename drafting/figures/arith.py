"""Arithmetic on figures: exact decimals, half-up rounding, rates.

Every computation uses :class:`decimal.Decimal` and rounds ``ROUND_HALF_UP``; ``float``
inputs are converted through their shortest ``repr`` so that ``0.1 + 0.2`` is 0.3.
Missing or non-finite values (``None``, NaN, infinity) raise :class:`ValueError`.
Nothing here formats text: that is :mod:`drafting.vi`.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal, localcontext

Number = int | float | Decimal


"""A numeric input accepted by every function of this module."""


_HUNDRED = Decimal(100)


def to_decimal(value: Number) -> Decimal:
    """Convert an int, float or Decimal to a finite :class:`Decimal`.

    Floats go through ``repr`` (shortest round-trip form), not their binary value.
    ``None``, ``bool``, NaN and infinity are refused.

    >>> to_decimal(12)
    Decimal('12')
    >>> to_decimal(0.1 + 0.2)
    Decimal('0.30000000000000004')
    >>> to_decimal(Decimal("89.72"))
    Decimal('89.72')
    >>> to_decimal(float("nan"))
    Traceback (most recent call last):
    ...
    ValueError: giá trị không phải là số hữu hạn: nan
    """
    if value is None:
        raise ValueError("thiếu số liệu (giá trị rỗng)")
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise TypeError(f"cần một số (int, float hoặc Decimal), không phải {type(value).__name__}")
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"giá trị không phải là số hữu hạn: {value!r}")
        return Decimal(repr(value))
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"giá trị không phải là số hữu hạn: {value}")
        return value
    return Decimal(value)


def round_half_up(value: Number, decimals: int = 2) -> Decimal:
    """Round to ``decimals`` places, halves away from zero; never returns ``-0``.

    >>> round_half_up(0.125)
    Decimal('0.13')
    >>> round_half_up(Decimal("2.5"), 0)
    Decimal('3')
    >>> round_half_up(-0.001)
    Decimal('0.00')
    """
    if isinstance(decimals, bool) or not isinstance(decimals, int) or decimals < 0:
        raise ValueError(f"số chữ số thập phân phải là số nguyên không âm, không phải {decimals!r}")
    number = to_decimal(value)
    quantum = Decimal(1).scaleb(-decimals)
    with localcontext() as ctx:
        ctx.prec = max(28, number.adjusted() + decimals + 2)
        rounded = number.quantize(quantum, rounding=ROUND_HALF_UP)
    if rounded.is_zero():
        rounded = abs(rounded)
    return rounded


def rate(numerator: Number | None, denominator: Number | None) -> Decimal | None:
    """The percentage numerator / denominator × 100, unrounded.

    ``None`` when the denominator is 0 or either value is missing (``None`` or NaN).

    >>> rate(585_932, 653_082).quantize(Decimal("0.01"))
    Decimal('89.72')
    >>> rate(1, 4)
    Decimal('25.00')
    >>> rate(5, 0) is None
    True
    >>> rate(None, 10) is None
    True
    """
    num = optional_decimal(numerator)
    den = optional_decimal(denominator)
    if num is None or den is None or den.is_zero():
        return None
    with localcontext() as ctx:
        ctx.prec = 34
        return num / den * _HUNDRED


RATE_DECIMALS = 2
"""Every rate is rounded once, to this many decimals, where it is computed."""


def round_rate(value: Number) -> Decimal:
    """A rate (in %) as the report prints it and every comparison reads it.

    Half-up to :data:`RATE_DECIMALS` decimals, except that a rate that is not exactly
    100 never rounds to 100 and one that is not exactly 0 never rounds to 0: 99.996%
    of cases within time is not "100%".

    >>> round_rate(Decimal("89.7249")), round_rate(Decimal("89.725"))
    (Decimal('89.72'), Decimal('89.73'))
    >>> round_rate(Decimal("99.996")), round_rate(100)
    (Decimal('99.99'), Decimal('100.00'))
    >>> round_rate(Decimal("0.001")), round_rate(0)
    (Decimal('0.01'), Decimal('0.00'))
    """
    exact = to_decimal(value)
    rounded = round_half_up(exact, RATE_DECIMALS)
    step = Decimal(1).scaleb(-RATE_DECIMALS)
    if rounded == _HUNDRED and exact != _HUNDRED:
        return _HUNDRED - step if exact < _HUNDRED else rounded
    if rounded.is_zero() and not exact.is_zero():
        return step if exact > 0 else rounded
    return rounded


def optional_decimal(value: Number | None) -> Decimal | None:
    """Like :func:`to_decimal`, but a missing value (``None`` or NaN) gives ``None``.

    >>> optional_decimal(None) is None, optional_decimal(float("nan")) is None
    (True, True)
    >>> optional_decimal(3)
    Decimal('3')
    """
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, Decimal) and value.is_nan():
        return None
    return to_decimal(value)
