"""The targets the rates are held against, by exact report year (``phrasebank/chi_tieu.yaml``).

The targets themselves (a name and whether a rate must reach or stay below the value) do
not change; their values are issued every year by a new document and are kept per year,
each set with its source and whether its values were read in a published text. A rate
takes the confirmed value of the first set of its year that has one; a year without
values compares with nothing. An overlay folder of the bank may hold a ``chi_tieu.yaml``
with only ``nam``: its sets come before the shipped ones of the same year.

>>> from drafting.bank.bank import default_bank
>>> table = default_bank().catalogue.targets
>>> table.for_year(2024)["giai_quyet_hinh_su"].value, sorted(table.for_year(2025)), table.for_year(2026)
(Decimal('90'), ['huy_sua_chu_quan'], {})
>>> [t.id for t in table.unconfirmed(2025)]
['giai_quyet_hinh_su', 'giai_quyet_dan_su', 'giai_quyet_hanh_chinh']
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from drafting.errors import ProblemsError
from drafting.files.fields import FieldReader, did_you_mean, join_path
from drafting.files.yamlio import line_of, read_yaml_file
from drafting.schema import MAX_YEAR, MIN_YEAR

TargetKind = Literal["toi_thieu", "toi_da"]
TARGET_KINDS: tuple[str, ...] = ("toi_thieu", "toi_da")
TARGETS_FILE = "chi_tieu.yaml"


@dataclass(frozen=True)
class TargetDefinition:
    """A target: its name in sentences and whether it is a minimum or a maximum."""

    id: str
    label: str
    kind: TargetKind


@dataclass(frozen=True)
class Target:
    """A target's value for a report year (percent), with where it comes from."""

    id: str
    label: str
    kind: TargetKind
    value: Decimal
    source: str = ""
    confirmed: bool = True
    basis: str = ""


@dataclass(frozen=True)
class TargetSet:
    """The values one document sets for a year: target id → (value, confirmed, basis)."""

    source: str
    values: Mapping[str, tuple[Decimal, bool, str]]
    file: str = ""
    line: int | None = None


@dataclass(frozen=True)
class TargetTable:
    """Every target, and their values by report year (sets in order of precedence)."""

    definitions: dict[str, TargetDefinition]
    years: dict[int, tuple[TargetSet, ...]] = field(default_factory=dict)

    def __contains__(self, target_id: object) -> bool:
        return target_id in self.definitions

    def _candidates(self, year: int) -> dict[str, list[Target]]:
        out: dict[str, list[Target]] = {}
        for target_set in self.years.get(year, ()):
            for tid, (value, confirmed, basis) in target_set.values.items():
                d = self.definitions[tid]
                out.setdefault(tid, []).append(Target(tid, d.label, d.kind, value, target_set.source, confirmed, basis))
        return out

    def for_year(self, year: int) -> dict[str, Target]:
        """The confirmed target values of ``year`` (the first set's that has one)."""
        out: dict[str, Target] = {}
        for tid, candidates in self._candidates(year).items():
            confirmed = next((t for t in candidates if t.confirmed), None)
            if confirmed is not None:
                out[tid] = confirmed
        return out

    def unconfirmed(self, year: int) -> list[Target]:
        """Values of ``year`` not used because not confirmed (targets without a confirmed value)."""
        used = self.for_year(year)
        return [c[0] for tid, c in self._candidates(year).items() if tid not in used]


def _percent(reader: FieldReader, node: Any, key: str | int, value: Any, path: str) -> Decimal | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 100:
        reader.problem(node, key, path, "phải là số phần trăm từ 0 đến 100")
        return None
    return Decimal(str(value))


def _set(
    reader: FieldReader, items: list[Any], index: int, node: Any, path: str, definitions: Mapping[str, Any]
) -> TargetSet | None:
    m = reader.mapping(items, index, node, path)
    if m is None:
        return None
    reader.unknown_keys(m, ("nguon", "xac_nhan", "gia_tri"), path)
    source = reader.text(m, "nguon", path, required=False)
    if not source:
        reader.problem(
            m if "nguon" in m else items,
            "nguon" if "nguon" in m else index,
            join_path(path, "nguon"),
            "chỉ tiêu phải ghi văn bản nguồn (nguon): loại, số, ngày văn bản và cơ quan ban hành",
        )
    confirmed = reader.flag(m, "xac_nhan", path, default=True)
    values: dict[str, tuple[Decimal, bool, str]] = {}
    table = reader.mapping(m, "gia_tri", m.get("gia_tri"), join_path(path, "gia_tri")) or {}
    for key, entry in table.items():
        tid = str(key)
        vpath = join_path(join_path(path, "gia_tri"), tid)
        if tid not in definitions:
            reader.problem(table, key, vpath, "không có chỉ tiêu này" + did_you_mean(tid, definitions))
            continue
        if isinstance(entry, Mapping):
            reader.unknown_keys(entry, ("gia_tri", "xac_nhan", "can_cu"), vpath)
            value = _percent(reader, entry, "gia_tri", entry.get("gia_tri"), join_path(vpath, "gia_tri"))
            own = reader.flag(entry, "xac_nhan", vpath, default=confirmed)
            basis = reader.text(entry, "can_cu", vpath, required=False)
        else:
            value, own, basis = _percent(reader, table, key, entry, vpath), confirmed, ""
        if value is not None:
            values[tid] = (value, own, basis)
    return TargetSet(source, values, reader.filename, line_of(items, index))


def _years(reader: FieldReader, root: Mapping[str, Any], definitions: Mapping[str, Any]) -> dict[int, list[TargetSet]]:
    out: dict[int, list[TargetSet]] = {}
    years = reader.mapping(root, "nam", root.get("nam") or {}, "nam") or {}
    for key, node in years.items():
        path = join_path("nam", str(key))
        if isinstance(key, bool) or not isinstance(key, int) or not MIN_YEAR <= key <= MAX_YEAR:
            reader.problem(years, key, path, f"năm phải là số nguyên từ {MIN_YEAR} đến {MAX_YEAR}")
            continue
        items = reader.sequence(years, key, node, path) or []
        sets = [_set(reader, items, i, item, join_path(path, i), definitions) for i, item in enumerate(items)]
        out[key] = [s for s in sets if s is not None]
    return out


def load_targets(path: Path, overlays: Sequence[Path] = ()) -> TargetTable:
    """Load ``chi_tieu.yaml`` and the overlays' (``nam`` only; their sets of a year come
    first); raise :class:`ProblemsError` listing every problem of every file."""
    data, _ = read_yaml_file(path, comments=False)
    reader = FieldReader(str(path))
    root = reader.mapping(None, None, data, "")
    if root is None:
        raise ProblemsError(reader.problems)
    reader.unknown_keys(root, ("chi_tieu", "nam"), "")
    definitions: dict[str, TargetDefinition] = {}
    table = reader.mapping(root, "chi_tieu", root.get("chi_tieu"), "chi_tieu") or {}
    for key, node in table.items():
        tpath = join_path("chi_tieu", str(key))
        entry = reader.mapping(table, key, node, tpath)
        if entry is None:
            continue
        reader.unknown_keys(entry, ("ten", "kieu"), tpath)
        kind = reader.text(entry, "kieu", tpath)
        if kind not in TARGET_KINDS:
            reader.problem(entry, "kieu", join_path(tpath, "kieu"), "phải là toi_thieu hoặc toi_da")
            continue
        definitions[str(key)] = TargetDefinition(str(key), reader.text(entry, "ten", tpath), kind)  # type: ignore[arg-type]
    years = _years(reader, root, definitions)
    problems = list(reader.problems)
    for overlay in overlays:
        odata, _ = read_yaml_file(overlay, comments=False)
        oreader = FieldReader(str(overlay))
        oroot = oreader.mapping(None, None, odata, "")
        if oroot is not None:
            oreader.unknown_keys(oroot, ("nam",), "")
            for year, sets in _years(oreader, oroot, definitions).items():
                years[year] = [*sets, *years.get(year, [])]
        problems += oreader.problems
    if problems:
        raise ProblemsError(problems)
    return TargetTable(definitions, {year: tuple(sets) for year, sets in sorted(years.items())})


__all__ = [
    "TARGETS_FILE",
    "TARGET_KINDS",
    "Target",
    "TargetDefinition",
    "TargetKind",
    "TargetSet",
    "TargetTable",
    "load_targets",
]
