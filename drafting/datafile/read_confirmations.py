"""Reading ``xac_nhan``: the writer's word on claims (``phrasebank/nhan_dinh.yaml``).

``{}`` confirms a claim no figure can show; ``{khong: true}`` denies it (never
suggested); ``{ly_do: …, theo_so_lieu: {figure: value | [this period, same period]}}``
keeps a chosen phrase the figures contradict, with the figures the writer saw.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from drafting.bank.bank import Bank
from drafting.datafile.reader import DataReader
from drafting.files.fields import did_you_mean, join_path
from drafting.files.yamlio import line_of
from drafting.report import Confirmation


def confirmations(r: DataReader, data: Mapping[str, Any], bank: Bank) -> dict[str, Confirmation]:
    """The confirmations of a data file, by claim id (problems reported on ``r``)."""
    table = r.top_mapping(data, "xac_nhan")
    if table is None:
        return {}
    claims = bank.claims.claims
    out: dict[str, Confirmation] = {}
    for key, node in table.items():
        cid = str(key)
        path = join_path("xac_nhan", cid)
        if cid not in claims:
            r.problem(table, key, path, f"không có nhận định “{cid}”" + did_you_mean(cid, claims))
            continue
        if node is None or node is True:
            out[cid] = Confirmation(cid, line=line_of(table, key))
            continue
        m = r.mapping(table, key, node, path)
        if m is None:
            continue
        r.unknown_keys(m, ("khong", "ly_do", "theo_so_lieu"), path)
        out[cid] = Confirmation(
            cid,
            denied=r.flag(m, "khong", path),
            reason=r.writer_text(m, "ly_do", path) if "ly_do" in m else "",
            snapshot=_snapshot(r, m, path, bank),
            line=line_of(table, key),
        )
    return out


def _snapshot(
    r: DataReader, m: Mapping[str, Any], path: str, bank: Bank
) -> tuple[tuple[str, int | None, int | None], ...]:
    out: list[tuple[str, int | None, int | None]] = []
    where = join_path(path, "theo_so_lieu")
    figures = r.mapping(m, "theo_so_lieu", m.get("theo_so_lieu", {}), where) or {}
    for fid, value in figures.items():
        fpath = join_path(where, str(fid))
        if str(fid) not in bank.catalogue.figures:
            r.problem(figures, fid, fpath, "không có chỉ số này" + did_you_mean(str(fid), bank.catalogue.figures))
            continue
        pair = list(value) if isinstance(value, list | tuple) and len(value) == 2 else [value, None]
        numbers = [v if isinstance(v, int) and not isinstance(v, bool) else None for v in pair]
        if any(v is not None and n is None for v, n in zip(pair, numbers, strict=True)):
            r.problem(figures, fid, fpath, "phải là số nguyên hoặc [kỳ này, cùng kỳ]")
            continue
        out.append((str(fid), numbers[0], numbers[1]))
    return tuple(out)
