"""What the checks found, for a writer: each finding names its field by the label the
editor shows (no data file path, no line number) and can jump to that field."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual.widgets import Static

from drafting.bank.bank import Bank
from drafting.composition.provenance import figure_title
from drafting.editing.draft import Draft
from drafting.errors import Problem, ProblemsError
from drafting.vi.text import upper_first
from drafting_tui.targets import FigureTarget, ListItemTarget, MovementTarget, RecipientsTarget, UnitTarget, YearTarget
from drafting_tui.texts import GENERAL

_ITEM = re.compile(r"^(van_ban|phong_trao)\[(\d+)\](?:\.(\w+))?")
_DATA_KEYS = re.compile(r"\s*\([^()]*\b[a-z0-9]+_[a-z0-9_]*\b[^()]*\)")
"""A data file's keys in a message, for whoever edits the file (“(van_ban, loai: ban_hanh)”,
“(khóa xac_nhan, kèm lý do)”): a bracket with a snake_case word, which Vietnamese never has."""
_PHRASE_ID = re.compile(r"“[a-z0-9_]+(?:\.[a-z0-9_]+)+” \(([^()]*)\)")
"""A phrase named by its id and its claim (“uu_diem.x” (tỷ lệ …)): the writer reads the claim."""


@dataclass(frozen=True)
class Place:
    """Where a finding's field is in the editor: its section, the field's widget id and
    the figure group to open (``""`` when none)."""

    label: str
    section: str
    widget_id: str = ""
    group: str = ""


@dataclass(frozen=True)
class WriterFinding:
    """A finding as a writer reads it."""

    kind: str  # "Lỗi", "Còn thiếu", "Lưu ý", "Kho câu mẫu"
    text: str
    place: Place


def place_of(key: str, section: str, draft: Draft) -> Place:
    """The field a data file key path (``so_lieu.an_hinh_su.thu_ly.ky_nay``) is edited in."""
    catalogue = draft.catalogue
    parts = key.split(".")
    if key == "nam":
        return Place("Năm báo cáo", GENERAL, YearTarget.widget_id)
    if parts[0] == "don_vi":
        field = parts[1] if len(parts) > 1 else ""
        if field == "noi_nhan":
            return Place("Nơi nhận", GENERAL, RecipientsTarget.widget_id)
        try:
            label = draft.schema.unit_field(field).label
        except KeyError:
            label = "Thông tin đơn vị"
        return Place(label, GENERAL, UnitTarget(field).widget_id if field else "")
    if parts[0] == "so_lieu" and len(parts) >= 3 and f"{parts[1]}.{parts[2]}" in catalogue.figures:
        figure = catalogue.figures[f"{parts[1]}.{parts[2]}"]
        part = parts[3] if len(parts) > 3 and parts[3] in ("ky_nay", "cung_ky", "nguyen_nhan") else ""
        if figure.compared and not part:
            part = "ky_nay"
        widget = FigureTarget(figure.id, part).widget_id if figure.entered else ""  # type: ignore[arg-type]
        title = figure_title(figure.title, draft.year)
        return Place(title, section or catalogue.group(figure.group).section, widget, figure.group)
    if parts[0] == "so_lieu" and len(parts) == 2:
        group = next((g for g in catalogue.groups if g.id == parts[1]), None)
        if group is not None:
            title = figure_title(group.title, draft.year)
            return Place(title, section or group.section, f"group-{group.id.replace('_', '-')}")
    match = _ITEM.match(key)
    if match:
        name, index, field = match.group(1), int(match.group(2)), match.group(3) or ""
        if name == "van_ban":
            labels = {"so": "số, ký hiệu", "ngay": "ngày", "trich_yeu": "trích yếu"}
            target = ListItemTarget("van_ban", index, field or "trich_yeu")
            label = f"Văn bản thứ {index + 1}" + (f" – {labels[field]}" if field in labels else "")
            return Place(label, section or "II.1", target.widget_id)
        row = next((r for r in draft.movements() if r.index == index), None)
        name = figure_title(row.name, draft.year) if row is not None else ""  # names may say the year
        if row is not None and row.movement_id:
            return Place(f"Phong trào “{name}”", section, MovementTarget(row.movement_id).widget_id)
        name_text = f"Phong trào “{name}”" if row is not None else f"Phong trào thứ {index + 1}"
        return Place(name_text, section, ListItemTarget("phong_trao", index, field or "ket_qua").widget_id)
    if parts[0] == "noi_dung" and len(parts) > 1:
        sid = ".".join(parts[1:])
        return Place(f"Mục {sid}", section or sid, "phrases")
    return Place("", section)


def section_name(section: str) -> str:
    """How a writer names where a finding is: “Thông tin chung” or “Mục II.3”."""
    if not section or section == GENERAL or section == "don_vi":
        return "Thông tin chung"
    return f"Mục {section}"


def problem_text(problem: Problem, draft: Draft, in_bank: bool = False) -> str:
    """A problem as a writer reads it: the field's label, then the message (a problem of
    the phrase bank names its file, for whoever maintains it)."""
    if in_bank:
        return f"Kho câu mẫu ({Path(problem.file).name}): {problem.message}"
    place = place_of(problem.key, "", draft)
    return f"{place.label}: {problem.message}" if place.label else problem.message


def check_findings(draft: Draft, bank: Bank) -> list[WriterFinding]:
    """The findings of the library's checks (``drafting check``), for a writer."""
    from drafting.checks.checker import check_report

    try:
        report = draft.report()
    except ProblemsError as exc:
        out = []
        for problem in exc.problems:
            place = place_of(problem.key, "", draft)
            out.append(
                WriterFinding(
                    "Lỗi",
                    problem_text(problem, draft),
                    Place(place.label, place.section or GENERAL, place.widget_id, place.group),
                )
            )
        return out
    result = check_report(report, bank=bank)
    out = [WriterFinding("Kho câu mẫu", problem_text(p, draft, in_bank=True), Place("", "")) for p in bank.problems]
    for kind, findings in (("Lỗi", result.errors), ("Còn thiếu", result.missing), ("Lưu ý", result.warnings)):
        for finding in findings:
            section = "" if finding.section == "don_vi" else finding.section
            place = place_of(finding.key, section, draft)
            if finding.section == "don_vi" and not place.section:
                place = Place(place.label, GENERAL, place.widget_id)
            text = _DATA_KEYS.sub("", _PHRASE_ID.sub(r"“\1”", finding.message))
            text = text.removeprefix(f"{section_name(place.section)}: ")
            if place.label and place.label.lower() not in text.lower() and not place.label.startswith("Mục "):
                text = f"{place.label}: {text}"
            out.append(WriterFinding(kind, upper_first(text), place))
    return out


class ProblemsBar(Static):
    """How many problems the phrase bank, the data and the composition have, and the
    first of them, each naming its field as the editor does (F5 lists them all)."""

    def __init__(self, draft: Draft) -> None:
        super().__init__("", id="problems")
        self.draft = draft
        self.problems: dict[str, tuple[Problem, ...]] = {"bank": (), "data": (), "composed": ()}
        self.lines: tuple[str, ...] = ()

    def show(self, **problems: Sequence[Problem]) -> None:
        """Replace some of the lists: ``bank``, ``data``, ``composed``."""
        self.problems.update({name: tuple(found) for name, found in problems.items()})
        lines = (
            *(problem_text(p, self.draft, in_bank=True) for p in self.problems["bank"]),
            *(problem_text(p, self.draft) for p in (*self.problems["data"], *self.problems["composed"])),
        )
        if lines == self.lines:
            return
        self.lines = lines
        self.display = bool(lines)
        if lines:
            self.update(Text.assemble((f"{len(lines)} vấn đề (F5 để xem chi tiết): ", "bold"), lines[0]))
