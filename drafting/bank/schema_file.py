"""Loading the data file's shape (``tep_du_lieu.yaml``) into a :class:`~drafting.schema.Schema`."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal, cast

from drafting.errors import ProblemsError
from drafting.files.fields import FieldReader, join_path
from drafting.files.yamlio import read_yaml_file
from drafting.schema import ALWAYS, KINDS, FieldSpec, Kind, ListPart, ListSpec, Schema, TopKey, Validity

_FIELD_KEYS = (
    "khoa",
    "nhan",
    "ten_goi",
    "chu_thich",
    "kieu",
    "bat_buoc",
    "mac_dinh",
    "moi",
    "chon",
    "tu",
    "den",
    "loi",
    "hieu_luc",
    "sang_nam",
)
_TOP_KEYS = ("khoa", "nhan", "chu_thich", "tep_moi", "sang_nam", "truong", "danh_sach", "hieu_luc")
_LIST_KEYS = ("muc_ten", "phan_loai", "phan", "vi_du", "chu_thich_muc", "truong")
_VALIDITY_KEYS = ("tu_nam", "den_nam", "cap")
STRUCTURE_KEYS = (
    "nam",
    "phien_ban",
    "don_vi",
    "tuy_chon",
    "chi_tieu",
    "so_lieu",
    "noi_dung",
    "xac_nhan",
    "tong_hop",
    "so_lieu_don_vi",
)
"""Top-level keys whose content the code reads; any other top-level key is a list."""


class _SchemaReader(FieldReader):
    def choice(self, node: Mapping[str, Any], key: str, path: str, choices: tuple[str, ...]) -> str:
        """One of ``choices`` (the first when absent)."""
        value = self.text(node, key, path, required=False) or choices[0]
        if value not in choices:
            self.problem(node, key, join_path(path, key), f"{key} phải là " + " hoặc ".join(choices))
            return choices[0]
        return value

    def validity(self, node: Mapping[str, Any], path: str) -> Validity:
        if node.get("hieu_luc") is None:
            return ALWAYS
        m = self.mapping(node, "hieu_luc", node["hieu_luc"], join_path(path, "hieu_luc"))
        if m is None:
            return ALWAYS
        vpath = join_path(path, "hieu_luc")
        self.unknown_keys(m, _VALIDITY_KEYS, vpath)
        years = [m.get(k) for k in ("tu_nam", "den_nam")]
        for key, value in zip(("tu_nam", "den_nam"), years, strict=True):
            if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
                self.problem(m, key, join_path(vpath, key), "năm phải là số nguyên")
        first, last = (y if isinstance(y, int) and not isinstance(y, bool) else None for y in years)
        return Validity(first, last, self.text_list(m, "cap", vpath))

    def field(self, items: list[Any], index: int, node: Any, path: str) -> FieldSpec | None:
        m = self.mapping(items, index, node, path)
        if m is None:
            return None
        self.unknown_keys(m, _FIELD_KEYS, path)
        key = self.text(m, "khoa", path)
        label = self.text(m, "nhan", path)
        kind = self.text(m, "kieu", path, required=False) or "chu"
        if kind not in KINDS:
            self.problem(m, "kieu", join_path(path, "kieu"), "kiểu không có; chọn một trong: " + ", ".join(KINDS))
            kind = "chu"
        choices = m.get("chon") or ()
        if not isinstance(choices, list | tuple):
            self.problem(m, "chon", join_path(path, "chon"), "phải là danh sách các giá trị được chọn")
            choices = ()
        carry = self.choice(m, "sang_nam", path, ("giu", "xoa"))
        return FieldSpec(
            key=key,
            label=label,
            name=self.text(m, "ten_goi", path, required=False) or label[:1].lower() + label[1:],
            hint=self.text(m, "chu_thich", path, required=False),
            kind=cast(Kind, kind),
            required=self.flag(m, "bat_buoc", path),
            default=m.get("mac_dinh"),
            new_value=tuple(m["moi"]) if isinstance(m.get("moi"), list) else m.get("moi"),
            choices=tuple(choices),
            minimum=self.number(m, "tu", path),
            maximum=self.number(m, "den", path),
            message=self.text(m, "loi", path, required=False),
            validity=self.validity(m, path),
            cleared=carry == "xoa",
        )

    def number(self, node: Mapping[str, Any], key: str, path: str) -> float | None:
        value = node.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.problem(node, key, join_path(path, key), "phải là số")
            return None
        return float(value)

    def fields(self, node: Mapping[str, Any], path: str) -> tuple[FieldSpec, ...]:
        items = self.sequence(node, "truong", node.get("truong"), join_path(path, "truong")) or []
        out: list[FieldSpec] = []
        for i, item in enumerate(items):
            spec = self.field(items, i, item, join_path(join_path(path, "truong"), i))
            if spec is None:
                continue
            if spec.key in {f.key for f in out}:
                self.problem(items, i, join_path(join_path(path, "truong"), i), f"khóa “{spec.key}” bị trùng")
            out.append(spec)
        return tuple(out)

    def list_spec(self, node: Mapping[str, Any], path: str, top: TopKey, validity: Validity) -> ListSpec | None:
        lpath = join_path(path, "danh_sach")
        m = self.mapping(node, "danh_sach", node["danh_sach"], lpath)
        if m is None:
            return None
        self.unknown_keys(m, _LIST_KEYS, lpath)
        fields = self.fields(m, lpath)
        split = self.text(m, "phan_loai", lpath, required=False)
        parts: list[ListPart] = []
        nodes = self.sequence(m, "phan", m.get("phan") or [], join_path(lpath, "phan")) or []
        for i, item in enumerate(nodes):
            ppath = join_path(join_path(lpath, "phan"), i)
            pm = self.mapping(nodes, i, item, ppath)
            if pm is not None:
                parts.append(
                    ListPart(self.text(pm, "ten", ppath), self.text(pm, "gia_tri", ppath), self.text(pm, "nhan", ppath))
                )
        if split and split not in {f.key for f in fields}:
            self.problem(m, "phan_loai", join_path(lpath, "phan_loai"), f"danh sách không có trường “{split}”")
        if parts and not split:
            self.problem(m, "phan", join_path(lpath, "phan"), "danh sách chia phần phải ghi trường phan_loai")
        return ListSpec(
            key=top.key,
            label=top.label,
            item_name=self.text(m, "muc_ten", lpath),
            fields=fields,
            split=split,
            parts=tuple(parts),
            example=self.text(m, "vi_du", lpath, required=False),
            item_comment=self.text(m, "chu_thich_muc", lpath, required=False),
            validity=validity,
        )


def load_schema(directory: Path | str) -> Schema:
    """Load ``tep_du_lieu.yaml`` of a bank folder; raise :class:`ProblemsError` listing every problem."""
    source = Path(directory) / "tep_du_lieu.yaml"
    data, _ = read_yaml_file(source, comments=False)
    reader = _SchemaReader(str(source))
    root = reader.mapping(None, None, data, "")
    if root is None:
        raise ProblemsError(reader.problems)
    reader.unknown_keys(root, ("dau_tep", "khoa"), "")
    top: list[TopKey] = []
    unit: tuple[FieldSpec, ...] = ()
    options: tuple[FieldSpec, ...] = ()
    lists: list[ListSpec] = []
    nodes = reader.sequence(root, "khoa", root.get("khoa"), "khoa") or []
    for i, node in enumerate(nodes):
        path = join_path("khoa", i)
        m = reader.mapping(nodes, i, node, path)
        if m is None:
            continue
        reader.unknown_keys(m, _TOP_KEYS, path)
        key = reader.text(m, "khoa", path)
        carry = reader.choice(m, "sang_nam", path, ("giu", "bo", "xoa"))
        in_new_file = reader.choice(m, "tep_moi", path, ("ghi", "chu_thich", "khong"))
        entry = TopKey(
            key,
            reader.text(m, "nhan", path, required=False),
            reader.text(m, "chu_thich", path, required=False),
            cast(Literal["ghi", "chu_thich", "khong"], in_new_file),
            cast(Literal["giu", "bo", "xoa"], carry),
        )
        if key in {t.key for t in top}:
            reader.problem(m, "khoa", join_path(path, "khoa"), f"khóa “{key}” bị trùng")
        top.append(entry)
        if key == "don_vi":
            unit = reader.fields(m, path)
        elif key == "tuy_chon":
            options = reader.fields(m, path)
        elif "danh_sach" in m:
            spec = reader.list_spec(m, path, entry, reader.validity(m, path))
            if spec is not None:
                lists.append(spec)
        elif key not in STRUCTURE_KEYS:
            reader.problem(
                m, "khoa", join_path(path, "khoa"), "khóa mới ở cấp ngoài cùng phải là một danh sách (danh_sach)"
            )
    missing = [k for k in STRUCTURE_KEYS if k not in {t.key for t in top}]
    if missing:
        reader.problem(root, "khoa", "khoa", "thiếu các khóa: " + ", ".join(missing))
    if reader.problems:
        raise ProblemsError(reader.problems)
    return Schema(reader.text(root, "dau_tep", "", required=False), tuple(top), unit, options, tuple(lists))
