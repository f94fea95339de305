"""Helpers of the import tests: the template filled by openpyxl, data files, maps."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl

from drafting.bank.bank import Bank, default_bank
from drafting.datafile.importing.template import CAUSE_COL, CURRENT_COL, FIRST_ROW, ID_COL, PREVIOUS_COL, template_bytes
from drafting.datafile.skeleton import skeleton_text

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE_MAP = ROOT / "phrasebank" / "ban_do_mau_nhap.yaml"


def bank() -> Bank:
    return default_bank()


def entered() -> list[Any]:
    return [f for f in bank().catalogue.figures.values() if f.entered]


def expected_values() -> dict[tuple[str, str], Any]:
    """A value for every part of every entered figure: (figure id, part) → value."""
    values: dict[tuple[str, str], Any] = {}
    for n, figure in enumerate(entered(), 1):
        base = n * 1000 + 7 if figure.kind == "tien" else n * 11
        if figure.compared:
            values[(figure.id, "ky_nay")] = base
            values[(figure.id, "cung_ky")] = base + 3
            values[(figure.id, "nguyen_nhan")] = f"do nguyên nhân số {n}"
        else:
            values[(figure.id, "")] = base
    return values


def write_data_file(path: Path, year: int = 2025) -> bytes:
    """A fresh data file (the skeleton, with its comments); returns its bytes."""
    text = skeleton_text(year, bank())
    path.write_text(text, encoding="utf-8")
    return path.read_bytes()


def filled_template(
    path: Path, year: int = 2025, values: dict[tuple[str, str], Any] | None = None, as_text: bool = False
) -> Path:
    """The template of ``year``, filled by openpyxl as a writer would ("1.234" when ``as_text``)."""
    values = expected_values() if values is None else values
    path.write_bytes(template_bytes(bank(), year))
    workbook = openpyxl.load_workbook(path)
    for ws in workbook.worksheets[1:]:
        for row in range(FIRST_ROW, ws.max_row + 1):
            fid = ws.cell(row, ID_COL).value
            for part, col in (
                ("ky_nay", CURRENT_COL),
                ("cung_ky", PREVIOUS_COL),
                ("nguyen_nhan", CAUSE_COL),
                ("", CURRENT_COL),
            ):
                value = values.get((str(fid), part))
                if value is None:
                    continue
                if as_text and isinstance(value, int):
                    value = f"{value:,}".replace(",", ".")
                ws.cell(row, col).value = value
    workbook.save(path)
    return path


def data_values(path: Path) -> dict[tuple[str, str], Any]:
    """Every figure value a data file holds, read back through the Draft."""
    from drafting.editing.draft import Draft

    draft = Draft.open(path, bank=bank())
    out: dict[tuple[str, str], Any] = {}
    for figure in entered():
        for part in ("ky_nay", "cung_ky", "nguyen_nhan") if figure.compared else ("",):
            value = draft.figure_value(figure.id, part)  # type: ignore[arg-type]
            if value not in (None, ""):
                out[(figure.id, part)] = value
    return out
