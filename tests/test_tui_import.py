"""The TUI's import from the command palette: the same report, into the draft in memory (#17)."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_helpers import data_values, expected_values, filled_template, write_data_file
from tui_helpers import async_test, wait_for, wait_settled

from drafting_tui.app import DraftingApp
from drafting_tui.importing import ImportScreen

SIZE = (120, 40)


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def report(app: DraftingApp) -> str:
    return str(app.screen.query_one("#import-report").render())


@async_test
async def test_import_from_the_palette(tmp_path: Path) -> None:
    data = tmp_path / "bao-cao-2025.yaml"
    before = write_data_file(data)
    book = filled_template(tmp_path / "so-lieu.xlsx")
    bad = filled_template(tmp_path / "sai.xlsx", values={("an_hinh_su.thu_ly", "ky_nay"): "mười"})
    app = DraftingApp(data, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await wait_settled(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"nhap so lieu")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ImportScreen), 10, "the import dialog")
        screen = app.screen
        assert isinstance(screen, ImportScreen)
        # A bad cell: its located line, nothing changed.
        screen.query_one("#import-book").value = str(bad)
        await pilot.click("#import-apply")
        await wait_for(pilot, lambda: "Không nhập được" in report(app))
        assert f"{bad}, trang Án hình sự, ô D4: “mười” không phải là số hợp lệ" in report(app)
        assert not app.draft.dirty
        # The preview changes nothing; the import fills the draft, which the writer saves.
        screen.query_one("#import-book").value = str(book)
        await pilot.click("#import-preview")
        await wait_for(pilot, lambda: "chạy thử" in report(app))
        assert not app.draft.dirty
        await pilot.click("#import-apply")
        await wait_for(pilot, lambda: "Đã nhập" in report(app) and "vào bản nháp" in report(app))
        assert app.draft.dirty and data.read_bytes() == before
        for (figure_id, part), value in expected_values().items():
            assert app.draft.figure_value(figure_id, part) == value  # type: ignore[arg-type]
        await pilot.click("#import-close")
        await wait_for(pilot, lambda: not isinstance(app.screen, ImportScreen))
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not app.draft.dirty)
    assert data_values(data) == expected_values()
