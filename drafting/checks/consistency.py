"""Consistency of the figures, driven by ``phrasebank/quy_tac.yaml``.

The rules are data: which figure may not exceed which, which parts sum to which total,
which rates must stay within 0–100%, which figures may not be negative. Pairs are
listed in the rule file or derived from the catalogue (``thuoc``, ``khong_vuot``,
``tong_cac_phan``, the rates' ``tu_so``/``mau_so``, ``khong_am``). Each rule is applied
to this period (``ky_nay``) and, when every figure involved is compared, to the same
period (``cung_ky``). A broken rule gives one finding that names the figures, their
values and their lines in the data file.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from drafting.bank.catalogue import Catalogue, Figure, default_catalogue
from drafting.checks.findings import Finding, key_path, line_at
from drafting.errors import ProblemsError
from drafting.files.fields import FieldReader, did_you_mean, join_path
from drafting.files.yamlio import read_yaml_file
from drafting.report import ReportData
from drafting.resources import PHRASEBANK_DIR
from drafting.vi.formatting import format_count, format_money, format_number, format_percent, rate

RULE_KINDS = ("khong_vuot", "tong_bang", "ty_le", "khong_am")
RULE_KEYS = ("id", "loai", "mo_ta", "thong_bao", "tu_danh_muc", "cap", "loai_chi_so", "tru")
SOURCES = {
    "khong_vuot": ("thuoc", "khong_vuot"),
    "tong_bang": ("tong_cac_phan",),
    "ty_le": ("tu_so",),
    "khong_am": ("khong_am",),
}
PLACEHOLDERS = {
    "khong_vuot": ("ky", "phan", "tong"),
    "tong_bang": ("ky", "tong", "cac_phan", "tong_cac_phan"),
    "ty_le": ("ky", "ty_le", "tu_so", "mau_so"),
    "khong_am": ("ky", "chi_so"),
}
PERIODS = ("ky_nay", "cung_ky")
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


@dataclass(frozen=True)
class Check:
    """One concrete check of a rule.

    ``parts``/``wholes`` are figure ids: the part and the whole (``khong_vuot``), the
    parts and the total (``tong_bang``), the numerator and the denominator of ``rate``
    (``ty_le``), or the figure itself in ``parts`` (``khong_am``).
    """

    rule: str
    kind: str
    message: str
    parts: tuple[str, ...]
    wholes: tuple[str, ...] = ()
    rate: str = ""


@dataclass(frozen=True)
class RuleSet:
    """The checks of every rule, in file order, each pair once."""

    checks: tuple[Check, ...]
    rule_ids: tuple[str, ...]


def _ids(reader: FieldReader, node: Mapping[str, Any], key: str, path: str, catalogue: Catalogue) -> tuple[str, ...]:
    ids = reader.text_list(node, key, path)
    if not ids:
        reader.problem(node, None, join_path(path, key), "thiếu mã chỉ số")
    for fid in ids:
        if fid not in catalogue.figures:
            reader.problem(
                node,
                key,
                join_path(path, key),
                f"không có chỉ số “{fid}” trong danh mục" + did_you_mean(fid, catalogue.figures),
            )
    return ids if all(f in catalogue.figures for f in ids) else ()


def _derived(
    kind: str, sources: tuple[str, ...], catalogue: Catalogue, kinds: tuple[str, ...]
) -> list[tuple[tuple[str, ...], tuple[str, ...], str]]:
    """(parts, wholes, rate) triples a rule takes from the catalogue."""
    out: list[tuple[tuple[str, ...], tuple[str, ...], str]] = []
    figures = catalogue.figures.values()
    if kind == "khong_vuot":
        for figure in figures:
            if "thuoc" in sources and figure.part_of:
                out.append(((figure.id,), (figure.part_of,), ""))
            if "khong_vuot" in sources and figure.not_above:
                out.append(((figure.id,), (figure.not_above,), ""))
    elif kind == "tong_bang":
        for group in catalogue.groups:
            for total in group.sums:
                parts = tuple(catalogue.parts_of(total))
                if parts:
                    out.append((tuple(f.id for f in parts), (total,), ""))
    elif kind == "ty_le":
        for figure in figures:
            if figure.kind == "ty_le":
                out.append((figure.numerator, figure.denominator, figure.id))
    elif kind == "khong_am":
        for figure in figures:
            if figure.entered and figure.non_negative and (not kinds or figure.kind in kinds):
                out.append(((figure.id,), (), ""))
    return out


def load_rules(directory: Path | str | None = None, catalogue: Catalogue | None = None) -> RuleSet:
    """Load ``quy_tac.yaml`` against the catalogue; raise :class:`ProblemsError` listing every problem."""
    folder = Path(directory) if directory is not None else PHRASEBANK_DIR
    catalogue = catalogue or default_catalogue()
    path = folder / "quy_tac.yaml"
    data, _ = read_yaml_file(path, comments=False)
    reader = FieldReader(str(path))
    root = reader.mapping(None, None, data, "")
    if root is None:
        raise ProblemsError(reader.problems)
    reader.unknown_keys(root, ("quy_tac",), "")
    nodes = reader.sequence(root, "quy_tac", root.get("quy_tac"), "quy_tac") or []
    checks: list[Check] = []
    seen_keys: set[tuple[str, frozenset[str], frozenset[str]]] = set()
    rule_ids: list[str] = []
    for i, node in enumerate(nodes):
        path_ = join_path("quy_tac", i)
        m = reader.mapping(nodes, i, node, path_)
        if m is None:
            continue
        reader.unknown_keys(m, RULE_KEYS, path_)
        rid = reader.text(m, "id", path_)
        if rid in rule_ids:
            reader.problem(m, "id", join_path(path_, "id"), f"mã quy tắc “{rid}” bị trùng")
        rule_ids.append(rid)
        kind = reader.text(m, "loai", path_)
        if kind not in RULE_KINDS:
            reader.problem(
                m,
                "loai",
                join_path(path_, "loai"),
                "loại quy tắc phải là một trong: " + ", ".join(RULE_KINDS) + did_you_mean(kind, RULE_KINDS),
            )
            continue
        message = reader.text(m, "thong_bao", path_)
        for name in _PLACEHOLDER.findall(message):
            if name not in PLACEHOLDERS[kind]:
                reader.problem(
                    m,
                    "thong_bao",
                    join_path(path_, "thong_bao"),
                    f"chỗ thay “{{{name}}}” không có; loại {kind} dùng: "
                    + ", ".join("{" + p + "}" for p in PLACEHOLDERS[kind]),
                )
        sources = reader.text_list(m, "tu_danh_muc", path_)
        for source in sources:
            if source not in SOURCES[kind]:
                reader.problem(
                    m,
                    "tu_danh_muc",
                    join_path(path_, "tu_danh_muc"),
                    f"loại {kind} chỉ lấy từ danh mục: " + ", ".join(SOURCES[kind]),
                )
        kinds = reader.text_list(m, "loai_chi_so", path_)
        for k in kinds:
            if k not in ("so_dem", "tien"):
                reader.problem(
                    m, "loai_chi_so", join_path(path_, "loai_chi_so"), "loại chỉ số phải là so_dem hoặc tien"
                )
        excluded = set(reader.text_list(m, "tru", path_))
        for fid in excluded:
            if fid not in catalogue.figures:
                reader.problem(
                    m,
                    "tru",
                    join_path(path_, "tru"),
                    f"không có chỉ số “{fid}” trong danh mục" + did_you_mean(fid, catalogue.figures),
                )
        triples = _derived(kind, tuple(s for s in sources if s in SOURCES[kind]), catalogue, kinds)
        explicit = m.get("cap")
        if explicit is not None:
            items = reader.sequence(m, "cap", explicit, join_path(path_, "cap")) or []
            for j, item in enumerate(items):
                ipath = join_path(join_path(path_, "cap"), j)
                if kind in ("ty_le", "khong_am"):
                    fid = str(item)
                    figure = catalogue.figures.get(fid)
                    if figure is None or (kind == "ty_le") != (figure.kind == "ty_le"):
                        what = "tỷ lệ" if kind == "ty_le" else "chỉ số nhập"
                        reader.problem(
                            items,
                            j,
                            ipath,
                            f"“{fid}” không phải {what} của danh mục" + did_you_mean(fid, catalogue.figures),
                        )
                        continue
                    triples.append((figure.numerator, figure.denominator, fid) if kind == "ty_le" else ((fid,), (), ""))
                    continue
                pair = reader.mapping(items, j, item, ipath)
                if pair is None:
                    continue
                if kind == "khong_vuot":
                    reader.unknown_keys(pair, ("phan", "tong"), ipath)
                    parts, wholes = (
                        _ids(reader, pair, "phan", ipath, catalogue),
                        _ids(reader, pair, "tong", ipath, catalogue),
                    )
                else:
                    reader.unknown_keys(pair, ("tong", "cac_phan"), ipath)
                    wholes, parts = (
                        _ids(reader, pair, "tong", ipath, catalogue),
                        _ids(reader, pair, "cac_phan", ipath, catalogue),
                    )
                if parts and wholes:
                    triples.append((parts, wholes, ""))
        if not sources and explicit is None:
            reader.problem(m, None, path_, "quy tắc phải có tu_danh_muc hoặc cap")
        for parts, wholes, rate_id in triples:
            if rate_id in excluded or (kind != "ty_le" and set(parts) & excluded):
                continue
            key = (
                "eq" if kind == "tong_bang" else "neg" if kind == "khong_am" else "le",
                frozenset(parts),
                frozenset(wholes),
            )
            if key in seen_keys:
                continue
            seen_keys.add(key)
            checks.append(Check(rid, kind, message, parts, wholes, rate_id))
    if reader.problems:
        raise ProblemsError(reader.problems)
    return RuleSet(tuple(checks), tuple(rule_ids))


@lru_cache(maxsize=4)
def default_rules() -> RuleSet:
    """The rules shipped in ``phrasebank/quy_tac.yaml`` (loaded once; kept in the disk cache)."""
    from drafting.bank.cache import cached

    return cached("quy_tac", lambda: load_rules(PHRASEBANK_DIR, default_catalogue()))


class _Values:
    """Values, texts and places of the figures of one report in one period."""

    def __init__(self, report: ReportData, catalogue: Catalogue, period: str) -> None:
        self.report = report
        self.catalogue = catalogue
        self.period = period
        years = {"nam": report.year, "nam_truoc": report.year - 1, "nam_sau": report.year + 1}
        self.years = years

    def value(self, fid: str) -> int | None:
        entry = self.report.figure(fid)
        return entry.current if self.period == "ky_nay" else entry.previous

    def key(self, fid: str) -> str:
        figure = self.catalogue.figures[fid]
        if figure.compared:
            return key_path("so_lieu", figure.group, figure.key, self.period)
        return key_path("so_lieu", figure.group, figure.key)

    def line(self, fid: str) -> int | None:
        figure = self.catalogue.figures[fid]
        parts: tuple[str, ...] = ("so_lieu", figure.group, figure.key)
        if figure.compared:
            parts += (self.period,)
        if self.report.raw is not None:
            found = line_at(self.report.raw, *parts)
            if found is not None:
                return found
        return self.report.figure(fid).line

    def title(self, figure: Figure) -> str:
        if "{{" not in figure.title:
            return figure.title
        from drafting.bank.sandbox import TemplateProblem, render

        try:
            return render(figure.title, self.years)
        except TemplateProblem:
            return figure.title

    def amount(self, figure: Figure, value: int) -> str:
        if figure.kind == "tien":
            return format_money(value)
        return format_count(value, figure.unit, leading_zero=False)

    def one(self, fid: str) -> str:
        figure = self.catalogue.figures[fid]
        value = self.value(fid)
        assert value is not None
        line = self.line(fid)
        where = f" (dòng {line})" if line else ""
        return f"{self.title(figure)} {self.amount(figure, value)}{where}"

    def total(self, fids: tuple[str, ...]) -> str:
        values = [self.value(f) or 0 for f in fids]
        figures = [self.catalogue.figures[f] for f in fids]
        if len({(f.kind, f.unit) for f in figures}) == 1:
            return self.amount(figures[0], sum(values))
        return format_number(sum(values))

    def side(self, fids: tuple[str, ...]) -> str:
        if len(fids) == 1:
            return self.one(fids[0])
        return " + ".join(self.one(f) for f in fids) + " = " + self.total(fids)

    def label(self) -> str:
        return "kỳ này" if self.period == "ky_nay" else f"cùng kỳ năm {self.report.year - 1}"


def _fill(template: str, values: Mapping[str, str]) -> str:
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template)


def check_consistency(
    report: ReportData, catalogue: Catalogue | None = None, rules: RuleSet | None = None
) -> list[Finding]:
    """Every broken rule of ``report``, one finding each, in rule order then period."""
    catalogue = catalogue or default_catalogue()
    rules = rules or default_rules()
    findings: list[Finding] = []
    for period in PERIODS:
        values = _Values(report, catalogue, period)
        fired: set[tuple[str, str]] = set()
        for check in rules.checks:
            involved = check.parts + check.wholes
            if period == "cung_ky" and not all(catalogue.figures[f].compared for f in involved):
                continue
            finding = _apply(check, values, catalogue, fired)
            if finding is not None:
                findings.append(finding)
    return findings


def _apply(check: Check, values: _Values, catalogue: Catalogue, fired: set[tuple[str, str]]) -> Finding | None:
    report = values.report
    first = check.wholes[0] if check.kind == "tong_bang" else check.parts[0]
    figure = catalogue.figures[first]
    section = catalogue.group(figure.group).section

    def finding(message: str) -> Finding:
        return Finding(report.source, values.line(first), values.key(first), section, message)

    if check.kind == "khong_am":
        value = values.value(first)
        if value is None or value >= 0:
            return None
        return finding(_fill(check.message, {"ky": values.label(), "chi_so": values.one(first)}))
    if check.kind == "tong_bang":
        total = values.value(check.wholes[0])
        present = tuple(f for f in check.parts if values.value(f) is not None)
        if total is None or not present:
            return None
        parts_sum = sum(values.value(f) or 0 for f in present)
        complete = len(present) == len(check.parts)
        if (complete and parts_sum == total) or (not complete and parts_sum <= total):
            return None
        if any((p, check.wholes[0]) in fired for p in check.parts):
            return None
        return finding(
            _fill(
                check.message,
                {
                    "ky": values.label(),
                    "tong": values.one(check.wholes[0]),
                    "cac_phan": "; ".join(values.one(f) for f in present),
                    "tong_cac_phan": values.total(present),
                },
            )
        )
    part_values = [values.value(f) for f in check.parts]
    whole_values = [values.value(f) for f in check.wholes]
    if any(v is None for v in part_values + whole_values):
        return None
    part_sum = sum(v or 0 for v in part_values)
    whole_sum = sum(v or 0 for v in whole_values)
    if part_sum <= whole_sum:
        return None
    for p in check.parts:
        for w in check.wholes:
            fired.add((p, w))
    if check.kind == "ty_le":
        rate_figure = catalogue.figures[check.rate]
        shown = rate(part_sum, whole_sum)
        rate_text = values.title(rate_figure) + (f" ({format_percent(shown)})" if shown is not None else "")
        return finding(
            _fill(
                check.message,
                {
                    "ky": values.label(),
                    "ty_le": rate_text,
                    "tu_so": values.side(check.parts),
                    "mau_so": values.side(check.wholes),
                },
            )
        )
    return finding(
        _fill(
            check.message, {"ky": values.label(), "phan": values.side(check.parts), "tong": values.side(check.wholes)}
        )
    )
