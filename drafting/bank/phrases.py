"""The phrase bank: loading, linting, and the library API.

Phrases live in folders of YAML files (``phrasebank/cau/*.yaml``), each with a section
(``muc``) and a list of phrases (``cau``). :func:`load_phrases` returns the usable
phrases together with the problems, so one broken file never takes the whole bank
down. The bank as a whole (catalogue, outline, rules, terms, phrases in layers) is
:class:`drafting.bank.bank.Bank`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from drafting.bank.catalogue import Catalogue
from drafting.bank.outline import Outline
from drafting.bank.sandbox import TemplateProblem, check_syntax, referenced_names
from drafting.bank.terms import Terms
from drafting.errors import Problem, ProblemsError
from drafting.files.fields import FieldReader, did_you_mean, join_path
from drafting.files.yamlio import line_of, read_yaml_file
from drafting.vi.lint import lint_text

PHRASE_KEYS = ("id", "chuc_nang", "mo_ta", "mac_dinh", "dieu_kien", "so_lieu", "the", "cach_viet")
ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")
CONTEXT_ROOTS = ("nam", "nam_truoc", "nam_sau", "don_vi", "so_lieu", "chi_tieu", "range")
UNIT_ATTRS = ("ten", "ten_ngan", "cap")
TARGET_ATTRS = ("dat", "chua_dat", "tat_ca_dat")
FIGURE_ATTRS = ("ky_nay", "cung_ky", "chenh_lech", "tang", "giam", "bang", "co", "chi_tieu", "dat")


@dataclass(frozen=True)
class Phrase:
    """A phrase: a rhetorical move with its variants (Jinja texts)."""

    id: str
    section: str
    function: str
    description: str
    variants: tuple[str, ...]
    condition: str = ""
    figures: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    default: bool = False
    file: str = ""
    line: int | None = None

    @property
    def group(self) -> str:
        """The id's prefix: ``uu_diem`` for ``uu_diem.lanh_dao_quan_tam``."""
        return self.id.split(".", 1)[0]

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "section": self.section,
            "function": self.function,
            "description": self.description,
            "condition": self.condition or None,
            "figures": list(self.figures),
            "tags": list(self.tags),
            "default": self.default,
            "variants": list(self.variants),
            "file": self.file,
            "line": self.line,
        }


@dataclass
class PhraseSet:
    """Usable phrases (by id, in file order) and the problems met while loading."""

    phrases: dict[str, Phrase] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def for_section(self, section_id: str) -> tuple[Phrase, ...]:
        return tuple(p for p in self.phrases.values() if p.section == section_id)

    def get(self, phrase_id: str) -> Phrase | None:
        return self.phrases.get(phrase_id)


def _check_names(
    reader: FieldReader, node: Any, key: str, path: str, pid: str, source: str, expression: bool, catalogue: Catalogue
) -> None:
    for name in sorted(referenced_names(source, expression)):
        parts = name.split(".")
        root = parts[0]
        if root in ("loop",) or root.startswith("_"):
            continue
        if root not in CONTEXT_ROOTS:
            # Names bound inside the template ({% set %}, {% for %}) are fine.
            if re.search(r"\{%-?\s*(set|for)\b[^%]*\b" + re.escape(root) + r"\b", source):
                continue
            reader.problem(
                node,
                key,
                path,
                f"biến “{root}” không có trong ngữ cảnh câu mẫu" + did_you_mean(root, CONTEXT_ROOTS),
                pid,
            )
        elif root == "so_lieu" and len(parts) >= 3:
            fid = f"{parts[1]}.{parts[2]}"
            if fid not in catalogue.figures:
                reader.problem(
                    node,
                    key,
                    path,
                    f"chỉ số “{fid}” không có trong danh mục" + did_you_mean(fid, catalogue.figures),
                    pid,
                )
            elif len(parts) >= 4 and parts[3] not in FIGURE_ATTRS:
                reader.problem(
                    node, key, path, f"thuộc tính “{parts[3]}” không có" + did_you_mean(parts[3], FIGURE_ATTRS), pid
                )
        elif root == "so_lieu" and len(parts) == 2 and parts[1] not in catalogue.group_ids:
            reader.problem(
                node,
                key,
                path,
                f"nhóm số liệu “{parts[1]}” không có" + did_you_mean(parts[1], catalogue.group_ids),
                pid,
            )
        elif root == "don_vi" and len(parts) >= 2 and parts[1] not in UNIT_ATTRS:
            reader.problem(
                node, key, path, f"thông tin đơn vị “{parts[1]}” không có" + did_you_mean(parts[1], UNIT_ATTRS), pid
            )
        elif root == "chi_tieu" and len(parts) >= 2 and parts[1] not in TARGET_ATTRS:
            reader.problem(
                node, key, path, f"“chi_tieu.{parts[1]}” không có" + did_you_mean(parts[1], TARGET_ATTRS), pid
            )


def _load_file(
    path: Path,
    bank: PhraseSet,
    seen: dict[str, str],
    catalogue: Catalogue,
    outline: Outline,
    terms: Terms,
    style: bool,
) -> None:
    name = str(path)
    try:
        data, _ = read_yaml_file(path, comments=False)
    except ProblemsError as exc:
        bank.problems.extend(exc.problems)
        return
    reader = FieldReader(name)
    root = reader.mapping(None, None, data, "") if data is not None else None
    if data is None:
        reader.problem(None, None, "", "tệp câu mẫu rỗng")
    if root is None:
        bank.problems.extend(reader.problems)
        return
    reader.unknown_keys(root, ("muc", "cau"), "")
    section = reader.text(root, "muc", "")
    if section and section not in outline.ids:
        reader.problem(root, "muc", "muc", "không có mục này trong đề cương" + did_you_mean(section, outline.ids))
        section = ""
    items = reader.sequence(root, "cau", root.get("cau"), "cau") or []
    for i, item in enumerate(items):
        path_ = join_path("cau", i)
        before = len(reader.problems)
        node = reader.mapping(items, i, item, path_)
        if node is None:
            continue
        pid = str(node.get("id") or "")
        reader.phrase_id = pid
        reader.unknown_keys(node, PHRASE_KEYS, path_)
        if not pid:
            reader.problem(items, i, join_path(path_, "id"), "câu mẫu thiếu mã (id)")
            continue
        if not ID_PATTERN.match(pid):
            reader.problem(
                node,
                "id",
                join_path(path_, "id"),
                "mã câu mẫu phải dạng nhom.ten_cau (chữ thường không dấu, “_”, “.”)",
                pid,
            )
        if pid in seen:
            reader.problem(node, "id", join_path(path_, "id"), f"mã câu mẫu bị trùng (đã có trong {seen[pid]})", pid)
            continue
        variants_node = node.get("cach_viet")
        variants: list[str] = []
        if isinstance(variants_node, str):
            variants_node = [variants_node]
        if not isinstance(variants_node, list) or not variants_node:
            reader.problem(
                node,
                "cach_viet" if "cach_viet" in node else None,
                join_path(path_, "cach_viet"),
                "câu mẫu phải có ít nhất một cách viết (cach_viet)",
                pid,
            )
        else:
            for j, text in enumerate(variants_node):
                vpath = join_path(join_path(path_, "cach_viet"), j)
                vnode = node["cach_viet"] if isinstance(node["cach_viet"], list) else node
                vkey: Any = j if isinstance(node["cach_viet"], list) else "cach_viet"
                if not isinstance(text, str) or not text.strip():
                    reader.problem(vnode, vkey, vpath, "cách viết phải là một đoạn văn bản", pid)
                    continue
                try:
                    check_syntax(text)
                except TemplateProblem as exc:
                    reader.problem(vnode, vkey, vpath, exc.message, pid)
                    continue
                _check_names(reader, vnode, vkey, vpath, pid, text, False, catalogue)
                if style:
                    for msg in lint_text(text, terms, template=True):
                        reader.problem(vnode, vkey, vpath, msg, pid)
                variants.append(unicodedata.normalize("NFC", text.strip()))
        condition = reader.text(node, "dieu_kien", path_, required=False)
        if condition:
            try:
                check_syntax(condition, expression=True)
                _check_names(reader, node, "dieu_kien", join_path(path_, "dieu_kien"), pid, condition, True, catalogue)
            except TemplateProblem as exc:
                reader.problem(
                    node, "dieu_kien", join_path(path_, "dieu_kien"), "điều kiện không hợp lệ: " + exc.message, pid
                )
                condition = "\x00"
        figures = reader.text_list(node, "so_lieu", path_)
        for fid in figures:
            if fid not in catalogue.figures:
                reader.problem(
                    node,
                    "so_lieu",
                    join_path(path_, "so_lieu"),
                    f"chỉ số “{fid}” không có trong danh mục" + did_you_mean(fid, catalogue.figures),
                    pid,
                )
        function = reader.text(node, "chuc_nang", path_)
        reader.phrase_id = ""
        # A phrase with any error is left out; style findings (in check mode) do not remove it.
        if any(not _is_style(p.message) for p in reader.problems[before:]):
            continue
        seen[pid] = name
        bank.phrases[pid] = Phrase(
            id=pid,
            section=section,
            function=function,
            description=reader.text(node, "mo_ta", path_, required=False),
            variants=tuple(variants),
            condition=condition,
            figures=figures,
            tags=reader.text_list(node, "the", path_),
            default=reader.flag(node, "mac_dinh", path_),
            file=name,
            line=line_of(items, i),
        )
    bank.problems.extend(reader.problems)


_STYLE_MARKERS = ("bỏ dấu mới", "dấu cách", "ngoặc", "Chiến sỹ", "NFC", "điều khiển", "thuật ngữ")


def _is_style(message: str) -> bool:
    return any(marker in message for marker in _STYLE_MARKERS)


def load_phrases(
    folders: Sequence[Path],
    catalogue: Catalogue,
    outline: Outline,
    terms: Terms,
    style: bool = False,
    skip: Sequence[str] = (),
) -> PhraseSet:
    """Load every ``*.yaml`` of each folder (its ``cau/`` subfolder when there is one), in order.

    Within one folder a phrase id is defined once; a later folder (an overlay layer)
    replaces a phrase of an earlier one by its id. Returns the usable phrases and the
    problems; never raises for a broken file. ``style`` adds the style findings of
    ``bank check`` to the problems. Files named in ``skip`` (an overlay's targets file)
    are not phrase files.
    """
    phrases = PhraseSet()
    for folder in folders:
        if (folder / "cau").is_dir():
            folder = folder / "cau"
        if not folder.is_dir():
            phrases.problems.append(Problem(str(folder), None, "", "không tìm thấy thư mục câu mẫu"))
            continue
        seen: dict[str, str] = {}
        for path in sorted(p for p in folder.glob("*.y*ml") if p.name not in skip):
            _load_file(path, phrases, seen, catalogue, outline, terms, style)
    return phrases


def coverage_problems(phrases: PhraseSet, outline: Outline, where: str) -> list[Problem]:
    """A problem for every section of the outline that asks for phrases and has none."""
    return [
        Problem(where, None, "", f"mục {section.id} “{section.heading}” chưa có câu mẫu nào")
        for section in outline.sections
        if section.phrase_groups and not phrases.for_section(section.id)
    ]


def phrases_by_section(phrases: PhraseSet) -> Mapping[str, tuple[Phrase, ...]]:
    out: dict[str, list[Phrase]] = {}
    for phrase in phrases.phrases.values():
        out.setdefault(phrase.section, []).append(phrase)
    return {k: tuple(v) for k, v in out.items()}
