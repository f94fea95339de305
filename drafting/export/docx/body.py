"""The body of the report: headings I. / 1. / a), justified paragraphs, tables, "./.".

Headings carry the built-in heading styles (so Word's navigation pane lists them) and
all of their formatting explicitly: "I." bold capitals, "1." bold, "a)" upright.
Paragraphs are justified with a first-line indent; gaps are highlighted. The body ends
with "./." (:func:`drafting.document.close_body` decides where), kept with the
signature that follows.
"""

from __future__ import annotations

from docx.shared import Pt

from drafting.document import CLOSING, Paragraph, Section, Table, close_body
from drafting.export.docx.elements import Element, Maker
from drafting.export.docx.layout import PARAGRAPH_SPACING
from drafting.export.docx.measure import clean_text
from drafting.export.docx.tables import add_table


def _heading(maker: Maker, body: Element, section: Section) -> None:
    level = min(3, max(1, section.level))
    bold = level < 3
    p = maker.body_paragraph(body, keep_with_next=True, keep_lines=True, bold=bold, style=f"Heading{level}")
    title = " ".join(clean_text(section.title).split())
    maker.run(p, title.upper() if level == 1 else title, maker.sizes.body, bold=bold)


def add_paragraph(
    maker: Maker, body: Element, paragraph: Paragraph, *, after_table: bool = False, closing: bool = False
) -> None:
    """A body paragraph; more room above it after a table; the closing one kept with the signature."""
    before = Pt(12) if after_table else PARAGRAPH_SPACING
    maker.runs(maker.body_paragraph(body, keep_with_next=closing, before=before), paragraph.words, maker.sizes.body)


def add_section(maker: Maker, body: Element, section: Section, closing: Paragraph | None = None) -> None:
    """A section and its children; ``closing`` is the paragraph that ends the body."""
    _heading(maker, body, section)
    after_table = False
    for block in section.blocks:
        if isinstance(block, Table):
            add_table(maker, body, block)
        else:
            # Breathing room between a table and the prose that follows it.
            add_paragraph(maker, body, block, after_table=after_table, closing=block is closing)
        after_table = isinstance(block, Table)
    for child in section.children:
        add_section(maker, body, child, closing)


def add_body(maker: Maker, body: Element, sections: tuple[Section, ...]) -> None:
    """Every section, the last paragraph ending with "./." (or the mark on its own line)."""
    sections, mark = close_body(sections)
    closing = None
    if mark is None:
        leaf = sections[-1].walk()[-1]
        last = leaf.blocks[-1]
        assert isinstance(last, Paragraph)
        closing = last
    for section in sections:
        add_section(maker, body, section, closing)
    if mark is not None:
        p = maker.body_paragraph(body, first_line=0, keep_with_next=True)
        maker.run(p, CLOSING, maker.sizes.body)
