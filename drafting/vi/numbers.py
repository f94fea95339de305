"""Vietnamese numbers, percentages, money and counts (Babel ``vi``), and reading them back.

"." groups thousands, "," is the decimal mark, no space before "%" (domain notes,
section 5). Every string returned is Unicode NFC.
"""

from __future__ import annotations

import importlib.util
import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path

from drafting.figures.arith import Number, round_half_up, to_decimal
from drafting.vi.text import nfc

LOCALE = "vi"


_MILLION = Decimal(1_000_000)


_BILLION = Decimal(1_000_000_000)


_GROUP_SEPARATORS = ".\u0020\u00a0\u202f"


_NUMBER_RE = re.compile(
    r"""
    (?P<sign>-)?
    (?P<int>\d+|\d{1,3}(?:(?P<sep>[.\u0020\u00a0\u202f])\d{3})(?:(?P=sep)\d{3})*)
    (?:,(?P<frac>\d+))?
    """,
    re.VERBOSE | re.ASCII,
)


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
    return nfc((minus if rounded < 0 else "") + text)


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
    return nfc(f"{text} {unit}" if unit else text)


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
    stripped = nfc(text).strip().replace("\u2212", "-")
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
