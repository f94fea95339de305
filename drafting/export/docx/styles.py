"""The blank report: A4 page and margins, Times New Roman styles, page numbers.

All of it depends only on the body's type size and line spacing, so it is built once
per process and layout, kept as the bytes of a .docx, and opened afresh for each
report (opening is much cheaper than building).

python-docx's public API sets the page, the paragraph formats of styles and the
header's "different first page"; the oxml layer does the rest, which the API does not
reach: the document defaults and every style's fonts in all four script slots
(``w:rFonts``, theme fonts removed), the language, and the PAGE field of the page
number (``w:fldChar`` runs), written into the header part's element.
"""

from __future__ import annotations

import io
from typing import Any

import docx
import docx.document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Length

from drafting.export.docx.elements import Element, Maker, new, run_properties
from drafting.export.docx.layout import (
    BLACK,
    FIRST_LINE_INDENT,
    FONT_NAME,
    FOOTER_DISTANCE,
    HEADER_DISTANCE,
    LANGUAGE,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    PARAGRAPH_SPACING,
    Sizes,
)

# Children of w:rPr and w:pPr in schema order (CT_RPr, CT_PPr).
# fmt: off
_RPR_ORDER = [
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline", "shadow",
    "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w", "kern",
    "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em",
    "lang", "eastAsianLayout", "specVanish", "oMath",
]
_PPR_ORDER = [
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr", "suppressLineNumbers",
    "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap", "overflowPunct", "topLinePunct",
    "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing",
    "mirrorIndents", "suppressOverlap", "jc", "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl",
    "divId", "cnfStyle", "rPr", "sectPr", "pPrChange",
]
# fmt: on

_BLANKS: dict[Sizes, bytes] = {}


def blank_document(sizes: Sizes) -> docx.document.Document:
    """A fresh python-docx document with the page, styles and page numbers set."""
    data = _BLANKS.get(sizes)
    if data is None:
        doc = docx.Document()
        _page_setup(doc)
        _styles(doc, sizes)
        _trim_package(doc)
        _page_numbers(doc, Maker(sizes))
        buffer = io.BytesIO()
        doc.save(buffer)
        data = _BLANKS[sizes] = buffer.getvalue()
    return docx.Document(io.BytesIO(data))


def _page_setup(doc: docx.document.Document) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width = PAGE_WIDTH
    section.page_height = PAGE_HEIGHT
    section.top_margin = MARGIN_TOP
    section.bottom_margin = MARGIN_BOTTOM
    section.left_margin = MARGIN_LEFT
    section.right_margin = MARGIN_RIGHT
    section.header_distance = HEADER_DISTANCE
    section.footer_distance = FOOTER_DISTANCE
    section.gutter = Length(0)


def _set_child(parent: Element, child: Element, order: list[str]) -> None:
    """Replace ``parent``'s children of ``child``'s kind by ``child``, in schema order."""
    tag = child.tag.rpartition("}")[2]
    parent.remove_all(f"w:{tag}")
    parent.insert_element_before(child, *(f"w:{later}" for later in order[order.index(tag) + 1 :]))


def _apply_rpr(rpr: Element, size: float | None, *, bold: bool | None, italic: bool | None) -> None:
    """Set a style's run properties as a run's are written, keeping its others."""
    for child in list(run_properties(size, bold, italic)):
        _set_child(rpr, child, _RPR_ORDER)


def _retheme_rpr(rpr: Element) -> None:
    """Make an existing (style) run-properties element Times New Roman, black, vi-VN."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = new("rFonts")
        _set_child(rpr, fonts, _RPR_ORDER)
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attr}"), None)
    for slot in ("ascii", "hAnsi", "cs", "eastAsia"):
        fonts.set(qn(f"w:{slot}"), FONT_NAME)
    color = rpr.find(qn("w:color"))
    if color is not None:
        for attr in ("themeColor", "themeShade", "themeTint"):
            color.attrib.pop(qn(f"w:{attr}"), None)
        color.set(qn("w:val"), BLACK)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = new("lang")
        _set_child(rpr, lang, _RPR_ORDER)
    lang.set(qn("w:val"), LANGUAGE)
    lang.set(qn("w:eastAsia"), LANGUAGE)


def _styles(doc: docx.document.Document, sizes: Sizes) -> None:
    styles_element = doc.styles.element
    defaults = styles_element.find(qn("w:docDefaults"))
    _apply_rpr(defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")), sizes.body, bold=None, italic=None)
    ppr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    _set_child(ppr, new("spacing", before=0, after=0, line=240, lineRule="auto"), _PPR_ORDER)
    # Every style, used or not, so nothing a writer picks in Word falls back.
    for style in styles_element.findall(qn("w:style")):
        if style.get(qn("w:type")) == "numbering":
            continue
        style_rpr = style.find(qn("w:rPr"))
        if style_rpr is None:
            style_rpr = style.insert_element_before(new("rPr"), "w:tblPr", "w:trPr", "w:tcPr", "w:tblStylePr")
        _retheme_rpr(style_rpr)
    for nested in styles_element.iter(qn("w:rPr")):
        _retheme_rpr(nested)

    normal = doc.styles["Normal"]
    _apply_rpr(normal.element.get_or_add_rPr(), sizes.body, bold=False, italic=False)
    fmt: Any = normal.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt.first_line_indent = FIRST_LINE_INDENT
    fmt.space_before = PARAGRAPH_SPACING
    fmt.space_after = PARAGRAPH_SPACING
    fmt.line_spacing = sizes.line
    fmt.widow_control = True

    for level in (1, 2, 3):
        heading: Any = doc.styles[f"Heading {level}"]
        _apply_rpr(heading.element.get_or_add_rPr(), sizes.body, bold=level < 3, italic=False)
        fmt = heading.paragraph_format
        fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        fmt.first_line_indent = FIRST_LINE_INDENT
        fmt.left_indent = Length(0)
        fmt.space_before = PARAGRAPH_SPACING
        fmt.space_after = PARAGRAPH_SPACING
        fmt.line_spacing = sizes.line
        fmt.keep_with_next = True
        fmt.keep_together = True

    for name in ("Header", "Footer", "Table Grid"):
        _apply_rpr(doc.styles[name].element.get_or_add_rPr(), None, bold=None, italic=None)

    lang = doc.settings.element.find(qn("w:themeFontLang"))
    if lang is not None:
        lang.attrib.clear()
        lang.set(qn("w:val"), LANGUAGE)


def _trim_package(doc: docx.document.Document) -> None:
    """Drop template leftovers: Word 2010 style copies and a blank thumbnail."""
    part = doc.part
    for rid, rel in list(part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            part.drop_rel(rid)
    package_rels = part.package.rels
    for rid, rel in list(package_rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            del package_rels[rid]


def _page_numbers(doc: docx.document.Document, maker: Maker) -> None:
    """Page numbers centred in the top margin from page 2 on; none on page 1."""
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    size = maker.sizes.body
    for header, numbered in ((section.header, True), (section.first_page_header, False)):
        header.is_linked_to_previous = False
        story = header.part.element  # w:hdr, holding the template's one empty paragraph
        story.remove_all("w:p")
        p = maker.paragraph(story, size, style="Header")
        if not numbered:
            continue
        maker.run(p, "", size).append(new("fldChar", fldCharType="begin"))
        instruction = new("instrText")
        instruction.set(qn("xml:space"), "preserve")
        instruction.text = " PAGE "
        maker.run(p, "", size).append(instruction)
        maker.run(p, "", size).append(new("fldChar", fldCharType="separate"))
        maker.run(p, "2", size)
        maker.run(p, "", size).append(new("fldChar", fldCharType="end"))
