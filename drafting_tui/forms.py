"""The fields of a section's editor, made from the outline, the figure catalogue and the
draft: the unit information, figure groups, document and movement lists, paragraphs."""

from __future__ import annotations

from functools import partial

from rich.text import Text
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Static

from drafting.bank.outline import OutlineSection
from drafting.editing.draft import MAX_COUNT, MAX_MONEY, Draft, Part, parse_count
from drafting.vi.numbers import format_number
from drafting_tui.phrases import PHRASE_KEYS, PhraseExplanation, PhraseList
from drafting_tui.targets import (
    AddListItem,
    AddParagraph,
    FigureTarget,
    GotoSection,
    ListItemTarget,
    MovementTarget,
    ParagraphTarget,
    RecipientsTarget,
    RemoveListItem,
    RemoveParagraph,
    UnitTarget,
    YearTarget,
)
from drafting_tui.texts import EXPAND_FIGURES
from drafting_tui.widgets import (
    ActionButton,
    EditArea,
    EditInput,
    FieldGrid,
    FieldRow,
    FigureGroupBox,
    GuidanceToggle,
    LightInput,
    ParagraphView,
    RowsGrid,
)


def render_heading(section: OutlineSection, year: int) -> str:
    """A section's heading for ``year`` (headings may name the year)."""
    return render_text(section.heading, year)


def render_text(template: str, year: int) -> str:
    """A text of the outline or the catalogue that may name the year."""
    if "{" not in template:
        return template
    from drafting.bank.sandbox import render
    from drafting.composition.context import year_context

    return render(template, year_context(year))


def figure_error(draft: Draft, target: FigureTarget, text: str) -> str:
    """Why the value of a figure field as read from the file is not usable (``""``: it is)."""
    if target.part == "nguyen_nhan" or not text:
        return ""
    figure = draft.catalogue.figures[target.figure_id]
    money = figure.kind == "tien"
    stored = draft.figure_value(target.figure_id, target.part)
    if isinstance(stored, float):
        decimal = format_number(stored, max_decimals=6)
        return f"trong tệp là số thập phân {decimal}; hãy gõ số nguyên (1.234 là một nghìn hai trăm ba mươi tư)"
    if type(stored) is int and 0 <= stored <= (MAX_MONEY if money else MAX_COUNT):
        return ""
    try:
        parse_count(text, money=money)
    except ValueError as exc:
        return str(exc)
    return ""


def _placeholder(hint: str, limit: int = 60) -> str:
    """A field's hint from the schema, short enough to stand in an empty field."""
    hint = hint.strip().rstrip(".")
    return hint if len(hint) <= limit else ""


class Forms:
    """Makes the widgets of the editor of a section."""

    def __init__(self, draft: Draft) -> None:
        self.draft = draft

    @property
    def year(self) -> int:
        return self.draft.year

    def section(self, section_id: str, editing_from: int) -> list[Widget]:
        """Every widget of a section's editor (paragraphs from ``editing_from`` as text areas)."""
        outline = self.draft.outline
        section = outline.section(section_id)
        widgets: list[Widget] = [
            Static(
                Text(f"{section.number} {render_heading(section, self.year)}", style="bold"), classes="section-title"
            )
        ]
        if section.guidance:
            widgets.append(GuidanceToggle("\n".join("– " + render_text(g, self.year) for g in section.guidance)))
        if not outline.is_leaf(section_id):
            widgets.append(Static("Mục này gồm các mục con; chọn một mục con để soạn:", classes="hint"))
            for child in outline.children(section_id):
                widgets.append(
                    ActionButton(
                        f"{child.number} {render_heading(child, self.year)}",
                        partial(GotoSection, child.id),
                        classes="goto",
                    )
                )
            return widgets
        groups = list(section.figure_groups)
        if section.table is not None:
            groups = [g for g in section.table.columns if g not in groups] + groups
        if groups:
            widgets.append(Static("Số liệu", classes="part-title"))
            catalogue = self.draft.catalogue
            total = sum(1 for gid in groups for f in catalogue.group(gid).figures if f.entered)
            for gid in groups:
                box = FigureGroupBox(
                    gid,
                    self.group_title(gid),
                    expanded=total <= EXPAND_FIGURES,
                    make_fields=partial(self.figures, gid),
                )
                widgets.append(box)
                if not box.collapsed:
                    box.grid = self.figures(gid)
                    widgets.append(box.grid)
        for name in section.lists:
            widgets.extend(self.documents(name) if name.startswith("van_ban_") else self.movements(name))
        if section.phrase_groups:
            widgets.append(Static("Câu mẫu gợi ý", classes="part-title"))
            widgets.append(Static(PHRASE_KEYS, classes="hint"))
            widgets.append(PhraseList(section_id, id="phrases", classes="phrases"))
            widgets.append(PhraseExplanation(id="phrase-why"))
        return widgets + self.paragraphs(section_id, editing_from)

    def paragraphs(self, section_id: str, editing_from: int) -> list[Widget]:
        widgets: list[Widget] = [Static("Đoạn văn tự viết", classes="part-title")]
        texts = [row.text for row in self.draft.content(section_id) if not row.is_phrase]
        for k, text in enumerate(texts):
            target = ParagraphTarget(section_id, k)
            view: Widget = (
                EditArea(target, text, placeholder="đoạn văn tự viết", classes="paragraph")
                if k >= editing_from
                else ParagraphView(target, text)
            )
            widgets += [view, ActionButton("Xóa đoạn", partial(RemoveParagraph, target), classes="delete-paragraph")]
        widgets.append(ActionButton("+ Thêm đoạn văn", AddParagraph, id="add-paragraph"))
        return widgets

    # ------------------------------------------------------------------ unit information

    def general(self) -> list[Widget]:
        draft = self.draft
        widgets: list[Widget] = [Static(Text("Thông tin chung", style="bold"), classes="section-title")]
        # The unit's fields as the schema describes them for this year (labels, hints, kinds).
        cells: list[Widget] = [
            Static("Năm báo cáo", classes="cell-label"),
            EditInput(YearTarget(), str(draft.data.get("nam") or "")),
        ]
        recipients = "Nơi nhận (mỗi dòng một nơi)"
        for spec in draft.schema.unit_fields(draft.year):
            if spec.kind == "danh_sach":
                recipients = spec.label
                continue
            # A date is typed here as the writer reads it (the hint is the data file's YAML form).
            hint = "ngày/tháng/năm, ví dụ 05/01/2025" if spec.kind == "ngay" else _placeholder(spec.hint)
            field = EditInput(UnitTarget(spec.key), draft.unit_text(spec.key), placeholder=hint)
            cells += [Static(spec.label, classes="cell-label"), field]
        widgets.append(FieldGrid(*cells, classes="field-form"))
        widgets.append(Static(recipients, classes="part-title"))
        widgets.append(EditArea(RecipientsTarget(), "\n".join(draft.recipients()), classes="recipients"))
        return widgets

    # ------------------------------------------------------------------ figures

    def group_title(self, gid: str) -> str:
        """A figure group's title with how many of its figures are filled: “(3/5)”."""
        group = self.draft.catalogue.group(gid)
        figures = [f for f in group.figures if f.entered]
        filled = 0
        for figure in figures:
            parts: tuple[Part, ...] = ("ky_nay", "cung_ky") if figure.compared else ("",)
            if all(self.draft.figure_value(figure.id, part) is not None for part in parts):
                filled += 1
        return f"{render_text(group.title, self.year)} ({filled}/{len(figures)})"

    def figures(self, gid: str) -> Widget:
        """The fields of a figure group: this period, the same period and the cause of
        each compared figure; one field for a figure that is not compared."""
        figures = [f for f in self.draft.catalogue.group(gid).figures if f.entered]
        compared = any(f.compared for f in figures)
        rows: list[Widget] = []
        if compared:
            rows.append(
                Horizontal(
                    Static(f"Năm {self.year}", classes="col-head"),
                    Static(f"Cùng kỳ năm {self.year - 1}", classes="col-head"),
                    classes="col-heads",
                )
            )
        for figure in figures:
            unit = f" ({figure.unit})" if figure.unit else ""
            label = figure.label[:1].upper() + figure.label[1:] + unit
            if figure.compared:
                cause_target = FigureTarget(figure.id, "nguyen_nhan")
                cause = EditInput(
                    cause_target,
                    self.draft.figure_text(figure.id, "nguyen_nhan"),
                    placeholder="nguyên nhân tăng, giảm",
                    classes="cause",
                )
                pair = Horizontal(self.number(figure.id, "ky_nay"), self.number(figure.id, "cung_ky"), classes="pair")
                rows.append(FieldRow(Static(label, classes="cell-label"), pair, cause, classes="figure-row"))
            else:
                line = Horizontal(Static(label, classes="cell-label"), self.number(figure.id, ""), classes="field-line")
                rows.append(FieldRow(line, classes="figure-row single"))
        return Vertical(*rows, classes="figure-fields compared" if compared else "figure-fields")

    def number(self, figure_id: str, part: Part) -> EditInput:
        """The field of a figure's value (``part``: ``ky_nay``, ``cung_ky``, or ``""``)."""
        target = FigureTarget(figure_id, part)
        text = self.draft.figure_text(figure_id, part)
        return EditInput(target, text, placeholder="số", error=figure_error(self.draft, target, text), classes="number")

    # ------------------------------------------------------------------ lists

    def documents(self, name: str) -> list[Widget]:
        """The documents of one kind (``van_ban_<kind>``) and a form to add one."""
        kind = name.removeprefix("van_ban_")
        widgets: list[Widget] = [Static(self.draft.schema.view_label(name), classes="part-title")]
        cells: list[Widget] = []
        for row in self.draft.documents(kind):

            def field(key: str, value: str, placeholder: str, classes: str, index: int = row.index) -> EditInput:
                return EditInput(ListItemTarget("van_ban", index, key), value, placeholder=placeholder, classes=classes)

            # One grid for the list: number, date, “Xóa”; the summary under them.
            cells += [
                field("so", row.number, "số, ký hiệu", "doc-number"),
                field("ngay", row.date, "ngày/tháng/năm", "doc-date"),
                ActionButton("Xóa", partial(RemoveListItem, "van_ban", row.index), classes="delete"),
                field("trich_yeu", row.summary, "trích yếu", "doc-summary row-end"),
            ]
        if cells:
            widgets.append(RowsGrid(*cells, classes="doc-rows"))
        # In the order a writer fills them: number, date, summary, then “Thêm” (or Enter).
        form = FieldRow(  # a grid: number, date; summary, “Thêm”
            LightInput(placeholder="số, ký hiệu", classes="doc-number new-so"),
            LightInput(placeholder="ngày/tháng/năm", classes="doc-date new-ngay"),
            LightInput(placeholder="trích yếu văn bản mới (loại và nội dung)", classes="doc-summary new-trich"),
            ActionButton("Thêm", lambda: AddListItem("van_ban", kind, form), classes="add"),
            classes="list-new doc-form",
            id=f"new-{name.replace('_', '-')}",
        )
        return [*widgets, form]

    def movements(self, name: str) -> list[Widget]:
        """The movements of a group (``phong_trao_<group>``): the outline's, then the
        unit's own, and a form to add one."""
        group = name.removeprefix("phong_trao_")
        from drafting.vi.text import quote

        widgets: list[Widget] = [Static(self.draft.schema.view_label(name), classes="part-title")]
        rows = self.draft.movements(group)
        for movement in self.draft.outline.movements_in(self.draft.year):
            if movement.group != group:
                continue
            result = next((r.result for r in rows if r.movement_id == movement.id), "")
            widgets.append(Static(quote(render_text(movement.name, self.year)), classes="movement-name"))
            widgets.append(
                EditArea(
                    MovementTarget(movement.id), result, placeholder="kết quả thực hiện", classes="movement-result"
                )
            )
        for mrow in rows:
            if mrow.movement_id:
                continue
            title = EditInput(
                ListItemTarget("phong_trao", mrow.index, "ten"),
                mrow.name,
                placeholder="tên phong trào",
                classes="movement-title",
            )
            remove = ActionButton("Xóa", partial(RemoveListItem, "phong_trao", mrow.index), classes="delete")
            result_area = EditArea(
                ListItemTarget("phong_trao", mrow.index, "ket_qua"),
                mrow.result,
                placeholder="kết quả thực hiện",
                classes="movement-result",
            )
            widgets.append(
                FieldRow(Horizontal(title, remove, classes="field-line"), result_area, classes="movement-row")
            )
        form = FieldRow(
            Horizontal(
                LightInput(placeholder="tên phong trào đơn vị tự phát động", classes="new-ten"),
                ActionButton("Thêm", lambda: AddListItem("phong_trao", group, form), classes="add"),
                classes="field-line",
            ),
            classes="list-new",
        )
        return [*widgets, form]
