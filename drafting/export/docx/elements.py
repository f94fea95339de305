"""The pieces of WordprocessingML a report is made of, built with python-docx's oxml layer.

Every paragraph and run carries all of its formatting explicitly, so no style default
leaks in: paragraph properties (``w:pPr``, with the paragraph mark's run properties),
run properties (``w:rPr``), table, row and cell properties. A report uses a handful of
distinct formats: :class:`Maker` builds each once with :func:`~docx.oxml.OxmlElement`
(once per thread: lxml trees are best kept to the thread that made them) and puts a
deep copy where it is used, one call into lxml. Paragraphs, runs, rows and cells are
made in place by their parent's ``makeelement``, so they are python-docx's ``CT_*``
classes from the start.

Where this does not use python-docx's higher levels, and why: its proxy objects
(``Document.add_paragraph``, ``Paragraph.add_run``, ``Run.font``) set each property
through several layers and cost about ten times more for a report of thousands of
runs and table cells; its ``CT_*`` ``add_*`` methods make each element apart and move
it into the tree, about twice the cost of making it in place. The XML is the same.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from copy import deepcopy
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Length, Pt, Twips

from drafting.document import Inline, as_words
from drafting.export.docx.layout import (
    BLACK,
    FIRST_LINE_INDENT,
    FONT_NAME,
    LANGUAGE,
    PARAGRAPH_SPACING,
    RULE_WIDTH_EIGHTHS,
    Sizes,
)
from drafting.export.docx.measure import clean_text

Element = Any  # a python-docx CT_* element (lxml, untyped)

CENTER, LEFT, JUSTIFY = "center", "left", "both"  # w:jc values
_BORDER_SIDES = ("top", "left", "bottom", "right", "insideH", "insideV")
_RUN_BREAKS = re.compile("([\t\r\n])")
_P, _R, _T, _TAB, _BR = (qn(f"w:{tag}") for tag in ("p", "r", "t", "tab", "br"))
_TBL, _TR, _TC, _TR_PR = (qn(f"w:{tag}") for tag in ("tbl", "tr", "tc", "trPr"))
_PRESERVE = qn("xml:space")


def twips(length: float) -> int:
    """A length in EMU as whole twips, rounded as python-docx writes it."""
    return int(Emu(int(length)).twips)


def new(tag: str, **attributes: str | int) -> Element:
    """A new ``w:tag`` element with ``w:`` attributes, in the order given."""
    return OxmlElement(f"w:{tag}", {qn(f"w:{name}"): str(value) for name, value in attributes.items()})


def child(parent: Element, tag: str, attributes: dict[str, str] | None = None) -> Element:
    """A new last child of ``parent`` (``tag`` and attribute names already qualified)."""
    element = parent.makeelement(tag, attributes or {})
    parent.append(element)
    return element


def add_text(run: Element, text: str) -> None:
    """``text`` as run content: ``w:t`` pieces, tabs as ``w:tab``, line breaks as ``w:br``."""
    pieces = _RUN_BREAKS.split(text) if "\t" in text or "\n" in text or "\r" in text else [text]
    for piece in pieces:
        if piece == "\t":
            child(run, _TAB)
        elif piece in ("\n", "\r"):
            child(run, _BR)
        elif piece:
            node = child(run, _T)
            node.text = piece
            if len(piece.strip()) < len(piece):
                node.set(_PRESERVE, "preserve")


def run_properties(size: float | None, bold: bool | None, italic: bool | None, highlight: bool = False) -> Element:
    """``w:rPr``: fonts in all four slots, weight, slant, black, size, highlight, language.

    ``None`` leaves a property out (for styles, which keep their own).
    """
    rpr = new("rPr")
    rpr.append(new("rFonts", ascii=FONT_NAME, hAnsi=FONT_NAME, cs=FONT_NAME, eastAsia=FONT_NAME))
    for tag, value in (("b", bold), ("bCs", bold), ("i", italic), ("iCs", italic)):
        if value is not None:
            rpr.append(new(tag, val=1 if value else 0))
    rpr.append(new("color", val=BLACK))
    if size is not None:
        half_points = round(size * 2)
        rpr.append(new("sz", val=half_points))
        rpr.append(new("szCs", val=half_points))
    if highlight:
        rpr.append(new("highlight", val="yellow"))
    rpr.append(new("lang", val=LANGUAGE, eastAsia=LANGUAGE))
    return rpr


def paragraph_properties(
    size: float,
    *,
    align: str = CENTER,
    first_line: int = 0,
    left: int = 0,
    right: int = 0,
    before: int = 0,
    after: int = 0,
    line: float = 1.0,
    keep_with_next: bool = False,
    keep_lines: bool = False,
    page_break_before: bool = False,
    bold: bool = False,
    italic: bool = False,
    style: str | None = None,
    rule: bool = False,
) -> Element:
    """``w:pPr``, every property explicit, and the paragraph mark's run properties.

    Lengths are in EMU; ``line`` is a multiple of single spacing. A ``rule`` paragraph
    draws its top border and is one point high.
    """
    ppr = new("pPr")
    if style is not None:
        ppr.append(new("pStyle", val=style))
    ppr.append(new("keepNext") if keep_with_next else new("keepNext", val=0))
    if keep_lines:
        ppr.append(new("keepLines"))
    if page_break_before:
        ppr.append(new("pageBreakBefore"))
    ppr.append(new("widowControl"))
    if rule:
        borders = new("pBdr")
        borders.append(new("top", val="single", sz=RULE_WIDTH_EIGHTHS, space=1, color=BLACK))
        ppr.append(borders)
        ppr.append(new("spacing", before=twips(before), after=twips(after), lineRule="exact", line=twips(Pt(1))))
    else:
        spacing = twips(Emu(int(line * Twips(240))))
        ppr.append(new("spacing", before=twips(before), after=twips(after), line=spacing, lineRule="auto"))
    if first_line < 0:
        ppr.append(new("ind", hanging=twips(-first_line), left=twips(left), right=twips(right)))
    else:
        ppr.append(new("ind", firstLine=twips(first_line), left=twips(left), right=twips(right)))
    ppr.append(new("jc", val=align))
    ppr.append(run_properties(size, bold, italic))
    return ppr


# Properties elements already built, by what they were built from. One cache per thread:
# lxml trees are not to be shared between threads, even for copying.
_built = threading.local()


class Maker:
    """Makes the paragraphs, runs and tables of one report, each format built once."""

    def __init__(self, sizes: Sizes) -> None:
        self.sizes = sizes
        formats: dict[tuple[Any, ...], Element] | None = getattr(_built, "formats", None)
        if formats is None:
            formats = _built.formats = {}
        self._formats = formats

    def _format(self, key: tuple[Any, ...], build: Any, *args: Any, **options: Any) -> Element:
        """A copy of the properties element ``build(*args, **options)``, built once."""
        template = self._formats.get(key)
        if template is None:
            template = self._formats[key] = build(*args, **options)
        return deepcopy(template)

    def paragraph(self, parent: Element, size: float, **options: Any) -> Element:
        """A new last paragraph of ``parent`` with :func:`paragraph_properties`."""
        p = child(parent, _P)
        key = ("p", size, *options.items())
        p.append(self._format(key, paragraph_properties, size, **options))
        return p

    def body_paragraph(
        self,
        parent: Element,
        *,
        align: str = JUSTIFY,
        first_line: int = FIRST_LINE_INDENT,
        before: int = PARAGRAPH_SPACING,
        **options: Any,
    ) -> Element:
        """A new paragraph of body text: justified, indented, spaced, in the body's size."""
        sizes = self.sizes
        return self.paragraph(
            parent,
            sizes.body,
            align=align,
            first_line=first_line,
            before=before,
            after=PARAGRAPH_SPACING,
            line=sizes.line,
            **options,
        )

    def run(
        self,
        p: Element,
        text: str,
        size: float,
        *,
        bold: bool = False,
        italic: bool = False,
        highlight: bool = False,
    ) -> Element:
        """A new last run of ``p``: ``text`` cleaned for XML, fully formatted."""
        r = child(p, _R)
        r.append(self._format(("r", size, bold, italic, highlight), run_properties, size, bold, italic, highlight))
        add_text(r, clean_text(text))
        return r

    def runs(self, p: Element, words: Inline, size: float, *, bold: bool = False, italic: bool = False) -> None:
        """The runs of ``words``: one per part, the gaps highlighted; one empty run for no words."""
        parts = as_words(words).parts
        for part in parts:
            if isinstance(part, str):
                self.run(p, part, size, bold=bold, italic=italic)
            else:
                self.run(p, part.text, size, bold=bold, italic=italic, highlight=True)
        if not parts:
            self.run(p, "", size, bold=bold, italic=italic)

    def rule(self, parent: Element, available: float, length: float, *, before: float = 0, after: int = 0) -> None:
        """A centred solid line ``length`` points long: an empty paragraph's top border.

        A paragraph border limited by equal left and right indents survives the round
        trip through LibreOffice, unlike a drawn shape in a table cell.
        """
        side = max(0, int((available - Pt(length)) / 2))
        self.paragraph(parent, 1, left=side, right=side, before=Pt(before), after=after, rule=True)

    def table(
        self, parent: Element, widths: Sequence[Length], *, borders: bool, margin: Length, style: str | None = None
    ) -> Element:
        """A new table at the end of ``parent``: fixed column widths, at the left margin, borders on or off."""
        tbl = child(parent, _TBL)
        key = ("tbl", tuple(widths), borders, margin, style)
        tbl.append(self._format(key, _table_properties, widths, borders, margin, style))
        grid = new("tblGrid")
        for width in widths:
            grid.append(new("gridCol", w=twips(width)))
        tbl.append(grid)
        return tbl

    def row(self, tbl: Element, *, cant_split: bool = True, header: bool = False) -> Element:
        """A new last row: kept on one page unless ``cant_split`` is off, repeated on each page if ``header``."""
        tr = child(tbl, _TR)
        if cant_split:
            properties = child(tr, _TR_PR)
            properties.append(new("cantSplit"))
            if header:
                properties.append(new("tblHeader"))
        return tr

    def cell(self, tr: Element, width: Length, valign: str | None) -> Element:
        """A new last cell of ``width``, its content aligned vertically to ``valign``."""
        tc = child(tr, _TC)
        tc.append(self._format(("tc", width, valign), _cell_properties, width, valign))
        return tc


def _table_properties(widths: Sequence[Length], borders: bool, margin: Length, style: str | None) -> Element:
    tbl_pr = new("tblPr")
    if style is not None:
        tbl_pr.append(new("tblStyle", val=style))
    tbl_pr.append(new("tblW", w=twips(sum(widths)), type="dxa"))
    tbl_pr.append(new("jc", val="left"))
    tbl_pr.append(new("tblInd", w=0, type="dxa"))
    edges = new("tblBorders")
    for side in _BORDER_SIDES:
        edge = new(side, val="single", sz=4, space=0, color=BLACK) if borders else new(side, val="nil")
        edges.append(edge)
    tbl_pr.append(edges)
    tbl_pr.append(new("tblLayout", type="fixed"))
    margins = new("tblCellMar")
    margins.append(new("left", w=margin.twips, type="dxa"))
    margins.append(new("right", w=margin.twips, type="dxa"))
    tbl_pr.append(margins)
    tbl_pr.append(new("tblLook", firstColumn=1, firstRow=1, lastColumn=0, lastRow=0, noHBand=0, noVBand=1, val="04A0"))
    return tbl_pr


def _cell_properties(width: Length, valign: str | None) -> Element:
    tc_pr = new("tcPr")
    tc_pr.append(new("tcW", type="dxa", w=twips(width)))
    if valign:
        tc_pr.append(new("vAlign", val=valign))
    return tc_pr
