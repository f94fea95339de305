"""Claims before wording (#11): over the sample and the scenarios, no claim the figures
contradict, no two opposite claims, each figure once, the style rules in every format; the
contradictions the issue quotes; and the same audit failing on deliberately wrong banks."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import docx
import pytest
from claim_audit import (
    FILES,
    SAMPLE,
    SCENARIOS,
    SMALL_COUNT,
    STYLE,
    audit,
    civil_types_with_a_target,
    compose_file,
    missed_targets_repeated,
    why_contradictions,
)
from conftest import run_cli

from drafting.bank.bank import PHRASEBANK_DIR, Bank, default_bank, lint_bank
from drafting.checks.checker import check_report
from drafting.datafile.validate import load_report
from drafting.export.docx import docx_bytes
from drafting.export.text import to_markdown, to_text

HERE = Path(__file__).resolve().parent
BEFORE = HERE / "fixtures" / "truoc_so_11"


def ids(path: Path) -> str:
    return path.stem


def test_there_are_enough_scenarios() -> None:
    assert len(SCENARIOS) >= 12


def test_scenarios_are_the_sample_rebuilt() -> None:
    """The scenario files are the sample with edits: rebuilt, they are unchanged
    (after changing the sample, run ``python tests/scenarios/build.py``)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("scenario_build", HERE / "scenarios" / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    BUILDERS, build = module.SCENARIOS, module.build

    assert sorted(BUILDERS) == [p.stem for p in SCENARIOS]
    for path in SCENARIOS:
        assert build(path.stem) == path.read_text(encoding="utf-8"), path.name


@pytest.mark.parametrize("path", FILES, ids=ids)
def test_every_file_checks_without_errors(path: Path) -> None:
    result = check_report(load_report(path))
    assert [f.message for f in result.errors] == []


@pytest.mark.parametrize("path", FILES, ids=ids)
def test_every_report_is_coherent(path: Path) -> None:
    """No claim contradicted by the figures (recomputed independently for the main ones),
    no pair of opposite claims, a figure at most once per subsection, no two paragraphs
    of a subsection opening with the same words, the style rules on every paragraph."""
    composer, document = compose_file(path, default_bank())
    assert audit(composer, document) == []


@pytest.mark.parametrize("path", FILES, ids=ids)
def test_the_contradictions_of_the_issue_are_gone(path: Path) -> None:
    markdown = to_markdown(compose_file(path, default_bank())[1])
    assert why_contradictions(markdown) == []
    assert civil_types_with_a_target(markdown) == []
    assert missed_targets_repeated(markdown) == []


def test_the_old_bank_made_every_contradiction_of_the_issue() -> None:
    """The renderings of the sample and of a bad year by the bank before #11 (kept as
    fixtures) make every contradiction the issue quotes: the detectors above find them."""
    sample = (BEFORE / "bao-cao-mau-2024.md").read_text(encoding="utf-8")
    bad = (BEFORE / "nam-kem.md").read_text(encoding="utf-8")
    assert why_contradictions(sample) == [
        "kỷ luật được giữ vững ↔ có người bị kỷ luật",
        "sơ kết, rút kinh nghiệm sau mỗi đợt ↔ chưa được chú trọng",
        "tuyên truyền điển hình thường xuyên ↔ chưa thường xuyên",
        "khen thưởng hướng về người không giữ chức vụ ↔ tập trung vào lãnh đạo",
        "đã sử dụng phần lớn quỹ ↔ kinh phí còn hạn chế",
    ]
    assert "III.1 khen hòa giải ở tỷ lệ 41,96%" in why_contradictions(bad)
    assert "III.1 khen khen thưởng tập thể nhỏ khi tỷ lệ giảm" in why_contradictions(bad)
    assert civil_types_with_a_target(sample) == [
        "Án dân sự",
        "Án hôn nhân và gia đình",
        "Án kinh doanh, thương mại",
        "Án lao động",
    ]
    assert missed_targets_repeated(sample) == ["54,84"]


def _docx_text(document: object) -> str:
    read = docx.Document(io.BytesIO(docx_bytes(document)))  # type: ignore[arg-type]
    cells = [c.text for t in read.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in read.paragraphs] + cells)


@pytest.mark.parametrize(
    "path", [SAMPLE, *(p for p in SCENARIOS if p.stem in ("02_nam_kem", "04_goc_bang_khong"))], ids=ids
)
def test_the_style_rules_hold_in_every_format(path: Path) -> None:
    document = compose_file(path, default_bank())[1]
    for name, text in (("md", to_markdown(document)), ("txt", to_text(document)), ("docx", _docx_text(document))):
        for rule, pattern in STYLE:
            found = pattern.search(text)
            assert found is None, (name, rule, text[max(0, found.start() - 60) : found.end() + 60])
        found = SMALL_COUNT.search(text)
        assert found is None, (name, found.group(0))
        assert "Thi đua - Khen thưởng" in text and "Khoa học - Sáng kiến" in text, name
        assert "cao hơn 0,52% so với cùng kỳ năm 2023" in text or path != SAMPLE, name


def test_zero_counts_are_words_and_the_maximum_is_never_exceeded_in_words() -> None:
    zero = to_text(compose_file(HERE / "scenarios" / "04_goc_bang_khong.yaml", default_bank())[1])
    assert "không có bản án, quyết định nào bị hủy (cùng kỳ năm 2023 có 52 bản án, quyết định)" in zero
    assert "giảm 100%" not in zero and not re.search(r"\b0 bản án", zero)
    bad = to_text(compose_file(HERE / "scenarios" / "02_nam_kem.yaml", default_bank())[1])
    assert "1,92%, chưa đạt chỉ tiêu (cao hơn 0,42% so với mức tối đa)" in bad
    assert "tồn đọng" not in bad or "quá thời hạn" in bad


def test_the_civil_target_is_the_groups() -> None:
    text = to_text(compose_file(SAMPLE, default_bank())[1])
    assert text.count("(chỉ tiêu từ 85% trở lên)") == 1
    assert (
        "Tính chung các vụ, việc dân sự (dân sự, hôn nhân và gia đình, kinh doanh, thương mại, lao động): đạt" in text
    )


# -- deliberately contradictory banks -----------------------------------------------------


def _bank_with(tmp_path: Path, old: str, new: str) -> tuple[Bank, Path]:
    folder = tmp_path / "phrasebank"
    shutil.copytree(PHRASEBANK_DIR, folder, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    claims = folder / "nhan_dinh.yaml"
    text = claims.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    claims.write_text(text.replace(old, new), encoding="utf-8")
    return Bank(base=folder), claims


def _line(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


QUASHED_WITHIN = """    dieu_kien:
      tat_ca:
        - {so_lieu: huy_sua.ty_le, chi_tieu: dat}
        - {tong: [huy_sua.bi_huy, huy_sua.bi_sua], ky_nay: {">": 0}}
    trai_nguoc: [han_che.huy_sua_cao_hon_muc_toi_da]"""


def test_overlapping_opposites_are_reported_and_fail_the_audit(tmp_path: Path) -> None:
    widened = QUASHED_WITHIN.replace(
        "{so_lieu: huy_sua.ty_le, chi_tieu: dat}", '{so_lieu: huy_sua.ty_le, ky_nay: {"<=": 2}}'
    )
    bank, claims = _bank_with(tmp_path, QUASHED_WITHIN, widened)
    line = _line(claims, "- id: uu_diem.huy_sua_trong_chi_tieu")
    problems = [str(p) for p in lint_bank(claims.parent).problems]
    expected = f"{claims}:{line}: [uu_diem.huy_sua_trong_chi_tieu] trai_nguoc: trái ngược với “han_che.huy_sua_cao_hon_"
    assert any(p.startswith(expected) and "cả hai có thể cùng đúng" in p for p in problems), problems
    result = run_cli("bank", "check", str(claims.parent))
    assert result.returncode == 2 and "cả hai có thể cùng đúng" in result.stderr
    violations = [v for path in FILES for v in audit(*compose_file(path, bank))]
    assert any("trái ngược cùng đúng" in v for v in violations), violations


def test_a_wrong_condition_fails_the_audit(tmp_path: Path) -> None:
    """Conditions that say the opposite of their description pass the overlap check; the
    truth recomputed from the figures catches them."""
    folder = tmp_path / "phrasebank"
    shutil.copytree(PHRASEBANK_DIR, folder, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    claims = folder / "nhan_dinh.yaml"
    none_left = '{so_lieu: thoi_han.qua_han_con_lai, ky_nay: {"==": 0}}'
    some_left = '{so_lieu: thoi_han.qua_han_con_lai, ky_nay: {">": 0}}'
    text = claims.read_text(encoding="utf-8")
    assert text.count(none_left) == 1 and text.count(some_left) == 1
    claims.write_text(
        text.replace(none_left, "@").replace(some_left, none_left).replace("@", some_left), encoding="utf-8"
    )
    assert not [p for p in lint_bank(folder).problems if "qua_han" in str(p)]
    bank = Bank(base=folder)
    (bad, *_) = [p for p in SCENARIOS if p.stem == "02_nam_kem"]
    violations = audit(*compose_file(bad, bank))
    assert any("uu_diem.khong_con_an_qua_han không đúng theo số liệu tính lại" in v for v in violations), violations


# -- bad input: bank check names the file and the line -------------------------------------


def test_a_phrase_of_an_unknown_claim_is_located(tmp_path: Path) -> None:
    (tmp_path / "x.yaml").write_text(
        "muc: III.1\ncau:\n  - id: uu_diem.moi\n    nhan_dinh: uu_diem.khong_co_that\n"
        "    cach_viet:\n      - Câu mới.\n",
        encoding="utf-8",
    )
    problems = [str(p) for p in lint_bank(tmp_path).problems]
    assert any(
        p.startswith(f"{tmp_path / 'x.yaml'}:4: [uu_diem.moi]") and "uu_diem.khong_co_that" in p for p in problems
    )


def test_a_claim_referencing_an_unknown_claim_is_located(tmp_path: Path) -> None:
    bank, claims = _bank_with(
        tmp_path,
        "    trai_nguoc: [han_che.con_an_qua_han]",
        "    trai_nguoc: [han_che.con_an_qua_hann]",
    )
    line = _line(claims, "han_che.con_an_qua_hann")
    problems = [str(p) for p in bank.claims.problems]
    assert any(
        p.startswith(f"{claims}:{line}") and "không có nhận định “han_che.con_an_qua_hann”" in p for p in problems
    )
    assert any("han_che.con_an_qua_han" in p for p in problems)  # did you mean


def test_a_judging_claim_without_an_opposite_is_located(tmp_path: Path) -> None:
    declared = (
        "    dieu_kien: {so_lieu: phien_toa.truc_tuyen, cung_ky: tang}\n    trai_nguoc: [han_che.truc_tuyen_giam]"
    )
    _, claims = _bank_with(tmp_path, declared, declared.split("\n")[0])
    line = _line(claims, "- id: uu_diem.truc_tuyen_tang")
    problems = [str(p) for p in lint_bank(claims.parent).problems]
    assert any(p.startswith(f"{claims}:{line}") and "phải có nhận định trái ngược" in p for p in problems), problems


def test_a_list_of_targets_counts_them_all_and_states_each_rate_once() -> None:
    """The quashed rate has a sentence of its own in III.2: the list names it without
    its rate, and the count covers it (07, not 06)."""
    composer, document = compose_file(HERE / "scenarios" / "02_nam_kem.yaml", default_bank())
    limitations = document.find("III.2")
    assert limitations is not None
    (listed,) = [b for b in limitations.blocks if getattr(b, "claim", "") == "han_che.nhieu_chi_tieu_chua_dat"]
    assert "07 chỉ tiêu chưa đạt yêu cầu" in listed.text  # type: ignore[union-attr]
    assert listed.text.endswith(  # type: ignore[union-attr]
        "cùng tỷ lệ bản án, quyết định bị hủy, sửa do nguyên nhân chủ quan (nêu cụ thể dưới đây)."
    )
    assert "huy_sua.ty_le" not in listed.figures  # type: ignore[union-attr]
    assert audit(composer, document) == []


def test_the_leading_zero_option_governs_every_count(tmp_path: Path) -> None:
    """Off: no "02 người" in what the tool writes — figure paragraphs, phrases, tables
    (Markdown and Word); the writer's own text is the writer's."""
    from drafting.document import Paragraph, Table

    text = SAMPLE.read_text(encoding="utf-8").replace("so_0_dau: true", "so_0_dau: false")
    path = tmp_path / "khong-so-0.yaml"
    path.write_text(text, encoding="utf-8")
    document = compose_file(path, default_bank())[1]
    units = "người|vụ|việc|tập thể|cá nhân|bản án|đơn|hồ sơ|phiên tòa|chỉ tiêu|trường hợp"
    leading = re.compile(rf"(?<![\d/.,])0[1-9] ({units})\b")
    blocks = [b for s in document.walk() for b in s.blocks]
    causes = [v.cause for v in load_report(path).figures.values() if v.cause]
    written = [b.text for b in blocks if isinstance(b, Paragraph) and (b.figures or b.claim)]
    for cause in causes:  # the writer's causes inside figure paragraphs are the writer's
        written = [t.replace(cause, "") for t in written]
    assert written and not [t for t in written if leading.search(t)]
    assert "số cán bộ bị kỷ luật 2 người" in " ".join(written)
    (table,) = [b for b in blocks if isinstance(b, Table)]
    cells = [c if isinstance(c, str) else "" for row in table.rows for c in row]
    assert "3" in cells and not [c for c in cells if re.fullmatch(r"0[1-9]", c)]
    read = docx.Document(io.BytesIO(docx_bytes(document)))
    word_cells = [c.text for t in read.tables for r in t.rows for c in r.cells]
    assert "3" in word_cells and not [c for c in word_cells if re.fullmatch(r"0[1-9]", c)]
