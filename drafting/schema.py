"""The data file's shape, once: its top-level keys, the unit's fields, the options, the lists.

Everything that reads or writes a data file takes its shape from one :class:`Schema`:
validation (:mod:`drafting.datafile.validate`), the new file (``drafting new``), the
completeness checklist, consolidation, the checks' list of the writer's texts, the
draft's key orders and the editor's forms. The wording (labels, hints, the comments of a
new file) is data in ``phrasebank/tep_du_lieu.yaml``, read through the bank
(``bank.schema``, loaded by :mod:`drafting.bank.schema_file`); this module holds the
types and the limits.

A field may be valid only from or until a report year, or only for some levels of unit
(``hieu_luc``); :meth:`Schema.unit_fields` gives the fields of a year and a level:

>>> from drafting.bank.bank import default_bank
>>> schema = default_bank().schema
>>> [f.key for f in schema.unit_fields(2025)][:3]
['co_quan_chu_quan', 'co_quan_ban_hanh', 'ten']
>>> field = schema.unit_field("ngay")
>>> field.label, field.kind, field.required
('Ngày ban hành (ngày/tháng/năm)', 'ngay', True)
>>> schema.view_label("phong_trao_b")
'Các phong trào do Trung ương phát động'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal, get_args

# -- limits and fixed keys (the format itself, not wording) ---------------------------

MIN_YEAR, MAX_YEAR = 2000, 2100
"""The report years a data file may have."""
MAX_COUNT = 10**9
"""The largest count a figure may hold."""
MAX_MONEY = 10**15
"""The largest amount of money (đồng) a figure may hold."""
MAX_NAME = 1000
"""Characters of a name or title (kind ``dong``): one line, far beyond any real one."""
COMPARED_KEYS = ("ky_nay", "cung_ky", "nguyen_nhan")
"""The keys of a figure compared with the same period (this period, the same period, the cause)."""
CONTENT_KEYS = ("cau", "cach_viet", "van_ban")
"""The keys of an item of ``noi_dung``: a chosen phrase (and its pinned variant) or a paragraph."""

Kind = Literal[
    "chu",
    "dong",
    "so_van_ban",
    "ma_so",
    "ngay",
    "danh_sach",
    "lua_chon",
    "so_nguyen",
    "so_thuc",
    "dung_sai",
    "ma_phong_trao",
]
"""What a field holds: text, one short line (a name, a title, a place: at most
:data:`MAX_NAME` characters), a document number (number or text), a number and symbol,
a date, lines of text, one of ``choices``, a whole number, a decimal, true/false, the
id of a movement the outline names."""
KINDS: tuple[str, ...] = get_args(Kind)
PROSE_KINDS = ("chu", "dong", "danh_sach")
"""Kinds whose values are the writer's prose (spell-checked by ``check``)."""
Value = str | int | float | bool | date | tuple[str, ...] | None
"""A validated field value."""


@dataclass(frozen=True)
class Validity:
    """The report years and unit levels a field or a list applies to (empty: all)."""

    first_year: int | None = None
    last_year: int | None = None
    levels: tuple[str, ...] = ()

    def applies(self, year: int | None = None, level: str | None = None) -> bool:
        """Whether it applies to ``year`` and ``level`` (``None``: not known, so yes)."""
        if year is not None:
            if self.first_year is not None and year < self.first_year:
                return False
            if self.last_year is not None and year > self.last_year:
                return False
        return level is None or not self.levels or level in self.levels

    def describe(self) -> str:
        """Where it applies, in Vietnamese.

        >>> Validity(2025).describe(), Validity(None, 2024).describe()
        ('chỉ dùng cho báo cáo từ năm 2025', 'chỉ dùng cho báo cáo đến năm 2024')
        >>> Validity(2020, 2024, ("tinh",)).describe()
        'chỉ dùng cho báo cáo từ năm 2020 đến năm 2024, đơn vị cấp tinh'
        """
        parts = []
        if self.first_year is not None:
            parts.append(f"từ năm {self.first_year}")
        if self.last_year is not None:
            parts.append(f"đến năm {self.last_year}")
        text = "chỉ dùng cho báo cáo " + " ".join(parts) if parts else "chỉ dùng"
        if self.levels:
            text += (", " if parts else " cho ") + "đơn vị cấp " + ", ".join(self.levels)
        return text


ALWAYS = Validity()


@dataclass(frozen=True)
class FieldSpec:
    """One field of the unit, of the options or of a list's items.

    ``label`` is the editor's label, ``name`` what messages call the field, ``hint`` the
    comment of a new file (a sentence); ``new_value`` what a new file holds (text may use
    ``{{ nam }}``); ``cleared`` whether carrying over to the next year empties it.
    """

    key: str
    label: str
    name: str
    hint: str = ""
    kind: Kind = "chu"
    required: bool = False
    default: Value = None
    new_value: Any = None
    choices: tuple[Any, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    message: str = ""
    validity: Validity = ALWAYS
    cleared: bool = False

    @property
    def prose(self) -> bool:
        """Whether the value is the writer's prose (spell-checked)."""
        return self.kind in PROSE_KINDS


@dataclass(frozen=True)
class ListPart:
    """A part of a list the outline places in a section (``van_ban_quan_triet``)."""

    name: str
    value: str
    label: str


@dataclass(frozen=True)
class ListSpec:
    """A list of the data file (``van_ban``, ``phong_trao``): its items' fields and parts."""

    key: str
    label: str
    item_name: str
    fields: tuple[FieldSpec, ...]
    split: str = ""
    parts: tuple[ListPart, ...] = ()
    example: str = ""
    item_comment: str = ""
    validity: Validity = ALWAYS

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.fields)

    def field(self, key: str) -> FieldSpec:
        return _find(self.fields, key)

    @property
    def reference(self) -> FieldSpec | None:
        """The field naming a movement of the outline (whose group is then the item's part)."""
        return next((f for f in self.fields if f.kind == "ma_phong_trao"), None)

    @property
    def views(self) -> tuple[str, ...]:
        """The names the outline uses for the list: its parts, or the list's own key."""
        return tuple(p.name for p in self.parts) or (self.key,)

    def part(self, name: str) -> ListPart | None:
        return next((p for p in self.parts if p.name == name), None)

    def view_of(self, split_value: str) -> str:
        """The view (part name) of an item whose split field holds ``split_value``."""
        return next((p.name for p in self.parts if p.value == split_value), self.key)

    def item_view(self, item: Mapping[str, object], groups: Mapping[str, str]) -> str | None:
        """The view an item of the list belongs to (``None``: not known, the item is wrong).

        ``groups`` maps the ids of the outline's movements to their group: an item naming
        one belongs to that group's part.
        """
        if not self.parts:
            return self.key
        reference = self.reference
        if reference is not None and item.get(reference.key):
            group = groups.get(str(item.get(reference.key)))
            return None if group is None else self.view_of(group)
        value = item.get(self.split)
        if value in (None, ""):
            value = self.field(self.split).default
        return next((p.name for p in self.parts if p.value == str(value)), None)


@dataclass(frozen=True)
class TopKey:
    """A top-level key: its comment in a new file and what carrying over does with it."""

    key: str
    label: str
    comment: str = ""
    in_new_file: Literal["ghi", "chu_thich", "khong"] = "ghi"
    carry: Literal["giu", "bo", "xoa"] = "giu"


@dataclass(frozen=True)
class Schema:
    """The whole data file's shape (see the module docstring)."""

    intro: str
    top: tuple[TopKey, ...]
    unit: tuple[FieldSpec, ...]
    options: tuple[FieldSpec, ...]
    lists: tuple[ListSpec, ...]

    @property
    def top_keys(self) -> tuple[str, ...]:
        """Every top-level key, in the order of a data file."""
        return tuple(t.key for t in self.top)

    def top_key(self, key: str) -> TopKey:
        return next(t for t in self.top if t.key == key)

    def unit_fields(self, year: int | None = None, level: str | None = None) -> tuple[FieldSpec, ...]:
        """The fields of ``don_vi`` for a report year and a unit level (``None``: any)."""
        return tuple(f for f in self.unit if f.validity.applies(year, level))

    def unit_field(self, key: str) -> FieldSpec:
        return _find(self.unit, key)

    def option_fields(self, year: int | None = None, level: str | None = None) -> tuple[FieldSpec, ...]:
        """The fields of ``tuy_chon`` for a report year and a unit level."""
        return tuple(f for f in self.options if f.validity.applies(year, level))

    def list_spec(self, key: str) -> ListSpec:
        for spec in self.lists:
            if spec.key == key:
                return spec
        raise KeyError(key)

    def list_specs(self, year: int | None = None, level: str | None = None) -> tuple[ListSpec, ...]:
        return tuple(s for s in self.lists if s.validity.applies(year, level))

    @property
    def view_names(self) -> tuple[str, ...]:
        """Every name the outline may use in a section's ``danh_sach``."""
        return tuple(v for spec in self.lists for v in spec.views)

    def view(self, name: str) -> tuple[ListSpec, ListPart | None]:
        """The list a view name belongs to, and its part (``None``: the whole list)."""
        for spec in self.lists:
            if name == spec.key:
                return spec, None
            part = spec.part(name)
            if part is not None:
                return spec, part
        raise KeyError(name)

    def view_label(self, name: str) -> str:
        """The title of a view (a list or one of its parts) in the editor."""
        spec, part = self.view(name)
        return part.label if part is not None else spec.label


def _find(fields: Iterable[FieldSpec], key: str) -> FieldSpec:
    for spec in fields:
        if spec.key == key:
            return spec
    raise KeyError(key)


__all__ = [
    "COMPARED_KEYS",
    "CONTENT_KEYS",
    "MAX_COUNT",
    "MAX_MONEY",
    "MAX_NAME",
    "MAX_YEAR",
    "MIN_YEAR",
    "FieldSpec",
    "Kind",
    "ListPart",
    "ListSpec",
    "Schema",
    "TopKey",
    "Validity",
    "Value",
]
