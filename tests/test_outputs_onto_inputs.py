"""An output is never written onto one of the command's inputs, however named (#13).

For ``render``, ``consolidate`` and ``new --from``, the output is the input itself, the
same path spelled with ``./``, a symbolic link to it, a hard link to it, or (for a
folder given as input) a new data file inside that folder: each time the command exits
2 with a located message, and every input is byte-identical afterwards.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import SAMPLE
from sample_data import edited

from drafting.cli import main


@pytest.fixture
def units(tmp_path: Path) -> Path:
    """A folder of two unit files (the sample, two unit names)."""
    folder = tmp_path / "don-vi"
    folder.mkdir()
    for name, unit in (("a.yaml", "Tòa án nhân dân khu vực A"), ("b.yaml", "Tòa án nhân dân khu vực B")):
        edited(folder, name, lambda data, unit=unit: data["don_vi"].__setitem__("ten", unit))
    return folder


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file() and not p.is_symlink()}


Spelling = Callable[[Path], Path]


def same(path: Path) -> Path:
    return path


def dotted(path: Path) -> Path:
    return path.parent / "." / path.name


def symlink(path: Path) -> Path:
    link = path.parent.parent / f"lien-ket-{path.name}"
    link.symlink_to(path)
    return link


def hardlink(path: Path) -> Path:
    link = path.parent.parent / f"cung-tep-{path.name}"
    os.link(path, link)
    return link


SPELLINGS = {"same": same, "dotted": dotted, "symlink": symlink, "hardlink": hardlink}


def refused(args: list[str], capsys: pytest.CaptureFixture[str], output: Path) -> None:
    assert main(args) == 2, args
    captured = capsys.readouterr()
    err = captured.err
    assert err.startswith(f"{output}: "), err
    assert "không được ghi" in err and "Traceback" not in err, err
    assert err.count("\n") == 1, err


@pytest.mark.parametrize("spelling", sorted(SPELLINGS))
def test_consolidate_never_writes_onto_a_unit(units: Path, spelling: str, capsys: pytest.CaptureFixture[str]) -> None:
    before = snapshot(units)
    output = SPELLINGS[spelling](units / "a.yaml")
    refused(["consolidate", str(units), "-o", str(output)], capsys, output)
    refused(["consolidate", str(units / "a.yaml"), str(units / "b.yaml"), "-o", str(output)], capsys, output)
    assert snapshot(units) == before


def test_consolidate_never_adds_its_output_to_an_input_folder(units: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The next run over the folder would count the sum as one more unit."""
    before = snapshot(units)
    output = units / "tong-hop.yaml"
    refused(["consolidate", str(units), "-o", str(output)], capsys, output)
    assert snapshot(units) == before
    assert main(["consolidate", str(units / "a.yaml"), str(units / "b.yaml"), "-o", str(output)]) == 0


@pytest.mark.parametrize("spelling", sorted(SPELLINGS))
def test_new_from_never_writes_onto_last_years_file(
    units: Path, spelling: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(units)
    output = SPELLINGS[spelling](units / "a.yaml")
    refused(["new", str(output), "--from", str(units / "a.yaml"), "--force"], capsys, output)
    assert snapshot(units) == before


@pytest.mark.parametrize("spelling", sorted(SPELLINGS))
@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_render_never_writes_onto_its_input(
    units: Path, spelling: str, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(units)
    output = SPELLINGS[spelling](units / "a.yaml")
    refused(["render", str(units / "a.yaml"), "-o", str(output), "--format", fmt], capsys, output)
    assert snapshot(units) == before


def test_a_batch_output_linked_to_another_input_is_refused(units: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The output of a.yaml would be written through a link onto b.yaml."""
    before = snapshot(units)
    out = units.parent / "ra"
    out.mkdir()
    (out / "a.md").symlink_to(units / "b.yaml")
    assert main(["render", str(units), "-o", str(out), "--format", "md"]) == 1
    err = capsys.readouterr().err
    assert f"{out / 'a.md'}: không được ghi đè lên tệp dữ liệu đầu vào ({units / 'b.yaml'})" in err
    assert snapshot(units) == before
    assert (out / "b.md").read_text(encoding="utf-8").startswith("TÒA ÁN")


def test_import_never_writes_onto_its_workbook(units: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--into`` names the data file the import edits in place: never the book itself."""
    before = snapshot(units)
    book = hardlink(units / "a.yaml").rename(units.parent / "bang.csv")
    assert main(["import", str(book), "--into", str(units / "a.yaml")]) == 2
    err = capsys.readouterr().err
    assert err == f"{units / 'a.yaml'}: không được ghi đè lên tệp dữ liệu đầu vào ({book}); hãy chọn tên tệp khác\n"
    assert snapshot(units) == before


def test_the_tui_export_guard_is_the_same(units: Path, tmp_path: Path) -> None:
    from drafting.errors import OutputError
    from drafting.export.render import check_output_path

    with pytest.raises(OutputError, match="không được ghi đè"):
        check_output_path(hardlink(units / "b.yaml"), [units / "b.yaml"])
    shutil.copy(SAMPLE, tmp_path / "khac.yaml")
    check_output_path(tmp_path / "bao-cao.docx", [units / "b.yaml"])
