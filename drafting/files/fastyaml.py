"""A fast read-only YAML path: libyaml (through PyYAML) composes, YAML 1.2 resolves.

Reading a data file with ruamel's pure-Python round-trip parser takes a tenth of a
second, and importing ruamel takes more; libyaml's C parser composes the same node
tree in a few milliseconds. This module builds from libyaml's nodes what the
round-trip loader gives for ordinary files: mappings and lists that remember the line
of every key and item (:class:`LineMap`, :class:`LineSeq`, read by
:func:`drafting.files.yamlio.line_of`), and scalars resolved by the YAML 1.2 core rules that
ruamel uses (so ``no`` stays text and ``010`` is ten, unlike PyYAML's YAML 1.1).

Anything out of the ordinary — explicit tags, merge keys, number forms other than
plain decimals, times, duplicate keys, any parser error — returns ``None`` and the
caller uses the round-trip loader, which words its located Vietnamese messages.
Comments are not kept: this is for checking and rendering, never for saving.
"""

from __future__ import annotations

import datetime
import re
from functools import lru_cache
from typing import Any

try:  # PyYAML with libyaml; without it every read takes the round-trip path.
    import yaml as _pyyaml

    _LOADER: Any = getattr(_pyyaml, "CSafeLoader", None)
except ImportError:  # pragma: no cover - PyYAML is a dependency
    _pyyaml = None
    _LOADER = None

_PLAIN_TAGS = {"tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}
_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_INT = re.compile(r"[-+]?[0-9]+")
_FLOAT = re.compile(r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?|[-+]?[0-9]+[eE][-+]?[0-9]+")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# Plain scalars that look like numbers: decided here when plain decimal, left to ruamel
# when they may be another form (0x1F, 0o17, 1_000, .inf, times, sexagesimals).
_NUMERIC = re.compile(r"[-+]?[0-9.]")
_OTHER_FORM = re.compile(
    r"[-+]?0[xob]|[-+]?[0-9][0-9_]*_|[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)$|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}[Tt ]"
    r"|[-+]?[0-9]+(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$|=$|<<$"
)


class _Fallback(Exception):
    """Something this path does not handle: use the round-trip loader."""


class LineCol:
    """Line and column (0-based) of a node and of its keys or items, as ruamel's ``lc``."""

    __slots__ = ("line", "col", "data")

    def __init__(self, line: int, col: int) -> None:
        self.line = line
        self.col = col
        self.data: dict[Any, tuple[int, int]] = {}

    def key(self, key: Any) -> tuple[int, int]:
        return self.data[key]

    def item(self, index: int) -> tuple[int, int]:
        return self.data[index]

    value = key


class LineMap(dict[Any, Any]):
    """A mapping that remembers where each key was written."""

    lc: LineCol


class LineSeq(list[Any]):
    """A list that remembers where each item was written."""

    lc: LineCol


def load_fast(text: str) -> Any:
    """The data of ``text``, or ``None`` when the round-trip loader must be used."""
    if _LOADER is None:
        return None
    loader = _LOADER(text)
    try:
        node = loader.get_single_node()
    except Exception:  # any parser error: the round-trip loader words it
        return None
    finally:
        loader.dispose()
    if node is None:
        return None
    try:
        return _build(node, {})
    except (_Fallback, RecursionError, ValueError, OverflowError):
        return None


def _plain(value: str) -> Any:
    """A plain scalar by the YAML 1.2 core schema (decimal numbers and dates only)."""
    if value in _NULL:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    if _OTHER_FORM.match(value):
        raise _Fallback
    if not _NUMERIC.match(value):
        return value
    if _INT.fullmatch(value):
        return int(value)
    if _FLOAT.fullmatch(value):
        return float(value)
    if _DATE.fullmatch(value):
        return datetime.date.fromisoformat(value)
    return value


@lru_cache(maxsize=4096)
def _implicit_tag(value: str) -> str:
    """The tag libyaml's loader gives a plain scalar without an explicit tag."""
    assert _pyyaml is not None
    return str(_pyyaml.resolver.Resolver().resolve(_pyyaml.ScalarNode, value, (True, False)))


def _scalar(node: Any) -> Any:
    if not node.style:
        if node.tag != _implicit_tag(node.value):
            raise _Fallback  # an explicit tag such as !!int or !!python/object
        return _plain(node.value)
    if node.tag != "tag:yaml.org,2002:str":
        raise _Fallback
    return node.value


def _build(node: Any, memo: dict[int, Any]) -> Any:
    known = memo.get(id(node))
    if known is not None:
        return known
    kind = node.id
    if kind == "scalar":
        return _scalar(node)
    if node.tag not in _PLAIN_TAGS:
        raise _Fallback
    mark = node.start_mark
    if kind == "sequence":
        seq = LineSeq()
        seq.lc = LineCol(mark.line, mark.column)
        memo[id(node)] = seq
        for index, item in enumerate(node.value):
            seq.append(_build(item, memo))
            seq.lc.data[index] = (item.start_mark.line, item.start_mark.column)
        return seq
    mapping = LineMap()
    mapping.lc = LineCol(mark.line, mark.column)
    memo[id(node)] = mapping
    for key_node, value_node in node.value:
        if key_node.id != "scalar":
            raise _Fallback
        key = _scalar(key_node)
        if key in mapping or key == "<<":
            raise _Fallback  # duplicate or merge key: the round-trip loader handles it
        mapping[key] = _build(value_node, memo)
        mapping.lc.data[key] = (key_node.start_mark.line, key_node.start_mark.column)
    return mapping
