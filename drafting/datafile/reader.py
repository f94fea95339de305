"""Reading the values of a data file by the schema's kinds, collecting located problems.

:class:`DataReader` is the :class:`~drafting.files.fields.FieldReader` of data files: it
reads figures (counts and money within the limits), dates, the writer's texts, and any
field the schema (:mod:`drafting.schema`) describes, by its kind.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable, Mapping
from datetime import date
from typing import Any

from drafting.files.fields import FieldReader, did_you_mean, join_path, type_name
from drafting.report import Value
from drafting.schema import MAX_COUNT, MAX_MONEY, MAX_NAME, FieldSpec


def nfc(text: str) -> str:
    """Unicode NFC of a writer's text, stripped."""
    return unicodedata.normalize("NFC", text).strip()


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class DataReader(FieldReader):
    """Collects the problems of one data file while reading its values, and what checks
    need afterwards: the writer's prose as typed (:attr:`texts`, key path → text) and the
    outline part of each list item (:attr:`views`)."""

    def __init__(self, filename: str) -> None:
        super().__init__(filename)
        self.texts: dict[str, str] = {}
        self.views: dict[str, str] = {}

    def typed(self, value: Any, path: str) -> None:
        """Record a text the writer typed (as typed: before normalisation)."""
        if isinstance(value, str) and value.strip():
            self.texts[path] = value

    def top_mapping(self, data: Mapping[str, Any], key: str) -> Mapping[str, Any] | None:
        """The mapping under a top-level key: ``None`` when it is absent or (reported) not a mapping."""
        node = data.get(key)
        return None if node is None else self.mapping(data, key, node, key)

    def top_sequence(self, data: Mapping[str, Any], key: str) -> list[Any]:
        """The list under a top-level key: empty when it is absent or (reported) not a list."""
        node = data.get(key)
        return [] if node is None else self.sequence(data, key, node, key) or []

    def count(self, node: Any, key: str | int, path: str, money: bool = False) -> int | None:
        value = node[key]
        if value is None:
            return None
        what = "số tiền" if money else "số liệu"
        if isinstance(value, bool):
            self.problem(node, key, path, f"{what} phải là số, không phải {type_name(value)}")
            return None
        if isinstance(value, float):
            if value != value or value in (float("inf"), float("-inf")):
                self.problem(node, key, path, f"{what} phải là số hữu hạn")
            elif value.is_integer():
                return self._bounded(node, key, path, int(value), money)
            else:
                self.problem(
                    node,
                    key,
                    path,
                    f"{what} phải là số nguyên, không phải số thập phân {value} "
                    "(viết số không có dấu phân cách hàng nghìn, ví dụ 1234)",
                )
            return None
        if isinstance(value, int):
            return self._bounded(node, key, path, value, money)
        if isinstance(value, str):
            hint = ""
            digits = value.replace(".", "").replace(",", "").replace(" ", "")
            if digits.isdigit():
                hint = f" (viết {digits}, không dùng dấu chấm, dấu phẩy hay ngoặc kép)"
            self.problem(node, key, path, f"{what} phải là số, không phải văn bản “{value[:40]}”{hint}")
            return None
        self.problem(node, key, path, f"{what} phải là số, không phải {type_name(value)}")
        return None

    def _bounded(self, node: Any, key: str | int, path: str, value: int, money: bool) -> int | None:
        # A negative count is not a number of anything; a negative amount of money is
        # left to the consistency rules (phrasebank/quy_tac.yaml, "khong_am").
        if value < 0 and not money:
            self.problem(node, key, path, f"không được âm ({value})")
            return None
        limit = MAX_MONEY if money else MAX_COUNT
        if abs(value) > limit:
            self.problem(node, key, path, f"giá trị quá lớn ({value})")
            return None
        return value

    def date_field(self, node: Mapping[str, Any], key: str, path: str) -> date | None:
        """A date: a YAML date, or text written NĂM-THÁNG-NGÀY (a date in quotes, or given
        as a string in a mapping built in memory)."""
        if key not in node or node[key] is None:
            return None
        value = node[key]
        if isinstance(value, date):
            return value
        text = str(value).strip()
        if isinstance(value, str) and _ISO_DATE.fullmatch(text):
            try:
                return date.fromisoformat(text)
            except ValueError:
                message = f"ngày “{text}” không có thật; viết dạng NĂM-THÁNG-NGÀY, ví dụ 2024-12-05"
        else:
            message = f"ngày phải viết dạng NĂM-THÁNG-NGÀY (ví dụ 2024-12-05), không phải “{text[:30]}”"
        self.problem(node, key, join_path(path, key), message)
        return None

    def writer_text(self, node: Mapping[str, Any], key: str, path: str, prose: bool = True) -> str:
        """A text the writer typed, normalised (NFC, stripped); ``prose`` records it as typed."""
        if prose:
            self.typed(node.get(key), join_path(path, key))
        return nfc(self.text(node, key, path, required=False))

    # -- fields described by the schema ----------------------------------------------

    def value(self, node: Mapping[str, Any], spec: FieldSpec, path: str, references: Collection[str] = ()) -> Value:
        """The value of field ``spec`` in ``node`` (its default when absent or wrong).

        ``references`` are the ids a ``ma_phong_trao`` field may name.
        """
        key, kind = spec.key, spec.kind
        if kind in ("chu", "dong", "ma_so"):
            text = self.writer_text(node, key, path, prose=kind != "ma_so")
            if kind == "dong" and len(text) > MAX_NAME:
                size = f"{len(text):_}".replace("_", ".")
                message = f"quá dài ({size} ký tự; tối đa {MAX_NAME}): tên, chức danh, địa danh chỉ là một dòng ngắn"
                self.problem(node, key, join_path(path, key), message)
            return text or (spec.default if isinstance(spec.default, str) else "")
        if kind == "ngay":
            return self.date_field(node, key, path)
        if kind == "danh_sach":
            return self.texts_list(node, key, path)
        if kind == "dung_sai":
            return self.flag(node, key, path, default=bool(spec.default))
        if key not in node or node[key] is None:
            return spec.default
        value = node[key]
        if kind == "so_van_ban":
            if isinstance(value, bool) or not isinstance(value, int | str):
                return self._wrong(
                    node, spec, path, f"{spec.name} phải là số hoặc văn bản, không phải {type_name(value)}"
                )
            return nfc(str(value))
        if kind in ("lua_chon", "ma_phong_trao"):
            text = self.text(node, key, path, required=False)
            if not text:
                return spec.default
            allowed = [str(c) for c in spec.choices] if kind == "lua_chon" else list(references)
            if text in allowed:
                return text
            return self._wrong(node, spec, path, _choice_message(spec, allowed) + did_you_mean(text, allowed))
        if kind == "so_nguyen":
            ok = not isinstance(value, bool) and (value in spec.choices if spec.choices else isinstance(value, int))
            if ok:
                return int(value)
            return self._wrong(node, spec, path, f"{spec.name} phải là số nguyên, không phải {type_name(value)}")
        # so_thuc
        low, high = spec.minimum, spec.maximum
        ok = not isinstance(value, bool) and isinstance(value, int | float)
        if ok and (low is None or value >= low) and (high is None or value <= high):
            return float(value)
        return self._wrong(node, spec, path, f"{spec.name} phải là số từ {low} đến {high}")

    def _wrong(self, node: Mapping[str, Any], spec: FieldSpec, path: str, message: str) -> Value:
        self.problem(node, spec.key, join_path(path, spec.key), spec.message or message)
        return spec.default

    def fields(
        self, node: Mapping[str, Any], specs: Iterable[FieldSpec], path: str, year: int | None, level: str | None = None
    ) -> tuple[FieldSpec, ...]:
        """The fields of ``specs`` that apply to ``year`` and ``level``; every other key of
        ``node`` is reported (unknown, or not valid for that year or level)."""
        every = {spec.key: spec for spec in specs}
        applying = tuple(s for s in every.values() if s.validity.applies(year, level))
        allowed = [s.key for s in applying]
        for key in node:
            spec = every.get(str(key))
            if str(key) in allowed:
                continue
            if spec is not None:
                self.problem(node, key, join_path(path, str(key)), f"khóa {spec.validity.describe()}")
            else:
                self.problem(
                    node, key, join_path(path, str(key)), "khóa không hợp lệ" + did_you_mean(str(key), allowed)
                )
        return applying

    def texts_list(self, node: Mapping[str, Any], key: str, path: str) -> tuple[str, ...]:
        """Lines of text the writer typed (one text, or a list of texts), normalised."""
        value = node.get(key)
        if isinstance(value, list | tuple):
            for i, item in enumerate(value):
                self.typed(item, join_path(join_path(path, key), i))
        return tuple(nfc(x) for x in self.text_list(node, key, path))

    def missing_required(self, node: Mapping[str, Any], spec: FieldSpec, path: str, value: Value) -> None:
        """Report a required item field left empty (in a list: each item must have it)."""
        if spec.required and value in (None, "", ()):
            self.problem(node, None, join_path(path, spec.key), f"thiếu {spec.name}")


def _choice_message(spec: FieldSpec, allowed: list[str]) -> str:
    if len(allowed) <= 5:
        return f"{spec.name} phải là " + " hoặc ".join(allowed)
    return f"{spec.name} không có trong các giá trị được chọn"
