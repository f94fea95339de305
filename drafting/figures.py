"""Figures as the report uses them: entered values plus computed rates and targets.

:func:`evaluate` turns validated report data into one :class:`FigureView` per
catalogue figure: the values of this period and the same period (rates computed from
their counts, never averaged), the change, and the target status of rates.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .catalogue import Catalogue, Figure, Target
from .comparison import Change, TargetStatus, compute_change, evaluate_target
from .formatting import rate
from .report import ReportData


@dataclass(frozen=True)
class FigureView:
    """A figure with everything composition and checks need."""

    figure: Figure
    current: Decimal | int | None
    previous: Decimal | int | None
    cause: str
    change: Change
    target: Target | None
    status: TargetStatus | None
    line: int | None

    @property
    def has_value(self) -> bool:
        return self.current is not None

    @property
    def changed(self) -> bool:
        return self.change.direction in ("tang", "giam", "moi")


def _sum(values: list[int | None]) -> int | None:
    if not values or any(v is None for v in values):
        return None
    return sum(v for v in values if v is not None)


def effective_targets(catalogue: Catalogue, report: ReportData) -> dict[str, Target]:
    """The catalogue's targets with the data file's overrides applied."""
    out = dict(catalogue.targets)
    for key, value in report.target_overrides.items():
        base = out[key]
        out[key] = Target(base.id, base.label, base.kind, Decimal(str(value)))
    return out


def evaluate(report: ReportData, catalogue: Catalogue) -> dict[str, FigureView]:
    """Every catalogue figure of ``report``, in catalogue order."""
    targets = effective_targets(catalogue, report)
    views: dict[str, FigureView] = {}

    def entered(fid: str, previous: bool) -> int | None:
        value = report.figure(fid)
        return value.previous if previous else value.current

    for group in catalogue.groups:
        for figure in group.figures:
            value = report.figure(figure.id)
            current: Decimal | int | None
            prior: Decimal | int | None
            if figure.kind == "ty_le":
                current = rate(
                    _sum([entered(f, False) for f in figure.numerator]),
                    _sum([entered(f, False) for f in figure.denominator]),
                )
                prior = (
                    rate(
                        _sum([entered(f, True) for f in figure.numerator]),
                        _sum([entered(f, True) for f in figure.denominator]),
                    )
                    if figure.compared
                    else None
                )
                line = report.figure(figure.numerator[0]).line if figure.numerator else None
            else:
                current, prior = value.current, (value.previous if figure.compared else None)
                line = value.line
            target = targets.get(figure.target) if figure.target else None
            status = (
                evaluate_target(current, target.value, target.kind)
                if target is not None and current is not None
                else None
            )
            views[figure.id] = FigureView(
                figure=figure,
                current=current,
                previous=prior,
                cause=value.cause,
                change=compute_change(current, prior),
                target=target,
                status=status,
                line=line,
            )
    return views
