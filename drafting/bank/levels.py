"""The levels of reporting units (``phrasebank/cap_don_vi.yaml``), by report year.

A data file names its unit's level in ``don_vi.cap``. The levels are data: which exist
in which report year (the high and district courts ended on 1 July 2025, the regional
courts began), which figure groups apply to each (``ap_dung``), are optional
(``tuy_chon``) or do not apply (``khong``), which levels may be consolidated together,
the words that name a level (no text used after the level ended may hold them), and the
sentence that says a unit was formed by merging its predecessors.

>>> from drafting.bank.bank import default_bank
>>> levels = default_bank().levels
>>> [level.id for level in levels.in_year(2026)]
['tinh', 'khu_vuc', 'chung']
>>> levels.group_use("don_giam_doc_tham", 2026, "khu_vuc"), levels.group_use("don_giam_doc_tham", 2026, None)
('khong', 'ap_dung')
>>> levels.refusal("huyen", 2026).split(";")[0]
'năm 2026 không còn Tòa án nhân dân cấp huyện (chỉ có đến năm 2024)'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from drafting.bank.schema_file import read_validity
from drafting.errors import Problem, ProblemsError
from drafting.files.fields import FieldReader, did_you_mean, join_path
from drafting.files.yamlio import line_of, read_yaml_file
from drafting.schema import ALWAYS, Validity

LEVELS_FILE = "cap_don_vi.yaml"
LEVEL_KEY = "cap"
"""The ``don_vi`` key of the unit's level."""
GroupUse = Literal["ap_dung", "tuy_chon", "khong"]


@dataclass(frozen=True)
class GroupRule:
    """Which figure groups do not apply or are optional for a level, in some report years."""

    validity: Validity
    not_applicable: tuple[tuple[str, str], ...] = ()
    """(group id, reason)"""
    optional: tuple[tuple[str, str], ...] = ()
    """(group id, reason)"""

    def use(self, group_id: str) -> tuple[GroupUse, str]:
        for gid, reason in self.not_applicable:
            if gid == group_id:
                return "khong", reason
        for gid, reason in self.optional:
            if gid == group_id:
                return "tuy_chon", reason
        return "ap_dung", ""


@dataclass(frozen=True)
class Level:
    """A level of reporting unit."""

    id: str
    name: str
    validity: Validity = ALWAYS
    source: str = ""
    words: tuple[str, ...] = ()
    partners: tuple[str, ...] = ()
    rules: tuple[GroupRule, ...] = ()
    line: int | None = None

    def exists_in(self, year: int) -> bool:
        return self.validity.applies(year)

    def rule(self, year: int) -> GroupRule | None:
        return next((r for r in self.rules if r.validity.applies(year)), None)

    def years(self) -> str:
        """The report years the level has, in words ("" for every year)."""
        first, last = self.validity.first_year, self.validity.last_year
        if first is not None and last is not None:
            return f"từ năm {first} đến năm {last}"
        if first is not None:
            return f"từ năm {first}"
        return f"đến năm {last}" if last is not None else ""


@dataclass(frozen=True)
class Sentence:
    """A sentence template valid in some years and for some levels."""

    validity: Validity
    text: str


@dataclass(frozen=True)
class Levels:
    """Every level, and the sentences of a merged unit."""

    levels: tuple[Level, ...]
    merger: tuple[Sentence, ...] = ()
    merger_note: tuple[Sentence, ...] = ()
    source: str = ""

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(level.id for level in self.levels)

    def get(self, level_id: str | None) -> Level | None:
        return next((level for level in self.levels if level.id == level_id), None)

    def in_year(self, year: int) -> tuple[Level, ...]:
        """The levels that write reports in ``year``."""
        return tuple(level for level in self.levels if level.exists_in(year))

    def choices(self, year: int) -> str:
        """The levels of ``year`` as a writer chooses them: "tinh (Tòa án nhân dân cấp tỉnh), …"."""
        return ", ".join(f"{level.id} ({level.name})" for level in self.in_year(year))

    def refusal(self, level_id: str, year: int) -> str | None:
        """Why ``level_id`` cannot be the level of a report of ``year`` (``None``: it can)."""
        level = self.get(level_id)
        if level is None:
            return (
                f"không có cấp đơn vị “{level_id}”"
                + did_you_mean(level_id, self.ids)
                + f"; năm {year} chọn một trong: {self.choices(year)}"
            )
        if level.exists_in(year):
            return None
        return f"năm {year} không còn {level.name} (chỉ có {level.years()}); chọn một trong: {self.choices(year)}"

    def group_use(self, group_id: str, year: int, level_id: str | None) -> GroupUse:
        """Whether a figure group applies to a unit of ``level_id`` in ``year`` (every group
        applies to a unit without a level, or of a level without rules for the year)."""
        return self.group_reason(group_id, year, level_id)[0]

    def group_reason(self, group_id: str, year: int, level_id: str | None) -> tuple[GroupUse, str]:
        """:meth:`group_use` and the reason the data gives for it."""
        level = self.get(level_id)
        rule = level.rule(year) if level is not None else None
        return rule.use(group_id) if rule is not None else ("ap_dung", "")

    def may_consolidate(self, first: str, second: str) -> bool:
        """Whether units of these two levels may be consolidated together."""
        if first == second:
            return True
        a, b = self.get(first), self.get(second)
        return a is not None and b is not None and (second in a.partners or first in b.partners)

    def sentence(self, sentences: Sequence[Sentence], year: int, level_id: str | None) -> str:
        """The first sentence valid for ``year`` and the level ("" if none)."""
        return next((s.text for s in sentences if s.validity.applies(year, level_id or "")), "")


def _group_items(
    reader: FieldReader, node: Mapping[str, Any], key: str, path: str, groups: Sequence[str]
) -> tuple[tuple[str, str], ...]:
    out: list[tuple[str, str]] = []
    items = reader.sequence(node, key, node[key], join_path(path, key)) if node.get(key) is not None else []
    for i, item in enumerate(items or []):
        ipath = join_path(join_path(path, key), i)
        m = reader.mapping(items, i, item, ipath)
        if m is None:
            continue
        reader.unknown_keys(m, ("nhom", "ly_do"), ipath)
        reason = reader.text(m, "ly_do", ipath)
        for gid in reader.text_list(m, "nhom", ipath):
            if groups and gid not in groups:
                message = f"không có nhóm số liệu “{gid}”" + did_you_mean(gid, groups)
                reader.problem(m, "nhom", join_path(ipath, "nhom"), message)
            out.append((gid, reason))
    return tuple(out)


def _sentences(reader: FieldReader, root: Mapping[str, Any], key: str) -> tuple[Sentence, ...]:
    out: list[Sentence] = []
    items = reader.sequence(root, key, root.get(key) or [], key) or []
    for i, item in enumerate(items):
        path = join_path(key, i)
        m = reader.mapping(items, i, item, path)
        if m is not None:
            reader.unknown_keys(m, ("hieu_luc", "cau"), path)
            out.append(Sentence(read_validity(reader, m, path), reader.text(m, "cau", path)))
    if out and out[-1].validity != ALWAYS:
        reader.problem(root, key, key, "câu cuối cùng phải không có hieu_luc (dùng cho mọi năm, mọi cấp còn lại)")
    return tuple(out)


def load_levels(directory: Path | str, groups: Sequence[str] = (), choices: Sequence[str] | None = None) -> Levels:
    """Load ``cap_don_vi.yaml`` of a bank folder against the catalogue's ``groups`` and the
    schema's level ``choices``; raise :class:`ProblemsError` listing every problem. A bank
    without the file has no levels."""
    path = Path(directory) / LEVELS_FILE
    if not path.is_file():
        return Levels(())
    data, _ = read_yaml_file(path, comments=False)
    reader = FieldReader(str(path))
    root = reader.mapping(None, None, data, "")
    if root is None:
        raise ProblemsError(reader.problems)
    reader.unknown_keys(root, ("cap", "hop_nhat", "ghi_chu_so_lieu"), "")
    levels: list[Level] = []
    nodes = reader.sequence(root, "cap", root.get("cap"), "cap") or []
    for i, node in enumerate(nodes):
        path_ = join_path("cap", i)
        m = reader.mapping(nodes, i, node, path_)
        if m is None:
            continue
        reader.unknown_keys(m, ("id", "ten", "hieu_luc", "nguon", "tu_ngu", "tong_hop_voi", "nhom_so_lieu"), path_)
        rules: list[GroupRule] = []
        rule_nodes = reader.sequence(m, "nhom_so_lieu", m.get("nhom_so_lieu") or [], join_path(path_, "nhom_so_lieu"))
        for j, rnode in enumerate(rule_nodes or []):
            rpath = join_path(join_path(path_, "nhom_so_lieu"), j)
            rm = reader.mapping(rule_nodes, j, rnode, rpath)
            if rm is None:
                continue
            reader.unknown_keys(rm, ("hieu_luc", "khong_ap_dung", "tuy_chon"), rpath)
            rules.append(
                GroupRule(
                    read_validity(reader, rm, rpath, levels=False),
                    _group_items(reader, rm, "khong_ap_dung", rpath, groups),
                    _group_items(reader, rm, "tuy_chon", rpath, groups),
                )
            )
        level = Level(
            id=reader.text(m, "id", path_),
            name=reader.text(m, "ten", path_),
            validity=read_validity(reader, m, path_, levels=False),
            source=reader.text(m, "nguon", path_, required=False),
            words=reader.text_list(m, "tu_ngu", path_),
            partners=reader.text_list(m, "tong_hop_voi", path_),
            rules=tuple(rules),
            line=line_of(nodes, i),
        )
        if level.id in {x.id for x in levels}:
            reader.problem(m, "id", join_path(path_, "id"), f"mã cấp “{level.id}” bị trùng")
        levels.append(level)
    ids = [level.id for level in levels]
    for level in levels:
        for partner in level.partners:
            if partner not in ids:
                reader.problems.append(
                    Problem(str(path), level.line, f"{level.id}.tong_hop_voi", f"không có cấp “{partner}”")
                )
    if choices is not None and sorted(map(str, choices)) != sorted(ids):
        reader.problems.append(
            Problem(
                str(path),
                None,
                "cap",
                "các cấp ở đây phải đúng các giá trị “chon” của trường don_vi.cap trong tep_du_lieu.yaml ("
                + ", ".join(map(str, choices))
                + ")",
            )
        )
    merger = _sentences(reader, root, "hop_nhat")
    note = _sentences(reader, root, "ghi_chu_so_lieu")
    if reader.problems:
        raise ProblemsError(reader.problems)
    return Levels(tuple(levels), merger, note, str(path))


__all__ = ["LEVELS_FILE", "LEVEL_KEY", "GroupRule", "GroupUse", "Level", "Levels", "Sentence", "load_levels"]
