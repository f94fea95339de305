"""Open an ``.xlsx`` workbook for import, refusing what cannot be read, with a reason.

The workbook is loaded by openpyxl in its normal mode with the values the office suite
cached for formulas (``data_only``): read-only mode would stream faster but exposes no
merged cells. Before openpyxl sees the file, its kind is checked from its first bytes
(an encrypted workbook is an OLE2 container, as is an Excel 97-2003 ``.xls``) and its
size is bounded (:data:`~drafting.datafile.importing.sheets.MAX_BOOK_BYTES`, and the
unpacked size, so that a small file that unpacks to gigabytes is refused too).
"""

from __future__ import annotations

import warnings
import zipfile
from pathlib import Path
from typing import Any

from drafting.datafile.importing.sheets import MAX_BOOK_BYTES, Book, Sheet
from drafting.errors import Problem, ProblemsError
from drafting.vi.numbers import format_number

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
# The stream an encrypted Office file keeps its workbook in, as its OLE2 directory names it.
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
MAX_UNPACKED_BYTES = 8 * MAX_BOOK_BYTES

SAVE_AS_XLSX = "hãy mở tệp bằng Excel hoặc LibreOffice Calc và lưu lại dạng Excel (.xlsx)"


def _refuse(name: str, message: str) -> ProblemsError:
    return ProblemsError([Problem(name, None, "", message)])


def _mb(size: int) -> str:
    return format_number(size / (1024 * 1024), 1) + " MB"


def check_container(path: Path, name: str) -> None:
    """Refuse a file that is not an ``.xlsx`` workbook openpyxl can read, saying what it is."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(8)
    except FileNotFoundError:
        raise _refuse(name, "không tìm thấy tệp") from None
    except IsADirectoryError:
        raise _refuse(name, "đây là thư mục, không phải bảng tính") from None
    except OSError as exc:
        raise _refuse(name, f"không đọc được tệp ({exc.strerror})") from None
    if size > MAX_BOOK_BYTES:
        raise _refuse(name, f"bảng tính quá lớn ({_mb(size)}; tối đa {_mb(MAX_BOOK_BYTES)})")
    if head.startswith(OLE2_MAGIC):
        if ENCRYPTED_STREAM in path.read_bytes():
            raise _refuse(
                name,
                "bảng tính được đặt mật khẩu (đã mã hóa), không đọc được; hãy mở bằng Excel, bỏ mật khẩu "
                "(Tệp › Thông tin › Bảo vệ sổ làm việc › Mã hóa bằng mật khẩu) rồi lưu lại",
            )
        raise _refuse(name, f"đây là tệp Excel 97-2003 (.xls) hoặc tệp Office cũ; {SAVE_AS_XLSX}")
    if not head.startswith(ZIP_MAGIC):
        raise _refuse(name, "không phải bảng tính Excel (.xlsx) hay tệp CSV")
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise _refuse(name, "bảng tính bị hỏng (không giải nén được); hãy lấy lại tệp gốc hoặc lưu lại tệp") from None
    if "xl/workbook.xml" not in names:
        if "content.xml" in names:
            raise _refuse(name, f"đây là bảng tính OpenDocument (.ods); {SAVE_AS_XLSX}")
        if "word/document.xml" in names:
            raise _refuse(name, "đây là văn bản Word, không phải bảng tính")
        raise _refuse(name, "không phải bảng tính Excel (.xlsx): thiếu phần sổ làm việc (xl/workbook.xml)")
    if unpacked > MAX_UNPACKED_BYTES:
        raise _refuse(name, f"bảng tính quá lớn khi giải nén ({_mb(unpacked)}; tối đa {_mb(MAX_UNPACKED_BYTES)})")


def _load(path: Path, name: str, data_only: bool, read_only: bool) -> Any:
    import openpyxl

    try:
        with warnings.catch_warnings():
            # openpyxl warns about parts it does not keep (data validation extensions,
            # slicers…); they do not matter for reading values.
            warnings.simplefilter("ignore")
            return openpyxl.load_workbook(path, data_only=data_only, read_only=read_only)
    except Exception as exc:  # noqa: BLE001 - any failure of the parser on a damaged file
        detail = str(exc).strip().splitlines()[0][:120] if str(exc).strip() else type(exc).__name__
        raise _refuse(name, f"bảng tính bị hỏng, openpyxl không đọc được ({detail}); hãy mở và lưu lại tệp") from None


def open_workbook(path: Path, name: str | None = None) -> Book:
    """Read an ``.xlsx`` file into a :class:`Book`; :class:`ProblemsError` if it cannot be."""
    name = name or str(path)
    check_container(path, name)
    workbook = _load(path, name, data_only=True, read_only=False)
    sheets = []
    for ws in workbook.worksheets:
        merged = tuple((r.min_row, r.min_col, r.max_row, r.max_col) for r in ws.merged_cells.ranges)
        sheets.append(
            Sheet(
                title=ws.title,
                max_row=ws.max_row,
                max_column=ws.max_column,
                read=_reader(ws),
                merged=merged,
            )
        )
    book = Book(name, sheets)
    book.formulas = lambda wanted: _formulas(path, name, wanted)
    return book


def _reader(ws: Any) -> Any:
    cells = ws._cells  # the cells the file holds, by (row, column); reading one never creates it

    def read(row: int, column: int) -> Any:
        cell = cells.get((row, column))
        return None if cell is None else cell.value

    return read


def _formulas(path: Path, name: str, wanted: dict[str, set[tuple[int, int]]]) -> dict[tuple[str, int, int], str]:
    """The formulas of the wanted cells (those read empty): a formula there means that
    the workbook was saved without the values of its formulas."""
    workbook = _load(path, name, data_only=False, read_only=True)
    found: dict[tuple[str, int, int], str] = {}
    try:
        for title, cells in wanted.items():
            if not cells or title not in workbook.sheetnames:
                continue
            ws = workbook[title]
            last_row = max(r for r, _ in cells)
            last_col = max(c for _, c in cells)
            for row_index, row in enumerate(ws.iter_rows(max_row=last_row, max_col=last_col, values_only=True), 1):
                for col_index, value in enumerate(row, 1):
                    if (row_index, col_index) in cells and isinstance(value, str) and value.startswith("="):
                        found[(title, row_index, col_index)] = value
    finally:
        workbook.close()
    return found
