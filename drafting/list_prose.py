"""Lists of the data file written as prose: documents issued, movements and their results."""

from __future__ import annotations

from .document import Paragraph
from .formatting import format_short_date, join_vi, quote
from .outline import Outline
from .report import IssuedDocument, Movement, ReportData
from .sandbox import render

INLINE_MAX = 3


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?", "…")) else text + "."


def document_text(doc: IssuedDocument) -> str:
    """"Kế hoạch phát động … (số 05/KH-TA ngày 10/01/2024)"."""
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
    """A lead and its items: inline when short, one "- item;" paragraph each when long."""
    if len(items) <= INLINE_MAX:
        return [Paragraph(f"{lead} {join_vi(items)}.")]
    out = [Paragraph(lead)]
    for i, item in enumerate(items):
        out.append(Paragraph(f"- {item}{'.' if i == len(items) - 1 else ';'}"))
    return out


LEADS = {
    "quan_triet": "Đơn vị đã tổ chức phổ biến, quán triệt, triển khai thực hiện đến toàn thể cán bộ, công chức, người lao động các văn bản:",
    "ban_hanh": "Trong năm {{ nam }}, đơn vị đã ban hành {{ so }} văn bản chỉ đạo, hướng dẫn, kiểm tra về công tác thi đua, khen thưởng, gồm:",
}
MISSING = {
    "quan_triet": "các văn bản được quán triệt (số, ngày, trích yếu)",
    "ban_hanh": "các văn bản đã ban hành (số, ngày, trích yếu)",
}


def document_paragraphs(report: ReportData, kind: str) -> list[Paragraph]:
    """The documents of one kind (``quan_triet`` or ``ban_hanh``)."""
    docs = [d for d in report.documents if d.kind == kind]
    if not docs:
        return [Paragraph(f"[Chưa nhập: {MISSING[kind]}]", placeholder=True)]
    lead = render(LEADS[kind], {"nam": report.year, "so": f"{len(docs):02d}" if report.options.leading_zero and len(docs) < 10 else str(len(docs))})
    return enumeration(lead, [document_text(d) for d in docs])


def movement_paragraphs(report: ReportData, outline: Outline, group: str) -> list[Paragraph]:
    """One paragraph per movement of II.2 a) or b): the outline's, then the writer's."""
    years = {"nam": report.year, "nam_truoc": report.year - 1, "nam_sau": report.year + 1}
    results: dict[str, list[Movement]] = {}
    for movement in report.movements:
        if movement.id:
            results.setdefault(movement.id, []).append(movement)
    out: list[Paragraph] = []
    for named in outline.movements:
        if named.group != group:
            continue
        name = quote(render(named.name, years))
        entries = [m for m in results.get(named.id, []) if m.result]
        if not entries:
            out.append(Paragraph(f"[Chưa nhập: kết quả thực hiện phong trào {name}]", placeholder=True))
            continue
        for m in entries:
            out.append(Paragraph(f"Phong trào {name}{_unit(m)}: {_sentence(m.result)}"))
    for m in report.movements:
        if m.id or m.group != group:
            continue
        if m.result:
            out.append(Paragraph(f"Phong trào {quote(m.name)}{_unit(m)}: {_sentence(m.result)}"))
        else:
            out.append(Paragraph(f"[Chưa nhập: kết quả thực hiện phong trào {quote(m.name)}]", placeholder=True))
    return out


def _unit(m: Movement) -> str:
    return f" ({m.unit})" if m.unit else ""
