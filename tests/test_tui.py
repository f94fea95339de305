"""The terminal UI driven with Textual's Pilot: open, edit, preview, save, recover, export.

Every test waits on a condition of the application (``wait_for``), never on a fixed
sleep.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import RadioButton
from tui_helpers import STARTUP_TIMEOUT, async_test, copy_sample, wait_for, wait_settled

from drafting.bank.bank import Bank
from drafting.editing.draft import Draft
from drafting.resources import SAMPLE_PATH
from drafting_tui.app import DraftingApp
from drafting_tui.check_screen import CheckScreen
from drafting_tui.outline import OutlineTree
from drafting_tui.phrases import PhraseList
from drafting_tui.screens import ConfirmScreen, ExportScreen, HelpScreen, MessageScreen, PathScreen
from drafting_tui.targets import ListItemTarget, RemoveListItem
from drafting_tui.texts import GENERAL, KEYS_HELP
from drafting_tui.widgets import ActionButton, EditInput, FigureGroupBox, row_of

SIZE = (120, 40)
FIGURE = "#fig-an_hinh_su--thu_ly-ky_nay"


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run in an empty folder: an unsaved draft keeps its recovery file in the current folder."""
    monkeypatch.chdir(tmp_path)


def make_app(path: Path | None = SAMPLE_PATH, **kwargs: object) -> DraftingApp:
    kwargs.setdefault("cursor_blink", False)
    return DraftingApp(path, **kwargs)  # type: ignore[arg-type]


async def open_group(pilot: object, app: DraftingApp, section: str, group: str) -> None:
    """Go to a section and open one of its figure groups."""
    app.goto_section(section)
    await wait_for(pilot, lambda: app.editor_ready and app.section_id == section, 10, f"section {section}")
    box = next(b for b in app.query(FigureGroupBox) if b.group_id == group)
    box.collapsed = False
    await wait_for(pilot, lambda: bool(box.inputs), 10, f"the inputs of {group}")


def error_of(widget: EditInput) -> str:
    """The reason shown under a field's row ("" when none)."""
    row = row_of(widget)
    return row.error if row is not None else ""


async def type_into(pilot: object, app: DraftingApp, selector: str, text: str) -> EditInput:
    widget = app.query_one(selector, EditInput)
    widget.focus()
    widget.value = ""
    await pilot.press(*text)  # type: ignore[attr-defined]
    return widget


# -- opening --------------------------------------------------------------------


@async_test
async def test_open_sample_is_an_untitled_draft() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_settled(pilot)
        assert app.draft.untitled and not app.draft.dirty
        assert "ĐẶC ĐIỂM TÌNH HÌNH" in app.preview_plain()
        assert "362 người" in app.preview_plain()
        assert "bản nháp mới" in app.sub_title
        tree = app.query_one(OutlineTree)
        labels = [str(node.label) for node in tree.root.children]
        assert any("ĐẶC ĐIỂM TÌNH HÌNH" in label for label in labels)
        # Every section carries a completion mark computed by the library.
        assert tree.marks and all(str(tree.nodes_by_id[s].label)[0] in "✓◐○" for s in app.outline.ids)


@async_test
async def test_move_to_a_section_with_the_outline() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_settled(pilot)
        tree = app.query_one(OutlineTree)
        tree.focus()
        # I → II → II.1 → II.2 → II.2.a → II.2.b → II.3
        await pilot.press(*["down"] * 6, "enter")
        await wait_for(pilot, lambda: app.section_id == "II.3" and app.editor_ready)
        await wait_settled(pilot)
        assert "Kết quả thực hiện các chỉ tiêu thi đua" in app.preview_plain()
        assert "Án hình sự: thụ lý 1.412 vụ" in app.preview_plain()
        # The editor is generated from the catalogue: one box per figure group of II.3.
        groups = [b.group_id for b in app.query(FigureGroupBox)]
        assert groups == list(app.outline.section("II.3").figure_groups)


@async_test
async def test_typed_figure_reaches_the_preview_formatted() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_settled(pilot)
        await open_group(pilot, app, "II.3", "an_hinh_su")
        await type_into(pilot, app, FIGURE, "1.500")
        await wait_settled(pilot, 10)
        text = app.preview_plain()
        assert "Án hình sự: thụ lý 1.500 vụ, tăng 182 vụ (tăng 13,81%) so với cùng kỳ năm 2023" in text
        assert app.draft.figure_value("an_hinh_su.thu_ly", "ky_nay") == 1500
        assert app.draft.dirty


@async_test
async def test_invalid_number_is_marked_and_kept_out_of_the_draft() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_settled(pilot)
        await open_group(pilot, app, "II.3", "an_hinh_su")
        version = app.draft.version
        before = app.preview_plain()
        widget = app.query_one(FIGURE, EditInput)
        assert widget.value == "1.412"
        widget.focus()
        # Appending ",5" makes the value a decimal: refused with the reason, the draft keeps 1412.
        await pilot.press("end", "comma", "5")
        await wait_for(pilot, lambda: widget.has_class("invalid"))
        assert widget.value == "1.412,5"
        assert error_of(widget)
        assert "số nguyên" in error_of(widget)
        assert app.draft.figure_value("an_hinh_su.thu_ly", "ky_nay") == 1412
        assert app.draft.version == version and not app.draft.dirty
        # Letters and misplaced separators are refused too.
        widget.value = "1.41x"
        await wait_for(pilot, lambda: "không phải là số hợp lệ" in error_of(widget))
        widget.value = "1.2.3"
        await wait_for(pilot, lambda: "“1.2.3” không phải là số hợp lệ" in error_of(widget))
        assert app.draft.figure_value("an_hinh_su.thu_ly", "ky_nay") == 1412
        assert app.draft.version == version
        await wait_settled(pilot)
        assert app.preview_plain() == before
        # A valid value clears the mark.
        await type_into(pilot, app, FIGURE, "1.413")
        await wait_for(pilot, lambda: not widget.has_class("invalid"))
        assert not error_of(widget)
        assert app.draft.figure_value("an_hinh_su.thu_ly", "ky_nay") == 1413


@async_test
async def test_include_and_exclude_a_phrase_changes_the_preview() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_settled(pilot)
        app.goto_section("III.1")
        await wait_for(pilot, lambda: app.section_id == "III.1" and app.editor_ready)
        await wait_settled(pilot)
        phrases = app.query_one(PhraseList)
        await wait_for(pilot, lambda: bool(phrases.rows))
        # While nothing is chosen, the suggested phrases are included automatically.
        assert all(not r.chosen for r in phrases.rows)
        # (A phrase the figures contradict asks first: tests/test_tui_claims.py.)
        index = next(i for i, r in enumerate(phrases.rows) if not r.included and r.state != "trai_so_lieu")
        candidate = phrases.rows[index].phrase_id
        phrases.focus()
        phrases.highlighted = index
        before = app.preview_plain()
        await pilot.press("space")
        await wait_for(pilot, lambda: any(r.phrase_id == candidate and r.included for r in phrases.rows))
        await wait_settled(pilot)
        with_phrase = app.preview_plain()
        assert with_phrase != before
        row = next(r for r in phrases.rows if r.phrase_id == candidate)
        assert row.text and row.text[:40] in with_phrase
        # The suggestions were kept when the writer made the first choice.
        chosen = [r.phrase_id for r in app.draft.content("III.1")]
        assert candidate in chosen and len(chosen) > 1
        phrases.highlighted = next(i for i, r in enumerate(phrases.rows) if r.phrase_id == candidate)
        await pilot.press("space")
        await wait_for(pilot, lambda: any(r.phrase_id == candidate and not r.included for r in phrases.rows))
        await wait_settled(pilot)
        assert app.preview_plain() == before


@async_test
async def test_cycle_pin_and_reorder_phrases() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_settled(pilot)
        app.goto_section("III.1")
        await wait_settled(pilot)
        phrases = app.query_one(PhraseList)
        await wait_for(pilot, lambda: bool(phrases.rows))
        index = next(i for i, r in enumerate(phrases.rows) if r.included and r.variants > 1)
        row = phrases.rows[index]
        phrases.focus()
        phrases.highlighted = index
        await pilot.press("v")
        expected = row.shown % row.variants + 1
        await wait_for(pilot, lambda: any(r.phrase_id == row.phrase_id and r.pinned == expected for r in phrases.rows))
        await wait_settled(pilot)
        pinned = next(r for r in phrases.rows if r.phrase_id == row.phrase_id)
        assert pinned.shown == expected and pinned.text[:40] in app.preview_plain()
        # Move it to the top.
        phrases.highlighted = next(i for i, r in enumerate(phrases.rows) if r.phrase_id == row.phrase_id)
        for _ in range(index):
            await pilot.press("left_square_bracket")
        await wait_for(pilot, lambda: app.draft.content("III.1")[0].phrase_id == row.phrase_id)
        assert app.draft.content("III.1")[0].variant == expected
        # G unpins.
        phrases.highlighted = 0
        await pilot.press("g")
        await wait_for(pilot, lambda: app.draft.content("III.1")[0].variant is None)


@async_test
async def test_paragraphs_are_written_verbatim() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_settled(pilot)
        app.goto_section("IV.3")
        await wait_settled(pilot)
        app.query_one("#add-paragraph", ActionButton).press()
        await wait_for(pilot, lambda: app.editor_ready and bool(app.query(".paragraph")))
        area = app.query(".paragraph").last()
        area.focus()
        await pilot.press(*"Đề nghị {{ nam }} bổ sung biên chế")
        await wait_settled(pilot, 10)
        assert "Đề nghị {{ nam }} bổ sung biên chế" in app.preview_plain()
        texts = [r.text for r in app.draft.content("IV.3") if not r.is_phrase]
        assert texts == ["Đề nghị {{ nam }} bổ sung biên chế"]


@async_test
async def test_document_rows_add_edit_remove(tmp_path: Path) -> None:
    app = make_app(copy_sample(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await wait_settled(pilot)
        app.goto_section("II.1")
        await wait_settled(pilot)
        count = len(app.draft.documents("ban_hanh"))
        form = app.query_one("#new-van-ban-ban-hanh")
        form.query_one(".new-so").value = "21/KH-TA"
        form.query_one(".new-ngay").value = "31/02/2024"
        form.query_one(".new-trich").value = "Kế hoạch tuyên truyền"
        add = form.query_one(".add", ActionButton)
        add.press()
        await wait_for(pilot, lambda: bool(form.error))
        assert "không có thật" in form.error
        assert len(app.draft.documents("ban_hanh")) == count
        form.query_one(".new-ngay").value = "05/12/2024"
        add.press()
        await wait_for(pilot, lambda: len(app.draft.documents("ban_hanh")) == count + 1)
        await wait_settled(pilot)
        assert "Kế hoạch số 21/KH-TA ngày 05/12/2024 tuyên truyền" in app.preview_plain()
        # Edit the new row inline, then remove it.
        row = app.draft.documents("ban_hanh")[-1]
        summary = next(w for w in app.query(EditInput) if w.target == ListItemTarget("van_ban", row.index, "trich_yeu"))
        summary.focus()
        await pilot.press("end", *" năm 2025")
        await wait_for(pilot, lambda: app.draft.documents("ban_hanh")[-1].summary.endswith("năm 2025"))
        summary.value = ""
        await wait_for(pilot, lambda: summary.has_class("invalid"))
        assert app.draft.documents("ban_hanh")[-1].summary.endswith("năm 2025")
        button = next(
            b
            for b in app.query(".delete").results(ActionButton)
            if isinstance(message := b.message(), RemoveListItem) and message.index == row.index
        )
        button.press()
        await wait_for(pilot, lambda: len(app.draft.documents("ban_hanh")) == count)


@async_test
async def test_movement_results_and_custom_movements() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_settled(pilot)
        app.goto_section("II.2.b")
        await wait_settled(pilot)
        form = app.query_one(".list-new")
        form.query_one(".new-ten").value = "Thi đua chuyển đổi số"
        form.query_one(".add", ActionButton).press()
        await wait_for(pilot, lambda: any(r.name == "Thi đua chuyển đổi số" for r in app.draft.movements("b")))
        await wait_settled(pilot)
        assert "[Chưa nhập: kết quả thực hiện phong trào “Thi đua chuyển đổi số”]" in app.preview_plain()
        area = next(a for a in app.query(".movement-result") if isinstance(getattr(a, "target", None), ListItemTarget))
        area.focus()
        await pilot.press(*"Đạt kết quả tốt")
        await wait_settled(pilot, 10)
        assert "Phong trào “Thi đua chuyển đổi số”: Đạt kết quả tốt." in app.preview_plain()


# -- saving, recovery, quitting ----------------------------------------------------------


@async_test
async def test_save_keeps_comments_and_writes_the_value(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_settled(pilot)
        await open_group(pilot, app, "II.3", "an_hinh_su")
        await type_into(pilot, app, FIGURE, "1.500")
        await wait_for(pilot, lambda: app.draft.dirty)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not app.draft.dirty)
    text = path.read_text(encoding="utf-8")
    assert "  an_hinh_su:\n    thu_ly:\n      ky_nay: 1500\n      cung_ky: 1318\n" in text
    assert "  # Án hình sự (chỉ tiêu giải quyết: từ 90% trở lên).\n  an_hinh_su:" in text
    assert text.startswith("# ==============")
    assert not list(tmp_path.glob("*.autosave.yaml"))


@async_test
async def test_first_save_of_the_sample_asks_for_a_path(tmp_path: Path) -> None:
    app = make_app()
    original = SAMPLE_PATH.read_bytes()
    async with app.run_test(size=SIZE) as pilot:
        await wait_settled(pilot)
        await open_group(pilot, app, "II.3", "an_hinh_su")
        await type_into(pilot, app, FIGURE, "1.600")
        await wait_for(pilot, lambda: app.draft.dirty)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, PathScreen))
        assert app.screen.query_one("#path").value == "bao-cao-2024.yaml"
        await pilot.press("enter")
        await wait_for(pilot, lambda: not app.draft.dirty)
        assert app.draft.path == Path("bao-cao-2024.yaml")
    assert "ky_nay: 1600" in (tmp_path / "bao-cao-2024.yaml").read_text(encoding="utf-8")
    assert SAMPLE_PATH.read_bytes() == original


@async_test
async def test_autosave_then_restore_after_a_crash(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    recovery = tmp_path / "bao-cao.autosave.yaml"
    app = make_app(path, autosave=0.2)
    async with app.run_test(size=SIZE) as pilot:
        await wait_settled(pilot)
        await open_group(pilot, app, "II.3", "an_hinh_su")
        await type_into(pilot, app, FIGURE, "1.777")
        # Autosave runs while the value is typed: wait for the one written after the last key.
        await wait_for(
            pilot,
            lambda: recovery.exists() and "ky_nay: 1777" in recovery.read_text(encoding="utf-8"),
            10,
            "the recovery file with the typed value",
        )
    # The file itself was never saved.
    assert "ky_nay: 1777" not in path.read_text(encoding="utf-8")
    again = make_app(path)
    async with again.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(again.screen, ConfirmScreen), STARTUP_TIMEOUT)
        await pilot.press("enter")  # “Khôi phục”
        await wait_for(pilot, lambda: again.draft.figure_value("an_hinh_su.thu_ly", "ky_nay") == 1777)
        assert again.draft.dirty
        await wait_settled(pilot)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not again.draft.dirty)
    assert "ky_nay: 1777" in path.read_text(encoding="utf-8")
    assert not recovery.exists()


@async_test
async def test_discarding_the_recovery_file(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    draft = Draft.open(path)
    draft.set_figure_text("an_hinh_su.thu_ly", "ky_nay", "9")
    recovery = draft.write_recovery()
    assert recovery is not None and recovery.exists()
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen), STARTUP_TIMEOUT)
        app.screen.query_one("#choice-discard").press()
        await wait_for(pilot, lambda: not recovery.exists())
        assert app.draft.figure_value("an_hinh_su.thu_ly", "ky_nay") == 1412


@async_test
async def test_quitting_with_unsaved_changes_asks_first(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_settled(pilot)
        await open_group(pilot, app, "II.3", "an_hinh_su")
        await type_into(pilot, app, FIGURE, "1.501")
        await wait_for(pilot, lambda: app.draft.dirty)
        await pilot.press("ctrl+q")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        app.screen.query_one("#choice-stay").press()
        await wait_for(pilot, lambda: not isinstance(app.screen, ConfirmScreen))
        assert app.is_running
        await pilot.press("ctrl+q")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        app.screen.query_one("#choice-save").press()
        await wait_for(pilot, lambda: not app.is_running)
    assert "ky_nay: 1501" in path.read_text(encoding="utf-8")


@async_test
async def test_quitting_without_changes_does_not_ask() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_settled(pilot)
        await pilot.press("ctrl+q")
        await wait_for(pilot, lambda: not app.is_running)
    assert not app.is_running  # no confirmation screen held the app open


# -- export ---------------------------------------------------------------------------


@async_test
async def test_export_docx_contains_the_typed_figure(tmp_path: Path) -> None:
    import docx

    app = make_app()
    target = tmp_path / "xuat" / "bao-cao.docx"
    target.parent.mkdir()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await wait_settled(pilot)
        await open_group(pilot, app, "II.3", "an_hinh_su")
        await type_into(pilot, app, FIGURE, "1.500")
        await wait_settled(pilot, 10)
        await pilot.press("ctrl+e")
        await wait_for(pilot, lambda: isinstance(app.screen, ExportScreen))
        app.screen.query_one("#export-path").value = str(target)
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.flows.export_count == 1, 60, "the export")
        assert any(str(target) in str(n.message) for n in app._notifications)
    text = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    assert "thụ lý 1.500 vụ, tăng 182 vụ" in text


@async_test
async def test_export_markdown_from_the_palette(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_settled(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"Markdown")
        await wait_for(pilot, lambda: bool(app.screen.query("CommandList Option")) or True)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ExportScreen))
        assert app.screen.query_one("#export-path").value == str(tmp_path / "bao-cao.md")
        # The chosen format reads without colours: ● on it, ○ on the others.
        marks = {b.id: str(b.render()) for b in app.screen.query(RadioButton)}
        assert marks["fmt-md"].startswith("▐●▌") and marks["fmt-docx"].startswith("▐○▌")
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.flows.export_count == 1, 60, "the export")
    assert "Án hình sự: thụ lý 1.412 vụ" in (tmp_path / "bao-cao.md").read_text(encoding="utf-8")


# -- palette, help, checks, layout, problems ---------------------------------------------------


@async_test
async def test_palette_jumps_to_a_section() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_settled(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"cong tac khen")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.section_id == "II.4" and app.editor_ready)
        assert app.section_id == "II.4"


@async_test
async def test_palette_says_in_vietnamese_that_nothing_matched() -> None:
    from textual.command import CommandList

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_settled(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"xyzzy")

        def message() -> str:
            found = app.screen.query(CommandList)
            options = found.first().options if found else []
            return " ".join(str(o.prompt.renderable) for o in options if o.id == "--no-matches")

        await wait_for(pilot, lambda: bool(message()), 10, "the no-match line")
        assert message() == "Không có mục, câu mẫu hay lệnh nào khớp với “xyzzy”"


@async_test
async def test_palette_inserts_a_phrase_into_the_current_section() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_settled(pilot)
        app.goto_section("IV.3")
        await wait_settled(pilot)
        phrase = next(p for p in app.bank.phrases.values() if p.section == "IV.3")
        candidates = [p for p in app.bank.phrases.values() if p.section == "IV.3"]
        assert candidates
        await pilot.press("ctrl+p")
        await pilot.press(*phrase.description[:30])
        await pilot.pause(0.3)
        await pilot.press("enter")
        await wait_for(pilot, lambda: phrase.id in [r.phrase_id for r in app.draft.content("IV.3")])


@async_test
async def test_help_screen_lists_every_key() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_settled(pilot)
        await pilot.press("f1")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        listed = " ".join(key.lower() for _, keys in KEYS_HELP for key, _ in keys)
        for binding in (*DraftingApp.BINDINGS, *PhraseList.BINDINGS):
            key = binding.key.split(",")[0]  # type: ignore[union-attr]
            name = {"question_mark": "?", "left_square_bracket": "[", "right_square_bracket": "]", "escape": "esc"}.get(
                key, key
            )
            assert name.lower() in listed, key
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, HelpScreen))


@async_test
async def test_checks_run_from_the_ui() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_settled(pilot)
        await pilot.press("f5")
        await wait_for(pilot, lambda: isinstance(app.screen, CheckScreen), 30)
        assert "Kết quả kiểm tra" in str(app.screen.query_one(".dialog-title").render())


@async_test
async def test_narrow_terminal_collapses_panes() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_settled(pilot)
        outline, preview = app.query_one("#outline"), app.query_one("#preview")
        assert not outline.display and not preview.display and app.query_one("#editor").display
        await pilot.press("f2")
        await wait_for(pilot, lambda: outline.display)
        await pilot.press("f2")
        await wait_for(pilot, lambda: not outline.display)
        await pilot.press("f3")
        await wait_for(pilot, lambda: preview.display and not app.query_one("#editor").display)


@async_test
async def test_whole_report_preview() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_settled(pilot)
        await pilot.press("f4")
        await wait_for(pilot, lambda: app.whole and app.preview.last is not None and app.preview.last.whole)
        text = app.preview_plain()
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "IV. PHƯƠNG HƯỚNG NHIỆM VỤ NĂM 2025" in text


@async_test
async def test_invalid_yaml_shows_the_problems_and_opens_an_empty_draft(tmp_path: Path) -> None:
    broken = tmp_path / "hong.yaml"
    broken.write_text("nam: 2024\nso_lieu:\n  to_chuc: [1, 2\n", encoding="utf-8")
    original = broken.read_bytes()
    app = make_app(broken)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, MessageScreen), STARTUP_TIMEOUT)
        assert app.draft.untitled and app.draft.problems
        await pilot.press("escape")
        await wait_settled(pilot)
    assert broken.read_bytes() == original


@async_test
async def test_invalid_values_are_listed_in_the_problems_panel(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    text = path.read_text(encoding="utf-8").replace("      ky_nay: 1412\n", '      ky_nay: "1.412x"\n', 1)
    path.write_text(text, encoding="utf-8")
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_settled(pilot)
        panel = app.query_one("#problems")
        # The field is named by its label, not by its place in the data file.
        shown = str(panel.render())
        assert panel.display and "Án hình sự – thụ lý" in shown and "so_lieu" not in shown
        await open_group(pilot, app, "II.3", "an_hinh_su")
        widget = app.query_one(FIGURE, EditInput)
        await wait_for(pilot, lambda: widget.has_class("invalid"))
        await type_into(pilot, app, FIGURE, "1.412")
        await wait_settled(pilot, 10)
        assert not panel.display
        assert "Án hình sự: thụ lý 1.412 vụ" in app.preview_plain()


@async_test
async def test_phrase_bank_problems_are_shown(tmp_path: Path) -> None:
    overlay = tmp_path / "kho-rieng"
    overlay.mkdir()
    (overlay / "hong.yaml").write_text("muc: III.1\ncau:\n  - chuc_nang: thieu_ma\n", encoding="utf-8")
    app = make_app(bank=Bank(overlay))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await wait_settled(pilot)
        panel = app.query_one("#problems")
        assert panel.display and "Kho câu mẫu (hong.yaml)" in str(panel.render())
        assert any("Kho câu mẫu" in str(n.title) for n in app._notifications)


@async_test
async def test_new_file_starts_from_the_skeleton(tmp_path: Path) -> None:
    target = tmp_path / "moi.yaml"
    app = DraftingApp(target, draft=Draft.new(2025, target), cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await wait_settled(pilot)
        assert app.draft.path == target and not target.exists()
        assert "năm 2025" in app.sub_title or "2025" in app.title
        assert "biên chế được giao" not in app.preview_plain()
        box = app.query(FigureGroupBox).first()
        assert box.group_id == "to_chuc"
        await type_into(pilot, app, "#fig-to_chuc--bien_che_duoc_giao", "45")
        await wait_settled(pilot, 10)
        assert "biên chế được giao 45 người" in app.preview_plain()
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: target.exists())
    assert "bien_che_duoc_giao: 45" in target.read_text(encoding="utf-8")


@async_test
async def test_a_parent_section_lists_its_subsections_as_commands() -> None:
    app = make_app(start_section="II")
    async with app.run_test(size=SIZE) as pilot:
        await wait_settled(pilot)
        commands = list(app.query("#editor ActionButton.goto").results(ActionButton))
        assert [getattr(c.message(), "section_id", "") for c in commands][:2] == ["II.1", "II.2"]
        commands[1].focus()
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.section_id == "II.2" and app.editor_ready, 10, "section II.2")
        await wait_settled(pilot)
        assert "Xem trước: mục II.2" in str(app.query_one("#preview-title").render())


@async_test
async def test_the_shipped_stylesheet_is_loaded() -> None:
    from importlib.resources import files

    shipped = Path(str(files("drafting_tui").joinpath("tui.tcss")))
    assert shipped.is_file()
    assert list(DraftingApp.CSS_PATH) == [shipped]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_settled(pilot)
        # Rules of drafting_tui/tui.tcss apply: the outline is 32 columns wide at 120 columns
        # ("#main.wide #outline"), the key bar is docked at the foot.
        outline = app.query_one("#outline")
        assert outline.styles.width is not None and outline.styles.width.value == 32 and outline.region.width == 32
        keys = app.query_one("#keys")
        assert keys.region.bottom == SIZE[1] and keys.region.height == 1


@async_test
async def test_f7_says_why_each_paragraph_is_there_and_goes_to_its_figures() -> None:
    from textual.widgets import OptionList

    from drafting_tui.why_screen import WhyScreen

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_settled(pilot)
        app.goto_section("II.3")
        await wait_for(pilot, lambda: app.section_id == "II.3" and app.editor_ready)
        await pilot.press("f7")
        await wait_for(pilot, lambda: isinstance(app.screen, WhyScreen))
        screen = app.screen
        assert isinstance(screen, WhyScreen)
        reasons = " ".join(r.reason for r in screen.reasons)
        assert "Viết từ số liệu bạn nhập" in reasons and "Câu mẫu" in reasons
        assert "so_lieu" not in reasons and "{{" not in reasons
        # A figure line reads as typed, is reached with ↓ and goes to its field.
        options = screen.query_one(OptionList)
        assert app.focused is options and options.highlighted is not None
        wanted = "Án hình sự – thụ lý: 1.412 vụ (cùng kỳ: 1.318 vụ)"
        lines = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        target = next(i for i, text in enumerate(lines) if wanted in text)
        while options.highlighted < target:
            await pilot.press("down")
        assert options.highlighted == target
        await pilot.press("enter")
        await wait_for(pilot, lambda: not isinstance(app.screen, WhyScreen))
        await wait_for(pilot, lambda: app.focused is not None and app.focused.id == FIGURE[1:])


@async_test
async def test_a_new_report_from_the_palette_saves_the_current_one_first(tmp_path: Path) -> None:
    import datetime

    path = copy_sample(tmp_path)
    year = datetime.date.today().year
    app = make_app(path, autosave=0)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_settled(pilot)
        await open_group(pilot, app, "II.3", "an_hinh_su")
        await type_into(pilot, app, FIGURE, "1.501")
        await wait_for(pilot, lambda: app.draft.dirty)
        await pilot.press("ctrl+p")
        await pilot.press(*"bao cao moi")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        app.screen.query_one("#choice-save").press()
        await wait_for(pilot, lambda: isinstance(app.screen, PathScreen))
        field = app.screen.query_one("#path")
        assert field.value == str(tmp_path / f"bao-cao-{year}.yaml")
        field.value = str(path)  # the report just saved: refused, never written over
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PathScreen)
        assert "đã có" in str(app.screen.query_one("#path-error").render())
        field.value = str(tmp_path / "moi.yaml")
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.draft.path == tmp_path / "moi.yaml")
        await wait_settled(pilot)
        assert app.section_id == GENERAL and not app.draft.dirty
        assert app.query_one("#unit-ten").value == ""
        await type_into(pilot, app, "#unit-ten", "Tòa án nhân dân tỉnh Hòa Bình")
        await wait_for(pilot, lambda: app.draft.dirty)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not app.draft.dirty)
    assert "ky_nay: 1501" in path.read_text(encoding="utf-8")
    text = (tmp_path / "moi.yaml").read_text(encoding="utf-8")
    assert f"nam: {year}" in text and "Tòa án nhân dân tỉnh Hòa Bình" in text and "1501" not in text
