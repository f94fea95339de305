"""Reading the lists of a data file (``van_ban``, ``phong_trao`` and those the schema adds)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from drafting.bank.outline import NamedMovement
from drafting.datafile.reader import DataReader
from drafting.files.fields import join_path
from drafting.files.yamlio import line_of
from drafting.report import IssuedDocument, ListItem, Movement, Value
from drafting.schema import ListSpec

TYPED_LISTS = ("van_ban", "phong_trao")
"""The lists read into typed objects (documents, movements); other lists are :class:`ListItem` tuples."""


def list_items(
    r: DataReader,
    data: Mapping[str, Any],
    spec: ListSpec,
    year: int | None,
    level: str | None,
    groups: Mapping[str, str],
) -> tuple[ListItem, ...]:
    """The items of a list, each field read by its kind; every problem is recorded, and
    the part of the outline each item belongs to (``groups``: the outline's movements'
    groups by id)."""
    if spec.key in data and not spec.validity.applies(year, level):
        r.problem(data, spec.key, spec.key, f"danh sách {spec.validity.describe()}")
        return ()
    items = r.top_sequence(data, spec.key)
    out: list[ListItem] = []
    for i, item in enumerate(items):
        path = join_path(spec.key, i)
        m = r.mapping(items, i, item, path)
        if m is None:
            continue
        values: list[tuple[str, Value]] = []
        for field in r.fields(m, spec.fields, path, year, level):
            value = r.value(m, field, path, groups)
            r.missing_required(m, field, path, value)
            values.append((field.key, value))
        given = dict(values)
        if spec.reference is not None and not given.get(spec.reference.key) and not given.get("ten"):
            r.problem(m, None, join_path(path, "ten"), "phong trào tự thêm phải có tên (ten) hoặc mã (id) của đề cương")
        view = spec.item_view(m, groups)
        if view is not None:
            r.views[path] = view
        out.append(ListItem(tuple(values), line_of(items, i)))
    return tuple(out)


def _text(item: ListItem, key: str) -> str:
    value = item.get(key)
    return value if isinstance(value, str) else ""


def document(item: ListItem) -> IssuedDocument:
    when = item.get("ngay")
    return IssuedDocument(
        _text(item, "loai") or "ban_hanh",
        _text(item, "so"),
        when if isinstance(when, date) else None,
        _text(item, "trich_yeu"),
        _text(item, "don_vi"),
    )


def movement(item: ListItem, named: Mapping[str, NamedMovement]) -> Movement | None:
    """A movement of the outline (by ``id``) or one the writer names; ``None`` for an unknown id."""
    mid = _text(item, "id")
    if mid:
        movement = named.get(mid)
        if movement is None:
            return None
        return Movement(mid, movement.group, movement.name, _text(item, "ket_qua"), _text(item, "don_vi"))
    return Movement(
        "", _text(item, "nhom") or "a", _text(item, "ten").strip('“”"'), _text(item, "ket_qua"), _text(item, "don_vi")
    )
