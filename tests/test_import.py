"""``drafting import``: the template, the round trip through it, through a map of another
layout and through CSV; the report, --dry-run and --overwrite (issue 17)."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import openpyxl
import pytest
from import_helpers import (
    TEMPLATE_MAP,
    bank,
    data_values,
    entered,
    expected_values,
    filled_template,
    write_data_file,
)

from drafting.cli import main
from drafting.datafile.importing.template import sheet_titles


def run(*args: str | Path) -> int:
    return main([str(a) for a in args])


# --------------------------------------------------------------------------- the template


def test_template_layout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "mau.xlsx"
    assert run("import", "--template", out, "--year", "2025") == 0
    assert "Đã tạo mẫu bảng tính" in capsys.readouterr().out
    workbook = openpyxl.load_workbook(out)
    titles = sheet_titles(bank())
    assert workbook.sheetnames == ["Hướng dẫn", *titles.values()]
    ws = workbook["Án hình sự"]
    assert [c.value for c in ws[3]] == [
        "Chỉ số",
        "Đơn vị tính",
        "Mã",
        "Năm 2025",
        "Cùng kỳ năm 2024",
        "Nguyên nhân tăng, giảm",
    ]
    assert ws["A4"].value == "Thụ lý" and ws["B4"].value == "vụ" and ws["C4"].value == "an_hinh_su.thu_ly"
    assert ws.freeze_panes == "A4"
    assert ws.protection.sheet and ws["C4"].protection.locked and not ws["D4"].protection.locked
    assert ws["D4"].number_format == "[$-42A]#,##0"
    # Every entered figure once, no rate, no formula anywhere.
    ids = [ws.cell(r, 3).value for ws in workbook.worksheets[1:] for r in range(4, ws.max_row + 1)]
    assert sorted(ids) == sorted(f.id for f in entered())
    cells = [c.value for ws in workbook.worksheets for row in ws.iter_rows() for c in row]
    assert not any(isinstance(v, str) and v.startswith("=") for v in cells)
    # A figure not compared with the same period: its other cells are locked.
    org = workbook["Tổ chức bộ máy, biên chế"]
    assert org["E4"].protection.locked and not org["D4"].protection.locked


def test_template_refuses_to_overwrite_a_workbook(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "so-lieu.xlsx"
    out.write_bytes(b"filled by the unit")
    assert run("import", "--template", out, "--year", "2025") == 2
    assert "đã tồn tại" in capsys.readouterr().err
    assert out.read_bytes() == b"filled by the unit"
    assert run("import", "--template", out, "--year", "2025", "--force") == 0
    assert run("import", "--template", tmp_path / "mau.csv", "--year", "2025") == 2
    assert run("import", "--template", tmp_path / "mau.xlsx") == 2
    assert "--year" in capsys.readouterr().err
    assert run("import", "--template", out, "--year", "2025", "--into", tmp_path / "a.yaml") == 2


# --------------------------------------------------------------------------- round trips


def test_round_trip_through_the_template(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "bao-cao-2025.yaml"
    write_data_file(data)
    book = filled_template(tmp_path / "so-lieu.xlsx")
    assert run("import", book, "--into", data) == 0
    out = capsys.readouterr().out
    expected = expected_values()
    assert data_values(data) == expected
    assert f"Đã nhập: {len(expected)} giá trị ({len(entered())} chỉ số)" in out.replace(".", "")
    text = data.read_text(encoding="utf-8")
    # Comments and key order kept: the skeleton's comments are all still there.
    for line in write_data_file(tmp_path / "skeleton.yaml").decode().splitlines():
        if line.strip().startswith("#"):
            assert line in text
    assert text.index("an_hinh_su:") < text.index("an_dan_su:")
    assert main(["check", str(data), "--format", "json"]) in (0, 1)
    json.loads(capsys.readouterr().out)  # the data file is valid: check reports, it does not refuse it
    # Importing again changes nothing and says so.
    before = data.read_bytes()
    assert run("import", book, "--into", data) == 0
    out = capsys.readouterr().out
    assert "Không có gì mới" in out and data.read_bytes() == before


def test_numbers_typed_as_vietnamese_text(tmp_path: Path) -> None:
    data = tmp_path / "a.yaml"
    write_data_file(data)
    book = filled_template(tmp_path / "so-lieu.xlsx", as_text=True)  # "1.234" as text in the cells
    assert run("import", book, "--into", data) == 0
    assert data_values(data) == expected_values()


def test_the_shipped_map_reads_the_template_the_same(tmp_path: Path) -> None:
    book = filled_template(tmp_path / "so-lieu.xlsx")
    one, two = tmp_path / "a.yaml", tmp_path / "b.yaml"
    write_data_file(one)
    write_data_file(two)
    assert run("import", book, "--into", one) == 0
    assert run("import", book, "--into", two, "--map", TEMPLATE_MAP) == 0
    assert one.read_bytes() == two.read_bytes()


def test_shipped_map_covers_every_entered_figure() -> None:
    """A figure added to the catalogue must be added to the template's map too."""
    from drafting.datafile.importing.mapping import load_map

    layout = load_map(TEMPLATE_MAP, bank().catalogue)
    assert sorted(s.figure_id for s in layout.sources) == sorted(f.id for f in entered())
    titles = sheet_titles(bank())
    for source in layout.sources:
        assert source.sheet == titles[source.figure_id.split(".")[0]], source.figure_id


def _export_workbook(path: Path) -> dict[tuple[str, str], object]:
    """A workbook laid out as a statistics system might export it: labels in column B from
    row 6 under merged headers, values in columns G, H and the cause in J; the figures not
    compared with the same period on a hidden sheet, by cell; one label merged over two
    rows, one value in a merged range."""
    values = expected_values()
    workbook = openpyxl.Workbook()
    ws = workbook.active
    assert ws is not None
    ws.title = "Biểu 01"
    ws["A1"] = "BIỂU THỐNG KÊ"
    ws.merge_cells("A1:J1")
    ws["G4"] = "Thụ lý, giải quyết"
    ws.merge_cells("G4:H4")
    other = workbook.create_sheet("Tổ chức")
    other.sheet_state = "hidden"
    row, other_row = 6, 3
    for n, figure in enumerate(entered(), 1):
        if figure.compared:
            ws.cell(row, 2, f"{n}. {figure.title}")
            ws.cell(row, 7, values[(figure.id, "ky_nay")])
            ws.cell(row, 8, values[(figure.id, "cung_ky")])
            ws.cell(row, 10, values[(figure.id, "nguyen_nhan")])
            if n == 7:  # the label merged with the row below it
                ws.merge_cells(start_row=row, start_column=2, end_row=row + 1, end_column=2)
                row += 1
            row += 1
        else:
            other.cell(other_row, 3, values[(figure.id, "")])
            other_row += 1
    # A value merged over two cells: the map names the second one.
    other.merge_cells("C3:D3")
    workbook.save(path)
    return values


def _export_map(path: Path) -> None:
    lines = ["mac_dinh: {trang: Biểu 01, cot_nhan: B, ky_nay: G, cung_ky: H, nguyen_nhan: J}", "chi_so:"]
    other_row = 3
    for n, figure in enumerate(entered(), 1):
        if figure.compared:
            lines.append(f"  {figure.id}: {{tim: {json.dumps(f'{n}. {figure.title}', ensure_ascii=False)}}}")
        else:
            cell = "D3" if other_row == 3 else f"C{other_row}"
            lines.append(f"  {figure.id}: {{trang: Tổ chức, ky_nay: {cell}}}")
            other_row += 1
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_round_trip_through_a_map_of_another_layout(tmp_path: Path) -> None:
    book, layout, data = tmp_path / "bieu.xlsx", tmp_path / "ban-do.yaml", tmp_path / "a.yaml"
    expected = _export_workbook(book)
    _export_map(layout)
    write_data_file(data)
    assert run("import", book, "--into", data, "--map", layout) == 0
    assert data_values(data) == expected


def _template_rows() -> list[list[str]]:
    rows = [["Chỉ số", "Mã", "Năm 2025", "Cùng kỳ năm 2024", "Nguyên nhân tăng, giảm"]]
    values = expected_values()

    def text(figure_id: str, part: str) -> str:
        value = values.get((figure_id, part))
        return "" if value is None else (f"{value:,}".replace(",", ".") if isinstance(value, int) else str(value))

    for figure in entered():
        if figure.compared:
            parts = [text(figure.id, "ky_nay"), text(figure.id, "cung_ky"), text(figure.id, "nguyen_nhan")]
        else:
            parts = [text(figure.id, ""), "", ""]
        rows.append([figure.title, figure.id, *parts])
    return rows


@pytest.mark.parametrize(("separator", "bom"), [(";", False), (",", True), (",", False), (";", True)])
def test_round_trip_through_csv(tmp_path: Path, separator: str, bom: bool) -> None:
    stream = io.StringIO()
    csv.writer(stream, delimiter=separator, lineterminator="\r\n").writerows(_template_rows())
    text = stream.getvalue()
    book = tmp_path / "so-lieu.csv"
    book.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    data = tmp_path / "a.yaml"
    write_data_file(data)
    assert run("import", book, "--into", data) == 0
    assert data_values(data) == expected_values()


def test_csv_decimal_comma_quoted_with_comma_separator(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """ "12,5" is quoted when "," separates; read as the TUI reads it (not a whole number)."""
    book = tmp_path / "a.csv"
    book.write_text(
        'Chỉ số,Mã,Năm 2025\nThụ lý,an_hinh_su.thu_ly,"1.234,0"\nGiải quyết,an_hinh_su.giai_quyet,"12,5"\n',
        encoding="utf-8",
    )
    data = tmp_path / "a.yaml"
    before = write_data_file(data)
    assert run("import", book, "--into", data) == 2
    message = "ô C3: số liệu phải là số nguyên (“12,5” có phần thập phân)"
    assert capsys.readouterr().err.strip() == f"{book}, {message}"
    assert data.read_bytes() == before
    book.write_text('Chỉ số,Mã,Năm 2025\nThụ lý,an_hinh_su.thu_ly,"1.234,0"\n', encoding="utf-8")
    assert run("import", book, "--into", data) == 0
    assert data_values(data) == {("an_hinh_su.thu_ly", "ky_nay"): 1234}


# --------------------------------------------------------------------------- report, dry run, overwrite


def test_dry_run_and_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "a.yaml"
    write_data_file(data)
    values = {
        ("an_hinh_su.thu_ly", "ky_nay"): 1500,
        ("an_hinh_su.thu_ly", "cung_ky"): 1318,
        ("to_chuc.hien_co", ""): 348,
    }
    book = filled_template(tmp_path / "so-lieu.xlsx", values=values)
    before = write_data_file(data)
    assert run("import", book, "--into", data, "--dry-run") == 0
    out = capsys.readouterr().out
    assert "chạy thử" in out and "Sẽ nhập: 3 giá trị (2 chỉ số)" in out
    assert data.read_bytes() == before
    assert run("import", book, "--into", data) == 0
    capsys.readouterr()
    # The unit corrects a figure in the workbook; the data file keeps its value until --overwrite.
    values[("an_hinh_su.thu_ly", "ky_nay")] = 1412
    filled_template(book, values=values)
    imported = data.read_bytes()
    assert run("import", book, "--into", data) == 0
    out = capsys.readouterr().out
    assert "Khác với tệp dữ liệu, giữ nguyên giá trị trong tệp: 1" in out
    assert "Án hình sự – thụ lý (an_hinh_su.thu_ly), kỳ này: tệp dữ liệu 1.500, bảng tính 1.412" in out
    assert "trang Án hình sự, ô D4" in out
    assert "Không đổi (tệp dữ liệu đã có đúng giá trị này): 2 giá trị (2 chỉ số)" in out
    assert data.read_bytes() == imported
    assert run("import", book, "--into", data, "--overwrite", "--dry-run") == 0
    assert data.read_bytes() == imported
    assert run("import", book, "--into", data, "--overwrite") == 0
    assert "Thay giá trị đã có trong tệp dữ liệu (--overwrite): 1" in capsys.readouterr().out
    assert data_values(data)[("an_hinh_su.thu_ly", "ky_nay")] == 1412


def test_cells_not_used_are_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    book = filled_template(tmp_path / "so-lieu.xlsx", values={("an_hinh_su.thu_ly", "ky_nay"): 5})
    workbook = openpyxl.load_workbook(book)
    workbook["Án hình sự"]["D9"] = 77  # a row without a figure id
    workbook.save(book)
    data = tmp_path / "a.yaml"
    write_data_file(data)
    assert run("import", book, "--into", data) == 0
    out = capsys.readouterr().out
    assert "Ô có nội dung nhưng không dùng: 1" in out and "trang Án hình sự, ô D9 (dòng không có mã chỉ số)" in out


def test_formulas_use_their_cached_values(tmp_path: Path) -> None:
    """A workbook saved by an office suite keeps each formula's value: that value is read."""
    book = filled_template(tmp_path / "so-lieu.xlsx", values={("an_hinh_su.thu_ly", "cung_ky"): 1})
    workbook = openpyxl.load_workbook(book)
    workbook["Án hình sự"]["D4"] = "=E4*1318"
    workbook.save(book)
    _add_cached_value(book, workbook.sheetnames.index("Án hình sự") + 1, "D4", "1318")
    data = tmp_path / "a.yaml"
    write_data_file(data)
    assert run("import", book, "--into", data) == 0
    assert data_values(data)[("an_hinh_su.thu_ly", "ky_nay")] == 1318


def _add_cached_value(book: Path, sheet: int, cell: str, value: str) -> None:
    """Write the cached value of a formula cell, as Excel or LibreOffice do on saving."""
    parts: dict[str, bytes] = {}
    with zipfile.ZipFile(book) as archive:
        for name in archive.namelist():
            parts[name] = archive.read(name)
    for name, content in parts.items():
        text = content.decode("utf-8")
        marker = f'<c r="{cell}"'
        if name == f"xl/worksheets/sheet{sheet}.xml":
            start = text.index(marker)
            end = text.index("</c>", start)
            cell_xml = text[start:end]
            assert "<f>" in cell_xml
            cell_xml = cell_xml.replace("<v></v>", "").replace("<v />", "") + f"<v>{value}</v>"
            parts[name] = (text[:start] + cell_xml + text[end:]).encode("utf-8")
            break
    with zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)


def test_library_plan_into_an_open_draft(tmp_path: Path) -> None:
    """The TUI imports into the draft it holds: the plan is applied in memory, not saved."""
    from drafting.datafile.importing.plan import apply_plan, open_book, plan_import
    from drafting.editing.draft import Draft

    data = tmp_path / "a.yaml"
    before = write_data_file(data)
    draft = Draft.open(data, bank=bank())
    plan = plan_import(open_book(filled_template(tmp_path / "s.xlsx")), draft)
    assert apply_plan(plan, draft) == len(expected_values())
    assert draft.dirty and data.read_bytes() == before
    assert draft.figure_value("an_hinh_su.thu_ly", "ky_nay") == expected_values()[("an_hinh_su.thu_ly", "ky_nay")]


def test_csv_through_a_map(tmp_path: Path) -> None:
    """A CSV export of another layout, read through a map (a CSV has one sheet: ``trang`` is not needed)."""
    book = tmp_path / "bieu.csv"
    book.write_text("STT;Loại án;Thụ lý;Cùng kỳ\n1;Hình sự;1.412;1.318\n2;Dân sự;3.046;2.871\n", encoding="utf-8-sig")
    layout = tmp_path / "ban-do.yaml"
    layout.write_text(
        "mac_dinh: {cot_nhan: B, ky_nay: C, cung_ky: D}\n"
        "chi_so:\n"
        "  an_hinh_su.thu_ly: {tim: hình sự}\n"
        "  an_dan_su.thu_ly: {ky_nay: C3, cung_ky: D3}\n",
        encoding="utf-8",
    )
    data = tmp_path / "a.yaml"
    write_data_file(data)
    assert run("import", book, "--into", data, "--map", layout) == 0
    assert data_values(data) == {
        ("an_hinh_su.thu_ly", "ky_nay"): 1412,
        ("an_hinh_su.thu_ly", "cung_ky"): 1318,
        ("an_dan_su.thu_ly", "ky_nay"): 3046,
        ("an_dan_su.thu_ly", "cung_ky"): 2871,
    }
