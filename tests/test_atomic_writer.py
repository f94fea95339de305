"""The one atomic writer, seen from the commands that write: modes, read-only files,
temp files, long names, devices and failures (#13).

Every output goes through :mod:`drafting.files.atomic`; these tests drive it the way a
writer does (``new``, ``render``, ``consolidate``, a draft's save) and check the files
on disk afterwards.
"""

from __future__ import annotations

import os
import resource
import shutil
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLE

from drafting.cli import main
from drafting.editing.draft import Draft
from drafting.errors import OutputError


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def temp_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# --------------------------------------------------------------------------- modes


@pytest.mark.parametrize("name", ["bao-cao.md", "bao-cao.txt", "bao-cao.docx"])
def test_a_new_output_gets_the_mode_the_umask_gives(tmp_path: Path, umask_022: None, name: str) -> None:
    out = tmp_path / name
    assert main(["render", str(SAMPLE), "-o", str(out)]) == 0
    assert mode(out) == 0o644


def test_new_data_files_get_the_mode_the_umask_gives(tmp_path: Path, umask_022: None) -> None:
    skeleton, carried, merged, saved = (tmp_path / n for n in ("moi.yaml", "nam-sau.yaml", "tong.yaml", "luu.yaml"))
    assert main(["new", str(skeleton), "--year", "2025"]) == 0
    assert main(["new", str(carried), "--from", str(SAMPLE)]) == 0
    assert main(["consolidate", str(SAMPLE), "-o", str(merged)]) == 0
    Draft.open(SAMPLE).save(saved)
    assert [mode(p) for p in (skeleton, carried, merged, saved)] == [0o644] * 4
    os.umask(0o027)
    other = tmp_path / "nhom.md"
    assert main(["render", str(SAMPLE), "-o", str(other)]) == 0
    assert mode(other) == 0o640


def test_an_existing_file_keeps_its_mode(tmp_path: Path) -> None:
    out = tmp_path / "bao-cao.docx"
    out.write_bytes(b"old")
    out.chmod(0o604)
    assert main(["render", str(SAMPLE), "-o", str(out)]) == 0
    assert mode(out) == 0o604
    assert out.read_bytes()[:2] == b"PK"


# --------------------------------------------------------------------------- read-only


@pytest.mark.parametrize("name", ["bao-cao.docx", "bao-cao.md"])
def test_a_read_only_output_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    out = tmp_path / name
    out.write_bytes(b"ban cu")
    out.chmod(0o444)
    assert main(["render", str(SAMPLE), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err == f"{out}: tệp chỉ đọc; hãy bỏ thuộc tính chỉ đọc hoặc lưu với tên khác\n"
    assert out.read_bytes() == b"ban cu"
    assert temp_files(tmp_path) == []


def test_a_read_only_data_file_is_not_saved_over(tmp_path: Path) -> None:
    path = tmp_path / "bao-cao.yaml"
    shutil.copy(SAMPLE, path)
    path.chmod(0o444)
    draft = Draft.open(path)
    draft.set_unit_text("ten", "Tòa án nhân dân tỉnh Sen Hồng")
    with pytest.raises(OutputError, match="tệp chỉ đọc"):
        draft.save()
    assert path.read_bytes() == SAMPLE.read_bytes()
    assert draft.dirty


# --------------------------------------------------------------------------- temp files


def test_stale_temp_files_are_removed_on_the_next_write(tmp_path: Path) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead_pid = int(dead.stdout)
    living = os.getppid()
    killed = tmp_path / f".bao-cao.docx.{dead_pid}.a1b2c3d4.tmp"  # a writer killed mid-render
    old = tmp_path / f".khac.yaml.{living}.zz99yy88.tmp"  # an hour old, its process still there
    fresh = tmp_path / f".khac.yaml.{living}.q1w2e3r4.tmp"  # being written right now
    unrelated = tmp_path / ".ghi-chu.tmp"
    for path in (killed, old, fresh, unrelated):
        path.write_bytes(b"x")
    hour_ago = time.time() - 3700
    os.utime(old, (hour_ago, hour_ago))
    assert main(["render", str(SAMPLE), "-o", str(tmp_path / "bao-cao.md")]) == 0
    assert temp_files(tmp_path) == sorted([fresh.name, unrelated.name])


def test_a_long_output_name_fits_the_temp_name(tmp_path: Path) -> None:
    out = tmp_path / ("bao-cao-" + "a" * 224 + ".md")
    assert len(out.name) == 235
    assert main(["render", str(SAMPLE), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("TÒA ÁN")
    long_vietnamese = tmp_path / ("ả" * 80 + ".docx")  # 245 bytes in UTF-8
    assert main(["render", str(SAMPLE), "-o", str(long_vietnamese)]) == 0
    assert temp_files(tmp_path) == []


# --------------------------------------------------------------------------- devices and links


def test_an_output_that_is_a_device_is_written_not_replaced(tmp_path: Path) -> None:
    """``-o /dev/stdout`` (here through a link in the test's folder) writes to the pipe."""
    link = tmp_path / "ra.md"
    link.symlink_to("/dev/stdout")
    result = subprocess.run(
        [sys.executable, "-m", "drafting", "render", str(SAMPLE), "-o", str(link), "--format", "md"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("TÒA ÁN NHÂN DÂN TỐI CAO")
    assert link.is_symlink() and os.readlink(link) == "/dev/stdout"
    null = tmp_path / "bo-di.docx"
    null.symlink_to(os.devnull)
    assert main(["render", str(SAMPLE), "-o", str(null)]) == 0
    assert null.is_symlink() and stat.S_ISCHR(os.stat(null).st_mode)


def test_a_link_to_a_file_is_kept_and_its_file_replaced(tmp_path: Path) -> None:
    real = tmp_path / "that" / "bao-cao.md"
    real.parent.mkdir()
    real.write_text("cũ", encoding="utf-8")
    link = tmp_path / "lien-ket.md"
    link.symlink_to(real)
    assert main(["render", str(SAMPLE), "-o", str(link)]) == 0
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8").startswith("TÒA ÁN")
    assert temp_files(real.parent) == [] and temp_files(tmp_path) == []


# --------------------------------------------------------------------------- failures


def _limit_file_size() -> None:  # pragma: no cover - runs in the child
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))


@pytest.mark.parametrize("name", ["bao-cao.docx", "bao-cao.md", "bao-cao.yaml"])
def test_a_full_disk_names_the_writers_file_and_leaves_nothing(tmp_path: Path, name: str) -> None:
    """The process may not write more than 4 KB (as on a full disk, the write fails)."""
    out = tmp_path / name
    carry = name.endswith(".yaml")
    args = ["new", str(out), "--from", str(SAMPLE)] if carry else ["render", str(SAMPLE), "-o", str(out)]
    result = subprocess.run(
        [sys.executable, "-m", "drafting", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        preexec_fn=_limit_file_size,
    )
    assert result.returncode == 2
    assert result.stderr == f"{out}: không ghi được tệp: tệp vượt quá kích thước cho phép\n"
    assert list(tmp_path.iterdir()) == []


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder no file can be created in: its write bits cleared, or for an
    administrator (whom modes do not stop) marked immutable with ``chattr +i``."""
    folder = tmp_path / "chi-doc"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / "bao-cao.yaml")
    if os.geteuid() != 0:
        folder.chmod(0o555)
        yield folder
        folder.chmod(0o755)
        return
    if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(folder)]).returncode != 0:
        pytest.skip("chattr +i is not available to make a folder read-only for root")
    try:
        yield folder
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True)


def test_a_read_only_folder_names_the_writers_file(read_only_folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = read_only_folder / "bao-cao.md"
    assert main(["render", str(read_only_folder / "bao-cao.yaml"), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{out}: không ghi được tệp: không có quyền ghi vào thư mục “{read_only_folder}”"), err
    assert err.count("\n") == 1 and ".tmp" not in err
    assert sorted(p.name for p in read_only_folder.iterdir()) == ["bao-cao.yaml"]
