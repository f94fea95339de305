"""The preview: a composed document cut into chunks that are redrawn only when they change."""

from __future__ import annotations

import io
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from rich.console import Console, RenderableType
from rich.table import Table as RichTable
from rich.text import Text

from drafting.document import Gap, Paragraph, Part, Section, Table
from drafting.editing.draft import (
    PhraseRow,
    SectionMark,
)
from drafting.errors import Problem

# --------------------------------------------------------------------------- preview rendering

GAP_STYLE = "italic yellow"  # what the writer has not entered yet


@dataclass(frozen=True)
class Chunk:
    """A piece of the preview shown by one widget: updated only when its text changes."""

    key: str
    plain: str
    style: str = ""
    table: Table | None = None
    indent: bool = False
    width: int = 0
    lines: int = 0
    gaps: tuple[tuple[int, int], ...] = ()  # where in ``plain`` the gaps are (highlighted)

    def measured(self, width: int, known: dict[tuple[str, bool, int], int]) -> Chunk:
        """This chunk with the number of lines it takes at ``width`` (worked out in the
        preview worker, so that the screen knows whether the layout changes; ``known``
        remembers the texts measured before)."""
        if width <= 0 or self.table is not None:
            return self
        key = (self.plain, self.indent, width)
        lines = known.get(key)
        if lines is None:
            text = self.renderable()
            assert isinstance(text, Text)
            lines = known[key] = len(text.wrap(_measure_console(), width))
            if len(known) > 2000:
                known.clear()
        return replace(self, width=width, lines=lines)

    def renderable(self) -> RenderableType:
        if self.table is not None:
            header, *rows = self.table.text_rows()
            table = RichTable(*header, title=self.table.caption or None, expand=True)
            for row in rows:
                table.add_row(*row)
            return table
        lead = "  " if self.indent else ""
        text = Text(lead + self.plain, style=self.style)
        for start, end in self.gaps:
            text.stylize(GAP_STYLE, len(lead) + start, len(lead) + end)
        return text


_measuring = threading.local()


def _measure_console() -> Console:
    console = getattr(_measuring, "console", None)
    if console is None:
        console = Console(file=io.StringIO(), width=200, color_system=None)
        _measuring.console = console
    return console


def section_chunks(section: Section) -> list[Chunk]:
    """A composed section (and its children) as the preview shows it: one chunk per
    heading, paragraph and table."""
    chunks: list[Chunk] = []
    for sec in section.walk():
        chunks.append(Chunk(f"{sec.id}#", sec.title, "bold" if sec.level <= 2 else "bold italic"))
        for i, block in enumerate(sec.blocks):
            if isinstance(block, Table):
                rows = [" | ".join(row) for row in block.text_rows()]
                chunks.append(Chunk(f"{sec.id}#{i}", "\n".join(rows), table=block))
            elif isinstance(block, Paragraph):
                style = GAP_STYLE if block.placeholder else ""
                gaps = () if block.placeholder else gap_spans(block.parts)
                chunks.append(Chunk(f"{sec.id}#{i}", block.text, style, indent=True, gaps=gaps))
    return chunks


def gap_spans(parts: Sequence[Part]) -> tuple[tuple[int, int], ...]:
    """Where the gaps are in the text of ``parts``: (start, end) offsets.

    >>> gap_spans(["Thụ lý 12 vụ, ", Gap("nguyên nhân")])
    ((14, 38),)
    """
    spans: list[tuple[int, int]] = []
    position = 0
    for part in parts:
        text = part if isinstance(part, str) else part.text
        if isinstance(part, Gap):
            spans.append((position, position + len(text)))
        position += len(text)
    return tuple(spans)


def text_chunks(text: str, titles: Sequence[str]) -> list[Chunk]:
    """The whole report as the library writes it (plain text), cut before each section
    heading so that an edit re-renders only its own section."""
    chunks: list[Chunk] = []
    wanted = list(titles)
    current: list[str] = []
    key = "đầu"
    for line in text.split("\n"):
        if wanted and line == wanted[0]:
            wanted.pop(0)
            if current and any(x.strip() for x in current[1:]) or key == "đầu":
                chunks.append(Chunk(f"{len(chunks)}:{key}", "\n".join(current).rstrip("\n")))
                current = []
            key = line
        current.append(line)
    chunks.append(Chunk(f"{len(chunks)}:{key}", "\n".join(current).rstrip("\n")))
    return chunks


@dataclass
class PreviewResult:
    """What the preview worker composed for one version of the draft."""

    version: int
    section_id: str
    whole: bool
    chunks: list[Chunk] = field(default_factory=list)
    problems: tuple[Problem, ...] = ()
    marks: dict[str, SectionMark] = field(default_factory=dict)
    rows: list[PhraseRow] | None = None
    seconds: float = 0.0
    invalid: bool = False
    """The draft did not validate: ``problems`` say why and no chunk was composed."""

    @property
    def text(self) -> str:
        return "\n".join(c.plain for c in self.chunks)
