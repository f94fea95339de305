"""Targets by exact report year, each with its source; overlays add a year's targets (#16)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from sample_data import edited, replace_once, write_text

from drafting.bank.bank import Bank, default_bank
from drafting.checks.checker import check_file
from drafting.composition.composer import compose
from drafting.datafile.validate import load_report
from drafting.errors import ProblemsError
from drafting.export.text import to_markdown
from drafting.figures.views import evaluate

SAMPLE_YEAR_TARGET = "(chỉ tiêu từ 90% trở lên)"


def _as_year(year: int):  # type: ignore[no-untyped-def]
    def edit(data: dict) -> None:  # type: ignore[type-arg]
        data["nam"] = year

    return edit


def test_2024_keeps_the_directive_2025_only_its_confirmed_value_2026_none() -> None:
    table = default_bank().catalogue.targets
    t2024 = table.for_year(2024)
    assert {k: str(v.value) for k, v in t2024.items()} == {
        "giai_quyet_hinh_su": "90",
        "giai_quyet_dan_su": "85",
        "giai_quyet_hanh_chinh": "65",
        "giai_quyet_xu_ly_hanh_chinh": "99",
        "giai_quyet_don_gdt_tt": "60",
        "huy_sua_chu_quan": "1.5",
        "dung_thoi_han": "100",
    }
    assert all(t.source.startswith("Chỉ thị số 01/2024/CT-CA ngày 02/01/2024") for t in t2024.values())
    t2025 = table.for_year(2025)
    assert list(t2025) == ["huy_sua_chu_quan"] and t2025["huy_sua_chu_quan"].value == Decimal("1.5")
    assert "Quốc hội" in t2025["huy_sua_chu_quan"].source
    assert [(t.id, t.confirmed) for t in table.unconfirmed(2025)] == [
        ("giai_quyet_hinh_su", False),
        ("giai_quyet_dan_su", False),
        ("giai_quyet_hanh_chinh", False),
    ]
    assert table.for_year(2026) == {} and table.for_year(2023) == {}


def test_a_year_without_targets_says_nothing_of_targets_and_check_says_how_to_add_them(tmp_path: Path) -> None:
    path = edited(tmp_path, "2026.yaml", _as_year(2026))
    report = load_report(path)
    text = to_markdown(compose(report)).split("## II.", 1)[1]  # section I is the writer's paragraphs
    for said in ("(chỉ tiêu", "so với chỉ tiêu", "vượt chỉ tiêu", "đạt chỉ tiêu", "mức tối đa", "Chưa có chỉ tiêu"):
        assert said not in text, said
    # A sentence that states a rate's target is not suggested in a year without one.
    assert "Tỷ lệ giải quyết vụ việc trong thời hạn luật định đạt 100%" not in text
    views = evaluate(report, default_bank().catalogue)
    assert all(v.target is None for v in views.values())
    (warning,) = [f for f in check_file(path).warnings if f.key == "chi_tieu"]
    assert warning.message.startswith("năm 2026 chưa có chỉ tiêu nào trong kho câu mẫu")
    assert "vào kho câu mẫu riêng của đơn vị hoặc vào tệp dữ liệu" in warning.message
    assert "mục “Chỉ tiêu theo năm”" in warning.message
    assert ".yaml" not in warning.message  # the editor shows it to a writer as it is
    # The same figures in 2024 are held against the 2024 directive.
    assert SAMPLE_YEAR_TARGET in to_markdown(compose(load_report(edited(tmp_path, "2024.yaml", _as_year(2024)))))
    assert not [f for f in check_file(edited(tmp_path, "b.yaml", _as_year(2024))).warnings if f.key == "chi_tieu"]


def test_2025_compares_only_the_confirmed_value(tmp_path: Path) -> None:
    path = edited(tmp_path, "2025.yaml", _as_year(2025))
    text = to_markdown(compose(load_report(path)))
    assert SAMPLE_YEAR_TARGET not in text and "(chỉ tiêu không quá 1,5%)" in text
    (warning,) = [f for f in check_file(path).warnings if f.key == "chi_tieu"]
    assert warning.message.startswith("năm 2025 chưa có chỉ tiêu tỷ lệ giải quyết án hình sự, ")
    assert (
        "chưa xác nhận từ văn bản công bố nên không dùng" in warning.message
        and "tỷ lệ giải quyết án hình sự 88%" in warning.message
    )


def _overlay(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "kho-rieng"
    folder.mkdir(exist_ok=True)
    write_text(folder, "chi_tieu.yaml", text)
    return folder


def test_an_overlay_carries_a_years_targets_with_their_source(tmp_path: Path) -> None:
    folder = _overlay(
        tmp_path,
        "nam:\n  2026:\n    - nguon: Chỉ thị số 01/2026/CT-CA (giả định để kiểm thử)\n"
        "      gia_tri: {giai_quyet_hinh_su: 91, huy_sua_chu_quan: 1.2}\n"
        "  2025:\n    - nguon: Văn bản của đơn vị (giả định)\n      gia_tri: {giai_quyet_hinh_su: 92}\n",
    )
    bank = Bank(folder)
    assert sorted(bank.catalogue.targets.for_year(2026)) == ["giai_quyet_hinh_su", "huy_sua_chu_quan"]
    assert bank.catalogue.targets.for_year(2026)["giai_quyet_hinh_su"].source.startswith("Chỉ thị số 01/2026")
    # The overlay's sets come first; the shipped confirmed value stays for the others.
    t2025 = bank.catalogue.targets.for_year(2025)
    assert t2025["giai_quyet_hinh_su"].value == 92 and t2025["huy_sua_chu_quan"].value == Decimal("1.5")
    report = load_report(edited(tmp_path, "2026.yaml", _as_year(2026)), bank)
    text = to_markdown(compose(report, bank))
    assert "(chỉ tiêu từ 91% trở lên)" in text and "(chỉ tiêu không quá 1,2%)" in text
    assert default_bank().catalogue.targets.for_year(2026) == {}  # the shipped bank is untouched
    from drafting.cli import main

    assert main(["bank", "check", str(folder)]) == 0  # a targets file is not a phrase file


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (
            "nam:\n  2026:\n    - gia_tri: {giai_quyet_hinh_su: 91}\n",
            3,
            "nam.2026[0].nguon: chỉ tiêu phải ghi văn bản nguồn (nguon)",
        ),
        (
            "nam:\n  2026:\n    - nguon: ''\n      gia_tri: {giai_quyet_hinh_su: 91}\n",
            3,
            "nam.2026[0].nguon: chỉ tiêu phải ghi văn bản nguồn (nguon)",
        ),
        (
            "nam:\n  2026:\n    - nguon: Chỉ thị\n      gia_tri: {giai_quyet_hinh_su: 191}\n",
            4,
            "nam.2026[0].gia_tri.giai_quyet_hinh_su: phải là số phần trăm từ 0 đến 100",
        ),
        (
            "nam:\n  2026:\n    - nguon: Chỉ thị\n      gia_tri: {giai_quyet_hinh_xu: 91}\n",
            4,
            "nam.2026[0].gia_tri.giai_quyet_hinh_xu: không có chỉ tiêu này (có phải “giai_quyet_hinh_su”?)",
        ),
        ("chi_tieu: {}\nnam: {}\n", 1, "chi_tieu: khóa không hợp lệ"),
    ],
)
def test_a_target_without_a_source_or_a_valid_value_is_refused(
    tmp_path: Path, text: str, line: int, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _overlay(tmp_path, text)
    path = folder / "chi_tieu.yaml"
    with pytest.raises(ProblemsError) as caught:
        _ = Bank(folder).catalogue
    assert any(str(p).startswith(f"{path}:{line}: {message}") for p in caught.value.problems), caught.value.problems
    # As the bank's own lint sees it: exit 2 with the located message.
    from drafting.cli import main

    assert main(["bank", "check", str(folder)]) == 2
    assert f"{path}:{line}: {message}" in capsys.readouterr().err


def test_a_data_files_own_targets_name_their_source(tmp_path: Path, sample_text: str) -> None:
    text = replace_once(sample_text, "\nso_lieu:\n", "\nchi_tieu:\n  giai_quyet_hinh_su: 95\nso_lieu:\n")
    path = write_text(tmp_path, "own.yaml", text)
    with pytest.raises(ProblemsError) as caught:
        load_report(path)
    (problem,) = caught.value.problems
    assert problem.key == "chi_tieu.nguon" and problem.line == text.splitlines().index("chi_tieu:") + 1
    path = write_text(tmp_path, "own.yaml", text.replace("chi_tieu:\n", "chi_tieu:\n  nguon: Kế hoạch số 02/KH-TA\n"))
    report = load_report(path)
    assert report.target_source == "Kế hoạch số 02/KH-TA"
    assert "(chỉ tiêu từ 95% trở lên)" in to_markdown(compose(report))
