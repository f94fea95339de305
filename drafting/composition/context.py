"""The Jinja context of phrase texts and conditions, built from evaluated figures.

Names (documented for maintainers in ``phrasebank/README.md``): ``nam``, ``nam_truoc``,
``nam_sau``, ``don_vi.ten``, ``don_vi.ten_ngan``, ``don_vi.cap`` (the level, "" when not
given), ``so_lieu.<nhóm>.<chỉ số>`` with
``ky_nay``, ``cung_ky``, ``chenh_lech``, ``tang``, ``giam``, ``bang``, ``co``,
``chi_tieu``, ``dat``, and ``chi_tieu.dat``, ``chi_tieu.chua_dat``, ``chi_tieu.tat_ca_dat``.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from typing import Any

from drafting.bank.catalogue import Catalogue
from drafting.figures.views import FigureView
from drafting.report import ReportData
from drafting.vi.numbers import format_percent


def year_context(year: int) -> dict[str, int]:
    """The year parameters of every template."""
    return {"nam": year, "nam_truoc": year - 1, "nam_sau": year + 1}


def _plain(value: Decimal | int | None) -> int | float | None:
    if value is None:
        return None
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(round(value, 2))
    return value


def lower_first(text: str) -> str:
    """Lower-case the first letter.

    >>> lower_first("Án dân sự")
    'án dân sự'
    """
    return text[:1].lower() + text[1:]


def figure_attrs(view: FigureView) -> dict[str, Any]:
    """What a phrase sees of one figure."""
    change = view.change
    return {
        "ky_nay": _plain(view.current),
        "cung_ky": _plain(view.previous),
        "chenh_lech": _plain(change.delta),
        "tang": change.direction in ("tang", "moi"),
        "giam": change.direction == "giam",
        "bang": change.direction == "bang",
        "co": view.current is not None,
        "chi_tieu": _plain(view.target.value) if view.target else None,
        "dat": view.status.met if view.status else None,
    }


def target_label(view: FigureView, catalogue: Catalogue, users: int) -> str:
    """A short description of the rate a target is held against (``users``: how many
    figures of the catalogue are held against it)."""
    assert view.target is not None
    if users == 1:
        return view.target.label
    return "tỷ lệ giải quyết " + lower_first(catalogue.group(view.figure.group).title)


def phrase_context(report: ReportData, views: dict[str, FigureView], catalogue: Catalogue) -> dict[str, Any]:
    """The whole context of phrase texts and conditions."""
    so_lieu: dict[str, dict[str, Any]] = {}
    for view in views.values():
        so_lieu.setdefault(view.figure.group, {})[view.figure.key] = figure_attrs(view)
    met: list[str] = []
    missed: list[str] = []
    users = Counter(f.target for f in catalogue.figures.values() if f.target)
    for view in views.values():
        if view.status is None or view.target is None:
            continue
        verb = "đạt" if view.status.kind == "toi_thieu" else "ở mức"
        text = f"{target_label(view, catalogue, users[view.target.id])} {verb} {format_percent(view.status.value)}"
        (met if view.status.met else missed).append(text)
    unit = report.unit
    return {
        **year_context(report.year),
        "don_vi": {"ten": unit.name or "đơn vị", "ten_ngan": unit.short_name or "đơn vị", "cap": report.level or ""},
        "so_lieu": so_lieu,
        "chi_tieu": {"dat": met, "chua_dat": missed, "tat_ca_dat": bool(met) and not missed},
    }
