"""No silent lost update: a save checks that the file on disk is still the one read (#13).

Two drafts of the same file (two windows of the TUI, or the TUI and a text editor):
B saves, then A saves. A must not overwrite B's change without a word: the library
raises :class:`~drafting.errors.FileChangedError`, and A can then reload, overwrite on
purpose, or save elsewhere.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from conftest import SAMPLE

from drafting.editing.draft import Draft
from drafting.errors import DraftingError, FileChangedError


@pytest.fixture
def path(tmp_path: Path) -> Path:
    target = tmp_path / "bao-cao.yaml"
    shutil.copy(SAMPLE, target)
    return target


def test_two_writers_the_second_save_is_refused(path: Path) -> None:
    a, b = Draft.open(path), Draft.open(path)
    b.set_unit_text("ten", "Tòa án nhân dân tỉnh Sen Hồng")
    b.save()
    a.set_unit_text("nguoi_ky", "Trần Văn An")
    with pytest.raises(FileChangedError) as caught:
        a.save()
    assert isinstance(caught.value, DraftingError)
    message = str(caught.value)
    assert message.startswith(f"{path}: tệp đã bị thay đổi trên đĩa từ khi mở") and "\n" not in message
    assert caught.value.path == path
    on_disk = path.read_text(encoding="utf-8")
    assert "Tòa án nhân dân tỉnh Sen Hồng" in on_disk and "Trần Văn An" not in on_disk
    assert a.dirty and a.disk_changed()


def test_after_the_refusal_the_writer_can_overwrite_on_purpose(path: Path) -> None:
    a, b = Draft.open(path), Draft.open(path)
    b.set_unit_text("ten", "Tòa án nhân dân tỉnh Sen Hồng")
    b.save()
    a.set_unit_text("nguoi_ky", "Trần Văn An")
    with pytest.raises(FileChangedError):
        a.save()
    a.save(overwrite=True)
    assert "Trần Văn An" in path.read_text(encoding="utf-8")
    assert not a.dirty and not a.disk_changed()
    # Now B is the one behind.
    b.set_unit_text("dia_danh", "Sen Hồng")
    with pytest.raises(FileChangedError):
        b.save()


def test_after_the_refusal_the_writer_can_save_elsewhere(path: Path, tmp_path: Path) -> None:
    a, b = Draft.open(path), Draft.open(path)
    b.set_unit_text("ten", "Tòa án nhân dân tỉnh Sen Hồng")
    b.save()
    a.set_unit_text("nguoi_ky", "Trần Văn An")
    with pytest.raises(FileChangedError):
        a.save()
    elsewhere = tmp_path / "ban-cua-a.yaml"
    assert a.save(elsewhere) == elsewhere
    assert "Trần Văn An" in elsewhere.read_text(encoding="utf-8")
    assert "Tòa án nhân dân tỉnh Sen Hồng" in path.read_text(encoding="utf-8")
    a.set_unit_text("dia_danh", "Sen Hồng")
    a.save()  # the new file is A's own now


def test_after_the_refusal_the_writer_can_reload(path: Path) -> None:
    a, b = Draft.open(path, defer=True), Draft.open(path)
    b.set_unit_text("ten", "Tòa án nhân dân tỉnh Sen Hồng")
    b.save()
    a.set_unit_text("nguoi_ky", "Trần Văn An")
    a.reload()
    assert not a.dirty and not a.disk_changed()
    assert a.unit_text("ten") == "Tòa án nhân dân tỉnh Sen Hồng" and a.unit_text("nguoi_ky") != "Trần Văn An"
    a.set_unit_text("nguoi_ky", "Trần Văn An")
    a.save()
    text = path.read_text(encoding="utf-8")
    assert "Tòa án nhân dân tỉnh Sen Hồng" in text and "Trần Văn An" in text


def test_a_text_editor_changing_the_file_is_noticed(path: Path) -> None:
    """Another program rewrites the file in place, same size, same modification time."""
    draft = Draft.open(path)
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Hoa Sen", "Hoa Mai", 1), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size
    draft.set_unit_text("nguoi_ky", "Trần Văn An")
    with pytest.raises(FileChangedError):
        draft.save()
    assert "Hoa Mai" in path.read_text(encoding="utf-8")


def test_a_file_deleted_or_created_meanwhile_is_noticed(path: Path, tmp_path: Path) -> None:
    draft = Draft.open(path)
    path.unlink()
    draft.set_unit_text("nguoi_ky", "Trần Văn An")
    with pytest.raises(FileChangedError, match="đã bị xóa hoặc đổi tên"):
        draft.save()
    fresh_path = tmp_path / "moi.yaml"
    fresh = Draft.open(fresh_path)  # not there yet: a new draft to be saved there
    fresh_path.write_text("nam: 2024\n", encoding="utf-8")
    with pytest.raises(FileChangedError):
        fresh.save()
    assert fresh_path.read_text(encoding="utf-8") == "nam: 2024\n"


def test_touching_the_file_is_not_a_change(path: Path) -> None:
    draft = Draft.open(path)
    os.utime(path, (1, 1))
    draft.set_unit_text("nguoi_ky", "Trần Văn An")
    draft.save()
    assert "Trần Văn An" in path.read_text(encoding="utf-8")


def test_the_recovery_file_needs_no_check(path: Path) -> None:
    a, b = Draft.open(path), Draft.open(path)
    a.set_unit_text("nguoi_ky", "Trần Văn An")
    b.set_unit_text("nguoi_ky", "Lê Thị Bình")
    assert a.write_recovery() is not None
    assert b.write_recovery() is not None  # the tool's own file: the last one wins
    assert "Lê Thị Bình" in a.recovery_file.read_text(encoding="utf-8")


def test_repeated_saves_of_one_writer_are_not_refused(path: Path) -> None:
    draft = Draft.open(path)
    for name in ("Một", "Hai", "Ba"):
        draft.set_unit_text("nguoi_ky", name)
        draft.save()
    assert "nguoi_ky: Ba" in path.read_text(encoding="utf-8")
