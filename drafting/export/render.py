"""Rendering a data file to an output file: the one path shared by the CLI and the TUI."""

from __future__ import annotations

from pathlib import Path

from drafting.bank.bank import Bank
from drafting.composition.composer import compose
from drafting.datafile.validate import load_report
from drafting.document import Document
from drafting.errors import OutputError
from drafting.files import atomic
from drafting.files.outputs import check_output_path

FORMATS = ("docx", "md", "txt", "pdf", "json")
"""The output formats, by name (and file extension)."""


def output_format(path: Path, requested: str | None) -> str:
    """The format to write: as requested, else from the file's extension (default docx)."""
    if requested:
        if requested not in FORMATS:
            raise OutputError(f"định dạng “{requested}” không hỗ trợ; chọn một trong: {', '.join(FORMATS)}")
        return requested
    suffix = path.suffix.lower().lstrip(".")
    return suffix if suffix in FORMATS else "docx"


def document_bytes(document: Document, fmt: str) -> bytes:
    """A composed document as the bytes of a file in ``fmt`` (one of :data:`FORMATS`;
    text formats in UTF-8; ``pdf`` needs LibreOffice)."""
    if fmt == "md":
        from drafting.export.text import to_markdown

        return to_markdown(document).encode("utf-8")
    if fmt == "txt":
        from drafting.export.text import to_text

        return to_text(document).encode("utf-8")
    if fmt == "json":
        from drafting.export.json_document import to_json

        return to_json(document).encode("utf-8")
    if fmt == "docx":
        from drafting.export.docx import docx_bytes

        return docx_bytes(document)
    if fmt == "pdf":
        import tempfile

        from drafting.export.pdf import convert_to_pdf

        with tempfile.TemporaryDirectory(prefix="drafting-") as tmp:
            docx_path, pdf_path = Path(tmp) / "bao-cao.docx", Path(tmp) / "bao-cao.pdf"
            docx_path.write_bytes(document_bytes(document, "docx"))
            convert_to_pdf(docx_path, pdf_path)
            return pdf_path.read_bytes()
    raise OutputError(f"định dạng “{fmt}” không hỗ trợ")


def write_document(document: Document, output: Path | str, fmt: str | None = None) -> Path:
    """Write a composed document in ``fmt`` (by default from the file's extension; docx
    when it has none of :data:`FORMATS`), atomically: never half-written. Returns the path."""
    output = Path(output)
    atomic.write_bytes(output, document_bytes(document, output_format(output, fmt)))
    return output


def render_bytes(source: Path | str, fmt: str, bank: Bank | None = None, notes: list[str] | None = None) -> bytes:
    """Load, validate and compose one report (with ``bank``, by default the shipped one);
    return its file in ``fmt`` as bytes (what ``render -o -`` writes to standard output).
    The notes of the format migrations an older file needed are added to ``notes``."""
    report = load_report(source, bank, comments=False)
    if notes is not None:
        notes.extend(report.migrations)
    return document_bytes(compose(report, bank), fmt)


def render_file(
    source: Path, output: Path, fmt: str | None = None, bank: Bank | None = None, notes: list[str] | None = None
) -> Path:
    """Load, validate, compose and write one report (with ``bank``, by default the shipped
    one); return the written path. The notes of the format migrations an older file needed
    are added to ``notes`` (the caller says them: never silently)."""
    kind = output_format(output, fmt)
    check_output_path(output, [source])
    report = load_report(source, bank)
    if notes is not None:
        notes.extend(report.migrations)
    write_document(compose(report, bank), output, kind)
    return output
