"""Vietnamese formatting of numbers, money, counts, dates and enumerations.

Built on Babel's ``vi`` locale: "." groups thousands, "," is the decimal mark, no
space before "%" (domain notes, section 5). Dates follow Nghị định 30/2020/NĐ-CP
(section 2). Every computation uses :class:`decimal.Decimal` and rounds
``ROUND_HALF_UP``; ``float`` inputs are converted through their shortest ``repr`` so
that ``0.1 + 0.2`` formats as "0,3". Missing or non-finite values (``None``, NaN,
infinity) raise :class:`ValueError` instead of printing "None", "nan" or "inf".
Every string returned is Unicode NFC.
"""

from __future__ import annotations

import datetime
import importlib.util
import math
import re
import unicodedata
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext
from functools import lru_cache
from pathlib import Path

__all__ = [
    "Number",
    "format_count",
    "format_date",
    "format_doc_number",
    "format_money",
    "format_number",
    "format_percent",
    "format_place_date",
    "format_points",
    "format_short_date",
    "join_vi",
    "optional_decimal",
    "parse_number",
    "quote",
    "rate",
    "round_half_up",
    "to_decimal",
]

LOCALE = "vi"

Number = int | float | Decimal
"""A numeric input accepted by every function of this module."""

_MILLION = Decimal(1_000_000)
_BILLION = Decimal(1_000_000_000)
_HUNDRED = Decimal(100)

# Separators a writer may use between thousands groups: ".", a space, a no-break
# space or a narrow no-break space (what Word and spreadsheets sometimes insert).
_GROUP_SEPARATORS = ".\u0020\u00a0\u202f"
_NUMBER_RE = re.compile(
    r"""
    (?P<sign>-)?
    (?P<int>\d+|\d{1,3}(?:(?P<sep>[.\u0020\u00a0\u202f])\d{3})(?:(?P=sep)\d{3})*)
    (?:,(?P<frac>\d+))?
    """,
    re.VERBOSE | re.ASCII,
)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


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


def format_number(value: Number, max_decimals: int = 2) -> str:
    """Format a number the Vietnamese way, with at most ``max_decimals`` decimals.

    Trailing zeros of the decimal part are dropped; negatives take "-".

    >>> format_number(1234567)
    '1.234.567'
    >>> format_number(12.5)
    '12,5'
    >>> format_number(Decimal("0.770"))
    '0,77'
    >>> format_number(2.005)
    '2,01'
    >>> format_number(-3456.789, 1)
    '-3.456,8'
    >>> format_number(7.0)
    '7'
    """
    rounded = round_half_up(value, max_decimals)
    group, decimal, minus = number_symbols()
    digits = format(rounded.copy_abs(), "f")
    whole, _, fraction = digits.partition(".")
    fraction = fraction.rstrip("0")
    text = f"{int(whole):,}".replace(",", group)
    if fraction:
        text += decimal + fraction
    return _nfc((minus if rounded < 0 else "") + text)


def number_symbols() -> tuple[str, str, str]:
    """The ``vi`` locale's group, decimal and minus symbols, from Babel's locale data.

    Loading Babel's locale data takes a tenth of a second, so the three symbols are
    read once and kept in the phrase bank's disk cache.

    >>> number_symbols()
    ('.', ',', '-')
    """
    return _number_symbols()


@lru_cache(maxsize=1)
def _number_symbols() -> tuple[str, str, str]:
    from drafting.bank.cache import cached

    def read() -> tuple[str, str, str]:
        from babel.numbers import get_decimal_symbol, get_group_symbol, get_minus_sign_symbol

        return (
            get_group_symbol(locale=LOCALE),
            get_decimal_symbol(locale=LOCALE),
            get_minus_sign_symbol(locale=LOCALE),
        )

    # Keyed by the content of Babel's locale data files (found without importing Babel).
    spec = importlib.util.find_spec("babel")
    data = Path(spec.origin).parent / "locale-data" if spec is not None and spec.origin else Path("babel")
    return cached("vi-number-symbols", [data / "root.dat", data / f"{LOCALE}.dat"], read)


def format_percent(value: Number, max_decimals: int = 2) -> str:
    """Format a value that is already a percentage: no space before "%".

    >>> format_percent(89.72)
    '89,72%'
    >>> format_percent(8.4)
    '8,4%'
    >>> format_percent(100)
    '100%'
    >>> format_percent(Decimal("89.7249"))
    '89,72%'
    """
    return format_number(value, max_decimals) + "%"


def format_points(value: Number, max_decimals: int = 2) -> str:
    """Format percentage points as courts write them: the absolute value with "%".

    The sign is carried by the words around it ("cao hơn", "thấp hơn").

    >>> format_points(-0.56)
    '0,56%'
    >>> format_points(Decimal("1.2"))
    '1,2%'
    """
    return format_percent(abs(to_decimal(value)), max_decimals)


def format_money(amount: Number, short: bool = False) -> str:
    """Format an amount of money in đồng (never "VNĐ" or "₫").

    The full form rounds to whole đồng. The short form writes millions as "triệu"
    and billions as "tỷ" with at most two decimals; amounts below a million stay in
    full.

    >>> format_money(150_000_000)
    '150.000.000 đồng'
    >>> format_money(150_000_000, short=True)
    '150 triệu đồng'
    >>> format_money(1_500_000_000, short=True)
    '1,5 tỷ đồng'
    >>> format_money(2_350_000, short=True)
    '2,35 triệu đồng'
    >>> format_money(25_000, short=True)
    '25.000 đồng'
    >>> format_money(999_999_999, short=True)
    '1 tỷ đồng'
    """
    number = to_decimal(amount)
    if short:
        magnitude = abs(round_half_up(number, 0))
        if magnitude >= _MILLION:
            in_millions = round_half_up(number / _MILLION, 2)
            if abs(in_millions) < 1000:
                return format_number(in_millions, 2) + " triệu đồng"
            return format_number(number / _BILLION, 2) + " tỷ đồng"
    return format_number(number, 0) + " đồng"


def format_count(n: Number, unit: str = "", leading_zero: bool = False) -> str:
    """Format a count, optionally followed by its unit.

    With ``leading_zero`` a count from 1 to 9 takes a leading zero ("07 đơn vị");
    zero stays "0". A count that is not a whole number is written as a number with
    up to two decimals (no leading zero).

    >>> format_count(7, "đơn vị", leading_zero=True)
    '07 đơn vị'
    >>> format_count(7, "đơn vị")
    '7 đơn vị'
    >>> format_count(1380, "vụ, việc")
    '1.380 vụ, việc'
    >>> format_count(0, "cá nhân", leading_zero=True)
    '0 cá nhân'
    >>> format_count(653082)
    '653.082'
    """
    number = to_decimal(n)
    if leading_zero and number == number.to_integral_value() and 0 < number < 10:
        text = f"0{int(number)}"
    else:
        text = format_number(number, 2)
    unit = unit.strip() if unit else ""
    return _nfc(f"{text} {unit}" if unit else text)


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
    return _nfc(f"{place}, {format_date(d)}")


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


def format_doc_number(number: int | str, symbol: str) -> str:
    """The "Số: …" line: numbers below 10 take a leading zero.

    A string number is used as given (stripped). An empty string leaves a blank for
    the clerk to fill in when the document is registered ("Số:      /BC-TA").

    >>> format_doc_number(5, "BC-TA")
    'Số: 05/BC-TA'
    >>> format_doc_number(15, "BC-TA")
    'Số: 15/BC-TA'
    >>> format_doc_number(" 07a ", "BC-TA")
    'Số: 07a/BC-TA'
    >>> format_doc_number("", "BC-TA")
    'Số:      /BC-TA'
    """
    symbol = (symbol or "").strip().lstrip("/").strip()
    if not symbol:
        raise ValueError("thiếu ký hiệu văn bản (ví dụ “BC-TA”)")
    if isinstance(number, str):
        text = number.strip()
        if not text:
            return _nfc(f"Số:      /{symbol}")
    elif isinstance(number, int) and not isinstance(number, bool):
        if number <= 0:
            raise ValueError(f"số văn bản phải là số nguyên dương, không phải {number}")
        text = f"{number:02d}"
    else:
        raise TypeError(f"số văn bản phải là số nguyên hoặc chuỗi, không phải {number!r}")
    return _nfc(f"Số: {text}/{symbol}")


def join_vi(items: Sequence[str], conjunction: str = "và") -> str:
    """Join items as a Vietnamese enumeration: "A, B và C" (no comma before "và").

    Blank items are skipped; a single string is treated as one item.

    >>> join_vi([])
    ''
    >>> join_vi(["A"])
    'A'
    >>> join_vi(["A", "B"])
    'A và B'
    >>> join_vi(["A", "B", "C"])
    'A, B và C'
    >>> join_vi(["A", "B", "C"], "hoặc")
    'A, B hoặc C'
    """
    if isinstance(items, str):
        items = [items]
    parts = [str(item).strip() for item in items if item is not None and str(item).strip()]
    if not parts:
        return ""
    if len(parts) == 1:
        return _nfc(parts[0])
    conjunction = conjunction.strip() or "và"
    return _nfc(f"{', '.join(parts[:-1])} {conjunction} {parts[-1]}")


def quote(text: str) -> str:
    """Put curly quotation marks around a name or title: “…”.

    Text already in curly quotes is left alone; straight quotes are replaced; empty
    text gives "".

    >>> quote("Tập thể lao động xuất sắc")
    '“Tập thể lao động xuất sắc”'
    >>> quote("“Vì công lý”")
    '“Vì công lý”'
    >>> quote('"Vì công lý"')
    '“Vì công lý”'
    """
    text = (text or "").strip()
    if len(text) >= 2 and text[0] == text[-1] == '"':
        text = text[1:-1].strip()
    if not text:
        return ""
    if text.startswith("“") and text.endswith("”") and len(text) >= 2:
        return _nfc(text)
    return _nfc(f"“{text}”")


def _number_error(text: str) -> ValueError:
    return ValueError(
        f"“{text}” không phải là số hợp lệ: dùng dấu chấm để phân cách hàng nghìn và "
        "dấu phẩy trước phần thập phân (ví dụ 1.234 hoặc 12,5)"
    )


def parse_number(text: str) -> Decimal:
    """Parse a number typed the Vietnamese way, strictly.

    "." (or a space) separates thousands and every group after the first has
    exactly three digits; "," is the decimal mark; only "-" may precede the digits.

    >>> parse_number("1.234.567")
    Decimal('1234567')
    >>> parse_number("12,5")
    Decimal('12.5')
    >>> parse_number(" 1 234 ")
    Decimal('1234')
    >>> parse_number("-3")
    Decimal('-3')
    >>> parse_number("1.23")
    Traceback (most recent call last):
    ...
    ValueError: “1.23” không phải là số hợp lệ: dùng dấu chấm để phân cách hàng nghìn và dấu phẩy trước phần thập phân (ví dụ 1.234 hoặc 12,5)
    """  # noqa: E501
    if not isinstance(text, str):
        raise TypeError(f"cần một chuỗi, không phải {type(text).__name__}")
    stripped = _nfc(text).strip().replace("\u2212", "-")
    if not stripped:
        raise ValueError("chưa nhập số (ô trống)")
    match = _NUMBER_RE.fullmatch(stripped)
    if match is None:
        raise _number_error(text.strip())
    digits = match["int"]
    for sep in _GROUP_SEPARATORS:
        digits = digits.replace(sep, "")
    # Hand Babel a canonical "vi" string so its strict checks agree with ours.
    canonical = (match["sign"] or "") + digits + (f",{match['frac']}" if match["frac"] else "")
    from babel.numbers import NumberFormatError, parse_decimal

    try:
        value = parse_decimal(canonical, locale=LOCALE, strict=True)
    except (NumberFormatError, InvalidOperation) as exc:  # pragma: no cover - defensive
        raise _number_error(text.strip()) from exc
    return abs(value) if value.is_zero() else value


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
