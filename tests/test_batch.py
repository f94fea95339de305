"""Batch rendering: several files or a folder, on all cores, past broken files."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sample_data import SAMPLE, edited

from drafting.cli import main
from drafting.export.batch import Progress, collect_inputs, output_paths, render_batch, run_parallel


def _name(name: str) -> Callable[[Any], None]:
    def edit(data: Any) -> None:
        data["don_vi"]["ten"] = name

    return edit


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    inputs = tmp_path / "vao"
    inputs.mkdir()
    edited(inputs, "a.yaml", _name("Tòa án nhân dân khu vực A"))
    (inputs / "b_hong.yaml").write_text("nam: 2024\nso_lieu: {an_hinh_su: {thu_ly: {ky_nay: abc}}}\n", encoding="utf-8")
    edited(inputs, "c.yaml", _name("Tòa án nhân dân khu vực C"))
    (inputs / "ghi_chu.txt").write_text("không phải dữ liệu", encoding="utf-8")
    return inputs


def test_folder_goes_past_a_broken_file(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "ra"
    assert main(["render", str(folder), "-o", str(out), "--format", "md", "--jobs", "2"]) == 1
    assert sorted(p.name for p in out.iterdir()) == ["a.md", "c.md"]
    assert "Tòa án nhân dân khu vực C" in (out / "c.md").read_text(encoding="utf-8")
    captured = capsys.readouterr()
    assert "Đã ghi 2/3 báo cáo" in captured.out
    failures = captured.err[captured.err.index("Không xuất được 1 tệp:") :]
    assert f"{folder / 'b_hong.yaml'}:2: so_lieu.an_hinh_su.thu_ly.ky_nay" in failures
    assert "3/3 tệp" in captured.err  # the progress bar reached the end


def test_several_files_all_good_exit_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = edited(tmp_path, "a.yaml", _name("A"))
    out = tmp_path / "ra"
    assert main(["render", str(a), str(SAMPLE), "-o", str(out), "--format", "txt"]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["a.txt", "bao-cao-mau-2024.txt"]
    assert "Đã ghi 2/2 báo cáo" in capsys.readouterr().out


def test_batch_docx(tmp_path: Path) -> None:
    a = edited(tmp_path, "a.yaml", _name("Tòa án nhân dân khu vực A"))
    result = render_batch([a, SAMPLE], tmp_path / "docx", "docx", workers=2, progress=Progress(2, io.StringIO()))
    assert result.failures == []
    assert [p.name for p in result.written] == ["a.docx", "bao-cao-mau-2024.docx"]
    with zipfile.ZipFile(result.written[0]) as package:
        body = re.sub(r"<[^>]+>", "", package.read("word/document.xml").decode("utf-8"))
        core = package.read("docProps/core.xml").decode("utf-8")
    assert "BÁO CÁO" in body and "Án hình sự: thụ lý 1.412 vụ" in body
    assert "<dc:creator>Tòa án nhân dân khu vực A</dc:creator>" in core


def test_single_file_keeps_working(tmp_path: Path) -> None:
    out = tmp_path / "bao-cao.md"
    assert main(["render", str(SAMPLE), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("TÒA ÁN NHÂN DÂN TỐI CAO")


def test_missing_input_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", str(SAMPLE), str(tmp_path / "khong_co.yaml"), "-o", str(tmp_path / "ra")]) == 2
    assert "không tìm thấy" in capsys.readouterr().err


def test_inputs_and_output_names(folder: Path, tmp_path: Path) -> None:
    found = collect_inputs([folder, folder / "a.yaml"])
    assert [p.name for p in found] == ["a.yaml", "b_hong.yaml", "c.yaml"]
    other = tmp_path / "khac"
    other.mkdir()
    names = output_paths([folder / "a.yaml", other / "a.yaml", folder / "c.yaml"], tmp_path, "docx")
    assert [p.name for p in names] == ["a.docx", "a-2.docx", "c.docx"]


def test_parallel_keeps_order() -> None:
    assert run_parallel(abs, [-5, 3, -1, 0, -7, 2], workers=2) == [5, 3, 1, 0, 7, 2]


def test_progress_plain_text() -> None:
    stream = io.StringIO()
    progress = Progress(4, stream, width=8)
    for _ in range(4):
        progress.advance()
    assert stream.getvalue().splitlines() == [
        "[##......] 1/4 tệp",
        "[####....] 2/4 tệp",
        "[######..] 3/4 tệp",
        "[########] 4/4 tệp",
    ]


# ----------------------------------------------------------------- a time limit per file


def test_a_file_that_renders_too_long_is_stopped_and_reported(tmp_path: Path) -> None:
    """180.000 short paragraphs (a data file at the size limit) take tens of seconds to
    lay out in Word; with a one-second limit that file is stopped, the batch goes on to
    the next file, and the run ends with both failures listed."""
    slow = tmp_path / "cham.yaml"
    lines = ["nam: 2024", "noi_dung:", "  I:", *(f"  - Đ{i:x}" for i in range(180_000))]
    slow.write_text("\n".join(lines) + "\n", encoding="utf-8")
    broken = tmp_path / "hong.yaml"
    broken.write_text("nam: 2024\nso_lieu: {an_hinh_su: {thu_ly: {ky_nay: abc}}}\n", encoding="utf-8")
    out = tmp_path / "ra"
    result = subprocess.run(
        [sys.executable, "-m", "drafting", "render", str(slow), str(broken), "-o", str(out), "--jobs", "1"]
        + ["--timeout", "1"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1, result.stderr
    failures = result.stderr[result.stderr.index("Không xuất được 2 tệp:") :].splitlines()
    assert failures[1:] == [
        f"  {slow}: chưa xuất xong sau 1 giây nên đã dừng (giới hạn thời gian mỗi tệp: --timeout)",
        f"  {broken}:2: so_lieu.an_hinh_su.thu_ly.ky_nay: số liệu phải là số, không phải văn bản “abc”",
    ], result.stderr
    assert "Traceback" not in result.stderr
    assert list(out.iterdir()) == []  # no half-written file, no temp file


def test_the_time_limit_is_an_option_with_a_default(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = edited(tmp_path, "a.yaml", _name("A"))
    out = tmp_path / "ra"
    assert main(["render", str(a), str(SAMPLE), "-o", str(out), "--format", "md", "--timeout", "60"]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["a.md", "bao-cao-mau-2024.md"]
    for wrong in ("0", "-1", "abc", "inf"):
        with pytest.raises(SystemExit) as exit_:
            main(["render", str(a), "-o", str(out), "--timeout", wrong])
        assert exit_.value.code == 2
        assert "--timeout" in capsys.readouterr().err


def test_jobs_over_the_limit_do_not_hold_the_others() -> None:
    """The pool itself: sleeping jobs, one far over the limit, in two processes."""
    from drafting.export.workers import run_with_time_limit

    finished: list[float] = []
    results = run_with_time_limit(
        time.sleep,
        [0.01, 3600, 0.02, 0.01],
        workers=2,
        seconds=1,
        timed_out=lambda item: f"dừng {item}",
        died=lambda item: f"chết {item}",
        done=finished.append,
    )
    assert results == [None, "dừng 3600", None, None]
    assert sorted(finished) == [0.01, 0.01, 0.02, 3600]
