"""The workbook a unit fills or pastes into (``drafting import --template OUT.xlsx --year Y``).

One sheet per figure group of the catalogue, after a sheet of instructions. On each
sheet: the group's title (row 1), a note on the period (row 2), the header (row 3,
frozen with the rows above it) and a row per figure the writer enters (rates are
computed, never entered): its label, unit, id (column "Mã", locked: the sheet is
protected without a password), this period, the same period and the cause. Figures
not compared with the same period have their same-period and cause cells greyed and
locked. Numbers are formatted the Vietnamese way (1.234). There are no formulas: a
file openpyxl writes has no cached values for them, and the import refuses those.

The import reads this layout back without a map (:mod:`.locate`), by the header texts;
``phrasebank/ban_do_mau_nhap.yaml`` describes the same layout as a map, the model for
maps of other workbooks.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from drafting.bank.bank import Bank
from drafting.bank.catalogue import FigureGroup
from drafting.bank.sandbox import render
from drafting.composition.context import year_context

TITLE_ROW, NOTE_ROW, HEADER_ROW = 1, 2, 3
FIRST_ROW = HEADER_ROW + 1
LABEL_COL, UNIT_COL, ID_COL, CURRENT_COL, PREVIOUS_COL, CAUSE_COL = 1, 2, 3, 4, 5, 6
ID_HEADER = "Mã"
CAUSE_HEADER = "Nguyên nhân tăng, giảm"
GUIDE_TITLE = "Hướng dẫn"
# "#,##0" with the Vietnamese locale (LCID 042A): "1.234" whatever the machine's settings.
NUMBER_FORMAT = "[$-42A]#,##0"
SHEET_TITLE_MAX = 31
_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_TEMPLATE_CODE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")


def current_header(year: int) -> str:
    """The header of this period's column: "Năm 2025"."""
    return f"Năm {year}"


def previous_header(year: int) -> str:
    """The header of the same period's column: "Cùng kỳ năm 2024"."""
    return f"Cùng kỳ năm {year - 1}"


def sheet_title(group: FigureGroup) -> str:
    """A sheet name for a group, the same every year: the catalogue's ``trang``, else its
    title without the year, cut at a word to Excel's 31 characters, without the
    characters Excel forbids.

    >>> from drafting.bank.catalogue import FigureGroup
    >>> sheet_title(FigureGroup("x", "II.4", "Khen thưởng trong năm {{ nam }}", "", "", ()))
    'Khen thưởng trong năm'
    >>> sheet_title(FigureGroup("x", "II.3", "Bản án, quyết định bị hủy, sửa do nguyên nhân chủ quan", "", "", ()))
    'Bản án, quyết định bị hủy, sửa'
    >>> sheet_title(FigureGroup("x", "II.3", "Phiên tòa trực tuyến, phiên tòa rút kinh nghiệm", "", "", (),
    ...                         sheet="Phiên tòa"))
    'Phiên tòa'
    """
    if group.sheet:
        return group.sheet
    text = " ".join(_FORBIDDEN.sub(" ", _TEMPLATE_CODE.sub(" ", group.title)).split()).strip("'")
    if len(text) > SHEET_TITLE_MAX:
        cut = text[: SHEET_TITLE_MAX + 1].rsplit(" ", 1)[0]
        text = cut.rstrip(" ,;–-") or text[:SHEET_TITLE_MAX]
    return text or group.id[:SHEET_TITLE_MAX]


def sheet_titles(bank: Bank) -> dict[str, str]:
    """The sheet name of every group that has figures to enter, unique (a suffix " (2)"…)."""
    titles: dict[str, str] = {}
    used = {GUIDE_TITLE.casefold()}
    for group in bank.catalogue.groups:
        if not any(f.entered for f in group.figures):
            continue
        base = title = sheet_title(group)
        n = 2
        while title.casefold() in used:
            suffix = f" ({n})"
            title = base[: SHEET_TITLE_MAX - len(suffix)] + suffix
            n += 1
        used.add(title.casefold())
        titles[group.id] = title
    return titles


def _guide_lines(year: int) -> list[str]:
    return [
        f"Mẫu nhập số liệu Báo cáo tổng kết công tác thi đua, khen thưởng năm {year}",
        f"Kỳ số liệu năm {year}: từ ngày 01/10/{year - 1} đến ngày 30/9/{year}; "
        f"cùng kỳ năm {year - 1}: từ ngày 01/10/{year - 2} đến ngày 30/9/{year - 1}.",
        "Mỗi trang là một nhóm số liệu; mỗi dòng là một chỉ số.",
        f"Ghi số liệu vào các cột “{current_header(year)}” và “{previous_header(year)}”: số nguyên "
        "(1.234), không ghi công thức; để trống ô chưa có số liệu.",
        f"Cột “{CAUSE_HEADER}”: nguyên nhân tăng, giảm so với cùng kỳ (có thể để trống).",
        f"Không sửa cột “{ID_HEADER}” và dòng tiêu đề: công cụ dựa vào đó để đọc số liệu.",
        "Tỷ lệ do công cụ tự tính, không có trong mẫu này.",
        "Có thể chép, dán số liệu từ bảng tính của hệ thống thống kê vào các cột số liệu.",
        "Nhập vào tệp dữ liệu: drafting import TÊN_BẢNG_TÍNH.xlsx --into TÊN_TỆP_DỮ_LIỆU.yaml",
        "(thêm --dry-run để xem trước, --overwrite để thay các giá trị đã có trong tệp dữ liệu).",
    ]


def template_bytes(bank: Bank, year: int) -> bytes:
    """The template workbook of ``year`` (see the module docstring), as ``.xlsx`` bytes."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill, Protection

    years = year_context(year)
    bold = Font(bold=True)
    header_fill = PatternFill("solid", fgColor="DDEBF7")
    grey = PatternFill("solid", fgColor="E7E6E6")
    unlocked = Protection(locked=False)
    wrap = Alignment(wrap_text=True, vertical="top")

    workbook = Workbook()
    guide = workbook.active
    assert guide is not None
    guide.title = GUIDE_TITLE
    guide.column_dimensions["A"].width = 120
    for row, line in enumerate(_guide_lines(year), 1):
        guide.cell(row, 1, line).font = Font(bold=row == 1)

    titles = sheet_titles(bank)
    for group in bank.catalogue.groups:
        if group.id not in titles:
            continue
        ws = workbook.create_sheet(titles[group.id])
        ws.cell(TITLE_ROW, 1, f"{render(group.title, years)} (mục {group.section})").font = Font(bold=True, size=13)
        ws.cell(NOTE_ROW, 1, f"Năm báo cáo {year}. Số nguyên, để trống nếu chưa có; tỷ lệ do công cụ tự tính.")
        headers = ("Chỉ số", "Đơn vị tính", ID_HEADER, current_header(year), previous_header(year), CAUSE_HEADER)
        for col, text in enumerate(headers, 1):
            cell = ws.cell(HEADER_ROW, col, text)
            cell.font, cell.fill, cell.alignment = bold, header_fill, wrap
        row = FIRST_ROW
        for figure in group.figures:
            if not figure.entered:
                continue
            label = render(figure.label, years)
            ws.cell(row, LABEL_COL, label[:1].upper() + label[1:]).alignment = wrap
            ws.cell(row, UNIT_COL, figure.unit)
            ws.cell(row, ID_COL, figure.id)
            for col in (CURRENT_COL, PREVIOUS_COL):
                ws.cell(row, col).number_format = NUMBER_FORMAT
            ws.cell(row, CAUSE_COL).alignment = wrap
            ws.cell(row, CURRENT_COL).protection = unlocked
            if figure.compared:
                ws.cell(row, PREVIOUS_COL).protection = unlocked
                ws.cell(row, CAUSE_COL).protection = unlocked
            else:
                ws.cell(row, PREVIOUS_COL).fill = grey
                ws.cell(row, CAUSE_COL).fill = grey
            row += 1
        for letter, width in zip("ABCDEF", (46, 16, 34, 14, 18, 50), strict=True):
            ws.column_dimensions[letter].width = width
        ws.freeze_panes = ws.cell(FIRST_ROW, 1).coordinate
        # Protected without a password: the ids and headers cannot be typed over by
        # mistake; the writer may still resize, format and unprotect on purpose.
        ws.protection.sheet = True
        ws.protection.formatCells = False
        ws.protection.formatColumns = False
        ws.protection.formatRows = False
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


def write_template(path: Path, bank: Bank, year: int) -> None:
    """Write the template of ``year`` to ``path`` atomically."""
    from drafting.files import atomic

    atomic.write_bytes(path, template_bytes(bank, year))
