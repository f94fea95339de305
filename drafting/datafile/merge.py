"""Consolidation's lists: documents, movements and the lists the schema adds, merged.

Identical items of several units are written once, naming the units they come from;
values are written as YAML scalars (JSON strings are valid YAML).
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import TypeVar

from drafting.datafile.skeleton import comment_lines, scalar
from drafting.report import ReportData, Value
from drafting.schema import ListSpec

MAX_NAMED = 5
K = TypeVar("K", bound=Hashable)
Item = tuple[tuple[str, Value], ...]


def named(names: list[str]) -> str:
    shown = ", ".join(names[:MAX_NAMED])
    return shown + (f" và {len(names) - MAX_NAMED} đơn vị khác" if len(names) > MAX_NAMED else "")


def _units_text(names: list[str], all_units: int) -> str:
    """The units an item comes from: their names, or all of them."""
    if len(names) == all_units > 1:
        return "tất cả các đơn vị"
    return named(names)


def grouped(entries: list[tuple[K, str]]) -> list[tuple[K, list[str]]]:
    """Identical items once, in first-seen order, with the units that have them."""
    groups: dict[K, list[str]] = {}
    for key, name in entries:
        names = groups.setdefault(key, [])
        if name not in names:
            names.append(name)
    return list(groups.items())


def document_lines(reports: Sequence[ReportData], names: Sequence[str], spec: ListSpec) -> list[str]:
    entries: list[tuple[Item, str]] = [
        ((("loai", doc.kind), ("so", doc.number), ("ngay", doc.date), ("trich_yeu", doc.summary)), doc.unit or name)
        for report, name in zip(reports, names, strict=True)
        for doc in report.documents
    ]
    head = [
        "# Văn bản đã quán triệt, đã ban hành của các đơn vị (mục II.1), mỗi văn bản ghi đơn vị;",
        "# văn bản giống nhau ở nhiều đơn vị được ghi một lần.",
    ]
    return [*head, *item_lines(spec, entries, len(reports))]


def movement_lines(reports: Sequence[ReportData], names: Sequence[str], spec: ListSpec) -> list[str]:
    entries: list[tuple[Item, str]] = [
        (
            ((("id", m.id),) if m.id else (("ten", m.name), ("nhom", m.group))) + (("ket_qua", m.result),),
            m.unit or name,
        )
        for report, name in zip(reports, names, strict=True)
        for m in report.movements
        if m.result
    ]
    head = [
        "# Kết quả các phong trào thi đua của các đơn vị (mục II.2), mỗi kết quả ghi đơn vị;",
        "# kết quả giống nhau ở nhiều đơn vị được ghi một lần.",
    ]
    return [*head, *item_lines(spec, entries, len(reports))]


def list_lines(reports: Sequence[ReportData], names: Sequence[str], spec: ListSpec, comment: str) -> list[str]:
    """A list the schema adds: every unit's items (identical items once), each naming its unit."""
    entries: list[tuple[Item, str]] = [
        (tuple((k, v) for k, v in item.values if k != "don_vi"), str(item.get("don_vi") or name))
        for report, name in zip(reports, names, strict=True)
        for item in report.lists.get(spec.key, ())
    ]
    return [*comment_lines(comment), *item_lines(spec, entries, len(reports))]


def item_lines(spec: ListSpec, entries: list[tuple[Item, str]], all_units: int) -> list[str]:
    """The YAML lines of a merged list: identical items once, naming their units (``don_vi``)
    when the list has the field; empty values are left out."""
    items: list[str] = []
    for values, units in grouped(entries):
        present = [(k, v) for k, v in values if v not in (None, "", ())]
        if "don_vi" in spec.keys:
            present.append(("don_vi", _units_text(units, all_units)))
        if not present:
            items.append("  - {}")
        for j, (key, value) in enumerate(present):
            plain = spec.field(key).kind in ("lua_chon", "ma_phong_trao")
            items.append(f"{'  - ' if j == 0 else '    '}{key}: {value if plain else scalar(value)}")
    return [f"{spec.key}:" if items else f"{spec.key}: []", *items, ""]
