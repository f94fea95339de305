"""Tests for drafting.figures.change and drafting.vi.comparison."""

from __future__ import annotations

import unicodedata
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from drafting.figures.change import Change, TargetStatus, compute_change, evaluate_target
from drafting.vi.comparison import describe_change, describe_target, describe_target_requirement

# --------------------------------------------------------------------------- compute_change


def test_compute_change_increase() -> None:
    change = compute_change(1234, 1100)
    assert change.current == Decimal(1234)
    assert change.previous == Decimal(1100)
    assert change.delta == Decimal(134)
    assert change.percent is not None
    assert change.percent.quantize(Decimal("0.01")) == Decimal("12.18")
    assert change.direction == "tang"


def test_compute_change_decrease() -> None:
    change = compute_change(1363, 1380)
    assert change.delta == Decimal(-17)
    assert change.percent is not None
    assert change.percent.quantize(Decimal("0.01")) == Decimal("-1.23")
    assert change.direction == "giam"


def test_compute_change_equal() -> None:
    assert compute_change(1380, 1380) == Change(
        Decimal(1380), Decimal(1380), Decimal(0), Decimal(0), "bang"
    )
    assert compute_change(0, 0) == Change(Decimal(0), Decimal(0), Decimal(0), None, "bang")


def test_compute_change_from_zero() -> None:
    change = compute_change(5, 0)
    assert change.delta == Decimal(5)
    assert change.percent is None
    assert change.direction == "moi"
    negative = compute_change(-5, 0)
    assert negative.direction == "giam"
    assert negative.percent is None


@pytest.mark.parametrize(
    ("current", "previous"),
    [(5, None), (None, 5), (None, None), (5, float("nan")), (float("nan"), 5)],
)
def test_compute_change_missing(current: float | None, previous: float | None) -> None:
    change = compute_change(current, previous)
    assert change.direction == "khong_ro"
    assert change.delta is None
    assert change.percent is None


def test_compute_change_to_zero_and_negative_previous() -> None:
    to_zero = compute_change(0, 20)
    assert to_zero.direction == "giam"
    assert to_zero.percent == Decimal(-100)
    # relative change is measured against |previous|, so the sign follows delta
    from_negative = compute_change(3, -2)
    assert from_negative.delta == Decimal(5)
    assert from_negative.percent == Decimal(250)
    assert from_negative.direction == "tang"


def test_compute_change_accepts_floats_and_decimals() -> None:
    change = compute_change(89.72, Decimal("89.16"))
    assert change.delta == Decimal("0.56")
    assert change.direction == "tang"


def test_change_is_frozen() -> None:
    change = compute_change(2, 1)
    with pytest.raises(AttributeError):
        change.delta = Decimal(0)  # type: ignore[misc]


def test_compute_change_large_numbers() -> None:
    change = compute_change(653_082, 585_932)
    assert change.delta == Decimal(67_150)
    assert change.percent is not None
    assert change.percent.quantize(Decimal("0.01")) == Decimal("11.46")


# --------------------------------------------------------------------------- describe_change


@pytest.mark.parametrize(
    ("current", "previous", "unit", "expected"),
    [
        (1234, 1100, "vụ", "tăng 134 vụ (tăng 12,18%) so với cùng kỳ năm 2023"),
        (1363, 1380, "vụ", "giảm 17 vụ (giảm 1,23%) so với cùng kỳ năm 2023"),
        (1380, 1380, "vụ", "bằng cùng kỳ năm 2023"),
        (0, 0, "vụ", "bằng cùng kỳ năm 2023"),
        (
            5,
            0,
            "vụ",
            "tăng 5 vụ so với cùng kỳ năm 2023 (cùng kỳ không phát sinh)",
        ),
        (
            5,
            0,
            "vụ, việc",
            "tăng 5 vụ, việc so với cùng kỳ năm 2023 (cùng kỳ không phát sinh)",
        ),
        (5, None, "vụ", "chưa có số liệu cùng kỳ năm 2023 để so sánh"),
        (None, 5, "vụ", "chưa có số liệu kỳ này để so sánh với cùng kỳ năm 2023"),
        (None, None, "vụ", "chưa có số liệu cùng kỳ năm 2023 để so sánh"),
        (653_083, 653_082, "vụ", "tăng 1 vụ (tăng dưới 0,01%) so với cùng kỳ năm 2023"),
        (653_081, 653_082, "vụ", "giảm 1 vụ (giảm dưới 0,01%) so với cùng kỳ năm 2023"),
        (
            653_082,
            585_932,
            "vụ, việc",
            "tăng 67.150 vụ, việc (tăng 11,46%) so với cùng kỳ năm 2023",
        ),
        (
            585_932,
            653_082,
            "vụ, việc",
            "giảm 67.150 vụ, việc (giảm 10,28%) so với cùng kỳ năm 2023",
        ),
        (0, 20, "vụ", "giảm 20 vụ (giảm 100%) so với cùng kỳ năm 2023"),
        (2000, 1, "vụ", "tăng 1.999 vụ (tăng 199.900%) so với cùng kỳ năm 2023"),
        (12, 10, "", "tăng 2 (tăng 20%) so với cùng kỳ năm 2023"),
        (-5, 0, "vụ", "giảm 5 vụ so với cùng kỳ năm 2023"),
        # 2 / 80_000 = 0,0025%: rounds to 0,00
        (80_002, 80_000, "vụ", "tăng 2 vụ (tăng dưới 0,01%) so với cùng kỳ năm 2023"),
        # 1 / 20_000 = 0,005%: rounds half up to 0,01, so not "dưới"
        (20_001, 20_000, "vụ", "tăng 1 vụ (tăng 0,01%) so với cùng kỳ năm 2023"),
    ],
)
def test_describe_change_count(
    current: int | None, previous: int | None, unit: str, expected: str
) -> None:
    assert describe_change(current, previous, unit, 2023) == expected


def test_describe_change_leading_zero() -> None:
    assert describe_change(15, 8, "đơn vị", 2023, leading_zero=True) == (
        "tăng 07 đơn vị (tăng 87,5%) so với cùng kỳ năm 2023"
    )
    assert describe_change(15, 8, "đơn vị", 2023) == (
        "tăng 7 đơn vị (tăng 87,5%) so với cùng kỳ năm 2023"
    )
    assert describe_change(3, 0, "cá nhân", 2024, leading_zero=True) == (
        "tăng 03 cá nhân so với cùng kỳ năm 2024 (cùng kỳ không phát sinh)"
    )
    assert describe_change(30, 15, "cá nhân", 2024, leading_zero=True) == (
        "tăng 15 cá nhân (tăng 100%) so với cùng kỳ năm 2024"
    )


def test_describe_change_uses_previous_year() -> None:
    assert describe_change(10, 10, "vụ", 2025) == "bằng cùng kỳ năm 2025"
    assert describe_change(11, 10, "vụ", 2025) == "tăng 1 vụ (tăng 10%) so với cùng kỳ năm 2025"


@pytest.mark.parametrize(
    ("current", "previous", "expected"),
    [
        (
            165_000_000,
            150_000_000,
            "tăng 15.000.000 đồng (tăng 10%) so với cùng kỳ năm 2023",
        ),
        (
            135_000_000,
            150_000_000,
            "giảm 15.000.000 đồng (giảm 10%) so với cùng kỳ năm 2023",
        ),
        (150_000_000, 150_000_000, "bằng cùng kỳ năm 2023"),
        (
            20_000_000,
            0,
            "tăng 20.000.000 đồng so với cùng kỳ năm 2023 (cùng kỳ không phát sinh)",
        ),
        (20_000_000, None, "chưa có số liệu cùng kỳ năm 2023 để so sánh"),
        (Decimal("100.3"), 100, "xấp xỉ cùng kỳ năm 2023"),
        (
            1_500_000_001,
            1_500_000_000,
            "tăng 1 đồng (tăng dưới 0,01%) so với cùng kỳ năm 2023",
        ),
    ],
)
def test_describe_change_money(current: int | Decimal, previous: int | None, expected: str) -> None:
    # the unit is ignored: money is always in "đồng"
    assert describe_change(current, previous, "vụ", 2023, kind="money") == expected


@pytest.mark.parametrize(
    ("current", "previous", "expected"),
    [
        (89.72, 89.16, "cao hơn 0,56% so với cùng kỳ năm 2023"),
        (88.5, 89.7, "thấp hơn 1,2% so với cùng kỳ năm 2023"),
        (89.72, 89.72, "bằng cùng kỳ năm 2023"),
        (Decimal("89.7200"), 89.72, "bằng cùng kỳ năm 2023"),
        (89.721, 89.719, "xấp xỉ cùng kỳ năm 2023"),
        (Decimal("0.770"), Decimal("0.774"), "xấp xỉ cùng kỳ năm 2023"),
        (89.725, 89.72, "cao hơn 0,01% so với cùng kỳ năm 2023"),  # 0.005 rounds half up
        (0.77, 1.0, "thấp hơn 0,23% so với cùng kỳ năm 2023"),
        (5, 0, "cao hơn 5% so với cùng kỳ năm 2023"),  # a rate of 0% is a real value
        (0, 5, "thấp hơn 5% so với cùng kỳ năm 2023"),
        (89.72, None, "chưa có số liệu cùng kỳ năm 2023 để so sánh"),
        (None, 89.72, "chưa có số liệu kỳ này để so sánh với cùng kỳ năm 2023"),
    ],
)
def test_describe_change_rate(
    current: float | Decimal | None, previous: float | Decimal | None, expected: str
) -> None:
    assert describe_change(current, previous, "", 2023, kind="rate") == expected


def test_describe_change_rejects_bad_arguments() -> None:
    with pytest.raises(ValueError):
        describe_change(1, 2, "vụ", 2023, kind="percent")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        describe_change(1, 2, "vụ", "2023")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        describe_change(float("inf"), 2, "vụ", 2023)


@given(
    st.one_of(st.none(), st.integers(min_value=0, max_value=10**9)),
    st.one_of(st.none(), st.integers(min_value=0, max_value=10**9)),
    st.sampled_from(["count", "money", "rate"]),
)
def test_describe_change_is_always_clean(
    current: int | None, previous: int | None, kind: str
) -> None:
    text = describe_change(current, previous, "vụ, việc", 2023, kind=kind)  # type: ignore[arg-type]
    assert unicodedata.is_normalized("NFC", text)
    lowered = text.lower()
    for bad in ("none", "nan", "inf", "-"):
        assert bad not in lowered, text
    if current is not None and previous == 0 and current > 0 and kind != "rate":
        assert "%" not in text


# --------------------------------------------------------------------------- targets


def test_evaluate_target_at_least() -> None:
    above = evaluate_target(92.1, 90, "toi_thieu")
    assert above == TargetStatus(Decimal("92.1"), Decimal(90), "toi_thieu", True, Decimal("2.1"))
    equal = evaluate_target(90, 90, "toi_thieu")
    assert equal.met and equal.margin == 0
    below = evaluate_target(86.5, 90, "toi_thieu")
    assert not below.met
    assert below.margin == Decimal("3.5")


def test_evaluate_target_at_most() -> None:
    below = evaluate_target(0.77, 1.5, "toi_da")
    assert below.met
    assert below.margin == Decimal("0.73")
    assert evaluate_target(1.5, 1.5, "toi_da").met
    above = evaluate_target(2, 1.5, "toi_da")
    assert not above.met
    assert above.margin == Decimal("0.5")


def test_evaluate_target_compares_as_printed() -> None:
    # 89,996% is printed "90%": it meets a 90% target
    status = evaluate_target(89.996, 90, "toi_thieu")
    assert status.met
    assert status.margin == Decimal("0.004")
    assert not evaluate_target(89.994, 90, "toi_thieu").met
    assert evaluate_target(Decimal("1.504"), 1.5, "toi_da").met
    assert not evaluate_target(Decimal("1.505"), 1.5, "toi_da").met


def test_evaluate_target_errors() -> None:
    with pytest.raises(ValueError):
        evaluate_target(90, 90, "it_nhat")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        evaluate_target(None, 90, "toi_thieu")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "target", "kind", "expected"),
    [
        (92.1, 90, "toi_thieu", "vượt 2,1% so với chỉ tiêu"),
        (Decimal("89.72"), 88, "toi_thieu", "vượt 1,72% so với chỉ tiêu"),
        (90, 90, "toi_thieu", "đạt chỉ tiêu"),
        (89.996, 90, "toi_thieu", "đạt chỉ tiêu"),
        (100, 100, "toi_thieu", "đạt chỉ tiêu"),
        (86.5, 90, "toi_thieu", "chưa đạt chỉ tiêu (thấp hơn 3,5%)"),
        (89.994, 90, "toi_thieu", "chưa đạt chỉ tiêu (thấp hơn 0,01%)"),
        (0.77, 1.5, "toi_da", "đạt chỉ tiêu (thấp hơn 0,73% so với mức tối đa)"),
        (0, 1.5, "toi_da", "đạt chỉ tiêu (thấp hơn 1,5% so với mức tối đa)"),
        (1.5, 1.5, "toi_da", "đạt chỉ tiêu"),
        (2, 1.5, "toi_da", "chưa đạt chỉ tiêu (cao hơn 0,5% so với mức tối đa)"),
        (Decimal("1.505"), 1.5, "toi_da", "chưa đạt chỉ tiêu (cao hơn 0,01% so với mức tối đa)"),
        (None, 90, "toi_thieu", "chưa có số liệu để đối chiếu với chỉ tiêu"),
        (float("nan"), 1.5, "toi_da", "chưa có số liệu để đối chiếu với chỉ tiêu"),
    ],
)
def test_describe_target(
    value: float | Decimal | None, target: float, kind: str, expected: str
) -> None:
    assert describe_target(value, target, kind) == expected  # type: ignore[arg-type]


def test_describe_target_rejects_bad_kind() -> None:
    with pytest.raises(ValueError):
        describe_target(90, 90, "toi_thieu ")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        describe_target(None, 90, "")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("target", "kind", "expected"),
    [
        (90, "toi_thieu", "chỉ tiêu từ 90% trở lên"),
        (85, "toi_thieu", "chỉ tiêu từ 85% trở lên"),
        (Decimal("99"), "toi_thieu", "chỉ tiêu từ 99% trở lên"),
        (62.5, "toi_thieu", "chỉ tiêu từ 62,5% trở lên"),
        (100, "toi_thieu", "chỉ tiêu 100%"),
        (1.5, "toi_da", "chỉ tiêu không quá 1,5%"),
        (Decimal("1.50"), "toi_da", "chỉ tiêu không quá 1,5%"),
        (0, "toi_da", "chỉ tiêu 0%"),
    ],
)
def test_describe_target_requirement(target: float | Decimal, kind: str, expected: str) -> None:
    assert describe_target_requirement(target, kind) == expected  # type: ignore[arg-type]


def test_describe_target_requirement_errors() -> None:
    with pytest.raises(ValueError):
        describe_target_requirement(90, "min")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        describe_target_requirement(None, "toi_thieu")  # type: ignore[arg-type]


def test_sentence_reads_as_in_the_outline() -> None:
    sentence = (
        f"đạt tỷ lệ 92,1% ({describe_target_requirement(90, 'toi_thieu')}), "
        f"{describe_target(92.1, 90, 'toi_thieu')}"
    )
    assert sentence == "đạt tỷ lệ 92,1% (chỉ tiêu từ 90% trở lên), vượt 2,1% so với chỉ tiêu"


@given(
    st.decimals(min_value=0, max_value=100, places=3),
    st.decimals(min_value=0, max_value=100, places=2),
    st.sampled_from(["toi_thieu", "toi_da"]),
)
def test_target_words_agree_with_status(value: Decimal, target: Decimal, kind: str) -> None:
    status = evaluate_target(value, target, kind)  # type: ignore[arg-type]
    text = describe_target(value, target, kind)  # type: ignore[arg-type]
    assert text.startswith("chưa đạt") != status.met
    assert status.margin == abs(value - target)
    assert unicodedata.is_normalized("NFC", text)
