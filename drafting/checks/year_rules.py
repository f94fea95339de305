"""``check`` warnings about what depends on the report's year: the unit's level
(``phrasebank/cap_don_vi.yaml``) and the targets of the year (``phrasebank/chi_tieu.yaml``)."""

from __future__ import annotations

from drafting.bank.bank import Bank
from drafting.bank.levels import LEVEL_KEY
from drafting.bank.sandbox import render
from drafting.checks.findings import Finding, key_path
from drafting.composition.context import year_context
from drafting.report import ReportData


def level_warnings(report: ReportData, bank: Bank) -> list[Finding]:
    """A unit without a level; figures entered in groups that do not apply to its level."""
    levels = bank.levels
    if not levels.levels:
        return []
    year, source, places = report.year, report.source, report.locations
    level = levels.get(report.level)
    if level is None:
        line = places.line("don_vi", LEVEL_KEY) or places.line("don_vi")
        message = (
            f"chưa chọn cấp đơn vị (don_vi.cap): câu văn viết chung cho mọi cấp, mọi nhóm số liệu đều bắt buộc; "
            f"năm {year} chọn một trong: {levels.choices(year)}"
        )
        return [Finding(source, line, key_path("don_vi", LEVEL_KEY), "don_vi", message)]
    out: list[Finding] = []
    catalogue = bank.catalogue
    for group in catalogue.groups:
        use, reason = levels.group_reason(group.id, year, level.id)
        if use != "khong" or not any(report.figure(f.id).current is not None for f in group.figures if f.entered):
            continue
        title = render(group.title, year_context(year))
        message = (
            f"nhóm số liệu “{title}” không áp dụng cho {level.name} ({reason.rstrip('.')}); "
            "số liệu đã nhập vẫn được đưa vào báo cáo: xóa đi nếu đơn vị không có"
        )
        line = places.line("so_lieu", group.id)
        out.append(Finding(source, line, key_path("so_lieu", group.id), group.section, message))
    return out


__all__ = ["level_warnings"]
