"""The figure catalogue and the targets, loaded from ``phrasebank/``.

The catalogue is the single source of truth for figures: which exist, their labels and
units, whether they are compared with the same period, how rates are computed, which
figure is a part of which total, and which target a rate is held against.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from drafting.errors import Problem, ProblemsError
from drafting.files.fields import FieldReader, join_path
from drafting.files.yamlio import line_of, read_yaml_file

FigureKind = Literal["so_dem", "tien", "ty_le"]
TargetKind = Literal["toi_thieu", "toi_da"]
FIGURE_KINDS: tuple[str, ...] = ("so_dem", "tien", "ty_le")
TARGET_KINDS: tuple[str, ...] = ("toi_thieu", "toi_da")


@dataclass(frozen=True)
class Figure:
    """One figure of the catalogue; ``id`` is ``"group.key"``."""

    id: str
    group: str
    key: str
    label: str
    title: str
    kind: FigureKind
    unit: str
    compared: bool
    numerator: tuple[str, ...] = ()
    denominator: tuple[str, ...] = ()
    target: str | None = None
    part_of: str | None = None
    not_above: str | None = None
    line: int | None = None
    non_negative: bool = True
    none_text: str = ""
    """How a zero is said ("không có bản án, quyết định nào bị hủy"), never "0 … giảm 100%"."""

    @property
    def entered(self) -> bool:
        """Whether the writer enters this figure (rates are computed, not entered)."""
        return self.kind != "ty_le"


@dataclass(frozen=True)
class FigureGroup:
    """A topic of the report: its figures are written as one sentence."""

    id: str
    section: str
    title: str
    paragraph: str
    lead: str
    figures: tuple[Figure, ...]
    sums: tuple[str, ...] = ()
    connector: str = ""
    sheet: str = ""
    prose: bool = True
    """False for a group whose figures only claims state (``viet_doan: false``)."""


@dataclass(frozen=True)
class Target:
    """A target a rate is held against (percent)."""

    id: str
    label: str
    kind: TargetKind
    value: Decimal


@dataclass(frozen=True)
class Catalogue:
    """Every figure group, figure and target."""

    groups: tuple[FigureGroup, ...]
    figures: dict[str, Figure]
    targets: dict[str, Target]
    targets_source: str = ""

    def group(self, group_id: str) -> FigureGroup:
        """The group with this id (``KeyError`` if none)."""
        for group in self.groups:
            if group.id == group_id:
                return group
        raise KeyError(group_id)

    @property
    def group_ids(self) -> tuple[str, ...]:
        return tuple(g.id for g in self.groups)

    def parts_of(self, total_id: str) -> tuple[Figure, ...]:
        """The figures declared as parts of ``total_id``."""
        return tuple(f for f in self.figures.values() if f.part_of == total_id)


_GROUP_KEYS = ("id", "muc", "ten", "doan", "mo_dau", "chi_so", "tong_cac_phan", "noi", "trang", "viet_doan")
# A sheet name of the import template: at most 31 characters, none of those Excel forbids.
_SHEET_NAME = re.compile(r"[^\[\]:*?/\\]{1,31}")
_FIGURE_KEYS = (
    "id",
    "ten",
    "nhan",
    "loai",
    "don_vi",
    "so_sanh",
    "tu_so",
    "mau_so",
    "chi_tieu",
    "thuoc",
    "khong_vuot",
    "khong_am",
    "khong_co",
)


def load_targets(path: Path) -> tuple[dict[str, Target], str]:
    """Load ``chi_tieu.yaml``; raise :class:`ProblemsError` listing every problem."""
    data, _ = read_yaml_file(path, comments=False)
    reader = FieldReader(str(path))
    targets: dict[str, Target] = {}
    root = reader.mapping(None, None, data, "")
    if root is None:
        raise ProblemsError(reader.problems)
    source = reader.text(root, "nguon", "", required=False)
    table = reader.mapping(root, "chi_tieu", root.get("chi_tieu"), "chi_tieu") or {}
    for key, node in table.items():
        path_ = join_path("chi_tieu", str(key))
        entry = reader.mapping(table, key, node, path_)
        if entry is None:
            continue
        reader.unknown_keys(entry, ("ten", "kieu", "gia_tri"), path_)
        kind = reader.text(entry, "kieu", path_)
        if kind and kind not in TARGET_KINDS:
            reader.problem(entry, "kieu", join_path(path_, "kieu"), "phải là toi_thieu hoặc toi_da")
            continue
        value = entry.get("gia_tri")
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 100:
            reader.problem(entry, "gia_tri", join_path(path_, "gia_tri"), "phải là số phần trăm từ 0 đến 100")
            continue
        targets[str(key)] = Target(str(key), reader.text(entry, "ten", path_), kind, Decimal(str(value)))  # type: ignore[arg-type]
    if reader.problems:
        raise ProblemsError(reader.problems)
    return targets, source


def _ids(reader: FieldReader, node: Any, key: str, path: str) -> tuple[str, ...]:
    return reader.text_list(node, key, path)


def load_catalogue(directory: Path | str) -> Catalogue:
    """Load ``chi_so.yaml`` and ``chi_tieu.yaml`` from a phrase bank directory."""
    folder = Path(directory)
    targets, source = load_targets(folder / "chi_tieu.yaml")
    path = folder / "chi_so.yaml"
    data, _ = read_yaml_file(path, comments=False)
    reader = FieldReader(str(path))
    root = reader.mapping(None, None, data, "")
    if root is None:
        raise ProblemsError(reader.problems)
    groups: list[FigureGroup] = []
    figures: dict[str, Figure] = {}
    for gi, gnode in enumerate(reader.sequence(root, "nhom", root.get("nhom"), "nhom") or []):
        gpath = join_path("nhom", gi)
        g = reader.mapping(root["nhom"], gi, gnode, gpath)
        if g is None:
            continue
        reader.unknown_keys(g, _GROUP_KEYS, gpath)
        gid = reader.text(g, "id", gpath)
        sheet = reader.text(g, "trang", gpath, required=False)
        if sheet and not _SHEET_NAME.fullmatch(sheet):
            reader.problem(
                g, "trang", join_path(gpath, "trang"), "tên trang tối đa 31 ký tự, không có các ký tự [ ] : * ? / \\"
            )
        gfigs: list[Figure] = []
        for fi, fnode in enumerate(reader.sequence(g, "chi_so", g.get("chi_so"), join_path(gpath, "chi_so")) or []):
            fpath = join_path(join_path(gpath, "chi_so"), fi)
            f = reader.mapping(g["chi_so"], fi, fnode, fpath)
            if f is None:
                continue
            reader.unknown_keys(f, _FIGURE_KEYS, fpath)
            key = reader.text(f, "id", fpath)
            kind = reader.text(f, "loai", fpath)
            if kind not in FIGURE_KINDS:
                reader.problem(f, "loai", join_path(fpath, "loai"), "phải là so_dem, tien hoặc ty_le")
                continue
            fid = f"{gid}.{key}"
            if fid in figures:
                reader.problem(f, "id", join_path(fpath, "id"), f"mã chỉ số “{fid}” bị trùng")
                continue
            label = reader.text(f, "ten", fpath)
            target = reader.text(f, "chi_tieu", fpath, required=False) or None
            if target is not None and target not in targets:
                reader.problem(
                    f, "chi_tieu", join_path(fpath, "chi_tieu"), f"không có chỉ tiêu “{target}” trong chi_tieu.yaml"
                )
            figure = Figure(
                id=fid,
                group=gid,
                key=key,
                label=label,
                title=reader.text(f, "nhan", fpath, required=False) or f"{reader.text(g, 'ten', gpath)} – {label}",
                kind=kind,  # type: ignore[arg-type]
                unit="%" if kind == "ty_le" else ("đồng" if kind == "tien" else reader.text(f, "don_vi", fpath)),
                compared=reader.flag(f, "so_sanh", fpath),
                numerator=_ids(reader, f, "tu_so", fpath),
                denominator=_ids(reader, f, "mau_so", fpath),
                target=target,
                part_of=reader.text(f, "thuoc", fpath, required=False) or None,
                not_above=reader.text(f, "khong_vuot", fpath, required=False) or None,
                line=line_of(g["chi_so"], fi),
                non_negative=reader.flag(f, "khong_am", fpath, default=True),
                none_text=reader.text(f, "khong_co", fpath, required=False),
            )
            figures[fid] = figure
            gfigs.append(figure)
        groups.append(
            FigureGroup(
                id=gid,
                section=reader.text(g, "muc", gpath),
                title=reader.text(g, "ten", gpath),
                paragraph=reader.text(g, "doan", gpath, required=False) or gid,
                lead=reader.text(g, "mo_dau", gpath, required=False) or reader.text(g, "ten", gpath),
                figures=tuple(gfigs),
                sums=_ids(reader, g, "tong_cac_phan", gpath),
                connector=reader.text(g, "noi", gpath, required=False),
                sheet=sheet,
                prose=reader.flag(g, "viet_doan", gpath, default=True),
            )
        )
    # Cross-references must name existing figures.
    for figure in figures.values():
        refs = figure.numerator + figure.denominator + tuple(x for x in (figure.part_of, figure.not_above) if x)
        for ref in refs:
            if ref not in figures:
                reader.problems.append(
                    Problem(str(path), figure.line, figure.id, f"tham chiếu tới chỉ số không có: “{ref}”")
                )
        if figure.kind == "ty_le" and not (figure.numerator and figure.denominator):
            reader.problems.append(Problem(str(path), figure.line, figure.id, "tỷ lệ phải có tu_so và mau_so"))
    users: dict[str, list[str]] = {}
    for figure in figures.values():
        if figure.target:
            users.setdefault(figure.target, []).append(figure.id)
    for target, ids in users.items():
        if len(ids) > 1:
            first = figures[ids[1]]
            reader.problems.append(
                Problem(
                    str(path),
                    first.line,
                    first.id,
                    f"chỉ tiêu “{target}” đã gắn với “{ids[0]}”: mỗi chỉ tiêu đối chiếu với đúng một tỷ lệ (chỉ tiêu "
                    "của một nhóm loại án gắn với tỷ lệ chung của nhóm)",
                )
            )
    if reader.problems:
        raise ProblemsError(reader.problems)
    return Catalogue(tuple(groups), figures, targets, source)



def catalogue_style(catalogue: Catalogue, path: str) -> list[Problem]:
    """``bank check``: every compared figure says how a zero is worded (``khong_co``)."""
    return [
        Problem(
            path,
            figure.line,
            figure.id,
            "chỉ số so sánh với cùng kỳ cần cách nói khi bằng 0 (khong_co), ví dụ “không có bản án nào bị hủy”",
        )
        for figure in catalogue.figures.values()
        if figure.entered and figure.compared and not figure.none_text
    ]
