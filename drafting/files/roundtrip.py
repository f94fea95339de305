"""Edits of a round-trip YAML document that keep the writer's comments where they are.

ruamel keeps the comments between two keys at the end of the value before them: the
block comment before ``phong_trao:`` is held by the last key of the last ``van_ban``
row. When an item is inserted, removed or moved, :func:`insert_at` and :func:`delete_at`
move that comment so that it stays where the writer put it; :func:`insert_ordered` puts
a new key where an order (the schema's) wants it. The editor's draft and the data file
migrations edit documents through these.
"""

from __future__ import annotations

from collections.abc import MutableMapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ruamel.yaml.comments import CommentedSeq


def insert_ordered(node: MutableMapping[str, Any], key: str, value: Any, order: Sequence[str]) -> None:
    """Set ``node[key]``; a new key goes where ``order`` puts it among the existing keys
    (in a plain mapping, which has no comments and whose order nobody reads: at the end)."""
    from ruamel.yaml.comments import CommentedMap

    if key in node or not isinstance(node, CommentedMap):
        node[key] = value
        return
    rank = {k: i for i, k in enumerate(order)}
    mine = rank.get(key, len(order))
    position = len(node)
    for i, existing in enumerate(node):
        if rank.get(str(existing), len(order)) > mine:
            position = i
            break
    insert_at(node, position, value, key)


def block_seq(node: Any) -> CommentedSeq:
    from ruamel.yaml.comments import CommentedSeq

    if isinstance(node, CommentedSeq) and not node:
        node.fa.set_block_style()
    return node  # type: ignore[no-any-return]


_Holder = tuple[Any, Any, int]


def tail_holder(node: Any) -> _Holder | None:
    """Where the comment after the last line of ``node`` is kept: (container, key, slot)."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(node, (CommentedMap, CommentedSeq)) and node.fa.flow_style():
        return None
    if isinstance(node, CommentedMap) and node:
        key = list(node.keys())[-1]
        inner = tail_holder(node[key])
        return inner if inner is not None else (node, key, 2)
    if isinstance(node, CommentedSeq) and node:
        index = len(node) - 1
        inner = tail_holder(node[index])
        return inner if inner is not None else (node, index, 0)
    return None


def take_tail(holder: _Holder | None) -> str:
    """Detach the lines after the end of line of a holder's comment; return them."""
    if holder is None:
        return ""
    container, key, slot = holder
    entry = container.ca.items.get(key)
    if not entry or len(entry) <= slot or entry[slot] is None:
        return ""
    token = entry[slot]
    value = str(token.value)
    head, newline, rest = value.partition("\n")
    if not newline or not rest:
        return ""
    if head.strip():
        token.value = head + "\n"
    else:
        entry[slot] = None
    return rest


def put_tail(holder: _Holder | None, text: str) -> None:
    if holder is None or not text:
        return
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    container, key, slot = holder
    entry = container.ca.items.setdefault(key, [None, None, None, None] if slot == 2 else [None, None])
    while len(entry) <= slot:
        entry.append(None)
    token = entry[slot]
    if token is None:
        entry[slot] = CommentToken("\n" + text, CommentMark(0), None)
    else:
        value = token.value
        token.value = (value if value.endswith("\n") else value + "\n") + text


def item_tail(container: Any, index: int) -> _Holder | None:
    """The holder of the comment after item ``index`` of a mapping or a list."""
    from ruamel.yaml.comments import CommentedMap

    if isinstance(container, CommentedMap):
        key = list(container.keys())[index]
        return tail_holder(container[key]) or (container, key, 2)
    return tail_holder(container[index]) or (container, index, 0)


def insert_at(container: Any, index: int, value: Any, key: Any = None) -> None:
    """Insert an item at ``index``; the comment after the previous item (which introduces
    what follows it) moves after the new item."""
    from ruamel.yaml.comments import CommentedMap

    tail = take_tail(item_tail(container, index - 1)) if index > 0 else ""
    if isinstance(container, CommentedMap):
        container.insert(index, key, value)
    else:
        container.insert(index, value)
    put_tail(item_tail(container, index), tail)


def delete_at(container: Any, index: int) -> None:
    """Delete an item; the comment after it moves after the previous item."""
    from ruamel.yaml.comments import CommentedMap

    tail = take_tail(item_tail(container, index))
    key = list(container.keys())[index] if isinstance(container, CommentedMap) else index
    del container[key]
    if index > 0:
        put_tail(item_tail(container, index - 1), tail)
