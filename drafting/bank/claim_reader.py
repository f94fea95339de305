"""Reading ``phrasebank/nhan_dinh.yaml`` into a :class:`~drafting.bank.claims.ClaimSet`.

:func:`load_claims` returns the usable claims with the problems met, like the phrase
loader: a claim with an error is left out (its id kept in ``ClaimSet.refused``, so that
the phrases wording it say nothing more).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from drafting.bank.catalogue import Catalogue
from drafting.bank.claims import (
    BASES,
    CLAIMS_FILE,
    FACT_ATTRS,
    FACT_SOURCES,
    ID_PATTERN,
    POLARITIES,
    Claim,
    ClaimSet,
    Fact,
    Threshold,
    Topic,
)
from drafting.bank.conditions import ConditionReader
from drafting.errors import ProblemsError
from drafting.files.fields import FieldReader, did_you_mean, join_path
from drafting.files.yamlio import line_of, read_yaml_file

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
REQUIRED_HINTS = {
    "id": "mã nhom.ten của nhận định (chữ thường không dấu)",
    "muc": "mục đề cương mà nhận định được nêu (I, II.3, III.1…)",
    "chu_de": "một chủ đề của danh sách chu_de",
    "cuc": "uu_diem, han_che, nguyen_nhan, giai_phap…",
    "co_so": "so_lieu, xac_nhan, de_xuat hoặc quy_uoc",
    "mo_ta": "một dòng mô tả hiện cho người viết, cũng là mô tả của câu mẫu diễn đạt nhận định",
}
"""What each required key of a claim holds (said when it is missing)."""


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
    reader = FieldReader(str(path), REQUIRED_HINTS)
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
            if isinstance(node, Mapping) and isinstance(node.get("id"), str):
                out.refused.add(node["id"])
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

    def chosen(key: str, choices: Collection[str], wrong: str) -> str:
        value = reader.text(m, key, path)
        if value and value not in choices:
            reader.problem(m, key, join_path(path, key), wrong + did_you_mean(value, choices))
        return value

    section = chosen("muc", section_ids, "không có mục này trong đề cương")
    topic = chosen("chu_de", topics, "chủ đề không có trong danh sách chu_de")
    polarity = chosen("cuc", POLARITIES, "cực phải là một trong: " + ", ".join(POLARITIES))
    basis = chosen("co_so", BASES, "cơ sở phải là một trong: " + ", ".join(BASES))
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
