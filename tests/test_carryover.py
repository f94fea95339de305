"""``drafting new FILE --from LAST_YEAR.yaml``: carrying last year's file over."""

from __future__ import annotations

from pathlib import Path

import pytest
from sample_data import SAMPLE, edited

from drafting.bank.bank import default_bank
from drafting.cli import main
from drafting.datafile.carryover import carry_over
from drafting.datafile.validate import load_report
from drafting.errors import OutputError
from drafting.report import FreeText, PhraseChoice


def _with_choices(data: object) -> None:
    assert isinstance(data, dict)
    data["noi_dung"]["III.1"] = [
        {"cau": "uu_diem.lanh_dao_quan_tam", "cach_viet": 2},
        {"van_ban": "Đoạn văn năm trước."},
        {"cau": "uu_diem.doan_ket_ky_cuong"},
    ]
    data["chi_tieu"] = {"nguon": "Chỉ thị số 01/2024/CT-CA", "giai_quyet_hinh_su": 92}


@pytest.fixture
def carried(tmp_path: Path) -> tuple[Path, Path]:
    last = edited(tmp_path, "2024.yaml", _with_choices)
    new = tmp_path / "2025.yaml"
    carry_over(last, new, default_bank())
    return last, new


def test_values_move_to_the_same_period(carried: tuple[Path, Path]) -> None:
    old, new = (load_report(p) for p in carried)
    assert new.year == old.year + 1 == 2025
    compared = [f for f in default_bank().catalogue.figures.values() if f.entered and f.compared]
    uncompared = [f for f in default_bank().catalogue.figures.values() if f.entered and not f.compared]
    for figure in compared:
        assert new.figure(figure.id).previous == old.figure(figure.id).current, figure.id
        assert new.figure(figure.id).current is None
        assert new.figure(figure.id).cause == ""
    for figure in uncompared:
        assert new.figure(figure.id).current is None, figure.id
    assert new.figure("an_hinh_su.thu_ly").previous == 1412
    assert new.figure("tu_thien.tien").previous == 286500000


def test_unit_kept_number_and_date_cleared(carried: tuple[Path, Path]) -> None:
    old, new = (load_report(p) for p in carried)
    assert new.unit.name == old.unit.name == "Tòa án nhân dân tỉnh Hoa Sen"
    assert new.unit.signer_name == old.unit.signer_name
    assert new.unit.recipients == old.unit.recipients
    assert old.unit.number == "15" and new.unit.number == ""
    assert old.unit.date is not None and new.unit.date is None
    assert new.target_overrides == {}


def test_free_text_cleared_phrase_choices_kept(carried: tuple[Path, Path]) -> None:
    old, new = (load_report(p) for p in carried)
    assert new.documents == () and old.documents
    # The outline's movements of the new year (the 2024 motto leaves the 2025 outline, #16).
    assert [m.id for m in new.movements] == [m.id for m in old.movements if m.id != "trach_nhiem_ky_cuong"]
    assert all(m.result == "" for m in new.movements)
    assert new.content["III.1"] == (
        PhraseChoice("uu_diem.lanh_dao_quan_tam", 2, new.content["III.1"][0].line),  # type: ignore[union-attr]
        PhraseChoice("uu_diem.doan_ket_ky_cuong", None, new.content["III.1"][1].line),  # type: ignore[union-attr]
    )
    assert not any(isinstance(i, FreeText) for items in new.content.values() for i in items)
    assert any(isinstance(i, FreeText) for items in old.content.values() for i in items)


def test_comments_are_kept(carried: tuple[Path, Path]) -> None:
    text = carried[1].read_text(encoding="utf-8")
    assert "# Năm báo cáo (năm tổng kết).\nnam: 2025\n" in text
    assert "# Thông tin đơn vị, thể thức văn bản (Nghị định số 30/2020/NĐ-CP)" in text
    # The comment introducing a section whose paragraphs were cleared survives.
    assert "  # Mục II.6 – Tổ chức bộ máy, cán bộ làm công tác thi đua, khen thưởng.\n  II.6: []" in text
    assert "ghi theo mã (id, xem phrasebank/dan_y.yaml)" in text
    # Years in comments move on; document numbers in them do not.
    assert "Kỳ số liệu năm 2025: từ ngày 01/10/2024 đến ngày 30/9/2025" in text


def test_refuses_to_overwrite_the_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    last = edited(tmp_path, "2024.yaml", lambda data: None)
    before = last.read_bytes()
    with pytest.raises(OutputError):
        carry_over(last, last, default_bank())
    assert main(["new", str(last), "--from", str(last), "--force"]) == 2
    assert "không được ghi đè" in capsys.readouterr().err
    assert last.read_bytes() == before


def test_cli_new_from(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "2025.yaml"
    assert main(["new", str(target), "--from", str(SAMPLE)]) == 0
    assert load_report(target).figure("an_hinh_su.giai_quyet").previous == 1368
    assert main(["new", str(target), "--from", str(SAMPLE)]) == 2
    assert "đã tồn tại" in capsys.readouterr().err
