"""The draft being edited (``drafting.editing.draft``), without any UI."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import pytest

from drafting.bank.bank import default_bank
from drafting.composition.composer import Composer
from drafting.datafile.skeleton import skeleton_text
from drafting.editing.draft import (
    UNIT_MARK,
    Draft,
    is_bundled,
    parse_count,
    parse_date,
    phrase_rows,
    recovery_path,
    section_marks,
)
from drafting.errors import OutputError, ProblemsError
from drafting.files.yamlio import parse_yaml
from drafting.report import FreeText, PhraseChoice
from drafting.resources import SAMPLE_PATH

SAMPLE_TEXT = SAMPLE_PATH.read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    target = tmp_path / "bao-cao.yaml"
    shutil.copyfile(SAMPLE_PATH, target)
    return target


def changed_lines(before: str, after: str) -> list[tuple[str, str]]:
    """The lines an edit changed (the phrase bank's layers that every save records are
    tested in tests/test_bank_layers.py)."""
    import difflib

    diff = [line for line in difflib.ndiff(before.splitlines(), after.splitlines()) if line[:1] in "+-"]
    diff = [line for line in diff if not line.startswith("+ kho_cau_mau: ")]
    return [(a, b) for a, b in zip(diff[::2], diff[1::2], strict=False)]


# -- opening --------------------------------------------------------------------


def test_the_sample_opens_as_an_untitled_draft() -> None:
    draft = Draft.open(SAMPLE_PATH)
    assert draft.untitled and draft.source == SAMPLE_PATH and not draft.dirty
    assert draft.suggested_path() == Path("bao-cao-2024.yaml")
    assert draft.text() == SAMPLE_TEXT  # byte for byte
    with pytest.raises(OutputError, match="chọn nơi lưu"):
        draft.save()
    with pytest.raises(OutputError, match="tệp mẫu"):
        draft.save(SAMPLE_PATH)
    assert is_bundled(SAMPLE_PATH)


def test_a_missing_file_starts_from_the_skeleton(tmp_path: Path) -> None:
    target = tmp_path / "moi.yaml"
    draft = Draft.open(target, year=2026)
    assert draft.path == target and not draft.exists and not target.exists()
    assert draft.text() == skeleton_text(2026, default_bank())
    assert draft.year == 2026
    draft.save()
    record = f"phien_ban: 3\nkho_cau_mau: [{{lop: kèm theo, ma: {default_bank().layers[0].digest}}}]\n"
    assert target.read_text(encoding="utf-8") == skeleton_text(2026, default_bank()).replace("phien_ban: 3\n", record)


def test_an_empty_file_starts_from_the_skeleton(tmp_path: Path) -> None:
    target = tmp_path / "rong.yaml"
    target.write_text("", encoding="utf-8")
    assert Draft.open(target, year=2025).text() == skeleton_text(2025, default_bank())


def test_an_unreadable_file_is_never_overwritten(tmp_path: Path) -> None:
    broken = tmp_path / "hong.yaml"
    broken.write_text("nam: 2024\nso_lieu: [1, 2\n", encoding="utf-8")
    with pytest.raises(ProblemsError) as info:
        Draft.open(broken)
    assert info.value.problems[0].file == str(broken) and info.value.problems[0].line
    draft = Draft.open_or_new(broken)
    assert draft.untitled and draft.problems and draft.source == broken
    listed = tmp_path / "danh-sach.yaml"
    listed.write_text("- 1\n- 2\n", encoding="utf-8")
    assert Draft.open_or_new(listed).problems[0].message.startswith("tệp dữ liệu phải là bảng khóa")


# -- typed input ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [("1.234", 1234), ("0", 0), ("  12 ", 12), ("1 234 567", 1234567), ("", None), ("  ", None)],
)
def test_parse_count_accepts_vietnamese_numbers(text: str, value: int | None) -> None:
    assert parse_count(text) == value


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("12,5", "phải là số nguyên"),
        ("-3", "không được âm"),
        ("1.23", "không phải là số hợp lệ"),
        ("abc", "không phải là số hợp lệ"),
        ("1,234", "phải là số nguyên"),
        ("2.000.000.000", "quá lớn"),
    ],
)
def test_parse_count_refuses_with_a_vietnamese_reason(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_count(text)


def test_money_has_a_larger_limit() -> None:
    assert parse_count("150.000.000.000", money=True) == 150_000_000_000


def test_parse_date() -> None:
    assert parse_date("6/5/2024") == datetime.date(2024, 5, 6)
    assert parse_date("2024-05-06") == datetime.date(2024, 5, 6)
    with pytest.raises(ValueError, match="ngày/tháng/năm"):
        parse_date("mùng 6")


# -- figures --------------------------------------------------------------------


def test_setting_a_compared_figure_changes_only_that_line(copy: Path) -> None:
    draft = Draft.open(copy)
    assert draft.set_figure_text("an_hinh_su.thu_ly", "ky_nay", "1.500")
    assert draft.dirty and draft.figure_text("an_hinh_su.thu_ly", "ky_nay") == "1.500"
    draft.save()
    after = copy.read_text(encoding="utf-8")
    assert changed_lines(SAMPLE_TEXT, after) == [("-       ky_nay: 1412", "+       ky_nay: 1500")]
    assert not draft.dirty


def test_invalid_input_never_enters_the_draft(copy: Path) -> None:
    draft = Draft.open(copy)
    for text in ("12,5", "-1", "abc", "1.2.3"):
        with pytest.raises(ValueError):
            draft.set_figure_text("an_hinh_su.thu_ly", "cung_ky", text)
    assert draft.version == 0 and not draft.dirty
    assert draft.figure_value("an_hinh_su.thu_ly", "cung_ky") == 1318
    with pytest.raises(TypeError):
        draft.set_figure("an_hinh_su.thu_ly", "ky_nay", "1500")
    with pytest.raises(ValueError, match="tự động"):
        draft.set_figure("an_hinh_su.ty_le_giai_quyet", "ky_nay", 90)
    with pytest.raises(ValueError, match="ky_nay, cung_ky hoặc nguyen_nhan"):
        draft.set_figure("an_hinh_su.thu_ly", "", 3)
    with pytest.raises(ValueError, match="một giá trị"):
        draft.set_figure("to_chuc.thu_ky", "ky_nay", 3)
    with pytest.raises(KeyError):
        draft.set_figure("khong_co.chi_so", "", 1)
    assert draft.version == 0


def test_same_value_is_not_a_change(copy: Path) -> None:
    draft = Draft.open(copy)
    assert not draft.set_figure_text("an_hinh_su.thu_ly", "ky_nay", "1.412")
    assert not draft.set_figure_text("to_chuc.thu_ky", "", "98")
    assert not draft.set_figure_text(
        "an_hinh_su.thu_ly", "nguyen_nhan", "do tội phạm về ma túy, xâm phạm sở hữu gia tăng"
    )
    assert not draft.dirty


def test_causes_and_plain_figures(copy: Path) -> None:
    draft = Draft.open(copy)
    draft.set_figure_text("pha_san.thu_ly", "nguyen_nhan", "  do  thụ lý bằng cùng kỳ ")
    draft.set_figure_text("to_chuc.thu_ky", "", "100")
    draft.set_figure_text("tu_thien.tien", "ky_nay", "300.000.000")
    report = draft.report()
    assert report.figure("pha_san.thu_ly").cause == "do  thụ lý bằng cùng kỳ"
    assert report.figure("to_chuc.thu_ky").current == 100
    assert report.figure("tu_thien.tien").current == 300_000_000
    draft.set_figure_text("to_chuc.thu_ky", "", "")
    assert draft.report().figure("to_chuc.thu_ky").current is None


def test_new_keys_go_in_catalogue_order(tmp_path: Path) -> None:
    target = tmp_path / "it.yaml"
    target.write_text("nam: 2024\ndon_vi:\n  ten: Tòa án\n", encoding="utf-8")
    draft = Draft.open(target)
    draft.set_figure_text("an_hinh_su.giai_quyet", "cung_ky", "5")
    draft.set_figure_text("an_hinh_su.thu_ly", "ky_nay", "7")
    draft.set_figure_text("to_chuc.bien_che_duoc_giao", "", "9")
    data = parse_yaml(draft.text(), "x")
    assert list(data["so_lieu"]) == ["to_chuc", "an_hinh_su"]
    assert list(data["so_lieu"]["an_hinh_su"]) == ["thu_ly", "giai_quyet"]
    assert draft.report().figure("an_hinh_su.giai_quyet").previous == 5


def test_report_is_cached_until_the_next_change(copy: Path) -> None:
    draft = Draft.open(copy)
    first = draft.report()
    assert draft.report() is first
    draft.set_figure_text("an_hinh_su.thu_ly", "ky_nay", "1.413")
    second = draft.report()
    assert second is not first and second.figure("an_hinh_su.thu_ly").current == 1413
    assert draft.composer() is draft.composer()


def test_an_invalid_value_in_the_file_is_reported_and_can_be_fixed(copy: Path) -> None:
    copy.write_text(SAMPLE_TEXT.replace("      ky_nay: 1412\n", '      ky_nay: "1.412"\n', 1), encoding="utf-8")
    draft = Draft.open(copy)
    with pytest.raises(ProblemsError) as info:
        draft.report()
    assert info.value.problems[0].key == "so_lieu.an_hinh_su.thu_ly.ky_nay"
    assert draft.figure_text("an_hinh_su.thu_ly", "ky_nay") == "1.412"
    draft.set_figure_text("an_hinh_su.thu_ly", "ky_nay", "1.412")
    assert draft.report().figure("an_hinh_su.thu_ly").current == 1412


# -- unit, year ---------------------------------------------------------------------


def test_unit_fields_and_recipients(copy: Path) -> None:
    draft = Draft.open(copy)
    draft.set_unit_text("ngay", "05/01/2025")
    draft.set_unit_text("so", "07")
    draft.set_recipients(["- Như trên;", "", "Lưu: VT."])
    report = draft.report()
    assert report.unit.date == datetime.date(2025, 1, 5)
    assert report.unit.number == "07"
    assert report.unit.recipients == ("Như trên;", "Lưu: VT.")
    with pytest.raises(ValueError):
        draft.set_unit_text("ngay", "32/1/2025")
    with pytest.raises(ValueError, match="2000 đến 2100"):
        draft.set_year("1999")
    draft.set_year("2025")
    assert draft.year == 2025


# -- lists ----------------------------------------------------------------------------


def test_document_rows(copy: Path) -> None:
    draft = Draft.open(copy)
    count = len(draft.documents())
    with pytest.raises(ValueError, match="trích yếu"):
        draft.add_document("ban_hanh", "1/KH", "", "  ")
    with pytest.raises(ValueError, match="không có thật"):
        draft.add_document("ban_hanh", "1/KH", "30/2/2024", "Kế hoạch")
    assert draft.version == 0
    index = draft.add_document("ban_hanh", "21/KH-TA", "5/12/2024", "Kế hoạch tuyên truyền")
    assert draft.documents("ban_hanh")[-1].date == "05/12/2024"
    draft.update_document(index, "ban_hanh", "22/KH-TA", "06/12/2024", "Kế hoạch tuyên truyền năm 2025")
    with pytest.raises(ValueError):
        draft.update_document(index, "ban_hanh", "22/KH-TA", "06/12/2024", "")
    documents = draft.report().documents
    assert documents[-1].number == "22/KH-TA" and documents[-1].summary.endswith("năm 2025")
    text = draft.text()
    # The comment that introduced phong_trao stays right before it.
    assert "năm 2025\n\n# Kết quả các phong trào thi đua ở mục II.2" in text
    draft.remove_document(index)
    assert len(draft.documents()) == count
    assert draft.text() == SAMPLE_TEXT


def test_removing_the_last_row_keeps_the_following_comment(copy: Path) -> None:
    draft = Draft.open(copy)
    draft.remove_document(len(draft.documents()) - 1)
    assert "năm 2024 tại các Tòa án nhân dân cấp huyện\n\n# Kết quả các phong trào" in draft.text()


def test_movements(copy: Path) -> None:
    draft = Draft.open(copy)
    assert draft.set_movement_result("vi_cong_ly", "Kết quả mới.")
    assert draft.report().movements[0].result == "Kết quả mới."
    index = draft.add_movement("“Thi đua chuyển đổi số”", "b", "Đạt kết quả tốt")
    row = draft.movements("b")[-1]
    assert row.index == index and row.name == "Thi đua chuyển đổi số"
    draft.update_movement(index, "Thi đua số hóa", "Tốt")
    assert draft.report().movements[-1].name == "Thi đua số hóa"
    with pytest.raises(ValueError, match="tên"):
        draft.add_movement(" ", "a")
    with pytest.raises(ValueError, match="a hoặc b"):
        draft.add_movement("X", "c")
    draft.remove_movement(index)
    with pytest.raises(KeyError):
        draft.set_movement_result("khong_co", "x")


def test_a_result_for_a_movement_missing_from_the_file(tmp_path: Path) -> None:
    target = tmp_path / "pt.yaml"
    target.write_text(
        "nam: 2024\ndon_vi: {ten: A}\nphong_trao:\n  - id: xoa_nha_tam\n    ket_qua: x\n", encoding="utf-8"
    )
    draft = Draft.open(target)
    draft.set_movement_result("vi_cong_ly", "Tốt")
    assert [m.id for m in draft.report().movements] == ["vi_cong_ly", "xoa_nha_tam"]


# -- content --------------------------------------------------------------------------


def test_the_first_choice_keeps_the_suggested_phrases(copy: Path) -> None:
    draft = Draft.open(copy)
    composer = draft.composer()
    suggested = [r.phrase_id for r in phrase_rows(composer, "III.1") if r.included]
    assert suggested and not draft.content("III.1")
    extra = next(r.phrase_id for r in phrase_rows(composer, "III.1") if not r.included)
    draft.choose_phrase("III.1", extra)
    assert [r.phrase_id for r in draft.content("III.1")] == [*suggested, extra]
    draft.unchoose_phrase("III.1", suggested[0])
    assert [r.phrase_id for r in draft.content("III.1")] == [*suggested[1:], extra]


def test_pin_move_and_paragraphs(copy: Path) -> None:
    draft = Draft.open(copy)
    phrase = next(p for p in draft.bank.phrases.values() if p.section == "IV.3" and len(p.variants) > 1)
    draft.choose_phrase("IV.3", phrase.id, variant=2)
    with pytest.raises(ValueError, match="cách viết"):
        draft.pin_variant("IV.3", phrase.id, 99)
    index = draft.add_paragraph("IV.3", "Đề nghị {{ nam }}\nbổ sung biên chế.")
    assert draft.move_item("IV.3", index, -100) == 0
    items = draft.report().content["IV.3"]
    assert isinstance(items[0], FreeText) and items[0].text == "Đề nghị {{ nam }}\nbổ sung biên chế."
    assert PhraseChoice(phrase.id, 2) in [PhraseChoice(i.id, i.variant) for i in items if isinstance(i, PhraseChoice)]
    assert "    - van_ban: |-\n        Đề nghị {{ nam }}\n        bổ sung biên chế.\n" in draft.text()
    # Writer text is data: it reaches the report verbatim, never rendered as a template.
    section = Composer.create(draft.report(), draft.bank).build_section(draft.outline.section("IV.3"), [])
    assert any("Đề nghị {{ nam }}" in getattr(b, "text", "") for b in section.blocks)
    draft.pin_variant("IV.3", phrase.id, None)
    assert next(r for r in draft.content("IV.3") if r.phrase_id == phrase.id).variant is None
    draft.set_paragraph("IV.3", 0, "Đoạn đã sửa.")
    draft.remove_item("IV.3", 0)
    assert all(r.is_phrase for r in draft.content("IV.3"))
    with pytest.raises(ValueError, match="mục lá"):
        draft.add_paragraph("III", "x")


def test_phrase_rows_show_states_reasons_and_variants(copy: Path) -> None:
    draft = Draft.open(copy)
    rows = phrase_rows(draft.composer(), "III.2")
    assert rows and all(r.phrase_id for r in rows)
    by_id = {r.phrase_id: r for r in rows}
    suggested = by_id["han_che.chi_tieu_chua_dat"]
    assert suggested.state == "goi_y" and suggested.applies and suggested.included
    assert suggested.reason.startswith("Gợi ý vì") and "54,84%" in suggested.reason
    contradicted = by_id["han_che.ky_luat"]
    assert contradicted.state == "co_the_chon" and not contradicted.applies  # said by the III.1 nuance
    false = by_id["han_che.huy_sua_cao_hon_muc_toi_da"]
    assert false.state == "trai_so_lieu" and false.reason.startswith("Trái với số liệu")
    assert by_id["han_che.binh_xet_ne_nang"].state == "can_xac_nhan"
    # Why, worded from the figures: never a YAML path or a template.
    assert not any("so_lieu" in r.reason or "{" in r.reason for r in rows)
    assert all(r.shown for r in rows if r.included)


def test_section_marks_cover_every_section(copy: Path) -> None:
    draft = Draft.open(copy)
    marks = section_marks(draft.report(), draft.bank, composer=draft.composer())
    assert set(draft.outline.ids) | {UNIT_MARK} <= set(marks)
    assert marks["II.3"].state == "du" and marks["II.3"].symbol == "✓"
    assert marks["III.1"].state == "mot_phan" and marks["III.1"].label == "chưa chọn câu mẫu"
    empty = Draft.new(2025)
    assert section_marks(empty.report(), empty.bank)["II.3"].state == "trong"


# -- recovery ---------------------------------------------------------------------------


def test_recovery_next_to_the_file(copy: Path) -> None:
    draft = Draft.open(copy)
    assert draft.write_recovery() is None  # nothing unsaved
    draft.set_figure_text("an_hinh_su.thu_ly", "ky_nay", "1.999")
    written = draft.write_recovery()
    assert written == recovery_path(copy) == copy.with_name("bao-cao.autosave.yaml")
    assert draft.write_recovery() is None  # unchanged since
    assert Draft.has_recovery(copy)
    again = Draft.open(copy)
    again.restore_recovery()
    assert again.dirty and again.figure_value("an_hinh_su.thu_ly", "ky_nay") == 1999
    again.save()
    assert not written.exists() and not Draft.has_recovery(copy)


def test_recovery_of_an_untitled_draft_is_in_the_current_folder(tmp_path: Path) -> None:
    draft = Draft.open(SAMPLE_PATH)
    draft.set_figure_text("an_hinh_su.thu_ly", "ky_nay", "1.234")
    assert draft.write_recovery() == tmp_path / "bao-cao-chua-luu.autosave.yaml"
    assert Draft.has_recovery(None) and Draft.has_recovery(SAMPLE_PATH)
    draft.discard_recovery()
    assert not Draft.has_recovery(None)
    draft.write_recovery(force=True)
    draft.save("bao-cao-2024.yaml")
    assert not (tmp_path / "bao-cao-chua-luu.autosave.yaml").exists()
    assert (tmp_path / "bao-cao-2024.yaml").read_text(encoding="utf-8").count("ky_nay: 1234") == 1


def test_listeners_hear_every_change(copy: Path) -> None:
    draft = Draft.open(copy)
    heard: list[int] = []
    draft.listeners.append(lambda d: heard.append(d.version))
    draft.set_figure_text("to_chuc.thu_ky", "", "99")
    draft.add_paragraph("II.6", "x")
    assert heard == [1, 2]


def test_opening_reads_the_document_once_with_its_comments(copy: Path) -> None:
    # One YAML parser (#12): ``defer`` no longer reads a quick copy first; the editor's
    # calls keep working.
    draft = Draft.open(copy, defer=True)
    assert draft.document_loaded
    assert draft.figure_text("an_hinh_su.thu_ly", "ky_nay") == "1.412"
    assert draft.report().figure("an_hinh_su.thu_ly").current == 1412
    assert [r.text[:20] for r in draft.content("I")][0] == "Tòa án nhân dân tỉnh"
    assert draft.text() == SAMPLE_TEXT
    draft.set_figure_text("an_hinh_su.thu_ly", "ky_nay", "1.500")
    draft.save()
    after = copy.read_text(encoding="utf-8")
    assert changed_lines(SAMPLE_TEXT, after) == [("-       ky_nay: 1412", "+       ky_nay: 1500")]
    sample = Draft.open(SAMPLE_PATH, defer=True)
    assert sample.untitled
    sample.load_document()
    assert sample.document_loaded and sample.text() == SAMPLE_TEXT


def test_structures_the_writer_broke_are_reported_not_replaced(tmp_path: Path) -> None:
    target = tmp_path / "hong.yaml"
    broken = "nam: 2024\nphien_ban: 3\nso_lieu: [1, 2]\nvan_ban: {a: 1}\nnoi_dung:\n  I: 3\n"
    target.write_text(broken, encoding="utf-8")
    draft = Draft.open(target)
    with pytest.raises(ValueError, match="so_lieu.*không phải bảng khóa"):
        draft.set_figure_text("to_chuc.thu_ky", "", "3")
    with pytest.raises(ValueError, match="van_ban.*không phải danh sách"):
        draft.add_document("ban_hanh", "", "", "Kế hoạch")
    with pytest.raises(ValueError, match="noi_dung.I.*không phải danh sách"):
        draft.add_paragraph("I", "x")
    with pytest.raises(IndexError):
        draft.update_document(0, "ban_hanh", "", "", "x")
    assert draft.documents() == [] and draft.content("I") == []
    assert draft.figure_value("to_chuc.thu_ky", "") is None
    assert draft.version == 0


def test_rows_that_are_not_mappings(tmp_path: Path) -> None:
    target = tmp_path / "rows.yaml"
    target.write_text(
        "nam: 2024\nvan_ban:\n  - chỉ một dòng chữ\nnoi_dung:\n  IV.3:\n    - Đoạn viết thẳng\n    - 5\n",
        encoding="utf-8",
    )
    draft = Draft.open(target)
    with pytest.raises(ValueError, match="không phải bảng khóa"):
        draft.remove_document(0)
    rows = draft.content("IV.3")
    assert [r.text for r in rows] == ["Đoạn viết thẳng", "5"]
    assert draft.set_paragraph("IV.3", 0, "Đoạn đã sửa")
    assert not draft.set_paragraph("IV.3", 0, "Đoạn đã sửa")
    with pytest.raises(ValueError, match="không phải đoạn văn"):
        draft.set_paragraph("IV.3", 1, "x")
    for bad in (
        lambda: draft.set_paragraph("IV.3", 9, "x"),
        lambda: draft.remove_item("IV.3", 9),
        lambda: draft.move_item("IV.3", 9, 1),
    ):
        with pytest.raises(IndexError):
            bad()
    with pytest.raises(KeyError):
        draft.choose_phrase("IV.3", "khong.co")
    with pytest.raises(KeyError):
        draft.pin_variant("IV.3", "khong.co", None)


def test_pinning_a_phrase_not_chosen_adds_it(copy: Path) -> None:
    draft = Draft.open(copy)
    phrase = next(p for p in draft.bank.phrases.values() if p.section == "IV.2" and len(p.variants) > 1)
    draft.pin_variant("IV.2", phrase.id, 2)
    assert next(r for r in draft.content("IV.2") if r.phrase_id == phrase.id).variant == 2
    assert draft.choose_phrase("IV.2", phrase.id, variant=1) >= 0
    assert next(r for r in draft.content("IV.2") if r.phrase_id == phrase.id).variant == 1
    with pytest.raises(ValueError, match="cách viết"):
        draft.choose_phrase("IV.2", phrase.id, variant=99)
    assert not draft.unchoose_phrase("IV.2", "khong.co")


def test_typed_values_checked_for_each_kind(copy: Path) -> None:
    draft = Draft.open(copy)
    with pytest.raises(TypeError):
        draft.set_figure("an_hinh_su.thu_ly", "nguyen_nhan", 3)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="từ 0 đến"):
        draft.set_figure("an_hinh_su.thu_ly", "ky_nay", -1)
    with pytest.raises(KeyError):
        draft.set_unit_text("khong_co", "x")
    with pytest.raises(ValueError, match="quan_triet hoặc ban_hanh"):
        draft.add_document("khac", "", "", "x")
    assert not draft.set_figure_text("pha_san.thu_ly", "nguyen_nhan", "")  # absent and empty: no change
    assert not draft.set_unit_text("ten", "Tòa án nhân dân tỉnh Hoa Sen")
    assert draft.set_unit_text("so", "15") is False and draft.set_unit_text("so", "16")
    assert draft.set_unit_text("ten_ngan", "") and draft.unit_text("ten_ngan") == ""
    assert not draft.set_recipients(draft.recipients())
    assert not draft.set_year("2024")
    index = draft.add_movement("Thi đua A", "a", "Tốt", unit="Tòa án huyện X")
    assert draft.movements("a")[-1].unit == "Tòa án huyện X"
    assert draft.update_movement(index, "Thi đua A", "Tốt", unit="")
    assert not draft.update_movement(index, "Thi đua A", "Tốt", unit="")
    assert draft.movements("a")[-1].unit == ""
    assert not draft.set_movement_result("vi_cong_ly", draft.movements("a")[0].result)
    doc = draft.documents("ban_hanh")[0]
    assert draft.update_document(doc.index, "ban_hanh", "", doc.date, doc.summary)
    assert draft.documents("ban_hanh")[0].number == ""
    assert not draft.update_document(doc.index, "ban_hanh", "", doc.date, doc.summary)


def test_saving_to_a_missing_folder_or_a_folder(tmp_path: Path, copy: Path) -> None:
    draft = Draft.open(copy)
    with pytest.raises(OutputError, match="không tồn tại"):
        draft.save(tmp_path / "khong-co" / "a.yaml")
    with pytest.raises(OutputError, match="thư mục"):
        draft.save(tmp_path)


def test_a_recovery_file_that_is_not_a_mapping(copy: Path) -> None:
    recovery_path(copy).write_text("- 1\n", encoding="utf-8")
    draft = Draft.open(copy)
    assert Draft.has_recovery(copy)
    with pytest.raises(ProblemsError, match="bảng khóa"):
        draft.restore_recovery()


def test_year_of_a_file_without_one(tmp_path: Path) -> None:
    target = tmp_path / "khong-nam.yaml"
    target.write_text("don_vi: {ten: A}\n", encoding="utf-8")
    assert Draft.open(target).year == datetime.date.today().year
