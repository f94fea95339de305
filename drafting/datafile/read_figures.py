"""Reading the figures of a data file: targets (``chi_tieu``), figures (``so_lieu``) and a
consolidated file's figures of each unit (``so_lieu_don_vi``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from drafting.bank.catalogue import Catalogue
from drafting.datafile.reader import DataReader, nfc
from drafting.files.fields import did_you_mean, join_path, type_name
from drafting.files.yamlio import line_of
from drafting.report import FigureValue
from drafting.schema import COMPARED_KEYS


def targets(r: DataReader, data: Mapping[str, Any], catalogue: Catalogue) -> dict[str, float]:
    m = r.top_mapping(data, "chi_tieu")
    if m is None:
        return {}
    out: dict[str, float] = {}
    for key, value in m.items():
        path = join_path("chi_tieu", str(key))
        if str(key) not in catalogue.targets:
            r.problem(m, key, path, "không có chỉ tiêu này" + did_you_mean(str(key), catalogue.targets))
        elif isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 100:
            r.problem(m, key, path, "chỉ tiêu phải là số phần trăm từ 0 đến 100")
        else:
            out[str(key)] = float(value)
    return out


def _group(
    r: DataReader, groups: Any, gkey: Any, gnode: Any, gpath: str, catalogue: Catalogue
) -> Mapping[str, Any] | None:
    """The mapping of a figure group of the catalogue (``None``: an unknown group, which is
    reported, an empty one, or one that is not a mapping, which is reported)."""
    if str(gkey) not in catalogue.group_ids:
        message = "không có nhóm số liệu này trong danh mục" + did_you_mean(str(gkey), catalogue.group_ids)
        r.problem(groups, gkey, gpath, message)
        return None
    return None if gnode is None else r.mapping(groups, gkey, gnode, gpath)


def figures(r: DataReader, data: Mapping[str, Any], catalogue: Catalogue) -> dict[str, FigureValue]:
    groups = r.top_mapping(data, "so_lieu")
    if groups is None:
        return {}
    out: dict[str, FigureValue] = {}
    for gkey, gnode in groups.items():
        gpath = join_path("so_lieu", str(gkey))
        g = _group(r, groups, gkey, gnode, gpath, catalogue)
        if g is None:
            continue
        known = {f.key: f for f in catalogue.group(str(gkey)).figures}
        for fkey, fnode in g.items():
            fpath = join_path(gpath, str(fkey))
            figure = known.get(str(fkey))
            if figure is None:
                r.problem(g, fkey, fpath, "không có chỉ số này trong danh mục" + did_you_mean(str(fkey), known))
                continue
            if not figure.entered:
                r.problem(g, fkey, fpath, "tỷ lệ được tính tự động từ các số liệu, không nhập trực tiếp")
                continue
            money = figure.kind == "tien"
            line = line_of(g, fkey)
            if figure.compared:
                if fnode is None:
                    continue
                if not isinstance(fnode, Mapping):
                    r.problem(
                        g,
                        fkey,
                        fpath,
                        f"chỉ số so sánh với cùng kỳ phải là bảng khóa {{ky_nay, cung_ky, nguyen_nhan}}, "
                        f"không phải {type_name(fnode)}",
                    )
                    continue
                r.unknown_keys(fnode, COMPARED_KEYS, fpath)
                current = r.count(fnode, "ky_nay", join_path(fpath, "ky_nay"), money) if "ky_nay" in fnode else None
                previous = r.count(fnode, "cung_ky", join_path(fpath, "cung_ky"), money) if "cung_ky" in fnode else None
                cause = r.writer_text(fnode, "nguyen_nhan", fpath)
                out[figure.id] = FigureValue(current, previous, cause, line)
            else:
                if isinstance(fnode, Mapping):
                    r.problem(g, fkey, fpath, "chỉ số này không so sánh với cùng kỳ: ghi một số, không phải bảng khóa")
                    continue
                out[figure.id] = FigureValue(r.count(g, fkey, fpath, money), None, "", line)
    return out


def unit_figures(
    r: DataReader, data: Mapping[str, Any], catalogue: Catalogue, units: tuple[str, ...]
) -> dict[str, dict[str, int | None]]:
    """``so_lieu_don_vi`` of a consolidated file: {unit: {group: {figure: this period's value}}}."""
    table = r.top_mapping(data, "so_lieu_don_vi")
    if table is None:
        return {}
    out: dict[str, dict[str, int | None]] = {}
    for ukey, unode in table.items():
        upath = join_path("so_lieu_don_vi", str(ukey))
        name = nfc(str(ukey))
        if name not in units:
            r.problem(table, ukey, upath, "đơn vị này không có trong danh sách tong_hop" + did_you_mean(name, units))
            continue
        values: dict[str, int | None] = {}
        out[name] = values
        if unode is None:
            continue
        groups = r.mapping(table, ukey, unode, upath)
        for gkey, gnode in (groups or {}).items():
            gpath = join_path(upath, str(gkey))
            g = _group(r, groups, gkey, gnode, gpath, catalogue)
            known = {f.key: f for f in catalogue.group(str(gkey)).figures if f.entered}
            for fkey in g or {}:
                figure = known.get(str(fkey))
                if figure is None:
                    r.problem(
                        g,
                        fkey,
                        join_path(gpath, str(fkey)),
                        "không có chỉ số nhập này trong danh mục" + did_you_mean(str(fkey), known),
                    )
                    continue
                values[figure.id] = r.count(g, fkey, join_path(gpath, str(fkey)), figure.kind == "tien")
    return out
