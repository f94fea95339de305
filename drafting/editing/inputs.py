"""Typed input: what a writer types in an editor's box, parsed or refused in Vietnamese.

Numbers are typed the Vietnamese way ("1.234"), dates as day/month/year ("06/5/2024");
a field of the schema is parsed by its kind (:func:`parse_field`). Every refusal is a
:class:`ValueError` whose message the editor shows under the box.
"""

from __future__ import annotations

import datetime
import re

from drafting.datafile.reader import nfc
from drafting.report import Value
from drafting.schema import MAX_COUNT, MAX_MONEY, MAX_NAME, FieldSpec


def parse_count(text: str, money: bool = False) -> int | None:
    """A figure typed the Vietnamese way: ``None`` for an empty box, else a whole number.

    >>> parse_count("1.234"), parse_count(" "), parse_count("150.000.000", money=True)
    (1234, None, 150000000)
    >>> parse_count("-3")
    Traceback (most recent call last):
    ...
    ValueError: số liệu không được âm (-3)
    >>> parse_count("abc")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: “abc” không phải là số hợp lệ: ...
    """
    from drafting.vi.numbers import parse_number

    if not text.strip():
        return None
    value = parse_number(text)
    what = "số tiền" if money else "số liệu"
    if value != value.to_integral_value():
        raise ValueError(f"{what} phải là số nguyên (“{text.strip()}” có phần thập phân)")
    if value < 0:
        raise ValueError(f"{what} không được âm ({text.strip()})")
    limit = MAX_MONEY if money else MAX_COUNT
    if value > limit:
        raise ValueError(f"{what} quá lớn (tối đa {format_int(limit)})")
    return int(value)


def format_int(value: int) -> str:
    """A whole number as the writer types it: "1.234".

    >>> format_int(1234567), format_int(0)
    ('1.234.567', '0')
    """
    from drafting.vi.numbers import format_number

    return format_number(value, 0)


_DMY = re.compile(r"^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")


def parse_date(text: str) -> datetime.date | None:
    """A date typed as "06/5/2024" (day/month/year) or "2024-05-06"; ``None`` if empty.

    >>> parse_date("06/5/2024"), parse_date("2024-05-06"), parse_date("")
    (datetime.date(2024, 5, 6), datetime.date(2024, 5, 6), None)
    >>> parse_date("31/2/2024")
    Traceback (most recent call last):
    ...
    ValueError: ngày “31/2/2024” không có thật
    """
    if not text.strip():
        return None
    match = _DMY.match(text)
    if match:
        day, month, year = (int(x) for x in match.groups())
    else:
        match = _ISO.match(text)
        if not match:
            raise ValueError(f"ngày “{text.strip()}” phải viết dạng ngày/tháng/năm, ví dụ 06/5/2024")
        year, month, day = (int(x) for x in match.groups())
    try:
        return datetime.date(year, month, day)
    except ValueError:
        raise ValueError(f"ngày “{text.strip()}” không có thật") from None


def format_date_input(value: object) -> str:
    """A date as shown in an input box: "06/05/2024".

    >>> format_date_input(datetime.date(2024, 5, 6)), format_date_input(None)
    ('06/05/2024', '')
    """
    if isinstance(value, datetime.date):
        return f"{value.day:02d}/{value.month:02d}/{value.year}"
    return "" if value is None else str(value)


def parse_field(spec: FieldSpec, text: str) -> Value:
    """A field's value from typed text, by its kind in the schema; ``None`` for empty text
    (a choice: its default). Raises :class:`ValueError` with a Vietnamese message.

    >>> from drafting.schema import FieldSpec
    >>> parse_field(FieldSpec("so", "Số", "số văn bản", kind="so_van_ban"), "15")
    15
    >>> parse_field(FieldSpec("so", "Số", "số văn bản", kind="so_van_ban"), "05")
    '05'
    >>> parse_field(FieldSpec("loai", "Loại", "loại văn bản", kind="lua_chon", choices=("a", "b")), "c")
    Traceback (most recent call last):
    ...
    ValueError: loại văn bản phải là a hoặc b
    """
    kind = spec.kind
    cleaned = nfc(text)
    if kind == "ngay":
        return parse_date(text)
    if kind == "danh_sach":
        return tuple(x for x in (nfc(line).lstrip("-–• ").strip() for line in text.splitlines()) if x)
    if not cleaned:
        return spec.default if kind == "lua_chon" else None
    if kind == "so_van_ban":
        return int(cleaned) if cleaned.isdigit() and not cleaned.startswith("0") else cleaned
    if kind == "lua_chon":
        if cleaned not in [str(c) for c in spec.choices]:
            raise ValueError(spec.message or f"{spec.name} phải là " + " hoặc ".join(str(c) for c in spec.choices))
        return cleaned
    if kind == "so_nguyen":
        try:
            number = parse_count(cleaned)
        except ValueError as exc:
            raise ValueError(f"{spec.name}: {exc}") from None
        if spec.choices and number not in spec.choices:
            raise ValueError(spec.message or f"{spec.name} phải là " + " hoặc ".join(str(c) for c in spec.choices))
        return number
    if kind == "so_thuc":
        from drafting.vi.numbers import parse_number

        decimal = float(parse_number(cleaned))
        low, high = spec.minimum, spec.maximum
        if (low is not None and decimal < low) or (high is not None and decimal > high):
            raise ValueError(spec.message or f"{spec.name} phải từ {spec.minimum} đến {spec.maximum}")
        return decimal
    if kind == "dong" and len(cleaned) > MAX_NAME:
        raise ValueError(f"{spec.name} quá dài ({len(cleaned)} ký tự; tối đa {MAX_NAME}): chỉ là một dòng ngắn")
    if kind == "dung_sai":
        if cleaned.lower() not in ("true", "false", "có", "không"):
            raise ValueError(f"{spec.name}: ghi có hoặc không")
        return cleaned.lower() in ("true", "có")
    return cleaned
