"""The composed document: a small, pure model that every exporter reads.

Composition (``drafting.composition.composer``) builds a :class:`Document` from validated report
data and the phrase bank; the docx, Markdown and text exporters and the TUI preview
only read it. Nothing here knows about files, YAML or Jinja.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph of plain text.

    ``placeholder`` marks text that stands for something the writer has not entered
    yet ("[Chưa nhập: …]"); exporters may highlight it. ``figures`` are the ids of the
    figures the paragraph states (a figure is stated at most once per subsection);
    ``claim`` is the id of the claim a phrase words; ``item`` marks an entry of an
    enumerated list (documents, movements), to which the rule that no two paragraphs of
    a subsection open with the same words does not apply.
    """

    text: str
    placeholder: bool = False
    figures: tuple[str, ...] = ()
    claim: str = ""
    item: bool = False


@dataclass(frozen=True)
class Table:
    """A table with one header row; every row has as many cells as the header."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str = ""


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


@dataclass(frozen=True)
class Header:
    """The header block of an administrative document (Nghị định 30/2020).

    ``parent_body`` and ``issuing_body`` are already in capitals; ``number_line`` is
    "Số: 15/BC-TA"; ``place_date`` is "Hà Nội, ngày 05 tháng 01 năm 2025".
    """

    parent_body: str
    issuing_body: str
    number_line: str
    place_date: str
    national_title: str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    motto: str = "Độc lập - Tự do - Hạnh phúc"
    doc_type: str = "BÁO CÁO"
    summary: str = ""


@dataclass(frozen=True)
class Signature:
    """The signature block: "KT. CHÁNH ÁN" over "PHÓ CHÁNH ÁN", then the name."""

    authority: str
    title: str
    name: str


@dataclass(frozen=True)
class Layout:
    """Layout options from the data file (``tuy_chon``)."""

    body_size: int = 14
    line_spacing: float = 1.15
    leading_zero: bool = True


@dataclass(frozen=True)
class Document:
    """The whole report."""

    header: Header
    sections: tuple[Section, ...]
    signature: Signature
    recipients: tuple[str, ...] = ()
    annexes: tuple[Section, ...] = ()
    layout: Layout = field(default_factory=Layout)
    title: str = ""
    author: str = ""

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
