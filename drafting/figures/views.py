"""Figures as the report uses them: entered values plus computed rates and targets.

:func:`evaluate` turns validated report data into one :class:`FigureView` per
catalogue figure: the values of this period and the same period (rates computed from
their counts, never averaged, and rounded once with
:func:`~drafting.figures.arith.round_rate`), the change, and the target status of rates.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from drafting.bank.catalogue import Catalogue, Figure, Target
from drafting.figures.arith import rate, round_rate
from drafting.figures.change import Change, TargetStatus, compute_change, evaluate_target
from drafting.report import ReportData


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
    no_previous_base: bool = False
    """A rate whose denominator was 0 in the same period: nothing to compare with."""

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

    def sums(ids: tuple[str, ...], previous: bool) -> int | None:
        values = [report.figure(f).previous if previous else report.figure(f).current for f in ids]
        return _sum(values)

    for group in catalogue.groups:
        for figure in group.figures:
            value = report.figure(figure.id)
            current_in: tuple[int | None, ...]
            previous_in: tuple[int | None, ...] | None
            if figure.kind == "ty_le":
                current_in = (sums(figure.numerator, False), sums(figure.denominator, False))
                previous_in = (
                    (sums(figure.numerator, True), sums(figure.denominator, True)) if figure.compared else None
                )
                line = report.figure(figure.numerator[0]).line if figure.numerator else None
            else:
                current_in = (value.current,)
                previous_in = (value.previous,) if figure.compared else None
                line = value.line
            target = targets.get(figure.target) if figure.target else None
            views[figure.id] = _view(figure, current_in, previous_in, value.cause, line, target)
    return views


def _rounded(value: Decimal | None) -> Decimal | None:
    return round_rate(value) if value is not None else None


@lru_cache(maxsize=8192)
def _view(
    figure: Figure,
    current_in: tuple[int | None, ...],
    previous_in: tuple[int | None, ...] | None,
    cause: str,
    line: int | None,
    target: Target | None,
) -> FigureView:
    """One figure's view from its entered values (a rate's from its numerator and denominator).

    Kept by its inputs, all immutable: the editor's preview, evaluated again after every
    edit, computes again only the figures that changed.
    """
    current: Decimal | int | None
    prior: Decimal | int | None
    if figure.kind == "ty_le":
        # Rounded once, here: every clause, change and target test reads the printed value.
        current = _rounded(rate(*current_in))
        prior = _rounded(rate(*previous_in)) if previous_in is not None else None
    else:
        current = current_in[0]
        prior = previous_in[0] if previous_in is not None else None
    status = (
        evaluate_target(current, target.value, target.kind) if target is not None and current is not None else None
    )
    return FigureView(
        figure=figure,
        current=current,
        previous=prior,
        cause=cause,
        change=compute_change(current, prior),
        target=target,
        status=status,
        line=line,
        no_previous_base=figure.kind == "ty_le" and previous_in is not None and previous_in[1] == 0,
    )
