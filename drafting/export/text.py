"""Markdown and plain-text exporters of the composed document."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from drafting.document import Block, Document, Paragraph, Section, Table, close_body, plain
from drafting.files import atomic

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """``text`` without control characters (NUL, ESC, CR…) other than tab and line feed.

    >>> printable("a\\x00b\\x1b[31mc\\r\\nd")
    'ab[31mc\\nd'
    """
    return _CONTROL.sub("", text)


def _finish(lines: list[str]) -> str:
    return printable("\n".join(lines)).rstrip() + "\n"


def _body(document: Document) -> tuple[list[tuple[Section, list[Block]]], Paragraph | None]:
    """Every body section with its blocks, the closing "./." in place (see :func:`close_body`).

    The mark comes back on its own only when there is no section to hold it.
    """
    sections, mark = close_body(document.sections)
    out = [(s, list(s.blocks)) for top in sections for s in top.walk()]
    if mark is not None and out:
        out[-1][1].append(mark)
        mark = None
    return out, mark


def _md_escape_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _md_table(table: Table) -> Iterator[str]:
    if table.caption:
        yield f"*{table.caption}*"
        yield ""
    header, *rows = table.text_rows()
    yield "| " + " | ".join(_md_escape_cell(c) for c in header) + " |"
    yield "|" + "|".join("---" for _ in header) + "|"
    for row in rows:
        yield "| " + " | ".join(_md_escape_cell(c) for c in row) + " |"


def to_markdown(document: Document) -> str:
    """The report as Markdown (headings by level, tables as pipe tables)."""
    h = document.header
    lines = [
        h.parent_body + "  ",
        f"**{h.issuing_body}**  ",
        plain(h.number_line),
        "",
        f"**{h.national_title}**  ",
        f"**{h.motto}**",
        "",
        f"*{plain(h.place_date)}*",
        "",
        f"# {h.doc_type}",
        "",
        f"**{h.summary}**",
        "",
    ]
    body, alone = _body(document)
    for section, blocks in body:
        lines.append("#" * (section.level + 1) + " " + section.title)
        lines.append("")
        for block in blocks:
            if isinstance(block, Table):
                lines.extend(_md_table(block))
            else:
                lines.append(block.text)
            lines.append("")
    if alone is not None:
        lines += [alone.text, ""]
    lines.extend(_signature_lines(document, markdown=True))
    for annex in document.annexes:
        lines.append("")
        lines.extend(_annex_markdown(annex))
    return _finish(lines)


def _annex_markdown(section: Section) -> Iterator[str]:
    for sec in section.walk():
        yield "#" * (sec.level + 1) + " " + sec.title
        yield ""
        for block in sec.blocks:
            if isinstance(block, Table):
                yield from _md_table(block)
            else:
                yield block.text
            yield ""


def _signature_lines(document: Document, markdown: bool) -> list[str]:
    s = document.signature
    bold = (lambda t: f"**{t}**") if markdown else (lambda t: t)
    lines = [("***Nơi nhận:***" if markdown else "Nơi nhận:") + ("  " if markdown else "")]
    lines.extend(plain(r) + ("  " if markdown else "") for r in document.recipients)
    lines.append("")
    for text in (s.authority, s.title):
        if text:
            lines.append(bold(text) + ("  " if markdown else ""))
    lines.append("")
    lines.append(bold(plain(s.name)))
    return lines


def _text_table(table: Table) -> Iterator[str]:
    rows = table.text_rows()
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    if table.caption:
        yield table.caption
    border = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
    yield border
    for j, row in enumerate(rows):
        yield "| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |"
        if j == 0:
            yield border
    yield border


def to_text(document: Document) -> str:
    """The report as plain text, one paragraph per line."""
    h = document.header
    lines = [
        h.parent_body,
        h.issuing_body,
        plain(h.number_line),
        "",
        h.national_title,
        h.motto,
        "",
        plain(h.place_date),
        "",
        h.doc_type,
        h.summary,
        "",
    ]
    body, alone = _body(document)
    for section, blocks in body:
        lines.append(section.title)
        for block in blocks:
            if isinstance(block, Table):
                lines.extend(_text_table(block))
            else:
                lines.append(block.text)
        if blocks:
            lines.append("")
    if alone is not None:
        lines += [alone.text, ""]
    lines.extend(_signature_lines(document, markdown=False))
    for annex in document.annexes:
        lines.append("")
        for sec in annex.walk():
            lines.append(sec.title)
            for block in sec.blocks:
                lines.extend(_text_table(block) if isinstance(block, Table) else [block.text])
            lines.append("")
    return _finish(lines)


def write_markdown(document: Document, path: Path) -> None:
    atomic.write_text(path, to_markdown(document))


def write_text(document: Document, path: Path) -> None:
    atomic.write_text(path, to_text(document))
