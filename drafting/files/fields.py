"""Typed reading of YAML nodes that collects located problems instead of raising.

Every loader (catalogue, outline, data file, phrase bank) reads its mapping through a
:class:`FieldReader`, so a problem always names the file, the line and the key path,
and every problem of a file is reported at once.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping, Set
from typing import Any

from drafting.errors import Problem
from drafting.files.yamlio import BadScalar, line_of


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A Vietnamese "did you mean" suffix, or "".

    >>> did_you_mean("thu_li", ["thu_ly", "giai_quyet"])
    ' (có phải “thu_ly”?)'
    >>> did_you_mean("zzz", ["thu_ly"])
    ''
    """
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (có phải “{close[0]}”?)" if close else ""


def type_name(value: Any) -> str:
    """The Vietnamese name of a YAML value's type, for messages."""
    if value is None:
        return "giá trị rỗng"
    if isinstance(value, bool):
        return "giá trị đúng/sai"
    if isinstance(value, int):
        return "số nguyên"
    if isinstance(value, float):
        return "số thập phân"
    if isinstance(value, str):
        return "văn bản"
    if isinstance(value, Mapping):
        return "bảng khóa (mapping)"
    if isinstance(value, list | tuple):
        return "danh sách"
    if isinstance(value, bytes):
        return "dữ liệu nhị phân (!!binary)"
    if isinstance(value, Set):
        return "tập hợp (!!set)"
    return type(value).__name__


def _child(node: Any, key: str | int) -> Any:
    try:
        return node[key]
    except (KeyError, IndexError, TypeError):
        return None


def join_path(base: str, key: str | int) -> str:
    """Key path notation: ``so_lieu.an_hinh_su`` and ``van_ban[2]``."""
    if isinstance(key, int):
        return f"{base}[{key}]"
    return f"{base}.{key}" if base else str(key)


class FieldReader:
    """Collects problems while reading one file."""

    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.problems: list[Problem] = []
        self.phrase_id = ""

    def problem(self, node: Any, key: str | int | None, path: str, message: str, phrase_id: str = "") -> None:
        """Record a problem at ``key`` of ``node`` (``path`` is the key path).

        A value the YAML parser could not construct (:class:`~drafting.files.yamlio.BadScalar`)
        has its own problem already: nothing more is said about it.
        """
        if key is not None and isinstance(_child(node, key), BadScalar):
            return
        self.problems.append(
            Problem(self.filename, line_of(node, key), path, message, phrase_id=phrase_id or self.phrase_id)
        )

    def mapping(self, parent: Any, key: str | int | None, value: Any, path: str) -> Mapping[str, Any] | None:
        """``value`` if it is a mapping, else record a problem and return ``None``."""
        if isinstance(value, Mapping):
            return value
        self.problem(parent, key, path, f"phải là bảng khóa (mapping), không phải {type_name(value)}")
        return None

    def sequence(self, parent: Any, key: str | int | None, value: Any, path: str) -> list[Any] | None:
        """``value`` if it is a list (a tuple of data built in memory: as a list), else record
        a problem and return ``None``."""
        if isinstance(value, list):
            return value
        if isinstance(value, tuple):
            return list(value)
        self.problem(parent, key, path, f"phải là danh sách, không phải {type_name(value)}")
        return None

    def text(self, node: Mapping[str, Any], key: str, path: str, required: bool = True, default: str = "") -> str:
        """A text field of ``node``; numbers are accepted and turned into text."""
        full = join_path(path, key)
        if key not in node or node[key] is None:
            if required:
                self.problem(node, None, full, "thiếu thông tin bắt buộc")
            return default
        value = node[key]
        if isinstance(value, (bool, Mapping, list, bytes, Set)):
            self.problem(node, key, full, f"phải là văn bản, không phải {type_name(value)}")
            return default
        return str(value).strip()

    def flag(self, node: Mapping[str, Any], key: str, path: str, default: bool = False) -> bool:
        """A true/false field."""
        if key not in node or node[key] is None:
            return default
        value = node[key]
        if not isinstance(value, bool):
            self.problem(node, key, join_path(path, key), f"phải là true hoặc false, không phải {type_name(value)}")
            return default
        return value

    def text_list(self, node: Mapping[str, Any], key: str, path: str) -> tuple[str, ...]:
        """A field holding one text or a list of texts."""
        if key not in node or node[key] is None:
            return ()
        value = node[key]
        if isinstance(value, str):
            return (value.strip(),)
        items = self.sequence(node, key, value, join_path(path, key))
        if items is None:
            return ()
        out: list[str] = []
        for index, item in enumerate(items):
            if isinstance(item, (str, int)) and not isinstance(item, bool):
                out.append(str(item).strip())
            else:
                self.problem(
                    value,
                    index,
                    join_path(join_path(path, key), index),
                    f"phải là văn bản, không phải {type_name(item)}",
                )
        return tuple(out)

    def unknown_keys(self, node: Mapping[str, Any], allowed: Iterable[str], path: str) -> None:
        """Record every key of ``node`` that is not in ``allowed``, with "did you mean"."""
        allowed = list(allowed)
        for key in node:
            if str(key) not in allowed:
                self.problem(
                    node,
                    key,
                    join_path(path, str(key)),
                    "khóa không hợp lệ" + did_you_mean(str(key), allowed),
                )
