"""Where every key of a data file is: the location map validation builds once.

:func:`locate` walks the parsed document once and records the line of every key and
list item by its key path (``so_lieu.an_hinh_su.thu_ly.ky_nay``, ``van_ban[2]``), and
every value the parser could not construct (:class:`~drafting.files.yamlio.BadScalar`)
as a problem. The checks read lines from the :class:`~drafting.report.Locations` of the
validated report, never from the live YAML document.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from drafting.errors import Problem
from drafting.files.fields import join_path
from drafting.files.yamlio import BadScalar, line_of


def locate(data: Any, filename: str) -> tuple[dict[str, int], list[Problem]]:
    """The line of every key path of ``data`` (none for data without lines, such as a
    plain ``dict``), and the problems of its unconstructable values.

    >>> from drafting.files.yamlio import parse_yaml
    >>> data = parse_yaml("nam: 2024\\nvan_ban:\\n  - {so: 1, ngay: 2024-02-30}\\n", "x", keep_bad=True)
    >>> lines, bad = locate(data, "x")
    >>> lines["van_ban[0].so"], [str(p) for p in bad]  # doctest: +ELLIPSIS
    (3, ['x:3: van_ban[0].ngay: ngày “2024-02-30” không có thật; viết dạng NĂM-THÁNG-NGÀY, ...'])
    """
    lines: dict[str, int] = {}
    problems: list[Problem] = []
    seen: set[int] = set()  # an aliased node is walked once
    stack: list[tuple[str, Any]] = [("", data)]
    while stack:
        path, node = stack.pop()
        if not isinstance(node, Mapping | list) or id(node) in seen:
            continue
        seen.add(id(node))
        pairs = node.items() if isinstance(node, Mapping) else enumerate(node)
        for key, value in pairs:
            child = join_path(path, key if isinstance(key, int) and isinstance(node, list) else str(key))
            line = line_of(node, key)
            if line is not None:
                lines[child] = line
            if isinstance(value, BadScalar):
                problems.append(Problem(filename, value.line, child, value.message))
            stack.append((child, value))
    return lines, problems
