"""The composed document: a small, pure model that every exporter reads.

Composition (``drafting.composition.composer``) builds a :class:`Document` from validated report
data and the phrase bank; the docx, Markdown and text exporters and the TUI preview
only read it. Nothing here knows about files, YAML or Jinja.

What the writer has not entered yet is a :class:`Gap`, printed "[Chưa nhập: …]":
a whole paragraph, a part of one (:class:`Words`), a table cell, the place in the
date line, the signer's name, the recipients. Every exporter prints the same words;
the Word export also highlights the gaps. Text given as a plain string that spells a
gap out ("[Chưa nhập: số]") holds that gap too, so a string written by hand means
what the composed one does.

Two rules of the decree's layout are decided here, once, for every exporter: the
recipients as printed (:func:`normalise_recipients`) and the "./." that ends the body
(:func:`close_body`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

CLOSING = "./."
SIGNER_MISSING = "họ và tên người ký"
RECIPIENTS_MISSING = "nơi nhận"
PLACE_MISSING = "địa danh"

_BLANK = " " + "".join(map(chr, range(32)))  # spaces and C0 controls (tabs, line breaks): never printed
_MARKS = "-–—•+*" + _BLANK  # list marks and blanks before a recipient
_ENDS = ";,." + _BLANK  # punctuation and blanks after one


@dataclass(frozen=True)
class Gap:
    """Something the writer has not entered yet, named by ``what``.

    >>> Gap("nơi nhận").text
    '[Chưa nhập: nơi nhận]'
    """

    what: str

    @property
    def text(self) -> str:
        return f"[Chưa nhập: {self.what}]"


Part = str | Gap

_SPELLED_GAP = re.compile(r"\[Chưa nhập: ([^\[\]]*)\]")


@dataclass(frozen=True, init=False)
class Words:
    """Text with gaps in it: strings and :class:`Gap` parts, in order.

    Adjacent strings are joined and empty ones dropped, so equal text compares equal.

    >>> Words("Đã tổ chức ", Gap("số"), " hội nghị", ".").parts
    ('Đã tổ chức ', Gap(what='số'), ' hội nghị.')
    >>> Words.parse("Đã tổ chức [Chưa nhập: số] hội nghị.").text
    'Đã tổ chức [Chưa nhập: số] hội nghị.'
    """

    parts: tuple[Part, ...]

    def __init__(self, *items: Part | Words) -> None:
        parts: list[Part] = []
        for item in items:
            for part in item.parts if isinstance(item, Words) else (item,):
                if isinstance(part, str):
                    if not part:
                        continue
                    if parts and isinstance(parts[-1], str):
                        parts[-1] += part
                        continue
                parts.append(part)
        object.__setattr__(self, "parts", tuple(parts))

    @classmethod
    def parse(cls, text: str) -> Words:
        """``text`` with each gap spelled out in it ("[Chưa nhập: …]") as a :class:`Gap`.

        >>> Words.parse("[Chưa nhập: nguyên nhân]").parts
        (Gap(what='nguyên nhân'),)
        >>> Words.parse("[Chưa nhập]").parts
        ('[Chưa nhập]',)
        """
        if "[" not in text:
            return cls(text)
        items: list[Part] = []
        position = 0
        for match in _SPELLED_GAP.finditer(text):
            items += [text[position : match.start()], Gap(match.group(1))]
            position = match.end()
        items.append(text[position:])
        return cls(*items)

    @property
    def text(self) -> str:
        """The plain text, gaps spelled out."""
        return "".join(part if isinstance(part, str) else part.text for part in self.parts)

    @property
    def gaps(self) -> tuple[Gap, ...]:
        return tuple(part for part in self.parts if isinstance(part, Gap))

    @property
    def is_gap(self) -> bool:
        """Whether these words are only gaps (a placeholder standing for a whole text)."""
        return bool(self.parts) and all(isinstance(part, Gap) for part in self.parts)


Inline = str | Gap | Words
"""A line of text that may hold gaps: a string, a gap, or words with gaps."""


def as_words(value: Inline) -> Words:
    """``value`` as :class:`Words` (a string's spelled-out gaps recognised)."""
    if isinstance(value, Words):
        return value
    if isinstance(value, Gap):
        return Words(value)
    return Words.parse(value)


def plain(value: Inline) -> str:
    """The plain text of ``value``, gaps spelled out.

    >>> plain(Words("- ", Gap("nơi nhận"), "."))
    '- [Chưa nhập: nơi nhận].'
    """
    if isinstance(value, str):
        return value
    return value.text


def _simplest(words: Words) -> Inline:
    """A plain string when ``words`` hold no gap, else the words."""
    return words.text if not words.gaps else words


@dataclass(frozen=True, init=False)
class Paragraph:
    """A body paragraph: text, possibly with gaps in it.

    ``placeholder`` (given or read) means the paragraph is only a gap, a placeholder
    for a whole text the writer has not entered. ``figures`` are the ids of the figures
    the paragraph states (a figure is stated at most once per subsection); ``claim`` is
    the id of the claim a phrase words; ``item`` marks an entry of an enumerated list
    (documents, movements), to which the rule that no two paragraphs of a subsection
    open with the same words does not apply. ``source`` says where the paragraph comes
    from, for a writer asking why it is there: ``so_lieu`` (written from the figures),
    ``cau_mau`` (a phrase of the bank), ``tu_viet`` (the writer's own paragraph),
    ``danh_sach:<list>`` (a list the writer entered, by its name in the outline, e.g.
    ``danh_sach:van_ban_quan_triet``) or ``""`` (a heading of the outline, a gap).

    >>> Paragraph("[Chưa nhập: kiến nghị]").placeholder
    True
    >>> Paragraph(Words("Thụ lý 12 vụ, ", Gap("nguyên nhân"))).text
    'Thụ lý 12 vụ, [Chưa nhập: nguyên nhân]'
    """

    words: Words
    figures: tuple[str, ...]
    claim: str
    item: bool
    source: str

    def __init__(
        self,
        content: Inline = "",
        placeholder: bool = False,
        figures: tuple[str, ...] = (),
        claim: str = "",
        item: bool = False,
        source: str = "",
    ) -> None:
        words = as_words(content)
        if placeholder and not words.is_gap:
            raise ValueError(f"a placeholder paragraph must be a gap “[Chưa nhập: …]”, not {words.text!r}")
        object.__setattr__(self, "words", words)
        object.__setattr__(self, "figures", tuple(figures))
        object.__setattr__(self, "claim", claim)
        object.__setattr__(self, "item", item)
        object.__setattr__(self, "source", source)

    @property
    def text(self) -> str:
        return self.words.text

    @property
    def parts(self) -> tuple[Part, ...]:
        return self.words.parts

    @property
    def placeholder(self) -> bool:
        return self.words.is_gap

    def closed(self) -> Paragraph:
        """This paragraph ending the body: its own final stop merged into "./.".

        >>> Paragraph("Trên đây là báo cáo tổng kết.").closed().text
        'Trên đây là báo cáo tổng kết./.'
        >>> Paragraph("Kính đề nghị ./.").closed().text
        'Kính đề nghị./.'
        >>> Paragraph("- Đề nghị bổ sung biên chế ;\x07").closed().text
        '- Đề nghị bổ sung biên chế./.'
        >>> Paragraph("[Chưa nhập: kiến nghị]").closed().parts
        (Gap(what='kiến nghị'), './.')
        """
        parts = list(self.parts)
        if parts and isinstance(parts[-1], str):
            last = parts[-1].rstrip(_BLANK)
            if last.endswith(CLOSING):
                last = last[: -len(CLOSING)]
            parts[-1] = last.rstrip(".;:," + _BLANK)
        return self.from_source(self.source, Words(*parts, CLOSING))

    def from_source(self, source: str, words: Words | None = None) -> Paragraph:
        """This paragraph (or ``words`` in its place), saying where it comes from (see
        :attr:`source`).

        >>> Paragraph("Đã ban hành 02 văn bản.").from_source("danh_sach:van_ban_ban_hanh").source
        'danh_sach:van_ban_ban_hanh'
        """
        words = self.words if words is None else words
        return Paragraph(words, figures=self.figures, claim=self.claim, item=self.item, source=source)


Cell = str | Gap


def _cell(value: Cell) -> Cell:
    """A cell spelled as a gap ("[Chưa nhập: …]") is that gap."""
    if isinstance(value, str) and value.startswith("["):
        words = Words.parse(value)
        if len(words.parts) == 1 and isinstance(words.parts[0], Gap):
            return words.parts[0]
    return value


@dataclass(frozen=True)
class Table:
    """A table with one header row; every row has as many cells as the header.

    A cell is text or a :class:`Gap`.
    """

    header: tuple[Cell, ...]
    rows: tuple[tuple[Cell, ...], ...]
    caption: str = ""

    def __post_init__(self) -> None:
        if any(isinstance(value, str) and value.startswith("[") for row in (self.header, *self.rows) for value in row):
            object.__setattr__(self, "header", tuple(_cell(value) for value in self.header))
            object.__setattr__(self, "rows", tuple(tuple(_cell(value) for value in row) for row in self.rows))

    def text_rows(self) -> tuple[tuple[str, ...], ...]:
        """The header row then the body rows, as plain text."""
        return tuple(tuple(plain(value) for value in row) for row in (self.header, *self.rows))


Block = Paragraph | Table


@dataclass(frozen=True)
class Section:
    """A numbered section of the report.

    ``id`` is the outline id ("I", "II.2.a", "III.1"); ``number`` is what is printed
    before the heading ("I.", "1.", "a)"); ``level`` is 1 for Roman sections, 2 for
    "1.", 3 for "a)".
    """

    id: str
    number: str
    heading: str
    level: int
    blocks: tuple[Block, ...] = ()
    children: tuple[Section, ...] = ()

    @property
    def title(self) -> str:
        """The heading line as printed: number and heading."""
        return f"{self.number} {self.heading}"

    def walk(self) -> tuple[Section, ...]:
        """This section and all its descendants, in document order."""
        out: list[Section] = [self]
        for child in self.children:
            out.extend(child.walk())
        return tuple(out)


def close_body(sections: tuple[Section, ...]) -> tuple[tuple[Section, ...], Paragraph | None]:
    """The body with "./." ending it, as every exporter prints it.

    The mark joins the last paragraph of the last section; when the body ends with a
    table (or a heading, or is empty) it comes as a paragraph of its own, returned
    second, to print after the sections.
    """
    if not sections:
        return sections, Paragraph(CLOSING)
    path = [sections[-1]]
    while path[-1].children:
        path.append(path[-1].children[-1])
    leaf = path[-1]
    if not leaf.blocks or not isinstance(leaf.blocks[-1], Paragraph):
        return sections, Paragraph(CLOSING)
    closed = replace(leaf, blocks=(*leaf.blocks[:-1], leaf.blocks[-1].closed()))
    for parent in reversed(path[:-1]):
        closed = replace(parent, children=(*parent.children[:-1], closed))
    return (*sections[:-1], closed), None


@dataclass(frozen=True)
class Header:
    """The header block of an administrative document (Nghị định 30/2020).

    ``parent_body`` and ``issuing_body`` are already in capitals; ``number_line`` is
    "Số: 15/BC-TA"; ``place_date`` is "Hà Nội, ngày 05 tháng 01 năm 2025" (a
    missing place is a gap).
    """

    parent_body: str
    issuing_body: str
    number_line: Inline
    place_date: Inline
    national_title: str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    motto: str = "Độc lập - Tự do - Hạnh phúc"
    doc_type: str = "BÁO CÁO"
    summary: str = ""


@dataclass(frozen=True)
class Signature:
    """The signature block: "KT. CHÁNH ÁN" over "PHÓ CHÁNH ÁN", then the name.

    A blank name is the gap "[Chưa nhập: họ và tên người ký]".

    >>> Signature("", "CHÁNH ÁN", " ").name
    Gap(what='họ và tên người ký')
    """

    authority: str
    title: str
    name: Inline

    def __post_init__(self) -> None:
        if not plain(self.name).strip(_BLANK):
            object.__setattr__(self, "name", Gap(SIGNER_MISSING))


def _recipient_core(entry: Inline) -> Words:
    """An entry without its list mark, final punctuation and extra spaces."""
    parts = [" ".join(part.split()) if isinstance(part, str) else part for part in as_words(entry).parts]
    if parts and isinstance(parts[0], str):
        parts[0] = parts[0].lstrip(_MARKS)
    if parts and isinstance(parts[-1], str):
        parts[-1] = parts[-1].rstrip(_ENDS)
    return Words(*parts)


def normalise_recipients(recipients: Iterable[Inline]) -> tuple[Inline, ...]:
    """Each recipient as printed: "- " first, ";" last, the last one "."; none is a gap.

    >>> normalise_recipients(["Như trên;", "- TAND tối cao", "–  Lưu: VT, TĐKT."])
    ('- Như trên;', '- TAND tối cao;', '- Lưu: VT, TĐKT.')
    >>> [plain(entry) for entry in normalise_recipients(["", "  "])]
    ['- [Chưa nhập: nơi nhận].']
    """
    cores = [core for core in map(_recipient_core, recipients) if core.parts]
    if not cores:
        cores = [Words(Gap(RECIPIENTS_MISSING))]
    last = len(cores) - 1
    return tuple(_simplest(Words("- ", core, "." if index == last else ";")) for index, core in enumerate(cores))


@dataclass(frozen=True)
class Layout:
    """Layout options from the data file (``tuy_chon``)."""

    body_size: int = 14
    line_spacing: float = 1.15
    leading_zero: bool = True


@dataclass(frozen=True)
class Document:
    """The whole report.

    ``recipients`` are kept as printed (see :func:`normalise_recipients`).
    """

    header: Header
    sections: tuple[Section, ...]
    signature: Signature
    recipients: tuple[Inline, ...] = ()
    annexes: tuple[Section, ...] = ()
    layout: Layout = field(default_factory=Layout)
    title: str = ""
    author: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "recipients", normalise_recipients(self.recipients))

    def walk(self) -> tuple[Section, ...]:
        """Every section (then every annex section) in document order."""
        out: list[Section] = []
        for section in self.sections + self.annexes:
            out.extend(section.walk())
        return tuple(out)

    def find(self, section_id: str) -> Section | None:
        """The section with this outline id, or ``None``."""
        for section in self.walk():
            if section.id == section_id:
                return section
        return None
