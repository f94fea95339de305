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

from drafting.editing.draft import Draft
from drafting.resources import SAMPLE_PATH
from drafting_tui.app import DraftingApp
from drafting_tui.check_screen import CheckScreen
from drafting_tui.phrases import PhraseExplanation, PhraseList
from drafting_tui.screens import ClaimScreen, HelpScreen
from drafting_tui.texts import GENERAL
from drafting_tui.widgets import EditArea

SIZE = (100, 30)


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def sample_app() -> DraftingApp:
    return DraftingApp(SAMPLE_PATH, cursor_blink=False, autosave=0)


def test_main_screen(snap_compare: Any) -> None:
    async def run_before(pilot: Any) -> None:
        await wait_settled(pilot)
        await steady(pilot)

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
        await steady(pilot)

    assert snap_compare(sample_app(), terminal_size=SIZE, run_before=run_before)


async def steady(pilot: Any) -> None:
    """Wait until the screen stops changing (scrolling into view ends after a refresh or two)."""
    app = pilot.app
    previous = ""
    for _ in range(40):
        await pilot.pause(0.05)
        shot = app.export_screenshot()
        if shot == previous:
            return
        previous = shot
    raise AssertionError("the screen kept changing")


SIZES = pytest.mark.parametrize("size", [(80, 24), (100, 30)], ids=["80x24", "100x30"])


def new_app(section: str = "I") -> DraftingApp:
    return DraftingApp(None, draft=Draft.new(2025), cursor_blink=False, autosave=0, start_section=section)


@SIZES
def test_help_screen(snap_compare: Any, size: tuple[int, int]) -> None:
    async def run_before(pilot: Any) -> None:
        await wait_settled(pilot)
        await steady(pilot)
        await pilot.press("f1")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, HelpScreen))

    assert snap_compare(sample_app(), terminal_size=size, run_before=run_before)


@SIZES
def test_check_dialog(snap_compare: Any, size: tuple[int, int]) -> None:
    async def run_before(pilot: Any) -> None:
        await wait_settled(pilot)
        await steady(pilot)
        await pilot.press("f5")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, CheckScreen), 30)
        await steady(pilot)

    assert snap_compare(new_app(), terminal_size=size, run_before=run_before)


@SIZES
def test_why_each_paragraph_is_there(snap_compare: Any, size: tuple[int, int]) -> None:
    async def run_before(pilot: Any) -> None:
        from drafting_tui.why_screen import WhyScreen

        await wait_settled(pilot)
        await steady(pilot)
        await pilot.press("f7")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, WhyScreen), 30)
        await steady(pilot)

    app = DraftingApp(SAMPLE_PATH, cursor_blink=False, autosave=0, start_section="I")
    assert snap_compare(app, terminal_size=size, run_before=run_before)


@SIZES
def test_documents_with_their_summaries(snap_compare: Any, size: tuple[int, int]) -> None:
    async def run_before(pilot: Any) -> None:
        app = pilot.app
        await wait_settled(pilot)
        await steady(pilot)
        app.query(".doc-summary").first().focus()
        await steady(pilot)

    app = DraftingApp(SAMPLE_PATH, cursor_blink=False, autosave=0, start_section="II.1")
    assert snap_compare(app, terminal_size=size, run_before=run_before)


@SIZES
def test_paragraph_focused_below_the_fold(snap_compare: Any, size: tuple[int, int]) -> None:
    async def run_before(pilot: Any) -> None:
        app = pilot.app
        await wait_settled(pilot)
        await steady(pilot)
        for k in range(3):
            app.draft.add_paragraph("III.1", f"Đoạn văn tự viết thứ {k + 1}: đơn vị đã làm tốt công tác này.")
        app.editor.rebuild()
        app.schedule_preview(0)
        await wait_settled(pilot)
        await steady(pilot)
        app.query_one(PhraseList).focus()
        await pilot.press("tab")
        await wait_for(pilot, lambda: isinstance(app.focused, EditArea))
        await steady(pilot)

    app = DraftingApp(SAMPLE_PATH, cursor_blink=False, autosave=0, start_section="III.1")
    assert snap_compare(app, terminal_size=size, run_before=run_before)


@SIZES
def test_phrase_list_with_an_explanation(snap_compare: Any, size: tuple[int, int]) -> None:
    async def run_before(pilot: Any) -> None:
        app = pilot.app
        await wait_settled(pilot)
        await steady(pilot)
        phrases = app.query_one(PhraseList)
        phrases.focus()
        phrases.highlighted = next(
            i for i, r in enumerate(phrases.rows) if r.phrase_id == "uu_diem.huy_sua_giam_trong_chi_tieu"
        )
        await wait_for(pilot, lambda: phrases.scroll_y > 0)  # the highlighted row scrolled into the list's view
        explanation = app.query_one(PhraseExplanation)
        await wait_for(pilot, lambda: explanation.region.bottom <= app.editor.content_region.bottom)
        await steady(pilot)

    app = DraftingApp(SAMPLE_PATH, cursor_blink=False, autosave=0, start_section="III.1")
    assert snap_compare(app, terminal_size=size, run_before=run_before)


@SIZES
def test_date_error_in_the_unit_information(snap_compare: Any, size: tuple[int, int]) -> None:
    async def run_before(pilot: Any) -> None:
        app = pilot.app
        await wait_settled(pilot)
        await steady(pilot)
        date = app.query_one("#unit-ngay")
        date.focus()
        await pilot.press(*"31/02/2025")
        await wait_for(pilot, lambda: date.has_class("invalid"))
        await steady(pilot)

    assert snap_compare(new_app(GENERAL), terminal_size=size, run_before=run_before)


CONTRADICTED = "han_che.huy_sua_cao_hon_muc_toi_da"


@SIZES
def test_choosing_a_contradicted_phrase_asks_for_a_confirmation(snap_compare: Any, size: tuple[int, int]) -> None:
    async def run_before(pilot: Any) -> None:
        app = pilot.app
        await wait_settled(pilot)
        await steady(pilot)
        phrases = app.query_one(PhraseList)
        phrases.focus()
        phrases.highlighted = next(i for i, r in enumerate(phrases.rows) if r.phrase_id == CONTRADICTED)
        await pilot.press("space")
        await wait_for(pilot, lambda: isinstance(app.screen, ClaimScreen))
        await steady(pilot)

    app = DraftingApp(SAMPLE_PATH, cursor_blink=False, autosave=0, start_section="III.2")
    assert snap_compare(app, terminal_size=size, run_before=run_before)


@SIZES
def test_phrase_list_with_a_contradicted_phrase_and_its_warning(snap_compare: Any, size: tuple[int, int]) -> None:
    async def run_before(pilot: Any) -> None:
        app = pilot.app
        await wait_settled(pilot)
        app.draft.choose_phrase("III.2", CONTRADICTED)
        app.schedule_preview(0)
        await wait_settled(pilot)
        phrases = app.query_one(PhraseList)
        await wait_for(pilot, lambda: any(r.phrase_id == CONTRADICTED and r.included for r in phrases.rows))
        phrases.focus()
        phrases.highlighted = next(i for i, r in enumerate(phrases.rows) if r.phrase_id == CONTRADICTED)
        explanation = app.query_one(PhraseExplanation)
        await wait_for(pilot, lambda: "Trái với số liệu" in str(explanation.render()))
        await steady(pilot)

    app = DraftingApp(SAMPLE_PATH, cursor_blink=False, autosave=0, start_section="III.2")
    assert snap_compare(app, terminal_size=size, run_before=run_before)
