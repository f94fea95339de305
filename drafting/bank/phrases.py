"""The phrase bank: loading, linting, and the library API.

Phrases live in folders of YAML files (``phrasebank/cau/*.yaml``), each with a section
(``muc``) and a list of phrases (``cau``). A phrase words one claim of the vocabulary
(``nhan_dinh``, :mod:`drafting.bank.claims`): when it is said is the claim's business,
and every variant states exactly the claim's facts (``{{ f.<ten>.<neu> }}``), no more
and no fewer, so that changing the variant changes the wording, never the facts.
:func:`load_phrases` returns the usable phrases together with the problems, so one
broken file never takes the whole bank down. The bank as a whole (catalogue, outline,
rules, terms, claims, phrases in layers) is :class:`drafting.bank.bank.Bank`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from drafting.bank.catalogue import Catalogue
from drafting.bank.claims import Claim, ClaimSet
from drafting.bank.outline import Outline
from drafting.bank.sandbox import TemplateProblem, check_syntax, referenced_names
from drafting.bank.terms import Terms
from drafting.errors import Problem, ProblemsError
from drafting.files.fields import FieldReader, did_you_mean, join_path
from drafting.files.yamlio import line_of, read_yaml_file
from drafting.vi.lint import lint_text, strip_jinja

PHRASE_KEYS = ("id", "nhan_dinh", "chuc_nang", "mo_ta", "the", "cach_viet")
MOVED_KEYS = ("mac_dinh", "dieu_kien", "so_lieu")
"""Keys phrases used to carry: when a phrase is said is now its claim's condition."""
ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")
CONTEXT_ROOTS = ("nam", "nam_truoc", "nam_sau", "don_vi", "f")
UNIT_ATTRS = ("ten", "ten_ngan")


@dataclass(frozen=True)
class Phrase:
    """A phrase: a rhetorical move with its variants (Jinja texts)."""

    id: str
    section: str
    function: str
    description: str
    variants: tuple[str, ...]
    claim: str = ""
    tags: tuple[str, ...] = ()
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
            "claim": self.claim,
            "tags": list(self.tags),
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

    def for_claim(self, claim_id: str) -> tuple[Phrase, ...]:
        """The phrases wording a claim, in bank order (a later layer's first)."""
        return tuple(p for p in self.phrases.values() if p.claim == claim_id)


def _check_names(
    reader: FieldReader, node: Any, key: str | int, path: str, pid: str, source: str, claim: Claim | None
) -> set[tuple[str, str]]:
    """Check the names a variant reads; return the ``(fact, attribute)`` pairs it states."""
    used: set[tuple[str, str]] = set()
    facts = {f.name: f for f in claim.facts} if claim is not None else {}
    names = referenced_names(source, False)
    # Jinja reports every prefix of a dotted name; only the full names matter.
    for name in sorted(n for n in names if not any(m.startswith(n + ".") for m in names)):
        parts = name.split(".")
        root = parts[0]
        if root in ("loop",) or root.startswith("_"):
            continue
        if root not in CONTEXT_ROOTS:
            # Names bound inside the template ({% set %}, {% for %}) are fine.
            if re.search(r"\{%-?\s*(set|for)\b[^%]*\b" + re.escape(root) + r"\b", source):
                continue
            hint = (
                " (số liệu chỉ vào câu qua sự kiện của nhận định: f.<tên>.<thuộc tính>)"
                if root
                in (
                    "so_lieu",
                    "chi_tieu",
                )
                else did_you_mean(root, CONTEXT_ROOTS)
            )
            reader.problem(node, key, path, f"biến “{root}” không có trong ngữ cảnh câu mẫu" + hint, pid)
        elif root == "don_vi" and len(parts) >= 2 and parts[1] not in UNIT_ATTRS:
            reader.problem(
                node, key, path, f"thông tin đơn vị “{parts[1]}” không có" + did_you_mean(parts[1], UNIT_ATTRS), pid
            )
        elif root == "f":
            if len(parts) < 3 or parts[1] not in facts:
                fact = parts[1] if len(parts) > 1 else ""
                where = f"nhận định “{claim.id}”" if claim is not None else "nhận định"
                reader.problem(node, key, path, f"{where} không có sự kiện “{fact}”" + did_you_mean(fact, facts), pid)
            elif parts[2] not in facts[parts[1]].attrs:
                attrs = facts[parts[1]].attrs
                reader.problem(
                    node,
                    key,
                    path,
                    f"sự kiện “{parts[1]}” không nêu “{parts[2]}”; nhận định chỉ cho nêu: {', '.join(attrs)}",
                    pid,
                )
            else:
                used.add((parts[1], parts[2]))
    return used


def own_numbers(text: str) -> list[str]:
    """The numbers a variant writes itself (outside its facts): a variant states only its
    claim's facts. A document's number ("Chỉ thị số 34-CT/TW"), a historical date
    ("(13/9/1945)") and a period ("6 tháng") are wording.

    >>> own_numbers("Sơ kết 6 tháng; Chỉ thị số 34-CT/TW ngày 07/4/2014; có 14 lượt, {{ f.x.gia_tri }}.")
    ['14']
    """
    plain = strip_jinja(text)
    out = []
    for match in re.finditer(r"[^\s,;:()]*\d[^\s,;:()]*", plain):
        before, after = plain[: match.start()], plain[match.end() :]
        date = re.fullmatch(r"\d{1,2}/\d{1,2}/\d{4}", match.group(0))
        if date or before.endswith(("số ", "ngày ")) or after.startswith(" tháng"):
            continue
        out.append(match.group(0).rstrip("."))
    return out


def _variant_facts(
    reader: FieldReader, node: Any, key: str | int, path: str, pid: str, claim: Claim, used: set[tuple[str, str]]
) -> None:
    """Every variant states exactly the facts its claim lists."""
    declared = {(f.name, a) for f in claim.facts for a in f.attrs}
    missing = sorted(declared - used)
    if missing:
        reader.problem(
            node,
            key,
            path,
            "cách viết thiếu sự kiện của nhận định: "
            + ", ".join(f"f.{n}.{a}" for n, a in missing)
            + " (mọi cách viết nêu đúng các sự kiện của nhận định, không hơn, không kém)",
            pid,
        )


def _load_file(
    path: Path,
    bank: PhraseSet,
    seen: dict[str, str],
    catalogue: Catalogue,
    outline: Outline,
    terms: Terms,
    claims: ClaimSet,
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
        for moved in MOVED_KEYS:
            if moved in node:
                reader.problem(
                    node,
                    moved,
                    join_path(path_, moved),
                    f"câu mẫu không còn khóa “{moved}”: khi nào câu được nêu, dựa trên số liệu nào là việc của "
                    "nhận định (phrasebank/nhan_dinh.yaml) mà câu diễn đạt (khóa nhan_dinh)",
                )
        reader.unknown_keys(node, PHRASE_KEYS + MOVED_KEYS, path_)
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
        claim_id = reader.text(node, "nhan_dinh", path_)
        claim = claims.get(claim_id) if claim_id else None
        if claim_id and claim is None:
            reader.problem(
                node,
                "nhan_dinh",
                join_path(path_, "nhan_dinh"),
                f"không có nhận định “{claim_id}” trong nhan_dinh.yaml" + did_you_mean(claim_id, claims.claims),
                pid,
            )
        elif claim is not None and section and claim.section != section:
            reader.problem(
                node,
                "nhan_dinh",
                join_path(path_, "nhan_dinh"),
                f"nhận định “{claim_id}” thuộc mục {claim.section}, không phải mục {section} của tệp này",
                pid,
            )
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
                used = _check_names(reader, vnode, vkey, vpath, pid, text, claim)
                if claim is not None:
                    _variant_facts(reader, vnode, vkey, vpath, pid, claim, used)
                if style:
                    for msg in lint_text(text, terms, template=True):
                        reader.problem(vnode, vkey, vpath, msg, pid)
                    for number in own_numbers(text):
                        message = f"cách viết tự ghi con số “{number}”: số liệu chỉ vào câu qua sự kiện của nhận định"
                        reader.problem(vnode, vkey, vpath, message, pid)
                variants.append(unicodedata.normalize("NFC", text.strip()))
        function = reader.text(node, "chuc_nang", path_, required=False) or pid.split(".", 1)[-1]
        reader.phrase_id = ""
        # A phrase with any error is left out; style findings (in check mode) do not remove it.
        if any(not _is_style(p.message) for p in reader.problems[before:]):
            continue
        seen[pid] = name
        bank.phrases[pid] = Phrase(
            id=pid,
            section=section,
            function=function,
            description=reader.text(node, "mo_ta", path_, required=False) or (claim.description if claim else ""),
            variants=tuple(variants),
            claim=claim_id,
            tags=reader.text_list(node, "the", path_),
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
    claims: ClaimSet,
    style: bool = False,
) -> PhraseSet:
    """Load every ``*.yaml`` of each folder (its ``cau/`` subfolder when there is one), in order.

    Within one folder a phrase id is defined once; a later folder (an overlay layer)
    replaces a phrase of an earlier one by its id. Returns the usable phrases and the
    problems; never raises for a broken file. ``style`` adds the style findings of
    ``bank check`` to the problems.
    """
    phrases = PhraseSet()
    for folder in folders:
        if (folder / "cau").is_dir():
            folder = folder / "cau"
        if not folder.is_dir():
            phrases.problems.append(Problem(str(folder), None, "", "không tìm thấy thư mục câu mẫu"))
            continue
        seen: dict[str, str] = {}
        for path in sorted(folder.glob("*.y*ml")):
            _load_file(path, phrases, seen, catalogue, outline, terms, claims, style)
    return phrases


def coverage_problems(phrases: PhraseSet, outline: Outline, where: str) -> list[Problem]:
    """A problem for every section of the outline that asks for phrases and has none."""
    return [
        Problem(where, None, "", f"mục {section.id} “{section.heading}” chưa có câu mẫu nào")
        for section in outline.sections
        if section.phrase_groups and not phrases.for_section(section.id)
    ]


def claim_coverage(claims: ClaimSet, phrases: PhraseSet) -> list[Problem]:
    """A problem for every claim that no phrase words."""
    worded = {p.claim for p in phrases.phrases.values()}
    return [
        Problem(claim.file, claim.line, "", "chưa có câu mẫu nào diễn đạt nhận định này", phrase_id=claim.id)
        for claim in claims.claims.values()
        if claim.id not in worded
    ]


def phrases_by_section(phrases: PhraseSet) -> Mapping[str, tuple[Phrase, ...]]:
    out: dict[str, list[Phrase]] = {}
    for phrase in phrases.phrases.values():
        out.setdefault(phrase.section, []).append(phrase)
    return {k: tuple(v) for k, v in out.items()}
