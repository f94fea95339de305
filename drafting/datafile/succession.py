"""What a new year's file takes from last year's files: the rules shared by the carry-over
(``drafting new F --from LAST.yaml``) and the merger of predecessors (``--from A --from B``).

- Every predecessor is of the year before the new one.
- The new unit's level is the one asked for (refused when it does not exist that year),
  else the predecessors' common level when it still exists, else left empty, with a note.
- Figure groups that do not apply to the new level are not carried, with a note naming
  the files whose figures are dropped (never silently).
- The movements the outline names are those of the new year: a movement of other years
  leaves the list (its result was last year's text), the new year's are added.
"""

from __future__ import annotations

from collections.abc import MutableMapping, Sequence
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from drafting.bank.bank import Bank
from drafting.bank.levels import LEVEL_KEY
from drafting.bank.sandbox import render
from drafting.composition.context import year_context
from drafting.errors import Problem, ProblemsError
from drafting.files.roundtrip import delete_at, insert_at, insert_ordered
from drafting.report import ReportData


def check_years(reports: Sequence[ReportData], year: int) -> None:
    """Refuse predecessors that are not of the year before ``year`` (each named at its ``nam``)."""
    problems = [
        Problem(
            r.source,
            r.locations.line("nam"),
            "nam",
            f"năm báo cáo {r.year} không phải năm {year - 1}: tệp năm trước của báo cáo năm {year} phải là "
            f"báo cáo năm {year - 1} (số liệu năm {year - 1} là số liệu cùng kỳ của năm {year})",
        )
        for r in reports
        if r.year != year - 1
    ]
    if problems:
        raise ProblemsError(problems)


def resolve_level(
    bank: Bank, reports: Sequence[ReportData], year: int, given: str | None, target: Path
) -> tuple[str | None, list[str]]:
    """The new file's level and the notes about it (see the module docstring)."""
    levels = bank.levels
    if given is not None:
        refusal = levels.refusal(given, year)
        if refusal is not None:
            raise ProblemsError([Problem(str(target), None, f"don_vi.{LEVEL_KEY}", refusal)])
        return given, []
    found = {r.level for r in reports}
    if len(found) != 1 or None in found:
        return None, []
    (old,) = found
    assert old is not None
    if levels.refusal(old, year) is None:
        return old, []
    level = levels.get(old)
    name = level.name if level is not None else old
    return None, [
        f"tệp năm {year - 1} là {name} ({old}), năm {year} không còn cấp này: tệp mới để trống don_vi.cap; "
        f"chọn cấp bằng --cap ({levels.choices(year)})"
    ]


def applicable_groups(bank: Bank, year: int, level: str | None) -> tuple[str, ...]:
    """The figure groups a new file of ``year`` and ``level`` has."""
    return tuple(g for g in bank.catalogue.group_ids if bank.levels.group_use(g, year, level) != "khong")


def dropped_notes(bank: Bank, reports: Sequence[ReportData], year: int, level: str | None) -> list[str]:
    """A note for each group that does not apply to ``level`` and holds figures in a predecessor."""
    levels, catalogue = bank.levels, bank.catalogue
    notes: list[str] = []
    for group in catalogue.groups:
        use, reason = levels.group_reason(group.id, year, level)
        if use != "khong":
            continue
        holders = [
            Path(r.source).name
            for r in reports
            if any(r.figure(f.id).current is not None for f in group.figures if f.entered)
        ]
        if holders:
            named = levels.get(level)
            title = render(group.title, year_context(year))
            notes.append(
                f"không chuyển số liệu “{title}” của {', '.join(holders)}: nhóm này không áp dụng cho "
                f"{named.name if named else level} ({reason.rstrip('.')})"
            )
    return notes


def set_level(data: MutableMapping[str, Any], bank: Bank, level: str | None) -> None:
    """Write the new file's level into ``don_vi`` (in the schema's order)."""
    unit = data.get("don_vi")
    if not isinstance(unit, MutableMapping):
        return
    if level is None:
        if LEVEL_KEY in unit:
            unit[LEVEL_KEY] = None
        return
    insert_ordered(unit, LEVEL_KEY, level, [f.key for f in bank.schema.unit])


def renew_movements(data: MutableMapping[str, Any], bank: Bank, year: int) -> list[str]:
    """Keep in ``phong_trao`` the outline's movements of ``year``: drop the others' items,
    add the year's that are missing; return a note for each dropped one."""
    outline = bank.outline
    items = data.get("phong_trao")
    if not isinstance(items, list):
        return []
    valid = [m.id for m in outline.movements_in(year)]
    notes: list[str] = []
    for index in range(len(items) - 1, -1, -1):
        item = items[index]
        mid = item.get("id") if isinstance(item, MutableMapping) else None
        if mid and mid not in valid and outline.movement(str(mid), year) is not None:
            named = outline.movement(str(mid), year)
            assert named is not None
            name = render(named.name, year_context(year - 1))
            notes.append(f"phong trào “{name}” không có trong đề cương năm {year}: đã bỏ khỏi danh sách phong_trao")
            delete_at(items, index)
    present = {item.get("id") for item in items if isinstance(item, MutableMapping)}
    position = max(
        (i + 1 for i, item in enumerate(items) if isinstance(item, MutableMapping) and item.get("id")), default=0
    )
    for mid in valid:
        if mid in present:
            continue
        node = CommentedMap()
        node["id"] = mid
        node["ket_qua"] = ""
        if isinstance(items, CommentedSeq):
            insert_at(items, position, node)
        else:
            items.insert(position, node)
        position += 1
    return notes


__all__ = ["applicable_groups", "check_years", "dropped_notes", "renew_movements", "resolve_level", "set_level"]
