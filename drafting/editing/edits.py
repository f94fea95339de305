"""Edits of a data file's round-trip document, in the data file's vocabulary.

Each editor changes one part of the document — the figures, the unit and the year (here),
the lists (:mod:`drafting.editing.lists`), the sections' phrases and paragraphs
(:mod:`drafting.editing.content`) — through the comment-keeping edits of
:mod:`drafting.files.roundtrip`, puts new keys where the schema orders them, checks typed
input first (a :class:`ValueError` in Vietnamese leaves the document unchanged) and
records every change in its session.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Literal, TypeVar, cast

from drafting.bank.bank import Bank
from drafting.bank.catalogue import Catalogue, Figure
from drafting.bank.outline import Outline
from drafting.datafile.reader import nfc
from drafting.editing.inputs import format_date_input, format_int, parse_count, parse_field
from drafting.editing.session import Session
from drafting.files.roundtrip import block_seq, insert_ordered, item_tail, put_tail, take_tail
from drafting.report import Value
from drafting.schema import COMPARED_KEYS, MAX_COUNT, MAX_MONEY, MAX_YEAR, MIN_YEAR, Schema

if TYPE_CHECKING:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

N = TypeVar("N")

Part = Literal["", "ky_nay", "cung_ky", "nguyen_nhan"]
"""Which value of a figure: this period, the same period, the cause; ``""`` for a figure not compared."""


def same(old: object, new: object) -> bool:
    """Whether a new value equals what the document holds (so that nothing changes)."""
    if old is None or new is None:
        return old is None and new is None
    if isinstance(old, str) or isinstance(new, str):
        return isinstance(old, str) and isinstance(new, str) and str(old) == str(new)
    return bool(old == new) and type(old) is type(new)


def scalar_text(text: str, old: object = None) -> str:
    """Text for the YAML document: multi-line text as a literal block, and a folded block
    stays folded."""
    from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

    if "\n" in text:
        return cast(str, LiteralScalarString(text))
    if isinstance(old, FoldedScalarString):
        return cast(str, FoldedScalarString(text))
    return text


def yaml_value(value: Value, old: object = None) -> object:
    """A typed value as the round-trip document holds it (text keeps its block style)."""
    from ruamel.yaml.comments import CommentedSeq

    if isinstance(value, str):
        return scalar_text(value, old)
    if isinstance(value, tuple):
        return CommentedSeq(value)
    return value


class Editor:
    """What every editor shares: the session whose document it edits, the bank, and the
    lookups of nodes that may be missing (created where the order wants them) or broken
    (refused: the writer repairs the file by hand)."""

    def __init__(self, session: Session, bank: Bank) -> None:
        self._session = session
        self._bank = bank

    @property
    def doc(self) -> CommentedMap:
        return self._session.doc

    @property
    def schema(self) -> Schema:
        return self._bank.schema

    @property
    def catalogue(self) -> Catalogue:
        return self._bank.catalogue

    @property
    def outline(self) -> Outline:
        return self._bank.outline

    def changed(self) -> None:
        self._session.changed()

    def map(self, parent: CommentedMap, key: str, order: Sequence[str], what: str) -> CommentedMap:
        """The mapping under ``parent[key]``, created where ``order`` puts it if missing."""
        from ruamel.yaml.comments import CommentedMap

        return self._child(parent, key, order, what, CommentedMap, "bảng khóa")

    def seq(self, parent: CommentedMap, key: str, order: Sequence[str], what: str) -> CommentedSeq:
        """The list under ``parent[key]``, created where ``order`` puts it if missing."""
        from ruamel.yaml.comments import CommentedSeq

        return block_seq(self._child(parent, key, order, what, CommentedSeq, "danh sách"))

    @staticmethod
    def _child(parent: CommentedMap, key: str, order: Sequence[str], what: str, kind: type[N], noun: str) -> N:
        node = parent.get(key)
        if node is None:
            node = kind()
            insert_ordered(parent, key, node, order)
        if not isinstance(node, kind):
            raise ValueError(f"không sửa được: “{what}” trong tệp không phải {noun}; hãy sửa tệp bằng tay")
        return node

    def top_seq(self, key: str) -> CommentedSeq:
        return self.seq(self.doc, key, self.schema.top_keys, key)

    @staticmethod
    def row(items: object, index: int, what: str) -> CommentedMap:
        """Item ``index`` of a list of mappings (refused when it is not one)."""
        from ruamel.yaml.comments import CommentedMap

        if not isinstance(items, list) or not 0 <= index < len(items):
            raise IndexError(f"{what}[{index}]")
        node = items[index]
        if not isinstance(node, CommentedMap):
            raise ValueError(f"không sửa được: {what}[{index}] không phải bảng khóa; hãy sửa tệp bằng tay")
        return node


class FigureEdits(Editor):
    """The figures (``so_lieu``): this period, the same period and the cause of each."""

    def _figure(self, figure_id: str) -> Figure:
        figure = self.catalogue.figures.get(figure_id)
        if figure is None:
            raise KeyError(figure_id)
        if not figure.entered:
            raise ValueError("tỷ lệ được tính tự động từ các số liệu, không nhập trực tiếp")
        return figure

    def value(self, figure_id: str, part: Part = "") -> object:
        """The raw value in the document (``None`` if absent)."""
        figure = self._figure(figure_id)
        groups = self.doc.get("so_lieu")
        group = groups.get(figure.group) if isinstance(groups, Mapping) else None
        node = group.get(figure.key) if isinstance(group, Mapping) else None
        if figure.compared:
            return node.get(part or "ky_nay") if isinstance(node, Mapping) else None
        return None if isinstance(node, Mapping) else node

    def text(self, figure_id: str, part: Part = "") -> str:
        """The value as the editor shows it: "1.234", a cause, or the raw text."""
        value = self.value(figure_id, part)
        if value is None:
            return ""
        if isinstance(value, int) and not isinstance(value, bool):
            return format_int(value)
        return str(value)

    def set(self, figure_id: str, part: Part, value: int | str | None) -> bool:
        """Set a figure: ``part`` is ``ky_nay``/``cung_ky``/``nguyen_nhan`` for a compared
        figure, ``""`` for a plain one. Returns whether the document changed."""
        from ruamel.yaml.comments import CommentedMap

        figure = self._figure(figure_id)
        if figure.compared and part not in COMPARED_KEYS:
            raise ValueError(f"chỉ số {figure_id} so sánh với cùng kỳ: chọn ky_nay, cung_ky hoặc nguyen_nhan")
        if not figure.compared and part:
            raise ValueError(f"chỉ số {figure_id} không so sánh với cùng kỳ: chỉ có một giá trị")
        if part == "nguyen_nhan":
            if value is not None and not isinstance(value, str):
                raise TypeError("nguyên nhân là văn bản")
            value = nfc(value or "")
        elif value is not None and (isinstance(value, bool) or not isinstance(value, int)):
            raise TypeError("số liệu là số nguyên")
        elif isinstance(value, int):
            limit = MAX_MONEY if figure.kind == "tien" else MAX_COUNT
            if not 0 <= value <= limit:
                raise ValueError("số liệu phải từ 0 đến " + format_int(limit))
        if same(self.value(figure_id, part), value):
            return False
        group_order = [g.id for g in self.catalogue.groups]
        groups = self.map(self.doc, "so_lieu", self.schema.top_keys, "so_lieu")
        group = self.map(groups, figure.group, group_order, f"so_lieu.{figure.group}")
        figure_order = [f.key for f in self.catalogue.group(figure.group).figures]
        if figure.compared:
            node = group.get(figure.key)
            if not isinstance(node, CommentedMap):
                node = CommentedMap()
                insert_ordered(group, figure.key, node, figure_order)
            if value in (None, "") and part not in node:
                return False
            insert_ordered(node, part, value, COMPARED_KEYS)
        else:
            insert_ordered(group, figure.key, value, figure_order)
        self.changed()
        return True

    def set_text(self, figure_id: str, part: Part, text: str) -> bool:
        """Set a figure from typed text ("1.234"; a cause as is). Raises
        :class:`ValueError` (Vietnamese) for invalid numbers, leaving the document unchanged."""
        figure = self._figure(figure_id)
        if part == "nguyen_nhan":
            return self.set(figure_id, part, text)
        return self.set(figure_id, part, parse_count(text, money=figure.kind == "tien"))


class UnitEdits(Editor):
    """The unit and signature (``don_vi``, by the schema's fields) and the report year."""

    def _order(self) -> list[str]:
        return [f.key for f in self.schema.unit]

    def text(self, key: str) -> str:
        """A field of ``don_vi`` as the editor shows it (a date as 06/05/2024)."""
        unit = self.doc.get("don_vi")
        value = unit.get(key) if isinstance(unit, Mapping) else None
        if self.schema.unit_field(key).kind == "ngay":
            return format_date_input(value)
        return "" if value is None else str(value)

    def set_text(self, key: str, text: str) -> bool:
        """Set a field of ``don_vi`` from typed text (``ngay`` typed as 06/5/2024); raises
        :class:`KeyError` for a key the schema does not have, :class:`ValueError` for invalid text."""
        spec = self.schema.unit_field(key)
        if spec.kind == "danh_sach":
            raise KeyError(key)
        value = parse_field(spec, text)
        unit = self.map(self.doc, "don_vi", self.schema.top_keys, "don_vi")
        if same(unit.get(key), value) or (value is None and key not in unit):
            return False
        insert_ordered(unit, key, yaml_value(value, unit.get(key)), self._order())
        self.changed()
        return True

    def recipients(self) -> list[str]:
        unit = self.doc.get("don_vi")
        value = unit.get("noi_nhan") if isinstance(unit, Mapping) else None
        return [str(x) for x in value] if isinstance(value, list) else []

    def set_recipients(self, lines: Sequence[str]) -> bool:
        from ruamel.yaml.comments import CommentedSeq

        cleaned = [x for x in (nfc(line).lstrip("-–• ").strip() for line in lines) if x]
        if cleaned == self.recipients():
            return False
        unit = self.map(self.doc, "don_vi", self.schema.top_keys, "don_vi")
        seq = unit.get("noi_nhan")
        if isinstance(seq, CommentedSeq):
            tail = take_tail(item_tail(seq, len(seq) - 1)) if seq else ""
            del seq[:]
            seq.extend(cleaned)
            if seq:
                put_tail(item_tail(seq, len(seq) - 1), tail)
        else:
            insert_ordered(unit, "noi_nhan", CommentedSeq(cleaned), self._order())
        self.changed()
        return True

    def set_year(self, text: str) -> bool:
        """Set the report year from typed text."""
        value = parse_count(text)
        if value is None or not MIN_YEAR <= value <= MAX_YEAR:
            raise ValueError(f"năm báo cáo phải từ {MIN_YEAR} đến {MAX_YEAR}")
        if self.doc.get("nam") == value:
            return False
        insert_ordered(self.doc, "nam", value, self.schema.top_keys)
        self.changed()
        return True
