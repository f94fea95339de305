"""Checks of the bank as a whole: the figure catalogue against the outline, and the
coverage checks without knock-on messages.

A figure group of ``chi_so.yaml`` is written as a paragraph only in the section whose
``nhom_so_lieu`` (``dan_y.yaml``) lists it (or as a column of a section's table): a new
group listed nowhere is validated and counted, but its paragraph never appears.
:func:`figure_group_problems` says so, at the group's line, as it says a section listing
a group that does not exist (an error: composition could not write it).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from drafting.bank.catalogue import Catalogue
from drafting.bank.claims import ClaimSet
from drafting.bank.outline import Outline
from drafting.bank.phrases import PhraseSet
from drafting.errors import Problem, ProblemsError
from drafting.files.fields import did_you_mean
from drafting.files.yamlio import line_of, read_yaml_file


def _lines(path: Path, list_key: str) -> dict[str, tuple[Any, int | None]]:
    """Item id → (item, line) of the list ``list_key`` of a bank file (empty if unreadable)."""
    try:
        data, _ = read_yaml_file(path, comments=False)
    except ProblemsError:
        return {}
    items = data.get(list_key) if isinstance(data, Mapping) else None
    if not isinstance(items, list):
        return {}
    return {str(item.get("id")): (item, line_of(items, i)) for i, item in enumerate(items) if isinstance(item, Mapping)}


def figure_group_problems(base: Path, catalogue: Catalogue, outline: Outline, style: bool) -> list[Problem]:
    """A section listing a group the catalogue does not have (an error); with ``style``
    (``bank check``) also a group no section writes, and a group written in another
    section than its own (``muc``)."""
    shown: dict[str, str] = {}
    unknown: list[tuple[str, str]] = []
    for section in outline.sections:
        tabled = section.table.columns if section.table is not None else ()
        for group in (*section.figure_groups, *tabled):
            if group in catalogue.group_ids:
                shown.setdefault(group, section.id)
            else:
                unknown.append((section.id, group))
    absent = [g for g in catalogue.groups if g.prose and g.id not in shown] if style else []
    elsewhere = [g for g in catalogue.groups if style and g.id in shown and shown[g.id] != g.section]
    if not (unknown or absent or elsewhere):
        return []
    sections = _lines(base / "dan_y.yaml", "muc")
    groups = _lines(base / "chi_so.yaml", "nhom")
    dan_y, chi_so = str(base / "dan_y.yaml"), str(base / "chi_so.yaml")
    out: list[Problem] = []
    for sid, group in unknown:
        node, _ = sections.get(sid, (None, None))
        message = f"mục {sid} viết nhóm số liệu “{group}” nhưng chi_so.yaml không có nhóm này" + did_you_mean(
            group, catalogue.group_ids
        )
        out.append(Problem(dan_y, line_of(node, "nhom_so_lieu") if node else None, f"muc[{sid}].nhom_so_lieu", message))
    for g in absent:
        message = (
            f"nhóm số liệu “{g.id}” (mục {g.section}) không có trong nhom_so_lieu của mục nào trong dan_y.yaml: đoạn "
            f"số liệu của nhóm sẽ không bao giờ có trong báo cáo; thêm “{g.id}” vào nhom_so_lieu của mục {g.section}, "
            "hoặc ghi viet_doan: false nếu chỉ nhận định nêu các số liệu này"
        )
        out.append(Problem(chi_so, groups.get(g.id, (None, None))[1], f"nhom[{g.id}]", message))
    for g in elsewhere:
        message = (
            f"nhóm số liệu “{g.id}” thuộc mục {g.section} (muc trong chi_so.yaml) nhưng dan_y.yaml viết nó ở mục "
            f"{shown[g.id]}: sửa một trong hai cho khớp"
        )
        out.append(Problem(chi_so, groups.get(g.id, (None, None))[1], f"nhom[{g.id}].muc", message))
    return out


def coverage_without_knock_on(phrases: PhraseSet, claims: ClaimSet, outline: Outline, where: str) -> list[Problem]:
    """A section of the outline that asks for phrases and has none, a claim no phrase
    words; except what a problem already said explains: a phrase file that could not be
    read (any section or claim may be in it), a phrase left out for its own error."""
    if phrases.unreadable:
        return []
    refused = phrases.refused_sections | {c.section for cid in phrases.refused_claims if (c := claims.get(cid))}
    worded = {p.claim for p in phrases.phrases.values()} | phrases.refused_claims
    return [
        *(
            Problem(where, None, section.id, f"mục {section.id} “{section.heading}” chưa có câu mẫu nào")
            for section in outline.sections
            if section.phrase_groups and not phrases.for_section(section.id) and section.id not in refused
        ),
        *(
            Problem(claim.file, claim.line, "", "chưa có câu mẫu nào diễn đạt nhận định này", phrase_id=claim.id)
            for claim in claims.claims.values()
            if claim.id not in worded
        ),
    ]


__all__ = ["coverage_without_knock_on", "figure_group_problems"]
