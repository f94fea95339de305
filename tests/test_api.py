"""The public library API: exports, output in memory and as JSON, the data-key map."""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, run_cli

import drafting
from drafting import (
    DOCUMENT_JSON_VERSION,
    ProblemsError,
    attribute_rows,
    compose,
    document_bytes,
    document_to_json,
    load_report,
    section_suggestions,
    to_markdown,
    to_text,
    validate_mapping,
    write_document,
)
from drafting.bank.bank import default_bank
from drafting.document import Paragraph, Table
from drafting.report_keys import TOP_ATTRIBUTES, attribute_table


@pytest.fixture(scope="module")
def sample_document(sample_path_module: Path) -> drafting.Document:
    return compose(load_report(sample_path_module))


@pytest.fixture(scope="module")
def sample_path_module() -> Path:
    return ROOT / "examples" / "bao-cao-mau-2024.yaml"


def test_every_exported_name_resolves_and_is_documented() -> None:
    for name in drafting.__all__:
        value = getattr(drafting, name)
        if callable(value):
            assert value.__doc__, f"drafting.{name} has no docstring"
    assert {"load_report", "parse_report", "validate_mapping", "compose", "check_report", "CheckResult"} <= set(
        drafting.__all__
    )
    assert {"Finding", "section_suggestions", "document_to_json", "write_document", "ProblemsError"} <= set(
        drafting.__all__
    )


def test_document_json_holds_every_section_and_paragraph(sample_document: drafting.Document) -> None:
    data = document_to_json(sample_document)
    assert data["phien_ban"] == DOCUMENT_JSON_VERSION == 1
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data  # only JSON types

    def sections(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [s for item in items for s in (item, *sections(item["muc_con"]))]

    in_json = sections(data["muc"])
    model = [s for top in sample_document.sections for s in top.walk()]
    assert [s["id"] for s in in_json] == [s.id for s in model]
    for js, section in zip(in_json, model, strict=True):
        assert js["tieu_de"] == section.heading and js["cap"] == section.level
        for block, original in zip(js["khoi"], section.blocks, strict=True):
            if isinstance(original, Paragraph):
                assert block == {
                    "loai": "doan",
                    "van_ban": original.text,
                    "chua_nhap": [g.what for g in original.words.gaps],
                }
            else:
                assert isinstance(original, Table)
                assert [block["tieu_de_cot"], *block["dong"]] == [list(r) for r in original.text_rows()]
    assert data["dau_van_ban"]["co_quan_ban_hanh"] == "TÒA ÁN NHÂN DÂN TỈNH HOA SEN"
    assert data["chu_ky"]["ho_ten"] == "Nguyễn Thị Thanh Hương"
    assert data["noi_nhan"][-1].startswith("- Lưu")


def test_gaps_are_listed_in_json() -> None:
    report = validate_mapping({"nam": 2025, "so_lieu": {"an_hinh_su": {"thu_ly": {"ky_nay": 12, "cung_ky": 10}}}})
    data = document_to_json(compose(report))
    paragraphs = [b for s in data["muc"] for c in [s, *s["muc_con"]] for b in c["khoi"] if b["loai"] == "doan"]
    gaps = [p for p in paragraphs if p["chua_nhap"]]
    assert gaps and all(f"[Chưa nhập: {p['chua_nhap'][0]}]" in p["van_ban"] for p in gaps)
    assert data["chu_ky"]["ho_ten"] == "[Chưa nhập: họ và tên người ký]"


def test_render_json_to_stdout_is_the_library_json(
    sample_path_module: Path, sample_document: drafting.Document
) -> None:
    result = run_cli("render", str(sample_path_module), "-o", "-", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == document_to_json(sample_document)


def test_exports_in_memory_and_to_a_path(tmp_path: Path, sample_document: drafting.Document) -> None:
    assert document_bytes(sample_document, "md") == to_markdown(sample_document).encode("utf-8")
    assert document_bytes(sample_document, "txt") == to_text(sample_document).encode("utf-8")
    written = write_document(sample_document, tmp_path / "bao-cao.md")
    assert written.read_text(encoding="utf-8") == to_markdown(sample_document)
    as_json = write_document(sample_document, tmp_path / "bao-cao.json")
    assert json.loads(as_json.read_text(encoding="utf-8")) == document_to_json(sample_document)
    docx = write_document(sample_document, tmp_path / "bao-cao")  # no extension: Word
    assert docx.read_bytes()[:2] == b"PK"
    with pytest.raises(drafting.OutputError, match="không hỗ trợ"):
        write_document(sample_document, tmp_path / "x.md", "html")


def test_section_suggestions(sample_path_module: Path) -> None:
    report = load_report(sample_path_module)
    offered = section_suggestions(report, "III.2")
    assert offered and {s.phrase.section for s in offered} == {"III.2"}
    assert any(s.applies for s in offered) and all(s.reason for s in offered)
    with pytest.raises(ProblemsError, match="không có mục “III.9” trong đề cương"):
        section_suggestions(report, "III.9")


def test_validate_mapping_reports_every_problem_with_dict_keys() -> None:
    with pytest.raises(ProblemsError) as caught:
        validate_mapping(
            {
                "nam": 2024,
                "don_vi": {"ngay": "2024-02-30"},
                "so_lieu": {"an_hinh_su": {"thu_ly": {"ky_nay": -3}, "x": 1}},
                "noi_dung": {"III.1": [{"cau": "uu_diem.khong_co"}]},
            }
        )
    problems = caught.value.problems
    assert [(p.file, p.key) for p in problems] == [
        ("<dict>", "don_vi.ngay"),
        ("<dict>", "noi_dung.III.1[0]"),
        ("<dict>", "so_lieu.an_hinh_su.thu_ly.ky_nay"),
        ("<dict>", "so_lieu.an_hinh_su.x"),
    ]
    assert all(p.line is None for p in problems)


# -- the data-key → attribute map -------------------------------------------------------


def test_readme_table_is_the_generated_map() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(r"<!-- bang-khoa: đầu[^\n]*-->\n(.*?)<!-- bang-khoa: cuối -->", readme, re.S)
    assert found, "README has lost the markers of the data-key table"
    assert found.group(1) == attribute_table(default_bank().schema), (
        "the README's data-key table is out of date: paste the output of python -m drafting.report_keys"
    )


def test_map_covers_every_key_of_the_schema() -> None:
    schema = default_bank().schema
    keys = {key for key, _ in attribute_rows(schema)}
    assert set(schema.top_keys) <= keys
    assert {f"don_vi.{f.key}" for f in schema.unit} <= keys
    assert {f"tuy_chon.{f.key}" for f in schema.options} <= keys
    for spec in schema.lists:
        if spec.key not in ("van_ban", "phong_trao"):
            assert {f"{spec.key}[i].{f.key}" for f in spec.fields} <= keys
    assert {f"van_ban[i].{f.key}" for f in schema.list_spec("van_ban").fields} <= keys
    assert {f"phong_trao[i].{f.key}" for f in schema.list_spec("phong_trao").fields} <= keys
    assert [k for k, attribute in attribute_rows(schema) if not attribute] == ["phien_ban"]
    assert set(schema.top_keys) <= set(TOP_ATTRIBUTES) | {s.key for s in schema.lists}


_PLACES = {
    "<nhóm>": "an_hinh_su",
    "<chỉ số>": "thu_ly",
    "<chỉ tiêu>": "giai_quyet_hinh_su",
    "<mục>": "III.1",
    "<nhận định>": "lanh_dao.quan_triet_van_ban",
    "<đơn vị>": "Đơn vị A",
}
_INDEX = {"phong_trao[i].id": 1, "noi_dung.<mục>[i].van_ban": 1}
_LISTS = ("van_ban", "phong_trao", "noi_dung", "kho_cau_mau")
_STEP = re.compile(r'\.(\w+)\("([^"]*)"\)|\.(\w+)|\["([^"]*)"\]|\[(\d+)\]')


def _resolve(value: Any, expression: str) -> Any:
    """``unit.name``, ``figures["a.b"].current``, ``lists["x"][0].get("y")`` on ``value``."""
    for call, argument, attribute, key, index in _STEP.findall("." + expression):
        if call:
            value = getattr(value, call)(argument)
        elif attribute:
            value = getattr(value, attribute)
        elif index:
            value = value[int(index)]
        else:
            value = value[key]
    return value


def _data_at(data: Any, key: str, index: int) -> Any:
    """The value at a row's key path (placeholders filled in, ``[i]`` is ``index``)."""
    for part in re.findall(r"<[^>]+>|[^.\[\]<]+|\[i\]", key):
        if part == "[i]":
            data = data[index]
            continue
        part = _PLACES.get(part, part)
        if not isinstance(data, dict) or part not in data:
            return KeyError
        data = data[part]
    return data


def test_map_reads_what_validation_built() -> None:
    """Each data key given a distinct value is found at its attribute in the report."""
    unit = {f.key: f"Giá trị {f.key}" for f in default_bank().schema.unit if f.kind in ("dong", "chu")}
    unit.update({"so": 15, "ngay": "2024-11-25", "noi_nhan": ["Như trên;", "Lưu: VT."]})
    unit["ten_don_vi_tong_hop"] = "x"  # not a field: refused below, then removed
    data: dict[str, Any] = {
        "nam": 2024,
        "phien_ban": 2,
        "kho_cau_mau": [{"lop": "kèm theo", "ma": "0123456789ab"}],
        "don_vi": unit,
        "tuy_chon": {"co_chu": 13, "gian_dong": 1.5, "so_0_dau": False, "tien_gon": True, "hat_giong": 7},
        "chi_tieu": {"giai_quyet_hinh_su": 91},
        "so_lieu": {"an_hinh_su": {"thu_ly": {"ky_nay": 12, "cung_ky": 10, "nguyen_nhan": "do tội phạm tăng"}}},
        "van_ban": [
            {"loai": "quan_triet", "so": "01/KH-TA", "ngay": "2024-01-10", "trich_yeu": "Kế hoạch", "don_vi": "A"}
        ],
        "phong_trao": [
            {"nhom": "b", "ten": "Phong trào riêng", "ket_qua": "Tốt", "don_vi": "B"},
            {"id": "vi_cong_ly", "ket_qua": "Đạt"},
        ],
        "noi_dung": {"III.1": [{"cau": "uu_diem.lanh_dao_quan_tam", "cach_viet": 1}, {"van_ban": "Đoạn tự viết."}]},
        "xac_nhan": {"lanh_dao.quan_triet_van_ban": {"khong": True}},
        "tong_hop": ["Đơn vị A"],
        "so_lieu_don_vi": {"Đơn vị A": {"an_hinh_su": {"thu_ly": 5}}},
    }
    with pytest.raises(ProblemsError, match="ten_don_vi_tong_hop"):
        validate_mapping(data)
    del unit["ten_don_vi_tong_hop"]
    report = validate_mapping(data)
    compared = 0
    for key, attribute in attribute_rows(default_bank().schema):
        if not attribute:
            continue
        index = _INDEX.get(key, 0)
        concrete = attribute.replace("[i]", f"[{index}]")
        for place, value in _PLACES.items():
            concrete = concrete.replace(place, value)
        got = _resolve(report, concrete)  # every attribute exists
        expected = _data_at(data, key, index)
        if expected is KeyError or isinstance(expected, dict) or (isinstance(expected, list) and key in _LISTS):
            continue  # a container: its items are compared by their own rows
        if isinstance(expected, list):
            expected = tuple(expected)
        if isinstance(got, datetime.date):
            got = got.isoformat()
        if key == "chi_tieu.<chỉ tiêu>":
            expected = float(expected)
        if key == "don_vi.so":
            expected = str(expected)
        assert got == expected, (key, attribute, got, expected)
        compared += 1
    assert compared == 40  # every row but the containers (don_vi, so_lieu, …), phien_ban and what is not given
