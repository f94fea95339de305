"""``drafting check``: validation, consistency, text lint and completeness of a data file.

:func:`check_file` returns a :class:`CheckResult` with three lists of located
findings:

- ``errors``: what makes the data wrong — validation problems, broken consistency
  rules (``phrasebank/quy_tac.yaml``), phrase choices that do not exist;
- ``warnings``: what the writer should look at — text lint of everything typed and
  everything composed, causes given for figures that did not change, sections whose
  phrases are only suggestions ("chưa chọn");
- ``missing``: what the outline needs and the file does not have yet
  (:mod:`drafting.checks.completeness`).

A file that cannot be read as YAML at all raises :class:`~drafting.errors.ProblemsError`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from drafting.bank.bank import Bank, default_bank
from drafting.bank.catalogue import Catalogue
from drafting.bank.outline import Outline
from drafting.checks.completeness import SectionStatus, checklist, missing_findings
from drafting.checks.consistency import check_consistency
from drafting.checks.findings import (
    LIST_SECTIONS,
    Finding,
    from_problem,
    key_path,
    line_at,
    movement_section,
    section_of,
)
from drafting.document import Document, Paragraph, Table
from drafting.errors import ProblemsError
from drafting.files.yamlio import read_yaml_file
from drafting.report import FreeText, ReportData
from drafting.vi.lint import lint_text

UNIT_TEXT_KEYS = (
    "co_quan_chu_quan",
    "co_quan_ban_hanh",
    "ten",
    "ten_ngan",
    "dia_danh",
    "ky_hieu",
    "tham_quyen_ky",
    "chuc_vu_nguoi_ky",
    "nguoi_ky",
)
COMPOSED = "văn bản báo cáo: "


@dataclass
class CheckResult:
    """The findings of ``check`` for one file, grouped."""

    source: str
    errors: list[Finding] = field(default_factory=list)
    warnings: list[Finding] = field(default_factory=list)
    missing: list[Finding] = field(default_factory=list)
    statuses: dict[str, SectionStatus] = field(default_factory=dict)

    @property
    def exit_code(self) -> int:
        """1 when there are errors or missing items (warnings alone: 0)."""
        return 1 if self.errors or self.missing else 0

    def as_json(self) -> dict[str, list[dict[str, Any]]]:
        return {
            "errors": [f.as_json() for f in self.errors],
            "warnings": [f.as_json() for f in self.warnings],
            "missing": [f.as_json() for f in self.missing],
        }


# -- what the writer typed ------------------------------------------------------


@dataclass(frozen=True)
class WriterText:
    """A text the writer typed, with its place in the data file."""

    text: str
    key: str
    line: int | None
    section: str


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def writer_texts(report: ReportData, catalogue: Catalogue, outline: Outline) -> list[WriterText]:
    """Every text typed in the data file (as typed, before normalisation), with its place."""
    raw = report.raw
    if not isinstance(raw, Mapping):
        return _writer_texts_from_report(report)
    out: list[WriterText] = []

    def add(value: Any, section: str, *parts: str | int) -> None:
        text = _str(value)
        if text is not None:
            out.append(WriterText(text, key_path(*parts), line_at(raw, *parts), section))

    unit = raw.get("don_vi")
    if isinstance(unit, Mapping):
        for key in UNIT_TEXT_KEYS:
            add(unit.get(key), "don_vi", "don_vi", key)
        recipients = unit.get("noi_nhan")
        if isinstance(recipients, list):
            for i, item in enumerate(recipients):
                add(item, "don_vi", "don_vi", "noi_nhan", i)
    units = raw.get("tong_hop")
    if isinstance(units, list):
        for i, item in enumerate(units):
            add(item, "", "tong_hop", i)
    groups = raw.get("so_lieu")
    if isinstance(groups, Mapping):
        for gkey, gnode in groups.items():
            if not isinstance(gnode, Mapping):
                continue
            section = section_of(key_path("so_lieu", str(gkey)), catalogue, outline)
            for fkey, fnode in gnode.items():
                if isinstance(fnode, Mapping):
                    add(fnode.get("nguyen_nhan"), section, "so_lieu", str(gkey), str(fkey), "nguyen_nhan")
    documents = raw.get("van_ban")
    if isinstance(documents, list):
        for i, item in enumerate(documents):
            if isinstance(item, Mapping):
                for key in ("trich_yeu", "don_vi"):
                    add(item.get(key), LIST_SECTIONS["van_ban"], "van_ban", i, key)
    movements = raw.get("phong_trao")
    if isinstance(movements, list):
        for i, item in enumerate(movements):
            if isinstance(item, Mapping):
                section = movement_section(item, outline)
                for key in ("ten", "ket_qua", "don_vi"):
                    add(item.get(key), section, "phong_trao", i, key)
    content = raw.get("noi_dung")
    if isinstance(content, Mapping):
        for skey, items in content.items():
            if not isinstance(items, list):
                continue
            for i, item in enumerate(items):
                if isinstance(item, str):
                    add(item, str(skey), "noi_dung", str(skey), i)
                elif isinstance(item, Mapping):
                    add(item.get("van_ban"), str(skey), "noi_dung", str(skey), i, "van_ban")
    return out


def _writer_texts_from_report(report: ReportData) -> list[WriterText]:
    unit = report.unit
    out = [
        WriterText(t, key_path("don_vi", k), None, "don_vi")
        for k, t in (
            ("co_quan_chu_quan", unit.parent_body),
            ("co_quan_ban_hanh", unit.issuing_body),
            ("ten", unit.name),
            ("ten_ngan", unit.short_name),
            ("dia_danh", unit.place),
            ("tham_quyen_ky", unit.signer_authority),
            ("chuc_vu_nguoi_ky", unit.signer_title),
            ("nguoi_ky", unit.signer_name),
        )
        if t
    ]
    out += [WriterText(t, key_path("don_vi", "noi_nhan", i), None, "don_vi") for i, t in enumerate(unit.recipients)]
    for fid, value in report.figures.items():
        if value.cause:
            group, key = fid.split(".", 1)
            out.append(WriterText(value.cause, key_path("so_lieu", group, key, "nguyen_nhan"), value.line, ""))
    for i, doc in enumerate(report.documents):
        out.append(WriterText(doc.summary, key_path("van_ban", i, "trich_yeu"), None, "II.1"))
    for i, movement in enumerate(report.movements):
        if movement.result:
            section = "II.2.a" if movement.group == "a" else "II.2.b"
            out.append(WriterText(movement.result, key_path("phong_trao", i, "ket_qua"), None, section))
    for sid, items in report.content.items():
        for i, item in enumerate(items):
            if isinstance(item, FreeText) and item.text:
                out.append(WriterText(item.text, key_path("noi_dung", sid, i), None, sid))
    return out


def _report_strings(report: ReportData) -> list[str]:
    """The writer's texts as composition sees them (normalised), for removal from composed text."""
    unit = report.unit
    found: set[str] = {
        unit.parent_body,
        unit.issuing_body,
        unit.name,
        unit.short_name,
        unit.place,
        unit.signer_authority,
        unit.signer_title,
        unit.signer_name,
        *unit.recipients,
    }
    found.update(report.units)
    found.update(v.cause for v in report.figures.values())
    for doc in report.documents:
        found.update((doc.summary, doc.number, doc.unit))
    for movement in report.movements:
        found.update((movement.name, movement.result, movement.unit))
    for items in report.content.values():
        found.update(i.text for i in items if isinstance(i, FreeText))
    variants: set[str] = set()
    for text in found:
        text = text.strip()
        if len(text) < 2:
            continue
        variants.update({text, text.rstrip(".;,").strip(), text.rstrip(".;").strip()})
    return sorted((v for v in variants if len(v) >= 2), key=len, reverse=True)


def _block_texts(document: Document) -> Iterator[tuple[str, str]]:
    for section in document.walk():
        yield section.id, section.heading
        for block in section.blocks:
            if isinstance(block, Paragraph):
                yield section.id, block.text
            elif isinstance(block, Table):
                yield section.id, block.caption
                for row in block.text_rows():
                    for cell in row:
                        yield section.id, cell


def lint_report(report: ReportData, document: Document | None, bank: Bank) -> list[Finding]:
    """Text lint of the writer's texts (at their keys) and of the composed text (at its sections).

    Writer texts found again in the composed text are taken out of it first, so the
    same text is never reported twice.
    """
    findings: list[Finding] = []
    seen: set[tuple[str, str, str]] = set()
    for item in writer_texts(report, bank.catalogue, bank.outline):
        for message in lint_text(item.text, bank.terms):
            mark = (item.key, "", message)
            if mark not in seen:
                seen.add(mark)
                findings.append(Finding(report.source, item.line, item.key, item.section, message))
    if document is None:
        return findings
    strings = _report_strings(report)
    for sid, text in _block_texts(document):
        if not text:
            continue
        plain = text
        for s in strings:
            if s in plain:
                plain = plain.replace(s, "X")
        for message in lint_text(plain, bank.terms):
            mark = ("", sid, message)
            if mark not in seen:
                seen.add(mark)
                findings.append(Finding(report.source, None, "", sid, COMPOSED + message))
    return findings


def _content_place(raw: Any, key: str, line: int | None) -> tuple[str, str]:
    """The item (``noi_dung.III.1[0]``) and section of a phrase choice composition refused."""
    content = raw.get("noi_dung") if isinstance(raw, Mapping) else None
    if key != "noi_dung" or line is None or not isinstance(content, Mapping):
        return "", ""
    for sid, items in content.items():
        if isinstance(items, list):
            for i in range(len(items)):
                if line_at(raw, "noi_dung", str(sid), i) == line:
                    return key_path("noi_dung", str(sid), i), str(sid)
    return "", ""


def cause_warnings(report: ReportData, catalogue: Catalogue) -> list[Finding]:
    """Causes written for compared figures equal to the same period (they are not used)."""
    from drafting.figures.views import evaluate

    out: list[Finding] = []
    for fid, view in evaluate(report, catalogue).items():
        figure = view.figure
        if not figure.compared or not figure.entered or view.change.direction != "bang":
            continue
        if not report.figure(fid).cause.strip():
            continue
        parts = ("so_lieu", figure.group, figure.key, "nguyen_nhan")
        line = line_at(report.raw, *parts) if report.raw is not None else report.figure(fid).line
        out.append(
            Finding(
                report.source,
                line,
                key_path(*parts),
                catalogue.group(figure.group).section,
                f"“{figure.title}” bằng cùng kỳ nhưng có ghi nguyên nhân; nguyên nhân chỉ dùng khi số liệu tăng, giảm "
                "nên sẽ không có trong báo cáo",
            )
        )
    return out


# -- the whole check ------------------------------------------------------------------


def check_report(report: ReportData, bank: Bank | None = None) -> CheckResult:
    """Consistency, composition, lint and completeness of validated report data
    (against ``bank``; by default the shipped one)."""
    from drafting.composition.composer import Composer

    bank = bank if bank is not None else default_bank()
    catalogue, outline = bank.catalogue, bank.outline
    result = CheckResult(report.source)
    result.errors.extend(check_consistency(report, bank))
    composer = Composer.create(report, bank)
    document: Document | None = None
    try:
        document = composer.document()
    except ProblemsError as exc:
        for problem in exc.problems:
            key, section = _content_place(report.raw, problem.key, problem.line)
            if key:
                problem = replace(problem, key=key)
            result.errors.append(
                from_problem(problem, section or section_of(problem.key, catalogue, outline, report.raw))
            )
    result.warnings.extend(lint_report(report, document, bank))
    result.warnings.extend(cause_warnings(report, catalogue))
    statuses = checklist(report, bank, composer.views, composer.context)
    missing, pending = missing_findings(report, statuses, outline)
    result.missing.extend(missing)
    result.warnings.extend(pending)
    result.statuses = statuses
    return result


def check_file(path: Path | str, bank: Bank | None = None) -> CheckResult:
    """Check a data file; raise :class:`ProblemsError` only when it is not readable YAML."""
    from drafting.datafile.validate import validate_report

    bank = bank if bank is not None else default_bank()
    catalogue, outline = bank.catalogue, bank.outline
    data, _ = read_yaml_file(path, comments=False)
    try:
        report = validate_report(data, str(path), bank)
    except ProblemsError as exc:
        result = CheckResult(str(path))
        for problem in exc.problems:
            finding = from_problem(problem, section_of(problem.key, catalogue, outline, data))
            (result.warnings if problem.severity == "warning" else result.errors).append(finding)
        return result
    return check_report(report, bank)


__all__ = ["CheckResult", "WriterText", "check_file", "check_report", "lint_report", "writer_texts"]
