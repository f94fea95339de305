"""Markdown and plain-text exporters of the composed document."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from drafting.document import Block, Document, Paragraph, Section, Table
from drafting.files import atomic

CLOSING = "./."
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """``text`` without control characters (NUL, ESC, CR…) other than tab and line feed.

    >>> printable("a\\x00b\\x1b[31mc\\r\\nd")
    'ab[31mc\\nd'
    """
    return _CONTROL.sub("", text)


def _finish(lines: list[str]) -> str:
    return printable("\n".join(lines)).rstrip() + "\n"


def _blocks_with_closing(document: Document) -> list[tuple[Section, list[Block]]]:
    """Every section with its blocks; the closing "./." is added to the last paragraph."""
    out = [(s, list(s.blocks)) for s in (x for top in document.sections for x in top.walk())]
    for _, blocks in reversed(out):
        if blocks:
            last = blocks[-1]
            if isinstance(last, Paragraph):
                blocks[-1] = Paragraph(with_closing(last.text), last.placeholder)
            else:
                blocks.append(Paragraph(CLOSING))
            break
    return out


def with_closing(text: str) -> str:
    """End the body's last paragraph with "./.".

    >>> with_closing("Kiến nghị tăng biên chế.")
    'Kiến nghị tăng biên chế./.'
    >>> with_closing("[Chưa nhập: kiến nghị]")
    '[Chưa nhập: kiến nghị]./.'
    """
    text = text.rstrip()
    if text.endswith("./."):
        return text
    return text.rstrip(".;:,") + CLOSING


def _md_escape_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _md_table(table: Table) -> Iterator[str]:
    if table.caption:
        yield f"*{table.caption}*"
        yield ""
    yield "| " + " | ".join(_md_escape_cell(c) for c in table.header) + " |"
    yield "|" + "|".join("---" for _ in table.header) + "|"
    for row in table.rows:
        yield "| " + " | ".join(_md_escape_cell(c) for c in row) + " |"


def to_markdown(document: Document) -> str:
    """The report as Markdown (headings by level, tables as pipe tables)."""
    h = document.header
    lines = [
        h.parent_body + "  ",
        f"**{h.issuing_body}**  ",
        h.number_line,
        "",
        f"**{h.national_title}**  ",
        f"**{h.motto}**",
        "",
        f"*{h.place_date}*",
        "",
        f"# {h.doc_type}",
        "",
        f"**{h.summary}**",
        "",
    ]
    for section, blocks in _blocks_with_closing(document):
        lines.append("#" * (section.level + 1) + " " + section.title)
        lines.append("")
        for block in blocks:
            if isinstance(block, Table):
                lines.extend(_md_table(block))
            else:
                lines.append(block.text)
            lines.append("")
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
    lines: list[str] = []
    if document.recipients:
        lines.append(("***Nơi nhận:***" if markdown else "Nơi nhận:") + ("  " if markdown else ""))
        lines.extend(r + ("  " if markdown else "") for r in document.recipients)
        lines.append("")
    for text in (s.authority, s.title):
        if text:
            lines.append(bold(text) + ("  " if markdown else ""))
    lines.append("")
    if s.name:
        lines.append(bold(s.name))
    return lines


def _text_table(table: Table) -> Iterator[str]:
    widths = [max(len(r[i]) for r in (table.header, *table.rows)) for i in range(len(table.header))]
    if table.caption:
        yield table.caption
    border = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
    yield border
    for j, row in enumerate((table.header, *table.rows)):
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
        h.number_line,
        "",
        h.national_title,
        h.motto,
        "",
        h.place_date,
        "",
        h.doc_type,
        h.summary,
        "",
    ]
    for section, blocks in _blocks_with_closing(document):
        lines.append(section.title)
        for block in blocks:
            if isinstance(block, Table):
                lines.extend(_text_table(block))
            else:
                lines.append(block.text)
        if blocks:
            lines.append("")
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
