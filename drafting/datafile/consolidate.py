"""``drafting consolidate``: one data file summing the reports of several units.

- Counts and money are summed, this period and the same period. A figure missing in
  some units is the sum of the units that have it, with a warning naming the others.
- Rates are not stored: they are computed again from the summed counts.
- Causes are kept per unit ("Đơn vị A: …; Đơn vị B: …") for the writer to summarise.
- Documents and movements are merged, each item naming its unit (``don_vi``).
- The units are listed in ``tong_hop``; each unit's values of this period are kept in
  ``so_lieu_don_vi`` for the annex table of the consolidated report.
- The unit information of the output is left for the writer (or taken, with the
  layout options, targets and content, from an optional ``--unit`` data file).

All inputs must be of the same year; otherwise the odd files are named and nothing is
written.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from drafting.bank.bank import Bank
from drafting.bank.catalogue import Catalogue
from drafting.bank.sandbox import render
from drafting.composition.context import year_context
from drafting.datafile.merge import document_lines, grouped, list_lines, movement_lines, named
from drafting.datafile.migrate import CURRENT, VERSION_KEY
from drafting.datafile.skeleton import comment_lines, field_lines, quote, scalar
from drafting.errors import Problem, ProblemsError
from drafting.files import atomic, yamlio
from drafting.files.yamlio import parse_yaml
from drafting.report import FreeText, PhraseChoice, ReportData, Unit, Value
from drafting.schema import Schema


@dataclass
class Consolidation:
    """The consolidated data file's text, its units and the warnings met."""

    year: int
    units: list[str]
    text: str
    warnings: list[Problem] = field(default_factory=list)


def unit_name(report: ReportData) -> str:
    """The name a unit is known by in a consolidation."""
    unit = report.unit
    return unit.name or unit.issuing_body or unit.short_name or Path(report.source).stem


def _check_years(reports: Sequence[ReportData], unit_report: ReportData | None) -> int:
    years = Counter(r.year for r in reports)
    top = max(years.values())
    year = next(r.year for r in reports if years[r.year] == top)
    problems = []
    for report in [*reports, *([unit_report] if unit_report is not None else [])]:
        if report.year != year:
            problems.append(
                Problem(
                    report.source,
                    report.locations.line("nam"),
                    "nam",
                    f"năm báo cáo {report.year} khác năm {year} của các tệp còn lại; "
                    "các tệp được tổng hợp phải cùng năm báo cáo",
                )
            )
    if problems:
        raise ProblemsError(problems)
    return year


def _unique_names(reports: Sequence[ReportData]) -> tuple[list[str], list[Problem]]:
    names = [unit_name(r) for r in reports]
    counts = Counter(names)
    out: list[str] = []
    warnings: list[Problem] = []
    for report, name in zip(reports, names, strict=True):
        if counts[name] > 1:
            unique = f"{name} ({Path(report.source).name})"
            warnings.append(
                Problem(
                    report.source,
                    None,
                    "don_vi.ten",
                    f"nhiều tệp cùng tên đơn vị “{name}”; tệp này được ghi là “{unique}”",
                )
            )
            name = unique
        out.append(name)
    return out, warnings


def consolidate_reports(
    reports: Sequence[ReportData],
    output_name: str = "<tổng hợp>",
    unit_report: ReportData | None = None,
    *,
    bank: Bank,
) -> Consolidation:
    """The consolidated data file of ``reports`` (validated units of the same year)."""
    if not reports:
        raise ProblemsError([Problem(output_name, None, "", "không có tệp dữ liệu nào để tổng hợp")])
    catalogue, schema = bank.catalogue, bank.schema
    year = _check_years(reports, unit_report)
    names, warnings = _unique_names(reports)
    years = year_context(year)
    lines = [
        f"# Báo cáo tổng hợp công tác thi đua, khen thưởng năm {year} của {len(reports)} đơn vị",
        "# (tạo bằng lệnh drafting consolidate). Số liệu là tổng số liệu của các đơn vị; tỷ lệ",
        "# được tính lại từ số liệu đã cộng. Nguyên nhân tăng, giảm được giữ theo từng đơn vị:",
        "# người viết tóm tắt lại trước khi xuất báo cáo.",
        "",
        *comment_lines(schema.top_key("nam").comment),
        f"nam: {year}",
        "",
        *comment_lines(schema.top_key(VERSION_KEY).comment),
        f"{VERSION_KEY}: {CURRENT}",
        "",
        *comment_lines(schema.top_key("tong_hop").comment),
        "tong_hop:",
        *(f"  - {quote(n)}" for n in names),
        "",
    ]
    lines += _unit_lines(unit_report, schema, year)
    lines += _option_lines(reports, unit_report, warnings, output_name, schema, year)
    lines += _figure_lines(reports, names, catalogue, years, warnings, output_name)
    lines += document_lines(reports, names, schema.list_spec("van_ban"))
    lines += movement_lines(reports, names, schema.list_spec("phong_trao"))
    for spec in schema.list_specs(year):
        if spec.key not in ("van_ban", "phong_trao"):
            lines += list_lines(reports, names, spec, schema.top_key(spec.key).comment)
    lines += _content_lines(unit_report)
    lines += _confirmation_lines(unit_report, schema)
    lines += _unit_figure_lines(reports, names, catalogue, schema)
    return Consolidation(year, names, "\n".join(lines) + "\n", warnings)


def _unit_lines(unit_report: ReportData | None, schema: Schema, year: int) -> list[str]:
    unit = unit_report.unit if unit_report is not None else Unit()
    lines = [
        "# Thông tin đơn vị ban hành báo cáo tổng hợp và thể thức văn bản: người viết điền",
        "# (hoặc dùng --unit TỆP khi tổng hợp để lấy từ tệp dữ liệu của đơn vị mình).",
        "don_vi:",
    ]
    return [*lines, *field_lines(schema.unit_fields(year), lambda f: _given(unit.get(f.key)), "  ", None), ""]


def _given(value: Value) -> Value:
    """A value as consolidation writes it: empty text is left empty."""
    return None if value == "" else value


def _option_lines(
    reports: Sequence[ReportData],
    unit_report: ReportData | None,
    warnings: list[Problem],
    output_name: str,
    schema: Schema,
    year: int,
) -> list[str]:
    options = (unit_report or reports[0]).options
    lines = [
        *comment_lines(schema.top_key("tuy_chon").comment),
        "tuy_chon:",
        *field_lines(schema.option_fields(year), lambda f: options.get(f.key), "  ", None),
        "",
    ]
    if unit_report is not None:
        targets = unit_report.target_overrides
    else:
        distinct = {tuple(sorted(r.target_overrides.items())) for r in reports}
        targets = dict(next(iter(distinct))) if len(distinct) == 1 else {}
        if len(distinct) > 1:
            warnings.append(
                Problem(
                    output_name,
                    None,
                    "chi_tieu",
                    "các đơn vị ghi chỉ tiêu (chi_tieu) khác nhau; tệp tổng hợp dùng chỉ tiêu mặc định",
                )
            )
    if targets:
        lines += ["# Chỉ tiêu năm nay (phần trăm).", "chi_tieu:"]
        lines += [f"  {k}: {scalar(int(v) if float(v).is_integer() else v)}" for k, v in sorted(targets.items())]
        lines.append("")
    return lines


def _figure_lines(
    reports: Sequence[ReportData],
    names: Sequence[str],
    catalogue: Catalogue,
    years: dict[str, int],
    warnings: list[Problem],
    output_name: str,
) -> list[str]:
    lines = [
        f"# Số liệu tổng hợp. Chỉ số so sánh: ky_nay (năm {years['nam']}), cung_ky (cùng kỳ năm {years['nam_truoc']}),",
        "# nguyen_nhan (nguyên nhân tăng, giảm theo từng đơn vị, người viết tóm tắt lại).",
        "so_lieu:",
    ]
    for group in catalogue.groups:
        entered = [f for f in group.figures if f.entered]
        if not entered:
            continue
        lines.append(f"  # {render(group.title, years)} (mục {group.section}).")
        lines.append(f"  {group.id}:")
        for figure in entered:
            values = [r.figure(figure.id) for r in reports]
            periods = [("ky_nay", [v.current for v in values])]
            if figure.compared:
                periods.append(("cung_ky", [v.previous for v in values]))
            sums: dict[str, int | None] = {}
            for period, period_values in periods:
                present = [v for v in period_values if v is not None]
                sums[period] = sum(present) if present else None
                absent = [n for n, v in zip(names, period_values, strict=True) if v is None]
                if present and absent:
                    label = "kỳ này" if period == "ky_nay" else f"cùng kỳ năm {years['nam_truoc']}"
                    key = f"so_lieu.{group.id}.{figure.key}" + (f".{period}" if figure.compared else "")
                    warnings.append(
                        Problem(
                            output_name,
                            None,
                            key,
                            f"“{render(figure.title, years)}” ({label}) chưa có ở {len(absent)} đơn vị: "
                            f"{named(absent)}; số tổng hợp chỉ cộng {len(present)} đơn vị có số liệu",
                        )
                    )
            if not figure.compared:
                lines.append(f"    {figure.key}: {scalar(sums['ky_nay'])}".rstrip())
                continue
            said = [(v.cause.strip().rstrip(".;"), n) for n, v in zip(names, values, strict=True) if v.cause.strip()]
            causes = [f"{named(units)}: {cause}" for cause, units in grouped(list(said))]
            lines.append(f"    {figure.key}:")
            lines.append(f"      ky_nay: {scalar(sums['ky_nay'])}".rstrip())
            lines.append(f"      cung_ky: {scalar(sums['cung_ky'])}".rstrip())
            lines.append(f"      nguyen_nhan: {quote('; '.join(causes))}")
    return [*lines, ""]


def _content_lines(unit_report: ReportData | None) -> list[str]:
    lines = [
        "# Nội dung từng mục của báo cáo tổng hợp: câu mẫu đã chọn ({cau: mã}) và đoạn văn tự viết",
        "# ({van_ban: …}). Mục để trống: công cụ gợi ý câu mẫu theo số liệu tổng hợp.",
    ]
    content = unit_report.content if unit_report is not None else {}
    if not any(content.values()):
        return [*lines, "noi_dung: {}", ""]
    lines.append("noi_dung:")
    for sid, items in content.items():
        if not items:
            continue
        lines.append(f"  {quote(sid)}:")
        for item in items:
            if isinstance(item, FreeText):
                lines.append(f"    - van_ban: {quote(item.text)}")
            elif isinstance(item, PhraseChoice):
                pinned = f", cach_viet: {item.variant}" if item.variant is not None else ""
                lines.append(f"    - {{cau: {item.id}{pinned}}}")
    return [*lines, ""]


def _confirmation_lines(unit_report: ReportData | None, schema: Schema) -> list[str]:
    """The consolidating unit's confirmations; those tied to its own figures (``theo_so_lieu``)
    do not carry over to the sums."""
    kept = {
        cid: c for cid, c in (unit_report.confirmations if unit_report is not None else {}).items() if not c.snapshot
    }
    if not kept:
        return []
    lines = [*comment_lines(schema.top_key("xac_nhan").comment), "xac_nhan:"]
    for cid, confirmation in kept.items():
        lines.append(f"  {cid}: {{khong: true}}" if confirmation.denied else f"  {cid}: {{}}")
    return [*lines, ""]


def _unit_figure_lines(
    reports: Sequence[ReportData], names: Sequence[str], catalogue: Catalogue, schema: Schema
) -> list[str]:
    lines = [*comment_lines(schema.top_key("so_lieu_don_vi").comment), "so_lieu_don_vi:"]
    for report, name in zip(reports, names, strict=True):
        lines.append(f"  {quote(name)}:")
        for group in catalogue.groups:
            values = [(f.key, report.figure(f.id).current) for f in group.figures if f.entered]
            present = [f"{k}: {v}" for k, v in values if v is not None]
            if present:
                lines.append(f"    {group.id}: {{{', '.join(present)}}}")
    return lines


def consolidate(
    inputs: Sequence[Path],
    output: Path,
    unit_file: Path | None = None,
    workers: int | None = None,
    bank: Bank | None = None,
) -> Consolidation:
    """Consolidate data files (and folders of them) into ``output``; return what was written.

    Raises :class:`ProblemsError` when an input is unusable or the years differ, and
    :class:`~drafting.errors.OutputError` when ``output`` would overwrite an input.
    """
    from drafting.bank.bank import default_bank
    from drafting.datafile.validate import load_report, validate_report
    from drafting.export.batch import collect_inputs, load_many
    from drafting.files.outputs import check_output_path

    bank = bank if bank is not None else default_bank()

    # Every data file of a folder is an input, so an output inside the folder is refused
    # below rather than dropped from the inputs and overwritten.
    sources = collect_inputs(inputs)
    if not sources:
        raise ProblemsError([Problem(str(output), None, "", "không có tệp dữ liệu nào để tổng hợp")])
    check_output_path(output, [*inputs, *sources, *([unit_file] if unit_file else [])])
    loaded = load_many(sources, bank, workers)
    problems = [p for _, found in loaded for p in found]
    if problems:
        raise ProblemsError(problems)
    reports = [r for r, _ in loaded if r is not None]
    unit_report = load_report(unit_file, bank) if unit_file is not None else None
    result = consolidate_reports(reports, str(output), unit_report, bank=bank)
    for report in [*reports, *([unit_report] if unit_report is not None else [])]:
        result.warnings += [Problem(report.source, None, VERSION_KEY, note) for note in report.migrations]
    # The output must itself be a valid, readable data file.
    size = len(result.text.encode("utf-8"))
    if size > yamlio.MAX_FILE_BYTES:
        raise ProblemsError(
            [
                Problem(
                    str(output),
                    None,
                    "",
                    f"tệp tổng hợp quá lớn ({size:_} byte; tối đa {yamlio.MAX_FILE_BYTES:_} byte); ".replace("_", ".")
                    + "hãy tổng hợp theo từng cụm đơn vị, rồi tổng hợp các tệp của các cụm",
                )
            ]
        )
    # Read-only parsing (no comments kept) is enough to check it, and much faster.
    validate_report(parse_yaml(result.text, str(output), comments=False), str(output), bank)
    atomic.write_text(output, result.text)
    return result
