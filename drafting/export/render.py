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

FORMATS = ("docx", "md", "txt", "pdf")


def output_format(path: Path, requested: str | None) -> str:
    """The format to write: as requested, else from the file's extension (default docx)."""
    if requested:
        if requested not in FORMATS:
            raise OutputError(f"định dạng “{requested}” không hỗ trợ; chọn một trong: {', '.join(FORMATS)}")
        return requested
    suffix = path.suffix.lower().lstrip(".")
    return suffix if suffix in FORMATS else "docx"


def document_bytes(document: Document, fmt: str) -> bytes:
    """A composed document as the bytes of a file in ``fmt``."""
    if fmt == "md":
        from drafting.export.text import to_markdown

        return to_markdown(document).encode("utf-8")
    if fmt == "txt":
        from drafting.export.text import to_text

        return to_text(document).encode("utf-8")
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


def write_document(document: Document, output: Path, fmt: str) -> None:
    """Write a composed document in a format (atomically; never half-written)."""
    atomic.write_bytes(output, document_bytes(document, fmt))


def render_bytes(source: Path, fmt: str) -> bytes:
    """Load, validate and compose one report; return its file in ``fmt`` as bytes
    (what ``render -o -`` writes to standard output)."""
    return document_bytes(compose(load_report(source, comments=False)), fmt)


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
