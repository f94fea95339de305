"""A map (``--map MAP.yaml``): where each figure's values are in a workbook of any layout.

For each figure id the map names a sheet (``trang``) and either the cells themselves
(``ky_nay: D7``) or a label to find (``tim``) in a column (``cot_nhan``) and the columns
of the values on the row where the label is (``ky_nay: D``). ``mac_dinh`` gives values
shared by every entry. ``phrasebank/ban_do_mau_nhap.yaml`` is the map of the template
and the documented model (``phrasebank/README.md``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from drafting.bank.catalogue import Catalogue
from drafting.datafile.importing.sheets import column_number, parse_cell
from drafting.errors import ProblemsError
from drafting.files.fields import FieldReader, did_you_mean, join_path
from drafting.files.yamlio import line_of, read_yaml_file
from drafting.vi.text import nfc

PARTS = ("ky_nay", "cung_ky", "nguyen_nhan")
ENTRY_KEYS = ("trang", "tim", "cot_nhan", *PARTS)
TOP_KEYS = ("mo_ta", "mac_dinh", "chi_so")


@dataclass(frozen=True)
class Source:
    """Where one figure's values are: ``cells`` maps a part ("" for a figure not compared
    with the same period, else ``ky_nay``/``cung_ky``/``nguyen_nhan``) to ``(row, column)``;
    ``row`` is ``None`` when the row is the one where ``label`` is found in ``label_column``."""

    figure_id: str
    sheet: str
    cells: dict[str, tuple[int | None, int]]
    label: str = ""
    label_column: int = 0
    where: str = ""


@dataclass(frozen=True)
class Map:
    path: Path
    sources: tuple[Source, ...]
    description: str = ""


def _column(reader: FieldReader, node: Mapping[str, Any], key: str, path: str) -> int | None:
    value = reader.text(node, key, path, required=False)
    if not value:
        return None
    try:
        return column_number(value)
    except ValueError:
        reader.problem(node, key, join_path(path, key), f"“{value}” không phải tên cột (A, B, …, XFD)")
        return None


def _cell(reader: FieldReader, node: Mapping[str, Any], key: str, path: str) -> tuple[int, int] | None:
    value = reader.text(node, key, path, required=False)
    if not value:
        return None
    try:
        return parse_cell(value)
    except ValueError:
        hint = " (chỉ ghi cột khi có “tim”)" if value.isalpha() else ""
        reader.problem(node, key, join_path(path, key), f"“{value}” không phải tên ô như D7{hint}")
        return None


def load_map(path: Path, catalogue: Catalogue) -> Map:
    """Load and check a map; :class:`ProblemsError` lists every problem (file, line, key)."""
    data, _ = read_yaml_file(path, comments=False)
    reader = FieldReader(str(path))
    root = reader.mapping(None, None, data, "")
    if root is None:
        raise ProblemsError(reader.problems)
    reader.unknown_keys(root, TOP_KEYS, "")
    defaults = reader.mapping(root, "mac_dinh", root.get("mac_dinh") or {}, "mac_dinh") or {}
    reader.unknown_keys(defaults, ("trang", "cot_nhan", *PARTS), "mac_dinh")
    default_sheet = nfc(reader.text(defaults, "trang", "mac_dinh", required=False))
    default_columns = {key: _column(reader, defaults, key, "mac_dinh") for key in ("cot_nhan", *PARTS)}
    entries = reader.mapping(root, "chi_so", root.get("chi_so"), "chi_so") or {}
    sources: list[Source] = []
    for key, node in entries.items():
        fid = str(key)
        path_ = join_path("chi_so", fid)
        figure = catalogue.figures.get(fid)
        if figure is None:
            reader.problem(
                entries, key, path_, "không có chỉ số này trong danh mục" + did_you_mean(fid, catalogue.figures)
            )
            continue
        if not figure.entered:
            reader.problem(entries, key, path_, "tỷ lệ do công cụ tự tính từ các số liệu, không nhập")
            continue
        entry = reader.mapping(entries, key, node, path_)
        if entry is None:
            continue
        reader.unknown_keys(entry, ENTRY_KEYS, path_)
        sheet = nfc(reader.text(entry, "trang", path_, required=False)) or default_sheet
        label = nfc(reader.text(entry, "tim", path_, required=False))
        parts = PARTS if figure.compared else ("ky_nay",)
        if not figure.compared:
            for extra in ("cung_ky", "nguyen_nhan"):
                if extra in entry:
                    reader.problem(entry, extra, join_path(path_, extra), "chỉ số này không so sánh với cùng kỳ")
        cells: dict[str, tuple[int | None, int]] = {}
        label_column = 0
        if label:
            label_column = _column(reader, entry, "cot_nhan", path_) or default_columns["cot_nhan"] or 0
            if not label_column:
                reader.problem(entries, key, join_path(path_, "cot_nhan"), "có “tim” thì phải ghi cột tìm nhãn")
            for part in parts:
                column = _column(reader, entry, part, path_) if part in entry else default_columns[part]
                if column:
                    cells[part] = (None, column)
        else:
            if "cot_nhan" in entry:
                reader.problem(entry, "cot_nhan", join_path(path_, "cot_nhan"), "chỉ dùng cùng “tim”")
            for part in parts:
                cell = _cell(reader, entry, part, path_)
                if cell:
                    cells[part] = cell
        if not cells:
            reader.problem(entries, key, path_, "chưa ghi ô nào (ky_nay, cung_ky hoặc nguyen_nhan)")
            continue
        if not figure.compared:
            cells = {"": cells["ky_nay"]} if "ky_nay" in cells else {}
        where = f"{path}:{line_of(entries, key) or '?'}"
        sources.append(Source(fid, sheet, cells, label, label_column, where))
    if reader.problems:
        raise ProblemsError(reader.problems)
    return Map(path, tuple(sources), reader.text(root, "mo_ta", "", required=False))
