"""``render -o -``: Markdown and text to standard output; Word and PDF only to a pipe (#13)."""

from __future__ import annotations

import io
import os
import pty
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import SAMPLE

from drafting.cli import main


def render(*args: str, cwd: Path, stdout: int | None = subprocess.PIPE) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "drafting", "render", str(SAMPLE), *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        cwd=cwd,
        timeout=120,
    )


def test_markdown_and_text_go_to_standard_output(tmp_path: Path) -> None:
    for fmt in ("md", "txt"):
        assert main(["render", str(SAMPLE), "-o", str(tmp_path / f"bao-cao.{fmt}")]) == 0
        result = render("-o", "-", "--format", fmt, cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        assert result.stdout == (tmp_path / f"bao-cao.{fmt}").read_bytes()
        assert result.stderr == b""
    assert not (tmp_path / "-").exists()


def test_word_goes_to_a_pipe(tmp_path: Path) -> None:
    result = render("-o", "-", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(io.BytesIO(result.stdout)) as package:
        assert "word/document.xml" in package.namelist()
    assert not (tmp_path / "-").exists()


def test_word_to_a_terminal_is_refused_with_a_hint(tmp_path: Path) -> None:
    leader, follower = pty.openpty()
    try:
        result = render("-o", "-", "--format", "docx", cwd=tmp_path, stdout=follower)
        os.set_blocking(leader, False)
        try:
            shown = os.read(leader, 65536)
        except BlockingIOError:
            shown = b""
    finally:
        os.close(leader)
        os.close(follower)
    assert result.returncode == 2
    err = result.stderr.decode("utf-8")
    assert err.startswith("-: không ghi tệp Word (.docx) ra màn hình") and "--format md" in err, err
    assert err.count("\n") == 1 and shown == b""
    assert not (tmp_path / "-").exists()


def test_standard_output_is_for_one_report_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["render", str(SAMPLE), str(SAMPLE), "-o", "-", "--format", "md"]) == 2
    assert capsys.readouterr().err == "-: đầu ra chuẩn chỉ nhận một báo cáo; hãy ghi nhiều báo cáo vào một thư mục\n"
    assert list(tmp_path.iterdir()) == []
