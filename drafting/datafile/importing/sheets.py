"""A spreadsheet as the importer sees it: sheets of cell values, and located messages.

Both readers (``.xlsx`` through openpyxl, ``.csv`` through the standard library) give a
:class:`Book` of :class:`Sheet` objects; everything after reading is the same for both.
Rows and columns are 1-based, as in a spreadsheet.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from drafting.errors import Problem
from drafting.vi.numbers import format_number

# The bounds of what is read (stated in the README): a larger file or sheet is refused.
MAX_BOOK_BYTES = 20 * 1024 * 1024
MAX_ROWS = 100_000
MAX_COLUMNS = 1_000


def column_letter(column: int) -> str:
    """The letters of a 1-based column number.

    >>> column_letter(1), column_letter(26), column_letter(27), column_letter(703)
    ('A', 'Z', 'AA', 'AAA')
    """
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def column_number(letters: str) -> int:
    """The 1-based number of column letters; ``ValueError`` if they are not letters A–XFD.

    >>> column_number("A"), column_number("aa"), column_number("XFD")
    (1, 27, 16384)
    """
    text = letters.strip().upper()
    if not text or not text.isascii() or not text.isalpha() or len(text) > 3:
        raise ValueError(letters)
    number = 0
    for char in text:
        number = number * 26 + ord(char) - ord("A") + 1
    if number > 16384:
        raise ValueError(letters)
    return number


def cell_name(row: int, column: int) -> str:
    """The A1 name of a cell.

    >>> cell_name(7, 4)
    'D7'
    """
    return f"{column_letter(column)}{row}"


def parse_cell(text: str) -> tuple[int, int]:
    """``(row, column)`` of an A1 cell name; ``ValueError`` if it is not one.

    >>> parse_cell("D7"), parse_cell(" aa12 ")
    ((7, 4), (12, 27))
    """
    text = text.strip().upper()
    letters = text.rstrip("0123456789")
    digits = text[len(letters) :]
    if not digits or digits.startswith("0") or len(digits) > 7:
        raise ValueError(text)
    row = int(digits)
    if row > 1_048_576:
        raise ValueError(text)
    return row, column_number(letters)


@dataclass
class Sheet:
    """One sheet: its title and its cells (a hidden sheet is read like any other).

    ``cell(row, column)`` returns the value shown in a cell: a cell inside a merged range
    shows the value of the range's top-left cell. ``max_row`` and ``max_column`` bound
    the cells that hold anything.
    """

    title: str
    max_row: int
    max_column: int
    read: Callable[[int, int], Any]
    merged: Sequence[tuple[int, int, int, int]] = ()  # (min_row, min_col, max_row, max_col)

    def cell(self, row: int, column: int) -> Any:
        if row > self.max_row or column > self.max_column:
            return None
        value = self.read(row, column)
        if value is None and self.merged:
            for min_row, min_col, max_row, max_col in self.merged:
                if min_row <= row <= max_row and min_col <= column <= max_col:
                    return self.read(min_row, min_col)
        return value

    def anchor(self, row: int, column: int) -> tuple[int, int]:
        """The cell that holds the value shown at ``(row, column)`` (itself unless merged)."""
        for min_row, min_col, max_row, max_col in self.merged:
            if min_row <= row <= max_row and min_col <= column <= max_col:
                return min_row, min_col
        return row, column


@dataclass
class Book:
    """A workbook (or a CSV file: one sheet without a name) and where it came from."""

    name: str
    sheets: list[Sheet]
    is_csv: bool = False
    formulas: Callable[[dict[str, set[tuple[int, int]]]], dict[tuple[str, int, int], str]] | None = None

    def sheet(self, title: str) -> Sheet | None:
        for sheet in self.sheets:
            if sheet.title == title:
                return sheet
        return None

    def place(self, sheet: Sheet | str | None = None, row: int | None = None, column: int | None = None) -> str:
        """Where a cell is, as the messages say it: "so-lieu.xlsx, trang Án hình sự, ô D7"."""
        title = sheet.title if isinstance(sheet, Sheet) else sheet
        parts = [self.name]
        if title and not self.is_csv:
            parts.append(f"trang {title}")
        if row is not None and column is not None:
            parts.append(f"ô {cell_name(row, column)}")
        elif column is not None:
            parts.append(f"cột {column_letter(column)}")
        return ", ".join(parts)

    def problem(
        self, message: str, sheet: Sheet | str | None = None, row: int | None = None, column: int | None = None
    ) -> Problem:
        """A located problem: one line naming the workbook, sheet and cell."""
        return Problem(self.place(sheet, row, column), None, "", message)


def too_large(book: Book, sheet: Sheet) -> Problem | None:
    """A problem if a sheet the import reads is beyond the bounds."""
    if sheet.max_row <= MAX_ROWS and sheet.max_column <= MAX_COLUMNS:
        return None
    return book.problem(
        f"trang quá lớn ({format_number(sheet.max_row)} dòng, {format_number(sheet.max_column)} cột; tối đa "
        f"{format_number(MAX_ROWS)} dòng và {format_number(MAX_COLUMNS)} cột); hãy xóa các dòng, cột thừa "
        "hoặc chép phần số liệu sang một bảng tính mới",
        sheet,
    )


def sheet_names(book: Book) -> str:
    """The sheet names of a book, for a message: "“A”, “B”"."""
    return ", ".join(f"“{s.title}”" for s in book.sheets)
