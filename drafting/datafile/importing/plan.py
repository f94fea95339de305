"""Read the located cells as figure values and plan the import into a draft.

Numbers are read as the TUI reads what a writer types (:func:`drafting.editing.draft.parse_count`:
"1.234", no decimals, no negatives, the same bounds and messages); a number the
spreadsheet holds as a number is written the Vietnamese way and read the same way, so
both give the same answers. A formula whose value was not saved with the workbook is
refused with a hint. Every problem is collected; the plan is only made when there are
none, so that a bad cell never leaves a half-imported data file.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from drafting.bank.catalogue import Catalogue, Figure
from drafting.datafile.importing.locate import Located, Reading, by_map, by_template
from drafting.datafile.importing.sheets import Book, cell_name
from drafting.errors import Problem, ProblemsError
from drafting.vi.numbers import format_number
from drafting.vi.text import nfc

Outcome = Literal["moi", "giong", "khac", "trong"]
PART_NAMES = {"": "số liệu", "ky_nay": "kỳ này", "cung_ky": "cùng kỳ", "nguyen_nhan": "nguyên nhân"}
EXCEL_ERRORS = (
    "#DIV/0!",
    "#N/A",
    "#NAME?",
    "#NULL!",
    "#NUM!",
    "#REF!",
    "#VALUE!",
    "#SPILL!",
    "#CALC!",
    "#GETTING_DATA",
)
NO_CACHED_VALUE = (
    "ô có công thức ({formula}) nhưng bảng tính được lưu không kèm giá trị đã tính (thường do một chương trình "
    "khác tạo ra tệp); hãy mở tệp bằng Excel hoặc LibreOffice Calc rồi lưu lại"
)


def cell_count(value: Any, money: bool = False) -> int | None:
    """A cell's value as a figure: ``None`` if empty, else a whole number ≥ 0.

    >>> cell_count(1234), cell_count(12.0), cell_count("1.234"), cell_count(" "), cell_count(None)
    (1234, 12, 1234, None, None)
    >>> cell_count(12.5)
    Traceback (most recent call last):
    ...
    ValueError: số liệu phải là số nguyên (“12,5” có phần thập phân)
    >>> cell_count("-3")
    Traceback (most recent call last):
    ...
    ValueError: số liệu không được âm (-3)
    """
    from drafting.editing.draft import MAX_COUNT, MAX_MONEY, parse_count

    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(f"ô chứa giá trị đúng/sai ({'TRUE' if value else 'FALSE'}), không phải số")
    if isinstance(value, (datetime.date, datetime.time, datetime.timedelta)):
        raise ValueError("ô chứa ngày, giờ, không phải số; hãy định dạng ô là số (Number) và ghi lại số liệu")
    if isinstance(value, (int, float)):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError("ô không chứa số hợp lệ")
        if value == int(value) and 0 <= value <= (MAX_MONEY if money else MAX_COUNT):
            return int(value)
        # Out of bounds or not whole: the message the TUI gives for the same number typed.
        return parse_count(format_number(value, 6), money=money)
    text = nfc(str(value)).strip()
    if text.upper() in EXCEL_ERRORS:
        raise ValueError(f"ô báo lỗi công thức ({text}); hãy sửa công thức hoặc ghi số liệu")
    return parse_count(text, money=money)


@dataclass(frozen=True)
class Entry:
    """One value of the import: what the data file holds, what the workbook says."""

    figure_id: str
    part: str
    old: Any
    new: Any
    place: str
    outcome: Outcome

    def describe(self, catalogue: Catalogue) -> str:
        figure = catalogue.figures[self.figure_id]
        return f"{figure.title} ({self.figure_id}), {PART_NAMES[self.part]}"


@dataclass
class ImportPlan:
    """What an import does: the values, by outcome, and the cells it did not use."""

    book: str
    target: str
    entries: list[Entry] = field(default_factory=list)
    unused: list[str] = field(default_factory=list)
    overwrite: bool = False

    def of(self, outcome: Outcome) -> list[Entry]:
        return [e for e in self.entries if e.outcome == outcome]

    @property
    def to_write(self) -> list[Entry]:
        """The values the import writes: new ones, and differing ones with ``overwrite``."""
        return [e for e in self.entries if e.outcome == "moi" or (e.outcome == "khac" and self.overwrite)]


def _value(reading: Reading, figure: Figure, book: Book) -> Any:
    if reading.part == "nguyen_nhan":
        if reading.value is None:
            return None
        if isinstance(reading.value, str):
            text = " ".join(nfc(reading.value).split())
        else:
            text = format_number(reading.value) if isinstance(reading.value, (int, float)) else str(reading.value)
        return text or None
    return cell_count(reading.value, money=figure.kind == "tien")


def _read_values(located: Located, book: Book, catalogue: Catalogue) -> list[tuple[Reading, Any]]:
    values: list[tuple[Reading, Any]] = []
    for reading in located.readings:
        figure = catalogue.figures[reading.figure_id]
        try:
            values.append((reading, _value(reading, figure, book)))
        except ValueError as exc:
            located.problems.append(book.problem(str(exc), reading.sheet, reading.row, reading.column))
    empty = [(r, v) for r, v in values if v is None]
    if empty and book.formulas is not None:
        wanted: dict[str, set[tuple[int, int]]] = {}
        for reading, _ in empty:
            wanted.setdefault(reading.sheet.title, set()).add(reading.sheet.anchor(reading.row, reading.column))
        formulas = book.formulas(wanted)
        for reading, _ in empty:
            row, column = reading.sheet.anchor(reading.row, reading.column)
            formula = formulas.get((reading.sheet.title, row, column))
            if formula is not None:
                message = NO_CACHED_VALUE.format(formula=formula if len(formula) <= 40 else formula[:39] + "…")
                located.problems.append(book.problem(message, reading.sheet, row, column))
    return values


def _existing(draft: Any, figure_id: str, part: str) -> Any:
    value = draft.figure_value(figure_id, part)
    return None if value == "" else value


def _same(old: Any, new: Any) -> bool:
    """Whether the data file already holds the workbook's value (a number as a number).

    >>> _same(5, 5), _same("5", 5), _same(True, 1), _same("do tăng", "do tăng")
    (True, False, False, True)
    """
    if isinstance(new, str):
        return isinstance(old, str) and str(old) == new
    return isinstance(old, int) and not isinstance(old, bool) and old == new


def plan_import(book: Book, draft: Any, layout: Any = None, overwrite: bool = False) -> ImportPlan:
    """The plan of importing ``book`` into ``draft`` (a :class:`~drafting.editing.draft.Draft`),
    by the template's layout or by ``layout`` (a :class:`~.mapping.Map`); raises
    :class:`ProblemsError` listing every cell it cannot use."""
    catalogue: Catalogue = draft.catalogue
    year = draft.data.get("nam")
    year = year if isinstance(year, int) and not isinstance(year, bool) else None
    located = by_map(book, layout) if layout is not None else by_template(book, catalogue, year)
    values = _read_values(located, book, catalogue)
    if located.problems:
        raise ProblemsError(located.problems)
    plan = ImportPlan(book.name, draft.filename, unused=located.unused, overwrite=overwrite)
    for reading, new in values:
        old = _existing(draft, reading.figure_id, reading.part)
        outcome: Outcome
        if new is None:
            outcome = "trong"
        elif old is None:
            outcome = "moi"
        elif _same(old, new):
            outcome = "giong"
        else:
            outcome = "khac"
        place = book.place(reading.sheet, reading.row, reading.column)
        plan.entries.append(Entry(reading.figure_id, reading.part, old, new, place, outcome))
    return plan


def apply_plan(plan: ImportPlan, draft: Any) -> int:
    """Write the plan's values into the draft (in memory); returns how many changed.

    A data file whose figure node cannot take a value (a list where a mapping belongs)
    raises :class:`ProblemsError` naming it; the caller does not save then.
    """
    problems: list[Problem] = []
    changed = 0
    for entry in plan.to_write:
        try:
            changed += bool(draft.set_figure(entry.figure_id, entry.part, entry.new))
        except ValueError as exc:
            key = f"so_lieu.{entry.figure_id}" + (f".{entry.part}" if entry.part else "")
            problems.append(Problem(plan.target, None, key, str(exc)))
    if problems:
        raise ProblemsError(problems)
    return changed


def open_book(path: Path, name: str | None = None) -> Book:
    """A workbook (``.xlsx``, ``.xlsm``) or a CSV file (``.csv``), by its extension."""
    from drafting.datafile.importing.csvfile import open_csv, refuse
    from drafting.datafile.importing.workbook import SAVE_AS_XLSX, open_workbook
    from drafting.files.inputs import require_regular_file

    name = name or str(path)
    require_regular_file(path, name)  # a pipe or a device would hang or never end
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return open_csv(path, name)
    if suffix in (".xlsx", ".xlsm"):
        return open_workbook(path, name)
    if suffix in (".xls", ".ods"):
        raise refuse(name, f"chỉ đọc được bảng tính .xlsx và tệp .csv; {SAVE_AS_XLSX}")
    raise refuse(name, "chỉ đọc được bảng tính Excel (.xlsx) và tệp CSV (.csv)")


__all__ = ["Entry", "ImportPlan", "apply_plan", "cell_count", "cell_name", "open_book", "plan_import"]
