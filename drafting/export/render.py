"""Rendering a data file to an output file: the one path shared by the CLI and the TUI."""

from __future__ import annotations

from pathlib import Path

from drafting.bank.bank import Bank
from drafting.composition.composer import compose
from drafting.datafile.validate import load_report
from drafting.document import Document
from drafting.errors import OutputError

FORMATS = ("docx", "md", "txt", "pdf")


def output_format(path: Path, requested: str | None) -> str:
    """The format to write: as requested, else from the file's extension (default docx)."""
    if requested:
        if requested not in FORMATS:
            raise OutputError(f"định dạng “{requested}” không hỗ trợ; chọn một trong: {', '.join(FORMATS)}")
        return requested
    suffix = path.suffix.lower().lstrip(".")
    return suffix if suffix in FORMATS else "docx"


def check_output_path(output: Path, inputs: list[Path]) -> None:
    """Refuse to overwrite an input and explain a missing folder."""
    parent = output.parent if str(output.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(f"{output}: thư mục “{parent}” không tồn tại")
    if output.is_dir():
        raise OutputError(f"{output}: đây là thư mục; hãy ghi tên tệp kết quả")
    for source in inputs:
        try:
            same = output.exists() and (output.resolve() == source.resolve() or output.samefile(source))
        except OSError:
            continue
        if same:
            raise OutputError(f"{output}: không được ghi đè lên tệp dữ liệu đầu vào ({source}); hãy chọn tên tệp khác")


def write_document(document: Document, output: Path, fmt: str) -> None:
    """Write a composed document in a format (atomically; never half-written)."""
    if fmt == "md":
        from drafting.export.text import write_markdown

        write_markdown(document, output)
    elif fmt == "txt":
        from drafting.export.text import write_text

        write_text(document, output)
    elif fmt == "docx":
        from drafting.export.docx import write_docx

        write_docx(document, output)
    elif fmt == "pdf":
        import tempfile

        from drafting.export.docx import write_docx
        from drafting.export.pdf import convert_to_pdf

        with tempfile.TemporaryDirectory(prefix="drafting-") as tmp:
            docx_path = Path(tmp) / (output.stem + ".docx")
            write_docx(document, docx_path)
            convert_to_pdf(docx_path, output)
    else:  # pragma: no cover - guarded by output_format
        raise OutputError(f"định dạng “{fmt}” không hỗ trợ")


def render_file(source: Path, output: Path, fmt: str | None = None, bank: Bank | None = None) -> Path:
    """Load, validate, compose and write one report (with ``bank``, by default the shipped
    one); return the written path."""
    kind = output_format(output, fmt)
    check_output_path(output, [source])
    report = load_report(source, bank, comments=False)
    write_document(compose(report, bank), output, kind)
    return output
