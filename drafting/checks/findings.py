"""What ``check`` reports: located findings, and the places of data file keys.

A :class:`Finding` is one problem, warning or missing item, with its place: the data
file, the line, the key path and the outline section it belongs to. The helpers here
find the line of a key path in the round-trip YAML a report was validated from, and
the outline section a key path belongs to.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from drafting.bank.catalogue import Catalogue
from drafting.bank.outline import Outline
from drafting.errors import Problem, one_line
from drafting.files.yamlio import line_of

LIST_SECTIONS = {"van_ban": "II.1"}
MOVEMENT_SECTIONS = {"a": "II.2.a", "b": "II.2.b"}


@dataclass(frozen=True)
class Finding:
    """One located finding of ``check``.

    >>> str(Finding("bc.yaml", 12, "so_lieu.an_hinh_su.thu_ly", "II.3", "chưa nhập nguyên nhân"))
    'bc.yaml:12: so_lieu.an_hinh_su.thu_ly: chưa nhập nguyên nhân [mục II.3]'
    """

    file: str
    line: int | None
    key: str
    section: str
    message: str

    def __str__(self) -> str:
        place = self.file or "<không rõ tệp>"
        if self.line:
            place += f":{self.line}"
        text = f"{place}: {self.key}: {self.message}" if self.key else f"{place}: {self.message}"
        if self.section == "don_vi":
            text += " [thông tin đơn vị]"
        elif self.section:
            text += f" [mục {self.section}]"
        return one_line(text)

    def as_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "line": self.line,
            "key": self.key,
            "section": self.section,
            "message": self.message,
        }

    @property
    def sort_key(self) -> tuple[str, int, str, str]:
        return (self.file, self.line or 0, self.key, self.message)


def from_problem(problem: Problem, section: str = "") -> Finding:
    """A finding from a loader's :class:`Problem`."""
    message = f"[{problem.phrase_id}] {problem.message}" if problem.phrase_id else problem.message
    return Finding(problem.file, problem.line, problem.key, section, message)


def key_path(*parts: str | int) -> str:
    """``so_lieu.an_hinh_su.thu_ly`` and ``van_ban[2].trich_yeu``.

    >>> key_path("phong_trao", 3, "ket_qua")
    'phong_trao[3].ket_qua'
    """
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out = f"{out}.{part}" if out else part
    return out


def line_at(raw: Any, *parts: str | int) -> int | None:
    """The line of the deepest key of ``parts`` found in round-trip data ``raw``.

    The line of the last key that exists is returned, so a missing ``ky_nay`` is
    placed at its figure, and a missing figure at its group.
    """
    node = raw
    best: int | None = None
    for part in parts:
        if isinstance(part, int):
            if not isinstance(node, Sequence) or isinstance(node, str) or not 0 <= part < len(node):
                return best
        elif not isinstance(node, Mapping) or part not in node:
            return best
        best = line_of(node, part) or best
        node = node[part]
    return best


def section_of(key: str, catalogue: Catalogue, outline: Outline, raw: Any = None) -> str:
    """The outline section a data file key path belongs to ("" when none).

    >>> from drafting.bank.bank import default_bank
    >>> bank = default_bank()
    >>> section_of("so_lieu.an_hinh_su.thu_ly.ky_nay", bank.catalogue, bank.outline)
    'II.3'
    >>> section_of("noi_dung.III.1[0].van_ban", bank.catalogue, bank.outline)
    'III.1'
    """
    head, _, rest = key.partition(".")
    head = head.split("[", 1)[0]
    if head == "so_lieu" and rest:
        try:
            return catalogue.group(rest.split(".", 1)[0]).section
        except KeyError:
            return ""
    if head == "noi_dung" and rest:
        best = ""
        for sid in outline.ids:
            if (rest == sid or rest.startswith((sid + "[", sid + "."))) and len(sid) > len(best):
                best = sid
        return best
    if head in LIST_SECTIONS:
        return LIST_SECTIONS[head]
    if head == "phong_trao" and key.startswith("phong_trao[") and isinstance(raw, Mapping):
        index = key[len("phong_trao[") :].split("]", 1)[0]
        items = raw.get("phong_trao")
        if index.isdigit() and isinstance(items, list) and int(index) < len(items):
            item = items[int(index)]
            if isinstance(item, Mapping):
                return movement_section(item, outline)
    return ""


def movement_section(item: Mapping[str, Any], outline: Outline) -> str:
    """The section (II.2.a or II.2.b) of a ``phong_trao`` item of the data file."""
    mid = str(item.get("id") or "")
    if mid:
        for movement in outline.movements:
            if movement.id == mid:
                return MOVEMENT_SECTIONS.get(movement.group, "")
        return ""
    return MOVEMENT_SECTIONS.get(str(item.get("nhom") or "a"), "")
