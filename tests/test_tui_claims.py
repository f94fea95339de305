"""The writer and the claims in the terminal UI (#14, #11): a phrase the figures
contradict can be chosen, with a warning and a confirmation stored in the file; a claim
no figure shows is confirmed (or denied) from the phrase list; the states read in words.

Every test waits on a condition of the application, never on a fixed sleep.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_helpers import async_test, copy_sample, wait_for, wait_settled

from drafting.editing.draft import Draft
from drafting_tui.app import DraftingApp
from drafting_tui.phrases import PhraseList
from drafting_tui.screens import ClaimScreen, ConfirmScreen

SMALL = (80, 24)
CONTRADICTED = "han_che.huy_sua_cao_hon_muc_toi_da"
TO_CONFIRM = "han_che.khen_thuong_cham"


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def app_on(path: Path, section: str = "III.2") -> DraftingApp:
    return DraftingApp(path, cursor_blink=False, autosave=0, start_section=section)


async def highlight(pilot: object, app: DraftingApp, phrase_id: str) -> PhraseList:
    phrases = app.query_one(PhraseList)
    await wait_for(pilot, lambda: bool(phrases.rows))
    phrases.focus()
    phrases.highlighted = next(i for i, r in enumerate(phrases.rows) if r.phrase_id == phrase_id)
    return phrases


def prompt_of(phrases: PhraseList, phrase_id: str) -> str:
    index = next(i for i, r in enumerate(phrases.rows) if r.phrase_id == phrase_id)
    return str(phrases.get_option_at_index(index).prompt)


def row_of(app: DraftingApp, phrase_id: str) -> object:
    return next(r for r in app.query_one(PhraseList).rows if r.phrase_id == phrase_id)


@async_test
async def test_a_contradicted_phrase_is_chosen_with_a_confirmation_stored_in_the_file(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = app_on(path)
    async with app.run_test(size=SMALL) as pilot:
        await wait_settled(pilot)
        phrases = await highlight(pilot, app, CONTRADICTED)
        # The state is in words, not in colour only.
        assert "trái với số liệu" in prompt_of(phrases, CONTRADICTED)
        await pilot.press("space")
        await wait_for(pilot, lambda: isinstance(app.screen, ClaimScreen))
        dialog = app.screen
        body = " ".join(str(w.render()) for w in dialog.query(".dialog-body"))
        assert "Trái với số liệu: tỷ lệ bản án, quyết định bị hủy, sửa do nguyên nhân chủ quan 1,11%" in body
        assert dialog.query_one("#choice-confirm").region.bottom <= SMALL[1]
        app.screen.query_one("#reason").focus()
        await pilot.press(*"số liệu cấp huyện chưa đủ")
        await pilot.press("enter")  # the first button: choose and confirm
        await wait_for(pilot, lambda: app.screen is app.screen_stack[0])
        await wait_for(pilot, lambda: getattr(row_of(app, CONTRADICTED), "word", "") == "da_xac_nhan", 10)
        assert CONTRADICTED in [r.phrase_id for r in app.draft.content("III.2")]
        assert "bạn đã xác nhận giữ câu" in prompt_of(phrases, CONTRADICTED)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not app.draft.dirty)
    reread = Draft.open(path)
    stored = reread.data["xac_nhan"][CONTRADICTED]
    assert stored["ly_do"] == "số liệu cấp huyện chưa đủ" and "theo_so_lieu" in stored
    assert "xac_nhan:" in path.read_text(encoding="utf-8")


@async_test
async def test_a_contradicted_phrase_chosen_for_later_warns_and_is_confirmed_with_c(tmp_path: Path) -> None:
    app = app_on(copy_sample(tmp_path))
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        await wait_settled(pilot)
        phrases = await highlight(pilot, app, CONTRADICTED)
        await pilot.press("space")
        await wait_for(pilot, lambda: isinstance(app.screen, ClaimScreen))
        app.screen.query_one("#choice-later").press()
        await wait_for(pilot, lambda: getattr(row_of(app, CONTRADICTED), "included", False), 10)
        assert any(n.title == "Câu mẫu trái với số liệu" for n in app._notifications)
        assert "chưa xác nhận (C: xác nhận)" in prompt_of(phrases, CONTRADICTED)
        assert "xac_nhan" not in app.draft.data or CONTRADICTED not in app.draft.data["xac_nhan"]
        phrases.highlighted = next(i for i, r in enumerate(phrases.rows) if r.phrase_id == CONTRADICTED)
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(app.screen, ClaimScreen))
        assert app.screen.query_one("#choice-remove")  # kept, or left out
        app.screen.query_one("#choice-confirm").press()
        await wait_for(pilot, lambda: getattr(row_of(app, CONTRADICTED), "word", "") == "da_xac_nhan", 10)
        assert CONTRADICTED in app.draft.data["xac_nhan"]


@async_test
async def test_a_claim_no_figure_shows_is_confirmed_denied_and_forgotten_from_the_list(tmp_path: Path) -> None:
    app = app_on(copy_sample(tmp_path))
    async with app.run_test(size=SMALL) as pilot:
        await wait_settled(pilot)
        phrases = await highlight(pilot, app, TO_CONFIRM)
        assert "cần bạn xác nhận (C: xác nhận)" in prompt_of(phrases, TO_CONFIRM)
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(app.screen, ClaimScreen))
        app.screen.query_one("#choice-confirm").press()
        await wait_for(pilot, lambda: getattr(row_of(app, TO_CONFIRM), "word", "") == "da_xac_nhan", 10)
        assert "bạn đã xác nhận" in prompt_of(phrases, TO_CONFIRM)
        assert "khong" not in app.draft.data["xac_nhan"][TO_CONFIRM]
        # Confirmed: C offers to take the word back.
        phrases.highlighted = next(i for i, r in enumerate(phrases.rows) if r.phrase_id == TO_CONFIRM)
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        app.screen.query_one("#choice-forget").press()
        await wait_for(pilot, lambda: getattr(row_of(app, TO_CONFIRM), "word", "x") == "", 10)
        assert TO_CONFIRM not in (app.draft.data.get("xac_nhan") or {})
        # Denied: never suggested.
        phrases.highlighted = next(i for i, r in enumerate(phrases.rows) if r.phrase_id == TO_CONFIRM)
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(app.screen, ClaimScreen))
        app.screen.query_one("#choice-deny").press()
        await wait_for(pilot, lambda: getattr(row_of(app, TO_CONFIRM), "word", "") == "khong_dung", 10)
        assert app.draft.data["xac_nhan"][TO_CONFIRM]["khong"] is True
        assert "không đúng với đơn vị" in prompt_of(phrases, TO_CONFIRM)
