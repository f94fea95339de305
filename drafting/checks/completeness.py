"""Completeness of a report, section by section: the checklist of the outline.

For every leaf section of the outline, the items the section needs:

- every entered figure of its figure groups and tables has a value (both periods for
  compared figures);
- every compared figure that changed has a cause (``nguyen_nhan``);
- every ``yeu_cau`` of the outline is met ("so_lieu:<nhóm>": the group has a value;
  "danh_sach:<tên>": the list has entries — for movements, every movement of the
  outline has a result; "van_ban": the writer wrote a paragraph; "quyet_dinh:<nhóm>":
  when the group counts anyone, the writer's text names the decisions, "Quyết định số …");
- sections made only of phrases and paragraphs (the evaluative ones, and those with
  phrase groups but no figures or lists) have content: the writer's choices or
  paragraphs. When the writer chose nothing but the phrase bank suggests phrases for
  the figures, the item is pending ("chưa chọn"), not missing.

Parent sections add up their children; the pseudo-section ``don_vi`` holds the unit
and signature fields. :func:`checklist` is what the TUI marks sections with.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from drafting.bank.bank import Bank
from drafting.bank.catalogue import Catalogue, Figure
from drafting.bank.outline import Outline, OutlineSection
from drafting.checks.findings import Finding, key_path
from drafting.composition.context import lower_first, year_context
from drafting.figures.views import FigureView
from drafting.report import FreeText, ReportData

if TYPE_CHECKING:
    from drafting.composition.composer import Composer

UNIT_SECTION = "don_vi"
_DECISION = re.compile(r"Quyết định số \S+")
State = Literal["du", "chua_chon", "thieu"]


@dataclass(frozen=True)
class Item:
    """One thing a section needs, and whether it is there."""

    section: str
    state: State
    message: str
    key: str = ""
    line: int | None = None

    def finding(self, source: str) -> Finding:
        return Finding(source, self.line, self.key, self.section, self.message)


@dataclass(frozen=True)
class SectionStatus:
    """The checklist of one section: ``done + len(pending) + len(missing) == total``."""

    section: str
    done: int
    total: int
    missing: tuple[Item, ...] = ()
    pending: tuple[Item, ...] = ()

    @property
    def state(self) -> State:
        """ "du" (complete), "chua_chon" (only phrase choices pending) or "thieu" (missing items)."""
        if self.missing:
            return "thieu"
        return "chua_chon" if self.pending else "du"

    @property
    def complete(self) -> bool:
        return self.done == self.total


class _Builder:
    def __init__(
        self,
        report: ReportData,
        catalogue: Catalogue,
        outline: Outline,
        bank: Bank,
        composer: Composer,
    ) -> None:
        self.report = report
        self.catalogue = catalogue
        self.outline = outline
        self.bank = bank
        self.composer = composer
        self.views: Mapping[str, FigureView] = composer.views
        self.years = year_context(report.year)

    def line(self, *parts: str | int) -> int | None:
        return self.report.locations.line(*parts)

    def text(self, source: str) -> str:
        if "{{" not in source:
            return source
        from drafting.bank.sandbox import TemplateProblem, render

        try:
            return render(source, self.years)
        except TemplateProblem:
            return source

    # -- items ---------------------------------------------------------------

    def figure_items(self, sid: str, figure: Figure) -> list[Item]:
        view = self.views[figure.id]
        value = self.report.figure(figure.id)
        title = self.text(figure.title)
        place = ("so_lieu", figure.group, figure.key)
        items: list[Item] = []
        gaps = []
        if value.current is None:
            gaps.append(f"năm {self.report.year}" if figure.compared else "")
        if figure.compared and value.previous is None:
            gaps.append(f"cùng kỳ năm {self.report.year - 1}")
        if gaps:
            which = " và ".join(g for g in gaps if g)
            what = f"chưa nhập số liệu {which} của “{title}”" if which else f"chưa nhập số liệu “{title}”"
            period = "ky_nay" if value.current is None else "cung_ky"
            parts = (*place, period) if figure.compared else place
            items.append(Item(sid, "thieu", what, key_path(*parts), self.line(*parts)))
        else:
            items.append(Item(sid, "du", f"số liệu “{title}”"))
        if figure.compared and view.changed:
            word = {"tang": "tăng", "giam": "giảm", "moi": "tăng"}[view.change.direction]
            parts = (*place, "nguyen_nhan")
            if value.cause.strip():
                items.append(Item(sid, "du", f"nguyên nhân của “{title}”"))
            else:
                items.append(
                    Item(
                        sid,
                        "thieu",
                        f"“{title}” {word} so với cùng kỳ nhưng chưa nhập nguyên nhân (nguyen_nhan)",
                        key_path(*parts),
                        self.line(*parts) or self.line(*place),
                    )
                )
        return items

    def group_has_value(self, group_id: str) -> bool:
        try:
            group = self.catalogue.group(group_id)
        except KeyError:
            return False
        return any(self.report.figure(f.id).current is not None for f in group.figures if f.entered)

    def requirement_items(self, section: OutlineSection, need: str, what: str) -> list[Item]:
        sid = section.id
        kind, _, name = need.partition(":")
        if kind == "so_lieu":
            try:
                title = self.text(self.catalogue.group(name).title)
            except KeyError:
                title = name
            if self.group_has_value(name):
                return [Item(sid, "du", what)]
            return [
                Item(
                    sid,
                    "thieu",
                    f"đề cương yêu cầu nêu rõ {what}: chưa có số liệu nào của nhóm “{title}”",
                    key_path("so_lieu", name),
                    self.line("so_lieu", name) or self.line("so_lieu"),
                )
            ]
        if kind == "danh_sach":
            return self.list_items(section, name, what)
        if kind == "quyet_dinh":
            counted = any((self.report.figure(f.id).current or 0) > 0 for f in self.catalogue.group(name).figures)
            texts = [i.text for i in self.report.content.get(sid, ()) if isinstance(i, FreeText)]
            if not counted:
                return []  # nobody to decide on (or not entered yet: the figures are asked for)
            if any(_DECISION.search(t) for t in texts):
                return [Item(sid, "du", what)]
            return [
                Item(
                    sid,
                    "thieu",
                    f"đề cương yêu cầu nêu rõ {what}: đoạn văn tự viết chưa nêu quyết định nào (“Quyết định số …”)",
                    key_path("noi_dung", sid),
                    self.line("noi_dung", sid) or self.line("noi_dung"),
                )
            ]
        if kind == "van_ban":
            if any(isinstance(i, FreeText) and i.text for i in self.report.content.get(sid, ())):
                return [Item(sid, "du", what)]
            return [
                Item(
                    sid,
                    "thieu",
                    f"đề cương yêu cầu nêu rõ {what}: chưa có đoạn văn tự viết",
                    key_path("noi_dung", sid),
                    self.line("noi_dung", sid),
                )
            ]
        return []

    def list_items(self, section: OutlineSection, name: str, what: str) -> list[Item]:
        """A list (or a part of one) the section shows has entries; for movements, every
        movement of the outline in it has a result."""
        schema = self.bank.schema
        try:
            spec, part = schema.view(name)
        except KeyError:
            return []
        if spec.reference is not None and part is not None:
            return self.movement_items(section, part.value, what)
        if spec.key == "van_ban":
            values = [d.kind for d in self.report.documents]
        else:
            values = [str(item.get(spec.split) or "") for item in self.report.lists.get(spec.key, ())]
        if any(part is None or value == part.value for value in values):
            return [Item(section.id, "du", what)]
        which = f"{spec.key}, {spec.split}: {part.value}" if part is not None else spec.key
        return [
            Item(
                section.id,
                "thieu",
                f"đề cương yêu cầu nêu rõ {what}: chưa có {spec.item_name} nào ({which})",
                spec.key,
                self.line(spec.key),
            )
        ]

    def movement_items(self, section: OutlineSection, group: str, what: str) -> list[Item]:
        sid = section.id
        movements = self.report.movements  # validated: one per item of phong_trao, in order
        indexes: dict[str, list[int]] = {}
        for i, movement in enumerate(movements):
            indexes.setdefault(movement.id or f"#{i}", []).append(i)
        items: list[Item] = []
        for named in self.outline.movements:
            if named.group != group:
                continue
            name = self.text(named.name)
            done = any(m.id == named.id and m.result for m in self.report.movements)
            if done:
                items.append(Item(sid, "du", f"kết quả phong trào “{name}”"))
                continue
            where = indexes.get(named.id, [])
            key = key_path("phong_trao", where[0], "ket_qua") if where else "phong_trao"
            line = self.line("phong_trao", where[0], "ket_qua") if where else self.line("phong_trao")
            items.append(
                Item(sid, "thieu", f"đề cương yêu cầu nêu rõ {what}: chưa nhập kết quả phong trào “{name}”", key, line)
            )
        for index, movement in enumerate(movements):
            if movement.id or movement.group != group:
                continue
            if movement.result:
                items.append(Item(sid, "du", f"kết quả phong trào “{movement.name}”"))
                continue
            key = key_path("phong_trao", index, "ket_qua")
            line = self.line("phong_trao", index)
            items.append(Item(sid, "thieu", f"chưa nhập kết quả phong trào “{movement.name}”", key, line))
        if not items:
            items.append(
                Item(
                    sid,
                    "thieu",
                    f"đề cương yêu cầu nêu rõ {what}: chưa có phong trào nào",
                    "phong_trao",
                    self.line("phong_trao"),
                )
            )
        return items

    def content_item(self, section: OutlineSection) -> Item:
        sid = section.id
        heading = self.text(section.heading)
        content = self.report.content.get(sid, ())
        if content:
            return Item(sid, "du", f"nội dung mục “{heading}”")
        key = key_path("noi_dung", sid)
        line = self.line("noi_dung", sid) or self.line("noi_dung")
        from drafting.composition.explain import suggested_phrases

        applying = suggested_phrases(self.composer, sid)
        if applying:
            return Item(
                sid,
                "chua_chon",
                f"mục “{heading}” chưa chọn câu mẫu: đang dùng {len(applying)} câu gợi ý theo số liệu",
                key,
                line,
            )
        kind = "mục đánh giá" if section.evaluative else "mục"
        return Item(
            sid,
            "thieu",
            f"{kind} “{heading}” chưa có nội dung: chưa chọn câu mẫu, chưa viết đoạn văn và không có câu gợi ý phù hợp",
            key,
            line,
        )

    def section_items(self, section: OutlineSection) -> list[Item]:
        items: list[Item] = []
        groups = list(section.table.columns) if section.table is not None else []
        groups += [g for g in section.figure_groups if g not in groups]
        for group_id in groups:
            try:
                group = self.catalogue.group(group_id)
            except KeyError:
                continue
            for figure in group.figures:
                if figure.entered:
                    items.extend(self.figure_items(section.id, figure))
        covered: set[str] = set()
        for requirement in section.requirements:
            covered.add(requirement.satisfied_by)
            items.extend(self.requirement_items(section, requirement.satisfied_by, self.text(requirement.text)))
        for name in section.lists:
            need = f"danh_sach:{name}"
            if need not in covered:
                label = self.bank.schema.view_label(name) if name in self.bank.schema.view_names else name
                items.extend(self.requirement_items(section, need, "danh sách " + lower_first(label)))
        # Figures and lists give a section its content; a section made only of phrases
        # and paragraphs (the evaluative ones, II.6) needs the writer's choices.
        if section.evaluative or (section.phrase_groups and not groups and not section.lists):
            items.append(self.content_item(section))
        return items

    def unit_items(self) -> list[Item]:
        """The fields of ``don_vi`` the schema marks required for the report's year."""
        unit = self.report.unit
        level = unit.get("cap")
        items: list[Item] = []
        for spec in self.bank.schema.unit_fields(self.report.year, level if isinstance(level, str) else None):
            if not spec.required:
                continue
            if unit.get(spec.key):
                items.append(Item(UNIT_SECTION, "du", spec.name))
                continue
            key, line = key_path("don_vi", spec.key), self.line("don_vi", spec.key)
            items.append(Item(UNIT_SECTION, "thieu", f"chưa nhập {spec.name}", key, line))
        return items


def _status(section: str, items: list[Item]) -> SectionStatus:
    return SectionStatus(
        section,
        sum(1 for i in items if i.state == "du"),
        len(items),
        tuple(i for i in items if i.state == "thieu"),
        tuple(i for i in items if i.state == "chua_chon"),
    )


def checklist(report: ReportData, bank: Bank, composer: Composer | None = None) -> dict[str, SectionStatus]:
    """The checklist of every outline section (in outline order), then ``don_vi``.

    ``composer`` may be passed (for ``report`` and ``bank``) to save evaluating the
    figures and the claims again.
    """
    catalogue, outline = bank.catalogue, bank.outline
    if composer is None:
        from drafting.composition.composer import Composer

        composer = Composer.create(report, bank)
    builder = _Builder(report, catalogue, outline, bank, composer)
    leaves: dict[str, list[Item]] = {}
    for section in outline.sections:
        if outline.is_leaf(section.id):
            leaves[section.id] = builder.section_items(section)
    out: dict[str, SectionStatus] = {}
    for section in outline.sections:
        items = [
            item
            for sid, found in leaves.items()
            if sid == section.id or sid.startswith(section.id + ".")
            for item in found
        ]
        out[section.id] = _status(section.id, items)
    out[UNIT_SECTION] = _status(UNIT_SECTION, builder.unit_items())
    return out


def missing_findings(
    report: ReportData, statuses: Mapping[str, SectionStatus], outline: Outline
) -> tuple[list[Finding], list[Finding]]:
    """The missing and the pending items of the leaf sections (and ``don_vi``) as findings."""
    missing: list[Finding] = []
    pending: list[Finding] = []
    for sid, status in statuses.items():
        if sid != UNIT_SECTION and not outline.is_leaf(sid):
            continue
        missing.extend(i.finding(report.source) for i in status.missing)
        pending.extend(i.finding(report.source) for i in status.pending)
    return missing, pending
