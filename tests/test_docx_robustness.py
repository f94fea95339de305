"""The Word export with hostile input (#13): huge names, long names, characters XML forbids.

Speed is measured in ``benchmarks/bench_docx_header.py``, not asserted here.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import docx
from conftest import run_cli
from docx.oxml.ns import qn
from docx_fixture import make_document
from hypothesis import given, settings
from hypothesis import strategies as st

from drafting.document import Paragraph, Section, Signature, Table
from drafting.export.docx import build_docx, text_width, write_docx
from drafting.export.docx.measure import balanced_lines

SAMPLE_NAME = "  ten: Tòa án nhân dân tỉnh Hoa Sen\n"
SAMPLE_CAUSE = "nguyen_nhan: do tội phạm về ma túy, xâm phạm sở hữu gia tăng"

NAMES = [
    "TÒA ÁN NHÂN DÂN TỈNH QUẢNG NINH",
    "TÒA ÁN NHÂN DÂN TỐI CAO",
    "TÒA ÁN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH",
    "TÒA ÁN NHÂN DÂN KHU VỰC 1 - THÀNH PHỐ HÀ NỘI",
    "TÒA ÁN NHÂN DÂN HUYỆN ĐẮK R'LẤP",
    "VĂN PHÒNG TÒA ÁN NHÂN DÂN TỐI CAO\nVỤ THI ĐUA - KHEN THƯỞNG",
    "TÒA ÁN   NHÂN  DÂN\tTỈNH BÀ RỊA - VŨNG TÀU",
    "",
    "TÒAÁNNHÂNDÂNTỈNHTHỪATHIÊNHUẾ",
]


def exhaustive_lines(text: str, size: float, bold: bool, max_width: float) -> list[str]:
    """The definition: try every split point, keep the first where the wider line is narrowest."""
    lines: list[str] = []
    for part in text.splitlines() or [""]:
        part = " ".join(part.split())
        words = part.split(" ")
        if text_width(part, size, bold) <= 0.96 * max_width or len(words) < 2:
            lines.append(part)
            continue
        best = min(
            range(1, len(words)),
            key=lambda i: max(text_width(" ".join(words[:i]), size, bold), text_width(" ".join(words[i:]), size, bold)),
        )
        lines.extend([" ".join(words[:best]), " ".join(words[best:])])
    return lines


def test_ordinary_names_break_where_they_always_did() -> None:
    for name in NAMES:
        for bold in (False, True):
            for width in (120.0, 170.0, 186.0):
                assert balanced_lines(name, 13, bold, width) == exhaustive_lines(name, 13, bold, width), name


WORD = st.text(alphabet="ÀÁẢÃẠĂẰẮÂẦĐÊỀƠỜƯỪIMWNHTÒAÁN.,-()0123456789 ", min_size=1, max_size=12)


@settings(max_examples=300, deadline=None)
@given(st.lists(WORD, min_size=1, max_size=30), st.booleans(), st.floats(min_value=20, max_value=400))
def test_the_linear_balance_is_the_exhaustive_one(words: list[str], bold: bool, width: float) -> None:
    text = " ".join(words)
    assert balanced_lines(text, 13, bold, width) == exhaustive_lines(text, 13, bold, width)


def test_a_huge_issuing_body_is_balanced_over_two_lines() -> None:
    name = " ".join(f"TÒA ÁN NHÂN DÂN KHU VỰC {n}" for n in range(1, 2001))  # about 52 KB
    base = make_document()
    document = build_docx(replace(base, header=replace(base.header, issuing_body=name)))
    issuing = document.tables[0].rows[0].cells[0].paragraphs[1]
    first, second = issuing.text.split("\n")
    assert f"{first} {second}" == name
    widest_word = max(text_width(word, 13, bold=True) for word in name.split())
    assert abs(text_width(first, 13, True) - text_width(second, 13, True)) <= widest_word + text_width(" ", 13)
    assert isinstance(document, docx.document.Document)


def test_a_unit_name_longer_than_a_core_property_renders(tmp_path: Path, sample_text: str) -> None:
    """Core properties hold 255 characters; a 256-character unit name (the author) is cut at a word."""
    name = ("Tòa án nhân dân khu vực " * 10).rstrip()
    name += " " + "Z" * (256 - len(name) - 1)
    assert len(name) == 256 and sample_text.count(SAMPLE_NAME) == 1
    source = tmp_path / "ten-dai.yaml"
    source.write_text(sample_text.replace(SAMPLE_NAME, f'  ten: "{name}"\n'), encoding="utf-8")
    target = tmp_path / "ten-dai.docx"
    result = run_cli("render", str(source), "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    author = docx.Document(str(target)).core_properties.author
    assert len(author) <= 255 and author.endswith("…")
    assert name.startswith(author.removesuffix("…")) and name[len(author) - 1] == " "


def test_lone_surrogates_and_control_characters_in_a_data_file_render(tmp_path: Path, sample_text: str) -> None:
    """Control characters are dropped; a lone surrogate (no character at all) is refused
    at its line, as by every other command (see tests/test_messages.py)."""
    assert sample_text.count(SAMPLE_CAUSE) == 1
    dirty = 'nguyen_nhan: "do tội phạm\\x07 về ma túy\\x1b gia tăng"'
    source = tmp_path / "ky-tu-la.yaml"
    source.write_text(sample_text.replace(SAMPLE_CAUSE, dirty), encoding="utf-8")
    target = tmp_path / "ky-tu-la.docx"
    result = run_cli("render", str(source), "-o", str(target))
    assert result.returncode == 0, result.stderr
    text = "".join(node.text or "" for node in docx.Document(str(target)).element.body.iter(qn("w:t")))
    assert "do tội phạm về ma túy gia tăng" in text
    source.write_text(sample_text.replace(SAMPLE_CAUSE, dirty.replace("\\x07", "\\ud800")), encoding="utf-8")
    result = run_cli("render", str(source), "-o", str(tmp_path / "nua-cap.docx"))
    line = sample_text[: sample_text.index(SAMPLE_CAUSE)].count("\n") + 1
    assert result.returncode == 2 and result.stderr.startswith(f"{source}:{line}: "), result.stderr
    assert "\\ud800" in result.stderr and "Traceback" not in result.stderr


def test_lone_surrogates_anywhere_in_the_document_are_dropped(tmp_path: Path) -> None:
    bad = "Tòa án\ud800 nhân\udfff dân\x1b"
    base = make_document()
    document = replace(
        base,
        header=replace(base.header, issuing_body=bad.upper(), number_line=f"Số: 15{bad}", place_date=bad, summary=bad),
        sections=(Section("I", "I.", bad, 1, (Paragraph(bad), Table(header=(bad, "b"), rows=((bad, "1"),)))),),
        signature=Signature(bad, bad, bad),
        recipients=(bad, bad),
        title=bad,
        author=bad * 20,
    )
    target = tmp_path / "la.docx"
    write_docx(document, target)
    reread = docx.Document(str(target))
    text = "".join(node.text or "" for node in reread.element.body.iter(qn("w:t")))
    assert "Tòa án nhân dân" in text
    assert not any("\ud800" <= char <= "\udfff" or char == "\x1b" for char in text)
    assert reread.core_properties.title == "Tòa án nhân dân"
    assert len(reread.core_properties.author) <= 255
