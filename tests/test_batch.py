"""Batch rendering: several files or a folder, on all cores, past broken files."""

from __future__ import annotations

import io
import re
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
