"""``drafting import`` refuses bad input: exit 2, one located line per problem naming the
workbook, sheet and cell, and the data file byte for byte as it was (issue 17)."""

from __future__ import annotations

import io
import unicodedata
import zipfile
from pathlib import Path

import openpyxl
import pytest
from import_helpers import filled_template, write_data_file

from drafting.cli import main
from drafting.datafile.importing import sheets


def refused(capsys: pytest.CaptureFixture[str], data: Path, before: bytes, *args: str | Path) -> list[str]:
    """Run the import; assert it is refused and the data file untouched; return the lines."""
    assert main(["import", *(str(a) for a in args), "--into", str(data)]) == 2
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    assert data.read_bytes() == before
    return captured.err.strip().splitlines()


@pytest.fixture
def data(tmp_path: Path) -> tuple[Path, bytes]:
    path = tmp_path / "bao-cao-2025.yaml"
    return path, write_data_file(path)


def _workbook_with(tmp_path: Path, cells: dict[str, object], sheet: str = "Án hình sự") -> Path:
    book = filled_template(tmp_path / "so-lieu.xlsx", values={})
    workbook = openpyxl.load_workbook(book)
    for ref, value in cells.items():
        workbook[sheet][ref] = value
    workbook.save(book)
    return book


def test_text_that_is_not_a_number_and_a_negative_count(
    tmp_path: Path, data: tuple[Path, bytes], capsys: pytest.CaptureFixture[str]
) -> None:
    book = _workbook_with(tmp_path, {"D4": "mười hai", "E4": -3, "D5": "1.2.3", "E5": 12.5, "D6": 7})
    lines = refused(capsys, *data, book)
    assert lines == [
        f"{book}, trang Án hình sự, ô D4: “mười hai” không phải là số hợp lệ: dùng dấu chấm để phân cách hàng nghìn "
        "và dấu phẩy trước phần thập phân (ví dụ 1.234 hoặc 12,5)",
        f"{book}, trang Án hình sự, ô E4: số liệu không được âm (-3)",
        f"{book}, trang Án hình sự, ô D5: “1.2.3” không phải là số hợp lệ: dùng dấu chấm để phân cách hàng nghìn "
        "và dấu phẩy trước phần thập phân (ví dụ 1.234 hoặc 12,5)",
        f"{book}, trang Án hình sự, ô E5: số liệu phải là số nguyên (“12,5” có phần thập phân)",
    ]


def test_other_cell_contents(tmp_path: Path, data: tuple[Path, bytes], capsys: pytest.CaptureFixture[str]) -> None:
    import datetime

    book = _workbook_with(tmp_path, {"D4": datetime.datetime(2025, 1, 2), "E4": True, "D5": "#DIV/0!"})
    lines = refused(capsys, *data, book)
    assert lines[0].startswith(f"{book}, trang Án hình sự, ô D4: ô chứa ngày, giờ, không phải số")
    assert lines[1] == f"{book}, trang Án hình sự, ô E4: ô chứa giá trị đúng/sai (TRUE), không phải số"
    assert lines[2].startswith(f"{book}, trang Án hình sự, ô D5: ô báo lỗi công thức (#DIV/0!)")


def test_same_period_of_a_figure_not_compared(
    tmp_path: Path, data: tuple[Path, bytes], capsys: pytest.CaptureFixture[str]
) -> None:
    book = _workbook_with(tmp_path, {"E4": 5}, sheet="Tổ chức bộ máy, biên chế")
    assert refused(capsys, *data, book) == [
        f"{book}, trang Tổ chức bộ máy, biên chế, ô E4: chỉ số này không so sánh với cùng kỳ; hãy để trống ô này"
    ]


def test_unknown_figure_ids(tmp_path: Path, data: tuple[Path, bytes], capsys: pytest.CaptureFixture[str]) -> None:
    book = _workbook_with(tmp_path, {"C10": "an_hinh_su.thu_li", "D10": 4, "C11": "an_hinh_su.ty_le_giai_quyet"})
    assert refused(capsys, *data, book) == [
        f"{book}, trang Án hình sự, ô C10: không có chỉ số “an_hinh_su.thu_li” trong danh mục"
        " (có phải “an_hinh_su.thu_ly”?)",
        f"{book}, trang Án hình sự, ô C11: “an_hinh_su.ty_le_giai_quyet” là tỷ lệ, do công cụ tự tính từ các số liệu;"
        " hãy xóa dòng này",
    ]
    # In a map, the place is the map's line.
    layout = tmp_path / "ban-do.yaml"
    layout.write_text(
        "chi_so:\n  an_hinh_su.thu_ly: {trang: A, ky_nay: D4}\n  an_hinh_su.xyz: {trang: A, ky_nay: D5}\n",
        encoding="utf-8",
    )
    assert refused(capsys, *data, book, "--map", layout) == [
        f"{layout}:3: chi_so.an_hinh_su.xyz: không có chỉ số này trong danh mục (có phải “an_hinh_su.thu_ly”?)",
    ]


def test_duplicate_id_and_wrong_year(
    tmp_path: Path, data: tuple[Path, bytes], capsys: pytest.CaptureFixture[str]
) -> None:
    book = _workbook_with(tmp_path, {"C10": "an_hinh_su.thu_ly"})
    assert refused(capsys, *data, book) == [
        f"{book}, trang Án hình sự, ô C10: chỉ số “an_hinh_su.thu_ly” có hai lần "
        f"(lần đầu: {book}, trang Án hình sự, ô C4)"
    ]
    old = filled_template(tmp_path / "nam-2024.xlsx", year=2024, values={})
    lines = refused(capsys, *data, old)
    assert lines[0] == (
        f"{old}, trang Tổ chức bộ máy, biên chế, ô D3: bảng tính lập cho năm 2024, tệp dữ liệu là năm 2025; "
        "hãy lập mẫu năm 2025 (drafting import --template … --year 2025) hoặc chọn đúng tệp"
    )


def test_map_pointing_at_a_missing_sheet_or_cell(
    tmp_path: Path, data: tuple[Path, bytes], capsys: pytest.CaptureFixture[str]
) -> None:
    book = _workbook_with(tmp_path, {"D4": 5})
    layout = tmp_path / "ban-do.yaml"
    layout.write_text(
        "chi_so:\n"
        "  an_hinh_su.thu_ly: {trang: Án hình sụ, ky_nay: D4}\n"
        "  an_hinh_su.giai_quyet: {trang: Án hình sự, ky_nay: D900}\n"
        "  an_dan_su.thu_ly: {trang: Án dân sự, tim: Không có nhãn này, cot_nhan: A, ky_nay: D}\n",
        encoding="utf-8",
    )
    lines = refused(capsys, *data, book, "--map", layout)
    assert lines[0].startswith(
        f"{book}, trang Án hình sụ: không có trang này trong bảng tính (có phải “Án hình sự”?) "
        f"(chỉ số an_hinh_su.thu_ly, bản đồ {layout}:2); các trang: “Hướng dẫn”, “Tổ chức bộ máy, biên chế”"
    )
    assert lines[1] == (
        f"{book}, trang Án hình sự, ô D900: ô nằm ngoài vùng có dữ liệu của trang (đến ô F5); "
        f"chỉ số an_hinh_su.giai_quyet, bản đồ {layout}:3"
    )
    assert lines[2] == (
        f"{book}, trang Án dân sự, cột A: không tìm thấy nhãn “Không có nhãn này” "
        f"(chỉ số an_dan_su.thu_ly, bản đồ {layout}:4)"
    )
    assert len(lines) == 3


def test_a_map_that_is_not_valid(tmp_path: Path, data: tuple[Path, bytes], capsys: pytest.CaptureFixture[str]) -> None:
    book = _workbook_with(tmp_path, {"D4": 5})
    layout = tmp_path / "ban-do.yaml"
    layout.write_text(
        "chi_so:\n"
        "  an_hinh_su.thu_ly: {trang: Án hình sự, ky_nay: D}\n"
        "  an_dan_su.thu_ly: {trang: Án dân sự, tim: Thụ lý, ky_nay: D}\n"
        "  to_chuc.hien_co: {trang: X, ky_nay: C4, cung_ky: D4}\n"
        "  an_lao_dong.thu_ly: {trang: X, ky_nay: D4, cot: A}\n",
        encoding="utf-8",
    )
    assert refused(capsys, *data, book, "--map", layout) == [
        f"{layout}:2: chi_so.an_hinh_su.thu_ly.ky_nay: “D” không phải tên ô như D7 (chỉ ghi cột khi có “tim”)",
        f"{layout}:2: chi_so.an_hinh_su.thu_ly: chưa ghi ô nào (ky_nay, cung_ky hoặc nguyen_nhan)",
        f"{layout}:3: chi_so.an_dan_su.thu_ly.cot_nhan: có “tim” thì phải ghi cột tìm nhãn",
        f"{layout}:4: chi_so.to_chuc.hien_co.cung_ky: chỉ số này không so sánh với cùng kỳ",
        f"{layout}:5: chi_so.an_lao_dong.thu_ly.cot: khóa không hợp lệ",
    ]


def test_a_label_found_twice(tmp_path: Path, data: tuple[Path, bytes], capsys: pytest.CaptureFixture[str]) -> None:
    book = _workbook_with(tmp_path, {"D4": 5})
    layout = tmp_path / "ban-do.yaml"
    layout.write_text(
        "chi_so:\n  an_hinh_su.thu_ly: {trang: Án hình sự, tim: vụ, cot_nhan: B, ky_nay: D}\n", encoding="utf-8"
    )
    assert refused(capsys, *data, book, "--map", layout) == [
        f"{book}, trang Án hình sự: nhãn “vụ” có ở nhiều ô (B4, B5); hãy ghi thẳng ô số liệu "
        f"(chỉ số an_hinh_su.thu_ly, bản đồ {layout}:2)"
    ]


def test_not_a_spreadsheet(tmp_path: Path, data: tuple[Path, bytes], capsys: pytest.CaptureFixture[str]) -> None:
    text = tmp_path / "so-lieu.xlsx"
    text.write_text("Thụ lý: 12\n", encoding="utf-8")
    assert refused(capsys, *data, text) == [f"{text}: không phải bảng tính Excel (.xlsx) hay tệp CSV"]
    docx = tmp_path / "bao-cao.xlsx"
    with zipfile.ZipFile(docx, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    assert refused(capsys, *data, docx) == [f"{docx}: đây là văn bản Word, không phải bảng tính"]
    other = tmp_path / "so-lieu.pdf"
    other.write_bytes(b"%PDF-1.4")
    assert refused(capsys, *data, other) == [f"{other}: chỉ đọc được bảng tính Excel (.xlsx) và tệp CSV (.csv)"]
    old = tmp_path / "cu.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    assert "lưu lại dạng Excel (.xlsx)" in refused(capsys, *data, old)[0]
    assert refused(capsys, *data, tmp_path / "khong-co.xlsx") == [f"{tmp_path / 'khong-co.xlsx'}: không tìm thấy tệp"]


def test_encrypted_workbook(tmp_path: Path, data: tuple[Path, bytes], capsys: pytest.CaptureFixture[str]) -> None:
    """A workbook saved with a password (an OLE2 container, "CDF V2 Encrypted")."""
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = filled_template(tmp_path / "plain.xlsx")
    encrypted = tmp_path / "mat-khau.xlsx"
    stream = io.BytesIO()
    with plain.open("rb") as handle:
        OOXMLFile(handle).encrypt("matkhau", stream)
    encrypted.write_bytes(stream.getvalue())
    assert encrypted.read_bytes()[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    assert refused(capsys, *data, encrypted) == [
        f"{encrypted}: bảng tính được đặt mật khẩu (đã mã hóa), không đọc được; hãy mở bằng Excel, bỏ mật khẩu "
        "(Tệp › Thông tin › Bảo vệ sổ làm việc › Mã hóa bằng mật khẩu) rồi lưu lại"
    ]


def test_corrupt_workbooks(tmp_path: Path, data: tuple[Path, bytes], capsys: pytest.CaptureFixture[str]) -> None:
    whole = filled_template(tmp_path / "whole.xlsx").read_bytes()
    cut = tmp_path / "tai-do.xlsx"
    cut.write_bytes(whole[: len(whole) // 2])
    assert refused(capsys, *data, cut) == [
        f"{cut}: bảng tính bị hỏng (không giải nén được); hãy lấy lại tệp gốc hoặc lưu lại tệp"
    ]
    broken = tmp_path / "hong.xlsx"
    with zipfile.ZipFile(io.BytesIO(whole)) as source, zipfile.ZipFile(broken, "w") as target:
        for name in source.namelist():
            target.writestr(name, b"<workbook><sheets><sheet" if name == "xl/workbook.xml" else source.read(name))
    lines = refused(capsys, *data, broken)
    assert len(lines) == 1 and lines[0].startswith(f"{broken}: bảng tính bị hỏng, openpyxl không đọc được (")


def test_formula_without_a_cached_value(
    tmp_path: Path, data: tuple[Path, bytes], capsys: pytest.CaptureFixture[str]
) -> None:
    """A workbook written by a program (openpyxl here) keeps formulas without their values."""
    book = _workbook_with(tmp_path, {"D4": "=SUM(D5:D6)", "D5": 3, "D6": 4})
    assert refused(capsys, *data, book) == [
        f"{book}, trang Án hình sự, ô D4: ô có công thức (=SUM(D5:D6)) nhưng bảng tính được lưu không kèm giá trị "
        "đã tính (thường do một chương trình khác tạo ra tệp); hãy mở tệp bằng Excel hoặc LibreOffice Calc rồi lưu lại"
    ]


def test_huge_sheet(tmp_path: Path, data: tuple[Path, bytes], capsys: pytest.CaptureFixture[str]) -> None:
    book = _workbook_with(tmp_path, {"A100001": "x"})
    assert refused(capsys, *data, book) == [
        f"{book}, trang Án hình sự: trang quá lớn (100.001 dòng, 6 cột; tối đa 100.000 dòng và 1.000 cột); "
        "hãy xóa các dòng, cột thừa hoặc chép phần số liệu sang một bảng tính mới"
    ]
    wide = _workbook_with(tmp_path, {"ALN4": 1})  # column 1.002
    assert "1.002 cột" in refused(capsys, *data, wide)[0]


def test_huge_files(
    tmp_path: Path, data: tuple[Path, bytes], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    book = filled_template(tmp_path / "so-lieu.xlsx")
    monkeypatch.setattr(sheets, "MAX_BOOK_BYTES", 1000)
    from drafting.datafile.importing import csvfile, workbook

    monkeypatch.setattr(workbook, "MAX_BOOK_BYTES", 1000)
    monkeypatch.setattr(csvfile, "MAX_BOOK_BYTES", 1000)
    assert "bảng tính quá lớn" in refused(capsys, *data, book)[0]
    big = tmp_path / "a.csv"
    big.write_text("Mã;Năm 2025\n" * 200, encoding="utf-8")
    assert "tệp CSV quá lớn" in refused(capsys, *data, big)[0]
    # A small file that unpacks to much more than it weighs.
    monkeypatch.setattr(workbook, "MAX_BOOK_BYTES", 10**7)
    monkeypatch.setattr(workbook, "MAX_UNPACKED_BYTES", 10**5)
    assert "bảng tính quá lớn khi giải nén" in refused(capsys, *data, book)[0]


def _cp1258(text: str) -> bytes:
    """Text as Excel on Vietnamese Windows writes "CSV (Comma delimited)": Windows-1258,
    base letters with combining tone marks."""
    out = b""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    for char in text:
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            decomposed = unicodedata.normalize("NFD", char)
            base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in tones))
            out += base.encode("cp1258") + "".join(c for c in decomposed if c in tones).encode("cp1258")
    return out


def test_csv_in_windows_1258(tmp_path: Path, data: tuple[Path, bytes], capsys: pytest.CaptureFixture[str]) -> None:
    book = tmp_path / "so-lieu.csv"
    book.write_bytes(_cp1258("Chỉ số;Mã;Năm 2025\nThụ lý;an_hinh_su.thu_ly;12\n"))
    assert refused(capsys, *data, book) == [
        f"{book}:1: tệp CSV không phải mã hóa UTF-8 (có thể là Windows-1258, kiểu Excel lưu mặc định); hãy mở tệp "
        "bằng Excel và lưu lại với kiểu “CSV UTF-8 (Comma delimited) (*.csv)” "
        "(LibreOffice: chọn bộ ký tự Unicode (UTF-8))"
    ]


def test_csv_not_laid_out_as_the_template(
    tmp_path: Path, data: tuple[Path, bytes], capsys: pytest.CaptureFixture[str]
) -> None:
    book = tmp_path / "so-lieu.csv"
    book.write_text("Loại án;Thụ lý\nHình sự;12\n", encoding="utf-8")
    assert refused(capsys, *data, book) == [
        f"{book}: không thấy cột “Mã” trong tệp: đây không phải mẫu nhập số liệu của công cụ "
        "(drafting import --template); hãy dùng --map để chỉ ô chứa số liệu"
    ]


def test_the_data_file_itself(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    book = filled_template(tmp_path / "so-lieu.xlsx")
    assert main(["import", str(book), "--into", str(tmp_path / "khong-co.yaml")]) == 2
    assert "không tìm thấy tệp dữ liệu" in capsys.readouterr().err
    assert not (tmp_path / "khong-co.yaml").exists()
    broken = tmp_path / "hong.yaml"
    broken.write_text("nam: 2025\nso_lieu: [\n", encoding="utf-8")
    assert refused(capsys, broken, broken.read_bytes(), book)[0].startswith(f"{broken}:")
    assert main(["import", str(book)]) == 2
    assert "--into" in capsys.readouterr().err


def test_as_a_user_runs_it(tmp_path: Path, data: tuple[Path, bytes]) -> None:
    """The real program: exit 2, the located line on standard error, no traceback."""
    from conftest import run_cli

    book = _workbook_with(tmp_path, {"D5": -3}, sheet="Án hình sự")
    path, before = data
    result = run_cli("import", str(book), "--into", str(path))
    assert result.returncode == 2
    assert result.stderr.strip() == f"{book}, trang Án hình sự, ô D5: số liệu không được âm (-3)"
    assert "Traceback" not in result.stderr and path.read_bytes() == before


def test_csv_decimal_comma_not_quoted(
    tmp_path: Path, data: tuple[Path, bytes], capsys: pytest.CaptureFixture[str]
) -> None:
    """With "," separating, an unquoted "12,5" splits into two cells: refused, not read as 12 and 5."""
    book = tmp_path / "so-lieu.csv"
    book.write_text("Chỉ số,Mã,Năm 2025,Cùng kỳ năm 2024\nThụ lý,an_hinh_su.thu_ly,12,5,7\n", encoding="utf-8")
    assert refused(capsys, *data, book) == [
        f"{book}, ô E2: dòng có nhiều ô hơn dòng tiêu đề: có thể một số có dấu phẩy thập phân (12,5) chưa được "
        "đặt trong ngoặc kép khi dấu phân cách là dấu phẩy"
    ]


def test_more_map_and_file_mistakes(
    tmp_path: Path, data: tuple[Path, bytes], capsys: pytest.CaptureFixture[str]
) -> None:
    book = _workbook_with(tmp_path, {"D4": 5})
    layout = tmp_path / "ban-do.yaml"
    layout.write_text("chi_so:\n  an_hinh_su.ty_le_giai_quyet: {trang: A, ky_nay: D4}\n", encoding="utf-8")
    assert refused(capsys, *data, book, "--map", layout) == [
        f"{layout}:2: chi_so.an_hinh_su.ty_le_giai_quyet: tỷ lệ do công cụ tự tính từ các số liệu, không nhập"
    ]
    layout.write_text("chi_so:\n  an_hinh_su.thu_ly: {ky_nay: D4}\n", encoding="utf-8")
    assert refused(capsys, *data, book, "--map", layout)[0].startswith(
        f"{book}: bản đồ chưa ghi trang của chỉ số an_hinh_su.thu_ly ({layout}:2); các trang: “Hướng dẫn”"
    )
    utf16 = tmp_path / "a.csv"
    utf16.write_bytes("Mã;Năm 2025\n".encode("utf-16"))
    assert "mã hóa UTF-16" in refused(capsys, *data, utf16)[0]
    from drafting.resources import SAMPLE_PATH

    assert main(["import", str(book), "--into", str(SAMPLE_PATH)]) == 2
    assert "tệp mẫu" in capsys.readouterr().err
