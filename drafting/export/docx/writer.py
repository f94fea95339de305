"""The whole report as a .docx: built, serialised, written."""

from __future__ import annotations

import io
from pathlib import Path

import docx.document

from drafting.document import Document
from drafting.export.docx.annex import add_annex
from drafting.export.docx.body import add_body
from drafting.export.docx.elements import Maker
from drafting.export.docx.header import add_header_block, add_title_block
from drafting.export.docx.layout import Sizes
from drafting.export.docx.properties import set_properties
from drafting.export.docx.signature import add_signature_block
from drafting.export.docx.styles import blank_document
from drafting.files import atomic


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
    """Write ``document`` to ``path`` as .docx through the atomic writer
    (:mod:`drafting.files.atomic`): a reader sees the old file or the new one, never half."""
    atomic.write_bytes(path, docx_bytes(document))
