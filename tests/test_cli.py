"""The command line as a user runs it: exit codes, messages, files written or not."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from conftest import run_cli


def test_new_writes_a_valid_commented_skeleton(tmp_path: Path) -> None:
    target = tmp_path / "bao-cao-2025.yaml"
    result = run_cli("new", str(target), "--year", "2025")
    assert result.returncode == 0, result.stderr
    text = target.read_text(encoding="utf-8")
    assert "nam: 2025" in text
    assert "  an_hinh_su:\n" in text and "      nguyen_nhan:" in text
    assert "# Án hình sự (mục II.3)." in text
    assert run_cli("check", str(target)).returncode in (0, 1)
    again = run_cli("new", str(target))
    assert again.returncode == 2 and "đã tồn tại" in again.stderr


def test_check_exit_codes(tmp_path: Path, sample_path: Path) -> None:
    assert run_cli("check", str(sample_path)).returncode in (0, 1)
    bad = tmp_path / "bad.yaml"
    bad.write_text("nam: 2024\nso_lieu:\n  an_hinh_su:\n    thu_ly: {ky_nay: -5}\n", encoding="utf-8")
    result = run_cli("check", str(bad))
    assert result.returncode in (1, 2)
    assert f"{bad}:4: so_lieu.an_hinh_su.thu_ly.ky_nay: không được âm (-5)" in result.stderr + result.stdout
    assert "Traceback" not in result.stderr


def test_render_bad_input_exit_2_no_output(tmp_path: Path) -> None:
    cases = {
        "malformed.yaml": "nam: 2024\nso_lieu: [\n",
        "list.yaml": "nam: 2024\nso_lieu: [1, 2]\n",
        "text.yaml": "nam: 2024\nso_lieu:\n  pha_san:\n    thu_ly: {ky_nay: năm}\n",
        "negative.yaml": "nam: 2024\nso_lieu:\n  pha_san:\n    thu_ly: {ky_nay: -1}\n",
        "fraction.yaml": "nam: 2024\nso_lieu:\n  pha_san:\n    thu_ly: {ky_nay: 1.5}\n",
        "noyear.yaml": "so_lieu: {}\n",
        "unknown.yaml": "nam: 2024\nso_lieu:\n  pha_san:\n    thu_lyy: 1\n",
    }
    for name, text in cases.items():
        source = tmp_path / name
        source.write_text(text, encoding="utf-8")
        out = tmp_path / (name + ".docx")
        result = run_cli("render", str(source), "-o", str(out))
        assert result.returncode == 2, (name, result.stderr)
        assert "Traceback" not in result.stderr
        assert re.match(rf"{re.escape(str(source))}(:\d+)?: ", result.stderr), result.stderr
        assert not out.exists()
        assert not list(tmp_path.glob(f".{name}.docx*"))


def test_render_refuses_to_overwrite_input_and_missing_folder(tmp_path: Path, sample_path: Path) -> None:
    copy = tmp_path / "a.yaml"
    copy.write_text(sample_path.read_text(encoding="utf-8"), encoding="utf-8")
    result = run_cli("render", str(copy), "-o", str(copy), "--format", "md")
    assert result.returncode == 2 and "không được ghi đè" in result.stderr
    assert copy.read_text(encoding="utf-8") == sample_path.read_text(encoding="utf-8")
    result = run_cli("render", str(copy), "-o", str(tmp_path / "khong-co" / "x.md"))
    assert result.returncode == 2 and "không tồn tại" in result.stderr


def test_render_txt_shows_every_compared_figure(tmp_path: Path, sample_path: Path) -> None:
    """For every compared figure of the sample: its value and its absolute change, Vietnamese style."""
    from drafting.bank.bank import default_bank
    from drafting.datafile.validate import load_report
    from drafting.vi.numbers import format_count, format_money

    out = tmp_path / "bao-cao.txt"
    result = run_cli("render", str(sample_path), "-o", str(out), "--format", "txt")
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    report = load_report(sample_path)
    catalogue = default_bank().catalogue
    checked = 0
    for fid, value in report.figures.items():
        figure = catalogue.figures[fid]
        if not figure.compared or value.current is None or value.previous is None:
            continue
        delta = value.current - value.previous
        if figure.kind == "tien":
            assert format_money(value.current) in text, fid
            if delta:
                assert format_money(abs(delta)) in text, fid
        elif value.current == 0:
            assert figure.none_text in text, fid  # a zero is said in words, never "0 … (giảm 100%)"
        else:
            shown = format_count(value.current, figure.unit, leading_zero=True)
            assert f"{figure.label} {shown}" in text, fid
            if delta:
                word = "tăng" if delta > 0 else "giảm"
                assert f"{word} {format_count(abs(delta), figure.unit, leading_zero=True)}" in text, fid
            else:
                assert "bằng cùng kỳ năm 2023" in text
        checked += 1
    assert checked >= 40


def test_bank_check_and_list() -> None:
    result = run_cli("bank", "check")
    assert result.returncode == 0, result.stderr
    listed = run_cli("bank", "list", "--format", "json")
    assert listed.returncode == 0, listed.stderr
    phrases = json.loads(listed.stdout)
    assert {"id", "section", "function", "variants"} <= set(phrases[0])
    by_section: dict[str, list[dict[str, object]]] = {}
    for p in phrases:
        by_section.setdefault(str(p["section"]), []).append(p)
    for section in ("III.1", "III.2", "III.3", "III.4", "IV.1", "IV.2", "IV.3"):
        assert len(by_section[section]) >= 15, section
        assert all(len(p["variants"]) >= 2 for p in by_section[section])  # type: ignore[arg-type]
    causes = by_section["III.3"]
    assert sum("khach_quan" in p["tags"] for p in causes) >= 8  # type: ignore[operator]
    assert sum("chu_quan" in p["tags"] for p in causes) >= 8  # type: ignore[operator]
    for section in ("I", "II.1", "II.2.a", "II.2.b", "II.4", "II.5", "II.6"):
        assert by_section.get(section), section
    only = run_cli("bank", "list", "--section", "III.1", "--format", "json")
    assert {p["section"] for p in json.loads(only.stdout)} == {"III.1"}


def test_bad_arguments_exit_2() -> None:
    result = run_cli("render")
    assert result.returncode == 2
    assert "lỗi tham số" in result.stderr


def test_output_is_utf8_whatever_the_console_code_page(tmp_path: Path) -> None:
    """A Windows console or a redirect in cp1252 must not turn Vietnamese into an encoding error."""
    import os

    env = {**os.environ, "PYTHONIOENCODING": "cp1252"}
    done = subprocess.run(
        [sys.executable, "-m", "drafting", "check", str(tmp_path / "khong-co.yaml")],
        capture_output=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 2
    err = done.stderr.decode("utf-8")
    assert "không tìm thấy" in err or "không có tệp" in err or "không đọc được" in err, err
    assert "Traceback" not in err
