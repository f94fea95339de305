"""Composition: validated report data + phrase bank → the pure document model.

Every exporter and the TUI preview read what :func:`compose` returns. A section with
nothing to say shows a visible placeholder naming what is missing, never an empty
heading.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from drafting.bank.bank import Bank, default_bank
from drafting.bank.catalogue import Catalogue
from drafting.bank.outline import Outline, OutlineSection
from drafting.bank.sandbox import render
from drafting.composition.annex import annex_sections
from drafting.composition.context import lower_first, phrase_context, year_context
from drafting.composition.figure_prose import figure_paragraphs, figure_table
from drafting.composition.list_prose import document_paragraphs, list_paragraphs, movement_paragraphs
from drafting.composition.phrasing import RenderedPhrase, render_items, selected_items
from drafting.document import (
    PLACE_MISSING,
    Block,
    Document,
    Gap,
    Header,
    Inline,
    Layout,
    Paragraph,
    Section,
    Signature,
    Words,
)
from drafting.errors import Problem, ProblemsError
from drafting.figures.views import FigureView, evaluate
from drafting.report import FreeText, ReportData
from drafting.vi.dates import format_place_date
from drafting.vi.text import format_doc_number

LIST_BUILDERS = {"van_ban": document_paragraphs, "phong_trao": movement_paragraphs}
"""The lists written in their own way; any other list of the schema is an enumeration of its items."""


@dataclass(frozen=True)
class Composer:
    """Everything composition reads, evaluated once."""

    report: ReportData
    bank: Bank
    views: dict[str, FigureView]
    context: dict[str, Any]

    @classmethod
    def create(cls, report: ReportData, bank: Bank) -> Composer:
        views = evaluate(report, bank.catalogue)
        return cls(report, bank, views, phrase_context(report, views, bank.catalogue))

    @property
    def catalogue(self) -> Catalogue:
        return self.bank.catalogue

    @property
    def outline(self) -> Outline:
        return self.bank.outline

    def heading(self, section: OutlineSection) -> str:
        return render(section.heading, year_context(self.report.year))

    def section_blocks(self, section: OutlineSection, problems: list[Problem]) -> tuple[Block, ...]:
        """The blocks of a leaf section."""
        report = self.report
        blocks: list[Block] = []
        missing: list[str] = []
        for name in section.lists:
            spec, part = self.bank.schema.view(name)
            builder = LIST_BUILDERS.get(spec.key)
            if builder is not None:
                blocks.extend(builder(report, self.outline, name))
            else:
                blocks.extend(list_paragraphs(report, self.outline, spec, part))
        if section.table is not None:
            table = figure_table(section.table, self.catalogue, self.views, report.year, report.options)
            if table is not None:
                blocks.append(table)
            else:
                missing.append("số liệu " + lower_first(section.table.title))
        groups = [self.catalogue.group(g) for g in section.figure_groups]
        paragraphs, empty = figure_paragraphs(groups, self.views, report.year, report.options)
        blocks.extend(paragraphs)
        if groups and len(empty) == len(groups):
            missing.append("số liệu " + ", ".join(lower_first(self.catalogue.group(g).title) for g in empty[:3]))
        items = selected_items(self.bank, section.id, report.content.get(section.id, ()), self.context, problems)
        rendered, found = render_items(self.bank, items, self.context, report.options.seed, report.source)
        problems.extend(found)
        blocks.extend(self._phrase_blocks(section, rendered))
        if missing and not any(isinstance(b, Paragraph) and not b.placeholder for b in blocks):
            blocks.insert(0, Paragraph(Gap("; ".join(missing))))
        if not blocks:
            blocks.append(Paragraph(Gap(lower_first(self.heading(section)))))
        return tuple(blocks)

    def _phrase_blocks(self, section: OutlineSection, rendered: list[RenderedPhrase | FreeText]) -> list[Block]:
        bullet = "- " if section.evaluative else ""
        tags = {g.tag: g.heading for g in section.subgroups}
        if tags:
            # Suggested phrases are grouped by subgroup; the writer's own order is kept.
            bullet = "+ "
        out: list[Block] = []
        current = ""
        for item in rendered:
            if isinstance(item, FreeText):
                out.append(Paragraph(_bulleted(bullet, item.text)))
                continue
            tag = next((t for t in item.phrase.tags if t in tags), "")
            if tag and tag != current:
                out.append(Paragraph(f"- {tags[tag]}"))
                current = tag
            out.append(Paragraph(_bulleted(bullet, item.text)))
        return out

    def build_section(self, section: OutlineSection, problems: list[Problem]) -> Section:
        children = tuple(self.build_section(c, problems) for c in self.outline.children(section.id))
        blocks = () if children else self.section_blocks(section, problems)
        return Section(section.id, section.number, self.heading(section), section.level, blocks, children)

    def document(self) -> Document:
        problems: list[Problem] = []
        sections = tuple(self.build_section(s, problems) for s in self.outline.children(None))
        if problems:
            raise ProblemsError(problems)
        report, unit = self.report, self.report.unit
        summary = render(self.outline.summary, year_context(report.year))
        place_date: Inline
        if unit.place and unit.date:
            place_date = format_place_date(unit.place, unit.date)
        else:
            # A date left blank is filled in by hand when the report is signed.
            blank_date = f", ngày      tháng      năm {report.year}"
            place_date = unit.place + blank_date if unit.place else Words(Gap(PLACE_MISSING), blank_date)
        header = Header(
            parent_body=unit.parent_body.upper(),
            issuing_body=unit.issuing_body.upper(),
            number_line=format_doc_number(unit.number or "", unit.symbol or "BC-TA"),
            place_date=place_date,
            summary=summary,
        )
        return Document(
            header=header,
            sections=sections,
            signature=Signature(unit.signer_authority.upper(), unit.signer_title.upper(), unit.signer_name),
            recipients=unit.recipients,
            annexes=annex_sections(report, self.catalogue),
            layout=Layout(report.options.body_size, report.options.line_spacing, report.options.leading_zero),
            title=f"Báo cáo {lower_first(summary)}",
            author=unit.name or unit.issuing_body,
        )


def _bulleted(bullet: str, text: str) -> str:
    if not bullet or text.lstrip().startswith(("-", "+", "*", "•")):
        return text
    return bullet + text


def compose(report: ReportData, bank: Bank | None = None) -> Document:
    """Compose the whole report with ``bank`` (by default the shipped one); raise
    :class:`ProblemsError` for unknown phrase ids or broken phrases."""
    return Composer.create(report, bank if bank is not None else default_bank()).document()
