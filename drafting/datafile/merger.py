"""``drafting new FILE --year Y --from A.yaml --from B.yaml …``: a unit formed by merging
its predecessors (a provincial court formed from two or three former provincial courts,
a regional court taking over several former district courts).

The new file is a fresh file of the year and level (:mod:`drafting.datafile.skeleton`):

- every compared figure's ``cung_ky`` is the sum of the predecessors' ``ky_nay`` (this
  period of each predecessor is the same period of the new unit); rates are not stored,
  they are computed again from the sums, never averaged; a figure some predecessors lack
  is the sum of those that have it, with a note naming the others;
- section I holds a paragraph the writer can edit saying which units were merged and
  that the same-period figures are their sums (``phrasebank/cap_don_vi.yaml``:
  ``hop_nhat``, ``ghi_chu_so_lieu``); the file's first comment names the files;
- the predecessors must be of the year before, each unit once (a file given twice, two
  files of one unit, or a consolidation holding a unit given on its own are refused);
- the level follows :mod:`drafting.datafile.succession`: groups that do not apply to it
  are not carried, with a note.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from drafting.bank.bank import Bank
from drafting.bank.sandbox import render
from drafting.composition.context import year_context
from drafting.datafile.consolidate import unit_name
from drafting.datafile.skeleton import comment_lines, skeleton_text
from drafting.datafile.succession import applicable_groups, check_years, dropped_notes, resolve_level
from drafting.errors import Problem, ProblemsError
from drafting.files import atomic
from drafting.files.outputs import check_output_path
from drafting.files.yamlio import dump_yaml, parse_yaml
from drafting.report import ReportData
from drafting.vi.text import join_vi


@dataclass
class Merger:
    """The merged file's text, its year and level, and what the writer must be told."""

    year: int
    level: str | None
    units: list[str]
    text: str
    notes: list[str] = field(default_factory=list)


def _key(name: str) -> str:
    """A unit name compared loosely: NFC, case and spaces ignored."""
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def _check_units(reports: Sequence[ReportData]) -> None:
    """Each predecessor unit once: not the same file twice, nor one unit in two files."""
    problems: list[Problem] = []
    seen: dict[str, ReportData] = {}
    paths: dict[Path, ReportData] = {}
    for report in reports:
        path = Path(report.source).resolve()
        if path in paths:
            problems.append(Problem(report.source, None, "", "tệp này được ghi hai lần trong --from"))
            continue
        paths[path] = report
        for name in report.units or (unit_name(report),):
            other = seen.get(_key(name))
            if other is not None:
                where = "don_vi.ten" if not report.units else "tong_hop"
                problems.append(
                    Problem(
                        report.source,
                        report.locations.line(*where.split(".")),
                        where,
                        f"đơn vị “{name}” đã có trong {other.source}: mỗi đơn vị tiền thân chỉ được cộng một lần",
                    )
                )
            seen.setdefault(_key(name), report)
    if problems:
        raise ProblemsError(problems)


def _year(reports: Sequence[ReportData], year: int | None) -> int:
    """The new year: the one given, else the year after the predecessors' (most common) year."""
    if year is None:
        counts = Counter(r.year for r in reports)
        common = max(counts, key=lambda y: (counts[y], -y))
        if len(counts) > 1:
            raise ProblemsError(
                [
                    Problem(
                        r.source,
                        r.locations.line("nam"),
                        "nam",
                        f"các tệp --from khác năm nhau ({join_vi([str(y) for y in sorted(counts)])}): tệp này là "
                        f"báo cáo năm {r.year}, các đơn vị tiền thân phải cùng là báo cáo năm {common}",
                    )
                    for r in reports
                    if r.year != common
                ]
            )
        year = common + 1
    check_years(reports, year)
    return year


def merge_text(
    reports: Sequence[ReportData], bank: Bank, target: Path, *, year: int | None = None, level: str | None = None
) -> Merger:
    """The merged file of validated predecessors (see the module docstring)."""
    year = _year(reports, year)
    _check_units(reports)
    level, notes = resolve_level(bank, reports, year, level, target)
    notes += dropped_notes(bank, reports, year, level)
    names = [unit_name(r) for r in reports]
    files = [Path(r.source).name for r in reports]
    data = parse_yaml(skeleton_text(year, bank, level), str(target))
    groups = data["so_lieu"]
    catalogue = bank.catalogue
    for group_id in applicable_groups(bank, year, level):
        for figure in catalogue.group(group_id).figures:
            if not (figure.entered and figure.compared):
                continue
            values = [r.figure(figure.id).current for r in reports]
            present = [v for v in values if v is not None]
            if present and len(present) < len(values):
                absent = join_vi([f for f, v in zip(files, values, strict=True) if v is None])
                title = render(figure.title, year_context(year))
                notes.append(f"“{title}” năm {year - 1} chưa có ở {absent}: số cùng kỳ chỉ cộng các tệp có số liệu")
            if present:
                groups[group_id][figure.key]["cung_ky"] = sum(present)
    context = {**year_context(year), "tien_than": join_vi(names)}
    levels = bank.levels
    paragraph = " ".join(
        render(levels.sentence(sentences, year, level), context) for sentences in (levels.merger, levels.merger_note)
    ).strip()
    if paragraph:
        content = CommentedSeq()
        item = CommentedMap()
        item["van_ban"] = paragraph
        content.append(item)
        data["noi_dung"]["I"] = content
    head = [
        f"Lập bằng drafting new --from: đơn vị được thành lập trên cơ sở hợp nhất {len(reports)} đơn vị tiền thân",
        *(f"  - {f}: {n}" for f, n in zip(files, names, strict=True)),
        f"Số liệu cùng kỳ năm {year - 1} (cung_ky) là tổng số liệu năm {year - 1} (ky_nay) của các đơn vị này;",
        "tỷ lệ được tính lại từ các số đã cộng. Mục I có đoạn văn về việc hợp nhất: người viết sửa lại cho đúng.",
        *(f"Lưu ý: {note}" for note in notes),
    ]
    text = "\n".join(comment_lines("\n".join(head))) + "\n\n" + dump_yaml(data)
    return Merger(year, level, names, text, notes)


def merge_predecessors(
    sources: Sequence[Path], target: Path, bank: Bank, *, year: int | None = None, level: str | None = None
) -> Merger:
    """Write ``target`` from the predecessors' files ``sources``; return what was written.

    Raises :class:`ProblemsError` (every problem of every file, located) and
    :class:`~drafting.errors.OutputError` when ``target`` would overwrite a source.
    """
    from drafting.datafile.validate import load_report, parse_report

    sources = [Path(s) for s in sources]
    check_output_path(target, sources)
    reports: list[ReportData] = []
    problems: list[Problem] = []
    for source in sources:
        try:
            reports.append(load_report(source, bank))
        except ProblemsError as exc:
            problems.extend(exc.problems)
    if problems:
        raise ProblemsError(problems)
    merger = merge_text(reports, bank, target, year=year, level=level)
    merger.notes[:0] = [f"{r.source}: {note}" for r in reports for note in r.migrations]
    parse_report(merger.text, str(target), bank)  # the new file must itself be valid
    atomic.write_text(target, merger.text)
    return merger


__all__ = ["Merger", "merge_predecessors", "merge_text"]
