"""The whole report as a .docx: built, serialised, written."""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
from pathlib import Path

import docx.document

from drafting.document import Document
from drafting.errors import OutputError
from drafting.export.docx.annex import add_annex
from drafting.export.docx.body import add_body
from drafting.export.docx.elements import Maker
from drafting.export.docx.header import add_header_block, add_title_block
from drafting.export.docx.layout import Sizes
from drafting.export.docx.properties import set_properties
from drafting.export.docx.signature import add_signature_block
from drafting.export.docx.styles import blank_document


def build_docx(document: Document) -> docx.document.Document:
    """The python-docx document for ``document``, laid out by Nghị định 30/2020."""
    sizes = Sizes.of(document.layout)
    doc = blank_document(sizes)
    maker = Maker(sizes)
    body = doc.element.body
    end = body.sectPr  # the page setup closes the body: the content goes before it
    body.remove(end)
    add_header_block(maker, body, document.header)
    add_title_block(maker, body, document.header)
    add_body(maker, body, document.sections)
    add_signature_block(maker, body, document.signature, document.recipients)
    for annex in document.annexes:
        add_annex(maker, body, annex, document.header)
    body.append(end)
    set_properties(doc, document)
    return doc


def docx_bytes(document: Document) -> bytes:
    """``document`` as the bytes of a .docx file."""
    buffer = io.BytesIO()
    build_docx(document).save(buffer)
    return buffer.getvalue()


def write_docx(document: Document, path: Path) -> None:
    """Write ``document`` to ``path`` as .docx, atomically.

    The file is written to a temporary file in the same folder and then renamed over
    ``path``: a reader sees either the old file or the complete new one, never half.
    """
    path = Path(path)
    folder = path.parent
    if not folder.is_dir():
        raise OutputError(f"Không ghi được “{path}”: thư mục “{folder}” không tồn tại.")
    if path.is_dir():
        raise OutputError(f"Không ghi được “{path}”: đó là một thư mục, không phải tệp.")
    try:
        data = docx_bytes(document)
    except OSError as exc:
        raise _write_error(path, exc) from exc
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"Không ghi được vào thư mục “{folder}”: {exc.strerror or exc}.") from exc
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, _file_mode(path))
        os.replace(temporary, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(exc, OSError):
            raise _write_error(path, exc) from exc
        raise


def _write_error(path: Path, exc: OSError) -> OutputError:
    if isinstance(exc, PermissionError):
        return OutputError(
            f"Không ghi được “{path}”: không có quyền ghi, hoặc tệp đang mở trong"
            " chương trình khác (Word?). Hãy đóng tệp rồi thử lại."
        )
    return OutputError(f"Không ghi được “{path}”: {exc.strerror or exc}.")


def _file_mode(path: Path) -> int:
    """Keep an existing file's mode; a new file gets the usual 0o666 less the umask."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask
