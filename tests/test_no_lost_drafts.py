"""Nothing the writer typed is lost: saves are atomic, autosave recovers after a crash.

A writer process saving a large document over and over is killed (SIGKILL) at random
moments; the file on disk is always one complete version (the last saved or the one
being saved), never a partial one, and temp files left by killed writers do not pile up.
"""

from __future__ import annotations

import os
import random
import re
import select
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from drafting.files.atomic import write_text as atomic_write_text
from drafting.files.yamlio import parse_yaml

# The document generator, shared by the test and the writer process.
GENERATOR = textwrap.dedent(
    """
    def make_document(version, paragraphs):
        lines = [f"# Bản nháp số {version}", "nam: 2024", f"phien_ban: {version}", "noi_dung:", "  I:"]
        for j in range(paragraphs):
            lines.append(
                f'    - van_ban: "Đoạn {j} của bản {version}: Tòa án nhân dân tỉnh Hoa Sen '
                f'tổ chức phong trào thi đua, khen thưởng năm 2024 đạt kết quả tốt."'
            )
        lines.append(f"ket_thuc: {version}")
        return "\\n".join(lines) + "\\n"
    """
)
WRITER = GENERATOR + textwrap.dedent(
    """
    import sys
    from drafting.files.atomic import write_text as atomic_write_text

    path, version, paragraphs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    while True:
        atomic_write_text(path, make_document(version, paragraphs))
        print(version, flush=True)
        version += 1
    """
)
namespace: dict[str, object] = {}
exec(GENERATOR, namespace)  # noqa: S102 - our own constant source
make_document = namespace["make_document"]

PARAGRAPHS = 6000  # about 900 KB: a save takes long enough to be killed in the middle
KILLS = 8
VERSION = re.compile(r"phien_ban: (\d+)\n")


def temp_files(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f".{path.name}.*"))


def assert_one_complete_version(path: Path) -> int:
    text = path.read_text(encoding="utf-8")
    found = VERSION.search(text[:200])
    assert found, text[:200]
    version = int(found.group(1))
    assert text == make_document(version, PARAGRAPHS), f"version {version} is not complete"  # type: ignore[operator]
    return version


def test_the_generated_document_is_valid_yaml() -> None:
    data = parse_yaml(make_document(7, 20), "mau.yaml")  # type: ignore[operator]
    assert data["phien_ban"] == data["ket_thuc"] == 7
    assert len(data["noi_dung"]["I"]) == 20


def test_killed_saves_never_leave_a_partial_file(tmp_path: Path) -> None:
    path = tmp_path / "bao-cao.yaml"
    atomic_write_text(path, make_document(0, PARAGRAPHS))  # type: ignore[operator]
    rng = random.Random(20241125)
    version, saved_in_flight = 1, 0
    for _ in range(KILLS):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), str(version), str(PARAGRAPHS)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert writer.stdout is not None
        # Wait for a first save (the interpreter starts slowly), then kill at random.
        ready, _, _ = select.select([writer.stdout], [], [], 60)
        assert ready, "the writer did not save within 60 s"
        confirmed = [int(writer.stdout.readline())]
        time.sleep(rng.uniform(0.0, 0.25))
        writer.send_signal(signal.SIGKILL)
        out, err = writer.communicate(timeout=30)
        assert writer.returncode == -signal.SIGKILL, err
        confirmed += [int(line) for line in out.split()]

        on_disk = assert_one_complete_version(path)
        # Either the last confirmed save or the one being saved when the writer died.
        assert on_disk in (confirmed[-1], confirmed[-1] + 1), (on_disk, confirmed[-1])
        saved_in_flight += on_disk == confirmed[-1] + 1
        # At most the temp file of the save that was interrupted.
        assert len(temp_files(path)) <= 1, temp_files(path)
        version = confirmed[-1] + 2

    # A later save cleans up after a killed writer.
    atomic_write_text(path, make_document(version, PARAGRAPHS))  # type: ignore[operator]
    assert assert_one_complete_version(path) == version
    assert temp_files(path) == []


def test_atomic_write_keeps_permissions_and_cleans_up_on_error(tmp_path: Path) -> None:
    path = tmp_path / "bao-cao.yaml"
    atomic_write_text(path, "nam: 2024\n")
    path.chmod(0o640)
    atomic_write_text(path, "nam: 2025\n")
    assert path.read_text(encoding="utf-8") == "nam: 2025\n"
    assert path.stat().st_mode & 0o777 == 0o640
    with pytest.raises(UnicodeEncodeError):
        atomic_write_text(path, "nam: 2026 \ud800\n")  # a lone surrogate cannot be written
    assert path.read_text(encoding="utf-8") == "nam: 2025\n"
    assert temp_files(path) == []


# --------------------------------------------------------------------------- autosave

draft = pytest.importorskip("drafting.editing.draft")
Draft = draft.Draft
NEEDED = ("save", "write_recovery", "has_recovery", "restore_recovery", "set_unit_text", "unit_text")
pytestmark_draft = pytest.mark.skipif(
    not all(hasattr(Draft, name) for name in NEEDED), reason="Draft API without autosave recovery"
)


@pytestmark_draft
def test_autosave_brings_back_an_edit_after_a_crash(tmp_path: Path, sample_text: str) -> None:
    path = tmp_path / "bao-cao.yaml"
    path.write_text(sample_text, encoding="utf-8")
    editing = Draft.open(path)
    assert editing.set_unit_text("nguoi_ky", "Trần Thị Mới Sửa")
    editing.add_paragraph("II.6", "Đoạn văn vừa gõ, chưa lưu.")
    recovery = editing.write_recovery()
    assert recovery is not None and recovery.is_file()
    assert path.read_text(encoding="utf-8") == sample_text  # the file itself is untouched
    del editing  # the application dies here, without saving

    assert Draft.has_recovery(path)
    reopened = Draft.open(path)
    assert reopened.unit_text("nguoi_ky") == "Nguyễn Thị Thanh Hương"
    reopened.restore_recovery()
    assert reopened.unit_text("nguoi_ky") == "Trần Thị Mới Sửa"
    assert "Đoạn văn vừa gõ, chưa lưu." in reopened.text()
    assert reopened.dirty
    reopened.save()
    assert not Draft.has_recovery(path)
    assert not recovery.exists()
    saved = Draft.open(path)
    assert saved.unit_text("nguoi_ky") == "Trần Thị Mới Sửa"
    assert "# Thông tin đơn vị" in path.read_text(encoding="utf-8")  # comments kept


AUTOSAVER = textwrap.dedent(
    """
    import sys
    from drafting.editing.draft import Draft

    draft = Draft.open(sys.argv[1])
    i = 0
    while True:
        i += 1
        draft.set_unit_text("nguoi_ky", f"Người ký bản {i}")
        draft.write_recovery()
        print(i, flush=True)
    """
)


@pytestmark_draft
def test_autosave_killed_mid_write_still_recovers(tmp_path: Path, sample_text: str) -> None:
    path = tmp_path / "bao-cao.yaml"
    path.write_text(sample_text, encoding="utf-8")
    writer = subprocess.Popen(
        [sys.executable, "-c", AUTOSAVER, str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert writer.stdout is not None
    ready, _, _ = select.select([writer.stdout], [], [], 60)
    assert ready, "the autosaver did not write within 60 s"
    confirmed = [int(writer.stdout.readline())]
    time.sleep(0.3)
    writer.send_signal(signal.SIGKILL)
    out, _ = writer.communicate(timeout=30)
    confirmed += [int(line) for line in out.split()]

    assert path.read_text(encoding="utf-8") == sample_text
    assert Draft.has_recovery(path)
    reopened = Draft.open(path)
    reopened.restore_recovery()
    name = reopened.unit_text("nguoi_ky")
    assert name in (f"Người ký bản {confirmed[-1]}", f"Người ký bản {confirmed[-1] + 1}")
    assert len(list(tmp_path.glob(".*.tmp"))) <= 1
    assert os.path.getsize(reopened.recovery_file) > len(sample_text) // 2
