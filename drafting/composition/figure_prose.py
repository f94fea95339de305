"""Figure paragraphs: each group of figures as one sentence, groups of a topic as prose.

"Án hình sự: thụ lý 1.380 vụ, tăng 134 vụ (tăng 10,75%) so với cùng kỳ năm 2023, do …;
đã giải quyết 1.271 vụ, …; đạt tỷ lệ 92,1% (chỉ tiêu từ 90% trở lên), vượt 2,1% so với
chỉ tiêu, cao hơn 0,2% so với cùng kỳ năm 2023."
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from drafting.bank.catalogue import Catalogue, FigureGroup
from drafting.bank.outline import FigureTable
from drafting.bank.sandbox import render
from drafting.document import Gap, Paragraph, Table
from drafting.figures.views import FigureView
from drafting.report import Options
from drafting.vi.comparison import describe_change, describe_target, describe_target_requirement
from drafting.vi.numbers import format_count, format_money, format_percent

# Spelled out inside a figure's clause; the paragraph made of the clauses holds it as a gap.
MISSING_CAUSE = Gap("nguyên nhân").text


def upper_first(text: str) -> str:
    """Capitalise the first letter.

    >>> upper_first("danh hiệu “Lao động tiên tiến”")
    'Danh hiệu “Lao động tiên tiến”'
    """
    return text[:1].upper() + text[1:]


def value_text(view: FigureView, options: Options) -> str:
    """The formatted value of a figure with its unit."""
    assert view.current is not None
    kind = view.figure.kind
    if kind == "ty_le":
        return format_percent(view.current)
    if kind == "tien":
        return format_money(view.current, short=options.short_money)
    return format_count(view.current, view.figure.unit, leading_zero=options.leading_zero)


def _cause_text(view: FigureView) -> str:
    cause = view.cause.strip().rstrip(".;,").strip()
    if not view.changed or not view.figure.entered:
        return ""
    if not cause:
        return MISSING_CAUSE
    return cause


def _zero_clause(view: FigureView, year: int, options: Options) -> str:
    """A compared count of 0: "không có bản án, quyết định nào bị hủy (cùng kỳ năm 2023 có 52 …)"
    (never a year directly followed by a figure)."""
    figure = view.figure
    text = figure.none_text or f"{figure.label}: không có"
    previous = view.previous
    if previous is None:
        text += f", chưa có số liệu cùng kỳ năm {year - 1} để so sánh"
    elif previous == 0:
        text += f" (cùng kỳ năm {year - 1} cũng không có)"
    else:
        amount = (
            format_money(previous, short=options.short_money)
            if figure.kind == "tien"
            else format_count(previous, figure.unit, leading_zero=options.leading_zero)
        )
        text += f" (cùng kỳ năm {year - 1} có {amount})"
        cause = _cause_text(view)
        if cause:
            text += f", {cause}"
    return text


@lru_cache(maxsize=4096)
def figure_clause(view: FigureView, year: int, options: Options) -> str | None:
    """The clause of one figure, or ``None`` when there is nothing to say.

    A zero is said in words ("không có …"), never "0 … (giảm 100%)"; a rate of 0 without
    a minimum to meet adds nothing to its count's "không có". Kept by its inputs (all
    immutable): the editor's preview, recomposed after each edit, words again only the
    figures that changed.
    """
    figure = view.figure
    if view.current is None:
        return None
    if not figure.compared and figure.kind != "ty_le" and view.current == 0:
        return None
    if figure.kind == "ty_le" and view.current == 0 and (view.target is None or view.target.kind == "toi_da"):
        return None
    if figure.compared and figure.kind != "ty_le" and view.current == 0:
        return _zero_clause(view, year, options)
    parts = [f"{figure.label} {value_text(view, options)}"]
    if view.target is not None:
        parts[0] += f" ({describe_target_requirement(view.target.value, view.target.kind)})"
        parts.append(describe_target(view.current, view.target.value, view.target.kind))
    if figure.compared and view.no_previous_base:
        parts.append(f"cùng kỳ năm {year - 1} không phát sinh")
    elif figure.compared:
        kind = {"ty_le": "rate", "tien": "money"}.get(figure.kind, "count")
        parts.append(
            describe_change(
                view.current,
                view.previous,
                figure.unit,
                year - 1,
                kind=kind,  # type: ignore[arg-type]
                leading_zero=options.leading_zero,
            )
        )
        cause = _cause_text(view)
        if cause:
            parts.append(cause)
    return ", ".join(parts)


def _merge_same_label(clauses: list[tuple[str, str]]) -> list[str]:
    """Join consecutive uncompared clauses sharing a label: "khen thưởng đột xuất 03 tập thể và 12 cá nhân"."""
    out: list[tuple[str, list[str]]] = []
    for label, rest in clauses:
        if out and label and out[-1][0] == label:
            out[-1][1].append(rest)
        else:
            out.append((label, [rest]))
    merged = []
    for label, rests in out:
        if len(rests) == 1:
            merged.append(f"{label} {rests[0]}" if label else rests[0])
        else:
            merged.append(f"{label} {', '.join(rests[:-1])} và {rests[-1]}")
    return merged


def group_sentence(
    group: FigureGroup, views: Mapping[str, FigureView], year: int, options: Options
) -> tuple[str, tuple[str, ...]] | None:
    """One sentence for a figure group and the figures it states, or ``None`` if no
    figure of it has a value."""
    pieces: list[tuple[str, str]] = []
    stated: list[str] = []
    for figure in group.figures:
        view = views[figure.id]
        clause = figure_clause(view, year, options)
        if clause is None:
            continue
        stated.append(figure.id)
        if not figure.compared and figure.kind != "ty_le":
            pieces.append((figure.label, value_text(view, options)))
        else:
            pieces.append(("", clause))
    if not pieces:
        return None
    lead = render(group.lead, {"nam": year, "nam_truoc": year - 1, "nam_sau": year + 1})
    return f"{upper_first(lead)}: {'; '.join(_merge_same_label(pieces))}.", tuple(stated)


@dataclass(frozen=True)
class FigureParagraph:
    """A paragraph of figure sentences and the ``doan`` it writes."""

    name: str
    paragraph: Paragraph


def figure_paragraphs(
    groups: list[FigureGroup], views: Mapping[str, FigureView], year: int, options: Options
) -> tuple[list[FigureParagraph], list[str]]:
    """Paragraphs for ``groups`` (groups sharing ``doan`` flow together) and the groups
    left empty. Groups that only claims state (``viet_doan: false``) have no paragraph."""
    paragraphs: list[tuple[str, list[str], list[str]]] = []
    empty: list[str] = []
    for group in groups:
        if not group.prose:
            continue
        found = group_sentence(group, views, year, options)
        if found is None:
            empty.append(group.id)
            continue
        sentence, stated = found
        if paragraphs and paragraphs[-1][0] == group.paragraph:
            paragraphs[-1][1].append(sentence)
            paragraphs[-1][2].extend(stated)
        else:
            paragraphs.append((group.paragraph, [sentence], list(stated)))
    out = [
        FigureParagraph(name, Paragraph(" ".join(s), figures=tuple(f), source="so_lieu")) for name, s, f in paragraphs
    ]
    return out, empty


def figure_table(
    spec: FigureTable, catalogue: Catalogue, views: Mapping[str, FigureView], year: int, options: Options
) -> Table | None:
    """A table with one row per figure of the first column's group and one column per group."""
    years = {"nam": year, "nam_truoc": year - 1, "nam_sau": year + 1}
    columns = [catalogue.group(g) for g in spec.columns]
    rows: list[tuple[str, ...]] = []
    for figure in columns[0].figures:
        cells = []
        for group in columns:
            view = views.get(f"{group.id}.{figure.key}")
            cells.append(
                format_count(view.current, leading_zero=options.leading_zero)
                if view and view.current is not None
                else "-"
            )
        if all(c in ("-", "0") for c in cells):
            continue
        rows.append((str(len(rows) + 1), upper_first(figure.label), figure.unit, *cells))
    if not rows:
        return None
    header = tuple(render(text, years) for text in spec.header)
    return Table(header=header, rows=tuple(rows), caption=render(spec.title, years))
