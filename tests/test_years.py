"""What changes with the report's year: level claims, movements, carry-over, the bank's words (#16)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sample_data import SAMPLE, edited, replace_once, write_text

from drafting.bank.bank import Bank, default_bank
from drafting.bank.level_lint import level_id_problems, level_word_problems
from drafting.checks.checker import check_file
from drafting.cli import main
from drafting.composition.composer import compose
from drafting.datafile.carryover import carry_over
from drafting.datafile.skeleton import skeleton_text
from drafting.datafile.validate import load_report, parse_report
from drafting.errors import ProblemsError
from drafting.export.text import to_markdown

ROOT = Path(__file__).resolve().parent.parent


def _fresh(tmp_path: Path, year: int, level: str | None, name: str = "Tòa án nhân dân tỉnh Hoa Sen") -> str:
    text = skeleton_text(year, default_bank(), level).replace("\n  ten:\n", f"\n  ten: {name}\n", 1)
    return to_markdown(compose(parse_report(text, "moi.yaml")))


def test_section_i_says_the_structure_of_the_units_level_from_2025(tmp_path: Path) -> None:
    provincial = _fresh(tmp_path, 2026, "tinh", "Tòa án nhân dân tỉnh Hoa Sen")
    assert "Tòa án nhân dân tỉnh Hoa Sen và các Tòa án nhân dân khu vực trên địa bàn" in provincial
    regional = _fresh(tmp_path, 2025, "khu_vuc", "Tòa án nhân dân khu vực 2 - Hoa Sen")
    assert "Tòa án nhân dân khu vực 2 - Hoa Sen" in regional and "theo thủ tục sơ thẩm" in regional
    for neutral in (_fresh(tmp_path, 2026, None), _fresh(tmp_path, 2026, "chung"), _fresh(tmp_path, 2024, "tinh")):
        assert "ba cấp" not in neutral and "khu vực" not in neutral, neutral


def test_the_movements_of_the_outline_follow_the_year() -> None:
    outline = default_bank().outline
    names = {y: {m.id: m.name for m in outline.movements_in(y)} for y in (2024, 2025, 2026)}
    assert "trach_nhiem_ky_cuong" in names[2024] and "trach_nhiem_ky_cuong" not in names[2025]
    assert names[2025]["chu_de_nam"] == "Đoàn kết, trách nhiệm, kỷ cương, liêm chính, đổi mới, vượt khó, hiệu quả"
    assert names[2024]["chu_de_nam"].startswith("Cán bộ, công chức, viên chức và người lao động")
    assert "chu_de_nam" not in names[2026] and "nong_thon_moi" not in names[2026]
    assert {"vi_cong_ly", "phung_cong_thu_phap", "xa_hoi_hoc_tap"} <= set(names[2026])
    text = skeleton_text(2026, default_bank(), "tinh")
    assert "- id: vi_cong_ly" in text and "- id: chu_de_nam" not in text


def test_two_entries_of_a_movement_may_not_share_a_year(tmp_path: Path) -> None:
    folder = tmp_path / "kho"
    shutil.copytree(ROOT / "phrasebank", folder)
    path = folder / "dan_y.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("hieu_luc: {tu_nam: 2025, den_nam: 2025}", "hieu_luc: {tu_nam: 2024}"), "utf-8")
    with pytest.raises(ProblemsError) as caught:
        _ = Bank(base=folder).outline
    assert any("phong trào “chu_de_nam” đã có cho những năm này" in str(p) for p in caught.value.problems)


def test_a_movement_of_another_year_is_kept_with_a_warning(tmp_path: Path) -> None:
    path = edited(tmp_path, "2025.yaml", lambda d: d.__setitem__("nam", 2025))
    text = to_markdown(compose(load_report(path)))
    assert "Phong trào “Trách nhiệm, kỷ cương, chất lượng, vì công lý”: Gắn phong trào" in text
    assert "Phong trào “Đoàn kết, trách nhiệm, kỷ cương, liêm chính, đổi mới, vượt khó, hiệu quả”: Tổ chức" in text
    (warning,) = [f for f in check_file(path).warnings if "chỉ có trong đề cương" in f.message]
    assert warning.key == "phong_trao[2].id" and warning.section == "II.2.a"
    assert "đến năm 2024, không có trong đề cương năm 2025: kết quả đã nhập vẫn được đưa vào báo cáo" in warning.message


def test_carrying_over_into_2025(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "2025.yaml"
    assert main(["new", str(target), "--from", str(SAMPLE)]) == 0
    err = capsys.readouterr().err
    assert "phong trào “Trách nhiệm, kỷ cương, chất lượng, vì công lý” không có trong đề cương năm 2025" in err
    report = load_report(target)
    assert report.level == "tinh" and [m.id for m in report.movements if m.id][:3] == [
        "vi_cong_ly",
        "phung_cong_thu_phap",
        "chu_de_nam",
    ]
    assert not [f for f in check_file(target).warnings if "chỉ có trong đề cương" in f.message]
    # A district court of 2024 becomes a regional court: the cassation petitions are not carried.
    district = write_text(
        tmp_path, "huyen-2024.yaml", replace_once(SAMPLE.read_text("utf-8"), "  cap: tinh", "  cap: huyen")
    )
    notes: list[str] = []
    carry_over(district, tmp_path / "kv.yaml", default_bank(), level="khu_vuc", notes=notes)
    assert any(
        n.startswith("không chuyển số liệu “Đơn đề nghị giám đốc thẩm, tái thẩm” của huyen-2024.yaml") for n in notes
    )
    regional = load_report(tmp_path / "kv.yaml")
    assert regional.level == "khu_vuc" and regional.figure("don_giam_doc_tham.thu_ly").previous is None
    assert regional.figure("an_hinh_su.thu_ly").previous == 1412
    assert "don_giam_doc_tham:" not in (tmp_path / "kv.yaml").read_text(encoding="utf-8")
    # Without --cap the ended level is left empty, with a note.
    notes = []
    carry_over(district, tmp_path / "kv2.yaml", default_bank(), notes=notes)
    assert load_report(tmp_path / "kv2.yaml").level is None
    assert notes[0].startswith("tệp năm 2024 là Tòa án nhân dân cấp huyện (huyen), năm 2025 không còn cấp này")


def test_carrying_over_refuses_a_wrong_year_or_level(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "x.yaml"
    assert main(["new", str(target), "--year", "2026", "--from", str(SAMPLE)]) == 2
    err = capsys.readouterr().err
    line = SAMPLE.read_text(encoding="utf-8").splitlines().index("nam: 2024") + 1
    assert err.startswith(f"{SAMPLE}:{line}: nam: năm báo cáo 2024 không phải năm 2025")
    assert main(["new", str(target), "--from", str(SAMPLE), "--cap", "huyen"]) == 2
    assert f"{target}: don_vi.cap: năm 2025 không còn Tòa án nhân dân cấp huyện" in capsys.readouterr().err
    assert not target.exists()


def test_the_flag_is_named_as_the_circular_names_it() -> None:
    figure = default_bank().catalogue.figures["khen_tong_ket.co_thi_dua_tand"]
    assert figure.label == "“Cờ thi đua Tòa án nhân dân”"
    texts = [v for p in default_bank().phrases.values() for v in p.variants]
    assert not any("Cờ thi đua của Tòa án nhân dân" in t for t in texts)
    assert any("“Cờ thi đua Tòa án nhân dân”" in t for t in texts)


def test_the_shipped_bank_names_no_ended_level_after_it_ended() -> None:
    bank = default_bank()
    assert level_word_problems(bank) == [] and level_id_problems(bank) == []


def test_bank_check_finds_a_level_named_after_it_ended(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "kho"
    shutil.copytree(ROOT / "phrasebank", folder)
    phrases = folder / "cau" / "iii2_han_che.yaml"
    text = phrases.read_text(encoding="utf-8")
    phrases.write_text(text.replace("khen thưởng bậc cao chủ yếu", "khen thưởng cấp cao chủ yếu", 1), "utf-8")
    outline = folder / "dan_y.yaml"
    original = outline.read_text(encoding="utf-8")
    outline.write_text(original.replace("ten: Vì Công lý}", "ten: Vì Công lý của Tòa án nhân dân hai cấp}", 1), "utf-8")
    problems = [str(p) for p in level_word_problems(Bank(base=folder))]
    assert any("iii2_han_che.yaml" in p and "“cấp cao” gọi Tòa án nhân dân cấp cao" in p for p in problems)
    assert any(
        "dan_y.yaml" in p and "vi_cong_ly" in p and "“hai cấp” gọi Tòa án nhân dân cấp huyện" in p for p in problems
    )
    assert main(["bank", "check", str(folder)]) == 2
    assert "“hai cấp” gọi Tòa án nhân dân cấp huyện, cấp chỉ có đến năm 2024" in capsys.readouterr().err
    # Limited to the years the level existed, the same words are allowed.
    outline.write_text(
        original.replace(
            "ten: Vì Công lý}", "ten: Vì Công lý của Tòa án nhân dân hai cấp, hieu_luc: {den_nam: 2024}}", 1
        ),
        "utf-8",
    )
    assert not [p for p in level_word_problems(Bank(base=folder)) if "dan_y.yaml" in p.file]
