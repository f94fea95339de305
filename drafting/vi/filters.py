"""Jinja filters for the phrase bank: Vietnamese names for the formatting functions.

>>> import jinja2
>>> env = jinja2.Environment()
>>> register_filters(env)
>>> env.from_string("{{ n|dem('vụ') }}, {{ r|phan_tram }}, {{ m|tien_gon }}").render(
...     n=1380, r=89.7249, m=1_500_000_000)
'1.380 vụ, 89,72%, 1,5 tỷ đồng'
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import jinja2

from drafting.figures.arith import Number
from drafting.vi.dates import format_date
from drafting.vi.numbers import format_count, format_money, format_number, format_percent, format_points
from drafting.vi.text import join_vi, quote

__all__ = ["FILTERS", "register_filters", "short_money"]


def short_money(amount: Number) -> str:
    """Money in the short form ("150 triệu đồng"); the ``tien_gon`` filter.

    >>> short_money(2_350_000)
    '2,35 triệu đồng'
    """
    return format_money(amount, short=True)


FILTERS: dict[str, Callable[..., str]] = {
    "so": format_number,
    "phan_tram": format_percent,
    "diem_phan_tram": format_points,
    "tien": format_money,
    "tien_gon": short_money,
    "dem": format_count,
    "ngay": format_date,
    "liet_ke": join_vi,
    "ngoac_kep": quote,
}
"""Filter name → function. ``dem`` takes the unit and ``leading_zero``."""


def register_filters(env: jinja2.Environment) -> None:
    """Add every filter of :data:`FILTERS` to a Jinja environment.

    >>> env = jinja2.Environment()
    >>> register_filters(env)
    >>> env.from_string("{{ 7|dem('đơn vị', leading_zero=True) }}").render()
    '07 đơn vị'
    >>> env.from_string("{{ ['A', 'B', 'C']|liet_ke }}").render()
    'A, B và C'
    """
    filters: dict[str, Any] = env.filters
    filters.update(FILTERS)
