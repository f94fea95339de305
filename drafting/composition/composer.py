"""Composition: validated report data + phrase bank → the pure document model.

Data flows once: figures (:mod:`drafting.figures`) → the claims the figures support
and the writer chose (:mod:`drafting.composition.content`) → their wording
(:mod:`drafting.composition.phrasing`, facts from :mod:`drafting.composition.facts`)
→ the document. Every exporter and the TUI preview read what :func:`compose` returns.
A section with nothing to say shows a visible placeholder naming what is missing,
never an empty heading.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from drafting.bank.bank import Bank, default_bank
from drafting.bank.catalogue import Catalogue
from drafting.bank.outline import Outline, OutlineSection
from drafting.bank.phrases import Phrase
from drafting.bank.sandbox import render
from drafting.composition.annex import annex_sections
from drafting.composition.content import Plan, plan_report
from drafting.composition.context import lower_first, year_context
from drafting.composition.facts import FactContext, claim_facts
from drafting.composition.figure_prose import figure_paragraphs, figure_table
from drafting.composition.list_prose import document_paragraphs, list_paragraphs, movement_paragraphs
from drafting.composition.phrasing import RenderedPhrase, claim_items, opener, render_items
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
from drafting.figures.truth import Facts
from drafting.figures.views import FigureView, evaluate
from drafting.report import ContentItem, FreeText, ReportData
from drafting.vi.dates import format_place_date
from drafting.vi.text import format_doc_number

Rendered = RenderedPhrase | FreeText

LIST_BUILDERS = {"van_ban": document_paragraphs, "phong_trao": movement_paragraphs}
"""The lists written in their own way; any other list of the schema is an enumeration of its items."""


@dataclass(frozen=True)
class Composer:
    """Everything composition reads, evaluated once: the figures, then the claims."""

    report: ReportData
    bank: Bank
    views: dict[str, FigureView]
    plan: Plan
    facts: FactContext

    @classmethod
    def create(cls, report: ReportData, bank: Bank) -> Composer:
        views = evaluate(report, bank.catalogue)
        plan = plan_report(report, bank, views)
        targets = Facts(views, bank.claims.thresholds, report.year, report.level).targets
        return cls(report, bank, views, plan, FactContext(views, bank.catalogue, targets, report.year, report.options))

    @property
    def catalogue(self) -> Catalogue:
        return self.bank.catalogue

    @property
    def outline(self) -> Outline:
        return self.bank.outline

    def heading(self, section: OutlineSection) -> str:
        return render(section.heading, year_context(self.report.year))

    def phrase_context(self, phrase: Phrase, section_id: str = "") -> tuple[dict[str, Any], tuple[str, ...]]:
        """The Jinja context of a phrase's variants (its claim's facts) and the figures it states."""
        unit = self.report.unit
        context: dict[str, Any] = {
            **year_context(self.report.year),
            "don_vi": {"ten": unit.name or "đơn vị", "ten_ngan": unit.short_name or "đơn vị"},
            "f": {},
        }
        claim = self.bank.claims.get(phrase.claim)
        if claim is None:
            return context, ()
        exclude = self.plan.exclude.get(section_id or claim.section, frozenset())
        values, figures = claim_facts(claim, self.facts, exclude)
        context["f"] = values
        return context, figures

    def section_items(self, section_id: str) -> tuple[ContentItem, ...]:
        """The writer's items of a section, or the phrases of the claims decided for it
        (grouped by the section's subgroups, objective causes before subjective ones)."""
        items = self.report.content.get(section_id, ())
        if items:
            return items
        chosen = claim_items(self.bank, self.plan.sections.get(section_id, ()))
        section = self.outline.section(section_id) if section_id in self.outline.ids else None
        tags = [g.tag for g in section.subgroups] if section is not None else []
        if not tags:
            return chosen

        def subgroup(item: ContentItem) -> int:
            phrase = self.bank.get(getattr(item, "id", ""))
            found = [tags.index(t) for t in (phrase.tags if phrase else ()) if t in tags]
            return min(found) if found else len(tags)

        return tuple(sorted(chosen, key=subgroup))

    def section_blocks(self, section: OutlineSection, problems: list[Problem]) -> tuple[Block, ...]:
        """The blocks of a leaf section: lists, table, framing sentences, figure paragraphs
        (each followed by the sentences placed after it), then the other sentences."""
        report = self.report
        blocks: list[Block] = []
        missing: list[str] = []
        for name in section.lists:
            spec, part = self.bank.schema.view(name)
            builder = LIST_BUILDERS.get(spec.key)
            made = builder(report, self.outline, name) if builder else list_paragraphs(report, self.outline, spec, part)
            blocks.extend(p if p.placeholder else p.from_source(f"danh_sach:{name}") for p in made)
        if section.table is not None:
            table = figure_table(section.table, self.catalogue, self.views, report.year, report.options)
            if table is not None:
                blocks.append(table)
            else:
                missing.append("số liệu " + lower_first(section.table.title))
        groups = [self.catalogue.group(g) for g in section.figure_groups]
        paragraphs, empty = figure_paragraphs(groups, self.views, report.year, report.options)
        prose = [g for g in groups if g.prose]
        if prose and len(empty) == len(prose):
            missing.append("số liệu " + ", ".join(lower_first(self.catalogue.group(g).title) for g in empty[:3]))
        used = {opener(b.text) for b in blocks if isinstance(b, Paragraph) and not b.item and not b.placeholder}
        used |= {opener(p.paragraph.text) for p in paragraphs}
        rendered, found = render_items(
            self.bank,
            self.section_items(section.id),
            lambda phrase: self.phrase_context(phrase, section.id),
            report.options.seed,
            report.source,
            used,
        )
        problems.extend(found)
        framing, after, rest = self._placed(rendered, section.writer_leads)
        blocks.extend(self._phrase_blocks(section, framing))
        for figure_paragraph in paragraphs:
            blocks.append(figure_paragraph.paragraph)
            blocks.extend(self._phrase_blocks(section, after.get(figure_paragraph.name, [])))
        placed = {p.name for p in paragraphs}
        leftover = [r for name, items in after.items() if name not in placed for r in items]
        blocks.extend(self._phrase_blocks(section, leftover + rest))
        if missing and not any(isinstance(b, Paragraph) and not b.placeholder for b in blocks):
            blocks.insert(0, Paragraph(Gap("; ".join(missing))))
        if not blocks:
            blocks.append(Paragraph(Gap(lower_first(self.heading(section)))))
        return tuple(blocks)

    def _placed(
        self, rendered: list[Rendered], writer_leads: bool = False
    ) -> tuple[list[Rendered], dict[str, list[Rendered]], list[Rendered]]:
        """The framing sentences that lead the section (before its figure paragraphs), the
        sentences placed after a figure paragraph, and the rest, each in the items' order
        (the writer's order is kept). Framing: the leading sentences of framing claims, and
        in a section that says so (``mo_dau_tu_viet``) the writer's own first paragraph."""
        framing: list[Rendered] = []
        after: dict[str, list[Rendered]] = {}
        rest: list[Rendered] = []
        for index, item in enumerate(rendered):
            claim = self.bank.claims.get(item.phrase.claim) if isinstance(item, RenderedPhrase) else None
            leads = writer_leads and index == 0 and isinstance(item, FreeText)
            if leads or (claim is not None and claim.framing and not rest and not after):
                framing.append(item)
            elif claim is not None and claim.after:
                after.setdefault(claim.after, []).append(item)
            else:
                rest.append(item)
        return framing, after, rest

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
                out.append(Paragraph(_bulleted(bullet, item.text), source="tu_viet"))
                continue
            tag = next((t for t in item.phrase.tags if t in tags), "")
            if tag and tag != current:
                out.append(Paragraph(f"- {tags[tag]}"))
                current = tag
            paragraph = Paragraph(_bulleted(bullet, item.text), figures=item.figures, claim=item.phrase.claim)
            out.append(paragraph.from_source("cau_mau"))
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
    :class:`ProblemsError` for unknown phrase ids or broken phrases, and first for the
    phrases the bank could not load (their files' located problems: a section must never
    come out empty because its phrase file has an error)."""
    bank = bank if bank is not None else default_bank()
    bank.require_loaded()
    return Composer.create(report, bank).document()
