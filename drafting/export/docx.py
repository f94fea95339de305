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

import datetime as dt
import functools
import io
import re
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import docx
import docx.document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Length, Mm, Pt, Twips

from drafting.document import Document, Header, Paragraph, Section, Signature, Table
from drafting.files import atomic

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
    known = _CHAR_UNITS[1 if bold else 0]
    total = 0
    for char in text:
        units = known.get(char)
        if units is None:
            units = known[char] = _char_units(char, bold)
        total += units
    return total * size / 1000


# Width of each character met so far, in 1/1000 em: roman, bold.
_CHAR_UNITS: tuple[dict[str, int], dict[str, int]] = ({}, {})


def _char_units(char: str, bold: bool) -> int:
    if char == " ":
        return _SPACE
    table = _BOLD if bold else _ROMAN
    decomposed = unicodedata.normalize("NFD", char)
    base = decomposed[0]
    if char in "Đđ":
        base = "D" if char == "Đ" else "d"
    units = table.get(base, _UNKNOWN)
    if "\u031b" in decomposed:
        units += _HORN
    return units


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
    return [f"- {core}{'.' if index == len(cores) - 1 else ';'}" for index, core in enumerate(cores)]


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
# XML
# ---------------------------------------------------------------------------
#
# The body of the report is written as WordprocessingML text and parsed once, at
# the end: building thousands of runs and table cells through python-docx's proxy
# objects costs ten times more. Every paragraph and run still carries all of its
# formatting explicitly (so no style default leaks in); the pieces are cached, as
# a report uses a handful of distinct formats.

_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CENTER, _LEFT, _JUSTIFY = "center", "left", "both"  # w:jc values

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
_BORDER_SIDES = ("top", "left", "bottom", "right", "insideH", "insideV")


def _twips(length: int) -> int:
    """A length in EMU as whole twips, rounded as python-docx writes it."""
    return int(Emu(length).twips)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@functools.lru_cache(maxsize=4096)
def _rpr(size: float | None, bold: bool | None = False, italic: bool | None = False, highlight: bool = False) -> str:
    """Run properties: fonts in all four slots, weight, slant, black, size, highlight, language.

    ``None`` leaves a property out (for styles, which keep their own).
    """
    parts = [
        f'<w:rPr><w:rFonts w:ascii="{FONT_NAME}" w:hAnsi="{FONT_NAME}" w:cs="{FONT_NAME}" w:eastAsia="{FONT_NAME}"/>'
    ]
    for tag, value in (("b", bold), ("bCs", bold), ("i", italic), ("iCs", italic)):
        if value is not None:
            parts.append(f'<w:{tag} w:val="{1 if value else 0}"/>')
    parts.append(f'<w:color w:val="{BLACK}"/>')
    if size is not None:
        half_points = round(size * 2)
        parts.append(f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>')
    if highlight:
        parts.append('<w:highlight w:val="yellow"/>')
    parts.append(f'<w:lang w:val="{LANGUAGE}" w:eastAsia="{LANGUAGE}"/></w:rPr>')
    return "".join(parts)


@functools.lru_cache(maxsize=4096)
def _ppr(
    size: float,
    *,
    align: str = _CENTER,
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
) -> str:
    """Paragraph properties, every one explicit, and the paragraph mark's run properties.

    Lengths are in EMU; ``line`` is a multiple of single spacing. A ``rule`` paragraph
    draws its top border and is one point high.
    """
    parts = ["<w:pPr>"]
    if style is not None:
        parts.append(f'<w:pStyle w:val="{style}"/>')
    parts.append("<w:keepNext/>" if keep_with_next else '<w:keepNext w:val="0"/>')
    if keep_lines:
        parts.append("<w:keepLines/>")
    if page_break_before:
        parts.append("<w:pageBreakBefore/>")
    parts.append("<w:widowControl/>")
    if rule:
        parts.append(
            f'<w:pBdr><w:top w:val="single" w:sz="{RULE_WIDTH_EIGHTHS}" w:space="1" w:color="{BLACK}"/></w:pBdr>'
        )
        spacing = f'w:lineRule="exact" w:line="{_twips(Pt(1))}"'
    else:
        spacing = f'w:line="{_twips(Emu(int(line * Twips(240))))}" w:lineRule="auto"'
    parts.append(f'<w:spacing w:before="{_twips(before)}" w:after="{_twips(after)}" {spacing}/>')
    indent = f'w:hanging="{_twips(-first_line)}"' if first_line < 0 else f'w:firstLine="{_twips(first_line)}"'
    parts.append(f'<w:ind {indent} w:left="{_twips(left)}" w:right="{_twips(right)}"/>')
    parts.append(f'<w:jc w:val="{align}"/>')
    parts.append(_rpr(size, bold, italic))
    parts.append("</w:pPr>")
    return "".join(parts)


def _text(text: str) -> str:
    """The run content of ``text``: ``w:t`` pieces, tabs as ``w:tab``, line breaks as ``w:br``."""
    if "\t" in text or "\n" in text or "\r" in text:
        out = []
        for piece in _RUN_BREAKS.split(text):
            if piece == "\t":
                out.append("<w:tab/>")
            elif piece in ("\n", "\r"):
                out.append("<w:br/>")
            elif piece:
                out.append(_t(piece))
        return "".join(out)
    return _t(text) if text else ""


_RUN_BREAKS = re.compile("([\t\r\n])")


def _t(text: str) -> str:
    if len(text.strip()) < len(text):
        return f'<w:t xml:space="preserve">{_escape(text)}</w:t>'
    return f"<w:t>{_escape(text)}</w:t>"


def _run(
    text: str,
    size: float,
    *,
    bold: bool = False,
    italic: bool = False,
    highlight: bool = False,
    tail: str = "",
) -> str:
    """One run of cleaned ``text``, fully formatted; ``tail`` is more run content after it."""
    return f"<w:r>{_rpr(size, bold, italic, highlight)}{_text(clean_text(text))}{tail}</w:r>"


def _paragraph(ppr: str, *runs: str) -> str:
    return f"<w:p>{ppr}{''.join(runs)}</w:p>"


def _rule(available: int, length: float, *, before: float = 0, after: int = 0) -> str:
    """A centred solid line ``length`` points long: an empty paragraph's top border.

    A paragraph border limited by equal left and right indents survives the round
    trip through LibreOffice, unlike a drawn shape in a table cell.
    """
    side = max(0, int((available - Pt(length)) / 2))
    return _paragraph(_ppr(1, left=side, right=side, before=Pt(before), after=after, rule=True))


def _text_lines(lines: Sequence[str], size: float, *, bold: bool = False) -> list[str]:
    """One run per line, each but the last ending with a line break."""
    last = len(lines) - 1
    return [_run(line, size, bold=bold, tail="<w:br/>" if i < last else "") for i, line in enumerate(lines)]


def _table_start(widths: Sequence[int], *, borders: bool, margin: Length, style: str | None = None) -> str:
    """``w:tbl`` up to its first row: fixed column widths, left aligned at the margin, borders on or off."""
    edge = f'w:val="single" w:sz="4" w:space="0" w:color="{BLACK}"' if borders else 'w:val="nil"'
    parts = ["<w:tbl><w:tblPr>"]
    if style is not None:
        parts.append(f'<w:tblStyle w:val="{style}"/>')
    parts.append(f'<w:tblW w:w="{_twips(sum(widths))}" w:type="dxa"/><w:jc w:val="left"/>')
    parts.append('<w:tblInd w:w="0" w:type="dxa"/><w:tblBorders>')
    parts.extend(f"<w:{side} {edge}/>" for side in _BORDER_SIDES)
    parts.append('</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar>')
    parts.append(f'<w:left w:w="{margin.twips}" w:type="dxa"/><w:right w:w="{margin.twips}" w:type="dxa"/>')
    parts.append(
        '</w:tblCellMar><w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0"'
        ' w:noHBand="0" w:noVBand="1" w:val="04A0"/></w:tblPr><w:tblGrid>'
    )
    parts.extend(f'<w:gridCol w:w="{_twips(width)}"/>' for width in widths)
    parts.append("</w:tblGrid>")
    return "".join(parts)


def _cell_start(width: int, valign: str | None) -> str:
    align = f'<w:vAlign w:val="{valign}"/>' if valign else ""
    return f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{_twips(width)}"/>{align}</w:tcPr>'


def _row_start(*, cant_split: bool = True, header: bool = False) -> str:
    if not cant_split:
        return "<w:tr>"
    return "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" if header else "<w:tr><w:trPr><w:cantSplit/></w:trPr>"


def _parse(xml: str) -> Any:
    """The ``w:body`` element holding ``xml`` (WordprocessingML), parsed as python-docx parses."""
    return parse_xml(f'<w:body xmlns:w="{_W_NS}">{xml}</w:body>')


def _set_child(parent: Any, child: Any, order: Sequence[str]) -> None:
    """Replace ``parent``'s children with ``child``'s tag by ``child``, in schema order."""
    for old in parent.findall(child.tag):
        parent.remove(old)
    rank = order.index(child.tag)
    for index, existing in enumerate(parent):
        if existing.tag in order and order.index(existing.tag) > rank:
            parent.insert(index, child)
            return
    parent.append(child)


def _new(tag: str, **attrs: str) -> Any:
    child = OxmlElement(tag)
    for key, value in attrs.items():
        child.set(qn(f"w:{key}"), value)
    return child


def _apply_rpr(rpr: Any, size: float | None, *, bold: bool | None, italic: bool | None) -> None:
    """Set a style's run properties as :func:`_rpr` writes them, keeping its others."""
    for child in list(_parse(_rpr(size, bold, italic))[0]):
        _set_child(rpr, child, _RPR_ORDER)


def _retheme_rpr(rpr: Any) -> None:
    """Make an existing (style) run-properties element Times New Roman, black, vi-VN."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = _new("w:rFonts")
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
        lang = _new("w:lang")
        _set_child(rpr, lang, _RPR_ORDER)
    lang.set(qn("w:val"), LANGUAGE)
    lang.set(qn("w:eastAsia"), LANGUAGE)


# ---------------------------------------------------------------------------
# The blank document: page, styles, page numbers
# ---------------------------------------------------------------------------

# Everything but the body and the core properties depends only on the body size and
# line spacing: it is built once per process and layout, and kept as the bytes of a
# .docx with the text of its main part before and after the body's content.
_BLANKS: dict[tuple[int, float], tuple[bytes, bytes, bytes]] = {}


def _blank(body_size: int, line: float) -> tuple[Any, bytes, bytes]:
    """A fresh python-docx document with the page, styles and page numbers set.

    Also the XML text of its main part split where the body's content goes (before
    the section properties that end the body).
    """
    key = (body_size, line)
    blank = _BLANKS.get(key)
    if blank is None:
        doc = docx.Document()
        _page_setup(doc)
        _styles(doc, body_size, line)
        _trim_package(doc)
        _page_numbers(doc, body_size)
        buffer = io.BytesIO()
        doc.part.package.save(buffer)
        xml = doc.part.blob
        split = xml.rindex(b"<w:sectPr")
        blank = _BLANKS[key] = (buffer.getvalue(), xml[:split], xml[split:])
    data, head, tail = blank
    return docx.Document(io.BytesIO(data)), head, tail


def _page_setup(doc: Any) -> None:
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


def _styles(doc: Any, body_size: int, line: float) -> None:
    styles_element = doc.styles.element
    defaults = styles_element.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault"))
    rpr = rpr_default.find(qn("w:rPr"))
    _apply_rpr(rpr, body_size, bold=None, italic=None)
    ppr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    _set_child(ppr, _new("w:spacing", before="0", after="0", line="240", lineRule="auto"), _PPR_ORDER)
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

    normal = doc.styles["Normal"]
    _apply_rpr(normal.element.get_or_add_rPr(), body_size, bold=False, italic=False)
    fmt = normal.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt.first_line_indent = FIRST_LINE_INDENT
    fmt.space_before = PARAGRAPH_SPACING
    fmt.space_after = PARAGRAPH_SPACING
    fmt.line_spacing = line
    fmt.widow_control = True

    for level in (1, 2, 3):
        style = doc.styles[f"Heading {level}"]
        _apply_rpr(style.element.get_or_add_rPr(), body_size, bold=level < 3, italic=False)
        fmt = style.paragraph_format
        fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        fmt.first_line_indent = FIRST_LINE_INDENT
        fmt.left_indent = Length(0)
        fmt.space_before = PARAGRAPH_SPACING
        fmt.space_after = PARAGRAPH_SPACING
        fmt.line_spacing = line
        fmt.keep_with_next = True
        fmt.keep_together = True

    for name in ("Header", "Footer", "Table Grid"):
        rpr_style = doc.styles[name].element.get_or_add_rPr()
        _apply_rpr(rpr_style, None, bold=None, italic=None)

    settings = doc.settings.element
    lang = settings.find(qn("w:themeFontLang"))
    if lang is not None:
        lang.attrib.clear()
        lang.set(qn("w:val"), LANGUAGE)


def _trim_package(doc: Any) -> None:
    """Drop template leftovers: Word 2010 style copies and a blank thumbnail."""
    part = doc.part
    for rid, rel in list(part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            part.drop_rel(rid)
    package_rels = part.package.rels
    for rid, rel in list(package_rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            del package_rels[rid]


def _page_numbers(doc: Any, body_size: int) -> None:
    """Page numbers centred in the top margin from page 2 on; none on page 1."""
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    header = section.header
    header.is_linked_to_previous = False
    ppr = _ppr(body_size, style="Header")
    runs = [
        _run("", body_size, tail='<w:fldChar w:fldCharType="begin"/>'),
        _run("", body_size, tail='<w:instrText xml:space="preserve"> PAGE </w:instrText>'),
        _run("", body_size, tail='<w:fldChar w:fldCharType="separate"/>'),
        _run("2", body_size),
        _run("", body_size, tail='<w:fldChar w:fldCharType="end"/>'),
    ]
    first = section.first_page_header
    first.is_linked_to_previous = False
    for part, paragraph in ((header, _paragraph(ppr, *runs)), (first, _paragraph(ppr))):
        old = part.paragraphs[0]._p
        old.getparent().replace(old, _parse(paragraph)[0])


# ---------------------------------------------------------------------------
# The document
# ---------------------------------------------------------------------------


class _Builder:
    """Writes one :class:`Document` into a fresh python-docx document."""

    def __init__(self, document: Document) -> None:
        self.source = document
        layout = document.layout
        self.body_size = min(14, max(13, int(layout.body_size)))
        self.line = min(1.5, max(1.0, float(layout.line_spacing)))
        self.table_size = 13 if self.body_size >= 14 else 12
        self.closing: Paragraph | None = None
        self.body: list[str] = []  # the XML of the body's paragraphs and tables, in order

    # -- whole document -------------------------------------------------

    def build(self) -> Any:
        doc, head, tail = _blank(self.body_size, self.line)
        self._header_block(self.source.header)
        self._title_block(self.source.header)
        self.closing = self._closing_target()
        last_kind = "none"
        for section in self.source.sections:
            last_kind = self._section(section)
        if self.closing is None or last_kind != "paragraph":
            ppr = self._body_ppr(first_line=0, keep_with_next=True)
            self.body.append(_paragraph(ppr, _run(CLOSING_MARK, self.body_size)))
        self._signature_block(self.source.signature, self.source.recipients)
        for annex in self.source.annexes:
            self._annex(annex)
        # One parse of the whole main part: moving a large tree between lxml documents
        # is quadratic.
        part = doc.part
        part._element = parse_xml(head + "".join(self.body).encode("utf-8") + tail)
        doc = part.document
        _properties(doc, self.source)
        return doc

    def _closing_target(self) -> Paragraph | None:
        """The body paragraph that ends the report and takes "./."."""
        if not self.source.sections:
            return None
        last = self.source.sections[-1].walk()[-1]
        if last.blocks and isinstance(last.blocks[-1], Paragraph):
            return last.blocks[-1]
        return None

    # -- header block ---------------------------------------------------

    def _header_block(self, header: Header) -> None:
        """A borderless 2×2 table: bodies and "Số:" on the left, Quốc hiệu, Tiêu ngữ and date on the right."""
        left_width = HEADER_LEFT_WIDTH - 2 * LAYOUT_CELL_MARGIN
        right_width = HEADER_RIGHT_WIDTH - 2 * LAYOUT_CELL_MARGIN
        left_pt = Length(left_width).pt

        left: list[str] = []
        if header.parent_body.strip():
            lines = _balanced_lines(clean_text(header.parent_body).upper(), HEADER_BODY_SIZE, False, left_pt)
            left.append(_paragraph(_ppr(HEADER_BODY_SIZE), *_text_lines(lines, HEADER_BODY_SIZE)))
        issuing = _balanced_lines(clean_text(header.issuing_body).upper(), HEADER_BODY_SIZE, True, left_pt)
        left.append(_paragraph(_ppr(HEADER_BODY_SIZE, bold=True), *_text_lines(issuing, HEADER_BODY_SIZE, bold=True)))
        issuing_width = min(left_pt, max(text_width(line, HEADER_BODY_SIZE, True) for line in issuing))
        left.append(_rule(left_width, ISSUING_RULE_SHARE * issuing_width, before=RULE_GAP))

        motto_width = min(Length(right_width).pt, text_width(clean_text(header.motto), MOTTO_SIZE, True))
        right = [
            _paragraph(
                _ppr(NATIONAL_TITLE_SIZE, bold=True),
                _run(header.national_title.upper(), NATIONAL_TITLE_SIZE, bold=True),
            ),
            _paragraph(_ppr(MOTTO_SIZE, bold=True), _run(header.motto, MOTTO_SIZE, bold=True)),
            _rule(right_width, motto_width, before=RULE_GAP),
        ]
        number = _paragraph(_ppr(HEADER_BODY_SIZE, before=Pt(6)), _run(header.number_line, HEADER_BODY_SIZE))
        date = _paragraph(
            _ppr(self.body_size, before=Pt(6), italic=True),
            _run(header.place_date, self.body_size, italic=True),
        )
        widths = (HEADER_LEFT_WIDTH, HEADER_RIGHT_WIDTH)
        self.body += [
            _table_start(widths, borders=False, margin=LAYOUT_CELL_MARGIN),
            _row_start(cant_split=False),
            _cell_start(widths[0], "top"),
            *left,
            "</w:tc>",
            _cell_start(widths[1], "top"),
            *right,
            "</w:tc></w:tr>",
            _row_start(cant_split=False),
            _cell_start(widths[0], None),
            number,
            "</w:tc>",
            _cell_start(widths[1], None),
            date,
            "</w:tc></w:tr></w:tbl>",
        ]

    def _title_block(self, header: Header) -> None:
        size = self.body_size
        self.body.append(
            _paragraph(
                _ppr(size, before=Pt(18), keep_with_next=True, bold=True),
                _run(header.doc_type.upper(), size, bold=True),
            )
        )
        summary = clean_text(header.summary).strip()
        if not summary:
            return
        self.body.append(_paragraph(_ppr(size, keep_with_next=True, bold=True), _run(summary, size, bold=True)))
        widest = min(TEXT_WIDTH.pt, max(text_width(line, size, True) for line in summary.splitlines()))
        length = min(Cm(5).pt, max(Cm(2.5).pt, widest / 3))
        self.body.append(_rule(TEXT_WIDTH, length, before=RULE_GAP, after=Pt(12)))

    # -- body -----------------------------------------------------------

    def _body_ppr(
        self,
        *,
        align: str = _JUSTIFY,
        first_line: int = FIRST_LINE_INDENT,
        before: int = PARAGRAPH_SPACING,
        **options: Any,
    ) -> str:
        """Justified, indented, spaced body text."""
        return _ppr(
            self.body_size,
            align=align,
            first_line=first_line,
            before=before,
            after=PARAGRAPH_SPACING,
            line=self.line,
            **options,
        )

    def _heading(self, section: Section) -> None:
        level = min(3, max(1, section.level))
        bold = level < 3
        ppr = self._body_ppr(keep_with_next=True, keep_lines=True, bold=bold, style=f"Heading{level}")
        title = " ".join(clean_text(section.title).split())
        if level == 1:
            title = title.upper()
        self.body.append(_paragraph(ppr, _run(title, self.body_size, bold=bold)))

    def _section(self, section: Section) -> str:
        """Write a section and its children; return what came last."""
        self._heading(section)
        last = "heading"
        for block in section.blocks:
            # Breathing room between a table and the prose that follows it.
            last = self._block(block, after_table=last == "table")
        for child in section.children:
            last = self._section(child)
        return last

    def _block(self, block: Paragraph | Table, *, after_table: bool = False) -> str:
        if isinstance(block, Table):
            self._table(block)
            return "table"
        closing = block is self.closing
        ppr = self._body_ppr(keep_with_next=closing, before=Pt(12) if after_table else PARAGRAPH_SPACING)
        text = clean_text(block.text)
        if closing:
            text = _closing_text(text)
        size = self.body_size
        if block.placeholder:
            body, mark = (text[: -len(CLOSING_MARK)], CLOSING_MARK) if closing else (text, "")
            runs = [_run(body, size, highlight=True)]
            if mark:
                runs.append(_run(mark, size))
        else:
            runs = self._marked_runs(text)
        self.body.append(_paragraph(ppr, *runs))
        return "paragraph"

    def _marked_runs(self, text: str) -> list[str]:
        """Runs of ``text``, with every "[Chưa nhập: …]" highlighted."""
        runs = []
        position = 0
        size = self.body_size
        for match in PLACEHOLDER_PATTERN.finditer(text):
            if match.start() > position:
                runs.append(_run(text[position : match.start()], size))
            runs.append(_run(match.group(), size, highlight=True))
            position = match.end()
        if position < len(text) or not text:
            runs.append(_run(text[position:], size))
        return runs

    def _table(self, block: Table) -> None:
        columns = max(1, len(block.header))
        size = self.table_size
        if block.caption.strip():
            ppr = self._body_ppr(first_line=0, keep_with_next=True, bold=True, align=_CENTER)
            self.body.append(_paragraph(ppr, _run(block.caption, self.body_size, bold=True)))
        rows = [_fit_row(block.header, columns)] + [_fit_row(row, columns) for row in block.rows]
        widths = _column_widths(rows, size, TEXT_WIDTH, DATA_CELL_MARGIN)
        # A column holding any text longer than a short word is a text column: left aligned.
        text_columns = {c for c in range(columns) if any(len(r[c]) > 12 and not _is_figure(r[c]) for r in rows[1:])}
        starts = [_cell_start(width, "center") + "<w:p>" for width in widths]
        spacing = {"before": CELL_SPACING, "after": CELL_SPACING}
        centred, header_ppr = _ppr(size, **spacing), _ppr(size, bold=True, **spacing)
        aligned = [_ppr(size, align=_LEFT, **spacing) if c in text_columns else centred for c in range(columns)]
        out = [_table_start(widths, borders=True, margin=DATA_CELL_MARGIN, style="TableGrid")]
        for row_index, values in enumerate(rows):
            header = row_index == 0
            out.append(_row_start(header=header))
            for column, value in enumerate(values):
                out.append(starts[column])
                if header:
                    out.append(header_ppr)
                else:
                    out.append(centred if _is_figure(value) else aligned[column])
                if header or value:
                    marked = "[" in value and bool(PLACEHOLDER_PATTERN.fullmatch(value))
                    out.append(_run(value, size, bold=header, highlight=marked))
                out.append("</w:p></w:tc>")
            out.append("</w:tr>")
        out.append("</w:tbl>")
        self.body.append("".join(out))

    # -- recipients, signature, annexes -----------------------------------

    def _signature_block(self, signature: Signature, recipients: Sequence[str]) -> None:
        """A borderless table: "Nơi nhận:" and the recipients left, the signature right."""
        left = [
            _paragraph(
                _ppr(RECIPIENTS_HEADING_SIZE, align=_LEFT, before=Pt(12), bold=True, italic=True),
                _run("Nơi nhận:", RECIPIENTS_HEADING_SIZE, bold=True, italic=True),
            )
        ]
        entries = normalise_recipients(recipients)
        hang = Pt(text_width("- ", RECIPIENT_SIZE))
        entry_ppr = _ppr(RECIPIENT_SIZE, align=_LEFT, left=hang, first_line=-hang)
        for entry in entries or ["- [Chưa nhập: nơi nhận]."]:
            left.append(_paragraph(entry_ppr, _run(entry, RECIPIENT_SIZE, highlight=not entries)))

        size = self.body_size
        lines = [
            " ".join(clean_text(line).upper().split())
            for line in (signature.authority, signature.title)
            if line.strip()
        ]
        right = [
            _paragraph(_ppr(size, before=Pt(12) if index == 0 else 0, bold=True), _run(line, size, bold=True))
            for index, line in enumerate(lines)
        ]
        right += [_paragraph(_ppr(size))] * SIGNATURE_BLANK_LINES
        name = " ".join(clean_text(signature.name).split())
        right.append(
            _paragraph(
                _ppr(size, bold=True),
                _run(name or "[Chưa nhập: họ và tên người ký]", size, bold=True, highlight=not name),
            )
        )
        widths = (SIGN_LEFT_WIDTH, SIGN_RIGHT_WIDTH)
        self.body += [
            _table_start(widths, borders=False, margin=LAYOUT_CELL_MARGIN),
            _row_start(),
            _cell_start(widths[0], "top"),
            *left,
            "</w:tc>",
            _cell_start(widths[1], "top"),
            *right,
            "</w:tc></w:tr></w:tbl>",
        ]

    def _annex(self, annex: Section) -> None:
        number = " ".join(clean_text(annex.number).split()).rstrip(".:")
        heading = " ".join(clean_text(annex.heading).split())
        if number.upper().startswith("PHỤ LỤC") or not heading:
            lines = [" ".join(filter(None, [number, heading])).upper() or "PHỤ LỤC"]
        else:
            lines = [f"PHỤ LỤC {number}".strip(), heading.upper()]
        size = self.body_size
        for index, line in enumerate(lines):
            ppr = _ppr(
                size,
                before=0 if index == 0 else Pt(6),
                keep_with_next=True,
                page_break_before=index == 0,
                bold=True,
                style="Heading1",
            )
            self.body.append(_paragraph(ppr, _run(line, size, bold=True)))
        reference = self._annex_reference()
        if reference:
            self.body.append(_paragraph(_ppr(size, after=Pt(12), italic=True), _run(reference, size, italic=True)))
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


def _properties(doc: Any, source: Document) -> None:
    props = doc.core_properties
    props.title = clean_text(source.title)
    props.author = clean_text(source.author)
    props.last_modified_by = ""
    props.comments = ""
    props.keywords = ""
    props.subject = clean_text(source.header.summary)
    props.category = ""
    props.content_status = ""
    props.identifier = ""
    props.version = ""
    props.language = LANGUAGE
    props.revision = 1
    when = _document_date(source.header.place_date)
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


def _column_widths(rows: Sequence[Sequence[str]], size: float, total: Length, margin: Length) -> list[Length]:
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
        # Each distinct word and value once: an annex may repeat them in thousands of rows.
        words = {word for value in values for word in value.split()}
        longest_word = max((text_width(word, size, bold=True) for word in words), default=0.0)
        least.append(longest_word + padding)
        widest_body = max((text_width(value, size) for value in set(values[1:])), default=0.0)
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


def docx_bytes(document: Document) -> bytes:
    """The .docx file of ``document``, laid out by Nghị định 30/2020, as bytes."""
    buffer = io.BytesIO()
    build_docx(document).save(buffer)
    return buffer.getvalue()


def write_docx(document: Document, path: Path) -> None:
    """Write ``document`` to ``path`` as .docx, through the atomic writer
    (:mod:`drafting.files.atomic`): a reader sees the old file or the new one, never half."""
    atomic.write_bytes(path, docx_bytes(document))
