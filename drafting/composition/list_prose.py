"""Lists of the data file written as prose: documents issued, movements and their results.

The wording of leads and placeholders is data (``danh_sach`` in ``phrasebank/dan_y.yaml``).
"""

from __future__ import annotations

import datetime
import re

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
DOCUMENT_TYPES = (
    "Bộ luật",
    "Luật",
    "Pháp lệnh",
    "Nghị quyết liên tịch",
    "Nghị quyết",
    "Nghị định",
    "Chỉ thị",
    "Thông tư liên tịch",
    "Thông tư",
    "Quyết định",
    "Kế hoạch",
    "Hướng dẫn",
    "Chương trình",
    "Quy chế",
    "Quy định",
    "Công văn",
    "Thông báo",
    "Kết luận",
    "Báo cáo",
)
"""Kinds of document a summary may start with; a citation puts the number and date after it."""
_LAW_YEAR = re.compile(r"\s+năm\s+\d{4}$")


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?", "…")) else text + "."


def document_text(doc: IssuedDocument) -> str:
    """A document as cited: its kind, number and date, then its issuer and subject; a
    law by its name, number and date.

    >>> import datetime
    >>> document_text(IssuedDocument("ban_hanh", "02/KH-TA", datetime.date(2024, 1, 10), "Kế hoạch thi đua."))
    'Kế hoạch số 02/KH-TA ngày 10/01/2024 thi đua'
    >>> document_text(IssuedDocument("quan_triet", "98/2023/NĐ-CP", datetime.date(2023, 12, 31),
    ...     "Nghị định của Chính phủ quy định chi tiết Luật Thi đua, khen thưởng"))
    'Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ quy định chi tiết Luật Thi đua, khen thưởng'
    >>> document_text(IssuedDocument("quan_triet", "06/2022/QH15", datetime.date(2022, 6, 15),
    ...     "Luật Thi đua, khen thưởng năm 2022"))
    'Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15/6/2022'
    >>> document_text(IssuedDocument("ban_hanh", "", None, "Quy chế làm việc"))
    'Quy chế làm việc'
    """
    where = []
    if doc.number:
        where.append(f"số {doc.number}")
    if doc.date:
        where.append(f"ngày {format_short_date(doc.date)}")
    summary = doc.summary.rstrip(".;").strip()
    kind = next((k for k in DOCUMENT_TYPES if summary == k or summary.startswith(k + " ")), "")
    if not where:
        text = summary
    elif kind in ("Bộ luật", "Luật", "Pháp lệnh"):
        text = f"{_LAW_YEAR.sub('', summary)} {' '.join(where)}"
    elif kind:
        text = f"{kind} {' '.join(where)} {summary[len(kind) :].strip()}".strip()
    else:
        text = f"{summary} ({' '.join(where)})"
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
        out.append(Paragraph(f"- {item}{'.' if i == len(items) - 1 else ';'}", item=True))
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

    def lead(name: str, period: str = "") -> str:
        return render(style.lead, {**years, "ten": quote(name) + (f" {period}" if period else "")})

    def missing(name: str, period: str = "") -> Paragraph:
        named = quote(name) + (f" {period}" if period else "")
        return Paragraph(Gap(render(style.missing, {**years, "ten": named})))

    results: dict[str, list[Movement]] = {}
    for movement in report.movements:
        if movement.id:
            results.setdefault(movement.id, []).append(movement)
    out: list[Paragraph] = []
    for named in outline.movements:
        if named.group != group:
            continue
        name = render(named.name, years)
        period = render(named.period, years)
        entries = [m for m in results.get(named.id, []) if m.result]
        if not entries:
            out.append(missing(name, period))
        out.extend(Paragraph(f"{lead(name, period)}{_unit(m)}: {_sentence(m.result)}", item=True) for m in entries)
    for m in report.movements:
        if m.id or m.group != group:
            continue
        if m.result:
            out.append(Paragraph(f"{lead(m.name)}{_unit(m)}: {_sentence(m.result)}", item=True))
        else:
            out.append(missing(m.name))
    return out


def _unit(m: Movement) -> str:
    return f" ({m.unit})" if m.unit else ""
