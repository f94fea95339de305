"""The report outline (``phrasebank/dan_y.yaml``): sections, guidance, what serves them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from drafting.errors import ProblemsError
from drafting.files.fields import FieldReader, did_you_mean, join_path
from drafting.files.yamlio import line_of, read_yaml_file


@dataclass(frozen=True)
class Requirement:
    """Something the outline says a section must state ("nêu rõ…")."""

    text: str
    satisfied_by: str


@dataclass(frozen=True)
class ListStyle:
    """How a list of the data file is written: its lead and what a placeholder names."""

    lead: str
    missing: str


@dataclass(frozen=True)
class FigureTable:
    """A table of figures: one row per figure, one column per group."""

    title: str
    columns: tuple[str, ...]
    header: tuple[str, ...]


@dataclass(frozen=True)
class Subgroup:
    """A tagged subgroup of an evaluative section (objective / subjective causes)."""

    tag: str
    heading: str


@dataclass(frozen=True)
class OutlineSection:
    """One section of the outline. Texts may hold ``{{ nam }}``-style year parameters."""

    id: str
    number: str
    heading: str
    guidance: tuple[str, ...] = ()
    requirements: tuple[Requirement, ...] = ()
    figure_groups: tuple[str, ...] = ()
    table: FigureTable | None = None
    lists: tuple[str, ...] = ()
    phrase_groups: tuple[str, ...] = ()
    evaluative: bool = False
    subgroups: tuple[Subgroup, ...] = ()
    writer_leads: bool = False
    """The writer's first paragraph opens the section, before its figures (``mo_dau_tu_viet``)."""
    line: int | None = None

    @property
    def level(self) -> int:
        """1 for "I", 2 for "II.1", 3 for "II.2.a"."""
        return self.id.count(".") + 1

    @property
    def parent_id(self) -> str | None:
        return self.id.rsplit(".", 1)[0] if "." in self.id else None


@dataclass(frozen=True)
class NamedMovement:
    """A movement the outline names in II.2 a) or b)."""

    id: str
    group: str
    name: str
    period: str = ""
    """The period written after the quoted name ("giai đoạn 2021 - 2025"), if any."""


@dataclass(frozen=True)
class Outline:
    """The whole outline."""

    summary: str
    sections: tuple[OutlineSection, ...]
    movements: tuple[NamedMovement, ...]
    list_styles: dict[str, ListStyle]

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.sections)

    def section(self, section_id: str) -> OutlineSection:
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(section_id)

    def children(self, section_id: str | None) -> tuple[OutlineSection, ...]:
        """Direct children of a section (``None``: the top-level sections)."""
        return tuple(s for s in self.sections if s.parent_id == section_id)

    def is_leaf(self, section_id: str) -> bool:
        return not self.children(section_id)

    def list_section(self, name: str) -> str:
        """The section that shows a list of the data file (or a part of one); "" if none."""
        return next((s.id for s in self.sections if name in s.lists), "")


_SECTION_KEYS = (
    "id",
    "so",
    "tieu_de",
    "huong_dan",
    "yeu_cau",
    "nhom_so_lieu",
    "bang_so_lieu",
    "danh_sach",
    "nhom_cau",
    "danh_gia",
    "phan_nhom",
    "mo_dau_tu_viet",
)


def load_outline(directory: Path | str, list_names: Sequence[str]) -> Outline:
    """Load ``dan_y.yaml``; raise :class:`ProblemsError` listing every problem.

    ``list_names`` are the lists (and parts of lists) of the data file a section may
    show (:attr:`drafting.schema.Schema.view_names`).
    """
    folder = Path(directory)
    path = folder / "dan_y.yaml"
    data, _ = read_yaml_file(path, comments=False)
    reader = FieldReader(str(path))
    root = reader.mapping(None, None, data, "")
    if root is None:
        raise ProblemsError(reader.problems)
    movements: list[NamedMovement] = []
    for i, node in enumerate(reader.sequence(root, "phong_trao", root.get("phong_trao", []), "phong_trao") or []):
        m = reader.mapping(root["phong_trao"], i, node, join_path("phong_trao", i))
        if m is not None:
            p = join_path("phong_trao", i)
            reader.unknown_keys(m, ("id", "nhom", "ten", "giai_doan"), p)
            movements.append(
                NamedMovement(
                    reader.text(m, "id", p),
                    reader.text(m, "nhom", p),
                    reader.text(m, "ten", p),
                    reader.text(m, "giai_doan", p, required=False),
                )
            )
    sections: list[OutlineSection] = []
    seen: set[str] = set()
    nodes = reader.sequence(root, "muc", root.get("muc"), "muc") or []
    for i, node in enumerate(nodes):
        p = join_path("muc", i)
        s = reader.mapping(nodes, i, node, p)
        if s is None:
            continue
        reader.unknown_keys(s, _SECTION_KEYS, p)
        sid = reader.text(s, "id", p)
        if sid in seen:
            reader.problem(s, "id", join_path(p, "id"), f"mã mục “{sid}” bị trùng")
        seen.add(sid)
        requirements = []
        for j, r in enumerate(s.get("yeu_cau") or []):
            rp = join_path(join_path(p, "yeu_cau"), j)
            rm = reader.mapping(s["yeu_cau"], j, r, rp)
            if rm is not None:
                requirements.append(Requirement(reader.text(rm, "noi_dung", rp), reader.text(rm, "dap_ung", rp)))
        table = None
        if s.get("bang_so_lieu") is not None:
            tm = reader.mapping(s, "bang_so_lieu", s["bang_so_lieu"], join_path(p, "bang_so_lieu"))
            if tm is not None:
                tp = join_path(p, "bang_so_lieu")
                table = FigureTable(
                    reader.text(tm, "tieu_de", tp),
                    reader.text_list(tm, "cot", tp),
                    reader.text_list(tm, "dau_bang", tp),
                )
                if len(table.header) != len(table.columns) + 3:
                    reader.problem(
                        tm,
                        "dau_bang",
                        join_path(tp, "dau_bang"),
                        "cần đúng 3 tiêu đề cột đầu và một tiêu đề cho mỗi nhóm",
                    )
        subgroups = []
        for j, g in enumerate(s.get("phan_nhom") or []):
            gp = join_path(join_path(p, "phan_nhom"), j)
            gm = reader.mapping(s["phan_nhom"], j, g, gp)
            if gm is not None:
                subgroups.append(Subgroup(reader.text(gm, "the", gp), reader.text(gm, "tieu_de", gp)))
        lists = reader.text_list(s, "danh_sach", p)
        for name in lists:
            if name not in list_names:
                message = f"danh sách không có: “{name}”" + did_you_mean(name, list_names)
                reader.problem(s, "danh_sach", join_path(p, "danh_sach"), message)
        sections.append(
            OutlineSection(
                id=sid,
                number=reader.text(s, "so", p),
                heading=reader.text(s, "tieu_de", p),
                guidance=reader.text_list(s, "huong_dan", p),
                requirements=tuple(requirements),
                figure_groups=reader.text_list(s, "nhom_so_lieu", p),
                table=table,
                lists=lists,
                phrase_groups=reader.text_list(s, "nhom_cau", p),
                evaluative=reader.flag(s, "danh_gia", p),
                subgroups=tuple(subgroups),
                writer_leads=reader.flag(s, "mo_dau_tu_viet", p),
                line=line_of(nodes, i),
            )
        )
    styles: dict[str, ListStyle] = {}
    style_nodes = reader.mapping(root, "danh_sach", root.get("danh_sach", {}), "danh_sach") or {}
    shown = [name for s in sections for name in s.lists if name in list_names]
    for name in dict.fromkeys(shown):
        p = join_path("danh_sach", name)
        node = reader.mapping(style_nodes, name, style_nodes.get(name), p) if name in style_nodes else None
        if node is None:
            reader.problem(style_nodes, None, p, "thiếu cách trình bày danh sách (mo_dau, thieu)")
            continue
        styles[name] = ListStyle(reader.text(node, "mo_dau", p), reader.text(node, "thieu", p))
    if reader.problems:
        raise ProblemsError(reader.problems)
    return Outline(reader.text(root, "trich_yeu", ""), tuple(sections), tuple(movements), styles)
