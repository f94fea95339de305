"""A phrase file that does not load stops render and check; ``bank show`` previews a phrase."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLE, run_cli

from drafting import ProblemsError, compose, load_report
from drafting.bank.bank import default_bank, load_bank
from drafting.checks.checker import check_file


@pytest.fixture
def slipped(tmp_path: Path) -> Path:
    """A whole bank (a copy of the shipped one) whose III.1 file has a YAML slip: one
    line indented by a space too many."""
    bank = tmp_path / "kho"
    shutil.copytree(ROOT / "phrasebank", bank, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    path = bank / "cau" / "iii1_uu_diem.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith("    nhan_dinh:"))
    lines[at] = " " + lines[at]
    path.write_text("".join(lines), encoding="utf-8")
    return bank


def test_render_stops_with_the_phrase_files_error(slipped: Path, tmp_path: Path) -> None:
    out = tmp_path / "bao-cao.md"
    result = run_cli("render", str(SAMPLE), "-o", str(out), "--bank", str(slipped))
    assert result.returncode == 2, result.stdout
    broken = slipped / "cau" / "iii1_uu_diem.yaml"
    lines = result.stderr.splitlines()
    assert lines and all(line.startswith(f"{broken}:") for line in lines), result.stderr
    assert "YAML" in result.stderr and "Traceback" not in result.stderr
    assert not out.exists()


def test_check_blames_the_phrase_file_not_the_data_file(slipped: Path) -> None:
    result = run_cli("check", str(SAMPLE), "--bank", str(slipped))
    assert result.returncode == 2
    broken = slipped / "cau" / "iii1_uu_diem.yaml"
    assert result.stderr.startswith(f"{broken}:") and str(SAMPLE) not in result.stderr + result.stdout


def test_library_compose_and_check_file_stop_too(slipped: Path) -> None:
    bank = load_bank(slipped)
    report = load_report(SAMPLE, bank)
    with pytest.raises(ProblemsError) as caught:
        compose(report, bank)
    assert {Path(p.file).name for p in caught.value.problems} == {"iii1_uu_diem.yaml"}
    with pytest.raises(ProblemsError):
        check_file(SAMPLE, bank)
    compose(report, default_bank())  # the shipped bank is not affected


# -- bank show ---------------------------------------------------------------------------


def test_bank_show_renders_every_variant_on_the_sample() -> None:
    phrase = default_bank().get("uu_diem.lanh_dao_quan_tam")
    assert phrase is not None
    result = run_cli("bank", "show", phrase.id)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith(f"{phrase.id} (mục III.1): ")
    assert f"iii1_uu_diem.yaml:{phrase.line}, lớp kèm theo (" in out
    for number in range(1, len(phrase.variants) + 1):
        assert f"\nCách viết {number}:\n  " in out
    assert f"Cách viết {len(phrase.variants) + 1}:" not in out
    assert "năm 2024" in out and "Tòa án nhân dân tỉnh Hoa Sen" in out  # rendered, not the template
    assert "{{" not in out


def test_bank_show_on_another_data_file(tmp_path: Path) -> None:
    data = tmp_path / "nam-2025.yaml"
    data.write_text(SAMPLE.read_text(encoding="utf-8").replace("nam: 2024\n", "nam: 2025\n", 1), encoding="utf-8")
    result = run_cli("bank", "show", "uu_diem.lanh_dao_quan_tam", "--data", str(data))
    assert result.returncode == 0, result.stderr
    assert "năm 2025" in result.stdout and "năm 2024" not in result.stdout


def test_bank_show_a_failing_variant_an_unknown_and_a_refused_phrase(tmp_path: Path) -> None:
    overlay = tmp_path / "kho"
    overlay.mkdir()
    (overlay / "iii1.yaml").write_text(
        "muc: III.1\ncau:\n"
        "  - id: uu_diem.chia_khong\n    nhan_dinh: uu_diem.doan_ket_noi_bo\n    cach_viet:\n"
        "      - 'Nội bộ đoàn kết, thống nhất.'\n      - 'Tỷ lệ {{ nam // 0 }} đoàn kết.'\n"
        "  - id: uu_diem.bo_loc_la\n    nhan_dinh: uu_diem.doan_ket_noi_bo\n    cach_viet:\n"
        "      - 'Nội bộ {{ nam | khong_co }} đoàn kết.'\n      - 'Đơn vị đoàn kết.'\n",
        encoding="utf-8",
    )
    shown = run_cli("bank", "show", "uu_diem.chia_khong", "--bank", str(overlay))
    assert shown.returncode == 1
    assert f"lớp {overlay.absolute()} (" in shown.stdout
    assert "Cách viết 1:\n  Nội bộ đoàn kết, thống nhất." in shown.stdout
    assert "Cách viết 2:\n  không dựng được: " in shown.stdout
    refused = run_cli("bank", "show", "uu_diem.bo_loc_la", "--bank", str(overlay))
    assert refused.returncode == 2 and refused.stderr.startswith(f"{overlay / 'iii1.yaml'}:")
    assert "[uu_diem.bo_loc_la]" in refused.stderr
    unknown = run_cli("bank", "show", "uu_diem.lanh_dao_quan")
    assert unknown.returncode == 2
    assert unknown.stderr == (
        "uu_diem.lanh_dao_quan: không có câu mẫu này trong kho câu mẫu (có phải “uu_diem.lanh_dao_quan_tam”?)\n"
    )
