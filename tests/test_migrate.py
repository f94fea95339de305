"""Data files carry a format version; older files are migrated, never silently (#12).

Files written before versions existed are version 1. ``check`` and ``render`` read them
(migrated in memory) and say so on stderr naming the migration; the editor marks the
draft changed and shows a note; saving writes the new version. A file of a newer
version, or with a version that is not one, is refused with a located message.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from tui_helpers import async_test, wait_settled

from drafting.cli import main
from drafting.datafile.migrate import CURRENT, MIGRATIONS, VERSION_KEY, migrate, version_of
from drafting.datafile.validate import parse_report, validate_report
from drafting.editing.draft import Draft
from drafting.errors import ProblemsError
from drafting.files.yamlio import parse_yaml, read_yaml_file

ROOT = Path(__file__).resolve().parent.parent
OLD = ROOT / "tests" / "corpus" / "hien_nay" / "toi-thieu-2024.yaml"


@pytest.fixture
def old(tmp_path: Path) -> Path:
    """A file of format version 1 (no ``phien_ban``)."""
    return Path(shutil.copy(OLD, tmp_path / "cu.yaml"))


def test_the_registry_runs_from_version_1_to_the_current_one() -> None:
    assert [m.source for m in MIGRATIONS] == list(range(1, CURRENT))
    assert CURRENT == 2 and MIGRATIONS[0].name == "them_phien_ban"
    assert version_of({}) == 1 and version_of({VERSION_KEY: 2}) == 2 and version_of({VERSION_KEY: "hai"}) is None


def test_migrating_keeps_the_comments_and_adds_only_the_version(old: Path) -> None:
    data, text = read_yaml_file(old)
    assert [m.name for m in migrate(data)] == ["them_phien_ban"]
    from drafting.files.yamlio import dump_yaml

    assert dump_yaml(data) == text.replace("nam: 2024\n", "nam: 2024\nphien_ban: 2\n", 1)
    assert migrate(data) == ()  # already current


def test_check_and_render_say_which_migration_they_applied(old: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = old.read_text(encoding="utf-8")
    assert main(["check", str(old), "--format", "json"]) == 1
    out, err = capsys.readouterr()
    json.loads(out)  # the findings stay as they were; the note goes to stderr
    assert err.startswith(f"{old}: cảnh báo: tệp viết theo định dạng phiên bản 1; khi đọc đã chuyển sang phiên bản 2")
    assert "(them_phien_ban:" in err
    assert main(["render", str(old), "-o", str(old.with_suffix(".md"))]) == 0
    out, err = capsys.readouterr()
    assert "them_phien_ban" in err and out.startswith("Đã ghi")
    assert old.read_text(encoding="utf-8") == before  # never written by reading
    current = old.with_name("moi.yaml")
    assert main(["new", str(current), "--year", "2025"]) == 0
    capsys.readouterr()
    assert main(["check", str(current)]) == 1
    assert "cảnh báo: tệp viết theo định dạng" not in capsys.readouterr().err


def test_validating_data_in_memory_migrates_a_copy() -> None:
    data = parse_yaml(OLD.read_text(encoding="utf-8"), "cu.yaml")
    report = validate_report(data, "cu.yaml")
    assert VERSION_KEY not in data  # the caller's document is not changed
    assert len(report.migrations) == 1 and "them_phien_ban" in report.migrations[0]
    current = OLD.read_text(encoding="utf-8").replace("nam: 2024\n", "nam: 2024\nphien_ban: 2\n")
    assert parse_report(current).migrations == ()


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("3", "tệp viết theo định dạng phiên bản 3, mới hơn phiên bản 2 mà công cụ này đọc được; hãy cập nhật công cụ"),
        ("hai", "phiên bản định dạng phải là số nguyên từ 1 đến 2, không phải văn bản"),
    ],
)
def test_a_newer_or_unreadable_version_is_refused(value: str, message: str) -> None:
    with pytest.raises(ProblemsError) as caught:
        parse_report(f"nam: 2024\nphien_ban: {value}\n", "bc.yaml")
    (problem,) = caught.value.problems
    assert (problem.line, problem.key, problem.message) == (2, "phien_ban", message)


def test_the_editor_marks_an_older_file_changed_and_saving_writes_the_version(old: Path) -> None:
    draft = Draft.open(old)
    assert draft.dirty and "them_phien_ban" in draft.notes[0]
    draft.save()
    assert "\nphien_ban: 2\n" in old.read_text(encoding="utf-8")
    again = Draft.open(old)
    assert not again.dirty and again.notes == ()


def test_new_files_carry_overs_and_consolidations_are_written_in_the_current_format(
    old: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    carried = old.with_name("nam-sau.yaml")
    assert main(["new", str(carried), "--from", str(old)]) == 0
    assert "\nphien_ban: 2\n" in carried.read_text(encoding="utf-8")
    total = old.with_name("tong.yaml")
    assert main(["consolidate", str(old), str(OLD.with_name("don-vi-hoa-mai-2024.yaml")), "-o", str(total)]) == 0
    err = capsys.readouterr().err
    assert f"{old}: phien_ban: tệp viết theo định dạng phiên bản 1" in err
    assert "\nphien_ban: 2\n" in total.read_text(encoding="utf-8")


@async_test
async def test_the_editor_says_it_in_a_note(old: Path) -> None:
    from drafting_tui.app import DraftingApp

    app = DraftingApp(old, cursor_blink=False)  # type: ignore[arg-type]
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await wait_settled(pilot)
        assert any("them_phien_ban" in str(n.message) for n in app._notifications)
        assert app.draft.dirty and "chưa lưu" in app.sub_title
