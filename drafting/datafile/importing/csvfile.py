"""Read a ``.csv`` file for import: UTF-8 (with or without BOM), ``;`` or ``,`` separators.

Excel on Vietnamese Windows saves "CSV (Comma delimited)" in Windows-1258 and separates
with ``;`` or ``,`` depending on the regional settings; only UTF-8 is accepted (the
hint names Excel's "CSV UTF-8" type). With ``,`` separators a number with a decimal
comma ("12,5") must be quoted, as every spreadsheet program writes it.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from drafting.datafile.importing.sheets import MAX_BOOK_BYTES, MAX_COLUMNS, MAX_ROWS, Book, Sheet
from drafting.errors import Problem, ProblemsError
from drafting.vi.numbers import format_number
from drafting.vi.text import nfc

SAVE_AS_UTF8 = (
    "hãy mở tệp bằng Excel và lưu lại với kiểu “CSV UTF-8 (Comma delimited) (*.csv)” "
    "(LibreOffice: chọn bộ ký tự Unicode (UTF-8))"
)


def refuse(name: str, message: str) -> ProblemsError:
    return ProblemsError([Problem(name, None, "", message)])


def decode_csv(raw: bytes, name: str) -> str:
    """The text of a CSV file, or a located refusal saying how to save it as UTF-8.

    >>> decode_csv(b"\\xef\\xbb\\xbfM\\xc3\\xa3;1", "a.csv")
    'Mã;1'
    """
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise refuse(name, f"tệp CSV mã hóa UTF-16; {SAVE_AS_UTF8}")
    if b"\x00" in raw:
        raise refuse(name, "tệp nhị phân, không phải tệp CSV")
    try:
        return nfc(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ProblemsError(
            [
                Problem(
                    name,
                    line,
                    "",
                    "tệp CSV không phải mã hóa UTF-8 (có thể là Windows-1258, kiểu Excel lưu mặc định); "
                    + SAVE_AS_UTF8,
                )
            ]
        ) from None


def separator(text: str) -> str:
    """``;`` or ``,``: whichever splits the first line into more fields.

    >>> separator('Chỉ số;Mã;"Năm 2025"\\n'), separator('"Thụ lý, giải quyết",x,1\\n')
    (';', ',')
    """
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {sep: len(next(csv.reader([first], delimiter=sep), [])) for sep in (";", ",")}
    return ";" if counts[";"] >= counts[","] and counts[";"] > 1 else ","


def open_csv(path: Path, name: str | None = None) -> Book:
    """Read a CSV file into a :class:`Book` of one sheet (cells are text)."""
    name = name or str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BOOK_BYTES:
            raise refuse(name, f"tệp CSV quá lớn ({format_number(size)} byte; tối đa {format_number(MAX_BOOK_BYTES)})")
        with path.open("rb") as handle:
            raw = handle.read(MAX_BOOK_BYTES + 1)  # the size a file reports may be wrong (/proc)
        if len(raw) > MAX_BOOK_BYTES:
            raise refuse(name, f"tệp CSV quá lớn (hơn {format_number(MAX_BOOK_BYTES)} byte)")
    except FileNotFoundError:
        raise refuse(name, "không tìm thấy tệp") from None
    except IsADirectoryError:
        raise refuse(name, "đây là thư mục, không phải tệp CSV") from None
    except OSError as exc:
        raise refuse(name, f"không đọc được tệp ({exc.strerror})") from None
    text = decode_csv(raw, name)
    rows: list[list[str]] = []
    try:
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=separator(text)):
            rows.append(row)
            if len(rows) > MAX_ROWS or len(row) > MAX_COLUMNS:
                raise refuse(
                    name,
                    f"tệp CSV quá lớn (tối đa {format_number(MAX_ROWS)} dòng và {format_number(MAX_COLUMNS)} cột)",
                )
    except csv.Error as exc:
        raise refuse(name, f"tệp CSV sai cú pháp ({exc})") from None
    width = max((len(r) for r in rows), default=0)

    def read(row: int, column: int) -> str | None:
        if row > len(rows) or column > len(rows[row - 1]):
            return None
        value = rows[row - 1][column - 1]
        return value if value.strip() else None

    return Book(name, [Sheet(title=path.stem, max_row=len(rows), max_column=width, read=read)], is_csv=True)
