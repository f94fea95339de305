"""Find each figure's cells in a book: by the template's layout, or by a map.

The template's layout is recognised by its header row (the cell "Mã" in the first rows
of a sheet, beside the columns "Năm Y", "Cùng kỳ năm Y-1" and "Nguyên nhân…"), so a
writer may add, move or delete rows, and a CSV file with those headers reads the same.
Every problem is collected with its place; nothing is read twice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from drafting.bank.catalogue import Catalogue
from drafting.datafile.importing.mapping import Map, Source
from drafting.datafile.importing.sheets import Book, Sheet, cell_name, sheet_names, too_large
from drafting.datafile.importing.template import ID_HEADER
from drafting.errors import Problem
from drafting.files.fields import did_you_mean
from drafting.vi.text import nfc

HEADER_SEARCH_ROWS, HEADER_SEARCH_COLUMNS = 10, 30
_CURRENT = re.compile(r"năm (\d{4})")
_PREVIOUS = re.compile(r"cùng kỳ năm (\d{4})")


@dataclass(frozen=True)
class Reading:
    """A cell read for a figure's part ("" for a figure not compared with the same period)."""

    figure_id: str
    part: str
    sheet: Sheet
    row: int
    column: int
    value: Any


@dataclass
class Located:
    readings: list[Reading] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    unused: list[str] = field(default_factory=list)


def normalise(value: Any) -> str:
    """A cell's text for comparing labels and headers: NFC, case and spaces folded.

    >>> normalise("  Cùng  kỳ NĂM 2024 "), normalise(None)
    ('cùng kỳ năm 2024', '')
    """
    if value is None:
        return ""
    return " ".join(nfc(str(value)).casefold().split()).rstrip(":")


# --------------------------------------------------------------------------- the template's layout


def _header(sheet: Sheet) -> tuple[int, int] | None:
    target = normalise(ID_HEADER)
    for row in range(1, min(sheet.max_row, HEADER_SEARCH_ROWS) + 1):
        for column in range(1, min(sheet.max_column, HEADER_SEARCH_COLUMNS) + 1):
            if normalise(sheet.cell(row, column)) == target:
                return row, column
    return None


def by_template(book: Book, catalogue: Catalogue, year: int | None) -> Located:
    """Readings from every sheet laid out as the template (see the module docstring)."""
    out = Located()
    seen: dict[str, str] = {}
    found = False
    for sheet in book.sheets:
        header = _header(sheet)
        if header is None:
            continue
        found = True
        big = too_large(book, sheet)
        if big is not None:
            out.problems.append(big)
            continue
        _read_template_sheet(book, sheet, header, catalogue, year, seen, out)
    if not found:
        where = "trong tệp" if book.is_csv else "ở trang nào"
        out.problems.append(
            book.problem(
                f"không thấy cột “{ID_HEADER}” {where}: đây không phải mẫu nhập số liệu của công cụ "
                "(drafting import --template); hãy dùng --map để chỉ ô chứa số liệu"
            )
        )
    return out


def _columns(book: Book, sheet: Sheet, row: int, year: int | None, out: Located) -> dict[str, int] | None:
    columns: dict[str, int] = {}
    for column in range(1, min(sheet.max_column, HEADER_SEARCH_COLUMNS) + 1):
        text = normalise(sheet.cell(row, column))
        previous, current = _PREVIOUS.fullmatch(text), _CURRENT.fullmatch(text)
        if previous or current:
            part, offset = ("cung_ky", 1) if previous else ("ky_nay", 0)
            match = previous or current
            assert match is not None
            columns[part] = column
            if year is not None and int(match.group(1)) != year - offset:
                out.problems.append(
                    book.problem(
                        f"bảng tính lập cho năm {int(match.group(1)) + offset}, tệp dữ liệu là năm {year}; "
                        f"hãy lập mẫu năm {year} (drafting import --template … --year {year}) hoặc chọn đúng tệp",
                        sheet,
                        row,
                        column,
                    )
                )
                return None
        elif text.startswith("nguyên nhân"):
            columns["nguyen_nhan"] = column
    if "ky_nay" not in columns:
        out.problems.append(book.problem(f"dòng tiêu đề thiếu cột “Năm {year or 'báo cáo'}”", sheet, row))
        return None
    return columns


def _read_template_sheet(
    book: Book,
    sheet: Sheet,
    header: tuple[int, int],
    catalogue: Catalogue,
    year: int | None,
    seen: dict[str, str],
    out: Located,
) -> None:
    header_row, id_column = header
    columns = _columns(book, sheet, header_row, year, out)
    if columns is None:
        return
    width = max(c for c in range(1, sheet.max_column + 1) if sheet.cell(header_row, c) is not None)
    for row in range(header_row + 1, sheet.max_row + 1):
        if book.is_csv and any(sheet.cell(row, c) is not None for c in range(width + 1, sheet.max_column + 1)):
            message = (
                "dòng có nhiều ô hơn dòng tiêu đề: có thể một số có dấu phẩy thập phân (12,5) chưa được "
                "đặt trong ngoặc kép khi dấu phân cách là dấu phẩy"
            )
            out.problems.append(book.problem(message, sheet, row, width + 1))
            continue
        raw = sheet.cell(row, id_column)
        fid = "" if raw is None else str(raw).strip()
        if not fid:
            for column in columns.values():
                if sheet.cell(row, column) is not None:
                    out.unused.append(f"{book.place(sheet, row, column)} (dòng không có mã chỉ số)")
            continue
        figure = catalogue.figures.get(fid)
        place = book.place(sheet, row, id_column)
        if figure is None:
            message = f"không có chỉ số “{fid}” trong danh mục" + did_you_mean(fid, catalogue.figures)
            out.problems.append(book.problem(message, sheet, row, id_column))
            continue
        if not figure.entered:
            message = f"“{fid}” là tỷ lệ, do công cụ tự tính từ các số liệu; hãy xóa dòng này"
            out.problems.append(book.problem(message, sheet, row, id_column))
            continue
        if fid in seen:
            message = f"chỉ số “{fid}” có hai lần (lần đầu: {seen[fid]})"
            out.problems.append(book.problem(message, sheet, row, id_column))
            continue
        seen[fid] = place
        for part, column in columns.items():
            value = sheet.cell(row, column)
            if not figure.compared and part != "ky_nay":
                if value is not None:
                    message = "chỉ số này không so sánh với cùng kỳ; hãy để trống ô này"
                    out.problems.append(book.problem(message, sheet, row, column))
                continue
            out.readings.append(Reading(fid, part if figure.compared else "", sheet, row, column, value))


# --------------------------------------------------------------------------- a map


def by_map(book: Book, layout: Map) -> Located:
    """Readings at the places a map names."""
    out = Located()
    labels: dict[tuple[str, int], dict[str, list[int]]] = {}
    usable: dict[str, bool] = {}
    for source in layout.sources:
        sheet = _sheet(book, source, out)
        if sheet is None:
            continue
        if sheet.title not in usable:
            big = too_large(book, sheet)
            usable[sheet.title] = big is None
            if big is not None:
                out.problems.append(big)
        if not usable[sheet.title]:
            continue
        row_found: int | None = None
        if source.label:
            index = labels.get((sheet.title, source.label_column))
            if index is None:
                index = labels[(sheet.title, source.label_column)] = _label_index(sheet, source.label_column)
            rows = index.get(normalise(source.label), [])
            if not rows:
                message = f"không tìm thấy nhãn “{source.label}” (chỉ số {source.figure_id}, bản đồ {source.where})"
                out.problems.append(book.problem(message, sheet, None, source.label_column))
                continue
            if len(rows) > 1:
                where = ", ".join(cell_name(r, source.label_column) for r in rows)
                message = (
                    f"nhãn “{source.label}” có ở nhiều ô ({where}); hãy ghi thẳng ô số liệu "
                    f"(chỉ số {source.figure_id}, bản đồ {source.where})"
                )
                out.problems.append(book.problem(message, sheet))
                continue
            row_found = rows[0]
        for part, (row, column) in source.cells.items():
            row = row if row is not None else row_found
            assert row is not None
            if row > sheet.max_row or column > sheet.max_column:
                last = cell_name(sheet.max_row, sheet.max_column) if sheet.max_row and sheet.max_column else "A1"
                message = (
                    f"ô nằm ngoài vùng có dữ liệu của trang (đến ô {last}); "
                    f"chỉ số {source.figure_id}, bản đồ {source.where}"
                )
                out.problems.append(book.problem(message, sheet, row, column))
                continue
            out.readings.append(Reading(source.figure_id, part, sheet, row, column, sheet.cell(row, column)))
    return out


def _sheet(book: Book, source: Source, out: Located) -> Sheet | None:
    if book.is_csv:
        return book.sheets[0]
    if not source.sheet:
        message = (
            f"bản đồ chưa ghi trang của chỉ số {source.figure_id} ({source.where}); các trang: {sheet_names(book)}"
        )
        out.problems.append(book.problem(message))
        return None
    sheet = book.sheet(source.sheet)
    if sheet is None:
        close = did_you_mean(source.sheet, [s.title for s in book.sheets])
        message = (
            f"không có trang này trong bảng tính{close} (chỉ số {source.figure_id}, bản đồ {source.where}); "
            f"các trang: {sheet_names(book)}"
        )
        out.problems.append(book.problem(message, source.sheet))
    return sheet


def _label_index(sheet: Sheet, column: int) -> dict[str, list[int]]:
    index: dict[str, list[int]] = {}
    for row in range(1, sheet.max_row + 1):
        value = sheet.read(row, column)  # a merged label counts once, at its top-left cell
        if value is not None:
            index.setdefault(normalise(value), []).append(row)
    return index
