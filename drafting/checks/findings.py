"""What ``check`` reports: located findings, and the outline sections of data file keys.

A :class:`Finding` is one problem, warning or missing item, with its place: the data
file, the line, the key path and the outline section it belongs to. The lines come from
the validated report's :class:`~drafting.report.Locations`; the helpers here find the
outline section a key path belongs to.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from drafting.bank.bank import Bank
from drafting.bank.outline import Outline
from drafting.errors import Problem, one_line
from drafting.report import Locations
from drafting.schema import Schema


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


def section_of(key: str, bank: Bank, locations: Locations | None = None) -> str:
    """The outline section a data file key path belongs to ("" when none).

    >>> from drafting.bank.bank import default_bank
    >>> bank = default_bank()
    >>> section_of("so_lieu.an_hinh_su.thu_ly.ky_nay", bank)
    'II.3'
    >>> section_of("noi_dung.III.1[0].van_ban", bank)
    'III.1'
    >>> section_of("van_ban[0].ngay", bank)
    'II.1'
    """
    catalogue, outline, schema = bank.catalogue, bank.outline, bank.schema
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
    if head not in {spec.key for spec in schema.lists}:
        return ""
    item = key.split("]", 1)[0] + "]" if key.startswith(head + "[") else ""
    view = locations.views.get(item) if locations is not None and item else None
    return list_section(head, view, outline, schema)


def list_section(list_key: str, view: str | None, outline: Outline, schema: Schema) -> str:
    """The section showing a part of a list (``view``; ``None``: not known): that part's
    section, or the one section all the list's parts are shown in ("" if none)."""
    spec = schema.list_spec(list_key)
    sections = {outline.list_section(v) for v in ([view] if view else spec.views)}
    return sections.pop() if len(sections) == 1 else ""
