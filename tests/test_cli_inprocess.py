"""The CLI's functions called in-process (the subprocess tests show the user's view)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from drafting.cli import main
from drafting.datafile.skeleton import skeleton_text
from drafting.datafile.validate import load_report


def test_new_then_check_then_render(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "moi.yaml"
    assert main(["new", str(target), "--year", "2026"]) == 0
    report = load_report(target)
    assert report.year == 2026 and report.figures.get("an_hinh_su.thu_ly") is not None
    assert main(["new", str(target)]) == 2
    assert "đã tồn tại" in capsys.readouterr().err
    assert main(["new", str(target), "--force", "--year", "2026"]) == 0
    assert main(["check", str(target)]) == 1  # a new file misses everything
    out = tmp_path / "moi.md"
    assert main(["render", str(target), "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "năm 2026" in text and "[Chưa nhập:" in text


def test_new_into_a_missing_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", str(tmp_path / "khong-co" / "a.yaml")]) == 2
    assert "không tồn tại" in capsys.readouterr().err


def test_skeleton_has_every_catalogue_figure() -> None:
    from drafting.bank.bank import default_bank

    text = skeleton_text(2025, default_bank())
    for figure in default_bank().catalogue.figures.values():
        if figure.entered:
            assert f"    {figure.key}:" in text, figure.id


def test_check_json_and_render_formats(tmp_path: Path, sample_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", str(sample_path), "--format", "json"])
    result = json.loads(capsys.readouterr().out)
    assert set(result) >= {"errors", "warnings", "missing"}
    assert result["errors"] == []
    for fmt in ("md", "txt", "docx"):
        out = tmp_path / f"bao-cao.{fmt}"
        assert main(["render", str(sample_path), "-o", str(out)]) == 0
        assert out.stat().st_size > 1000


def test_render_errors(tmp_path: Path, sample_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("nam: 2024\nso_lieu: [1]\n", encoding="utf-8")
    assert main(["render", str(bad), "-o", str(tmp_path / "x.md")]) == 2
    assert f"{bad}:2: so_lieu:" in capsys.readouterr().err
    assert main(["render", str(sample_path), "-o", str(sample_path)]) == 2
    assert main(["render", str(sample_path), "-o", str(tmp_path / "x.odt"), "--format", "md"]) == 0


def test_bank_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bank", "check"]) == 0
    assert "Kho câu mẫu hợp lệ" in capsys.readouterr().out
    assert main(["bank", "list", "--section", "IV.3"]) == 0
    listing = capsys.readouterr().out
    assert listing.count("IV.3") >= 15
    (tmp_path / "a.yaml").write_text("muc: III.1\ncau: 5\n", encoding="utf-8")
    assert main(["bank", "check", str(tmp_path)]) == 2
    assert "phải là danh sách" in capsys.readouterr().err


def test_argument_errors(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["render"])
    assert info.value.code == 2
    assert "lỗi tham số" in capsys.readouterr().err
