"""``drafting check``: validation, consistency, text lint and completeness of a data file.

:func:`check_file` returns a :class:`CheckResult` with three lists of located
findings:

- ``errors``: what makes the data wrong — validation problems, broken consistency
  rules (``phrasebank/quy_tac.yaml``), phrase choices that do not exist, chosen phrases
  the figures contradict without the writer's confirmation, opposite claims both chosen
  (:mod:`drafting.checks.coherence`);
- ``warnings``: what the writer should look at — text lint of everything typed and
  everything composed, causes given for figures that did not change, sections whose
  phrases are only suggestions ("chưa chọn");
- ``missing``: what the outline needs and the file does not have yet
  (:mod:`drafting.checks.completeness`).

A file that cannot be read as YAML at all raises :class:`~drafting.errors.ProblemsError`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from drafting.bank.bank import Bank, default_bank
from drafting.bank.catalogue import Catalogue
from drafting.checks.coherence import coherence_findings, opener_warnings
from drafting.checks.completeness import SectionStatus, checklist, missing_findings
from drafting.checks.consistency import check_consistency
from drafting.checks.findings import Finding, from_problem, key_path, list_section, section_of
from drafting.checks.masking import WriterTextMask
from drafting.document import Document, Paragraph, Table
from drafting.errors import ProblemsError
from drafting.files.yamlio import read_yaml_file
from drafting.report import FreeText, Locations, ReportData
from drafting.vi.lint import lint_text

COMPOSED = "văn bản báo cáo: "


@dataclass
class CheckResult:
    """The findings of ``check`` for one file, grouped."""

    source: str
    errors: list[Finding] = field(default_factory=list)
    warnings: list[Finding] = field(default_factory=list)
    missing: list[Finding] = field(default_factory=list)
    statuses: dict[str, SectionStatus] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    """About the file rather than the report: the format migrations applied when reading it."""

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


def writer_texts(report: ReportData, bank: Bank) -> list[WriterText]:
    """Every text typed in the data file (as typed, before normalisation: the validated
    report's :class:`~drafting.report.Locations` keep them), with its place: the prose
    fields of the schema (unit, lists), the units consolidated, the causes, the paragraphs."""
    locations = report.locations
    if not locations.texts:
        return _writer_texts_from_report(report, bank)
    out: list[WriterText] = []
    for key, text in locations.texts:
        section = "don_vi" if key.startswith("don_vi.") else section_of(key, bank, locations)
        out.append(WriterText(text, key, locations.line(key), section))
    return out


def _writer_texts_from_report(report: ReportData, bank: Bank) -> list[WriterText]:
    """The writer's texts of report data that was not read from a file (no lines)."""
    out: list[WriterText] = []
    for spec in bank.schema.unit:
        typed = report.unit.get(spec.key)
        if spec.kind == "danh_sach" and isinstance(typed, tuple):
            out += [WriterText(t, key_path("don_vi", spec.key, i), None, "don_vi") for i, t in enumerate(typed)]
        elif spec.prose and isinstance(typed, str) and typed:
            out.append(WriterText(typed, key_path("don_vi", spec.key), None, "don_vi"))
    for fid, value in report.figures.items():
        if value.cause:
            group, key = fid.split(".", 1)
            out.append(WriterText(value.cause, key_path("so_lieu", group, key, "nguyen_nhan"), value.line, ""))
    outline, schema = bank.outline, bank.schema
    documents, movements = schema.list_spec("van_ban"), schema.list_spec("phong_trao")
    for i, doc in enumerate(report.documents):
        section = list_section("van_ban", documents.view_of(doc.kind), outline, schema)
        out.append(WriterText(doc.summary, key_path("van_ban", i, "trich_yeu"), None, section))
    for i, movement in enumerate(report.movements):
        if movement.result:
            section = list_section("phong_trao", movements.view_of(movement.group), outline, schema)
            out.append(WriterText(movement.result, key_path("phong_trao", i, "ket_qua"), None, section))
    for sid, items in report.content.items():
        for i, item in enumerate(items):
            if isinstance(item, FreeText) and item.text:
                out.append(WriterText(item.text, key_path("noi_dung", sid, i), None, sid))
    return out


def _report_strings(report: ReportData, bank: Bank) -> list[str]:
    """The writer's texts as composition sees them (normalised), for removal from composed text."""
    found: set[str] = set()
    for spec in bank.schema.unit:
        value = report.unit.get(spec.key)
        if spec.prose and isinstance(value, str):
            found.add(value)
        elif spec.prose and isinstance(value, tuple):
            found.update(value)
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
    return [v for v in variants if len(v) >= 2]


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

    Writer texts found again in the composed text are taken out of it first
    (:mod:`drafting.checks.masking`), so the same text is never reported twice.
    """
    findings: list[Finding] = []
    seen: set[tuple[str, str, str]] = set()
    for item in writer_texts(report, bank):
        for message in lint_text(item.text, bank.terms):
            mark = (item.key, "", message)
            if mark not in seen:
                seen.add(mark)
                findings.append(Finding(report.source, item.line, item.key, item.section, message))
    if document is None:
        return findings
    mask = WriterTextMask(_report_strings(report, bank))
    for sid, text in _block_texts(document):
        found = lint_text(text, bank.terms) if text else []
        if not found:
            continue  # nothing to report, so nothing to take out
        plain = mask.apply(text)
        for message in (m for m in lint_text(plain, bank.terms) if m in found) if plain != text else found:
            mark = ("", sid, message)
            if mark not in seen:
                seen.add(mark)
                findings.append(Finding(report.source, None, "", sid, COMPOSED + message))
    return findings


def _content_place(locations: Locations, key: str, line: int | None) -> tuple[str, str]:
    """The item (``noi_dung.III.1[0]``) and section of a phrase choice composition refused."""
    if key != "noi_dung" or line is None:
        return "", ""
    item = locations.item_at("noi_dung.", line)
    return item, item[len("noi_dung.") :].split("[", 1)[0] if item else ""


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
        line = report.locations.line(*parts) or report.figure(fid).line
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
    result = CheckResult(report.source, notes=list(report.migrations))
    result.errors.extend(check_consistency(report, bank))
    composer = Composer.create(report, bank)
    document: Document | None = None
    try:
        document = composer.document()
    except ProblemsError as exc:
        for problem in exc.problems:
            key, section = _content_place(report.locations, problem.key, problem.line)
            if key:
                problem = replace(problem, key=key)
            result.errors.append(
                from_problem(problem, section or section_of(problem.key, bank, report.locations))
            )
    claim_errors, claim_warnings = coherence_findings(composer)
    result.errors.extend(claim_errors)
    result.warnings.extend(claim_warnings)
    if document is not None:
        result.warnings.extend(opener_warnings(document, report.source))
    result.warnings.extend(lint_report(report, document, bank))
    result.warnings.extend(cause_warnings(report, catalogue))
    statuses = checklist(report, bank, composer)
    missing, pending = missing_findings(report, statuses, outline)
    result.missing.extend(missing)
    result.warnings.extend(pending)
    result.statuses = statuses
    return result


def check_file(path: Path | str, bank: Bank | None = None) -> CheckResult:
    """Check a data file; raise :class:`ProblemsError` only when it is not readable YAML."""
    from drafting.datafile.validate import validate

    bank = bank if bank is not None else default_bank()
    data, _ = read_yaml_file(path, comments=False, keep_bad=True)
    found = validate(data, str(path), bank, owned=True)
    if found.report is not None:
        return check_report(found.report, bank)
    result = CheckResult(str(path), notes=list(found.migrations))
    for problem in found.problems:
        finding = from_problem(problem, section_of(problem.key, bank, found.locations))
        (result.warnings if problem.severity == "warning" else result.errors).append(finding)
    return result


__all__ = ["CheckResult", "WriterText", "check_file", "check_report", "lint_report", "writer_texts"]
