"""The terminal UI as a writer who is not technical uses it (issue 14): every field
visible at 80×24, typed keys in order whatever the speed, pastes kept in their field,
dialogs that fit, check findings named by label, why a phrase is suggested.

Every test waits on a condition of the application, never on a fixed sleep.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual import events
from textual.keys import _character_to_key
from textual.widgets import OptionList
from tui_helpers import async_test, copy_sample, wait_for, wait_settled

from drafting.bank.bank import Bank
from drafting.editing.draft import Draft
from drafting.resources import SAMPLE_PATH
from drafting_tui.app import DraftingApp
from drafting_tui.check_screen import CheckScreen, counts_text, group_findings
from drafting_tui.commands import plain_preview
from drafting_tui.findings import check_findings
from drafting_tui.outline import OutlineTree
from drafting_tui.phrases import PhraseExplanation, PhraseList
from drafting_tui.screens import ConfirmScreen, ExportScreen, HelpScreen
from drafting_tui.texts import FOOTER_KEYS, GENERAL
from drafting_tui.widgets import EditArea, EditInput, FigureGroupBox, KeyBar, row_of

SMALL = (80, 24)
UNIT_KEYS = ("co_quan_chu_quan", "co_quan_ban_hanh", "ten", "ten_ngan", "cap", "dia_danh", "so")


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def new_app(**kwargs: object) -> DraftingApp:
    kwargs.setdefault("cursor_blink", False)
    kwargs.setdefault("autosave", 0)
    return DraftingApp(None, draft=Draft.new(2025), **kwargs)  # type: ignore[arg-type]


def sample_app(path: Path = SAMPLE_PATH, **kwargs: object) -> DraftingApp:
    kwargs.setdefault("cursor_blink", False)
    kwargs.setdefault("autosave", 0)
    return DraftingApp(path, **kwargs)  # type: ignore[arg-type]


def burst(app: DraftingApp, text: str) -> None:
    """Post the keys of ``text`` all at once, as a fast typist's terminal delivers them
    (Pilot's ``press`` waits for the app to be idle after each key: not here)."""
    for char in text:
        key = "tab" if char == "\t" else _character_to_key(char)
        app.post_message(events.Key(key, char))


def inside(region: object, outer: object) -> bool:
    return bool(
        region.y >= outer.y and region.bottom <= outer.bottom and region.height > 0  # type: ignore[attr-defined]
    )


# -- typing and pasting --------------------------------------------------------------


@async_test
async def test_tab_separated_text_typed_at_full_speed_lands_in_seven_fields() -> None:
    app = new_app(start_section=GENERAL)
    values = [
        "TÒA ÁN NHÂN DÂN TỐI CAO",
        "TÒA ÁN NHÂN DÂN TỈNH HOA SEN",
        "Tòa án tỉnh Hoa Sen",
        "Tòa án",
        "tinh",
        "Hoa Sen",
    ]
    values.append("7")
    async with app.run_test(size=SMALL) as pilot:
        await wait_settled(pilot)
        app.query_one("#unit-co_quan_chu_quan", EditInput).focus()
        await pilot.pause()
        burst(app, "\t".join(values))
        await wait_for(pilot, lambda: app.draft.unit_text("so") == "7", 10, "the last field")
        await pilot.pause()
        shown = [app.query_one(f"#unit-{key}", EditInput).value for key in UNIT_KEYS]
        assert shown == values
        assert [app.draft.unit_text(key) for key in UNIT_KEYS] == values


@async_test
async def test_keys_typed_before_a_tab_act_on_their_own_field() -> None:
    app = new_app(start_section=GENERAL)
    async with app.run_test(size=SMALL) as pilot:
        await wait_settled(pilot)
        symbol = app.query_one("#unit-ky_hieu", EditInput)
        assert symbol.value == "BC-TA"
        symbol.focus()
        await pilot.press("end")
        for _ in range(5):
            app.post_message(events.Key("backspace", None))
        burst(app, "\t05/12/2025")
        await wait_for(pilot, lambda: app.query_one("#unit-ngay", EditInput).value == "05/12/2025")
        await pilot.pause()
        assert symbol.value == ""


@async_test
async def test_a_paste_stays_in_its_field() -> None:
    app = new_app(start_section=GENERAL)
    async with app.run_test(size=SMALL) as pilot:
        await wait_settled(pilot)
        first = app.query_one("#unit-co_quan_chu_quan", EditInput)
        first.focus()
        await pilot.pause()
        app.post_message(events.Paste("TÒA ÁN\tNHÂN DÂN\r\nTỐI CAO\n"))
        await wait_for(pilot, lambda: app.draft.unit_text("co_quan_chu_quan") == "TÒA ÁN NHÂN DÂN TỐI CAO")
        assert first.value == "TÒA ÁN NHÂN DÂN TỐI CAO" and app.focused is first
        assert app.query_one("#unit-co_quan_ban_hanh", EditInput).value == ""
        # A field of several lines keeps the line breaks; tabs still become spaces.
        recipients = app.query_one("#recipients", EditArea)
        recipients.focus()
        recipients.load_text("")
        await pilot.pause()
        app.post_message(events.Paste("Vụ Thi đua\tKhen thưởng\r\nLưu: VT"))
        await wait_for(pilot, lambda: app.draft.recipients() == ["Vụ Thi đua Khen thưởng", "Lưu: VT"])
        assert recipients.text == "Vụ Thi đua Khen thưởng\nLưu: VT"


@async_test
async def test_home_and_end_go_to_the_ends_of_the_whole_paragraph() -> None:
    app = sample_app(start_section="IV.3")
    text = "Đề nghị bổ sung biên chế " * 12
    async with app.run_test(size=SMALL) as pilot:
        await wait_settled(pilot)
        app.draft.add_paragraph("IV.3", text.strip())
        app.editor.rebuild()
        await wait_for(pilot, lambda: app.editor.ready and bool(app.query(".paragraph")))
        app.query(".paragraph").first().focus()
        await wait_for(pilot, lambda: isinstance(app.focused, EditArea))
        area = app.focused
        assert isinstance(area, EditArea) and area.wrapped_document.height > 2  # wraps at 80 columns
        await pilot.press("end", *" X")
        await wait_for(pilot, lambda: area.text.endswith(" X"))
        await pilot.press("home", "Y")
        await wait_for(pilot, lambda: area.text.startswith("YĐề nghị"))


# -- every field visible ---------------------------------------------------------------


@async_test
async def test_document_summaries_are_visible_at_80_by_24() -> None:
    app = sample_app(start_section="II.1")
    async with app.run_test(size=SMALL) as pilot:
        await wait_settled(pilot)
        summaries = list(app.query(".doc-summary").results(EditInput)) + list(app.query("Input.new-trich"))
        assert len(summaries) >= 3
        for summary in summaries:
            summary.focus()
            await wait_for(pilot, lambda s=summary: inside(s.region, app.editor.content_region), 5, str(summary))
            assert summary.region.height == 1 and summary.region.width > 40, summary


@async_test
async def test_tab_to_a_paragraph_below_the_fold_scrolls_it_into_view() -> None:
    app = sample_app(start_section="III.1")
    async with app.run_test(size=SMALL) as pilot:
        await wait_settled(pilot)
        for k in range(3):
            app.draft.add_paragraph("III.1", f"Đoạn văn tự viết thứ {k + 1} của đơn vị.")
        app.editor.rebuild()
        app.schedule_preview(0)
        await wait_settled(pilot)
        phrases = app.query_one(PhraseList)
        phrases.focus()
        await pilot.pause()
        await pilot.press("tab")
        await wait_for(pilot, lambda: isinstance(app.focused, EditArea))
        area = app.focused
        await wait_for(pilot, lambda: inside(area.region, app.editor.content_region), 5, "the paragraph in view")
        assert app.editor.scroll_y > 0


@async_test
async def test_a_date_error_goes_under_its_row_and_moves_no_label() -> None:
    app = new_app(start_section=GENERAL)
    async with app.run_test(size=SMALL) as pilot:
        await wait_settled(pilot)
        labels = list(app.query(".field-form .cell-label"))
        before = [label.region.x for label in labels]
        date = app.query_one("#unit-ngay", EditInput)
        date.focus()
        await pilot.press(*"31/02/2025")
        await wait_for(pilot, lambda: date.has_class("invalid"))
        row = row_of(date)
        assert row is not None and "không có thật" in row.error
        await pilot.pause()
        assert inside(date.region, app.editor.content_region)  # seen while typed
        last = app.query_one("#unit-nguoi_ky", EditInput)
        last.focus()
        await pilot.pause()
        assert inside(last.region, app.editor.content_region)  # every field of the form is reachable
        assert [label.region.x for label in labels] == before
        error = row.query_one(".error")
        assert error.region.y > date.region.y and error.region.x < date.region.x  # its own row, under the field
        below = app.query_one("#unit-tham_quyen_ky")
        assert error.region.height == 1 and below.region.y == error.region.bottom  # no blank line after it


@async_test
async def test_a_decimal_in_the_file_is_marked_in_its_field(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    text = path.read_text(encoding="utf-8").replace("      ky_nay: 1412\n", "      ky_nay: 1.234\n", 1)
    path.write_text(text, encoding="utf-8")
    app = sample_app(path, start_section="II.3")
    async with app.run_test(size=SMALL) as pilot:
        await wait_settled(pilot)
        box = next(b for b in app.query(FigureGroupBox) if b.group_id == "an_hinh_su")
        box.collapsed = False
        await wait_for(pilot, lambda: bool(box.inputs))
        field = app.query_one("#fig-an_hinh_su--thu_ly-ky_nay", EditInput)
        await wait_for(pilot, lambda: field.has_class("invalid"))
        row = row_of(field)
        assert row is not None and "số thập phân 1,234" in row.error


# -- footer and dialogs --------------------------------------------------------------


@async_test
async def test_the_footer_keeps_its_keys_in_80_columns() -> None:
    app = new_app()
    async with app.run_test(size=SMALL) as pilot:
        await wait_settled(pilot)
        bar = app.query_one(KeyBar)
        text = str(bar.render())
        assert text.startswith("F1 Trợ giúp") and len(text) <= SMALL[0] - 2
        assert [key for key, _ in FOOTER_KEYS] == re.findall(r"(F\d|\^[A-Z]) ", text)
        # The same keys in the same order wherever the focus is (Textual's footer reorders them).
        await pilot.press("f2")  # the outline shown beside the editor
        field = app.query_one("#fig-to_chuc--bien_che_duoc_giao")
        for widget in (field, app.query_one(OutlineTree), app.query_one(PhraseList)):
            widget.focus()
            await pilot.pause()
            assert str(bar.render()) == text and bar.region.bottom == SMALL[1]


@async_test
async def test_help_fits_at_80_by_24_and_scrolls() -> None:
    app = new_app()
    async with app.run_test(size=SMALL) as pilot:
        await wait_settled(pilot)
        await pilot.press("f1")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        await pilot.pause()
        close = app.screen.query_one("#close")
        assert app.screen.focused is close
        assert close.region.bottom <= SMALL[1] and close.region.height >= 1
        body = app.screen.query_one("#help-body")
        await pilot.press("pagedown")
        await wait_for(pilot, lambda: body.scroll_y > 0)
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, HelpScreen))


@async_test
async def test_arrows_move_between_dialog_buttons_so_quitting_can_discard(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    original = path.read_text(encoding="utf-8")
    app = sample_app(path)
    async with app.run_test(size=SMALL) as pilot:
        await wait_settled(pilot)
        app.draft.set_unit_text("dia_danh", "Sen Hồng")
        await pilot.press("ctrl+q")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("right")
        assert app.screen.focused is app.screen.query_one("#choice-discard")
        await pilot.press("left", "left")
        assert app.screen.focused is app.screen.query_one("#choice-stay")
        await pilot.press("right", "right", "enter")  # stay → save → discard
        await wait_for(pilot, lambda: not app.is_running)
    assert path.read_text(encoding="utf-8") == original


# -- checks ----------------------------------------------------------------------------


@async_test
async def test_check_findings_name_fields_by_label_and_jump_to_them() -> None:
    app = new_app()
    async with app.run_test(size=SMALL) as pilot:
        await wait_settled(pilot)
        await pilot.press("f5")
        await wait_for(pilot, lambda: isinstance(app.screen, CheckScreen), 30)
        screen = app.screen
        assert isinstance(screen, CheckScreen)
        texts = [f.text for f in screen.findings] + [g.name for g in screen.groups]
        data_keys = r"so_lieu|xac_nhan|noi_dung|van_ban|don_vi\.|\.yaml|:\d+:|loai:|\{\{|\{%"
        assert texts and not any(re.search(data_keys, t) for t in texts)
        close = screen.query_one("#close")
        assert close.region.bottom <= SMALL[1]
        # A fresh file: one line per section with its counts, closed; the first is the unit's.
        options = screen.query_one("#findings", OptionList)
        assert options.option_count == len(screen.groups) < 25
        assert str(options.get_option_at_index(0).prompt).startswith("▶ Thông tin chung: 7 còn thiếu")
        section_i = next(i for i, g in enumerate(screen.groups) if g.name == "Mục I")
        options.highlighted = section_i
        await pilot.press("enter")  # opens the section's findings
        await wait_for(pilot, lambda: options.option_count > len(screen.groups))
        assert str(options.get_option_at_index(section_i).prompt).startswith("▼ Mục I: ")
        wanted = next(
            i for i, (g, f) in enumerate(screen.rows) if f is not None and "biên chế được giao" in f.text.lower()
        )
        options.highlighted = wanted
        await pilot.press("enter")
        target = "fig-to_chuc--bien_che_duoc_giao"
        await wait_for(pilot, lambda: app.focused is not None and app.focused.id == target, 10, "the field")
        assert app.section_id == "I" and inside(app.focused.region, app.editor.content_region)


def test_findings_are_grouped_by_section_errors_first() -> None:
    draft = Draft.new(2025)
    draft.set_figure_text("to_chuc.bien_che_duoc_giao", "", "10")
    draft.set_figure_text("to_chuc.hien_co", "", "12")  # more staff than posts: an error
    findings = check_findings(draft, draft.bank)
    groups = group_findings(findings, (GENERAL, *draft.outline.ids))
    assert groups[0].name == "Mục I" and groups[0].has_errors and groups[0].open
    assert groups[0].findings[0].kind == "Lỗi"
    assert not any(g.open for g in groups[1:])
    names = [g.name for g in groups[1:]]
    assert names.index("Thông tin chung") < names.index("Mục II.3") < names.index("Mục IV.3")
    assert sum(len(g.findings) for g in groups) == len(findings)
    assert counts_text(findings).startswith("1 lỗi, ")


# -- phrases -------------------------------------------------------------------------


@async_test
async def test_a_suggestion_is_explained_in_words_from_the_figures() -> None:
    app = sample_app(start_section="III.1")
    async with app.run_test(size=SMALL) as pilot:
        await wait_settled(pilot)
        phrases = app.query_one(PhraseList)
        await wait_for(pilot, lambda: bool(phrases.rows))
        phrases.focus()
        index = next(i for i, r in enumerate(phrases.rows) if r.phrase_id == "uu_diem.huy_sua_giam_trong_chi_tieu")
        phrases.highlighted = index
        panel = app.query_one(PhraseExplanation)
        await wait_for(pilot, lambda: "Gợi ý vì" in str(panel.render()))
        text = str(panel.render())
        assert "hủy, sửa" in text and "1,11%" in text and "1,5%" in text
        shown = " ".join(str(o.prompt) for o in phrases.options) + text
        assert not re.search(r"so_lieu|\{\{|\{%|điều kiện “|is not none", shown)


def test_palette_previews_show_no_template_syntax() -> None:
    bank = Bank()
    for phrase in bank.phrases.values():
        for variant in phrase.variants:
            assert not re.search(r"\{\{|\{%|\}\}", plain_preview(variant, 2025)), phrase.id


# -- small things ------------------------------------------------------------------------


@async_test
async def test_group_counter_follows_the_figures_typed() -> None:
    app = new_app()
    async with app.run_test(size=SMALL) as pilot:
        await wait_settled(pilot)
        box = next(b for b in app.query(FigureGroupBox) if b.group_id == "to_chuc")
        assert box.title_text.endswith("(0/5)")
        field = app.query_one("#fig-to_chuc--bien_che_duoc_giao", EditInput)
        field.focus()
        await pilot.press(*"45")
        await wait_for(pilot, lambda: box.title_text.endswith("(1/5)"))


@async_test
async def test_enter_on_a_parent_section_opens_it_without_folding() -> None:
    app = new_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_settled(pilot)
        tree = app.query_one(OutlineTree)
        node = tree.nodes_by_id["II"]
        tree.focus()
        tree.move_cursor(node)
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.section_id == "II" and app.editor.ready)
        assert node.is_expanded


@async_test
async def test_a_fresh_report_starts_its_sentences_with_capitals() -> None:
    app = new_app(start_section="I")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_settled(pilot)
        assert "\nĐơn vị là cơ quan xét xử" in app.preview_plain()
        assert "\nđơn vị là" not in app.preview_plain()


@async_test
async def test_export_lists_the_gaps_and_asks_first(tmp_path: Path) -> None:
    app = new_app()
    target = tmp_path / "bao-cao.docx"
    async with app.run_test(size=SMALL) as pilot:
        await wait_settled(pilot)
        for choice in ("back", "write"):
            await pilot.press("ctrl+e")
            await wait_for(pilot, lambda: isinstance(app.screen, ExportScreen))
            app.screen.query_one("#export-path").value = str(target)  # type: ignore[attr-defined]
            await pilot.press("enter")
            await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen), 30)
            screen = app.screen
            assert isinstance(screen, ConfirmScreen) and "chỗ chưa nhập" in screen.title_text
            assert "kết quả thực hiện phong trào “Vì Công lý”" in screen.message
            screen.query_one(f"#choice-{choice}").press()  # type: ignore[attr-defined]
            await wait_for(pilot, lambda: not isinstance(app.screen, ConfirmScreen))
            if choice == "back":
                await pilot.pause()
                assert not target.exists()
        await wait_for(pilot, lambda: app.flows.export_count == 1, 60, "the export")
    assert target.exists()


def test_every_figure_has_its_own_label() -> None:
    titles = [figure.title for figure in Bank().catalogue.figures.values()]
    assert len(titles) == len(set(titles))


@async_test
async def test_a_file_changed_elsewhere_is_not_overwritten_without_asking(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = sample_app(path, start_section=GENERAL)
    async with app.run_test(size=SMALL) as pilot:
        await wait_settled(pilot)
        await wait_for(pilot, lambda: app.draft.document_loaded)
        app.draft.set_unit_text("dia_danh", "Sen Hồng")
        # Another window saves the file meanwhile.
        path.write_text(path.read_text(encoding="utf-8").replace("so: 15", "so: 16"), encoding="utf-8")
        for answer, expected in (("stay", "so: 16"), ("overwrite", "Sen Hồng")):
            await pilot.press("ctrl+s")
            await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
            assert "thay đổi bên ngoài" in app.screen.title_text  # type: ignore[attr-defined]
            app.screen.query_one(f"#choice-{answer}").press()  # type: ignore[attr-defined]
            await wait_for(pilot, lambda: not isinstance(app.screen, ConfirmScreen))
            await pilot.pause()
            assert expected in path.read_text(encoding="utf-8")
        assert not app.draft.dirty
        # Reloading takes the file as it is on disk, dropping what was not saved here.
        path.write_text(path.read_text(encoding="utf-8").replace("Sen Hồng", "Hoa Sen"), encoding="utf-8")
        app.draft.set_unit_text("ten_ngan", "Tòa tỉnh")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        app.screen.query_one("#choice-reload").press()  # type: ignore[attr-defined]
        await wait_for(pilot, lambda: app.draft.unit_text("dia_danh") == "Hoa Sen")
        assert not app.draft.dirty and app.draft.unit_text("ten_ngan") != "Tòa tỉnh"


@async_test
async def test_after_a_palette_jump_space_chooses_a_phrase() -> None:
    app = sample_app()
    async with app.run_test(size=SMALL) as pilot:
        await wait_settled(pilot)
        await pilot.press("ctrl+p", *"giai phap khac phuc")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.section_id == "III.4")
        await wait_settled(pilot)
        phrases = app.query_one(PhraseList)
        await wait_for(pilot, lambda: app.focused is phrases and phrases.highlighted is not None)
        before = [r.included for r in phrases.rows]
        await pilot.press("space")
        await wait_for(pilot, lambda: [r.included for r in phrases.rows] != before)
        assert [r.included for r in phrases.rows] != before


def test_a_contradicted_phrase_is_named_by_its_claim_in_the_findings() -> None:
    """F5 on a file keeping a phrase the figures contradict: the writer reads the claim,
    not the phrase's id or the data file's keys (#14)."""
    from drafting.editing.draft import Draft
    from drafting_tui.findings import check_findings

    draft = Draft.open(Path(__file__).parent / "scenarios" / "10_giu_cau_trai_so_lieu.yaml")
    texts = [f.text for f in check_findings(draft, draft.bank) if "trái với số liệu" in f.text]
    assert texts
    for text in texts:
        assert not re.search(r"“[a-z_]+\.[a-z0-9_]+”|xac_nhan|khóa", text), text


@async_test
async def test_a_date_error_in_a_document_row_goes_under_that_row() -> None:
    """II.1's documents are one grid: the reason a date is refused goes under its row (its
    summary), the next row keeps its place under it, and the reason goes when corrected."""
    app = sample_app(start_section="II.1")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_settled(pilot)
        date = app.query_one("#van-ban-0-ngay", EditInput)
        summary = app.query_one("#van-ban-0-trich-yeu", EditInput)
        following = app.query_one("#van-ban-1-so", EditInput)
        date.focus()
        await pilot.pause()
        date.select_all()
        await pilot.press(*"31/02/2024")
        await wait_for(pilot, lambda: date.has_class("invalid"))
        row = row_of(date)
        assert row is not None and "không có thật" in row.error
        await pilot.pause()
        error = row.query_one(".error")
        assert error.region.y == summary.region.bottom and error.region.x <= app.query_one("#van-ban-0-so").region.x
        assert following.region.height == 1 and following.region.y > error.region.y
        assert all(w.region.height == 1 for w in (date, summary, following))
        date.select_all()
        await pilot.press(*"15/06/2022")
        await wait_for(pilot, lambda: not date.has_class("invalid"))
        await pilot.pause()
        assert not row.error and not error.display
        assert following.region.y == summary.region.bottom + 1  # the blank line above a row, as before
