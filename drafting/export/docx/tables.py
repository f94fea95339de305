"""Data tables: single borders, a bold header row repeated on every page, fixed widths.

Column widths are worked out as a browser lays out an automatic table, but written as
fixed widths, so Word and LibreOffice break the lines alike.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from docx.shared import Length, Pt, Twips

from drafting.document import Cell, Gap, Table, plain
from drafting.export.docx.elements import CENTER, LEFT, Element, Maker
from drafting.export.docx.layout import CELL_SPACING, DATA_CELL_MARGIN, TEXT_WIDTH
from drafting.export.docx.measure import clean_text, text_width

_FIGURE = re.compile(r"^[-+−–]?[\d.,]+\s*%?$|^[\d.,]+/[\d.,]+$|^[-–]$")
TEXT_COLUMN_LENGTH = 12  # a column holding any text longer than this (not a figure) is left aligned


def is_figure(value: str) -> bool:
    """Numbers are centred in their column.

    >>> is_figure("1.234"), is_figure("89,72%"), is_figure("Án hình sự")
    (True, True, False)
    """
    return bool(_FIGURE.match(value.strip()))


def _fit_row(values: Sequence[Cell], columns: int) -> tuple[list[str], list[bool]]:
    """A row's texts as printed and which of them are gaps, as many as the columns."""
    values = values[:columns]
    missing = columns - len(values)
    texts = [" ".join(clean_text(plain(value)).split()) for value in values] + [""] * missing
    return texts, [isinstance(value, Gap) for value in values] + [False] * missing


def column_widths(rows: Sequence[Sequence[str]], size: float, total: Length, margin: Length) -> list[Length]:
    """Column widths as a browser lays out an automatic table, but fixed in the file.

    Each column may shrink to its longest word. Best, every cell fits on one line;
    next best, every body cell does and the header row wraps (it is one row, the
    body may be many); otherwise the room above the minimums goes to the columns
    whose cells are longest.
    """
    columns = len(rows[0])
    padding = 2 * margin.pt + 2
    least: list[float] = []
    body: list[float] = []
    full: list[float] = []
    for column in range(columns):
        values = [row[column] for row in rows]
        # Each distinct word and value once: an annex may repeat them in thousands of rows.
        words = {word for value in values for word in value.split()}
        longest_word = max((text_width(word, size, bold=True) for word in words), default=0.0)
        least.append(longest_word + padding)
        widest_body = max((text_width(value, size) for value in set(values[1:])), default=0.0)
        body.append(max(least[-1], widest_body + padding))
        full.append(max(body[-1], text_width(values[0], size, bold=True) + padding))
    available = total.pt
    if sum(full) <= available:
        points = [f + (available - sum(full)) * f / sum(full) for f in full]
    elif sum(body) <= available:
        room = available - sum(body)
        wanted = [f - b for f, b in zip(full, body, strict=True)]
        points = [b + room * w / sum(wanted) for b, w in zip(body, wanted, strict=True)]
    elif sum(least) <= available:
        room = available - sum(least)
        wanted = [b - low for b, low in zip(body, least, strict=True)]
        points = [low + room * w / sum(wanted) for low, w in zip(least, wanted, strict=True)]
    else:
        points = [available * low / sum(least) for low in least]
    twips = [int(Pt(p).twips) for p in points]
    twips[-1] += total.twips - sum(twips)
    return [Twips(t) for t in twips]


def add_table(maker: Maker, body: Element, table: Table) -> None:
    """The caption (kept with the table) and the table, at the end of ``body``."""
    columns = max(1, len(table.header))
    size = maker.sizes.table
    if table.caption.strip():
        caption = maker.body_paragraph(body, align=CENTER, first_line=0, keep_with_next=True, bold=True)
        maker.run(caption, table.caption, maker.sizes.body, bold=True)
    rows, gaps = zip(*(_fit_row(row, columns) for row in (table.header, *table.rows)), strict=True)
    widths = column_widths(rows, size, TEXT_WIDTH, DATA_CELL_MARGIN)
    text_columns = {
        c for c in range(columns) if any(len(r[c]) > TEXT_COLUMN_LENGTH and not is_figure(r[c]) for r in rows[1:])
    }
    spacing = {"before": CELL_SPACING, "after": CELL_SPACING}
    tbl = maker.table(body, widths, borders=True, margin=DATA_CELL_MARGIN, style="TableGrid")
    for row_index, values in enumerate(rows):
        header = row_index == 0
        tr = maker.row(tbl, header=header)
        for column, value in enumerate(values):
            options: dict[str, Any]
            if header:
                options = {"bold": True}
            elif column in text_columns and not is_figure(value):
                options = {"align": LEFT}
            else:
                options = {}
            p = maker.paragraph(maker.cell(tr, widths[column], "center"), size, **spacing, **options)
            if header or value:
                maker.run(p, value, size, bold=header, highlight=gaps[row_index][column])
