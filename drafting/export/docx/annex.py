"""Annexes: each on a new page, "PHỤ LỤC n" and its title, the reference to the report."""

from __future__ import annotations

import re

from docx.shared import Pt

from drafting.document import Header, Section, Table, plain
from drafting.export.docx.body import add_paragraph, add_section
from drafting.export.docx.elements import Element, Maker
from drafting.export.docx.measure import clean_text
from drafting.export.docx.properties import DATE
from drafting.export.docx.tables import add_table


def annex_reference(header: Header) -> str:
    """ "(Kèm theo Báo cáo số 15/BC-TA ngày 05 tháng 01 năm 2025)", as far as it is known.

    >>> annex_reference(Header("", "", "Số: 15/BC-TA", "Hà Nội, ngày 05 tháng 01 năm 2025"))
    '(Kèm theo Báo cáo số 15/BC-TA ngày 05 tháng 01 năm 2025)'
    >>> annex_reference(Header("", "", "Số:      /BC-TA", "Hà Nội, ngày      tháng      năm 2025"))
    '(Kèm theo Báo cáo số /BC-TA)'
    """
    number = re.sub(r"^Số\s*:\s*", "", clean_text(plain(header.number_line)).strip()).strip()
    match = DATE.search(clean_text(plain(header.place_date)))
    parts = [f"Kèm theo {header.doc_type.strip().capitalize() or 'Báo cáo'}"]
    if number:
        parts.append(f"số {number}")
    if match:
        parts.append(match.group())
    return f"({' '.join(parts)})"


def add_annex(maker: Maker, body: Element, annex: Section, header: Header) -> None:
    """An annex at the end of ``body``, starting a new page."""
    number = " ".join(clean_text(annex.number).split()).rstrip(".:")
    heading = " ".join(clean_text(annex.heading).split())
    if number.upper().startswith("PHỤ LỤC") or not heading:
        lines = [" ".join(filter(None, [number, heading])).upper() or "PHỤ LỤC"]
    else:
        lines = [f"PHỤ LỤC {number}".strip(), heading.upper()]
    size = maker.sizes.body
    for index, line in enumerate(lines):
        p = maker.paragraph(
            body,
            size,
            before=0 if index == 0 else Pt(6),
            keep_with_next=True,
            page_break_before=index == 0,
            bold=True,
            style="Heading1",
        )
        maker.run(p, line, size, bold=True)
    reference = maker.paragraph(body, size, after=Pt(12), italic=True)
    maker.run(reference, annex_reference(header), size, italic=True)
    for block in annex.blocks:
        if isinstance(block, Table):
            add_table(maker, body, block)
        else:
            add_paragraph(maker, body, block)
    for child in annex.children:
        add_section(maker, body, child)
