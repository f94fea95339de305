"""One placeholder type: what the writer has not entered is a Gap, printed alike by every exporter.

Composition decides the gaps (a section without content, a missing cause, place, signer
or recipients); the Word export highlights them; Markdown, text and the TUI preview
print the same words. The recipients as printed and the closing "./." are decided once
(:mod:`drafting.document`), not per exporter.
"""

from __future__ import annotations

import io
import re
from dataclasses import replace

import docx
import pytest
from docx.enum.text import WD_COLOR_INDEX
from docx_fixture import RECIPIENTS, make_document

from drafting.composition.composer import compose
from drafting.datafile.validate import parse_report
from drafting.document import (
    CLOSING,
    Document,
    Gap,
    Paragraph,
    Section,
    Table,
    Words,
    as_words,
    close_body,
    plain,
)
from drafting.export.docx import build_docx
from drafting.export.text import to_markdown, to_text
from drafting_tui.preview import section_chunks

SPELLED = re.compile(r"\[Chưa nhập: [^\]]*\]")


def docx_paragraphs(document: Document) -> list[tuple[str, list[str]]]:
    """Each paragraph of the Word file (tables included): its text and its highlighted runs."""
    stream = io.BytesIO()
    build_docx(document).save(stream)
    stream.seek(0)
    reopened = docx.Document(stream)
    out = []
    for p in reopened.element.body.iter(docx.oxml.ns.qn("w:p")):
        paragraph = docx.text.paragraph.Paragraph(p, reopened)
        marked = [run.text for run in paragraph.runs if run.font.highlight_color == WD_COLOR_INDEX.YELLOW]
        out.append((paragraph.text, marked))
    return out


def empty_report() -> Document:
    """A report with nothing entered: no place, no signer, no recipients, no content."""
    return compose(parse_report("nam: 2024\n", "trong.yaml"))


# -- the model ---------------------------------------------------------------------------


def test_words_join_strings_and_keep_gaps_typed() -> None:
    words = Words("Thụ lý ", "12 vụ, ", Gap("nguyên nhân"), "", ".")
    assert words.parts == ("Thụ lý 12 vụ, ", Gap("nguyên nhân"), ".")
    assert words.text == "Thụ lý 12 vụ, [Chưa nhập: nguyên nhân]."
    assert words.gaps == (Gap("nguyên nhân"),)
    assert not words.is_gap and Words(Gap("a"), Gap("b")).is_gap and not Words().is_gap


def test_a_string_spelling_a_gap_holds_that_gap() -> None:
    paragraph = Paragraph("Đã tổ chức [Chưa nhập: số] hội nghị.")
    assert paragraph.parts == ("Đã tổ chức ", Gap("số"), " hội nghị.")
    assert paragraph == Paragraph(Words("Đã tổ chức ", Gap("số"), " hội nghị."))
    assert Paragraph("[Chưa nhập: kiến nghị]", placeholder=True).placeholder
    assert not Paragraph("Chưa nhập gì [ở đây]").placeholder
    with pytest.raises(ValueError, match="placeholder"):
        Paragraph("Một câu bình thường.", placeholder=True)
    table = Table(header=("A", "B"), rows=(("[Chưa nhập: số]", "1"),))
    assert table.rows[0][0] == Gap("số")
    assert table.text_rows() == (("A", "B"), ("[Chưa nhập: số]", "1"))


def test_blank_signer_and_no_recipients_are_gaps() -> None:
    base = make_document()
    document = replace(base, recipients=("", " - "), signature=replace(base.signature, name="  "))
    assert document.signature.name == Gap("họ và tên người ký")
    assert [plain(entry) for entry in document.recipients] == ["- [Chưa nhập: nơi nhận]."]
    assert as_words(document.recipients[0]).gaps == (Gap("nơi nhận"),)


def test_recipients_are_printed_as_normalised_once() -> None:
    expected = (
        "- Như trên;",
        "- Tòa án nhân dân tối cao (Vụ Thi đua - Khen thưởng);",
        "- Chánh án, các Phó Chánh án;",
        "- Lưu: VT, TĐKT.",
    )
    document = make_document()
    assert document.recipients == expected
    assert replace(document, recipients=document.recipients).recipients == expected  # idempotent
    for output in (to_markdown(document), to_text(document)):
        lines = [line.rstrip() for line in output.splitlines()]
        start = lines.index(next(line for line in lines if line.endswith("Nơi nhận:***") or line == "Nơi nhận:"))
        assert tuple(lines[start + 1 : start + 5]) == expected
    printed = [text for text, _ in docx_paragraphs(document)]
    assert all(entry in printed for entry in expected)
    assert RECIPIENTS[0] not in printed


# -- the closing mark ----------------------------------------------------------------------


def test_close_body_merges_the_mark_into_the_last_paragraph() -> None:
    sections, mark = close_body(make_document().sections)
    assert mark is None
    last = sections[-1].walk()[-1].blocks[-1]
    assert isinstance(last, Paragraph) and last.text.endswith("Quảng Ninh./.")
    assert sum(isinstance(b, Paragraph) and b.text.endswith(CLOSING) for s in sections for b in s.walk()) == 0
    assert (
        sum(b.text.endswith(CLOSING) for s in sections for x in s.walk() for b in x.blocks if isinstance(b, Paragraph))
        == 1
    )


@pytest.mark.parametrize(
    ("blocks", "expected"),
    [
        ((Table(header=("A",), rows=(("1",),)),), "alone"),
        ((), "alone"),
        ((Paragraph("Kiến nghị;"),), "Kiến nghị./."),
        ((Paragraph("[Chưa nhập: kiến nghị]"),), "[Chưa nhập: kiến nghị]./."),
    ],
    ids=["table", "empty", "semicolon", "gap"],
)
def test_close_body_cases(blocks: tuple[Paragraph | Table, ...], expected: str) -> None:
    sections, mark = close_body((Section("IV", "IV.", "Kiến nghị", 1, blocks),))
    if expected == "alone":
        assert mark == Paragraph(CLOSING)
        assert sections[0].blocks == blocks
    else:
        assert mark is None
        last = sections[0].blocks[-1]
        assert isinstance(last, Paragraph) and last.text == expected
    assert close_body(()) == ((), Paragraph(CLOSING))


def test_every_exporter_ends_the_body_alike_after_a_final_table() -> None:
    base = make_document()
    last = replace(base.sections[-1], children=(), blocks=(Table(header=("A", "B"), rows=(("1", "2"),)),))
    document = replace(base, sections=(*base.sections[:-1], last))
    for output in (to_markdown(document), to_text(document)):
        assert output.count(CLOSING) == 1
        before, _, after = output.partition(CLOSING)
        assert "| 1 | 2 |" in before[-40:] and "Nơi nhận:" in after
    assert [text for text, _ in docx_paragraphs(document)].count(CLOSING) == 1


# -- composition puts the gaps; every exporter prints them -------------------------------------


def test_composition_puts_typed_gaps_in_the_header_and_signature() -> None:
    document = empty_report()
    assert document.signature.name == Gap("họ và tên người ký")
    assert [plain(entry) for entry in document.recipients] == ["- [Chưa nhập: nơi nhận]."]
    assert as_words(document.header.place_date).parts == (Gap("địa danh"), ", ngày      tháng      năm 2024")
    placeholders = [b for s in document.walk() for b in s.blocks if isinstance(b, Paragraph) and b.placeholder]
    assert placeholders and all(isinstance(part, Gap) for b in placeholders for part in b.parts)


def test_markdown_and_text_print_the_gaps_the_word_file_highlights() -> None:
    document = empty_report()
    paragraphs = docx_paragraphs(document)
    highlighted = [run for _, marked in paragraphs for run in marked]
    spelled = [gap for text, _ in paragraphs for gap in SPELLED.findall(text)]
    # Every gap the Word file shows is highlighted, whole, and nothing else is (but a
    # recipient that is a gap is highlighted with its list marks).
    assert [gap for run in highlighted for gap in SPELLED.findall(run)] == spelled
    assert all(SPELLED.fullmatch(run) or run == "- [Chưa nhập: nơi nhận]." for run in highlighted)
    for gap in ("[Chưa nhập: họ và tên người ký]", "- [Chưa nhập: nơi nhận].", "[Chưa nhập: địa danh]"):
        assert any(gap in text for text, _ in paragraphs), gap
    for output in (to_markdown(document), to_text(document)):
        assert sorted(SPELLED.findall(output)) == sorted(spelled)


def test_the_preview_highlights_the_same_gaps() -> None:
    document = empty_report()
    inline = Paragraph(Words("Thụ lý 12 vụ, ", Gap("nguyên nhân"), "."))
    section = replace(document.sections[0], blocks=(inline, Paragraph(Gap("biên chế"))), children=())
    chunks = section_chunks(section)
    by_text = {chunk.plain: chunk for chunk in chunks}
    partial = by_text[inline.text]
    assert [partial.plain[a:b] for a, b in partial.gaps] == ["[Chưa nhập: nguyên nhân]"]
    rendered = partial.renderable()
    styled = {str(rendered)[span.start : span.end] for span in rendered.spans}  # type: ignore[union-attr]
    assert styled == {"[Chưa nhập: nguyên nhân]"}
    whole = by_text["[Chưa nhập: biên chế]"]
    assert whole.style and not whole.gaps
