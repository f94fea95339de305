"""The facts a claim states, computed and worded once, for its phrase's variants.

A variant never computes or formats a number: it reads ``{{ f.<ten>.<neu> }}``, where
every attribute below is written by the one formatting module (rounding, leading
zero, "so với cùng kỳ" style, target wording). :func:`claim_facts` also returns the
figure ids the sentence states, which the document model records ("a figure is stated
at most once per subsection").

===============  ===============================================================
attribute        example
===============  ===============================================================
``gia_tri``      "02 người", "91,16%", "185.000.000 đồng", "952/1.000 điểm"
``so_sanh``      "tăng 01 người (tăng 100%) so với cùng kỳ năm 2023"
``chi_tieu``     "chỉ tiêu từ 85% trở lên", "chỉ tiêu không quá 1,5%"
``so_voi_chi_tieu`` "vượt 6,16% so với chỉ tiêu", "chưa đạt chỉ tiêu (thấp hơn 5,16%)"
``ty_le_tren``   "1.181/1.380 vụ, việc"
``liet_ke``      "khiển trách 01 người và cảnh cáo 01 người"; the targets met or missed
``so_luong``     "01 chỉ tiêu" (the targets listed)
``tren_tong``    "6/7 chỉ tiêu" (targets met or missed of those with a known rate)
===============  ===============================================================
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from drafting.bank.catalogue import Catalogue, Figure
from drafting.bank.claims import Claim, Fact
from drafting.figures.arith import round_half_up
from drafting.figures.truth import TargetSummary
from drafting.figures.views import FigureView
from drafting.report import Options
from drafting.vi.comparison import describe_change, describe_target, describe_target_requirement
from drafting.vi.numbers import format_count, format_money, format_percent, format_points
from drafting.vi.text import join_vi

FactValues = dict[str, dict[str, str]]


@dataclass(frozen=True)
class FactContext:
    """Everything facts are computed from."""

    views: Mapping[str, FigureView]
    catalogue: Catalogue
    targets: TargetSummary
    year: int
    options: Options


def missing(figure: Figure) -> str:
    """The placeholder for a value the writer has not entered."""
    return f"[Chưa nhập: {figure.title}]"


def amount(value: Decimal | int, figure: Figure, options: Options) -> str:
    """A value of ``figure``'s kind with its unit."""
    if figure.kind == "ty_le":
        return format_percent(value)
    if figure.kind == "tien":
        return format_money(value, short=options.short_money)
    return format_count(value, figure.unit, leading_zero=options.leading_zero)


def _change(now: Decimal | int | None, before: Decimal | int | None, figure: Figure, ctx: FactContext) -> str:
    kind = {"ty_le": "rate", "tien": "money"}.get(figure.kind, "count")
    return describe_change(now, before, figure.unit, ctx.year - 1, kind=kind, leading_zero=ctx.options.leading_zero)  # type: ignore[arg-type]


def _sum(views: Mapping[str, FigureView], ids: tuple[str, ...], previous: bool) -> Decimal | int | None:
    values = [views[f].previous if previous else views[f].current for f in ids]
    if any(v is None for v in values):
        return None
    return sum(v for v in values if v is not None)


def _figure_fact(fact: Fact, ctx: FactContext) -> dict[str, str]:
    view = ctx.views[fact.figures[0]]
    figure = view.figure
    out: dict[str, str] = {}
    now = view.current
    for attr in fact.attrs:
        if now is None:
            out[attr] = missing(figure)
        elif attr == "gia_tri":
            out[attr] = amount(now, figure, ctx.options)
        elif attr == "so_sanh":
            out[attr] = _change(now, view.previous, figure, ctx)
        elif attr == "chi_tieu" and view.target is not None:
            out[attr] = describe_target_requirement(view.target.value, view.target.kind)
        elif attr == "so_voi_chi_tieu" and view.target is not None:
            out[attr] = describe_target(now, view.target.value, view.target.kind)
        elif attr == "ty_le_tren":
            top, bottom = _sum(ctx.views, figure.numerator, False), _sum(ctx.views, figure.denominator, False)
            unit = ctx.catalogue.figures[figure.denominator[0]].unit
            out[attr] = f"{format_count(top or 0)}/{format_count(bottom or 0, unit)}"
        else:
            out[attr] = "[Chưa có chỉ tiêu của năm]"
    return out


def _derived_fact(fact: Fact, ctx: FactContext) -> dict[str, str]:
    first = ctx.catalogue.figures[fact.figures[0]]
    if fact.source == "ty_so":
        top, bottom = (ctx.views[f].current for f in fact.figures)
        if top is None or bottom is None:
            return {"gia_tri": missing(first if top is None else ctx.catalogue.figures[fact.figures[1]])}
        return {"gia_tri": f"{format_count(top)}/{amount(bottom, first, ctx.options)}"}
    values: list[Decimal | int | None] = []
    for previous in (False, True):
        if fact.source == "tong":
            values.append(_sum(ctx.views, fact.figures, previous))
        else:
            a, b = (_sum(ctx.views, (f,), previous) for f in fact.figures)
            values.append(a - b if a is not None and b is not None else None)
    now, before = values
    out: dict[str, str] = {}
    for attr in fact.attrs:
        if now is None:
            out[attr] = missing(first)
        elif attr == "gia_tri":
            out[attr] = amount(now, first, ctx.options)
        else:
            out[attr] = _change(now, before, first, ctx)
    return out


def _listing(fact: Fact, ctx: FactContext) -> tuple[dict[str, str], tuple[str, ...]]:
    parts: list[str] = []
    stated: list[str] = []
    for fid in fact.figures:
        view = ctx.views[fid]
        if view.current:
            parts.append(f"{view.figure.label} {amount(view.current, view.figure, ctx.options)}")
            stated.append(fid)
    return {"liet_ke": join_vi(parts) or "không có"}, tuple(stated)


def target_item(view: FigureView) -> str:
    """One target met or missed, as the lists of III say it (no parentheses: items are
    listed in a sentence).

    "tỷ lệ giải quyết án hình sự đạt 96,88%"; "tỷ lệ … giám đốc thẩm, tái thẩm mới đạt
    54,84%, thấp hơn 5,16% so với chỉ tiêu 60%"; "tỷ lệ … hủy, sửa do nguyên nhân chủ quan ở
    mức 1,11%, không quá mức tối đa 1,5%"; "… 1,92%, cao hơn 0,42% so với mức tối đa 1,5%".
    """
    assert view.target is not None and view.status is not None and view.current is not None
    label, value, target = view.target.label, format_percent(view.current), format_percent(view.target.value)
    margin = format_points(abs(round_half_up(view.current, 2) - round_half_up(view.target.value, 2)))
    if view.target.kind == "toi_thieu":
        if view.status.met:
            return f"{label} đạt {value}"
        return f"{label} mới đạt {value}, thấp hơn {margin} so với chỉ tiêu {target}"
    if view.status.met:
        return f"{label} ở mức {value}, không quá mức tối đa {target}"
    return f"{label} ở mức {value}, cao hơn {margin} so với mức tối đa {target}"


def _targets(fact: Fact, ctx: FactContext, exclude: frozenset[str]) -> tuple[dict[str, str], tuple[str, ...]]:
    chosen = ctx.targets.met if fact.mode == "dat" else ctx.targets.missed
    listed = tuple(fid for fid in chosen if fid not in exclude)
    out: dict[str, str] = {}
    stated: tuple[str, ...] = ()
    known = len(ctx.targets.met) + len(ctx.targets.missed)
    for attr in fact.attrs:
        if attr == "liet_ke":
            # A target whose rate another sentence of the subsection states is named, not
            # stated again: the list stays whole and each rate is said once.
            text = join_vi([target_item(ctx.views[fid]) for fid in listed])
            named = [view.target.label for fid in chosen if fid in exclude and (view := ctx.views[fid]).target]
            if named:
                text += (", cùng " if text else "") + join_vi(named) + " (nêu cụ thể dưới đây)"
            out[attr] = text
            stated = listed
        elif attr == "so_luong":
            out[attr] = format_count(len(chosen), "chỉ tiêu", leading_zero=ctx.options.leading_zero)
        else:
            out[attr] = f"{len(chosen)}/{known} chỉ tiêu"
    return out, stated


def claim_facts(
    claim: Claim, ctx: FactContext, exclude: frozenset[str] = frozenset()
) -> tuple[FactValues, tuple[str, ...]]:
    """The ``f`` context of a claim's variants and the figure ids it states.

    ``exclude``: targets whose rate another sentence of the same subsection states;
    lists of targets leave them out.
    """
    values: FactValues = {}
    stated: list[str] = []
    for fact in claim.facts:
        if fact.source == "so_lieu":
            values[fact.name] = _figure_fact(fact, ctx)
            stated.extend(fact.figures)
        elif fact.source in ("tong", "hieu", "ty_so"):
            values[fact.name] = _derived_fact(fact, ctx)
            # A derived quantity is one figure of its own ("hieu(a,b)"), not its parts.
            stated.append(derived_id(fact))
        elif fact.source == "liet_ke":
            values[fact.name], named = _listing(fact, ctx)
            stated.extend(named)
        elif fact.source == "chi_tieu_nam":
            values[fact.name], named = _targets(fact, ctx, exclude)
            stated.extend(named)
        else:
            values[fact.name] = {"gia_tri": ctx.catalogue.targets_source or "[Chưa có văn bản giao chỉ tiêu]"}
    return values, tuple(dict.fromkeys(stated))


def derived_id(fact: Fact) -> str:
    """The id under which a paragraph records a derived quantity it states.

    >>> from drafting.bank.claims import Fact
    >>> derived_id(Fact("thieu", "hieu", ("to_chuc.bien_che_duoc_giao", "to_chuc.hien_co"), ("gia_tri",)))
    'hieu(to_chuc.bien_che_duoc_giao,to_chuc.hien_co)'
    """
    return f"{fact.source}({','.join(fact.figures)})"


def static_figures(claim: Claim) -> tuple[str, ...]:
    """The figures a claim states whatever the data (lists of targets excepted)."""
    out: list[str] = []
    for fact in claim.facts:
        if fact.source in ("so_lieu", "tong", "hieu", "ty_so", "liet_ke"):
            out.extend(fact.figures)
    return tuple(dict.fromkeys(out))
