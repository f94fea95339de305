"""The unit's level (don_vi.cap) by report year: new files, validation, check (#16)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from drafting.bank.bank import Bank, default_bank
from drafting.checks.checker import check_file
from drafting.cli import main
from drafting.datafile.validate import load_report
from drafting.errors import ProblemsError

ROOT = Path(__file__).resolve().parent.parent


def test_levels_by_year() -> None:
    levels = default_bank().levels
    assert [x.id for x in levels.in_year(2024)] == ["tinh", "huyen", "cap_cao", "chung"]
    assert [x.id for x in levels.in_year(2025)] == ["tinh", "khu_vuc", "chung"]
    assert levels.refusal("khu_vuc", 2024) is not None and levels.refusal("khu_vuc", 2025) is None
    assert "năm 2025 không còn Tòa án nhân dân cấp cao" in (levels.refusal("cap_cao", 2025) or "")
    assert "không có cấp đơn vị “tinhh” (có phải “tinh”?)" in (levels.refusal("tinhh", 2025) or "")
    # Groups by level and period: a regional court handles no cassation petitions, a
    # provincial court's first-instance civil work moved to the regional courts in 2025.
    assert levels.group_use("don_giam_doc_tham", 2026, "khu_vuc") == "khong"
    assert levels.group_use("pha_san", 2026, "khu_vuc") == "tuy_chon"
    assert levels.group_use("hoa_giai_vien", 2024, "tinh") == "ap_dung"
    assert levels.group_use("hoa_giai_vien", 2025, "tinh") == "tuy_chon"
    assert levels.group_use("an_hinh_su", 2025, "chung") == "tuy_chon"
    assert all(levels.group_use(g, 2026, None) == "ap_dung" for g in default_bank().catalogue.group_ids)
    assert levels.may_consolidate("tinh", "khu_vuc") and levels.may_consolidate("khu_vuc", "tinh")
    assert not levels.may_consolidate("khu_vuc", "chung") and not levels.may_consolidate("tinh", "cap_cao")


def test_new_with_a_level_of_the_year(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "khu-vuc-2026.yaml"
    assert main(["new", str(target), "--year", "2026", "--cap", "khu_vuc"]) == 0
    text = target.read_text(encoding="utf-8")
    assert '  cap: "khu_vuc"\n' in text
    assert "  don_giam_doc_tham:" not in text  # does not apply to a regional court
    assert "# Không áp dụng cho Tòa án nhân dân khu vực (không có trong tệp):" in text
    assert "# Vụ việc phá sản (mục II.3); không bắt buộc. Chỉ Tòa án nhân dân khu vực 2 - Hà Nội" in text
    report = load_report(target)
    assert report.level == "khu_vuc"
    result = check_file(target)
    missing = " ".join(f.message for f in result.missing)
    assert "phá sản" not in missing and "giám đốc thẩm" not in missing  # optional, not applicable
    assert "án hình sự" in missing.lower()
    assert not any("cấp đơn vị" in f.message for f in result.warnings)


def test_new_without_a_level_lists_the_choices_and_check_warns(tmp_path: Path) -> None:
    target = tmp_path / "moi-2026.yaml"
    assert main(["new", str(target), "--year", "2026"]) == 0
    text = target.read_text(encoding="utf-8")
    comment = next(line for line in text.splitlines() if "Cấp đơn vị, chọn một trong:" in line)
    assert "tinh (Tòa án nhân dân cấp tỉnh), khu_vuc (Tòa án nhân dân khu vực), chung (" in comment
    assert "huyen" not in comment and "cap_cao" not in comment
    assert "\n  cap:\n" in text and "  don_giam_doc_tham:" in text  # every group without a level
    warnings = [f for f in check_file(target).warnings if f.key == "don_vi.cap"]
    assert len(warnings) == 1 and warnings[0].line == text.splitlines().index("  cap:") + 1
    assert "chưa chọn cấp đơn vị" in warnings[0].message and "khu_vuc" in warnings[0].message
    missing = " ".join(f.message for f in check_file(target).missing)
    assert "giám đốc thẩm" in missing  # without a level every group is required, as before


def test_a_level_that_did_not_exist_that_year_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "huyen-2026.yaml"
    assert main(["new", str(target), "--year", "2026", "--cap", "huyen"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{target}: don_vi.cap: năm 2026 không còn Tòa án nhân dân cấp huyện (chỉ có đến năm 2024)")
    assert "khu_vuc (Tòa án nhân dân khu vực)" in err and "Traceback" not in err
    assert not target.exists()
    assert main(["new", str(tmp_path / "kv-2024.yaml"), "--year", "2024", "--cap", "khu_vuc"]) == 2
    assert "năm 2024 không còn Tòa án nhân dân khu vực (chỉ có từ năm 2025)" in capsys.readouterr().err
    # In a data file: an error at the line of don_vi.cap; rendering refuses it.
    assert main(["new", str(target), "--year", "2026", "--cap", "tinh"]) == 0
    text = target.read_text(encoding="utf-8").replace('  cap: "tinh"', "  cap: huyen")
    target.write_text(text, encoding="utf-8")
    line = text.splitlines().index("  cap: huyen") + 1
    with pytest.raises(ProblemsError) as caught:
        load_report(target)
    assert [str(p) for p in caught.value.problems] == [
        f"{target}:{line}: don_vi.cap: năm 2026 không còn Tòa án nhân dân cấp huyện (chỉ có đến năm 2024); "
        "chọn một trong: tinh (Tòa án nhân dân cấp tỉnh), khu_vuc (Tòa án nhân dân khu vực), "
        "chung (đơn vị thuộc Tòa án nhân dân tối cao, Cụm thi đua)"
    ]
    capsys.readouterr()
    assert main(["render", str(target), "-o", str(tmp_path / "x.md")]) == 2
    assert f"{target}:{line}: don_vi.cap: năm 2026" in capsys.readouterr().err
    assert not (tmp_path / "x.md").exists()
    assert main(["new", str(tmp_path / "s.yaml"), "--sample", "--cap", "tinh"]) == 2


def test_figures_in_a_group_that_does_not_apply_are_kept_with_a_warning(tmp_path: Path) -> None:
    target = tmp_path / "kv.yaml"
    assert main(["new", str(target), "--year", "2026", "--cap", "khu_vuc"]) == 0
    text = target.read_text(encoding="utf-8")
    text = text.replace("so_lieu:\n", "so_lieu:\n  don_giam_doc_tham:\n    thu_ly: {ky_nay: 12, cung_ky: 12}\n", 1)
    target.write_text(text, encoding="utf-8")
    warnings = [f for f in check_file(target).warnings if f.key == "so_lieu.don_giam_doc_tham"]
    assert len(warnings) == 1
    assert warnings[0].message.startswith(
        "nhóm số liệu “Đơn đề nghị giám đốc thẩm, tái thẩm” không áp dụng cho Tòa án nhân dân khu vực (Đơn đề nghị"
    )


def test_the_levels_file_is_checked_against_the_catalogue_and_the_schema(tmp_path: Path) -> None:
    folder = tmp_path / "kho"
    shutil.copytree(ROOT / "phrasebank", folder)
    path = folder / "cap_don_vi.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("nhom: [don_giam_doc_tham]\n", "nhom: [don_giam_doc_tham, don_gdt]\n", 1), "utf-8")
    with pytest.raises(ProblemsError) as caught:
        _ = Bank(base=folder).levels
    assert any("không có nhóm số liệu “don_gdt”" in str(p) and str(path) in str(p) for p in caught.value.problems)
    path.write_text(text.replace("  - id: chung\n", "  - id: chung_khac\n", 1), "utf-8")
    with pytest.raises(ProblemsError) as caught:
        _ = Bank(base=folder).levels
    assert "phải đúng các giá trị “chon” của trường don_vi.cap" in str(caught.value.problems[0])
