"""The Word export against Nghị định 30/2020/NĐ-CP, Phụ lục I (domain.md §2).

Two documents are written with :func:`write_docx` and read back with python-docx:
the hand-built fixture report and the bundled sample
(``examples/bao-cao-mau-2024.yaml``) composed as the CLI does. Every layout rule of
the decree is asserted on both (the ``case`` fixture); tests of the fixture's own
peculiarities and of edge cases use the fixture alone.
"""

from __future__ import annotations

import getpass
import re
import resource
import signal
import socket
import zipfile
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.oxml.ns import qn
from docx.shared import Cm, Length, Mm, Pt
from docx_fixture import (
    CASES,
    FIGURE_TABLE,
    ISSUING_BODY,
    PLACEHOLDER,
    SAMPLE_PATH,
    SUMMARY,
    Case,
    compose_sample,
    make_document,
    make_document_with_annex,
)
from lxml import etree

from drafting.document import Paragraph, Section, Table
from drafting.errors import OutputError
from drafting.export.docx import build_docx, text_width, write_docx

FONT = "Times New Roman"
SLOTS = ("ascii", "hAnsi", "cs", "eastAsia")
THEME_SLOTS = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")
TOLERANCE = Mm(0.5)
# "Hà Nội, ngày 05 tháng 01 năm 2025": day below 10 and months 1, 2 with a leading zero.
DATE_LINE = re.compile(r"[^,]+, ngày (0[1-9]|[12]\d|3[01]) tháng (0[12]|[3-9]|1[0-2]) năm \d{4}")


@pytest.fixture(scope="module", params=list(CASES))
def case(request: pytest.FixtureRequest) -> Case:
    """Each document under test: the hand-built fixture, then the bundled sample."""
    return CASES[request.param]()


@pytest.fixture(scope="module")
def written(case: Case, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp(f"docx-{case.name}") / "bao-cao.docx"
    write_docx(case.document, path)
    return path


@pytest.fixture(scope="module")
def doc(written: Path) -> Any:
    return docx.Document(str(written))


# -- helpers ----------------------------------------------------------------


def all_paragraphs(document: Any) -> list[Any]:
    """Body paragraphs and paragraphs in table cells, in document order."""
    out: list[Any] = []
    for block in document.iter_inner_content():
        if hasattr(block, "rows"):
            for row in block.rows:
                for cell in row.cells:
                    out.extend(cell.paragraphs)
        else:
            out.append(block)
    return out


def header_paragraphs(document: Any) -> list[Any]:
    section = document.sections[0]
    return list(section.header.paragraphs) + list(section.first_page_header.paragraphs)


def texts(paragraphs: list[Any]) -> list[str]:
    return [p.text for p in paragraphs]


def find(document: Any, text: str) -> Any:
    for paragraph in all_paragraphs(document):
        if paragraph.text == text:
            return paragraph
    raise AssertionError(f"no paragraph {text!r} in {texts(all_paragraphs(document))}")


def size(paragraph: Any) -> float:
    sizes = {run.font.size.pt for run in paragraph.runs if run.text}
    assert len(sizes) == 1, (paragraph.text, sizes)
    return sizes.pop()


def all_runs(paragraph: Any, attr: str) -> set[Any]:
    return {getattr(run.font, attr) for run in paragraph.runs if run.text}


def rule_length(paragraph: Any, available: float) -> float:
    """Length in points of the top-border rule drawn by an indented empty paragraph."""
    fmt = paragraph.paragraph_format
    return available - fmt.left_indent.pt - fmt.right_indent.pt


def has_top_rule(paragraph: Any) -> bool:
    top = paragraph._p.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:top')}")
    return top is not None and top.get(qn("w:val")) == "single" and paragraph.text == ""


def cell_text_width(cell: Any) -> float:
    margins = cell._tc.getparent().getparent().tblPr.find(qn("w:tblCellMar"))
    pad = sum(int(edge.get(qn("w:w"))) / 20 for edge in margins)
    return cell.width.pt - pad


def body_blocks(document: Any) -> list[Any]:
    return list(document.iter_inner_content())


def body_text_paragraphs(document: Any, summary: str = SUMMARY, captions: Iterable[str] = ()) -> list[Any]:
    """Body paragraphs between the title block and the signature.

    Headings and table ``captions`` (which are centred) are left out.
    """
    captions = set(captions)
    blocks = body_blocks(document)
    start = next(i for i, b in enumerate(blocks) if getattr(b, "text", "") == summary) + 2
    end = max(i for i, b in enumerate(blocks) if hasattr(b, "rows"))
    return [
        b
        for b in blocks[start:end]
        if not hasattr(b, "rows") and not b.style.name.startswith("Heading") and b.text not in captions
    ]


def case_body(document: Any, case: Case) -> list[Any]:
    return body_text_paragraphs(document, case.summary, (t.caption for t in case.tables if t.caption))


# -- paper and margins --------------------------------------------------------


def test_a4_portrait_with_decree_margins(doc: Any) -> None:
    section = doc.sections[0]
    assert abs(section.page_width - Mm(210)) <= TOLERANCE
    assert abs(section.page_height - Mm(297)) <= TOLERANCE
    assert section.orientation == 0  # portrait
    assert Mm(20) - TOLERANCE <= section.top_margin <= Mm(25) + TOLERANCE
    assert Mm(20) - TOLERANCE <= section.bottom_margin <= Mm(25) + TOLERANCE
    assert Mm(30) - TOLERANCE <= section.left_margin <= Mm(35) + TOLERANCE
    assert Mm(15) - TOLERANCE <= section.right_margin <= Mm(20) + TOLERANCE
    assert abs(section.top_margin - Mm(20)) <= TOLERANCE
    assert abs(section.left_margin - Mm(30)) <= TOLERANCE
    assert abs(section.right_margin - Mm(15)) <= TOLERANCE
    assert section.header_distance < section.top_margin


# -- fonts ---------------------------------------------------------------------


def assert_fonts(rpr: Any, where: str) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    assert fonts is not None, f"{where}: no w:rFonts"
    for slot in SLOTS:
        assert fonts.get(qn(f"w:{slot}")) == FONT, f"{where}: {slot}"
    for theme in THEME_SLOTS:
        assert fonts.get(qn(f"w:{theme}")) is None, f"{where}: {theme} overrides the font"
    color = rpr.find(qn("w:color"))
    if color is not None:
        assert color.get(qn("w:val")) in ("000000", "auto"), where
        assert color.get(qn("w:themeColor")) is None, where
    lang = rpr.find(qn("w:lang"))
    assert lang is not None and lang.get(qn("w:val")) == "vi-VN", f"{where}: language"


def test_document_defaults_use_times_new_roman(doc: Any) -> None:
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    assert_fonts(rpr, "docDefaults")


def test_every_style_uses_times_new_roman_in_all_slots(doc: Any) -> None:
    checked = 0
    for style in doc.styles.element.findall(qn("w:style")):
        if style.get(qn("w:type")) == "numbering":
            continue
        rpr = style.find(qn("w:rPr"))
        assert rpr is not None, style.get(qn("w:styleId"))
        assert_fonts(rpr, f"style {style.get(qn('w:styleId'))}")
        checked += 1
    assert checked > 10
    used = {p.style.name for p in all_paragraphs(doc) + header_paragraphs(doc)}
    assert {"Normal", "Heading 1", "Heading 2", "Heading 3"} <= used


def test_every_run_and_paragraph_mark_uses_times_new_roman(doc: Any) -> None:
    paragraphs = all_paragraphs(doc) + header_paragraphs(doc)
    runs = 0
    for paragraph in paragraphs:
        mark = paragraph._p.find(f"{qn('w:pPr')}/{qn('w:rPr')}")
        assert mark is not None, paragraph.text
        assert_fonts(mark, f"mark of {paragraph.text[:30]!r}")
        for run in paragraph.runs:
            assert_fonts(run._r.rPr, f"run {run.text[:30]!r}")
            runs += 1
    assert runs > 50


def test_no_colour_other_than_black(written: Path) -> None:
    with zipfile.ZipFile(written) as package:
        xml = package.read("word/document.xml").decode("utf-8")
    colours = set(re.findall(r'<w:color w:val="([0-9A-Fa-f]{6}|auto)"', xml))
    assert colours == {"000000"}


# -- header block --------------------------------------------------------------


def test_header_block_is_a_borderless_two_column_table(doc: Any) -> None:
    table = doc.tables[0]
    assert len(table.columns) == 2 and len(table.rows) == 2
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    for edge in borders:
        assert edge.get(qn("w:val")) in ("nil", "none"), edge.tag
    section = doc.sections[0]
    text_width_available = section.page_width - section.left_margin - section.right_margin
    widths = [table.rows[0].cells[i].width for i in range(2)]
    assert sum(widths) <= text_width_available + Mm(0.5)
    assert widths[1] > widths[0]


def test_left_column_parent_and_issuing_body(doc: Any, case: Case) -> None:
    cell = doc.tables[0].rows[0].cells[0]
    parent, issuing, rule = cell.paragraphs
    # A long name may break onto two lines, between words only.
    assert parent.text.replace("\n", " ") == case.parent_body
    assert parent.text == parent.text.upper()
    assert all_runs(parent, "bold") == {False}
    assert 12 <= size(parent) <= 13
    assert parent.alignment == WD_ALIGN_PARAGRAPH.CENTER

    assert issuing.text.replace("\n", " ") == case.issuing_body
    assert issuing.text == issuing.text.upper()
    assert all_runs(issuing, "bold") == {True}
    assert 12 <= size(issuing) <= 13
    assert issuing.alignment == WD_ALIGN_PARAGRAPH.CENTER

    # A short solid line under the issuing body, 1/3 to 1/2 of its width.
    assert has_top_rule(rule)
    widest = max(text_width(line, 13, bold=True) for line in issuing.text.split("\n"))
    length = rule_length(rule, cell_text_width(cell))
    assert widest / 3 - 1 <= length <= widest / 2 + 1
    assert rule.paragraph_format.left_indent == rule.paragraph_format.right_indent


def test_issuing_body_breaks_between_words_not_inside_the_place_name() -> None:
    issuing = build_docx(make_document()).tables[0].rows[0].cells[0].paragraphs[1]
    assert issuing.text.split("\n") == ["TÒA ÁN NHÂN DÂN", "TỈNH QUẢNG NINH"]


def test_right_column_national_title_and_motto(doc: Any) -> None:
    cell = doc.tables[0].rows[0].cells[1]
    title, motto, rule = cell.paragraphs
    assert title.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert all_runs(title, "bold") == {True}
    assert 12 <= size(title) <= 13
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    # the title must fit on one line of the column
    assert text_width(title.text, size(title), bold=True) < cell_text_width(cell)

    assert motto.text == "Độc lập - Tự do - Hạnh phúc"
    assert " - " in motto.text
    assert all_runs(motto, "bold") == {True}
    assert 13 <= size(motto) <= 14
    assert motto.alignment == WD_ALIGN_PARAGRAPH.CENTER

    # A solid line under the motto, as long as the text.
    assert has_top_rule(rule)
    expected = text_width(motto.text, size(motto), bold=True)
    assert abs(rule_length(rule, cell_text_width(cell)) - expected) <= 2


def test_number_and_date_on_the_same_row(doc: Any, case: Case) -> None:
    number_cell, date_cell = doc.tables[0].rows[1].cells
    (number,) = number_cell.paragraphs
    (date,) = date_cell.paragraphs
    assert number.text == case.number_line
    assert re.fullmatch(r"Số: (0[1-9]|[1-9]\d+)/BC-[A-ZĐ]+", number.text), number.text
    assert size(number) == 13
    assert number.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert date.text == case.place_date
    assert DATE_LINE.fullmatch(date.text), date.text
    assert all_runs(date, "italic") == {True}
    assert all_runs(date, "bold") == {False}
    assert 13 <= size(date) <= 14
    assert date.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert number.paragraph_format.space_before == date.paragraph_format.space_before


def test_document_type_and_summary(doc: Any, case: Case) -> None:
    blocks = body_blocks(doc)
    index = next(i for i, b in enumerate(blocks) if getattr(b, "text", None) == "BÁO CÁO")
    kind, summary, rule = blocks[index : index + 3]
    assert all_runs(kind, "bold") == {True}
    assert kind.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert 13 <= size(kind) <= 14
    assert summary.text == case.summary
    assert summary.text != summary.text.upper()  # lower case, not capitals
    assert all_runs(summary, "bold") == {True}
    assert summary.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert has_top_rule(rule)
    section = doc.sections[0]
    available = Length(section.page_width - section.left_margin - section.right_margin).pt
    length = rule_length(rule, available)
    assert Cm(2).pt <= length < text_width(case.summary, size(summary), bold=True) * 0.6


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        (None, "Hoa Sen, ngày 25 tháng 11 năm 2024"),
        ("2025-01-05", "Hoa Sen, ngày 05 tháng 01 năm 2025"),
        ("2024-06-09", "Hoa Sen, ngày 09 tháng 6 năm 2024"),
    ],
    ids=["sample", "2025-01-05", "2024-06-09"],
)
def test_sample_date_line_takes_the_decree_leading_zeros(tmp_path: Path, date: str | None, expected: str) -> None:
    """Day below 10 and months 1, 2 with a leading zero; months 3 to 12 without."""
    text = SAMPLE_PATH.read_text(encoding="utf-8")
    assert text.count("ngay: 2024-11-25\n") == 1
    if date is not None:
        text = text.replace("ngay: 2024-11-25\n", f"ngay: {date}\n")
    path = tmp_path / "bao-cao.docx"
    write_docx(compose_sample(text), path)
    document = docx.Document(str(path))
    (line,) = document.tables[0].rows[1].cells[1].paragraphs
    assert line.text == expected
    assert document.core_properties.created.date().isoformat() == (date or "2024-11-25")


# -- headings and body -----------------------------------------------------------


HEADING_NUMBER = {1: r"[IVXL]+\. ", 2: r"\d+\. ", 3: r"[a-zđ]\) "}


@pytest.mark.parametrize("level", [1, 2, 3])
def test_headings(doc: Any, case: Case, level: int) -> None:
    style = f"Heading {level}"
    headings = [p for p in all_paragraphs(doc) if p.style.name == style]
    assert texts(headings) == list(case.headings[level])
    assert headings, "every level is used"
    bold = level < 3  # "I." and "1." bold, "a)" upright and not bold
    for heading in headings:
        assert re.match(HEADING_NUMBER[level], heading.text), heading.text
        assert all_runs(heading, "bold") == {bold}
        assert all_runs(heading, "italic") == {False}
        assert heading.paragraph_format.keep_with_next is True
        assert heading.paragraph_format.first_line_indent == Cm(1.27)
        assert size(heading) == case.body_size
        if level == 1:
            assert heading.text == heading.text.upper()


def test_body_paragraphs(doc: Any, case: Case) -> None:
    body = case_body(doc, case)
    assert len(body) >= 12
    for paragraph in body:
        fmt = paragraph.paragraph_format
        assert paragraph.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
        assert fmt.first_line_indent in (Cm(1), Cm(1.27))
        assert fmt.space_before >= Pt(6) and fmt.space_after >= Pt(6)
        assert 1.0 <= fmt.line_spacing <= 1.5
        assert fmt.line_spacing == pytest.approx(case.document.layout.line_spacing, abs=0.005)
        assert size(paragraph) == case.body_size
        assert all_runs(paragraph, "bold") == {False}


def test_normal_style_matches_body(doc: Any, case: Case) -> None:
    assert 13 <= case.body_size <= 14
    normal = doc.styles["Normal"]
    assert normal.font.name == FONT
    assert normal.font.size == Pt(case.body_size)
    fmt = normal.paragraph_format
    assert fmt.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert fmt.first_line_indent == Cm(1.27)
    assert fmt.space_before >= Pt(6) and fmt.space_after >= Pt(6)


def test_layout_options_drive_size_and_line_spacing(tmp_path: Path) -> None:
    path = tmp_path / "13.docx"
    write_docx(make_document(body_size=13, line_spacing=1.5), path)
    document = docx.Document(str(path))
    body = body_text_paragraphs(document, captions=(FIGURE_TABLE.caption,))
    assert {size(p) for p in body} == {13}
    assert {p.paragraph_format.line_spacing for p in body} == {1.5}
    assert size(find(document, "I. ĐẶC ĐIỂM TÌNH HÌNH")) == 13


def test_placeholder_is_highlighted(doc: Any, case: Case) -> None:
    for placeholder in case.placeholders:
        paragraph = find(doc, placeholder)
        assert all_runs(paragraph, "highlight_color") == {WD_COLOR_INDEX.YELLOW}
    others = [p for p in case_body(doc, case) if p.text not in case.placeholders]
    assert others
    for paragraph in others:
        marked = "".join(run.text for run in paragraph.runs if run.font.highlight_color)
        assert marked == "".join(re.findall(r"\[Chưa nhập[^\]]*\]", paragraph.text)), paragraph.text


def test_inline_placeholder_is_highlighted_alone(tmp_path: Path) -> None:
    base = make_document()
    inline = Paragraph("Đã tổ chức [Chưa nhập: số] hội nghị sơ kết.")
    first = replace(base.sections[0], blocks=(inline,))
    document = build_docx(replace(base, sections=(first, *base.sections[1:])))
    paragraph = find(document, inline.text)
    marked = [run.text for run in paragraph.runs if run.font.highlight_color]
    assert marked == ["[Chưa nhập: số]"]


# -- tables ------------------------------------------------------------------------


def test_data_table_borders_and_repeated_header(doc: Any, case: Case) -> None:
    assert case.tables, "each document has a data table"
    expected = case.tables[0]
    table = doc.tables[1]
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    sides = {edge.tag.split("}")[1]: edge.get(qn("w:val")) for edge in borders}
    assert sides == dict.fromkeys(("top", "left", "bottom", "right", "insideH", "insideV"), "single")
    header_row = table.rows[0]
    assert header_row._tr.trPr.find(qn("w:tblHeader")) is not None
    assert all(row._tr.trPr.find(qn("w:tblHeader")) is None for row in table.rows[1:])
    assert [c.text for c in header_row.cells] == list(expected.header)
    assert len(table.rows) == 1 + len(expected.rows)
    for cell in header_row.cells:
        for paragraph in cell.paragraphs:
            assert all_runs(paragraph, "bold") == {True}
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                if paragraph.text:
                    assert 12 <= size(paragraph) <= 13
    section = doc.sections[0]
    available = section.page_width - section.left_margin - section.right_margin
    total = sum(cell.width for cell in header_row.cells)
    assert abs(total - available) <= Mm(0.5)


def test_table_caption_stays_with_its_table(doc: Any, case: Case) -> None:
    captions = [t.caption for t in case.tables if t.caption]
    assert captions
    blocks = body_blocks(doc)
    for text in captions:
        index = next(i for i, b in enumerate(blocks) if getattr(b, "text", None) == text)
        caption = blocks[index]
        assert caption.paragraph_format.keep_with_next is True
        assert all_runs(caption, "bold") == {True}
        assert caption.alignment == WD_ALIGN_PARAGRAPH.CENTER
        assert hasattr(blocks[index + 1], "rows")  # the table follows its caption


# -- end of body, recipients, signature ------------------------------------------------


def test_body_ends_with_closing_mark_on_the_last_paragraph(doc: Any, case: Case) -> None:
    blocks = body_blocks(doc)
    signature_index = len(blocks) - 1 - [hasattr(b, "rows") for b in blocks][::-1].index(True)
    last = blocks[signature_index - 1]
    assert last.text == case.closing
    assert last.text.endswith("./.") and not last.text.endswith("../.")
    assert last.runs[-1].font.highlight_color is None
    marks = [p for p in all_paragraphs(doc) if "./." in p.text]
    assert len(marks) == 1


def test_closing_mark_on_its_own_line_after_a_final_table() -> None:
    base = make_document()
    last_section = replace(
        base.sections[-1],
        children=(),
        blocks=(Table(header=("A", "B"), rows=(("1", "2"),)),),
    )
    document = build_docx(replace(base, sections=(*base.sections[:-1], last_section)))
    blocks = body_blocks(document)
    assert hasattr(blocks[-3], "rows")  # the data table
    assert blocks[-2].text == "./."
    assert hasattr(blocks[-1], "rows")  # recipients and signature


def test_recipients(doc: Any, case: Case) -> None:
    left = doc.tables[-1].rows[0].cells[0]
    heading, *entries = left.paragraphs
    assert heading.text == "Nơi nhận:"
    assert all_runs(heading, "bold") == {True}
    assert all_runs(heading, "italic") == {True}
    assert size(heading) == 12
    assert heading.alignment == WD_ALIGN_PARAGRAPH.LEFT
    assert heading.paragraph_format.first_line_indent == 0
    assert texts(entries) == list(case.recipients)
    assert entries[-1].text.startswith("- Lưu: VT") and entries[-1].text.endswith(".")
    for entry in entries[:-1]:
        assert entry.text.startswith("- ") and entry.text.endswith(";"), entry.text
    for entry in entries:
        assert size(entry) == 11
        assert all_runs(entry, "bold") == {False}


def test_signature(doc: Any, case: Case) -> None:
    table = doc.tables[-1]
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert all(edge.get(qn("w:val")) in ("nil", "none") for edge in borders)
    right = table.rows[0].cells[1]
    paragraphs = right.paragraphs
    authority, title, name = case.signature
    assert paragraphs[0].text == authority
    assert paragraphs[1].text == title
    for line in paragraphs[:2]:
        assert line.text == line.text.upper()
        assert all_runs(line, "bold") == {True}
        assert 13 <= size(line) <= 14
        assert line.alignment == WD_ALIGN_PARAGRAPH.CENTER
    blank = paragraphs[2:-1]
    assert len(blank) >= 3 and all(p.text == "" for p in blank)
    signer = paragraphs[-1]
    assert signer.text == name
    assert not re.match(r"(TS|ThS|PGS|GS|CN)\.", signer.text)  # no academic titles
    assert all_runs(signer, "bold") == {True}
    assert 13 <= size(signer) <= 14
    assert signer.alignment == WD_ALIGN_PARAGRAPH.CENTER
    # "Nơi nhận:" level with the first line of the signature
    left_first = table.rows[0].cells[0].paragraphs[0]
    assert left_first.paragraph_format.space_before == paragraphs[0].paragraph_format.space_before
    assert table.rows[0]._tr.trPr.find(qn("w:cantSplit")) is not None


# -- page numbers ----------------------------------------------------------------------


def test_page_number_in_the_header_from_page_two(doc: Any, written: Path) -> None:
    section = doc.sections[0]
    assert section.different_first_page_header_footer is True
    assert section._sectPr.find(qn("w:titlePg")) is not None
    header = section.header
    assert header.is_linked_to_previous is False
    (paragraph,) = header.paragraphs
    assert paragraph.alignment == WD_ALIGN_PARAGRAPH.CENTER
    instructions = "".join(node.text or "" for node in paragraph._p.iter(qn("w:instrText"))) + "".join(
        node.get(qn("w:instr")) or "" for node in paragraph._p.iter(qn("w:fldSimple"))
    )
    assert instructions.split() == ["PAGE"]
    for run in paragraph.runs:
        assert 13 <= run.font.size.pt <= 14
    first = section.first_page_header
    assert first.is_linked_to_previous is False
    assert all(p.text == "" for p in first.paragraphs)
    assert not list(first._element.iter(qn("w:instrText")))
    assert not list(first._element.iter(qn("w:fldSimple")))
    assert section.footer.is_linked_to_previous is True  # no footer text at all


# -- annexes ----------------------------------------------------------------------------


def test_annex_starts_on_a_new_page_after_the_signature(tmp_path: Path) -> None:
    path = tmp_path / "annex.docx"
    write_docx(make_document_with_annex(), path)
    document = docx.Document(str(path))
    blocks = body_blocks(document)
    heading_index = next(i for i, b in enumerate(blocks) if getattr(b, "text", "").startswith("PHỤ LỤC"))
    heading = blocks[heading_index]
    assert heading.text == "PHỤ LỤC 1"
    assert heading.paragraph_format.page_break_before is True
    assert all_runs(heading, "bold") == {True}
    assert heading.alignment == WD_ALIGN_PARAGRAPH.CENTER
    signature = blocks[heading_index - 1]
    assert hasattr(signature, "rows")
    assert signature.rows[0].cells[0].paragraphs[0].text == "Nơi nhận:"
    assert blocks[heading_index + 1].text == "SỐ LIỆU GIẢI QUYẾT CÁC LOẠI VỤ VIỆC"
    reference = blocks[heading_index + 2].text
    assert reference == "(Kèm theo Báo cáo số 15/BC-TA ngày 05 tháng 01 năm 2025)"
    assert hasattr(blocks[-1], "rows")  # the annex table comes last
    assert blocks[-1].rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None


# -- package: properties, names, XML ---------------------------------------------------


def test_core_properties(doc: Any, case: Case) -> None:
    props = doc.core_properties
    assert props.title == case.title
    assert props.author == case.author
    assert props.last_modified_by == ""
    assert props.comments == ""
    assert props.keywords == ""
    assert props.category == ""
    assert props.language == "vi-VN"
    assert props.created is not None and props.created.date().isoformat() == case.created


def test_no_machine_or_user_name_anywhere(written: Path) -> None:
    names = {"python-docx"}
    for name in (getpass.getuser(), socket.gethostname()):
        if len(name) >= 4:
            names.add(name)
    with zipfile.ZipFile(written) as package:
        for member in package.namelist():
            data = package.read(member)
            for name in names:
                assert name.encode("utf-8") not in data, (name, member)
        assert "docProps/thumbnail.jpeg" not in package.namelist()


def test_every_part_is_well_formed_xml(written: Path) -> None:
    with zipfile.ZipFile(written) as package:
        assert package.testzip() is None
        for member in package.namelist():
            if member.endswith((".xml", ".rels")):
                etree.fromstring(package.read(member))


def test_language_is_vietnamese(written: Path) -> None:
    with zipfile.ZipFile(written) as package:
        xml = package.read("word/document.xml").decode("utf-8")
        settings = package.read("word/settings.xml").decode("utf-8")
    languages = set(re.findall(r'<w:lang w:val="([^"]+)"', xml))
    assert languages == {"vi-VN"}
    assert 'w:themeFontLang w:val="vi-VN"' in settings


def test_characters_invalid_in_xml_are_stripped(tmp_path: Path) -> None:
    base = make_document()
    dirty = Section(
        id="I",
        number="I.",
        heading="Đặc điểm\x0b tình hình",
        level=1,
        blocks=(Paragraph("Văn bản\x00 có\x1b ký tự điều khiển\x07."),),
    )
    header = replace(base.header, issuing_body="TÒA ÁN\x01 NHÂN DÂN")
    document = replace(
        base,
        header=header,
        sections=(dirty,),
        recipients=("Như trên\x0c;", "Lưu: VT."),
        signature=replace(base.signature, name="Nguyễn\x02 Văn An"),
    )
    path = tmp_path / "dirty.docx"
    write_docx(document, path)
    reread = docx.Document(str(path))
    body = texts(all_paragraphs(reread))
    assert "I. ĐẶC ĐIỂM TÌNH HÌNH" in body
    assert "Văn bản có ký tự điều khiển./." in body
    assert "Nguyễn Văn An" in body
    assert not any(re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", text) for text in body)


def test_decomposed_input_is_written_as_nfc(tmp_path: Path) -> None:
    import unicodedata

    base = make_document()
    decomposed = unicodedata.normalize("NFD", "Hòa giải thành 120 vụ việc.")
    section = replace(base.sections[0], blocks=(Paragraph(decomposed),), children=())
    document = build_docx(replace(base, sections=(section,)))
    assert "Hòa giải thành 120 vụ việc./." in texts(all_paragraphs(document))


# -- atomic writing ----------------------------------------------------------------------


def test_write_replaces_the_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    path = tmp_path / "bao-cao.docx"
    path.write_bytes(b"old")
    write_docx(make_document(), path)
    assert zipfile.is_zipfile(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bao-cao.docx"]


def test_failed_write_keeps_the_old_file(tmp_path: Path) -> None:
    """The disk refuses the bytes (here: a file size limit, as a full disk would)."""
    path = tmp_path / "bao-cao.docx"
    path.write_bytes(b"old")
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, hard))
    try:
        with pytest.raises(OutputError, match="không ghi được tệp: tệp vượt quá kích thước cho phép"):
            write_docx(make_document(), path)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, handler)
    assert path.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bao-cao.docx"]


def test_missing_folder_is_an_output_error(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="không tồn tại"):
        write_docx(make_document(), tmp_path / "khong-co" / "bao-cao.docx")


def test_same_input_same_document_xml(tmp_path: Path) -> None:
    first, second = tmp_path / "1.docx", tmp_path / "2.docx"
    write_docx(make_document(), first)
    write_docx(make_document(), second)
    with zipfile.ZipFile(first) as one, zipfile.ZipFile(second) as two:
        for member in ("word/document.xml", "word/styles.xml", "docProps/core.xml"):
            assert one.read(member) == two.read(member), member


# -- edge cases ----------------------------------------------------------------------------


def test_placeholder_as_last_paragraph_keeps_the_mark_unhighlighted() -> None:
    base = make_document()
    last = replace(base.sections[-1], children=(), blocks=(Paragraph(PLACEHOLDER, True),))
    document = build_docx(replace(base, sections=(*base.sections[:-1], last)))
    paragraph = find(document, PLACEHOLDER + "./.")
    assert [(r.text, r.font.highlight_color) for r in paragraph.runs] == [
        (PLACEHOLDER, WD_COLOR_INDEX.YELLOW),
        ("./.", None),
    ]


def test_minimal_document_still_has_every_part(tmp_path: Path) -> None:
    base = make_document()
    minimal = replace(
        base,
        header=replace(base.header, parent_body="", summary=""),
        sections=(),
        recipients=(),
        signature=replace(base.signature, authority="", title="Chánh án", name=""),
        title="",
        author="",
    )
    path = tmp_path / "minimal.docx"
    write_docx(minimal, path)
    document = docx.Document(str(path))
    left = document.tables[0].rows[0].cells[0]
    assert left.paragraphs[0].text.replace("\n", " ") == ISSUING_BODY
    body = texts(all_paragraphs(document))
    assert "./." in body
    assert "CHÁNH ÁN" in body  # the title is printed in capitals
    recipients = document.tables[-1].rows[0].cells[0].paragraphs
    assert recipients[0].text == "Nơi nhận:"
    assert all(r.font.highlight_color for r in recipients[1].runs)
    name = document.tables[-1].rows[0].cells[1].paragraphs[-1]
    assert name.text.startswith("[Chưa nhập")
