"""Lists of the data file written as prose: documents issued, movements and their results.

The wording of leads and placeholders is data (``danh_sach`` in ``phrasebank/dan_y.yaml``).
"""

from __future__ import annotations

import datetime

from drafting.bank.outline import Outline
from drafting.bank.sandbox import render
from drafting.composition.context import year_context
from drafting.document import Gap, Paragraph
from drafting.report import IssuedDocument, ListItem, Movement, ReportData
from drafting.schema import ListPart, ListSpec
from drafting.vi.dates import format_short_date
from drafting.vi.numbers import format_number
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
    docs = [document_text(d) for d in report.documents if d.kind == kind]
    return _enumerated(report, outline, list_name, docs)


def _enumerated(report: ReportData, outline: Outline, list_name: str, texts: list[str]) -> list[Paragraph]:
    """A list's lead and its items (the count is ``{{ so }}`` in the lead), or its placeholder."""
    style = outline.list_styles[list_name]
    context: dict[str, object] = {**year_context(report.year)}
    if not texts:
        return [Paragraph(Gap(render(style.missing, context)))]
    count = len(texts)
    context["so"] = f"{count:02d}" if report.options.leading_zero and count < 10 else str(count)
    return enumeration(render(style.lead, context), texts)


def item_text(item: ListItem, spec: ListSpec) -> str:
    """An item of a list the schema adds: its values, in the schema's order, joined (a
    number after the name of its field).

    >>> import datetime
    >>> from drafting.schema import FieldSpec
    >>> spec = ListSpec("sang_kien", "Sáng kiến", "sáng kiến", (FieldSpec("ten", "Tên", "tên"),
    ...     FieldSpec("ngay", "Ngày", "ngày", kind="ngay")))
    >>> item_text(ListItem((("ten", "Sổ tay điện tử."), ("ngay", datetime.date(2024, 3, 5)))), spec)
    'Sổ tay điện tử, ngày 05/3/2024'
    """
    parts = []
    for field in spec.fields:
        value = item.get(field.key)
        if field.key == spec.split or value in (None, "", ()):
            continue
        if isinstance(value, datetime.date):
            parts.append(f"ngày {format_short_date(value)}")
        elif isinstance(value, tuple):
            parts.append(join_vi(list(value)))
        elif isinstance(value, bool):
            parts.append(field.name if value else "")
        elif isinstance(value, int | float):
            parts.append(f"{field.name} {format_number(value, 0 if isinstance(value, int) else 2)}")
        else:
            parts.append(str(value).rstrip(".;"))
    return ", ".join(p for p in parts if p)


def list_paragraphs(report: ReportData, outline: Outline, spec: ListSpec, part: ListPart | None) -> list[Paragraph]:
    """A list the schema adds (or one of its parts), written as an enumeration."""
    items = report.lists.get(spec.key, ())
    if part is not None:
        items = tuple(i for i in items if str(i.get(spec.split)) == part.value)
    return _enumerated(report, outline, part.name if part else spec.key, [item_text(i, spec) for i in items])


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
