"""The annex of a consolidated report: the figures of each unit.

A file written by ``drafting consolidate`` keeps each unit's values of this period
(``so_lieu_don_vi``). The annex shows them as one table per figure group: a row per
unit, a column per figure (rates computed from the unit's own counts), and a last row
with the consolidated totals.
"""

from __future__ import annotations

from collections.abc import Mapping

from drafting.bank.catalogue import Catalogue, Figure, FigureGroup
from drafting.bank.sandbox import render
from drafting.composition.context import year_context
from drafting.composition.figure_prose import upper_first
from drafting.document import Section, Table
from drafting.figures.arith import rate
from drafting.report import ReportData
from drafting.vi.numbers import format_number, format_percent

ANNEX_ID = "PL1"
ANNEX_NUMBER = "1"
ANNEX_HEADING = "Số liệu của từng đơn vị năm {{ nam }}"
TOTAL_ROW = "Tổng cộng"
EMPTY = "-"


def _sum(values: list[int | None]) -> int | None:
    if any(v is None for v in values):
        return None
    return sum(v for v in values if v is not None)


def _value(figure: Figure, values: Mapping[str, int | None]) -> int | float | None:
    """A figure's value from entered values; rates computed from their counts."""
    if figure.kind != "ty_le":
        return values.get(figure.id)
    shown = rate(_sum([values.get(f) for f in figure.numerator]), _sum([values.get(f) for f in figure.denominator]))
    return None if shown is None else float(shown)


def _cell(figure: Figure, value: int | float | None) -> str:
    if value is None:
        return EMPTY
    if figure.kind == "ty_le":
        return format_percent(value)
    return format_number(value)


def _header(figure: Figure) -> str:
    unit = "" if figure.kind == "ty_le" else figure.unit
    return f"{upper_first(figure.label)} ({unit})" if unit else upper_first(figure.label)


def _group_table(group: FigureGroup, report: ReportData, years: Mapping[str, int]) -> Table | None:
    totals = {fid: value.current for fid, value in report.figures.items()}
    units = [u for u in report.units if u in report.unit_figures] or list(report.unit_figures)
    per_unit = [(u, report.unit_figures.get(u, {})) for u in units]
    columns = []
    for figure in group.figures:
        cells = [_value(figure, values) for _, values in per_unit]
        if all(c in (None, 0) for c in cells) and _value(figure, totals) in (None, 0):
            continue
        columns.append((figure, cells))
    if not columns:
        return None
    header = ("TT", "Đơn vị", *(_header(f) for f, _ in columns))
    rows: list[tuple[str, ...]] = []
    for index, (unit, _) in enumerate(per_unit):
        rows.append((str(index + 1), unit, *(_cell(f, cells[index]) for f, cells in columns)))
    rows.append(("", TOTAL_ROW, *(_cell(f, _value(f, totals)) for f, _ in columns)))
    return Table(header=header, rows=tuple(rows), caption=upper_first(render(group.title, years)))


def annex_sections(report: ReportData, catalogue: Catalogue) -> tuple[Section, ...]:
    """The annex of a consolidated report (none for a single unit's report)."""
    if not report.unit_figures:
        return ()
    years = year_context(report.year)
    tables = tuple(t for g in catalogue.groups if (t := _group_table(g, report, years)) is not None)
    if not tables:
        return ()
    return (Section(ANNEX_ID, ANNEX_NUMBER, render(ANNEX_HEADING, years), 1, tables),)
