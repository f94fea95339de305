"""Year-over-year comparisons and target status in court wording.

"tăng 134 vụ (tăng 12,18%) so với cùng kỳ năm 2023"; rates change in percentage points,
written as the absolute value with "%" and a word for the sign, the figure before the
period and never a year directly followed by a figure ("cao hơn 0,56% so với cùng kỳ
năm 2023"); targets are "từ 90% trở lên" (minimum) or "không quá 1,5%" (maximum), and a
maximum is never "vượt": a rate above it is "cao hơn 0,42% so với mức tối đa".
"""

from __future__ import annotations

from typing import Literal, get_args

from drafting.figures.arith import Number, optional_decimal, round_half_up
from drafting.figures.change import _HUNDRED, TargetKind, _check_kind, compute_change, evaluate_target
from drafting.vi.numbers import format_count, format_money, format_percent, format_points

ChangeKind = Literal["count", "money", "rate"]


def describe_change(
    current: Number | None,
    previous: Number | None,
    unit: str,
    previous_year: int,
    kind: ChangeKind = "count",
    leading_zero: bool = False,
) -> str:
    """Say how a figure changed against the same period of ``previous_year``.

    ``kind`` "count" writes the difference with ``unit``; "money" writes it in đồng
    (``unit`` is ignored); "rate" compares percentages in points. When the previous
    period had nothing, no percentage is given and the text says so.

    >>> describe_change(1234, 1100, "vụ", 2023)
    'tăng 134 vụ (tăng 12,18%) so với cùng kỳ năm 2023'
    >>> describe_change(1363, 1380, "vụ", 2023)
    'giảm 17 vụ (giảm 1,23%) so với cùng kỳ năm 2023'
    >>> describe_change(1380, 1380, "vụ", 2023)
    'bằng cùng kỳ năm 2023'
    >>> describe_change(5, 0, "vụ, việc", 2023)
    'tăng 5 vụ, việc so với cùng kỳ năm 2023 (cùng kỳ không phát sinh)'
    >>> describe_change(5, None, "vụ", 2023)
    'chưa có số liệu cùng kỳ năm 2023 để so sánh'
    >>> describe_change(653_083, 653_082, "vụ", 2023)
    'tăng 1 vụ (tăng dưới 0,01%) so với cùng kỳ năm 2023'
    >>> describe_change(165_000_000, 150_000_000, "", 2023, kind="money")
    'tăng 15.000.000 đồng (tăng 10%) so với cùng kỳ năm 2023'
    >>> describe_change(89.72, 89.16, "", 2023, kind="rate")
    'cao hơn 0,56% so với cùng kỳ năm 2023'
    >>> describe_change(88.5, 89.7, "", 2023, kind="rate")
    'thấp hơn 1,2% so với cùng kỳ năm 2023'
    >>> describe_change(89.721, 89.719, "", 2023, kind="rate")
    'xấp xỉ cùng kỳ năm 2023'
    """
    _check_kind(kind, get_args(ChangeKind), "loại so sánh")
    if isinstance(previous_year, bool) or not isinstance(previous_year, int):
        raise TypeError(f"năm so sánh phải là số nguyên, không phải {previous_year!r}")
    period = f"cùng kỳ năm {previous_year}"
    change = compute_change(current, previous)
    if change.direction == "khong_ro" or change.delta is None:
        if change.previous is None:
            return f"chưa có số liệu {period} để so sánh"
        return f"chưa có số liệu kỳ này để so sánh với {period}"
    delta = change.delta
    if delta.is_zero():
        return f"bằng {period}"
    shown_decimals = 0 if kind == "money" else 2
    if round_half_up(delta, shown_decimals).is_zero():
        return f"xấp xỉ {period}"
    if kind == "rate":
        word = "cao hơn" if delta > 0 else "thấp hơn"
        return f"{word} {format_points(delta)} so với {period}"
    word = "tăng" if delta > 0 else "giảm"
    amount = format_money(abs(delta)) if kind == "money" else format_count(abs(delta), unit, leading_zero=leading_zero)
    if change.percent is None:
        text = f"{word} {amount} so với {period}"
        if change.direction == "moi":
            text += " (cùng kỳ không phát sinh)"
        return text
    percent = abs(change.percent)
    percent_text = "dưới 0,01%" if round_half_up(percent, 2).is_zero() else format_percent(percent)
    return f"{word} {amount} ({word} {percent_text}) so với {period}"


def describe_target(value: Number | None, target: Number, kind: TargetKind) -> str:
    """Say whether a rate meets its target, and by how many points.

    A missing value (``None``, e.g. a rate with a zero denominator) gives a sentence
    saying there is nothing to compare.

    >>> describe_target(92.1, 90, "toi_thieu")
    'vượt 2,1% so với chỉ tiêu'
    >>> describe_target(90, 90, "toi_thieu")
    'đạt chỉ tiêu'
    >>> describe_target(86.5, 90, "toi_thieu")
    'chưa đạt chỉ tiêu (thấp hơn 3,5%)'
    >>> describe_target(0.77, 1.5, "toi_da")
    'đạt chỉ tiêu (thấp hơn 0,73% so với mức tối đa)'
    >>> describe_target(2, 1.5, "toi_da")
    'chưa đạt chỉ tiêu (cao hơn 0,5% so với mức tối đa)'
    """
    _check_kind(kind, get_args(TargetKind), "loại chỉ tiêu")
    if optional_decimal(value) is None:
        return "chưa có số liệu để đối chiếu với chỉ tiêu"
    assert value is not None
    status = evaluate_target(value, target, kind)
    diff = round_half_up(status.value, 2) - round_half_up(status.target, 2)
    if diff.is_zero():
        return "đạt chỉ tiêu"
    points = format_points(diff)
    if kind == "toi_thieu":
        if diff > 0:
            return f"vượt {points} so với chỉ tiêu"
        return f"chưa đạt chỉ tiêu (thấp hơn {points})"
    if diff < 0:
        return f"đạt chỉ tiêu (thấp hơn {points} so với mức tối đa)"
    return f"chưa đạt chỉ tiêu (cao hơn {points} so với mức tối đa)"


def describe_target_requirement(target: Number, kind: TargetKind) -> str:
    """State a target as the reports do.

    A minimum of 100% (or a maximum of 0%) is stated as the bare figure.

    >>> describe_target_requirement(90, "toi_thieu")
    'chỉ tiêu từ 90% trở lên'
    >>> describe_target_requirement(1.5, "toi_da")
    'chỉ tiêu không quá 1,5%'
    >>> describe_target_requirement(100, "toi_thieu")
    'chỉ tiêu 100%'
    """
    _check_kind(kind, get_args(TargetKind), "loại chỉ tiêu")
    tgt = round_half_up(target, 2)
    shown = format_percent(tgt)
    if (kind == "toi_thieu" and tgt >= _HUNDRED) or (kind == "toi_da" and tgt.is_zero()):
        return f"chỉ tiêu {shown}"
    if kind == "toi_thieu":
        return f"chỉ tiêu từ {shown} trở lên"
    return f"chỉ tiêu không quá {shown}"
