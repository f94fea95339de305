"""The Word export with hostile input (#13): huge names, long names, characters XML forbids.

Speed is measured in ``benchmarks/bench_docx_header.py``, not asserted here.
"""

from __future__ import annotations

from dataclasses import replace

import docx
from docx_fixture import make_document
from hypothesis import given, settings
from hypothesis import strategies as st

from drafting.export.docx import build_docx, text_width
from drafting.export.docx.measure import balanced_lines

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
