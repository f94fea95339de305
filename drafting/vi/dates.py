"""Vietnamese dates as Nghị định 30/2020/NĐ-CP writes them (domain notes, section 2).
"""

from __future__ import annotations

import datetime

from drafting.vi.text import nfc


def _check_date(d: datetime.date) -> datetime.date:
    if not isinstance(d, datetime.date):
        raise TypeError(f"cần một ngày (datetime.date), không phải {type(d).__name__}")
    return d


def format_date(d: datetime.date) -> str:
    """Write a date in words (Nghị định 30/2020/NĐ-CP).

    Days below 10 and months 1 and 2 take a leading zero; months 3 to 12 do not.

    >>> format_date(datetime.date(2025, 1, 5))
    'ngày 05 tháng 01 năm 2025'
    >>> format_date(datetime.date(2024, 6, 29))
    'ngày 29 tháng 6 năm 2024'
    >>> format_date(datetime.date(2024, 12, 1))
    'ngày 01 tháng 12 năm 2024'
    """
    _check_date(d)
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    return f"ngày {d.day:02d} tháng {month} năm {d.year}"


def format_place_date(place: str, d: datetime.date) -> str:
    """The place-and-date line of the document header.

    >>> format_place_date("Hà Nội", datetime.date(2025, 1, 5))
    'Hà Nội, ngày 05 tháng 01 năm 2025'
    """
    place = (place or "").strip()
    if not place:
        raise ValueError("thiếu địa danh trong dòng địa danh, ngày tháng")
    return nfc(f"{place}, {format_date(d)}")


def format_short_date(d: datetime.date) -> str:
    """A date as cited in document references, with the leading zeros of Nghị định 30.

    Days below 10 and months 1 and 2 take a leading zero, as in "ngày 02/01/2024"
    and "ngày 11/4/2024".

    >>> format_short_date(datetime.date(2024, 1, 2))
    '02/01/2024'
    >>> format_short_date(datetime.date(2024, 4, 11))
    '11/4/2024'
    >>> format_short_date(datetime.date(2024, 11, 30))
    '30/11/2024'
    """
    _check_date(d)
    month = f"{d.month:02d}" if d.month < 3 else str(d.month)
    return f"{d.day:02d}/{month}/{d.year}"
