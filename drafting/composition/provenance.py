"""Why a paragraph of the composed report is there, in a writer's words, and the figures
it uses — for an editor that shows, next to each sentence of the preview, where it comes
from and lets the writer go to the figures behind it.

A phrase's paragraph is explained by its claim (:func:`~drafting.composition.explain.explain_status`:
"Gợi ý vì …", "Trái với số liệu: …"); a figure paragraph by the figures entered; the
writer's own paragraph, a list the writer entered and a gap say so. No YAML path,
template or line number appears in the words.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from drafting.bank.conditions import condition_figures
from drafting.composition.context import lower_first
from drafting.composition.facts import amount
from drafting.document import Paragraph, Table
from drafting.vi.text import upper_first

if TYPE_CHECKING:
    from drafting.bank.catalogue import Catalogue
    from drafting.composition.composer import Composer

Kind = Literal["cau_mau", "so_lieu", "tu_viet", "danh_sach", "chua_nhap", "bang", "tieu_de"]


@dataclass(frozen=True)
class Provenance:
    """Where a block of the report comes from.

    ``reason`` is a sentence for the writer; ``figures`` the entered figures it uses (a
    rate by the figures it is computed from), in order, to go to; ``list_name`` the list
    a ``danh_sach`` paragraph comes from; ``claim`` the claim a phrase words.
    """

    kind: Kind
    reason: str
    figures: tuple[str, ...] = ()
    list_name: str = ""
    claim: str = ""


def entered_figures(catalogue: Catalogue, figure_ids: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """The figures a writer enters behind ``figure_ids``: a rate gives its numerator and
    denominator (each once, in order); unknown ids are left out."""
    out: dict[str, None] = {}
    for fid in figure_ids:
        figure = catalogue.figures.get(fid)
        if figure is None:
            continue
        if figure.entered:
            out.setdefault(fid, None)
        else:
            for part in (*figure.numerator, *figure.denominator):
                if part in catalogue.figures:
                    out.setdefault(part, None)
    return tuple(out)


def figure_line(composer: Composer, figure_id: str) -> str:
    """An entered figure as the writer typed it: its label and values.

    For example "Án hình sự – thụ lý: 1.412 vụ (cùng kỳ: 1.318 vụ)".
    """
    figure = composer.catalogue.figures[figure_id]
    view = composer.views.get(figure_id)
    label = upper_first(figure_title(figure.title, composer.report.year))
    options = composer.report.options
    if view is None or view.current is None:
        return f"{label}: chưa nhập"
    text = f"{label}: {amount(view.current, figure, options)}"
    if figure.compared:
        previous = "chưa nhập" if view.previous is None else amount(view.previous, figure, options)
        text += f" (cùng kỳ: {previous})"
    return text


def figure_title(title: str, year: int) -> str:
    """A figure's title for ``year`` (titles may name the year).

    >>> figure_title("Khen thưởng dịp tổng kết năm {{ nam_truoc }} – Giấy khen", 2025)
    'Khen thưởng dịp tổng kết năm 2024 – Giấy khen'
    """
    if "{" not in title:
        return title
    from drafting.bank.sandbox import render
    from drafting.composition.context import year_context

    return render(title, year_context(year))


def paragraph_provenance(composer: Composer, paragraph: Paragraph) -> Provenance:
    """Why ``paragraph`` (of a section ``composer`` composed) is in the report."""
    catalogue = composer.catalogue
    if paragraph.placeholder:
        missing = "; ".join(g.what for g in paragraph.words.gaps)
        return Provenance("chua_nhap", f"Chỗ còn trống: chưa nhập {missing}")
    if paragraph.claim:
        return _phrase(composer, paragraph)
    if paragraph.source == "tu_viet":
        return Provenance("tu_viet", "Đoạn bạn tự viết")
    if paragraph.source.startswith("danh_sach:"):
        name = paragraph.source.removeprefix("danh_sach:")
        try:
            label = composer.bank.schema.view_label(name)
        except KeyError:
            label = "danh sách"
        return Provenance("danh_sach", f"Từ danh sách bạn nhập: {lower_first(label)}", list_name=name)
    if paragraph.figures:
        figures = entered_figures(catalogue, paragraph.figures)
        return Provenance("so_lieu", "Viết từ số liệu bạn nhập", figures)
    return Provenance("tieu_de", "Tiêu đề nhóm câu theo đề cương")


def table_provenance(composer: Composer, section_id: str, table: Table) -> Provenance:
    """Why a table of a section is in the report: the figures of its groups."""
    spec = composer.outline.section(section_id).table
    groups = spec.columns if spec is not None else ()
    figures = tuple(f.id for gid in groups for f in composer.catalogue.group(gid).figures if f.entered)
    return Provenance("bang", "Bảng viết từ số liệu bạn nhập", figures)


def _phrase(composer: Composer, paragraph: Paragraph) -> Provenance:
    from drafting.composition.explain import explain_status

    status = composer.plan.status(paragraph.claim)
    if status is None:
        return Provenance("cau_mau", "Câu mẫu", claim=paragraph.claim)
    claim = status.claim
    who = "Câu mẫu bạn chọn" if status.pinned else "Câu mẫu tự động gợi ý"
    why = explain_status(composer, status)
    confirmation = status.confirmation
    if status.contradicted and status.pinned and confirmation is not None and not confirmation.denied:
        if status.stale:
            why += ". Số liệu đã đổi từ khi bạn xác nhận: cần xác nhận lại"
        else:
            why += ". Bạn đã xác nhận giữ câu" + (f" ({confirmation.reason})" if confirmation.reason else "")
    elif status.contradicted and status.pinned:
        why += ". Bạn chưa xác nhận giữ câu này"
    used = [*paragraph.figures, *condition_figures(claim.condition), *condition_figures(claim.refuted_when)]
    figures = entered_figures(composer.catalogue, used)
    return Provenance(
        "cau_mau", f"{who} (nhận định: {lower_first(claim.description)}). {why}", figures, claim=claim.id
    )
