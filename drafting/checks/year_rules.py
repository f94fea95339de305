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
            f"chưa chọn cấp đơn vị: câu văn viết chung cho mọi cấp, mọi nhóm số liệu đều bắt buộc; "
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


def target_warnings(report: ReportData, bank: Bank) -> list[Finding]:
    """The targets of the report's year that have no confirmed value (so no rate is held
    against them), and how a court adds them."""
    from drafting.figures.views import effective_targets
    from drafting.vi.numbers import format_percent

    catalogue, levels, year = bank.catalogue, bank.levels, report.year
    have = effective_targets(catalogue, report)
    wanted = [
        f.target
        for f in catalogue.figures.values()
        if f.target and levels.group_use(f.group, year, report.level) != "khong"
    ]
    absent = [tid for tid in dict.fromkeys(wanted) if tid not in have]
    if not absent:
        return []
    definitions = catalogue.targets.definitions
    names = ", ".join(definitions[tid].label for tid in absent)
    if len(absent) == len(set(wanted)):
        message = f"năm {year} chưa có chỉ tiêu nào trong kho câu mẫu: báo cáo không đối chiếu tỷ lệ với chỉ tiêu"
    else:
        message = f"năm {year} chưa có chỉ tiêu {names}: các tỷ lệ này không được đối chiếu với chỉ tiêu"
    unconfirmed = [t for t in catalogue.targets.unconfirmed(year) if t.id in absent]
    if unconfirmed:
        message += "; giá trị chưa xác nhận từ văn bản công bố nên không dùng: " + ", ".join(
            f"{t.label} {format_percent(t.value)}" for t in unconfirmed
        )
    message += (
        f". Để đối chiếu, ghi chỉ tiêu năm {year} kèm văn bản nguồn vào kho câu mẫu riêng của đơn vị"
        " hoặc vào tệp dữ liệu (hướng dẫn: phrasebank/README.md, mục “Chỉ tiêu theo năm”)"
    )
    line = report.locations.line("chi_tieu") or report.locations.line("nam")
    return [Finding(report.source, line, "chi_tieu", "II.3", message)]


def movement_warnings(report: ReportData, bank: Bank) -> list[Finding]:
    """Movements of the file the outline names only for other years (a theme of last year)."""
    outline, year = bank.outline, report.year
    of_the_year = {m.id for m in outline.movements_in(year)}
    out: list[Finding] = []
    for index, movement in enumerate(report.movements):
        named = outline.movement(movement.id, year) if movement.id else None
        if named is None or movement.id in of_the_year:
            continue
        name = render(named.name, year_context(year))
        years = named.validity.describe().removeprefix("chỉ dùng cho báo cáo ")
        what = (
            "kết quả đã nhập vẫn được đưa vào báo cáo như một phong trào đơn vị tự thêm"
            if movement.result
            else "xóa mục này khỏi danh sách phong_trao"
        )
        message = f"phong trào “{name}” chỉ có trong đề cương {years}, không có trong đề cương năm {year}: {what}"
        parts = ("phong_trao", index, "id")
        section = outline.list_section(f"phong_trao_{movement.group}")
        out.append(Finding(report.source, report.locations.line(*parts), key_path(*parts), section, message))
    return out


__all__ = ["level_warnings", "movement_warnings", "target_warnings"]
