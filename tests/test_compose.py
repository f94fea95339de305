"""Composition of the whole report from the sample."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from drafting.bank.bank import default_bank
from drafting.bank.sandbox import render
from drafting.composition.composer import compose
from drafting.datafile.validate import load_report, parse_report
from drafting.document import Document, Paragraph
from drafting.errors import ProblemsError
from drafting.export.text import to_markdown, to_text


def test_every_heading_in_order(sample_path: Path) -> None:
    text = to_text(compose(load_report(sample_path)))
    outline = default_bank().outline
    position = 0
    for section in outline.sections:
        heading = f"{section.number} {render(section.heading, {'nam': 2024, 'nam_truoc': 2023, 'nam_sau': 2025})}"
        found = text.find(heading + "\n", position)
        assert found >= 0, heading
        position = found
    assert "IV. PHƯƠNG HƯỚNG NHIỆM VỤ NĂM 2025" in text
    assert text.count("./.") == 1


def test_year_is_a_parameter_everywhere(sample_text: str) -> None:
    text_2025 = re.sub(r"^nam: 2024$", "nam: 2025", sample_text, flags=re.M)
    text_2025 = text_2025.replace("2024-", "2025-").replace("năm 2024", "năm 2025")
    text_2025 = re.sub(r"\b2023\b", "2024", text_2025)
    report = parse_report(text_2025, "mau-2025.yaml")
    out = to_markdown(compose(report))
    assert "năm 2025" in out and "cùng kỳ năm 2024" in out and "năm 2026" in out
    # The periods of the movements launched by the Prime Minister are part of their names.
    assert "2023" not in out.replace("giai đoạn 2023 - 2030", "")


def test_writer_text_is_never_a_template(sample_text: str) -> None:
    text = sample_text.replace(
        "nguyen_nhan: do tội phạm về ma túy, xâm phạm sở hữu gia tăng",
        'nguyen_nhan: "do {{ 7 * 7 }} và {% for x in range(3) %}x{% endfor %}"',
    )
    assert text != sample_text
    out = to_text(compose(parse_report(text, "x.yaml")))
    assert "do {{ 7 * 7 }} và {% for x in range(3) %}x{% endfor %}" in out
    assert "49" not in out.split("{{ 7 * 7 }}")[0][-20:]


def test_deterministic_output(sample_path: Path) -> None:
    a = to_markdown(compose(load_report(sample_path)))
    b = to_markdown(compose(load_report(sample_path)))
    assert a == b


def test_empty_sections_show_placeholders() -> None:
    doc = compose(parse_report("nam: 2024\n", "trong.yaml"))
    out = to_text(doc)
    assert "[Chưa nhập: các văn bản được quán triệt" in out
    assert "[Chưa nhập: kết quả thực hiện phong trào “Vì Công lý”]" in out
    assert "[Chưa nhập: số liệu" in out
    for section in doc.walk():
        assert section.blocks or section.children, f"empty heading: {section.title}"


def test_unknown_phrase_id_is_located_with_did_you_mean(sample_text: str) -> None:
    text = sample_text + "\n" if "noi_dung:" in sample_text else sample_text
    text = text.replace("noi_dung:\n", "noi_dung:\n  III.1:\n    - cau: uu_diem.lanh_dao_quan_tamm\n", 1)
    report = parse_report(text, "x.yaml")
    with pytest.raises(ProblemsError) as info:
        compose(report)
    (problem,) = info.value.problems
    assert problem.file == "x.yaml" and problem.line
    assert "uu_diem.lanh_dao_quan_tamm" in problem.message
    assert "có phải “uu_diem.lanh_dao_quan_tam”?" in problem.message


def test_chosen_phrases_in_writer_order_and_free_text_verbatim(sample_text: str) -> None:
    text = sample_text.replace(
        "noi_dung:\n",
        "noi_dung:\n  III.1:\n    - van_ban: Đoạn   tự viết {{ x }} giữ nguyên.\n"
        "    - cau: uu_diem.lanh_dao_quan_tam\n      cach_viet: 2\n",
        1,
    )
    report = parse_report(text, "x.yaml")
    doc = compose(report)
    section = doc.find("III.1")
    assert section is not None
    texts = [b.text for b in section.blocks]  # type: ignore[union-attr]
    assert texts[0] == "- Đoạn   tự viết {{ x }} giữ nguyên."
    from drafting.bank.bank import default_bank
    from drafting.bank.sandbox import render
    from drafting.composition.composer import Composer

    phrase = default_bank().phrases["uu_diem.lanh_dao_quan_tam"]
    context, _ = Composer.create(report, default_bank()).phrase_context(phrase)
    assert texts[1] == "- " + render(phrase.variants[1], context)
    assert len(texts) == 2


def claims_of(doc: Document, section_id: str) -> list[str]:
    section = doc.find(section_id)
    assert section is not None
    return [b.claim for b in section.blocks if isinstance(b, Paragraph) and b.claim]


def test_suggestions_follow_the_figures(sample_text: str) -> None:
    """Quashed/amended above the maximum: the strength goes, the limitation and its remedies come."""
    base = compose(parse_report(sample_text, "a.yaml"))
    worse = sample_text.replace("bi_huy:\n      ky_nay: 47", "bi_huy:\n      ky_nay: 247")
    assert worse != sample_text
    doc = compose(parse_report(worse, "b.yaml"))
    assert "uu_diem.huy_sua_giam_trong_chi_tieu" in claims_of(base, "III.1")
    assert not any(c.startswith("uu_diem.huy_sua") for c in claims_of(doc, "III.1"))
    assert "han_che.huy_sua_cao_va_tang" in claims_of(doc, "III.2")
    assert "giai_phap.khac_phuc_huy_sua" in claims_of(doc, "III.4")
    assert "nhiem_vu.giam_huy_sua" in claims_of(doc, "IV.1")
    assert "nhiem_vu.giam_huy_sua" not in claims_of(base, "IV.1")
    text = " ".join(b.text for b in doc.find("III.2").blocks)  # type: ignore[union-attr]
    assert "so với mức tối đa" in text and "vượt" not in text


def test_no_sentence_opener_repeats_within_a_section(sample_path: Path) -> None:
    from drafting.composition.phrasing import opener

    doc = compose(load_report(sample_path))
    for sid in ("III.1", "III.2", "III.3", "III.4", "IV.1", "IV.2", "IV.3"):
        section = doc.find(sid)
        assert section is not None
        openers = [opener(b.text) for b in section.blocks if not b.text.endswith(":")]  # type: ignore[union-attr]
        assert len(openers) >= 2, sid
        assert len(openers) == len(set(openers)), (sid, openers)


def test_seed_changes_wording_but_not_facts(sample_text: str) -> None:
    a = compose(parse_report(sample_text, "a.yaml"))
    b = compose(parse_report(sample_text.replace("hat_giong: 2024", "hat_giong: 7"), "b.yaml"))
    assert to_text(a) != to_text(b)
    for left, right in zip(a.walk(), b.walk(), strict=True):
        assert [(p.claim, p.figures) for p in left.blocks if isinstance(p, Paragraph)] == [
            (p.claim, p.figures) for p in right.blocks if isinstance(p, Paragraph)
        ], left.id
        figures_only = [p.text for p in left.blocks if isinstance(p, Paragraph) and p.figures and not p.claim]
        assert figures_only == [p.text for p in right.blocks if isinstance(p, Paragraph) and p.figures and not p.claim]


def test_legal_terms_are_not_varied_in_the_bank() -> None:
    from drafting.bank.bank import default_bank

    terms = default_bank().terms
    assert len(terms.pairs) >= 10
    assert terms.misuses("Tòa án đã thụ lí vụ án.") == [("thụ lí", "thụ lý")]
    for phrase in default_bank().phrases.values():
        for text in phrase.variants:
            assert terms.misuses(text) == [], phrase.id
