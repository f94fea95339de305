"""Property-based tests: any figures within the catalogue's bounds make a report.

Random data files (written as YAML text, as a writer would) are validated, composed
and rendered; the output is NFC, never shows a Python artefact ("None", "nan", "inf")
or template syntax, every number written parses back to the value it came from, and
the words "tăng"/"giảm" ("cao hơn"/"thấp hơn" for rates) follow the sign of the change.
"""

from __future__ import annotations

import io
import json
import re
import unicodedata
from decimal import Decimal
from typing import Any

import docx
from docx.oxml.ns import qn
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafting.bank.bank import default_bank
from drafting.bank.catalogue import Figure
from drafting.composition.composer import compose
from drafting.composition.figure_prose import figure_clause
from drafting.datafile.validate import parse_report
from drafting.export.docx import build_docx
from drafting.export.text import to_markdown, to_text
from drafting.figures.arith import round_half_up, round_rate
from drafting.figures.views import evaluate
from drafting.report import ReportData
from drafting.vi.comparison import describe_change
from drafting.vi.numbers import format_count, format_money, format_number, format_percent, format_points, parse_number

CATALOGUE = default_bank().catalogue
ENTERED: tuple[Figure, ...] = tuple(f for f in CATALOGUE.figures.values() if f.entered)
MAX_COUNT = 10**6
MAX_MONEY = 10**12
MISSING = object()
NUMBER = r"\d[\d.]*(?:,\d+)?"
FORBIDDEN = re.compile(r"\bNone\b|\bnan\b|\bNaN\b|\binf\b|\bInfinity\b|\{\{|\{%|%\}|\}\}")
# Causes never contain the words whose agreement with the figures is checked.
CAUSES = (
    "",
    "do tội phạm về ma túy diễn biến phức tạp",
    "do thực hiện tốt công tác hòa giải, đối thoại",
    "do biến động về biên chế",
    "do “một cửa” hoạt động hiệu quả",
)

FAST = settings(max_examples=200, deadline=None, derandomize=True, database=None)
REPORTS = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
DOCX = settings(REPORTS, max_examples=4)


# --------------------------------------------------------------------------- strategies


def _entry(figure: Figure) -> st.SearchStrategy[Any]:
    """What a data file may hold for one figure (``MISSING``: the key is left out).

    One flat tuple per figure (shape, two values, a cause) keeps generation fast; the
    shapes reach every case: missing, null, equal, new (same period 0), off by one,
    one side missing, independent values.
    """
    bound = MAX_MONEY if figure.kind == "tien" else MAX_COUNT
    raw = st.tuples(st.integers(0, 8), st.integers(0, bound), st.integers(0, bound), st.sampled_from(CAUSES))

    def build(parts: tuple[int, int, int, str]) -> Any:
        shape, a, b, cause = parts
        if not figure.compared:
            return (MISSING, None)[shape] if shape < 2 else a
        near = a + 1 if a < bound else a - 1
        return (
            MISSING,
            {},
            {"ky_nay": a, "cung_ky": b, "nguyen_nhan": cause},
            {"ky_nay": a, "cung_ky": a, "nguyen_nhan": cause},
            {"ky_nay": a, "cung_ky": 0, "nguyen_nhan": cause},
            {"ky_nay": a, "cung_ky": near, "nguyen_nhan": cause},
            {"ky_nay": near, "cung_ky": a},
            {"ky_nay": a, "cung_ky": None},
            {"ky_nay": None, "cung_ky": b},
        )[shape]

    return raw.map(build)


ENTRIES = st.tuples(*(_entry(f) for f in ENTERED))


@st.composite
def data_files(draw: st.DrawFn) -> tuple[str, dict[str, Any], int]:
    """YAML text of a data file, the entries it holds by figure id, and its year."""
    year = draw(st.integers(2001, 2100))
    entries = dict(zip((f.id for f in ENTERED), draw(ENTRIES), strict=True))
    lines = [
        f"nam: {year}",
        "tuy_chon:",
        f"  so_0_dau: {json.dumps(draw(st.booleans()))}",
        f"  tien_gon: {json.dumps(draw(st.booleans()))}",
        f"  hat_giong: {draw(st.integers(0, 10**6))}",
        "so_lieu:",
    ]
    for group in CATALOGUE.groups:
        present = [f for f in group.figures if f.entered and entries[f.id] is not MISSING]
        if present:
            lines.append(f"  {group.id}:")
        for figure in present:
            entry = entries[figure.id]
            if not isinstance(entry, dict):
                lines.append(f"    {figure.key}: {json.dumps(entry)}")
                continue
            lines.append(f"    {figure.key}:" + ("" if entry else " {}"))
            for key, value in entry.items():
                lines.append(f"      {key}: {json.dumps(value, ensure_ascii=False)}")
    return "\n".join(lines) + "\n", {k: v for k, v in entries.items() if v is not MISSING}, year


# --------------------------------------------------------------------------- helpers


def _assert_clean(text: str) -> None:
    assert unicodedata.is_normalized("NFC", text)
    found = FORBIDDEN.search(text)
    assert found is None, text[max(0, found.start() - 80) : found.end() + 80]


def _values(entries: dict[str, Any], figure_id: str) -> tuple[int | None, int | None]:
    entry = entries.get(figure_id)
    if isinstance(entry, dict):
        return entry.get("ky_nay"), entry.get("cung_ky")
    return entry, None


def _rate(entries: dict[str, Any], figure: Figure, previous: bool) -> Decimal | None:
    def total(ids: tuple[str, ...]) -> int | None:
        values = [_values(entries, i)[1 if previous else 0] for i in ids]
        return None if any(v is None for v in values) else sum(v for v in values if v is not None)

    num, den = total(figure.numerator), total(figure.denominator)
    if num is None or den is None or den == 0:
        return None
    return Decimal(num) / Decimal(den) * 100


def _parse_money(text: str) -> tuple[Decimal, Decimal]:
    """The amount a money text stands for, and how far rounding may have moved it."""
    number = re.match(NUMBER, text)
    assert number, text
    value = parse_number(number.group())
    rest = text[number.end() :]
    if rest.startswith(" triệu đồng"):
        return value * 10**6, Decimal("0.005") * 10**6
    if rest.startswith(" tỷ đồng"):
        return value * 10**9, Decimal("0.005") * 10**9
    assert rest.startswith(" đồng"), text
    return value, Decimal(0)


def _check_change_words(after: str, current: int, previous: int | None, year: int) -> None:
    """The change text of a count or money clause, against the values entered."""
    period = f"cùng kỳ năm {year - 1}"
    words = re.findall(r"\b(tăng|giảm)\b", after)
    if previous is None:
        assert f"chưa có số liệu {period} để so sánh" in after
        assert not words
        return
    delta = current - previous
    if delta == 0:
        assert after.startswith(f", bằng {period}"), after
        assert not words
        return
    word = "tăng" if delta > 0 else "giảm"
    assert words and set(words[:2]) == {word}, after
    amount = re.match(rf", {word} ({NUMBER})", after)
    assert amount, after
    assert parse_number(amount.group(1)) == abs(delta)
    if previous == 0:
        assert "(cùng kỳ không phát sinh)" in after
        return
    percent = re.search(rf"\({word} (dưới 0,01%|({NUMBER})%)\) so với {period}", after)
    assert percent, after
    exact = abs(Decimal(delta)) / Decimal(previous) * 100
    if percent.group(2):
        assert parse_number(percent.group(2)) == round_half_up(exact, 2)
    else:
        assert round_half_up(exact, 2) == 0


def _check_clauses(report: ReportData, entries: dict[str, Any], year: int, text: str) -> int:
    """Every compared figure's clause is in ``text`` and says what the figures say."""
    views = evaluate(report, CATALOGUE)
    checked = 0
    for figure in CATALOGUE.figures.values():
        if not figure.compared:
            continue
        clause = figure_clause(views[figure.id], year, report.options)
        if clause is None:
            continue
        assert clause in text, clause
        if figure.kind != "ty_le" and views[figure.id].current == 0:
            # A zero is said in words, with the same period's value; never "0 … (giảm 100%)".
            assert clause.startswith(figure.none_text), clause
            assert "100%" not in clause
            checked += 1
            continue
        assert clause.startswith(figure.label + " ")
        rest = clause[len(figure.label) + 1 :]
        if figure.kind == "ty_le":
            now, before = _rate(entries, figure, False), _rate(entries, figure, True)
            assert now is not None
            shown = re.match(rf"({NUMBER})%", rest)
            assert shown and parse_number(shown.group(1)) == round_rate(now)
            period = f"cùng kỳ năm {year - 1}"
            if before is None:
                assert f"chưa có số liệu {period} để so sánh" in rest or f"{period} không phát sinh" in rest
            else:
                # A change of a rate is the difference of the two printed rates.
                diff = round_rate(now) - round_rate(before)
                moved = re.search(rf"(cao hơn|thấp hơn) ({NUMBER})% so với {period}", rest)
                if diff == 0:
                    assert moved is None and (f"bằng {period}" in rest or f"xấp xỉ {period}" in rest)
                else:
                    assert moved, rest
                    assert moved.group(1) == ("cao hơn" if diff > 0 else "thấp hơn")
                    assert parse_number(moved.group(2)) == round_half_up(abs(diff), 2)
        else:
            current, previous = _values(entries, figure.id)
            assert current is not None
            if figure.kind == "tien":
                value, tolerance = _parse_money(rest)
                assert abs(value - current) <= tolerance
                after = rest[rest.index(" đồng") + len(" đồng") :]
            else:
                unit = f" {figure.unit}"
                number = re.match(rf"({NUMBER}){re.escape(unit)}", rest)
                assert number, rest
                assert parse_number(number.group(1)) == current
                after = rest[number.end() :]
            _check_change_words(after, current, previous, year)
        checked += 1
    return checked


def _docx_text(document: Any) -> str:
    stream = io.BytesIO()
    build_docx(document).save(stream)
    stream.seek(0)
    reopened = docx.Document(stream)
    body = reopened.element.body
    return "\n".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in body.iter(qn("w:p")))


# --------------------------------------------------------------------------- reports


@REPORTS
@given(data_files())
def test_any_figures_within_bounds_compose_and_render(case: tuple[str, dict[str, Any], int]) -> None:
    text, entries, year = case
    report = parse_report(text, "ngau-nhien.yaml")
    assert report.year == year
    document = compose(report)
    markdown, plain = to_markdown(document), to_text(document)
    for output in (markdown, plain):
        _assert_clean(output)
    checked = _check_clauses(report, entries, year, plain)
    assert checked == _check_clauses(report, entries, year, markdown)


@DOCX
@given(data_files())
def test_any_figures_within_bounds_render_to_docx(case: tuple[str, dict[str, Any], int]) -> None:
    text, entries, year = case
    report = parse_report(text, "ngau-nhien.yaml")
    document = compose(report)
    content = _docx_text(document)
    _assert_clean(content)
    views = evaluate(report, CATALOGUE)
    for figure in CATALOGUE.figures.values():
        clause = figure_clause(views[figure.id], year, report.options) if figure.compared else None
        if clause is not None:
            assert clause in content


def test_the_generator_covers_every_direction() -> None:
    """Sanity check of the strategy: the sample values reach each branch once."""
    seen: set[str] = set()

    @settings(REPORTS, max_examples=30)
    @given(data_files())
    def collect(case: tuple[str, dict[str, Any], int]) -> None:
        for entry in case[1].values():
            if isinstance(entry, dict) and entry.get("ky_nay") is not None and entry.get("cung_ky") is not None:
                a, b = entry["ky_nay"], entry["cung_ky"]
                seen.add("bang" if a == b else "moi" if b == 0 else "tang" if a > b else "giam")

    collect()
    assert seen == {"bang", "moi", "tang", "giam"}


# --------------------------------------------------------------------------- formatting

decimals = st.decimals(min_value=-(10**12), max_value=10**12, places=4, allow_nan=False, allow_infinity=False)
floats = st.floats(min_value=-(10**9), max_value=10**9, allow_nan=False, allow_infinity=False)


@FAST
@given(st.one_of(decimals, floats, st.integers(-(10**12), 10**12)), st.integers(0, 3))
def test_format_number_parses_back(value: Decimal | float | int, places: int) -> None:
    text = format_number(value, places)
    _assert_clean(text)
    assert parse_number(text) == round_half_up(value, places)


@FAST
@given(st.integers(0, 10**9), st.sampled_from(["", "vụ", "vụ, việc", "cá nhân"]), st.booleans())
def test_format_count_parses_back(n: int, unit: str, leading_zero: bool) -> None:
    text = format_count(n, unit, leading_zero=leading_zero)
    number = text[: -len(unit) - 1] if unit else text
    assert parse_number(number) == n
    assert text.endswith(unit)


@FAST
@given(st.one_of(st.integers(0, 10**15), decimals.map(abs)), st.booleans())
def test_format_money_parses_back(amount: int | Decimal, short: bool) -> None:
    text = format_money(amount, short=short)
    _assert_clean(text)
    assert "VNĐ" not in text and "₫" not in text
    value, tolerance = _parse_money(text)
    if not short or tolerance == 0:
        assert value == round_half_up(amount, 0)
    else:
        assert abs(value - Decimal(amount)) <= tolerance


@FAST
@given(st.one_of(decimals, floats))
def test_percentages_parse_back(value: Decimal | float) -> None:
    text = format_percent(value)
    assert text.endswith("%") and not text.endswith(" %")
    assert parse_number(text[:-1]) == round_half_up(value, 2)
    points = format_points(value)
    assert parse_number(points[:-1]) == round_half_up(
        abs(Decimal(repr(value)) if isinstance(value, float) else value), 2
    )


@FAST
@given(
    st.integers(0, MAX_MONEY),
    st.one_of(st.none(), st.integers(0, MAX_MONEY)),
    st.sampled_from(["count", "money"]),
    st.integers(2000, 2100),
)
def test_describe_change_words_follow_the_sign(current: int, previous: int | None, kind: str, year: int) -> None:
    text = describe_change(current, previous, "vụ", year, kind=kind)  # type: ignore[arg-type]
    _assert_clean(text)
    after = ", " + text
    if kind == "money" and previous is not None and current != previous:
        word = "tăng" if current > previous else "giảm"
        assert text.startswith(f"{word} ") and re.findall(r"\b(tăng|giảm)\b", text)[:2] == [word] * (
            1 if previous == 0 else 2
        )
        value, _ = _parse_money(text[len(word) + 1 :])
        assert value == abs(current - previous)
        return
    if kind == "count" and previous is not None and current != previous:
        # describe_change writes the unit after the amount.
        assert re.match(rf"(tăng|giảm) {NUMBER} vụ", text), text
    _check_change_words(after, current, previous, year + 1)


@FAST
@given(decimals.map(lambda d: abs(d) % 200), decimals.map(lambda d: abs(d) % 200), st.integers(2000, 2100))
def test_describe_change_of_rates_in_points(current: Decimal, previous: Decimal, year: int) -> None:
    text = describe_change(current, previous, "", year, kind="rate")
    _assert_clean(text)
    diff = current - previous
    if round_half_up(diff, 2) == 0:
        assert text in (f"bằng cùng kỳ năm {year}", f"xấp xỉ cùng kỳ năm {year}")
        return
    word = "cao hơn" if diff > 0 else "thấp hơn"
    match = re.fullmatch(rf"{word} ({NUMBER})% so với cùng kỳ năm {year}", text)
    assert match, text
    assert parse_number(match.group(1)) == round_half_up(abs(diff), 2)
