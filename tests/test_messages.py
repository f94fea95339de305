"""One located Vietnamese line per problem, whatever the input holds (#13).

A writer's value may hold line breaks and control characters, a lone UTF-16
surrogate (YAML's ``"\\ud800"``), or be far too long; a file may end its lines with CR
only. None of it may forge a second ``file:line:`` line, crash the output with a
traceback, or be blamed on a phrase-bank file.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLE

from drafting.errors import Problem

CORPUS = Path(__file__).parent / "corpus" / "data"
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "drafting", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        env={**os.environ, **(env or {})},
        errors="backslashreplace",
    )


def data_file(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    return path


# --------------------------------------------------------------------------- one line each


def test_a_multi_line_value_cannot_forge_a_second_located_line(tmp_path: Path) -> None:
    source = CORPUS / "54_gia_mao_dong_loi.yaml"
    for command in (["render", str(source), "-o", str(tmp_path / "x.md")], ["check", str(source)]):
        result = run(*command)
        shown = result.stderr if command[0] == "render" else result.stdout
        located = [line for line in shown.splitlines() if re.match(r"\s*\S+\.yaml:\d+: ", line)]
        assert located == [line for line in located if line.strip().startswith(f"{source}:4: ")], shown
        assert len(located) == 1, shown
        assert "“12↵bc.yaml:1: nam: giả”" in located[0]


def test_a_key_with_a_line_break_and_control_characters_is_escaped(tmp_path: Path) -> None:
    source = data_file(tmp_path, "khoa.yaml", 'nam: 2024\ndon_vi:\n  "a\\nb.yaml:1: x\\e[31m": 1\n')
    result = run("render", str(source), "-o", str(tmp_path / "x.md"))
    assert result.returncode == 2
    assert result.stderr == f"{source}:3: don_vi.a↵b.yaml:1: x\\x1b[31m: khóa không hợp lệ\n"


def test_an_output_name_with_a_line_break_stays_on_one_line(tmp_path: Path) -> None:
    output = tmp_path / "khong-co\nthu-muc" / "a.md"
    result = run("render", str(SAMPLE), "-o", str(output))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "khong-co↵thu-muc" in result.stderr, result.stderr


def test_problem_lines_escape_what_they_quote() -> None:
    problem = Problem("bc.yaml", 4, "so_lieu.a\nb", "không phải “x\r\ny\x00z\u2028w”")
    assert str(problem) == "bc.yaml:4: so_lieu.a↵b: không phải “x↵y\\x00z↵w”"


# --------------------------------------------------------------------------- lone surrogates


@pytest.mark.parametrize("name", ["52_nua_cap_trong_nguyen_nhan.yaml", "53_nua_cap_trong_khoa.yaml"])
@pytest.mark.parametrize("fmt", ["md", "txt", "docx"])
def test_a_lone_surrogate_is_refused_where_it_is(tmp_path: Path, name: str, fmt: str) -> None:
    source = CORPUS / name
    out = tmp_path / f"ra.{fmt}"
    result = run("render", str(source), "-o", str(out), env={"LC_ALL": "C.UTF-8"})
    line = 4 if name.startswith("52") else 3
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith(f"{source}:{line}: ") and "Traceback" not in result.stderr, result.stderr
    assert "\\ud800" in result.stderr and result.stderr.count("\n") == 1
    assert not out.exists()


def test_check_of_a_key_with_a_lone_surrogate_under_a_utf8_locale(tmp_path: Path) -> None:
    source = CORPUS / "53_nua_cap_trong_khoa.yaml"
    for fmt in ("text", "json"):
        result = run("check", str(source), "--format", fmt, env={"LC_ALL": "C.UTF-8", "PYTHONIOENCODING": ""})
        assert result.returncode == 2, result.stderr
        assert "Traceback" not in result.stderr and f"{source}:3: " in result.stderr


# --------------------------------------------------------------------------- CR-only line ends


@pytest.mark.parametrize(
    ("raw", "line", "fragment"),
    [
        (b"nam: 2024\rdon_vi:\r  ten: T\xf2a \xe1n\r", 3, "UTF-8"),
        (b"nam: 2024\r\rdon_vi:\r  ten: T\x07a\r", 4, "ký tự điều khiển"),
        (b"nam: 2024\rdon_vi:\r  ten: a\r  xyz: 1\r", 4, "khóa không hợp lệ"),
        (b"nam: 2024\rdon_vi:\r  ten: a\rso_lieu: " + b"[" * 50 + b"]" * 50 + b"\r", 4, "lồng nhau"),
        (b"nam: 2024\r\ndon_vi:\r\n  ten: T\xf2a\r\n", 3, "UTF-8"),
    ],
)
def test_cr_only_files_report_the_right_line(tmp_path: Path, raw: bytes, line: int, fragment: str) -> None:
    source = tmp_path / "cr.yaml"
    source.write_bytes(raw)
    result = run("render", str(source), "-o", str(tmp_path / "x.md"))
    assert result.returncode == 2
    assert result.stderr.startswith(f"{source}:{line}: ") and fragment in result.stderr, result.stderr


# --------------------------------------------------------------------------- long names


def test_a_long_unit_name_is_blamed_on_the_data_file(tmp_path: Path) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    name = "Tòa án nhân dân tỉnh Hoa Sen"
    long_name = " ".join([name] * 900)  # 26 KB: once inside a phrase, over its output limit
    source = data_file(tmp_path, "dai.yaml", text.replace(f"  ten: {name}\n", f"  ten: {long_name}\n", 1))
    line = text[: text.index(f"  ten: {name}\n")].count("\n") + 1
    for args in (["render", str(source), "-o", str(tmp_path / "x.md")], ["check", str(source)]):
        result = run(*args)
        shown = result.stderr + result.stdout
        assert f"{source}:{line}: don_vi.ten: " in shown and "quá dài" in shown, shown
        assert "phrasebank" not in shown
    # At the limit (1.000 characters) the report renders, in Word too.
    fits = " ".join([name] * 40)[:1000].strip()
    source.write_text(text.replace(f"  ten: {name}\n", f"  ten: {fits}\n", 1), encoding="utf-8")
    result = run("render", str(source), "-o", str(tmp_path / "x.docx"))
    assert result.returncode == 0, result.stderr


# --------------------------------------------------------------------------- control characters


def test_markdown_and_text_drop_nul_escape_and_other_control_characters(tmp_path: Path) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    cause = '"do \\0số vụ \\e[31mtăng\\x07 mạnh\\r\\nvà\\x7f nhiều\\tthật"'
    marker = "nguyen_nhan: "
    start = text.index(marker) + len(marker)
    end = text.index("\n", start)
    source = data_file(tmp_path, "dieu-khien.yaml", text[:start] + cause + text[end:])
    for fmt in ("md", "txt"):
        out = tmp_path / f"ra.{fmt}"
        result = run("render", str(source), "-o", str(out))
        assert result.returncode == 0, result.stderr
        written = out.read_text(encoding="utf-8")
        assert not CONTROL.search(written), [c for c in CONTROL.findall(written)]
        assert "số vụ [31mtăng mạnh" in written and "\r" not in written
