"""The claim vocabulary (``phrasebank/nhan_dinh.yaml``): what a report may assert.

A claim is a statement with a basis. ``so_lieu`` claims hold when their structured
condition on the figures is true; ``xac_nhan`` claims cannot be shown by any figure
and are said only when the writer confirms them; ``de_xuat`` claims look forward
(tasks, measures, remedies, proposals); ``quy_uoc`` claims are true by convention.
Each claim names the facts it states (``su_kien``), its opposites (``trai_nguoc``,
never both in one report), the claims it makes redundant (``bao_ham``) and those it
presupposes (``tien_de``: a remedy needs its limitation). Phrases
(``phrasebank/cau/*.yaml``) only word claims.

:func:`load_claims` returns the usable claims with the problems met, like the phrase
loader; the checks that need the whole vocabulary are in :mod:`drafting.bank.claim_lint`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from drafting.bank.catalogue import Catalogue
from drafting.bank.conditions import Condition, ConditionReader
from drafting.errors import Problem, ProblemsError
from drafting.files.fields import FieldReader, did_you_mean, join_path
from drafting.files.yamlio import line_of, read_yaml_file

CLAIMS_FILE = "nhan_dinh.yaml"
ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]*\.[a-z0-9_]+$")
BASES: tuple[str, ...] = ("so_lieu", "xac_nhan", "de_xuat", "quy_uoc")
POLARITIES: tuple[str, ...] = (
    "uu_diem",
    "han_che",
    "nguyen_nhan",
    "giai_phap",
    "nhiem_vu",
    "bien_phap",
    "kien_nghi",
    "thuan_loi",
    "kho_khan",
    "ket_qua_tot",
    "ket_qua_chua_tot",
    "trung_tinh",
)
JUDGING: tuple[str, ...] = ("uu_diem", "han_che", "thuan_loi", "kho_khan", "ket_qua_tot", "ket_qua_chua_tot")
"""Polarities whose figure-based claims need an opposite (or a stated reason for none)."""
FACT_SOURCES: tuple[str, ...] = ("so_lieu", "tong", "hieu", "ty_so", "liet_ke", "chi_tieu_nam", "nguon_chi_tieu")
FACT_ATTRS: dict[str, tuple[str, ...]] = {
    "so_lieu": ("gia_tri", "so_sanh", "chi_tieu", "so_voi_chi_tieu", "ty_le_tren"),
    "tong": ("gia_tri", "so_sanh"),
    "hieu": ("gia_tri", "so_sanh"),
    "ty_so": ("gia_tri",),
    "liet_ke": ("liet_ke",),
    "chi_tieu_nam": ("liet_ke", "so_luong", "tren_tong"),
    "nguon_chi_tieu": ("gia_tri",),
}
CLAIM_KEYS = (
    "id",
    "muc",
    "chu_de",
    "cuc",
    "co_so",
    "mo_ta",
    "su_kien",
    "dieu_kien",
    "bi_bac_bo_khi",
    "trai_nguoc",
    "bao_ham",
    "tien_de",
    "khai_quat",
    "mac_dinh",
    "sau_doan",
    "ly_do_khong_trai_nguoc",
)
FACT_KEYS = ("ten", *FACT_SOURCES, "neu")


@dataclass(frozen=True)
class Threshold:
    """A named threshold: part of what a claim means, editable data."""

    id: str
    value: Decimal
    description: str
    source: str


@dataclass(frozen=True)
class Topic:
    id: str
    name: str


@dataclass(frozen=True)
class Fact:
    """A value a claim states, computed by code; variants only word it (``f.<ten>.<neu>``)."""

    name: str
    source: str
    figures: tuple[str, ...] = ()
    mode: str = ""
    attrs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Claim:
    """One claim of the vocabulary (relations as declared; groups already expanded)."""

    id: str
    section: str
    topic: str
    polarity: str
    basis: str
    description: str
    facts: tuple[Fact, ...] = ()
    condition: Condition | None = None
    refuted_when: Condition | None = None
    opposites: tuple[str, ...] = ()
    subsumes: tuple[str, ...] = ()
    presupposes: tuple[str, ...] = ()
    framing: bool = False
    default: bool = False
    after: str = ""
    no_opposite_reason: str = ""
    file: str = ""
    line: int | None = None

    @property
    def automatic(self) -> bool:
        """Whether the claim can be said without the writer choosing it: figure-based
        claims when true, forward-looking and conventional ones when default or when
        a claim they presuppose is said (their condition is only a guard); claims to
        confirm only once confirmed."""
        if self.basis == "so_lieu":
            return True
        if self.basis == "xac_nhan":
            return False
        return self.default or bool(self.presupposes)


@dataclass
class ClaimSet:
    """The usable claims in file order, with thresholds, topics and the problems met."""

    claims: dict[str, Claim] = field(default_factory=dict)
    thresholds: dict[str, Threshold] = field(default_factory=dict)
    topics: tuple[Topic, ...] = ()
    groups: dict[str, tuple[str, ...]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    file: str = ""
    _opposites: dict[str, frozenset[str]] = field(default_factory=dict)

    def get(self, claim_id: str) -> Claim | None:
        return self.claims.get(claim_id)

    def opposites(self, claim_id: str) -> frozenset[str]:
        """The opposites of a claim, declared on either side."""
        if not self._opposites:
            table: dict[str, set[str]] = {cid: set() for cid in self.claims}
            for claim in self.claims.values():
                for other in claim.opposites:
                    if other in table:
                        table[claim.id].add(other)
                        table[other].add(claim.id)
            self._opposites = {cid: frozenset(s) for cid, s in table.items()}
        return self._opposites.get(claim_id, frozenset())

    def for_section(self, section_id: str) -> tuple[Claim, ...]:
        return tuple(c for c in self.claims.values() if c.section == section_id)

    def topic_order(self, topic: str) -> int:
        for i, t in enumerate(self.topics):
            if t.id == topic:
                return i
        return len(self.topics)


def load_claims(directory: Path | str, catalogue: Catalogue, section_ids: tuple[str, ...]) -> ClaimSet:
    """Load ``nhan_dinh.yaml`` of a bank folder. A claim with an error is left out; the
    problems are returned with the usable claims (never raised, except for a file that
    is not YAML at all, whose problem is returned too)."""
    path = Path(directory) / CLAIMS_FILE
    out = ClaimSet(file=str(path))
    try:
        data, _ = read_yaml_file(path, comments=False)
    except ProblemsError as exc:
        out.problems.extend(exc.problems)
        return out
    reader = FieldReader(str(path))
    root = reader.mapping(None, None, data, "") if data is not None else None
    if root is None:
        if data is None:
            reader.problem(None, None, "", "tệp nhận định rỗng")
        out.problems.extend(reader.problems)
        return out
    reader.unknown_keys(root, ("nguong", "chu_de", "nhom", "nhan_dinh"), "")
    out.thresholds = _thresholds(reader, root)
    out.topics = _topics(reader, root)
    conditions = ConditionReader(reader, catalogue, out.thresholds)
    nodes = reader.sequence(root, "nhan_dinh", root.get("nhan_dinh"), "nhan_dinh") or []
    raw_groups = reader.mapping(root, "nhom", root.get("nhom", {}), "nhom") or {}
    declared = {str(n.get("id")) for n in nodes if isinstance(n, Mapping)}
    groups: dict[str, tuple[str, ...]] = {}
    for name in raw_groups:
        ids = reader.text_list(raw_groups, str(name), "nhom")
        for cid in ids:
            if cid not in declared:
                reader.problem(
                    raw_groups,
                    name,
                    join_path("nhom", str(name)),
                    f"không có nhận định “{cid}”" + did_you_mean(cid, declared),
                )
        groups[str(name)] = ids
    out.groups = groups
    topics = {t.id for t in out.topics}
    for i, node in enumerate(nodes):
        claim = _claim(reader, conditions, nodes, i, node, section_ids, topics, groups, declared)
        if claim is None:
            continue
        if claim.id in out.claims:
            reader.problem(node, "id", join_path(join_path("nhan_dinh", i), "id"), "mã nhận định bị trùng")
            continue
        out.claims[claim.id] = claim
    out.problems.extend(reader.problems)
    return out


def _thresholds(reader: FieldReader, root: Mapping[str, Any]) -> dict[str, Threshold]:
    table = reader.mapping(root, "nguong", root.get("nguong", {}), "nguong") or {}
    out: dict[str, Threshold] = {}
    for key, node in table.items():
        path = join_path("nguong", str(key))
        m = reader.mapping(table, key, node, path)
        if m is None:
            continue
        reader.unknown_keys(m, ("gia_tri", "mo_ta", "nguon"), path)
        value = m.get("gia_tri")
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            reader.problem(m, "gia_tri", join_path(path, "gia_tri"), "ngưỡng phải là một số")
            continue
        out[str(key)] = Threshold(
            str(key), Decimal(str(value)), reader.text(m, "mo_ta", path), reader.text(m, "nguon", path)
        )
    return out


def _topics(reader: FieldReader, root: Mapping[str, Any]) -> tuple[Topic, ...]:
    items = reader.sequence(root, "chu_de", root.get("chu_de", []), "chu_de") or []
    out: list[Topic] = []
    for i, node in enumerate(items):
        m = reader.mapping(items, i, node, join_path("chu_de", i))
        if m is not None:
            out.append(
                Topic(reader.text(m, "id", join_path("chu_de", i)), reader.text(m, "ten", join_path("chu_de", i)))
            )
    return tuple(out)


def _claim(
    reader: FieldReader,
    conditions: ConditionReader,
    nodes: list[Any],
    i: int,
    node: Any,
    section_ids: tuple[str, ...],
    topics: set[str],
    groups: Mapping[str, tuple[str, ...]],
    declared: set[str],
) -> Claim | None:
    path = join_path("nhan_dinh", i)
    m = reader.mapping(nodes, i, node, path)
    if m is None:
        return None
    before = len(reader.problems)
    cid = reader.text(m, "id", path)
    reader.phrase_id = cid
    reader.unknown_keys(m, CLAIM_KEYS, path)
    if cid and not ID_PATTERN.match(cid):
        reader.problem(m, "id", join_path(path, "id"), "mã nhận định phải dạng nhom.ten (chữ thường không dấu, “_”)")
    section = reader.text(m, "muc", path)
    if section and section not in section_ids:
        reader.problem(
            m, "muc", join_path(path, "muc"), "không có mục này trong đề cương" + did_you_mean(section, section_ids)
        )
    topic = reader.text(m, "chu_de", path)
    if topic and topic not in topics:
        reader.problem(
            m,
            "chu_de",
            join_path(path, "chu_de"),
            "chủ đề không có trong danh sách chu_de" + did_you_mean(topic, topics),
        )
    polarity = reader.text(m, "cuc", path)
    if polarity and polarity not in POLARITIES:
        reader.problem(
            m,
            "cuc",
            join_path(path, "cuc"),
            "cực phải là một trong: " + ", ".join(POLARITIES) + did_you_mean(polarity, POLARITIES),
        )
    basis = reader.text(m, "co_so", path)
    if basis and basis not in BASES:
        reader.problem(
            m,
            "co_so",
            join_path(path, "co_so"),
            "cơ sở phải là một trong: " + ", ".join(BASES) + did_you_mean(basis, BASES),
        )
    condition = (
        conditions.read(m, "dieu_kien", m["dieu_kien"], join_path(path, "dieu_kien")) if "dieu_kien" in m else None
    )
    refuted = (
        conditions.read(m, "bi_bac_bo_khi", m["bi_bac_bo_khi"], join_path(path, "bi_bac_bo_khi"))
        if "bi_bac_bo_khi" in m
        else None
    )
    if basis == "so_lieu" and "dieu_kien" not in m:
        reader.problem(m, None, path, "nhận định dựa trên số liệu (co_so: so_lieu) phải có điều kiện (dieu_kien)")
    if "bi_bac_bo_khi" in m and basis != "xac_nhan":
        reader.problem(
            m, "bi_bac_bo_khi", join_path(path, "bi_bac_bo_khi"), "bi_bac_bo_khi chỉ dùng cho nhận định cần xác nhận"
        )
    default = reader.flag(m, "mac_dinh", path)
    if default and basis not in ("de_xuat", "quy_uoc"):
        reader.problem(
            m,
            "mac_dinh",
            join_path(path, "mac_dinh"),
            "chỉ nhận định đề xuất hoặc quy ước mới được dùng mặc định; nhận định khác cần số liệu hoặc xác nhận",
        )

    def relation(key: str) -> tuple[str, ...]:
        out: list[str] = []
        for ref in reader.text_list(m, key, path):
            if "." not in ref and ref in groups:
                out.extend(groups[ref])
            elif ref in declared:
                out.append(ref)
            else:
                reader.problem(
                    m,
                    key,
                    join_path(path, key),
                    f"không có nhận định “{ref}”" + did_you_mean(ref, [*declared, *groups]),
                )
        if cid in out:
            reader.problem(m, key, join_path(path, key), "nhận định không thể tham chiếu chính nó")
        return tuple(dict.fromkeys(out))

    claim = Claim(
        id=cid,
        section=section,
        topic=topic,
        polarity=polarity,
        basis=basis,
        description=reader.text(m, "mo_ta", path),
        facts=_facts(reader, conditions, m, path),
        condition=condition,
        refuted_when=refuted,
        opposites=relation("trai_nguoc"),
        subsumes=relation("bao_ham"),
        presupposes=relation("tien_de"),
        framing=reader.flag(m, "khai_quat", path),
        default=default,
        after=reader.text(m, "sau_doan", path, required=False),
        no_opposite_reason=reader.text(m, "ly_do_khong_trai_nguoc", path, required=False),
        file=reader.filename,
        line=line_of(nodes, i),
    )
    reader.phrase_id = ""
    return claim if len(reader.problems) == before else None


def _facts(reader: FieldReader, conditions: ConditionReader, m: Mapping[str, Any], path: str) -> tuple[Fact, ...]:
    items = reader.sequence(m, "su_kien", m.get("su_kien", []), join_path(path, "su_kien")) or []
    out: list[Fact] = []
    names: set[str] = set()
    for j, node in enumerate(items):
        fpath = join_path(join_path(path, "su_kien"), j)
        f = reader.mapping(items, j, node, fpath)
        if f is None:
            continue
        reader.unknown_keys(f, FACT_KEYS, fpath)
        name = reader.text(f, "ten", fpath)
        if name in names:
            reader.problem(f, "ten", join_path(fpath, "ten"), f"tên sự kiện “{name}” bị trùng")
        names.add(name)
        sources = [s for s in FACT_SOURCES if s in f]
        if len(sources) != 1:
            reader.problem(f, None, fpath, "mỗi sự kiện có đúng một nguồn: " + ", ".join(FACT_SOURCES))
            continue
        source = sources[0]
        attrs = reader.text_list(f, "neu", fpath)
        for attr in attrs:
            if attr not in FACT_ATTRS[source]:
                reader.problem(
                    f,
                    "neu",
                    join_path(fpath, "neu"),
                    f"sự kiện {source} không nêu được “{attr}”; dùng: " + ", ".join(FACT_ATTRS[source]),
                )
        if not attrs:
            reader.problem(f, None, join_path(fpath, "neu"), "sự kiện phải nêu ít nhất một thuộc tính (neu)")
        figures: tuple[str, ...] = ()
        mode = ""
        if source == "chi_tieu_nam":
            mode = str(f[source])
            if mode not in ("dat", "chua_dat"):
                reader.problem(f, source, join_path(fpath, source), "chi_tieu_nam phải là dat hoặc chua_dat")
        elif source != "nguon_chi_tieu":
            figures = reader.text_list(f, source, fpath)
            for fid in figures:
                conditions.figure_exists(f, source, join_path(fpath, source), fid)
            wanted = {"so_lieu": 1, "hieu": 2, "ty_so": 2}.get(source)
            if wanted is not None and len(figures) != wanted:
                reader.problem(f, source, join_path(fpath, source), f"{source} cần {wanted} mã chỉ số")
            figure = conditions.catalogue.figures.get(figures[0]) if figures else None
            rate_attrs = {"chi_tieu", "so_voi_chi_tieu"} & set(attrs)
            if rate_attrs and (figure is None or not figure.target):
                reader.problem(f, "neu", join_path(fpath, "neu"), "chỉ tỷ lệ có chỉ tiêu mới nêu được chỉ tiêu")
            if "ty_le_tren" in attrs and (figure is None or figure.kind != "ty_le"):
                reader.problem(f, "neu", join_path(fpath, "neu"), "ty_le_tren chỉ dùng cho tỷ lệ")
        out.append(Fact(name, source, figures, mode, attrs))
    return tuple(out)
