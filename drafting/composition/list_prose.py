"""Lists of the data file written as prose: documents issued, movements and their results.

The wording of leads and placeholders is data (``danh_sach`` in ``phrasebank/dan_y.yaml``).
"""

from __future__ import annotations

from drafting.bank.outline import Outline
from drafting.bank.sandbox import render
from drafting.composition.context import year_context
from drafting.document import Gap, Paragraph
from drafting.report import IssuedDocument, Movement, ReportData
from drafting.vi.dates import format_short_date
from drafting.vi.text import join_vi, quote

INLINE_MAX = 3


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?", "…")) else text + "."


def document_text(doc: IssuedDocument) -> str:
    """A document as cited: summary, then number and date.

    >>> import datetime
    >>> document_text(IssuedDocument("ban_hanh", "02/KH-TA", datetime.date(2024, 1, 10), "Kế hoạch thi đua."))
    'Kế hoạch thi đua (số 02/KH-TA ngày 10/01/2024)'
    """
    where = []
    if doc.number:
        where.append(f"số {doc.number}")
    if doc.date:
        where.append(f"ngày {format_short_date(doc.date)}")
    text = doc.summary.rstrip(".;")
    if where:
        text += f" ({' '.join(where)})"
    if doc.unit:
        text += f" – {doc.unit}"
    return text


def enumeration(lead: str, items: list[str]) -> list[Paragraph]:
    """A lead and its items: inline when short, one "- item;" paragraph each when long.

    >>> [p.text for p in enumeration("Gồm:", ["A", "B"])]
    ['Gồm: A và B.']
    >>> [p.text for p in enumeration("Gồm:", ["A", "B", "C", "D"])]
    ['Gồm:', '- A;', '- B;', '- C;', '- D.']
    """
    if len(items) <= INLINE_MAX:
        return [Paragraph(f"{lead} {join_vi(items)}.")]
    out = [Paragraph(lead)]
    for i, item in enumerate(items):
        out.append(Paragraph(f"- {item}{'.' if i == len(items) - 1 else ';'}"))
    return out


def document_paragraphs(report: ReportData, outline: Outline, list_name: str) -> list[Paragraph]:
    """The documents of one list (``van_ban_quan_triet`` or ``van_ban_ban_hanh``)."""
    kind = list_name.removeprefix("van_ban_")
    style = outline.list_styles[list_name]
    docs = [d for d in report.documents if d.kind == kind]
    context: dict[str, object] = {**year_context(report.year)}
    if not docs:
        return [Paragraph(Gap(render(style.missing, context)))]
    count = len(docs)
    context["so"] = f"{count:02d}" if report.options.leading_zero and count < 10 else str(count)
    return enumeration(render(style.lead, context), [document_text(d) for d in docs])


def movement_paragraphs(report: ReportData, outline: Outline, list_name: str) -> list[Paragraph]:
    """One paragraph per movement of II.2 a) or b): the outline's, then the writer's."""
    group = list_name.removeprefix("phong_trao_")
    style = outline.list_styles[list_name]
    years = year_context(report.year)

    def lead(name: str) -> str:
        return render(style.lead, {**years, "ten": quote(name)})

    def missing(name: str) -> Paragraph:
        return Paragraph(Gap(render(style.missing, {**years, "ten": quote(name)})))

    results: dict[str, list[Movement]] = {}
    for movement in report.movements:
        if movement.id:
            results.setdefault(movement.id, []).append(movement)
    out: list[Paragraph] = []
    for named in outline.movements:
        if named.group != group:
            continue
        name = render(named.name, years)
        entries = [m for m in results.get(named.id, []) if m.result]
        if not entries:
            out.append(missing(name))
        out.extend(Paragraph(f"{lead(name)}{_unit(m)}: {_sentence(m.result)}") for m in entries)
    for m in report.movements:
        if m.id or m.group != group:
            continue
        out.append(Paragraph(f"{lead(m.name)}{_unit(m)}: {_sentence(m.result)}") if m.result else missing(m.name))
    return out


def _unit(m: Movement) -> str:
    return f" ({m.unit})" if m.unit else ""
