"""Validation of the data file: every problem located, in Vietnamese, all at once."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from drafting.datafile.validate import load_report, parse_report
from drafting.errors import ProblemsError


def problems_of(text: str) -> list[str]:
    with pytest.raises(ProblemsError) as info:
        parse_report(text, "bao-cao.yaml")
    return [str(p) for p in info.value.problems]


def test_sample_is_valid(sample_path: Path) -> None:
    report = load_report(sample_path)
    assert report.year == 2024
    assert report.figure("an_hinh_su.thu_ly").current == 1412
    assert report.figure("an_hinh_su.thu_ly").previous == 1318
    assert report.unit.issuing_body == "TÒA ÁN NHÂN DÂN TỈNH HOA SEN"
    assert report.options.seed == 2024


def test_malformed_yaml_is_located() -> None:
    (msg,) = problems_of("nam: 2024\nso_lieu:\n  an_hinh_su: [1, 2\n")
    assert msg.startswith("bao-cao.yaml:")
    assert "YAML không hợp lệ" in msg


def test_list_where_mapping_belongs() -> None:
    (msg,) = problems_of("nam: 2024\ndon_vi: [a, b]\n")
    assert msg == "bao-cao.yaml:2: don_vi: phải là bảng khóa (mapping), không phải danh sách"


def test_text_in_a_number_with_hint() -> None:
    (msg,) = problems_of('nam: 2024\nso_lieu:\n  an_hinh_su:\n    thu_ly: {ky_nay: "1.234", cung_ky: 10}\n')
    assert msg.startswith("bao-cao.yaml:4: so_lieu.an_hinh_su.thu_ly.ky_nay: số liệu phải là số")
    assert "viết 1234" in msg


def test_negative_and_fractional_counts() -> None:
    msgs = problems_of("nam: 2024\nso_lieu:\n  an_hinh_su:\n    thu_ly: {ky_nay: -3, cung_ky: 2.5}\n")
    assert "bao-cao.yaml:4: so_lieu.an_hinh_su.thu_ly.ky_nay: không được âm (-3)" in msgs
    assert any("so_lieu.an_hinh_su.thu_ly.cung_ky: số liệu phải là số nguyên" in m for m in msgs)


def test_missing_year() -> None:
    msgs = problems_of("don_vi: {ten: A}\n")
    assert any("nam: thiếu năm báo cáo" in m for m in msgs)


def test_year_out_of_range() -> None:
    (msg,) = problems_of("nam: 1990\n")
    assert msg == "bao-cao.yaml:1: nam: năm báo cáo 1990 nằm ngoài khoảng 2000–2100"


def test_unknown_figure_and_key_with_did_you_mean() -> None:
    msgs = problems_of("nam: 2024\nso_lieu:\n  an_hinh_su:\n    thu_li: {ky_nay: 1}\n  an_hinh_sụ: {}\nnoi_dug: {}\n")
    assert "bao-cao.yaml:4: so_lieu.an_hinh_su.thu_li: không có chỉ số này trong danh mục (có phải “thu_ly”?)" in msgs
    assert any(m.startswith("bao-cao.yaml:5: so_lieu.an_hinh_sụ: không có nhóm số liệu") for m in msgs)
    assert "bao-cao.yaml:6: noi_dug: khóa không hợp lệ (có phải “noi_dung”?)" in msgs


def test_every_problem_reported_at_once() -> None:
    msgs = problems_of("nam: abc\nso_lieu:\n  an_hinh_su:\n    thu_ly: {ky_nay: x}\n    giai_quyet: {ky_nay: -1}\n")
    assert len(msgs) == 3


def test_rates_are_not_entered() -> None:
    (msg,) = problems_of("nam: 2024\nso_lieu:\n  an_hinh_su:\n    ty_le_giai_quyet: 90\n")
    assert "tỷ lệ được tính tự động" in msg


def test_compared_figure_must_be_a_mapping() -> None:
    (msg,) = problems_of("nam: 2024\nso_lieu:\n  an_hinh_su:\n    thu_ly: 12\n")
    assert "{ky_nay, cung_ky, nguyen_nhan}" in msg


def test_dates_in_other_formats() -> None:
    (msg,) = problems_of('nam: 2024\ndon_vi:\n  ngay: "05/01/2025"\n')
    assert msg.startswith("bao-cao.yaml:3: don_vi.ngay: ngày phải viết dạng NĂM-THÁNG-NGÀY")


def test_duplicate_keys() -> None:
    (msg,) = problems_of("nam: 2024\nnam: 2025\n")
    assert msg == "bao-cao.yaml:2: khóa “nam” bị lặp lại"


def test_unknown_section_in_content() -> None:
    (msg,) = problems_of("nam: 2024\nnoi_dung:\n  III.9: []\n")
    assert "noi_dung.III.9: không có mục này trong đề cương" in msg


def test_writer_text_is_normalised_to_nfc() -> None:
    decomposed = "Tòa án".replace("ò", "o\u0300")
    report = parse_report(f"nam: 2024\ndon_vi:\n  ten: {decomposed}\n")
    assert report.unit.name == "Tòa án"


def test_missing_file_and_encodings(tmp_path: Path) -> None:
    with pytest.raises(ProblemsError, match="không tìm thấy tệp"):
        load_report(tmp_path / "khong-co.yaml")
    utf16 = tmp_path / "utf16.yaml"
    utf16.write_bytes("nam: 2024\n".encode("utf-16"))
    with pytest.raises(ProblemsError, match="UTF-16"):
        load_report(utf16)
    cp = tmp_path / "cp1258.yaml"
    cp.write_bytes(unicodedata.normalize("NFD", "nam: 2024\ndon_vi:\n  ten: Tòa án\n").encode("cp1258"))
    with pytest.raises(ProblemsError, match="UTF-8"):
        load_report(cp)
