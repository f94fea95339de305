"""Word export laid out by Nghị định 30/2020/NĐ-CP, Phụ lục I.

:func:`build_docx` turns a composed :class:`~drafting.document.Document` into a
python-docx document; :func:`write_docx` saves it atomically. Every rule of the
decree's layout appendix is applied here, in one place:

- A4 portrait; margins top 20 mm, bottom 20 mm, left 30 mm, right 15 mm.
- Times New Roman in every script slot (ascii, hAnsi, cs, eastAsia) of the
  document defaults, of every style and of every run, black, language vi-VN, so
  no Vietnamese glyph falls back to another font.
- The header block as a borderless two-column table: parent body (not bold) and
  issuing body (bold) with a short rule under it, "Số: …" under them; Quốc hiệu
  and Tiêu ngữ (with a rule as long as the text) on the right, the italic place
  and date on the same row as "Số:".
- "BÁO CÁO", the summary line and a short rule; headings I. / 1. / a);
  justified body with a first-line indent; tables with single borders and a
  header row repeated on every page; "./." at the end of the body.
- The recipients ("Nơi nhận:") and the signature side by side; annexes on new
  pages; page numbers centred in the top margin from page 2 on.

Text is normalised to Unicode NFC and stripped of characters that XML forbids, so
Word opens the file without a repair prompt.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import tempfile
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import docx
import docx.document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Length, Mm, Pt, Twips

from drafting.document import Document, Header, Paragraph, Section, Signature, Table
from drafting.errors import OutputError

__all__ = [
    "FONT_NAME",
    "build_docx",
    "clean_text",
    "normalise_recipients",
    "text_width",
    "write_docx",
]

FONT_NAME = "Times New Roman"
LANGUAGE = "vi-VN"
BLACK = "000000"

PAGE_WIDTH = Twips(11906)  # 210 mm
PAGE_HEIGHT = Twips(16838)  # 297 mm
MARGIN_TOP = Mm(20)
MARGIN_BOTTOM = Mm(20)
MARGIN_LEFT = Mm(30)
MARGIN_RIGHT = Mm(15)
HEADER_DISTANCE = Mm(10)
FOOTER_DISTANCE = Mm(10)
TEXT_WIDTH = Mm(165)

FIRST_LINE_INDENT = Cm(1.27)
PARAGRAPH_SPACING = Pt(6)

# Header block: a borderless table as wide as the text.
HEADER_LEFT_WIDTH = Cm(6.8)
HEADER_RIGHT_WIDTH = Length(TEXT_WIDTH - HEADER_LEFT_WIDTH)
LAYOUT_CELL_MARGIN = Cm(0.1)
HEADER_BODY_SIZE = 13  # parent body, issuing body, "Số:"
NATIONAL_TITLE_SIZE = 12
MOTTO_SIZE = 13
RULE_WIDTH_EIGHTHS = 6  # 0.75 pt
RULE_GAP = 4  # points between a line of text and the rule under it
ISSUING_RULE_SHARE = 0.4  # of the issuing body's width: the decree asks 1/3 to 1/2

# Recipients and signature: a borderless table as wide as the text.
SIGN_LEFT_WIDTH = Cm(7.5)
SIGN_RIGHT_WIDTH = Length(TEXT_WIDTH - SIGN_LEFT_WIDTH)
RECIPIENTS_HEADING_SIZE = 12
RECIPIENT_SIZE = 11
SIGNATURE_BLANK_LINES = 4

# Data tables.
DATA_CELL_MARGIN = Cm(0.12)
CELL_SPACING = Pt(2)

PLACEHOLDER_PATTERN = re.compile(r"\[Chưa nhập[^\]]*\]")
CLOSING_MARK = "./."

# ---------------------------------------------------------------------------
# Text: cleaning, widths, recipients
# ---------------------------------------------------------------------------

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def clean_text(text: str) -> str:
    """Text safe for WordprocessingML: NFC, without characters XML forbids.

    Tabs and line breaks stay (they become ``w:tab`` and ``w:br``).

    >>> clean_text("Tòa\\x00 án\\x1b\\tnhân dân")
    'Tòa án\\tnhân dân'
    >>> clean_text("Ho\\u0300a") == "Hòa"
    True
    """
    return unicodedata.normalize("NFC", _XML_INVALID.sub("", text))


def _widths(spec: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for item in spec.split():
        chars, _, width = item.rpartition("=")
        for char in chars:
            out[char] = int(width)
    return out


# Advance widths of Times (Adobe AFM, 1/1000 em); Times New Roman and Liberation
# Serif share them closely enough to size rules and table columns.
_ROMAN = _widths(
    "ADGHKNOQUVXY=722 BCR=667 ELTZ=611 FPS=556 I=333 J=389 M=889 W=944"
    " acez=444 bdghknopquvxy=500 fr=333 ijlt=278 m=778 s=389 w=722"
    " 0123456789=500 ,.=250 :;/=278 -()[]!'=333 %=833 &=778 ?=444 \"=408 +<>=564"
    " …—=1000 –=500 “”=444"
)
_BOLD = _widths(
    "ACDNRUVXY=722 BELTZ=667 FP=611 GHKOQ=778 I=389 J=500 M=944 S=556 W=1000"
    " bdhknpqu=556 agovxy=500 cerz=444 fjt=333 il=278 m=833 s=389 w=722"
    " 0123456789=500 ,.=250 '/=278 :;-()[]!=333 %=1000 &=833 ?=500 \"=555 +<>=570"
    " …—=1000 –=500 “”=500"
)
_SPACE = 250
_UNKNOWN = 500
_HORN = 60  # Ơ, Ư and their lower case are a little wider than O and U


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Estimated printed width of one line of ``text`` in Times, in points.

    >>> round(text_width("Độc lập - Tự do - Hạnh phúc", 13, bold=True))
    159
    >>> text_width("", 13)
    0.0
    """
    table = _BOLD if bold else _ROMAN
    total = 0
    for char in text:
        if char == " ":
            total += _SPACE
            continue
        base = unicodedata.normalize("NFD", char)[0]
        if char in "Đđ":
            base = "D" if char == "Đ" else "d"
        total += table.get(base, _UNKNOWN)
        if "\u031b" in unicodedata.normalize("NFD", char):
            total += _HORN
    return total * size / 1000


def _balanced_lines(text: str, size: float, bold: bool, max_width: float) -> list[str]:
    """Split ``text`` at a space into two lines of similar width when it is too wide.

    Explicit line breaks in ``text`` are kept; a part that fits stays whole.

    >>> _balanced_lines("TÒA ÁN NHÂN DÂN TỈNH QUẢNG NINH", 13, True, 170)
    ['TÒA ÁN NHÂN DÂN', 'TỈNH QUẢNG NINH']
    >>> _balanced_lines("TÒA ÁN NHÂN DÂN", 13, True, 170)
    ['TÒA ÁN NHÂN DÂN']
    """
    lines: list[str] = []
    for part in text.splitlines() or [""]:
        part = " ".join(part.split())
        words = part.split(" ")
        # A little slack: real font metrics and kerning differ from the estimate.
        if text_width(part, size, bold) <= 0.96 * max_width or len(words) < 2:
            lines.append(part)
            continue
        best = min(
            range(1, len(words)),
            key=lambda i: max(
                text_width(" ".join(words[:i]), size, bold),
                text_width(" ".join(words[i:]), size, bold),
            ),
        )
        lines.extend([" ".join(words[:best]), " ".join(words[best:])])
    return lines


def normalise_recipients(recipients: Iterable[str]) -> list[str]:
    """Each recipient as printed: starting with "- ", ending with ";", the last with ".".

    >>> normalise_recipients(["Như trên;", "- TAND tối cao", "–  Lưu: VT, TĐKT."])
    ['- Như trên;', '- TAND tối cao;', '- Lưu: VT, TĐKT.']
    >>> normalise_recipients(["", "  "])
    []
    """
    cores: list[str] = []
    for raw in recipients:
        core = " ".join(clean_text(raw).split())
        core = core.lstrip("-–—•+* ").rstrip(";,. ")
        if core:
            cores.append(core)
    return [
        f"- {core}{'.' if index == len(cores) - 1 else ';'}" for index, core in enumerate(cores)
    ]


def _closing_text(text: str) -> str:
    """``text`` ending with "./.", its own final full stop merged into the mark.

    >>> _closing_text("Trên đây là báo cáo tổng kết.")
    'Trên đây là báo cáo tổng kết./.'
    >>> _closing_text("Kính đề nghị ./.")
    'Kính đề nghị./.'
    """
    text = text.rstrip()
    if text.endswith(CLOSING_MARK):
        text = text[: -len(CLOSING_MARK)].rstrip()
    if text.endswith(".") and not text.endswith(".."):
        text = text[:-1]
    return text + CLOSING_MARK


_DATE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")


def _document_date(place_date: str) -> dt.datetime | None:
    """The date of the report from its place-and-date line, if it is complete.

    >>> _document_date("Hà Nội, ngày 05 tháng 01 năm 2025")
    datetime.datetime(2025, 1, 5, 0, 0)
    >>> _document_date("Hà Nội, ngày … tháng … năm 2025") is None
    True
    """
    match = _DATE.search(place_date)
    if match is None:
        return None
    day, month, year = (int(group) for group in match.groups())
    try:
        return dt.datetime(year, month, day)
    except ValueError:
        return None


# ---------------------------------------------------------------------------
# XML helpers
# ---------------------------------------------------------------------------

_RPR_ORDER = tuple(
    qn(f"w:{tag}")
    for tag in [
        "rStyle",
        "rFonts",
        "b",
        "bCs",
        "i",
        "iCs",
        "caps",
        "smallCaps",
        "strike",
        "dstrike",
        "outline",
        "shadow",
        "emboss",
        "imprint",
        "noProof",
        "snapToGrid",
        "vanish",
        "webHidden",
        "color",
        "spacing",
        "w",
        "kern",
        "position",
        "sz",
        "szCs",
        "highlight",
        "u",
        "effect",
        "bdr",
        "shd",
        "fitText",
        "vertAlign",
        "rtl",
        "cs",
        "em",
        "lang",
        "eastAsianLayout",
        "specVanish",
        "oMath",
    ]
)
_PPR_ORDER = tuple(
    qn(f"w:{tag}")
    for tag in [
        "pStyle",
        "keepNext",
        "keepLines",
        "pageBreakBefore",
        "framePr",
        "widowControl",
        "numPr",
        "suppressLineNumbers",
        "pBdr",
        "shd",
        "tabs",
        "suppressAutoHyphens",
        "kinsoku",
        "wordWrap",
        "overflowPunct",
        "topLinePunct",
        "autoSpaceDE",
        "autoSpaceDN",
        "bidi",
        "adjustRightInd",
        "snapToGrid",
        "spacing",
        "ind",
        "contextualSpacing",
        "mirrorIndents",
        "suppressOverlap",
        "jc",
        "textDirection",
        "textAlignment",
        "textboxTightWrap",
        "outlineLvl",
        "divId",
        "cnfStyle",
        "rPr",
        "sectPr",
        "pPrChange",
    ]
)
_TBLPR_ORDER = tuple(
    qn(f"w:{tag}")
    for tag in [
        "tblStyle",
        "tblpPr",
        "tblOverlap",
        "bidiVisual",
        "tblStyleRowBandSize",
        "tblStyleColBandSize",
        "tblW",
        "jc",
        "tblCellSpacing",
        "tblInd",
        "tblBorders",
        "shd",
        "tblLayout",
        "tblCellMar",
        "tblLook",
        "tblCaption",
        "tblDescription",
    ]
)
_BORDER_SIDES = ("top", "left", "bottom", "right", "insideH", "insideV")


def _set_child(parent: Any, tag: str, order: Sequence[str], **attrs: str) -> Any:
    """Replace ``parent``'s child ``tag`` by a new one, in schema order."""
    name = qn(tag)
    for old in parent.findall(name):
        parent.remove(old)
    child = OxmlElement(tag)
    for key, value in attrs.items():
        child.set(qn(f"w:{key}"), value)
    rank = order.index(name)
    for index, existing in enumerate(parent):
        if existing.tag in order and order.index(existing.tag) > rank:
            parent.insert(index, child)
            break
    else:
        parent.append(child)
    return child


def _get_child(parent: Any, tag: str, order: Sequence[str]) -> Any:
    found = parent.find(qn(tag))
    return found if found is not None else _set_child(parent, tag, order)


def _apply_rpr(
    rpr: Any,
    size: float | None,
    *,
    bold: bool | None = False,
    italic: bool | None = False,
    highlight: bool = False,
) -> None:
    """Fonts in all four slots, weight, slant, black, size, highlight, language."""
    _set_child(
        rpr,
        "w:rFonts",
        _RPR_ORDER,
        ascii=FONT_NAME,
        hAnsi=FONT_NAME,
        cs=FONT_NAME,
        eastAsia=FONT_NAME,
    )
    for tag, value in (("b", bold), ("bCs", bold), ("i", italic), ("iCs", italic)):
        if value is not None:
            _set_child(rpr, f"w:{tag}", _RPR_ORDER, val="1" if value else "0")
    _set_child(rpr, "w:color", _RPR_ORDER, val=BLACK)
    if size is not None:
        half_points = str(round(size * 2))
        _set_child(rpr, "w:sz", _RPR_ORDER, val=half_points)
        _set_child(rpr, "w:szCs", _RPR_ORDER, val=half_points)
    if highlight:
        _set_child(rpr, "w:highlight", _RPR_ORDER, val="yellow")
    _set_child(rpr, "w:lang", _RPR_ORDER, val=LANGUAGE, eastAsia=LANGUAGE)


def _retheme_rpr(rpr: Any) -> None:
    """Make an existing (style) run-properties element Times New Roman, black, vi-VN."""
    fonts = _get_child(rpr, "w:rFonts", _RPR_ORDER)
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attr}"), None)
    for slot in ("ascii", "hAnsi", "cs", "eastAsia"):
        fonts.set(qn(f"w:{slot}"), FONT_NAME)
    color = rpr.find(qn("w:color"))
    if color is not None:
        for attr in ("themeColor", "themeShade", "themeTint"):
            color.attrib.pop(qn(f"w:{attr}"), None)
        color.set(qn("w:val"), BLACK)
    lang = _get_child(rpr, "w:lang", _RPR_ORDER)
    lang.set(qn("w:val"), LANGUAGE)
    lang.set(qn("w:eastAsia"), LANGUAGE)


def _add_run(
    paragraph: Any,
    text: str,
    size: float,
    *,
    bold: bool = False,
    italic: bool = False,
    highlight: bool = False,
) -> Any:
    run = paragraph.add_run(clean_text(text))
    _apply_rpr(run._r.get_or_add_rPr(), size, bold=bold, italic=italic, highlight=highlight)
    return run


def _format_paragraph(
    paragraph: Any,
    size: float,
    *,
    align: Any = WD_ALIGN_PARAGRAPH.CENTER,
    first_line: Length | None = None,
    left: Length | None = None,
    right: Length | None = None,
    before: Length | None = None,
    after: Length | None = None,
    line: float | Length = 1.0,
    keep_with_next: bool = False,
    page_break_before: bool = False,
    bold: bool = False,
    italic: bool = False,
) -> None:
    """Set every paragraph property explicitly, so no style default leaks in."""
    fmt = paragraph.paragraph_format
    fmt.alignment = align
    fmt.first_line_indent = first_line if first_line is not None else Length(0)
    fmt.left_indent = left if left is not None else Length(0)
    fmt.right_indent = right if right is not None else Length(0)
    fmt.space_before = before if before is not None else Length(0)
    fmt.space_after = after if after is not None else Length(0)
    if isinstance(line, Length):
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = line
    else:
        fmt.line_spacing = line
    fmt.keep_with_next = keep_with_next
    fmt.widow_control = True
    if page_break_before:
        fmt.page_break_before = True
    ppr = paragraph._p.get_or_add_pPr()
    mark = _get_child(ppr, "w:rPr", _PPR_ORDER)
    _apply_rpr(mark, size, bold=bold, italic=italic)


def _add_rule(container: Any, available: Length, length: float, *, before: float = 0) -> Any:
    """A centred solid line ``length`` points long: an empty paragraph's top border.

    A paragraph border limited by equal left and right indents survives the round
    trip through LibreOffice, unlike a drawn shape in a table cell.
    """
    paragraph = container.add_paragraph()
    side = Length(max(0, int((available - Pt(length)) / 2)))
    _format_paragraph(
        paragraph,
        1,
        left=side,
        right=side,
        before=Pt(before),
        line=Pt(1),
    )
    ppr = paragraph._p.get_or_add_pPr()
    borders = _set_child(ppr, "w:pBdr", _PPR_ORDER)
    top = OxmlElement("w:top")
    for key, value in (
        ("val", "single"),
        ("sz", str(RULE_WIDTH_EIGHTHS)),
        ("space", "1"),
        ("color", BLACK),
    ):
        top.set(qn(f"w:{key}"), value)
    borders.append(top)
    return paragraph


def _first_paragraph(cell: Any) -> Any:
    return cell.paragraphs[0]


def _cell_paragraph(cell: Any, first: list[bool]) -> Any:
    """The cell's initial empty paragraph the first time, then a new one."""
    if first[0]:
        first[0] = False
        return _first_paragraph(cell)
    return cell.add_paragraph()


def _text_lines(paragraph: Any, lines: Sequence[str], size: float, **style: bool) -> None:
    for index, line in enumerate(lines):
        run = _add_run(paragraph, line, size, **style)
        if index < len(lines) - 1:
            run.add_break()


def _layout_table(table: Any, widths: Sequence[Length], *, borders: bool, margin: Length) -> None:
    """Fixed column widths, left aligned at the margin, borders on or off."""
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    tblpr = table._tbl.tblPr
    total = sum(int(width) for width in widths)
    _set_child(tblpr, "w:tblW", _TBLPR_ORDER, w=str(Length(total).twips), type="dxa")
    _set_child(tblpr, "w:tblInd", _TBLPR_ORDER, w="0", type="dxa")
    edges = _set_child(tblpr, "w:tblBorders", _TBLPR_ORDER)
    for side in _BORDER_SIDES:
        edge = OxmlElement(f"w:{side}")
        if borders:
            for key, value in (("val", "single"), ("sz", "4"), ("space", "0"), ("color", BLACK)):
                edge.set(qn(f"w:{key}"), value)
        else:
            for key, value in (("val", "nil"),):
                edge.set(qn(f"w:{key}"), value)
        edges.append(edge)
    _set_child(tblpr, "w:tblLayout", _TBLPR_ORDER, type="fixed")
    margins = _set_child(tblpr, "w:tblCellMar", _TBLPR_ORDER)
    for side in ("left", "right"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:w"), str(margin.twips))
        edge.set(qn("w:type"), "dxa")
        margins.append(edge)
    grid = table._tbl.tblGrid
    for column, width in zip(grid.findall(qn("w:gridCol")), widths, strict=True):
        column.set(qn("w:w"), str(Length(width).twips))
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width


def _row_flags(row: Any, *, header: bool = False) -> None:
    trpr = row._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:cantSplit"))
    if header:
        trpr.append(OxmlElement("w:tblHeader"))


# ---------------------------------------------------------------------------
# The document
# ---------------------------------------------------------------------------


class _Builder:
    """Writes one :class:`Document` into a fresh python-docx document."""

    def __init__(self, document: Document) -> None:
        self.source = document
        self.doc: Any = docx.Document()
        layout = document.layout
        self.body_size = min(14, max(13, int(layout.body_size)))
        self.line = min(1.5, max(1.0, float(layout.line_spacing)))
        self.table_size = 13 if self.body_size >= 14 else 12
        self.closing: Paragraph | None = None

    # -- whole document -------------------------------------------------

    def build(self) -> Any:
        self._page_setup()
        self._styles()
        self._trim_package()
        self._header_block(self.source.header)
        self._title_block(self.source.header)
        self.closing = self._closing_target()
        last_kind = "none"
        for section in self.source.sections:
            last_kind = self._section(section)
        if self.closing is None or last_kind != "paragraph":
            paragraph = self.doc.add_paragraph()
            self._body_format(paragraph, first_line=Length(0), keep_with_next=True)
            _add_run(paragraph, CLOSING_MARK, self.body_size)
        self._signature_block(self.source.signature, self.source.recipients)
        for annex in self.source.annexes:
            self._annex(annex)
        self._page_numbers()
        self._properties()
        return self.doc

    def _closing_target(self) -> Paragraph | None:
        """The body paragraph that ends the report and takes "./."."""
        if not self.source.sections:
            return None
        last = self.source.sections[-1].walk()[-1]
        if last.blocks and isinstance(last.blocks[-1], Paragraph):
            return last.blocks[-1]
        return None

    def _page_setup(self) -> None:
        section = self.doc.sections[0]
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

    def _styles(self) -> None:
        styles_element = self.doc.styles.element
        defaults = styles_element.find(qn("w:docDefaults"))
        rpr_default = defaults.find(qn("w:rPrDefault"))
        rpr = rpr_default.find(qn("w:rPr"))
        _apply_rpr(rpr, self.body_size, bold=None, italic=None)
        ppr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
        _set_child(ppr, "w:spacing", _PPR_ORDER, before="0", after="0", line="240", lineRule="auto")
        # Every style, used or not, so nothing a writer picks in Word falls back.
        for style in styles_element.findall(qn("w:style")):
            if style.get(qn("w:type")) == "numbering":
                continue
            style_rpr = style.find(qn("w:rPr"))
            if style_rpr is None:
                style_rpr = OxmlElement("w:rPr")
                successors = [qn("w:tblPr"), qn("w:trPr"), qn("w:tcPr"), qn("w:tblStylePr")]
                for index, child in enumerate(style):
                    if child.tag in successors:
                        style.insert(index, style_rpr)
                        break
                else:
                    style.append(style_rpr)
            _retheme_rpr(style_rpr)
        for nested in styles_element.iter(qn("w:rPr")):
            _retheme_rpr(nested)

        normal = self.doc.styles["Normal"]
        _apply_rpr(normal.element.get_or_add_rPr(), self.body_size, bold=False, italic=False)
        fmt = normal.paragraph_format
        fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        fmt.first_line_indent = FIRST_LINE_INDENT
        fmt.space_before = PARAGRAPH_SPACING
        fmt.space_after = PARAGRAPH_SPACING
        fmt.line_spacing = self.line
        fmt.widow_control = True

        for level in (1, 2, 3):
            style = self.doc.styles[f"Heading {level}"]
            _apply_rpr(style.element.get_or_add_rPr(), self.body_size, bold=level < 3, italic=False)
            fmt = style.paragraph_format
            fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            fmt.first_line_indent = FIRST_LINE_INDENT
            fmt.left_indent = Length(0)
            fmt.space_before = PARAGRAPH_SPACING
            fmt.space_after = PARAGRAPH_SPACING
            fmt.line_spacing = self.line
            fmt.keep_with_next = True
            fmt.keep_together = True

        for name in ("Header", "Footer", "Table Grid"):
            rpr_style = self.doc.styles[name].element.get_or_add_rPr()
            _apply_rpr(rpr_style, None, bold=None, italic=None)

        settings = self.doc.settings.element
        lang = settings.find(qn("w:themeFontLang"))
        if lang is not None:
            lang.attrib.clear()
            lang.set(qn("w:val"), LANGUAGE)

    def _trim_package(self) -> None:
        """Drop template leftovers: Word 2010 style copies and a blank thumbnail."""
        part = self.doc.part
        for rid, rel in list(part.rels.items()):
            if rel.reltype.endswith("/stylesWithEffects"):
                part.drop_rel(rid)
        package_rels = part.package.rels
        for rid, rel in list(package_rels.items()):
            if rel.reltype.endswith("/thumbnail"):
                del package_rels[rid]

    # -- header block ---------------------------------------------------

    def _header_block(self, header: Header) -> None:
        table = self.doc.add_table(rows=2, cols=2)
        _layout_table(
            table,
            (HEADER_LEFT_WIDTH, HEADER_RIGHT_WIDTH),
            borders=False,
            margin=LAYOUT_CELL_MARGIN,
        )
        left_width = Length(HEADER_LEFT_WIDTH - 2 * LAYOUT_CELL_MARGIN)
        right_width = Length(HEADER_RIGHT_WIDTH - 2 * LAYOUT_CELL_MARGIN)
        left_pt = left_width.pt
        left, right = table.rows[0].cells
        for cell in (left, right):
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP

        first = [True]
        if header.parent_body.strip():
            paragraph = _cell_paragraph(left, first)
            _format_paragraph(paragraph, HEADER_BODY_SIZE)
            lines = _balanced_lines(
                clean_text(header.parent_body).upper(), HEADER_BODY_SIZE, False, left_pt
            )
            _text_lines(paragraph, lines, HEADER_BODY_SIZE)
        paragraph = _cell_paragraph(left, first)
        _format_paragraph(paragraph, HEADER_BODY_SIZE, bold=True)
        issuing = _balanced_lines(
            clean_text(header.issuing_body).upper(), HEADER_BODY_SIZE, True, left_pt
        )
        _text_lines(paragraph, issuing, HEADER_BODY_SIZE, bold=True)
        issuing_width = min(
            left_pt, max(text_width(line, HEADER_BODY_SIZE, True) for line in issuing)
        )
        _add_rule(left, left_width, ISSUING_RULE_SHARE * issuing_width, before=RULE_GAP)

        first = [True]
        paragraph = _cell_paragraph(right, first)
        _format_paragraph(paragraph, NATIONAL_TITLE_SIZE, bold=True)
        _add_run(paragraph, header.national_title.upper(), NATIONAL_TITLE_SIZE, bold=True)
        paragraph = _cell_paragraph(right, first)
        _format_paragraph(paragraph, MOTTO_SIZE, bold=True)
        _add_run(paragraph, header.motto, MOTTO_SIZE, bold=True)
        motto_width = min(right_width.pt, text_width(clean_text(header.motto), MOTTO_SIZE, True))
        _add_rule(right, right_width, motto_width, before=RULE_GAP)

        number, date = table.rows[1].cells
        paragraph = _first_paragraph(number)
        _format_paragraph(paragraph, HEADER_BODY_SIZE, before=Pt(6))
        _add_run(paragraph, header.number_line, HEADER_BODY_SIZE)
        paragraph = _first_paragraph(date)
        _format_paragraph(paragraph, self.body_size, before=Pt(6), italic=True)
        _add_run(paragraph, header.place_date, self.body_size, italic=True)

    def _title_block(self, header: Header) -> None:
        paragraph = self.doc.add_paragraph()
        _format_paragraph(paragraph, self.body_size, before=Pt(18), keep_with_next=True, bold=True)
        _add_run(paragraph, header.doc_type.upper(), self.body_size, bold=True)
        summary = clean_text(header.summary).strip()
        if not summary:
            return
        paragraph = self.doc.add_paragraph()
        _format_paragraph(paragraph, self.body_size, keep_with_next=True, bold=True)
        _add_run(paragraph, summary, self.body_size, bold=True)
        widest = min(
            TEXT_WIDTH.pt,
            max(text_width(line, self.body_size, True) for line in summary.splitlines()),
        )
        length = min(Cm(5).pt, max(Cm(2.5).pt, widest / 3))
        rule = _add_rule(self.doc, TEXT_WIDTH, length, before=RULE_GAP)
        rule.paragraph_format.space_after = Pt(12)

    # -- body -----------------------------------------------------------

    def _body_format(
        self, paragraph: Any, *, first_line: Length = FIRST_LINE_INDENT, **options: Any
    ) -> None:
        _format_paragraph(
            paragraph,
            self.body_size,
            align=WD_ALIGN_PARAGRAPH.JUSTIFY,
            first_line=first_line,
            before=PARAGRAPH_SPACING,
            after=PARAGRAPH_SPACING,
            line=self.line,
            **options,
        )

    def _heading(self, section: Section, *, page_break_before: bool = False) -> None:
        level = min(3, max(1, section.level))
        paragraph = self.doc.add_paragraph(style=f"Heading {level}")
        bold = level < 3
        self._body_format(
            paragraph, keep_with_next=True, page_break_before=page_break_before, bold=bold
        )
        paragraph.paragraph_format.keep_together = True
        title = " ".join(clean_text(section.title).split())
        if level == 1:
            title = title.upper()
        _add_run(paragraph, title, self.body_size, bold=bold, italic=False)

    def _section(self, section: Section) -> str:
        """Write a section and its children; return what came last."""
        self._heading(section)
        last = "heading"
        for block in section.blocks:
            previous, last = last, self._block(block)
            if previous == "table" and last == "paragraph":
                # Breathing room between a table and the prose that follows it.
                self.doc.paragraphs[-1].paragraph_format.space_before = Pt(12)
        for child in section.children:
            last = self._section(child)
        return last

    def _block(self, block: Paragraph | Table) -> str:
        if isinstance(block, Table):
            self._table(block)
            return "table"
        paragraph = self.doc.add_paragraph()
        closing = block is self.closing
        self._body_format(paragraph, keep_with_next=closing)
        text = clean_text(block.text)
        if closing:
            text = _closing_text(text)
        if block.placeholder:
            body, mark = (text[: -len(CLOSING_MARK)], CLOSING_MARK) if closing else (text, "")
            _add_run(paragraph, body, self.body_size, highlight=True)
            if mark:
                _add_run(paragraph, mark, self.body_size)
        else:
            self._marked_runs(paragraph, text)
        return "paragraph"

    def _marked_runs(self, paragraph: Any, text: str) -> None:
        """Runs of ``text``, with every "[Chưa nhập: …]" highlighted."""
        position = 0
        for match in PLACEHOLDER_PATTERN.finditer(text):
            if match.start() > position:
                _add_run(paragraph, text[position : match.start()], self.body_size)
            _add_run(paragraph, match.group(), self.body_size, highlight=True)
            position = match.end()
        if position < len(text) or not text:
            _add_run(paragraph, text[position:], self.body_size)

    def _table(self, block: Table) -> None:
        columns = max(1, len(block.header))
        size = self.table_size
        if block.caption.strip():
            caption = self.doc.add_paragraph()
            self._body_format(caption, first_line=Length(0), keep_with_next=True, bold=True)
            caption.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _add_run(caption, block.caption, self.body_size, bold=True)
        rows = [_fit_row(block.header, columns)] + [_fit_row(row, columns) for row in block.rows]
        table = self.doc.add_table(rows=len(rows), cols=columns)
        table.style = self.doc.styles["Table Grid"]
        widths = _column_widths(rows, size, TEXT_WIDTH, DATA_CELL_MARGIN)
        _layout_table(table, widths, borders=True, margin=DATA_CELL_MARGIN)
        # A column holding any text longer than a short word is a text column: left aligned.
        text_columns = {
            c for c in range(columns) if any(len(r[c]) > 12 and not _is_figure(r[c]) for r in rows[1:])
        }
        for row_index, (row, values) in enumerate(zip(table.rows, rows, strict=True)):
            header = row_index == 0
            _row_flags(row, header=header)
            for column, (cell, value) in enumerate(zip(row.cells, values, strict=True)):
                cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
                paragraph = _first_paragraph(cell)
                if header or _is_figure(value):
                    align = WD_ALIGN_PARAGRAPH.CENTER
                elif column in text_columns:
                    align = WD_ALIGN_PARAGRAPH.LEFT
                else:
                    align = WD_ALIGN_PARAGRAPH.CENTER
                _format_paragraph(
                    paragraph,
                    size,
                    align=align,
                    before=CELL_SPACING,
                    after=CELL_SPACING,
                    bold=header,
                )
                if header or value:
                    marked = bool(PLACEHOLDER_PATTERN.fullmatch(value))
                    _add_run(paragraph, value, size, bold=header, highlight=marked)

    # -- recipients, signature, annexes -----------------------------------

    def _signature_block(self, signature: Signature, recipients: Sequence[str]) -> None:
        table = self.doc.add_table(rows=1, cols=2)
        _layout_table(
            table, (SIGN_LEFT_WIDTH, SIGN_RIGHT_WIDTH), borders=False, margin=LAYOUT_CELL_MARGIN
        )
        _row_flags(table.rows[0])
        left, right = table.rows[0].cells
        for cell in (left, right):
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP

        paragraph = _first_paragraph(left)
        _format_paragraph(
            paragraph,
            RECIPIENTS_HEADING_SIZE,
            align=WD_ALIGN_PARAGRAPH.LEFT,
            before=Pt(12),
            bold=True,
            italic=True,
        )
        _add_run(paragraph, "Nơi nhận:", RECIPIENTS_HEADING_SIZE, bold=True, italic=True)
        entries = normalise_recipients(recipients)
        for entry in entries or ["- [Chưa nhập: nơi nhận]."]:
            paragraph = left.add_paragraph()
            hang = Pt(text_width("- ", RECIPIENT_SIZE))
            _format_paragraph(
                paragraph,
                RECIPIENT_SIZE,
                align=WD_ALIGN_PARAGRAPH.LEFT,
                left=hang,
                first_line=Length(-hang),
            )
            _add_run(paragraph, entry, RECIPIENT_SIZE, highlight=not entries)

        lines = [
            " ".join(clean_text(line).upper().split())
            for line in (signature.authority, signature.title)
            if line.strip()
        ]
        first = [True]
        for line in lines:
            top = first[0]
            paragraph = _cell_paragraph(right, first)
            _format_paragraph(paragraph, self.body_size, before=Pt(12) if top else None, bold=True)
            _add_run(paragraph, line, self.body_size, bold=True)
        for _ in range(SIGNATURE_BLANK_LINES):
            paragraph = _cell_paragraph(right, first)
            _format_paragraph(paragraph, self.body_size)
        paragraph = right.add_paragraph()
        _format_paragraph(paragraph, self.body_size, bold=True)
        name = " ".join(clean_text(signature.name).split())
        _add_run(
            paragraph,
            name or "[Chưa nhập: họ và tên người ký]",
            self.body_size,
            bold=True,
            highlight=not name,
        )

    def _annex(self, annex: Section) -> None:
        number = " ".join(clean_text(annex.number).split()).rstrip(".:")
        heading = " ".join(clean_text(annex.heading).split())
        if number.upper().startswith("PHỤ LỤC") or not heading:
            lines = [" ".join(filter(None, [number, heading])).upper() or "PHỤ LỤC"]
        else:
            lines = [f"PHỤ LỤC {number}".strip(), heading.upper()]
        for index, line in enumerate(lines):
            paragraph = self.doc.add_paragraph(style="Heading 1")
            _format_paragraph(
                paragraph,
                self.body_size,
                before=Length(0) if index == 0 else Pt(6),
                keep_with_next=True,
                page_break_before=index == 0,
                bold=True,
            )
            _add_run(paragraph, line, self.body_size, bold=True)
        reference = self._annex_reference()
        if reference:
            paragraph = self.doc.add_paragraph()
            _format_paragraph(paragraph, self.body_size, after=Pt(12), italic=True)
            _add_run(paragraph, reference, self.body_size, italic=True)
        for block in annex.blocks:
            self._block(block)
        for child in annex.children:
            self._section(child)

    def _annex_reference(self) -> str:
        """ "(Kèm theo Báo cáo số 15/BC-TA ngày 05 tháng 01 năm 2025)", when known."""
        header = self.source.header
        number = clean_text(header.number_line).strip()
        number = re.sub(r"^Số\s*:\s*", "", number).strip()
        match = _DATE.search(clean_text(header.place_date))
        parts = [f"Kèm theo {header.doc_type.strip().capitalize() or 'Báo cáo'}"]
        if number:
            parts.append(f"số {number}")
        if match:
            parts.append(match.group())
        return f"({' '.join(parts)})"

    # -- page numbers and properties --------------------------------------

    def _page_numbers(self) -> None:
        section = self.doc.sections[0]
        section.different_first_page_header_footer = True
        header = section.header
        header.is_linked_to_previous = False
        paragraph = header.paragraphs[0]
        _format_paragraph(paragraph, self.body_size)
        for kind, text in (
            ("begin", ""),
            ("instr", " PAGE "),
            ("separate", ""),
            ("text", "2"),
            ("end", ""),
        ):
            if kind == "text":
                _add_run(paragraph, text, self.body_size)
                continue
            run = _add_run(paragraph, "", self.body_size)
            if kind == "instr":
                instr = OxmlElement("w:instrText")
                instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                instr.text = text
                run._r.append(instr)
            else:
                field = OxmlElement("w:fldChar")
                field.set(qn("w:fldCharType"), kind)
                run._r.append(field)
        first = section.first_page_header
        first.is_linked_to_previous = False
        _format_paragraph(first.paragraphs[0], self.body_size)

    def _properties(self) -> None:
        props = self.doc.core_properties
        props.title = clean_text(self.source.title)
        props.author = clean_text(self.source.author)
        props.last_modified_by = ""
        props.comments = ""
        props.keywords = ""
        props.subject = clean_text(self.source.header.summary)
        props.category = ""
        props.content_status = ""
        props.identifier = ""
        props.version = ""
        props.language = LANGUAGE
        props.revision = 1
        when = _document_date(self.source.header.place_date)
        element = props._element
        for tag in ("dcterms:created", "dcterms:modified"):
            for old in element.findall(qn(tag)):
                element.remove(old)
        if when is not None:
            props.created = when
            props.modified = when


def _fit_row(values: Sequence[str], columns: int) -> list[str]:
    cells = [" ".join(clean_text(value).split()) for value in values][:columns]
    return cells + [""] * (columns - len(cells))


_FIGURE = re.compile(r"^[-+−–]?[\d.,]+\s*%?$|^[\d.,]+/[\d.,]+$|^[-–]$")


def _is_figure(value: str) -> bool:
    """Numbers are centred in their column.

    >>> _is_figure("1.234"), _is_figure("89,72%"), _is_figure("Án hình sự")
    (True, True, False)
    """
    return bool(_FIGURE.match(value.strip()))


def _column_widths(
    rows: Sequence[Sequence[str]], size: float, total: Length, margin: Length
) -> list[Length]:
    """Column widths as a browser lays out an automatic table, but fixed in the file.

    Each column may shrink to its longest word. Best, every cell fits on one line;
    next best, every body cell does and the header row wraps (it is one row, the
    body may be many); otherwise the room above the minimums goes to the columns
    whose cells are longest.
    """
    columns = len(rows[0])
    padding = 2 * margin.pt + 2
    least: list[float] = []
    body: list[float] = []
    full: list[float] = []
    for column in range(columns):
        values = [row[column] for row in rows]
        longest_word = max(
            (text_width(word, size, bold=True) for value in values for word in value.split()),
            default=0.0,
        )
        least.append(longest_word + padding)
        widest_body = max((text_width(value, size) for value in values[1:]), default=0.0)
        body.append(max(least[-1], widest_body + padding))
        full.append(max(body[-1], text_width(values[0], size, bold=True) + padding))
    available = total.pt
    if sum(full) <= available:
        points = [f + (available - sum(full)) * f / sum(full) for f in full]
    elif sum(body) <= available:
        room = available - sum(body)
        wanted = [f - b for f, b in zip(full, body, strict=True)]
        points = [b + room * w / sum(wanted) for b, w in zip(body, wanted, strict=True)]
    elif sum(least) <= available:
        room = available - sum(least)
        wanted = [b - low for b, low in zip(body, least, strict=True)]
        points = [low + room * w / sum(wanted) for low, w in zip(least, wanted, strict=True)]
    else:
        points = [available * low / sum(least) for low in least]
    twips = [int(Pt(p).twips) for p in points]
    twips[-1] += total.twips - sum(twips)
    return [Twips(t) for t in twips]


# ---------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------


def build_docx(document: Document) -> docx.document.Document:
    """The python-docx document for ``document``, laid out by Nghị định 30/2020."""
    built: docx.document.Document = _Builder(document).build()
    return built


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
    built = build_docx(document)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"Không ghi được vào thư mục “{folder}”: {exc.strerror or exc}.") from exc
    try:
        with os.fdopen(handle, "wb") as stream:
            built.save(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, _file_mode(path))
        os.replace(temporary, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(exc, PermissionError):
            raise OutputError(
                f"Không ghi được “{path}”: không có quyền ghi, hoặc tệp đang mở trong"
                " chương trình khác (Word?). Hãy đóng tệp rồi thử lại."
            ) from exc
        if isinstance(exc, OSError):
            raise OutputError(f"Không ghi được “{path}”: {exc.strerror or exc}.") from exc
        raise


def _file_mode(path: Path) -> int:
    """Keep an existing file's mode; a new file gets the usual 0o666 less the umask."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask
