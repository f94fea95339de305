"""The data file's shape is written once (#12): ``phrasebank/tep_du_lieu.yaml`` through ``bank.schema``.

Adding a unit field or a list is a data edit: in a copy of the phrase bank, a new unit
field, a field valid only from 2025 and a new list are validated, written commented in a
new file, listed by the completeness checklist, set through a draft and composed —
without any Python edit.
"""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import pytest

from drafting.bank.bank import Bank, default_bank
from drafting.checks.completeness import checklist
from drafting.composition.composer import compose
from drafting.datafile.skeleton import skeleton_text
from drafting.datafile.validate import parse_report
from drafting.editing.draft import Draft
from drafting.errors import ProblemsError

ROOT = Path(__file__).resolve().parent.parent

NEW_UNIT_FIELDS = """      - khoa: dien_thoai
        nhan: Điện thoại liên hệ
        ten_goi: số điện thoại liên hệ
        chu_thich: Số điện thoại của bộ phận thi đua, khen thưởng.
        bat_buoc: true
      - khoa: ngay_hop_nhat
        nhan: Ngày hợp nhất
        ten_goi: ngày hợp nhất đơn vị
        kieu: ngay
        chu_thich: Ngày đơn vị được hợp nhất, dạng NĂM-THÁNG-NGÀY.
        hieu_luc: {tu_nam: 2025}
"""
NEW_LIST = """  - khoa: sang_kien
    nhan: Sáng kiến được công nhận
    chu_thich: Các sáng kiến được công nhận trong năm (mục II.5).
    danh_sach:
      muc_ten: sáng kiến
      vi_du: |-
        - ten: Sổ tay điện tử cho Thư ký phiên tòa
          so_nguoi: 3
      truong:
        - {khoa: ten, nhan: Tên sáng kiến, bat_buoc: true}
        - {khoa: ngay, nhan: Ngày công nhận, kieu: ngay}
        - {khoa: so_nguoi, nhan: Số người tham gia, kieu: so_nguyen}

"""
NEW_STYLE = """  sang_kien:
    mo_dau: "Trong năm {{ nam }}, đơn vị có {{ so }} sáng kiến được công nhận:"
    thieu: các sáng kiến được công nhận
"""


def _insert(text: str, before: str, addition: str) -> str:
    assert text.count(before) == 1, before
    return text.replace(before, addition + before)


@pytest.fixture(scope="module")
def bank(tmp_path_factory: pytest.TempPathFactory) -> Bank:
    """A copy of the shipped bank with a unit field, a field from 2025 and a list added as data."""
    folder = tmp_path_factory.mktemp("kho") / "phrasebank"
    shutil.copytree(ROOT / "phrasebank", folder)
    schema = folder / "tep_du_lieu.yaml"
    text = schema.read_text(encoding="utf-8")
    text = _insert(text, "      - khoa: dia_danh\n", NEW_UNIT_FIELDS)
    text = _insert(text, "  - khoa: noi_dung\n", NEW_LIST)
    schema.write_text(text, encoding="utf-8")
    outline = folder / "dan_y.yaml"
    text = _insert(outline.read_text(encoding="utf-8"), "\n# Các phong trào đề cương nêu tên", NEW_STYLE)
    start = text.index("  - id: II.5\n")
    end = text.index("\n\n", start)
    text = text[:end] + "\n    danh_sach: [sang_kien]" + text[end:]
    outline.write_text(text, encoding="utf-8")
    return Bank(base=folder)


def _file(year: int, unit: str = "", lists: str = "") -> str:
    return f"nam: {year}\ndon_vi:\n  ten: Tòa án nhân dân tỉnh Hoa Sen\n{unit}{lists}"


def _problems(text: str, bank: Bank) -> list[str]:
    with pytest.raises(ProblemsError) as caught:
        parse_report(text, "bc.yaml", bank)
    return [str(p) for p in caught.value.problems]


def test_the_shipped_schema_describes_todays_file() -> None:
    schema = default_bank().schema
    assert schema.top_keys[:3] == ("nam", "phien_ban", "don_vi")
    assert [f.key for f in schema.unit_fields(2024)][-1] == "noi_nhan"
    required = [f.name for f in schema.unit_fields(2024) if f.required]
    assert required[:2] == ["tên cơ quan ban hành", "tên đơn vị"]
    documents = schema.list_spec("van_ban")
    assert documents.keys == ("loai", "so", "ngay", "trich_yeu", "don_vi")
    assert documents.views == ("van_ban_quan_triet", "van_ban_ban_hanh")
    assert schema.view_label("van_ban_ban_hanh") == "Văn bản đơn vị đã ban hành"


def test_validation_accepts_and_rejects_the_added_fields_and_list(bank: Bank) -> None:
    good = _file(
        2025,
        '  dien_thoai: "0210 3852 123"\n  ngay_hop_nhat: 2025-07-01\n',
        "sang_kien:\n  - {ten: Sổ tay điện tử, ngay: 2025-03-05, so_nguoi: 3}\n",
    )
    report = parse_report(good, "bc.yaml", bank)
    assert report.unit.get("dien_thoai") == "0210 3852 123"
    assert report.unit.get("ngay_hop_nhat") == datetime.date(2025, 7, 1)
    (item,) = report.lists["sang_kien"]
    assert (item.get("ten"), item.get("so_nguoi"), item.get("ngay")) == ("Sổ tay điện tử", 3, datetime.date(2025, 3, 5))

    bad = _file(2024, "  ngay_hop_nhat: 2024-07-01\n", "sang_kien:\n  - {so_nguoi: ba, mau: 1}\n")
    problems = _problems(bad, bank)
    assert any("bc.yaml:4: don_vi.ngay_hop_nhat: khóa chỉ dùng cho báo cáo từ năm 2025" in p for p in problems)
    assert any("sang_kien[0].so_nguoi: số người tham gia phải là số nguyên" in p for p in problems)
    assert any("sang_kien[0].mau: khóa không hợp lệ" in p for p in problems)
    assert any("sang_kien[0].ten: thiếu tên sáng kiến" in p for p in problems)
    # The shipped bank knows none of them.
    shipped = _problems(_file(2025, "  dien_thoai: x\n"), default_bank())
    assert any("don_vi.dien_thoai: khóa không hợp lệ" in p for p in shipped)


def test_the_new_file_writes_them_commented_and_is_valid(bank: Bank) -> None:
    text = skeleton_text(2025, bank)
    assert "  # Số điện thoại của bộ phận thi đua, khen thưởng.\n  dien_thoai:\n" in text
    assert "  # Ngày đơn vị được hợp nhất, dạng NĂM-THÁNG-NGÀY.\n  ngay_hop_nhat:\n" in text
    assert "# Các sáng kiến được công nhận trong năm (mục II.5).\nsang_kien: []\n#  - ten: Sổ tay điện tử" in text
    assert "ngay_hop_nhat" not in skeleton_text(2024, bank)
    parse_report(text, "moi.yaml", bank)


def test_completeness_lists_them_and_a_draft_sets_them(bank: Bank) -> None:
    draft = Draft.new(2025, bank=bank)
    statuses = checklist(draft.report(), bank)
    assert "chưa nhập số điện thoại liên hệ" in [i.message for i in statuses["don_vi"].missing]
    missing = [i.message for i in statuses["II.5"].missing]
    assert any("chưa có sáng kiến nào (sang_kien)" in m for m in missing), missing

    assert draft.set_unit_text("dien_thoai", " 0210 3852 123 ")
    assert draft.set_unit_text("ngay_hop_nhat", "01/7/2025")
    with pytest.raises(ValueError, match="số người tham gia"):
        draft.add_row("sang_kien", {"ten": "Sổ tay điện tử", "so_nguoi": "ba"})
    with pytest.raises(ValueError, match="thiếu tên sáng kiến"):
        draft.add_row("sang_kien", {"so_nguoi": "3"})
    index = draft.add_row("sang_kien", {"ten": "Sổ tay điện tử", "ngay": "05/3/2025", "so_nguoi": "3"})
    assert index == 0 and "sang_kien:\n  - ten: Sổ tay điện tử\n    ngay: 2025-03-05\n    so_nguoi: 3\n" in draft.text()
    text = draft.text()
    assert text.index("  ten_ngan:") < text.index("  dien_thoai: 0210 3852 123\n") < text.index("  dia_danh:")
    assert "  ngay_hop_nhat: 2025-07-01\n" in text

    report = draft.report()
    statuses = checklist(report, bank)
    assert "chưa nhập số điện thoại liên hệ" not in [i.message for i in statuses["don_vi"].missing]
    assert not any("chưa có sáng kiến nào" in i.message for i in statuses["II.5"].missing)
    section = compose(report, bank).find("II.5")
    assert section is not None
    texts = [getattr(b, "text", "") for b in section.blocks]
    lead = "Trong năm 2025, đơn vị có 01 sáng kiến được công nhận:"
    assert f"{lead} Sổ tay điện tử, ngày 05/3/2025, số người tham gia 3." in texts

    assert draft.update_row("sang_kien", 0, {"so_nguoi": ""})
    assert draft.report().lists["sang_kien"][0].get("so_nguoi") is None
    draft.remove_row("sang_kien", 0)
    assert draft.report().lists["sang_kien"] == ()


def test_a_mistake_in_the_schema_file_is_located(tmp_path: Path) -> None:
    folder = tmp_path / "phrasebank"
    shutil.copytree(ROOT / "phrasebank", folder)
    schema = folder / "tep_du_lieu.yaml"
    text = schema.read_text(encoding="utf-8").replace("        kieu: so_van_ban\n", "        kieu: so_hieu\n")
    schema.write_text(text, encoding="utf-8")
    with pytest.raises(ProblemsError) as caught:
        _ = Bank(base=folder).schema
    (problem,) = caught.value.problems
    assert problem.key.endswith(".kieu") and "kiểu không có" in problem.message and problem.line
