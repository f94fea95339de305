"""SVG snapshots of the terminal UI (pytest-textual-snapshot), cursor blink off.

Regenerate after an intended change of the layout with
``.venv/bin/pytest tests/test_tui_snapshots.py --snapshot-update`` and review the SVG
files under ``tests/__snapshots__/``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tui_helpers import wait_for, wait_settled

from drafting.resources import SAMPLE_PATH
from drafting_tui.app import DraftingApp
from drafting_tui.screens import HelpScreen

SIZE = (100, 30)


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def sample_app() -> DraftingApp:
    return DraftingApp(SAMPLE_PATH, cursor_blink=False, autosave=0)


def test_main_screen(snap_compare: Any) -> None:
    async def run_before(pilot: Any) -> None:
        await wait_settled(pilot)

    assert snap_compare(sample_app(), terminal_size=SIZE, run_before=run_before)


def test_main_screen_after_a_figure(snap_compare: Any) -> None:
    async def run_before(pilot: Any) -> None:
        app = pilot.app
        await wait_settled(pilot)
        app.goto_section("I")
        await wait_settled(pilot)
        widget = app.query_one("#fig-to_chuc--bien_che_duoc_giao")
        widget.focus()
        widget.value = ""
        await pilot.press(*"1.500")
        await wait_settled(pilot)

    assert snap_compare(sample_app(), terminal_size=SIZE, run_before=run_before)


def test_help_screen(snap_compare: Any) -> None:
    async def run_before(pilot: Any) -> None:
        await wait_settled(pilot)
        await pilot.press("f1")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, HelpScreen))

    assert snap_compare(sample_app(), terminal_size=SIZE, run_before=run_before)
