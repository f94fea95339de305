"""Recipients and signature, side by side under the body (Nghị định 30/2020, items 8 and 9).

A borderless table: "Nơi nhận:" (12 pt, bold italic) and the recipients (11 pt, a
hanging "- ") left; the signing authority and title in bold capitals, blank lines for
the signature and the signer's name in bold right. A recipient or name that is a gap
is highlighted whole.
"""

from __future__ import annotations

from collections.abc import Sequence

from docx.shared import Pt

from drafting.document import Inline, Signature, Words, as_words, plain
from drafting.export.docx.elements import LEFT, Element, Maker
from drafting.export.docx.layout import (
    LAYOUT_CELL_MARGIN,
    RECIPIENT_SIZE,
    RECIPIENTS_HEADING_SIZE,
    SIGN_LEFT_WIDTH,
    SIGN_RIGHT_WIDTH,
    SIGNATURE_BLANK_LINES,
)
from drafting.export.docx.measure import clean_text, text_width


def _recipients(maker: Maker, cell: Element, recipients: Sequence[Inline]) -> None:
    heading = maker.paragraph(cell, RECIPIENTS_HEADING_SIZE, align=LEFT, before=Pt(12), bold=True, italic=True)
    maker.run(heading, "Nơi nhận:", RECIPIENTS_HEADING_SIZE, bold=True, italic=True)
    hang = Pt(text_width("- ", RECIPIENT_SIZE))
    for entry in recipients:
        p = maker.paragraph(cell, RECIPIENT_SIZE, align=LEFT, left=hang, first_line=-hang)
        maker.run(p, plain(entry), RECIPIENT_SIZE, highlight=bool(as_words(entry).gaps))


def _signature(maker: Maker, cell: Element, signature: Signature) -> None:
    size = maker.sizes.body
    lines = [
        " ".join(clean_text(line).upper().split()) for line in (signature.authority, signature.title) if line.strip()
    ]
    for index, line in enumerate(lines):
        maker.run(maker.paragraph(cell, size, before=Pt(12) if index == 0 else 0, bold=True), line, size, bold=True)
    for _ in range(SIGNATURE_BLANK_LINES):
        maker.paragraph(cell, size)
    parts = [" ".join(clean_text(p).split()) if isinstance(p, str) else p for p in as_words(signature.name).parts]
    maker.runs(maker.paragraph(cell, size, bold=True), Words(*parts), size, bold=True)


def add_signature_block(maker: Maker, body: Element, signature: Signature, recipients: Sequence[Inline]) -> None:
    """The recipients and signature table at the end of ``body``."""
    widths = (SIGN_LEFT_WIDTH, SIGN_RIGHT_WIDTH)
    table = maker.table(body, widths, borders=False, margin=LAYOUT_CELL_MARGIN)
    row = maker.row(table)
    _recipients(maker, maker.cell(row, widths[0], "top"), recipients)
    _signature(maker, maker.cell(row, widths[1], "top"), signature)
