"""Tests for drafting.vi (numbers, dates, text, filters) and drafting.figures.arith."""

from __future__ import annotations

import datetime
import re
import unicodedata
from decimal import Decimal
from pathlib import Path

import jinja2
import pytest
from hypothesis import given
from hypothesis import strategies as st

from drafting.figures.arith import optional_decimal, rate, round_half_up, to_decimal
from drafting.vi.dates import format_date, format_place_date, format_short_date
from drafting.vi.filters import FILTERS, register_filters, short_money
from drafting.vi.numbers import format_count, format_money, format_number, format_percent, format_points, parse_number
from drafting.vi.text import format_doc_number, join_vi, quote

DRAFTING = Path(__file__).resolve().parent.parent / "drafting"


def assert_clean(text: str) -> None:
    """NFC, and none of the words a missing value would print."""
    assert isinstance(text, str)
    assert unicodedata.is_normalized("NFC", text)
    lowered = text.lower()
    for bad in ("none", "nan", "inf", "vnđ", "₫"):
        assert bad not in lowered, text


# --------------------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0, "0"),
        (7, "7"),
        (999, "999"),
        (1000, "1.000"),
        (1234, "1.234"),
        (653_082, "653.082"),
        (585_932, "585.932"),
        (1_234_567, "1.234.567"),
        (12.5, "12,5"),
        (0.77, "0,77"),
        (Decimal("0.770"), "0,77"),
        (Decimal("89.72"), "89,72"),
        (7.0, "7"),
        (Decimal("7.00"), "7"),
        (Decimal("12.50"), "12,5"),
        (1234.5, "1.234,5"),
        (-3, "-3"),
        (-1234.5, "-1.234,5"),
        (0.1 + 0.2, "0,3"),
        (Decimal("1E+3"), "1.000"),
    ],
)
def test_format_number(value: int | float | Decimal, expected: str) -> None:
    assert format_number(value) == expected


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (0.125, 2, "0,13"),  # half up, not half even
        (2.005, 2, "2,01"),  # float 2.005 is read as written, not as 2.00499…
        (Decimal("0.135"), 2, "0,14"),
        (Decimal("2.5"), 0, "3"),
        (Decimal("3.5"), 0, "4"),
        (Decimal("-2.5"), 0, "-3"),  # halves away from zero
        (12.3456, 3, "12,346"),
        (12.3456, 1, "12,3"),
        (1234.5, 0, "1.235"),
        (Decimal("89.7249"), 2, "89,72"),
        (Decimal("89.995"), 2, "90"),
    ],
)
def test_format_number_rounds_half_up(
    value: int | float | Decimal, decimals: int, expected: str
) -> None:
    assert format_number(value, decimals) == expected


@pytest.mark.parametrize("value", [-0.001, Decimal("-0.004"), Decimal("-0"), -0.0])
def test_format_number_never_negative_zero(value: float | Decimal) -> None:
    assert format_number(value) == "0"


def test_format_number_huge_and_tiny() -> None:
    assert format_number(Decimal("1E+30")) == "1" + ".000" * 10
    assert (
        format_number(Decimal("12345678901234567890123456789.125"))
        == "12.345.678.901.234.567.890.123.456.789,13"
    )
    assert format_number(1e-10) == "0"
    assert format_number(1e20) == "100.000.000.000.000.000.000"


@pytest.mark.parametrize("value", [None, float("nan"), float("inf"), -float("inf")])
def test_format_number_refuses_missing_and_non_finite(value: float | None) -> None:
    with pytest.raises(ValueError):
        format_number(value)  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [Decimal("NaN"), Decimal("Infinity"), Decimal("-Infinity")])
def test_format_number_refuses_non_finite_decimal(value: Decimal) -> None:
    with pytest.raises(ValueError):
        format_number(value)


@pytest.mark.parametrize("value", ["12", True, [1], object()])
def test_format_number_refuses_non_numbers(value: object) -> None:
    with pytest.raises(TypeError):
        format_number(value)  # type: ignore[arg-type]


@pytest.mark.parametrize("decimals", [-1, 1.5, True])
def test_format_number_refuses_bad_decimals(decimals: object) -> None:
    with pytest.raises(ValueError):
        format_number(1, decimals)  # type: ignore[arg-type]


def test_to_decimal_and_round_half_up() -> None:
    assert to_decimal(3) == Decimal(3)
    assert to_decimal(0.1) == Decimal("0.1")
    assert to_decimal(Decimal("1.50")) == Decimal("1.50")
    assert round_half_up(Decimal("1.005")) == Decimal("1.01")
    assert round_half_up(-0.001) == Decimal("0.00")
    assert not round_half_up(-0.001).is_signed()
    assert round_half_up(653_082, 0) == Decimal(653_082)
    assert optional_decimal(None) is None
    assert optional_decimal(float("nan")) is None
    assert optional_decimal(Decimal("NaN")) is None
    assert optional_decimal(2.5) == Decimal("2.5")
    with pytest.raises(ValueError):
        optional_decimal(float("inf"))


# --------------------------------------------------------------------------- percent


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (89.72, "89,72%"),
        (8.4, "8,4%"),
        (100, "100%"),
        (0, "0%"),
        (0.77, "0,77%"),
        (Decimal("89.7249"), "89,72%"),
        (Decimal("12.175"), "12,18%"),
        (-3.5, "-3,5%"),
        (Decimal("100.00"), "100%"),
    ],
)
def test_format_percent(value: int | float | Decimal, expected: str) -> None:
    assert format_percent(value) == expected


def test_format_percent_decimals() -> None:
    assert format_percent(89.7249, 1) == "89,7%"
    assert format_percent(89.75, 0) == "90%"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0.56, "0,56%"),
        (-0.56, "0,56%"),
        (Decimal("-1.2"), "1,2%"),
        (0, "0%"),
        (Decimal("-0.004"), "0%"),
        (2.1, "2,1%"),
    ],
)
def test_format_points(value: int | float | Decimal, expected: str) -> None:
    assert format_points(value) == expected


# --------------------------------------------------------------------------- money


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (150_000_000, "150.000.000 đồng"),
        (25_000, "25.000 đồng"),
        (0, "0 đồng"),
        (1_500_000_000, "1.500.000.000 đồng"),
        (Decimal("1234.5"), "1.235 đồng"),
        (-2_000_000, "-2.000.000 đồng"),
    ],
)
def test_format_money_full(amount: int | Decimal, expected: str) -> None:
    assert format_money(amount) == expected


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (150_000_000, "150 triệu đồng"),
        (1_500_000_000, "1,5 tỷ đồng"),
        (1_000_000_000, "1 tỷ đồng"),
        (2_350_000, "2,35 triệu đồng"),
        (2_345_678, "2,35 triệu đồng"),
        (1_000_000, "1 triệu đồng"),
        (25_000, "25.000 đồng"),
        (999_999, "999.999 đồng"),
        (0, "0 đồng"),
        (999_999_999, "1 tỷ đồng"),  # rounds to 1.000 triệu: say it in tỷ
        (999_994_999, "999,99 triệu đồng"),
        (1_234_567_890_000, "1.234,57 tỷ đồng"),
        (-2_500_000, "-2,5 triệu đồng"),
        (Decimal("999999.6"), "1 triệu đồng"),
    ],
)
def test_format_money_short(amount: int | Decimal, expected: str) -> None:
    assert format_money(amount, short=True) == expected


def test_format_money_refuses_missing() -> None:
    with pytest.raises(ValueError):
        format_money(None)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- counts


@pytest.mark.parametrize(
    ("n", "unit", "leading_zero", "expected"),
    [
        (7, "đơn vị", True, "07 đơn vị"),
        (1, "cá nhân", True, "01 cá nhân"),
        (9, "tập thể", True, "09 tập thể"),
        (10, "tập thể", True, "10 tập thể"),
        (0, "cá nhân", True, "0 cá nhân"),
        (7, "đơn vị", False, "7 đơn vị"),
        (1380, "vụ, việc", False, "1.380 vụ, việc"),
        (1380, "vụ, việc", True, "1.380 vụ, việc"),
        (653_082, "vụ", False, "653.082 vụ"),
        (653_082, "", False, "653.082"),
        (5, "", True, "05"),
        (5, "  vụ  ", False, "5 vụ"),
        (-3, "vụ", True, "-3 vụ"),
        (Decimal("7"), "vụ", True, "07 vụ"),
        (7.0, "vụ", True, "07 vụ"),
        (2.5, "vụ", True, "2,5 vụ"),
    ],
)
def test_format_count(n: int, unit: str, leading_zero: bool, expected: str) -> None:
    assert format_count(n, unit, leading_zero=leading_zero) == expected


def test_format_count_defaults() -> None:
    assert format_count(42) == "42"
    assert format_count(3) == "3"


def test_format_count_normalises_unit_to_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "vụ việc")
    result = format_count(3, decomposed)
    assert result == "3 vụ việc"
    assert unicodedata.is_normalized("NFC", result)


def test_format_count_refuses_missing() -> None:
    with pytest.raises(ValueError):
        format_count(None)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (datetime.date(2025, 1, 5), "ngày 05 tháng 01 năm 2025"),
        (datetime.date(2025, 2, 9), "ngày 09 tháng 02 năm 2025"),
        (datetime.date(2025, 2, 28), "ngày 28 tháng 02 năm 2025"),
        (datetime.date(2024, 3, 1), "ngày 01 tháng 3 năm 2024"),
        (datetime.date(2024, 6, 29), "ngày 29 tháng 6 năm 2024"),
        (datetime.date(2024, 9, 30), "ngày 30 tháng 9 năm 2024"),
        (datetime.date(2024, 10, 10), "ngày 10 tháng 10 năm 2024"),
        (datetime.date(2024, 12, 31), "ngày 31 tháng 12 năm 2024"),
        (datetime.datetime(2024, 11, 4, 15, 30), "ngày 04 tháng 11 năm 2024"),
    ],
)
def test_format_date(d: datetime.date, expected: str) -> None:
    assert format_date(d) == expected


@pytest.mark.parametrize("month", range(1, 13))
def test_format_date_month_rule(month: int) -> None:
    text = format_date(datetime.date(2025, month, 15))
    expected_month = f"{month:02d}" if month <= 2 else str(month)
    assert text == f"ngày 15 tháng {expected_month} năm 2025"


def test_format_date_refuses_non_dates() -> None:
    with pytest.raises(TypeError):
        format_date("2025-01-05")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        format_short_date(None)  # type: ignore[arg-type]


def test_format_place_date() -> None:
    d = datetime.date(2025, 1, 5)
    assert format_place_date("Hà Nội", d) == "Hà Nội, ngày 05 tháng 01 năm 2025"
    assert format_place_date("  Đà Nẵng ", datetime.date(2024, 12, 20)) == (
        "Đà Nẵng, ngày 20 tháng 12 năm 2024"
    )
    nfd = unicodedata.normalize("NFD", "Hà Nội")
    assert format_place_date(nfd, d) == "Hà Nội, ngày 05 tháng 01 năm 2025"
    with pytest.raises(ValueError):
        format_place_date("  ", d)


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (datetime.date(2024, 1, 2), "02/01/2024"),
        (datetime.date(2024, 4, 11), "11/4/2024"),
        (datetime.date(2024, 11, 30), "30/11/2024"),
    ],
)
def test_format_short_date(d: datetime.date, expected: str) -> None:
    assert format_short_date(d) == expected


# --------------------------------------------------------------------------- doc number


@pytest.mark.parametrize(
    ("number", "symbol", "expected"),
    [
        (5, "BC-TA", "Số: 05/BC-TA"),
        (1, "BC-TA", "Số: 01/BC-TA"),
        (9, "BC-TA", "Số: 09/BC-TA"),
        (10, "BC-TA", "Số: 10/BC-TA"),
        (15, "BC-TA", "Số: 15/BC-TA"),
        (123, "BC-TANDTC", "Số: 123/BC-TANDTC"),
        ("5", "BC-TA", "Số: 05/BC-TA"),  # digits typed as text are a number below 10 (#14)
        ("5a", "BC-TA", "Số: 5a/BC-TA"),  # any other string is used as given
        (" 07a ", " BC-TA ", "Số: 07a/BC-TA"),
        (12, "/BC-TA", "Số: 12/BC-TA"),
        ("", "BC-TA", "Số:      /BC-TA"),
        ("   ", "BC-TA", "Số:      /BC-TA"),
    ],
)
def test_format_doc_number(number: int | str, symbol: str, expected: str) -> None:
    assert format_doc_number(number, symbol) == expected


@pytest.mark.parametrize(
    ("number", "symbol", "error"),
    [
        (0, "BC-TA", ValueError),
        (-1, "BC-TA", ValueError),
        (5, "", ValueError),
        (5, " / ", ValueError),
        (5.0, "BC-TA", TypeError),
        (True, "BC-TA", TypeError),
        (None, "BC-TA", TypeError),
    ],
)
def test_format_doc_number_errors(number: object, symbol: str, error: type[Exception]) -> None:
    with pytest.raises(error):
        format_doc_number(number, symbol)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- join, quote


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        ([], ""),
        (["A"], "A"),
        (["A", "B"], "A và B"),
        (["A", "B", "C"], "A, B và C"),
        (["A", "B", "C", "D"], "A, B, C và D"),
        (("Thẩm phán", "Thư ký", "Hòa giải viên"), "Thẩm phán, Thư ký và Hòa giải viên"),
        (["A", "", "  ", "C"], "A và C"),
        ([" A ", "B "], "A và B"),
        ("Tòa án", "Tòa án"),
    ],
)
def test_join_vi(items: list[str], expected: str) -> None:
    assert join_vi(items) == expected


def test_join_vi_conjunction() -> None:
    assert join_vi(["A", "B", "C"], "hoặc") == "A, B hoặc C"
    assert join_vi(["A", "B"], "cùng") == "A cùng B"
    assert join_vi(["A", "B"], " ") == "A và B"
    assert join_vi(["A"], "hoặc") == "A"


def test_join_vi_nfc() -> None:
    items = [unicodedata.normalize("NFD", "Tòa án"), "Viện kiểm sát"]
    assert join_vi(items) == "Tòa án và Viện kiểm sát"
    assert unicodedata.is_normalized("NFC", join_vi(items))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tập thể lao động xuất sắc", "“Tập thể lao động xuất sắc”"),
        ("“Vì công lý”", "“Vì công lý”"),
        ('"Vì công lý"', "“Vì công lý”"),
        ("  Chiến sĩ thi đua  ", "“Chiến sĩ thi đua”"),
        ("", ""),
        ("   ", ""),
        ('""', ""),
        ("“", "““”"),
    ],
)
def test_quote(text: str, expected: str) -> None:
    assert quote(text) == expected


def test_quote_nfc() -> None:
    assert quote(unicodedata.normalize("NFD", "Hòa giải")) == "“Hòa giải”"


# --------------------------------------------------------------------------- parsing


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.234", Decimal(1234)),
        ("1.234.567", Decimal(1_234_567)),
        ("653.082", Decimal(653_082)),
        ("12,5", Decimal("12.5")),
        ("0,77", Decimal("0.77")),
        ("1.234,56", Decimal("1234.56")),
        (" 1 234 ", Decimal(1234)),
        ("1\u00a0234\u00a0567", Decimal(1_234_567)),
        ("1\u202f234", Decimal(1234)),
        ("-3", Decimal(-3)),
        ("−3", Decimal(-3)),  # U+2212 MINUS SIGN
        ("-1.234,5", Decimal("-1234.5")),
        ("1234", Decimal(1234)),
        ("1234567", Decimal(1_234_567)),
        ("07", Decimal(7)),
        ("0", Decimal(0)),
        ("-0", Decimal(0)),
        ("123", Decimal(123)),
    ],
)
def test_parse_number(text: str, expected: Decimal) -> None:
    result = parse_number(text)
    assert result == expected
    assert isinstance(result, Decimal)


@pytest.mark.parametrize(
    "text",
    [
        "1,234,5",
        "abc",
        "12.5.3",
        "1.23",
        "1.2345",
        "1234.567",
        "12.5",
        "1 234.567",  # mixed separators
        "1.234 567",
        "1,5,",
        ",5",
        "5,",
        "+3",
        "--3",
        "3-",
        "1e5",
        "NaN",
        "Infinity",
        "12%",
        "١٢",  # Arabic-Indic digits
        "1.234.56",
        ".234",
        "1..234",
        "1  234",
    ],
)
def test_parse_number_rejects(text: str) -> None:
    with pytest.raises(ValueError, match="không phải là số hợp lệ"):
        parse_number(text)


@pytest.mark.parametrize("text", ["", "   "])
def test_parse_number_empty(text: str) -> None:
    with pytest.raises(ValueError, match="chưa nhập số"):
        parse_number(text)


def test_parse_number_rejects_non_strings() -> None:
    with pytest.raises(TypeError):
        parse_number(1234)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- rate


def test_rate() -> None:
    national = rate(585_932, 653_082)
    assert national is not None
    assert round_half_up(national, 2) == Decimal("89.72")
    assert format_percent(national) == "89,72%"
    assert rate(1, 4) == Decimal(25)
    third = rate(1, 3)
    assert third is not None
    assert third != Decimal("33.33")  # not rounded
    assert third.quantize(Decimal("1E-20")) == Decimal("33.33333333333333333333")
    assert rate(0, 10) == Decimal(0)
    assert rate(Decimal("1.5"), 2) == Decimal(75)
    assert rate(0.77, 100) == Decimal("0.77")


@pytest.mark.parametrize(
    ("numerator", "denominator"),
    [(5, 0), (0, 0), (None, 10), (10, None), (None, None), (float("nan"), 10), (5, Decimal(0))],
)
def test_rate_missing(numerator: float | None, denominator: float | None) -> None:
    assert rate(numerator, denominator) is None


# --------------------------------------------------------------------------- properties


@given(st.decimals(min_value=-(10**15), max_value=10**15, allow_nan=False, places=2))
def test_round_trip(value: Decimal) -> None:
    text = format_number(value)
    assert_clean(text)
    assert parse_number(text) == value


@given(st.integers(min_value=-(10**18), max_value=10**18))
def test_round_trip_integers(value: int) -> None:
    text = format_number(value)
    assert parse_number(text) == value
    assert re.fullmatch(r"-?\d{1,3}(\.\d{3})*", text)


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e15, max_value=1e15))
def test_floats_format_cleanly(value: float) -> None:
    for text in (
        format_number(value),
        format_percent(value),
        format_points(value),
        format_money(value),
        format_money(value, short=True),
        format_count(value, "vụ", leading_zero=True),
    ):
        assert_clean(text)
        assert "e" not in text.lower().replace("đồng", "").replace("triệu", "").replace("tỷ", "")


@given(st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2999, 12, 31)))
def test_dates_property(d: datetime.date) -> None:
    text = format_date(d)
    day, month, year = re.fullmatch(r"ngày (\d+) tháng (\d+) năm (\d+)", text).groups()  # type: ignore[union-attr]
    assert (int(day), int(month), int(year)) == (d.day, d.month, d.year)
    assert len(day) == 2
    assert len(month) == (2 if d.month <= 2 else len(str(d.month)))
    month = f"{d.month:02d}" if d.month < 3 else str(d.month)
    assert format_short_date(d) == f"{d.day:02d}/{month}/{d.year}"


# --------------------------------------------------------------------------- filters


def test_filters_table() -> None:
    assert set(FILTERS) == {
        "so",
        "phan_tram",
        "diem_phan_tram",
        "tien",
        "tien_gon",
        "dem",
        "ngay",
        "liet_ke",
        "ngoac_kep",
    }
    assert short_money(150_000_000) == "150 triệu đồng"


def test_register_filters_renders() -> None:
    env = jinja2.Environment(undefined=jinja2.StrictUndefined)
    register_filters(env)
    template = env.from_string(
        "{{ a|so }}; {{ b|so }}; {{ r|phan_tram }}; {{ p|diem_phan_tram }}; {{ m|tien }}; "
        "{{ m|tien_gon }}; {{ n|dem('đơn vị', leading_zero=True) }}; {{ k|dem('vụ') }}; "
        "{{ d|ngay }}; {{ xs|liet_ke }}; {{ t|ngoac_kep }}"
    )
    result = template.render(
        a=653_082,
        b=Decimal("12.50"),
        r=89.72,
        p=-0.56,
        m=150_000_000,
        n=7,
        k=1380,
        d=datetime.date(2025, 1, 5),
        xs=["A", "B", "C"],
        t="Vì công lý",
    )
    assert result == (
        "653.082; 12,5; 89,72%; 0,56%; 150.000.000 đồng; 150 triệu đồng; 07 đơn vị; "
        "1.380 vụ; ngày 05 tháng 01 năm 2025; A, B và C; “Vì công lý”"
    )


def test_filter_refuses_none_instead_of_printing_it() -> None:
    env = jinja2.Environment()
    register_filters(env)
    with pytest.raises(ValueError):
        env.from_string("{{ x|so }}").render(x=None)


# --------------------------------------------------------------------------- source text

# New-style tone placement ("hoà", "toà", "thuý"); the courts write "hòa", "Tòa", "thúy".
_NEW_STYLE = re.compile(
    r"(?<![qQ])[oOuU][àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸỳýỷỹỵỲÝỶỸỴ](?![a-zA-Zđ\u00c0-\u1ef9])"
)


@pytest.mark.parametrize(
    "name",
    ["vi/numbers.py", "vi/dates.py", "vi/text.py", "vi/comparison.py", "vi/filters.py"]
    + ["figures/arith.py", "figures/change.py"],
)
def test_sources_are_nfc_and_use_court_tone_placement(name: str) -> None:
    text = (DRAFTING / name).read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", text)
    assert not _NEW_STYLE.findall(text)


def test_tone_placement_pattern() -> None:
    for new_style in ("Toà", "hoà", "thuỷ", "khoẻ"):
        assert _NEW_STYLE.search(new_style), new_style
    for court_style in ("Tòa", "hòa", "thủy", "khỏe", "toàn", "quý", "của", "hoàn"):
        assert not _NEW_STYLE.search(court_style), court_style
