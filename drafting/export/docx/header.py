"""The header of the report (Nghị định 30/2020, Phụ lục I, items 1 to 5).

A borderless 2×2 table: the parent body (not bold) and the issuing body (bold, a short
rule under it) left, Quốc hiệu and Tiêu ngữ (a rule as long as the text) right; "Số:"
and the italic place and date on the row below. Then "BÁO CÁO", the summary line and a
short rule under it.
"""

from __future__ import annotations

from docx.shared import Cm, Length, Pt

from drafting.document import Header
from drafting.export.docx.elements import Element, Maker
from drafting.export.docx.layout import (
    HEADER_BODY_SIZE,
    HEADER_LEFT_WIDTH,
    HEADER_RIGHT_WIDTH,
    ISSUING_RULE_SHARE,
    LAYOUT_CELL_MARGIN,
    MOTTO_SIZE,
    NATIONAL_TITLE_SIZE,
    RULE_GAP,
    TEXT_WIDTH,
)
from drafting.export.docx.measure import balanced_lines, clean_text, text_width


def _lines(maker: Maker, p: Element, lines: list[str], size: float, *, bold: bool = False) -> None:
    """One run per line, each but the last ending with a line break."""
    last = len(lines) - 1
    for index, line in enumerate(lines):
        maker.run(p, line + "\n" if index < last else line, size, bold=bold)


def add_header_block(maker: Maker, body: Element, header: Header) -> None:
    """The header table at the end of ``body``."""
    left_width = HEADER_LEFT_WIDTH - 2 * LAYOUT_CELL_MARGIN
    right_width = HEADER_RIGHT_WIDTH - 2 * LAYOUT_CELL_MARGIN
    left_pt = Length(left_width).pt
    widths = (HEADER_LEFT_WIDTH, HEADER_RIGHT_WIDTH)
    table = maker.table(body, widths, borders=False, margin=LAYOUT_CELL_MARGIN)

    row = maker.row(table, cant_split=False)
    cell = maker.cell(row, widths[0], "top")
    if header.parent_body.strip():
        lines = balanced_lines(clean_text(header.parent_body).upper(), HEADER_BODY_SIZE, False, left_pt)
        _lines(maker, maker.paragraph(cell, HEADER_BODY_SIZE), lines, HEADER_BODY_SIZE)
    issuing = balanced_lines(clean_text(header.issuing_body).upper(), HEADER_BODY_SIZE, True, left_pt)
    _lines(maker, maker.paragraph(cell, HEADER_BODY_SIZE, bold=True), issuing, HEADER_BODY_SIZE, bold=True)
    issuing_width = min(left_pt, max(text_width(line, HEADER_BODY_SIZE, True) for line in issuing))
    maker.rule(cell, left_width, ISSUING_RULE_SHARE * issuing_width, before=RULE_GAP)

    cell = maker.cell(row, widths[1], "top")
    title = maker.paragraph(cell, NATIONAL_TITLE_SIZE, bold=True)
    maker.run(title, header.national_title.upper(), NATIONAL_TITLE_SIZE, bold=True)
    maker.run(maker.paragraph(cell, MOTTO_SIZE, bold=True), header.motto, MOTTO_SIZE, bold=True)
    motto_width = min(Length(right_width).pt, text_width(clean_text(header.motto), MOTTO_SIZE, True))
    maker.rule(cell, right_width, motto_width, before=RULE_GAP)

    row = maker.row(table, cant_split=False)
    number = maker.paragraph(maker.cell(row, widths[0], None), HEADER_BODY_SIZE, before=Pt(6))
    maker.runs(number, header.number_line, HEADER_BODY_SIZE)
    size = maker.sizes.body
    date = maker.paragraph(maker.cell(row, widths[1], None), size, before=Pt(6), italic=True)
    maker.runs(date, header.place_date, size, italic=True)


def add_title_block(maker: Maker, body: Element, header: Header) -> None:
    """ "BÁO CÁO", the summary in bold and a short rule under it."""
    size = maker.sizes.body
    kind = maker.paragraph(body, size, before=Pt(18), keep_with_next=True, bold=True)
    maker.run(kind, header.doc_type.upper(), size, bold=True)
    summary = clean_text(header.summary).strip()
    if not summary:
        return
    maker.run(maker.paragraph(body, size, keep_with_next=True, bold=True), summary, size, bold=True)
    widest = min(TEXT_WIDTH.pt, max(text_width(line, size, True) for line in summary.splitlines()))
    length = min(Cm(5).pt, max(Cm(2.5).pt, widest / 3))
    maker.rule(body, TEXT_WIDTH, length, before=RULE_GAP, after=Pt(12))
