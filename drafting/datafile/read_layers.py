"""Reading ``kho_cau_mau``: the phrase bank's layers a draft was last saved with.

The editor records them when it saves (``Draft.save``): a list of ``{lop: …, ma: …}``,
the layer (``kèm theo`` for the shipped bank, else an overlay folder) and the short
digest of its content (:class:`~drafting.bank.bank.Layer`). The record does not change
what the file says; it lets ``check`` and the editor tell the writer that the same file
would now give another report because the phrase bank changed since.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from drafting.bank.bank import Bank
from drafting.datafile.reader import DataReader
from drafting.files.fields import join_path

KEY = "kho_cau_mau"
_DIGEST = re.compile(r"[0-9a-f]{12}")


def bank_layers(r: DataReader, data: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
    """The recorded layers, ``(lop, ma)`` in order (problems reported on ``r``)."""
    if data.get(KEY) is None:
        return ()
    items = r.top_sequence(data, KEY)
    out: list[tuple[str, str]] = []
    for i, item in enumerate(items):
        path = join_path(KEY, i)
        m = r.mapping(items, i, item, path)
        if m is None:
            continue
        r.unknown_keys(m, ("lop", "ma"), path)
        name, digest = r.text(m, "lop", path), str(m.get("ma", ""))
        if not _DIGEST.fullmatch(digest):
            message = "mã nội dung phải là 12 chữ số thập lục phân (công cụ tự ghi khi lưu; đừng sửa tay)"
            r.problem(m, "ma" if "ma" in m else None, join_path(path, "ma"), message)
            continue
        out.append((name, digest))
    return tuple(out)


def layer_record(bank: Bank) -> list[dict[str, str]]:
    """What a save writes under ``kho_cau_mau`` for ``bank``."""
    return [{"lop": layer.name, "ma": layer.digest} for layer in bank.layers]


def layers_changed(recorded: tuple[tuple[str, str], ...], bank: Bank) -> str:
    """A Vietnamese note when ``bank``'s layers differ from the ``recorded`` ones ("" when
    nothing was recorded or they have the same content)."""
    if not recorded or [d for _, d in recorded] == [layer.digest for layer in bank.layers]:
        return ""
    then = "; ".join(f"{name} ({digest})" for name, digest in recorded)
    now = "; ".join(f"{layer.name} ({layer.digest})" for layer in bank.layers)
    return (
        f"kho câu mẫu đã đổi từ lần lưu trước (khi lưu: {then}; nay: {now}): cùng tệp này có thể cho báo cáo "
        "khác; xem lại các mục dùng câu mẫu, rồi lưu lại để ghi nhận kho câu mẫu mới"
    )
