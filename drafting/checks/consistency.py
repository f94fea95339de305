"""Consistency of the figures: the rules of :mod:`drafting.bank.rules` applied to a report.

Each rule is applied to this period (``ky_nay``) and, when every figure involved is
compared, to the same period (``cung_ky``). A broken rule gives one finding that names
the figures, their values and their lines in the data file.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from drafting.bank.bank import Bank
from drafting.bank.catalogue import Catalogue, Figure
from drafting.bank.rules import Check
from drafting.checks.findings import Finding, key_path
from drafting.figures.arith import rate
from drafting.report import ReportData
from drafting.vi.numbers import format_count, format_money, format_number, format_percent

PERIODS = ("ky_nay", "cung_ky")
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


class _Values:
    """Values, texts and places of the figures of one report in one period."""

    def __init__(self, report: ReportData, catalogue: Catalogue, period: str) -> None:
        self.report = report
        self.catalogue = catalogue
        self.period = period
        years = {"nam": report.year, "nam_truoc": report.year - 1, "nam_sau": report.year + 1}
        self.years = years

    def value(self, fid: str) -> int | None:
        entry = self.report.figure(fid)
        return entry.current if self.period == "ky_nay" else entry.previous

    def key(self, fid: str) -> str:
        figure = self.catalogue.figures[fid]
        if figure.compared:
            return key_path("so_lieu", figure.group, figure.key, self.period)
        return key_path("so_lieu", figure.group, figure.key)

    def line(self, fid: str) -> int | None:
        figure = self.catalogue.figures[fid]
        parts: tuple[str, ...] = ("so_lieu", figure.group, figure.key)
        if figure.compared:
            parts += (self.period,)
        return self.report.locations.line(*parts) or self.report.figure(fid).line

    def title(self, figure: Figure) -> str:
        if "{{" not in figure.title:
            return figure.title
        from drafting.bank.sandbox import TemplateProblem, render

        try:
            return render(figure.title, self.years)
        except TemplateProblem:
            return figure.title

    def amount(self, figure: Figure, value: int) -> str:
        if figure.kind == "tien":
            return format_money(value)
        return format_count(value, figure.unit, leading_zero=False)

    def one(self, fid: str) -> str:
        figure = self.catalogue.figures[fid]
        value = self.value(fid)
        assert value is not None
        line = self.line(fid)
        where = f" (dòng {line})" if line else ""
        return f"{self.title(figure)} {self.amount(figure, value)}{where}"

    def total(self, fids: tuple[str, ...]) -> str:
        values = [self.value(f) or 0 for f in fids]
        figures = [self.catalogue.figures[f] for f in fids]
        if len({(f.kind, f.unit) for f in figures}) == 1:
            return self.amount(figures[0], sum(values))
        return format_number(sum(values))

    def side(self, fids: tuple[str, ...]) -> str:
        if len(fids) == 1:
            return self.one(fids[0])
        return " + ".join(self.one(f) for f in fids) + " = " + self.total(fids)

    def label(self) -> str:
        return "kỳ này" if self.period == "ky_nay" else f"cùng kỳ năm {self.report.year - 1}"


def _fill(template: str, values: Mapping[str, str]) -> str:
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template)


def check_consistency(report: ReportData, bank: Bank) -> list[Finding]:
    """Every broken rule of ``report``, one finding each, in rule order then period."""
    catalogue, rules = bank.catalogue, bank.rules
    findings: list[Finding] = []
    for period in PERIODS:
        values = _Values(report, catalogue, period)
        fired: set[tuple[str, str]] = set()
        for check in rules.checks:
            involved = check.parts + check.wholes
            if period == "cung_ky" and not all(catalogue.figures[f].compared for f in involved):
                continue
            finding = _apply(check, values, catalogue, fired)
            if finding is not None:
                findings.append(finding)
    return findings


def _apply(check: Check, values: _Values, catalogue: Catalogue, fired: set[tuple[str, str]]) -> Finding | None:
    report = values.report
    first = check.wholes[0] if check.kind == "tong_bang" else check.parts[0]
    figure = catalogue.figures[first]
    section = catalogue.group(figure.group).section

    def finding(message: str) -> Finding:
        return Finding(report.source, values.line(first), values.key(first), section, message)

    if check.kind == "khong_am":
        value = values.value(first)
        if value is None or value >= 0:
            return None
        return finding(_fill(check.message, {"ky": values.label(), "chi_so": values.one(first)}))
    if check.kind == "tong_bang":
        total = values.value(check.wholes[0])
        present = tuple(f for f in check.parts if values.value(f) is not None)
        if total is None or not present:
            return None
        parts_sum = sum(values.value(f) or 0 for f in present)
        complete = len(present) == len(check.parts)
        if (complete and parts_sum == total) or (not complete and parts_sum <= total):
            return None
        if any((p, check.wholes[0]) in fired for p in check.parts):
            return None
        return finding(
            _fill(
                check.message,
                {
                    "ky": values.label(),
                    "tong": values.one(check.wholes[0]),
                    "cac_phan": "; ".join(values.one(f) for f in present),
                    "tong_cac_phan": values.total(present),
                },
            )
        )
    part_values = [values.value(f) for f in check.parts]
    whole_values = [values.value(f) for f in check.wholes]
    if any(v is None for v in part_values + whole_values):
        return None
    part_sum = sum(v or 0 for v in part_values)
    whole_sum = sum(v or 0 for v in whole_values)
    if part_sum <= whole_sum:
        return None
    for p in check.parts:
        for w in check.wholes:
            fired.add((p, w))
    if check.kind == "ty_le":
        rate_figure = catalogue.figures[check.rate]
        shown = rate(part_sum, whole_sum)
        rate_text = values.title(rate_figure) + (f" ({format_percent(shown)})" if shown is not None else "")
        return finding(
            _fill(
                check.message,
                {
                    "ky": values.label(),
                    "ty_le": rate_text,
                    "tu_so": values.side(check.parts),
                    "mau_so": values.side(check.wholes),
                },
            )
        )
    return finding(
        _fill(
            check.message, {"ky": values.label(), "phan": values.side(check.parts), "tong": values.side(check.wholes)}
        )
    )
