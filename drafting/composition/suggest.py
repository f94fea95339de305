"""The phrases offered for a section of a report, for a program that is not the editor.

>>> from drafting.datafile.validate import load_report
>>> from drafting.resources import SAMPLE_PATH
>>> offered = section_suggestions(load_report(SAMPLE_PATH), "III.1")
>>> offered[0].phrase.section, type(offered[0].applies)
('III.1', <class 'bool'>)
"""

from __future__ import annotations

from drafting.bank.bank import Bank, default_bank
from drafting.composition.explain import Suggestion, suggestions
from drafting.errors import Problem, ProblemsError
from drafting.files.fields import did_you_mean
from drafting.report import ReportData


def section_suggestions(report: ReportData, section_id: str, bank: Bank | None = None) -> list[Suggestion]:
    """Every phrase of ``section_id`` (an outline id: ``"III.1"``) for ``report``, in bank
    order: whether it is suggested (``applies``), why (``reason``, in Vietnamese) and the
    state of the claim it words (``state``: ``goi_y``, ``co_the_chon``, ``trai_so_lieu``,
    ``can_xac_nhan``, ``chua_du_so_lieu``).

    Raises :class:`ProblemsError` for a section the outline does not have."""
    from drafting.composition.composer import Composer

    bank = bank if bank is not None else default_bank()
    if section_id not in bank.outline.ids:
        message = f"không có mục “{section_id}” trong đề cương" + did_you_mean(section_id, bank.outline.ids)
        raise ProblemsError([Problem(report.source, None, "", message)])
    return suggestions(Composer.create(report, bank), section_id)
