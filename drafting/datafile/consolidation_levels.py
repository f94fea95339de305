"""The units' levels in ``drafting consolidate`` (``phrasebank/cap_don_vi.yaml``).

- Units of one level are always consolidated together; units of two levels only when one
  names the other in ``tong_hop_voi`` (a provincial court with its regional courts, and
  until 2024 with its district courts); otherwise nothing is written and each file whose
  level does not go with an earlier file's is named at its ``don_vi.cap``.
- A unit without a level is consolidated, with a warning.
- The consolidated file's level is the ``--unit`` file's, else the units' common level,
  else the first level (in the file's order) that may be consolidated with all the others
  (a provincial court with regional courts gives ``tinh``).
- A figure a unit leaves empty because its group does not apply or is optional for its
  level (a regional court has no review petitions) is not warned about.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from drafting.bank.bank import Bank
from drafting.bank.levels import LEVEL_KEY
from drafting.errors import Problem, ProblemsError
from drafting.report import ReportData


def _name(bank: Bank, level: str) -> str:
    found = bank.levels.get(level)
    return f"{found.name} ({level})" if found is not None else level


def allowed_pairs(bank: Bank) -> str:
    """The levels that may be consolidated together, as a sentence part.

    >>> from drafting.bank.bank import default_bank
    >>> allowed_pairs(default_bank())
    'tinh và khu_vuc; tinh và huyen'
    """
    levels = bank.levels
    pairs: list[tuple[str, str]] = []
    for level_id in levels.ids:
        level = levels.get(level_id)
        for partner in level.partners if level is not None else ():
            if (partner, level_id) not in pairs:
                pairs.append((level_id, partner))
    return "; ".join(f"{a} và {b}" for a, b in pairs)


def consolidated_level(
    reports: Sequence[ReportData], unit_report: ReportData | None, bank: Bank, output_name: str
) -> tuple[str | None, list[Problem]]:
    """The consolidated file's level and the warnings about levels; raise
    :class:`ProblemsError` when levels that may not be consolidated together are mixed."""
    levels = bank.levels
    everyone = [*reports, *([unit_report] if unit_report is not None else [])]
    problems: list[Problem] = []
    seen: list[ReportData] = []
    for report in everyone:
        level = report.level
        clash = next((o for o in seen if o.level and level and not levels.may_consolidate(o.level, level)), None)
        if clash is not None:
            assert level is not None and clash.level is not None
            problems.append(
                Problem(
                    report.source,
                    report.locations.line("don_vi", LEVEL_KEY),
                    f"don_vi.{LEVEL_KEY}",
                    f"đơn vị là {_name(bank, level)}, không tổng hợp chung được với {Path(clash.source).name} "
                    f"({_name(bank, clash.level)}); các cấp được tổng hợp chung: {allowed_pairs(bank)}",
                )
            )
        seen.append(report)
    if problems:
        raise ProblemsError(problems)
    warnings = [
        Problem(
            r.source,
            r.locations.line("don_vi"),
            f"don_vi.{LEVEL_KEY}",
            "đơn vị chưa ghi cấp (don_vi.cap): tổng hợp được, nhưng không kiểm tra được cấp có được tổng hợp chung",
        )
        for r in reports
        if r.level is None
    ]
    if unit_report is not None and unit_report.level is not None:
        return unit_report.level, warnings
    found = {r.level for r in reports if r.level is not None}
    if len(found) == 1:
        return next(iter(found)), warnings
    for level_id in levels.ids:
        candidate = levels.get(level_id)
        if candidate is not None and level_id in found and found - {level_id} <= set(candidate.partners):
            return level_id, warnings
    return None, warnings


def expected_empty(report: ReportData, group_id: str, bank: Bank) -> bool:
    """Whether ``report`` may leave ``group_id`` empty: it does not apply or is optional at its level."""
    return report.level is not None and bank.levels.group_use(group_id, report.year, report.level) != "ap_dung"


__all__ = ["allowed_pairs", "consolidated_level", "expected_empty"]
