"""Validated data is an immutable snapshot, and every problem of the input comes at once (#12, #15).

- a date that does not exist is one problem among the others, not the end of reading;
- an unknown phrase is reported with the validation problems (no second pass);
- a mapping built in memory gives the same problems as the file, named ``<dict>``;
- nothing reads back into the YAML document: changing it after validation changes
  nothing ``check`` says.
"""

from __future__ import annotations

import dataclasses
import datetime
import json
from pathlib import Path

import pytest

from drafting.checks.checker import check_file, check_report
from drafting.datafile.validate import load_report, parse_report, validate_mapping
from drafting.errors import ProblemsError
from drafting.files.yamlio import parse_yaml
from tests.sample_data import SAMPLE, SAMPLE_TEXT, line_of_text, replace_once, write_text

BROKEN = """nam: 2024
don_vi:
  ten: Tòa án nhân dân tỉnh Hoa Sen
  ngay: 2024-02-30
so_lieu:
  an_hinh_su:
    thu_ly: {ky_nay: "1.412", cung_ky: 1318}
    thu_li: 3
  dien_hinh:
    sang_kien: !!int mười hai
van_ban:
  - {loai: ban_hanh, ngay: 2024-13-01, trich_yeu: Kế hoạch}
noi_dung:
  III.1: [{cau: uu_diem.khong_co}]
"""


def _messages(exc: ProblemsError) -> list[str]:
    return [f"{p.line}: {p.key}: {p.message}" for p in exc.problems]


def test_a_bad_date_hides_no_other_problem(tmp_path: Path) -> None:
    path = write_text(tmp_path, "bc.yaml", BROKEN)
    with pytest.raises(ProblemsError) as caught:
        load_report(path)
    found = _messages(caught.value)
    assert found[0].startswith("4: don_vi.ngay: ngày “2024-02-30” không có thật")
    assert any(m.startswith("7: so_lieu.an_hinh_su.thu_ly.ky_nay: số liệu phải là số") for m in found)
    assert any(m.startswith("8: so_lieu.an_hinh_su.thu_li: không có chỉ số này") for m in found)
    assert any(m.startswith("10: so_lieu.dien_hinh.sang_kien: không đọc được giá trị “mười hai”") for m in found)
    assert any(m.startswith("12: van_ban[0].ngay: ngày “2024-13-01” không có thật") for m in found)
    assert any(m.startswith("14: noi_dung.III.1[0]: không có câu mẫu “uu_diem.khong_co”") for m in found)
    assert len(found) == 6, found  # each once: no knock-on message for the values that could not be read
    # check says the same, each at its section.
    result = check_file(path)
    assert [(f.line, f.section) for f in result.errors][:2] == [(4, ""), (7, "II.3")]
    assert len(result.errors) == 6


def test_a_mapping_in_memory_gives_the_files_problems_named_dict() -> None:
    data = parse_yaml(BROKEN, "bc.yaml", keep_bad=True)
    with pytest.raises(ProblemsError) as from_file:
        parse_report(BROKEN, "bc.yaml")
    plain = json.loads(json.dumps(_plain(data), default=str))
    plain["so_lieu"]["dien_hinh"]["sang_kien"] = "mười hai"
    with pytest.raises(ProblemsError) as from_dict:
        validate_mapping(plain)
    assert {p.file for p in from_dict.value.problems} == {"<dict>"}
    assert all(p.line is None for p in from_dict.value.problems)
    keys = sorted(p.key for p in from_file.value.problems)
    assert sorted(p.key for p in from_dict.value.problems) == keys
    by_key = {p.key: p.message for p in from_dict.value.problems}
    assert by_key["don_vi.ngay"].startswith("ngày “2024-02-30” không có thật")
    assert by_key["so_lieu.dien_hinh.sang_kien"].startswith("số liệu phải là số, không phải văn bản “mười hai”")


def _plain(node: object) -> object:
    if isinstance(node, dict):
        return {str(k): _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    return str(node) if isinstance(node, str) else node


def test_a_date_as_text_in_a_mapping_is_a_date() -> None:
    report = validate_mapping(
        {"nam": 2024, "don_vi": {"ngay": "2024-11-25"}, "van_ban": ({"trich_yeu": "Kế hoạch", "ngay": "2024-01-10"},)}
    )
    assert report.unit.date == datetime.date(2024, 11, 25)
    assert report.documents[0].date == datetime.date(2024, 1, 10)
    with pytest.raises(ProblemsError) as caught:
        validate_mapping({"nam": 2024, "don_vi": {"ngay": "25/11/2024"}})
    (problem,) = caught.value.problems
    assert problem.message == "ngày phải viết dạng NĂM-THÁNG-NGÀY (ví dụ 2024-12-05), không phải “25/11/2024”"


def test_the_report_is_a_snapshot_that_never_reads_the_document_again(tmp_path: Path) -> None:
    text = replace_once(SAMPLE_TEXT, "  ten_ngan: Tòa án tỉnh\n", "  ten_ngan: Toà án tỉnh\n")
    data = parse_yaml(text, "bc.yaml")
    from drafting.datafile.validate import validate_report

    report = validate_report(data, "bc.yaml")
    assert "raw" not in {f.name for f in dataclasses.fields(report)}
    before = check_report(report).as_json()
    line = line_of_text(SAMPLE, "ten_ngan: Tòa án tỉnh")
    assert any(f["key"] == "don_vi.ten_ngan" and f["line"] == line for f in before["warnings"])
    data.clear()  # the live document goes away: nothing the check says may change
    assert check_report(report).as_json() == before
    with pytest.raises(dataclasses.FrozenInstanceError):
        report.locations = report.locations  # type: ignore[misc]


def test_locations_place_every_key_of_the_sample() -> None:
    report = load_report(SAMPLE)
    places = report.locations
    assert places.line("so_lieu", "an_hinh_su", "thu_ly", "ky_nay") == line_of_text(SAMPLE, "ky_nay: 1412")
    assert places.line("don_vi", "noi_nhan", 0) == line_of_text(SAMPLE, "Vụ Thi đua - Khen thưởng TANDTC;")
    assert places.views["phong_trao[0]"] == "phong_trao_a"
    assert places.texts[0] == ("don_vi.co_quan_chu_quan", "TÒA ÁN NHÂN DÂN TỐI CAO")
