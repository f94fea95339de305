"""The consistency rules of ``phrasebank/quy_tac.yaml``, loaded against the catalogue.

The rules are data: which figure may not exceed which, which parts sum to which total,
which rates must stay within 0–100%, which figures may not be negative. Pairs are
listed in the rule file or derived from the catalogue (``thuoc``, ``khong_vuot``,
``tong_cac_phan``, the rates' ``tu_so``/``mau_so``, ``khong_am``). The checks that apply
them to a report are in :mod:`drafting.checks.consistency`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from drafting.bank.catalogue import Catalogue
from drafting.errors import ProblemsError
from drafting.files.fields import FieldReader, did_you_mean, join_path
from drafting.files.yamlio import read_yaml_file

RULE_KINDS = ("khong_vuot", "tong_bang", "ty_le", "khong_am")
RULE_KEYS = ("id", "loai", "mo_ta", "thong_bao", "tu_danh_muc", "cap", "loai_chi_so", "tru")
SOURCES = {
    "khong_vuot": ("thuoc", "khong_vuot"),
    "tong_bang": ("tong_cac_phan",),
    "ty_le": ("tu_so",),
    "khong_am": ("khong_am",),
}
PLACEHOLDERS = {
    "khong_vuot": ("ky", "phan", "tong"),
    "tong_bang": ("ky", "tong", "cac_phan", "tong_cac_phan"),
    "ty_le": ("ky", "ty_le", "tu_so", "mau_so"),
    "khong_am": ("ky", "chi_so"),
}
PERIODS = ("ky_nay", "cung_ky")
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


@dataclass(frozen=True)
class Check:
    """One concrete check of a rule.

    ``parts``/``wholes`` are figure ids: the part and the whole (``khong_vuot``), the
    parts and the total (``tong_bang``), the numerator and the denominator of ``rate``
    (``ty_le``), or the figure itself in ``parts`` (``khong_am``).
    """

    rule: str
    kind: str
    message: str
    parts: tuple[str, ...]
    wholes: tuple[str, ...] = ()
    rate: str = ""


@dataclass(frozen=True)
class RuleSet:
    """The checks of every rule, in file order, each pair once."""

    checks: tuple[Check, ...]
    rule_ids: tuple[str, ...]


def _ids(reader: FieldReader, node: Mapping[str, Any], key: str, path: str, catalogue: Catalogue) -> tuple[str, ...]:
    ids = reader.text_list(node, key, path)
    if not ids:
        reader.problem(node, None, join_path(path, key), "thiếu mã chỉ số")
    for fid in ids:
        if fid not in catalogue.figures:
            reader.problem(
                node,
                key,
                join_path(path, key),
                f"không có chỉ số “{fid}” trong danh mục" + did_you_mean(fid, catalogue.figures),
            )
    return ids if all(f in catalogue.figures for f in ids) else ()


def _derived(
    kind: str, sources: tuple[str, ...], catalogue: Catalogue, kinds: tuple[str, ...]
) -> list[tuple[tuple[str, ...], tuple[str, ...], str]]:
    """(parts, wholes, rate) triples a rule takes from the catalogue."""
    out: list[tuple[tuple[str, ...], tuple[str, ...], str]] = []
    figures = catalogue.figures.values()
    if kind == "khong_vuot":
        for figure in figures:
            if "thuoc" in sources and figure.part_of:
                out.append(((figure.id,), (figure.part_of,), ""))
            if "khong_vuot" in sources and figure.not_above:
                out.append(((figure.id,), (figure.not_above,), ""))
    elif kind == "tong_bang":
        for group in catalogue.groups:
            for total in group.sums:
                parts = tuple(catalogue.parts_of(total))
                if parts:
                    out.append((tuple(f.id for f in parts), (total,), ""))
    elif kind == "ty_le":
        for figure in figures:
            if figure.kind == "ty_le":
                out.append((figure.numerator, figure.denominator, figure.id))
    elif kind == "khong_am":
        for figure in figures:
            if figure.entered and figure.non_negative and (not kinds or figure.kind in kinds):
                out.append(((figure.id,), (), ""))
    return out


def load_rules(directory: Path | str, catalogue: Catalogue) -> RuleSet:
    """Load ``quy_tac.yaml`` against the catalogue; raise :class:`ProblemsError` listing every problem."""
    folder = Path(directory)
    path = folder / "quy_tac.yaml"
    data, _ = read_yaml_file(path, comments=False)
    reader = FieldReader(str(path))
    root = reader.mapping(None, None, data, "")
    if root is None:
        raise ProblemsError(reader.problems)
    reader.unknown_keys(root, ("quy_tac",), "")
    nodes = reader.sequence(root, "quy_tac", root.get("quy_tac"), "quy_tac") or []
    checks: list[Check] = []
    seen_keys: set[tuple[str, frozenset[str], frozenset[str]]] = set()
    rule_ids: list[str] = []
    for i, node in enumerate(nodes):
        path_ = join_path("quy_tac", i)
        m = reader.mapping(nodes, i, node, path_)
        if m is None:
            continue
        reader.unknown_keys(m, RULE_KEYS, path_)
        rid = reader.text(m, "id", path_)
        if rid in rule_ids:
            reader.problem(m, "id", join_path(path_, "id"), f"mã quy tắc “{rid}” bị trùng")
        rule_ids.append(rid)
        kind = reader.text(m, "loai", path_)
        if kind not in RULE_KINDS:
            reader.problem(
                m,
                "loai",
                join_path(path_, "loai"),
                "loại quy tắc phải là một trong: " + ", ".join(RULE_KINDS) + did_you_mean(kind, RULE_KINDS),
            )
            continue
        message = reader.text(m, "thong_bao", path_)
        for name in _PLACEHOLDER.findall(message):
            if name not in PLACEHOLDERS[kind]:
                reader.problem(
                    m,
                    "thong_bao",
                    join_path(path_, "thong_bao"),
                    f"chỗ thay “{{{name}}}” không có; loại {kind} dùng: "
                    + ", ".join("{" + p + "}" for p in PLACEHOLDERS[kind]),
                )
        sources = reader.text_list(m, "tu_danh_muc", path_)
        for source in sources:
            if source not in SOURCES[kind]:
                reader.problem(
                    m,
                    "tu_danh_muc",
                    join_path(path_, "tu_danh_muc"),
                    f"loại {kind} chỉ lấy từ danh mục: " + ", ".join(SOURCES[kind]),
                )
        kinds = reader.text_list(m, "loai_chi_so", path_)
        for k in kinds:
            if k not in ("so_dem", "tien"):
                reader.problem(
                    m, "loai_chi_so", join_path(path_, "loai_chi_so"), "loại chỉ số phải là so_dem hoặc tien"
                )
        excluded = set(reader.text_list(m, "tru", path_))
        for fid in excluded:
            if fid not in catalogue.figures:
                reader.problem(
                    m,
                    "tru",
                    join_path(path_, "tru"),
                    f"không có chỉ số “{fid}” trong danh mục" + did_you_mean(fid, catalogue.figures),
                )
        triples = _derived(kind, tuple(s for s in sources if s in SOURCES[kind]), catalogue, kinds)
        explicit = m.get("cap")
        if explicit is not None:
            items = reader.sequence(m, "cap", explicit, join_path(path_, "cap")) or []
            for j, item in enumerate(items):
                ipath = join_path(join_path(path_, "cap"), j)
                if kind in ("ty_le", "khong_am"):
                    fid = str(item)
                    figure = catalogue.figures.get(fid)
                    if figure is None or (kind == "ty_le") != (figure.kind == "ty_le"):
                        what = "tỷ lệ" if kind == "ty_le" else "chỉ số nhập"
                        reader.problem(
                            items,
                            j,
                            ipath,
                            f"“{fid}” không phải {what} của danh mục" + did_you_mean(fid, catalogue.figures),
                        )
                        continue
                    triples.append((figure.numerator, figure.denominator, fid) if kind == "ty_le" else ((fid,), (), ""))
                    continue
                pair = reader.mapping(items, j, item, ipath)
                if pair is None:
                    continue
                if kind == "khong_vuot":
                    reader.unknown_keys(pair, ("phan", "tong"), ipath)
                    parts, wholes = (
                        _ids(reader, pair, "phan", ipath, catalogue),
                        _ids(reader, pair, "tong", ipath, catalogue),
                    )
                else:
                    reader.unknown_keys(pair, ("tong", "cac_phan"), ipath)
                    wholes, parts = (
                        _ids(reader, pair, "tong", ipath, catalogue),
                        _ids(reader, pair, "cac_phan", ipath, catalogue),
                    )
                if parts and wholes:
                    triples.append((parts, wholes, ""))
        if not sources and explicit is None:
            reader.problem(m, None, path_, "quy tắc phải có tu_danh_muc hoặc cap")
        for parts, wholes, rate_id in triples:
            if rate_id in excluded or (kind != "ty_le" and set(parts) & excluded):
                continue
            key = (
                "eq" if kind == "tong_bang" else "neg" if kind == "khong_am" else "le",
                frozenset(parts),
                frozenset(wholes),
            )
            if key in seen_keys:
                continue
            seen_keys.add(key)
            checks.append(Check(rid, kind, message, parts, wholes, rate_id))
    if reader.problems:
        raise ProblemsError(reader.problems)
    return RuleSet(tuple(checks), tuple(rule_ids))
