"""The report of an import, in Vietnamese: what was imported, unchanged, left empty,
what differs from the data file, and the cells not used."""

from __future__ import annotations

from drafting.bank.catalogue import Catalogue
from drafting.datafile.importing.plan import Entry, ImportPlan
from drafting.vi.numbers import format_number


def shown(value: object) -> str:
    """A value as the report shows it: numbers the Vietnamese way, text in quotes.

    >>> shown(1234), shown("do tăng"), shown(None)
    ('1.234', '“do tăng”', '(trống)')
    """
    if value is None or value == "":
        return "(trống)"
    if isinstance(value, int) and not isinstance(value, bool):
        return format_number(value, 0)
    return f"“{value}”"


def _count(entries: list[Entry]) -> str:
    figures = len({e.figure_id for e in entries})
    return f"{format_number(len(entries))} giá trị ({format_number(figures)} chỉ số)"


def report_lines(plan: ImportPlan, catalogue: Catalogue, dry_run: bool = False) -> list[str]:
    """The report, one line each (see the module docstring)."""
    new, same, empty, differ = plan.of("moi"), plan.of("giong"), plan.of("trong"), plan.of("khac")
    verb = "Sẽ nhập" if dry_run else "Đã nhập"
    lines = [f"Nhập số liệu từ {plan.book} vào {plan.target}{' (chạy thử, chưa ghi gì)' if dry_run else ''}:"]
    written = new + (differ if plan.overwrite else [])
    lines.append(f"  {verb}: {_count(written)}")
    lines.append(f"  Không đổi (tệp dữ liệu đã có đúng giá trị này): {_count(same)}")
    lines.append(f"  Để trống trong bảng tính (giữ nguyên tệp dữ liệu): {format_number(len(empty))} ô")
    if differ:
        if plan.overwrite:
            lines.append(f"  Thay giá trị đã có trong tệp dữ liệu (--overwrite): {format_number(len(differ))}")
        else:
            lines.append(
                f"  Khác với tệp dữ liệu, giữ nguyên giá trị trong tệp: {format_number(len(differ))} "
                "(dùng --overwrite để lấy giá trị của bảng tính)"
            )
        for entry in differ:
            values = f"tệp dữ liệu {shown(entry.old)}, bảng tính {shown(entry.new)}"
            lines.append(f"    {entry.describe(catalogue)}: {values} ({entry.place})")
    if plan.unused:
        lines.append(f"  Ô có nội dung nhưng không dùng: {format_number(len(plan.unused))}")
        lines.extend(f"    {place}" for place in plan.unused)
    return lines
