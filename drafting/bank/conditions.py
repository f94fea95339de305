"""Structured conditions on figures: the model and its reader.

A claim's condition (``dieu_kien`` in ``phrasebank/nhan_dinh.yaml``) is data, not a
template, so that the bank can check that two opposite claims are never both true,
the TUI can explain a claim in words, and targets change by year without touching
conditions. A condition is an atom or a combination of conditions:

- ``{so_lieu: F, ky_nay: {">=": 60}}`` — the value of this period against a number,
  a named threshold (``{nguong: id}``) or another figure (``{so_lieu: G}``);
- ``{so_lieu: F, cung_ky: tang}`` — against the same period: ``tang``, ``giam``,
  ``bang``, ``khong_tang``, ``khong_giam``; ``muc`` gives the least change (points
  for a rate, percent of the same period for a count);
- ``{so_lieu: F, chi_tieu: dat}`` — a rate against the year's target (``dat`` or
  ``chua_dat``);
- ``tong: [F, G]`` (sum), ``hieu: [F, G]`` (difference), ``ty_le: [F, G]`` (share in %)
  instead of ``so_lieu``, with ``ky_nay`` or ``cung_ky``;
- ``{chi_tieu_nam: tat_ca_dat}`` — the year's targets as a whole: ``tat_ca_dat``,
  ``co_chua_dat``, ``da_so_dat``, ``da_so_chua_dat``;
- ``{nam: {">=": 2025}}`` — the report's year;
- ``{tat_ca: [...]}`` (all), ``{mot_trong: [...]}`` (any), ``{khong: {...}}`` (not).

Evaluation (three-valued) is :mod:`drafting.figures.truth`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from drafting.bank.catalogue import Catalogue
from drafting.files.fields import FieldReader, did_you_mean, join_path, type_name

Op = Literal["<", "<=", ">", ">=", "==", "!="]
OPS: tuple[str, ...] = ("<", "<=", ">", ">=", "==", "!=")
DIRECTIONS: tuple[str, ...] = ("tang", "giam", "bang", "khong_tang", "khong_giam")
TARGET_STATES: tuple[str, ...] = ("dat", "chua_dat")
AGGREGATES: tuple[str, ...] = ("tat_ca_dat", "co_chua_dat", "da_so_dat", "da_so_chua_dat")
QUANTITY_KEYS: tuple[str, ...] = ("so_lieu", "tong", "hieu", "ty_le")
COMBINATORS: tuple[str, ...] = ("tat_ca", "mot_trong", "khong")


@dataclass(frozen=True)
class Quantity:
    """What an atom compares: one figure, or a sum, difference or share of figures."""

    kind: Literal["so_lieu", "tong", "hieu", "ty_le"]
    figures: tuple[str, ...]

    @property
    def key(self) -> str:
        """A canonical name (``hieu(a,b)``) under which two atoms compare the same thing."""
        if self.kind == "so_lieu":
            return self.figures[0]
        args = sorted(self.figures) if self.kind == "tong" else list(self.figures)
        return f"{self.kind}({','.join(args)})"


@dataclass(frozen=True)
class Operand:
    """The right-hand side of a comparison: a number, a threshold or a figure's value."""

    number: Decimal | None = None
    threshold: str = ""
    figure: str = ""


@dataclass(frozen=True)
class ValueAtom:
    """The value of this period compared with an operand."""

    quantity: Quantity
    op: Op
    rhs: Operand


@dataclass(frozen=True)
class ChangeAtom:
    """The change against the same period, with an optional least amount."""

    quantity: Quantity
    direction: str
    amount: Operand | None = None


@dataclass(frozen=True)
class TargetAtom:
    """A rate against its target for the report's year."""

    figure: str
    met: bool


@dataclass(frozen=True)
class TargetsAtom:
    """The year's targets as a whole."""

    mode: str


@dataclass(frozen=True)
class YearAtom:
    """The report's year against a number."""

    op: Op
    value: int


@dataclass(frozen=True)
class AllOf:
    parts: tuple[Condition, ...]


@dataclass(frozen=True)
class AnyOf:
    parts: tuple[Condition, ...]


@dataclass(frozen=True)
class Not:
    part: Condition


Atom = ValueAtom | ChangeAtom | TargetAtom | TargetsAtom | YearAtom
Condition = Atom | AllOf | AnyOf | Not


def atoms(condition: Condition | None) -> Iterator[Atom]:
    """Every atom of a condition, in order."""
    if condition is None:
        return
    if isinstance(condition, (AllOf, AnyOf)):
        for part in condition.parts:
            yield from atoms(part)
    elif isinstance(condition, Not):
        yield from atoms(condition.part)
    else:
        yield condition


def atom_figures(atom: Atom) -> tuple[str, ...]:
    """The figure ids an atom reads (a figure operand included)."""
    if isinstance(atom, (ValueAtom, ChangeAtom)):
        extra = [op.figure for op in (getattr(atom, "rhs", None), getattr(atom, "amount", None)) if op and op.figure]
        return atom.quantity.figures + tuple(extra)
    if isinstance(atom, TargetAtom):
        return (atom.figure,)
    return ()


def condition_figures(condition: Condition | None) -> tuple[str, ...]:
    """Every figure id a condition reads, once, in order."""
    seen: dict[str, None] = {}
    for atom in atoms(condition):
        for fid in atom_figures(atom):
            seen.setdefault(fid, None)
    return tuple(seen)


class ConditionReader:
    """Reads conditions from YAML nodes, recording located problems."""

    def __init__(self, reader: FieldReader, catalogue: Catalogue, thresholds: Mapping[str, Any]) -> None:
        self.reader = reader
        self.catalogue = catalogue
        self.thresholds = thresholds

    def problem(self, node: Any, key: str | int | None, path: str, message: str) -> None:
        self.reader.problem(node, key, path, message)

    def read(self, parent: Any, key: str | int, node: Any, path: str) -> Condition | None:
        """The condition at ``parent[key]``; ``None`` (with a problem) when it is wrong."""
        m = self.reader.mapping(parent, key, node, path)
        if m is None:
            return None
        combinators = [k for k in COMBINATORS if k in m]
        if combinators:
            if len(m) != 1:
                self.problem(m, None, path, "tat_ca, mot_trong, khong đứng một mình trong một điều kiện")
                return None
            name = combinators[0]
            sub = join_path(path, name)
            if name == "khong":
                inner = self.read(m, name, m[name], sub)
                return Not(inner) if inner is not None else None
            items = self.reader.sequence(m, name, m[name], sub)
            if not items:
                if items is not None:
                    self.problem(m, name, sub, "danh sách điều kiện rỗng")
                return None
            parts = [self.read(items, i, item, join_path(sub, i)) for i, item in enumerate(items)]
            if any(p is None for p in parts):
                return None
            kept = tuple(p for p in parts if p is not None)
            return AllOf(kept) if name == "tat_ca" else AnyOf(kept)
        if "chi_tieu_nam" in m:
            return self._aggregate(m, path)
        if "nam" in m:
            return self._year(m, path)
        return self._figure_atom(m, path)

    def _aggregate(self, m: Mapping[str, Any], path: str) -> Condition | None:
        self.reader.unknown_keys(m, ("chi_tieu_nam",), path)
        mode = str(m["chi_tieu_nam"])
        if mode not in AGGREGATES:
            self.problem(m, "chi_tieu_nam", join_path(path, "chi_tieu_nam"), _choices(mode, AGGREGATES))
            return None
        return TargetsAtom(mode)

    def _year(self, m: Mapping[str, Any], path: str) -> Condition | None:
        self.reader.unknown_keys(m, ("nam",), path)
        comparison = self._comparison(m, "nam", join_path(path, "nam"))
        if comparison is None:
            return None
        op, rhs = comparison
        if rhs.number is None or rhs.number != int(rhs.number):
            self.problem(m, "nam", join_path(path, "nam"), "năm phải so với một số nguyên")
            return None
        return YearAtom(op, int(rhs.number))

    def _figure_atom(self, m: Mapping[str, Any], path: str) -> Condition | None:
        kinds = [k for k in QUANTITY_KEYS if k in m]
        if len(kinds) != 1:
            self.problem(
                m,
                None,
                path,
                "điều kiện phải có đúng một trong: so_lieu, tong, hieu, ty_le, chi_tieu_nam, nam, tat_ca, "
                "mot_trong, khong",
            )
            return None
        kind = kinds[0]
        self.reader.unknown_keys(m, (kind, "ky_nay", "cung_ky", "muc", "chi_tieu"), path)
        quantity = self.quantity(m, kind, path)
        tests = [k for k in ("ky_nay", "cung_ky", "chi_tieu") if k in m]
        if len(tests) != 1:
            self.problem(m, None, path, "điều kiện về số liệu phải có đúng một trong: ky_nay, cung_ky, chi_tieu")
            return None
        if quantity is None:
            return None
        test = tests[0]
        tpath = join_path(path, test)
        if test == "chi_tieu":
            state = str(m[test])
            figure = self.catalogue.figures.get(quantity.figures[0])
            if kind != "so_lieu" or figure is None or not figure.target:
                self.problem(m, test, tpath, "chỉ đối chiếu chỉ tiêu cho một tỷ lệ có chỉ tiêu (so_lieu: <tỷ lệ>)")
                return None
            if state not in TARGET_STATES:
                self.problem(m, test, tpath, _choices(state, TARGET_STATES))
                return None
            return TargetAtom(quantity.figures[0], state == "dat")
        if test == "cung_ky":
            direction = str(m[test])
            if direction not in DIRECTIONS:
                self.problem(m, test, tpath, _choices(direction, DIRECTIONS))
                return None
            amount = self.operand(m, "muc", m["muc"], join_path(path, "muc")) if "muc" in m else None
            if "muc" in m and (amount is None or direction not in ("tang", "giam") or amount.figure):
                if amount is not None:
                    self.problem(m, "muc", join_path(path, "muc"), "muc chỉ dùng với tang, giam; là số hoặc ngưỡng")
                return None
            for fid in quantity.figures:
                figure = self.catalogue.figures.get(fid)
                if figure is not None and not figure.compared:
                    self.problem(m, kind, join_path(path, kind), f"chỉ số “{fid}” không so sánh với cùng kỳ")
                    return None
            return ChangeAtom(quantity, direction, amount)
        if "muc" in m:
            self.problem(m, "muc", join_path(path, "muc"), "muc chỉ dùng với cung_ky")
        comparison = self._comparison(m, test, tpath)
        if comparison is None:
            return None
        return ValueAtom(quantity, *comparison)

    def quantity(self, m: Mapping[str, Any], kind: str, path: str) -> Quantity | None:
        kpath = join_path(path, kind)
        ids = self.reader.text_list(m, kind, path)
        size = {"so_lieu": (1, 1), "tong": (2, 99), "hieu": (2, 2), "ty_le": (2, 2)}[kind]
        if not size[0] <= len(ids) <= size[1]:
            wanted = {"so_lieu": "một mã chỉ số", "tong": "ít nhất hai mã chỉ số", "hieu": "hai mã chỉ số"}
            self.problem(m, kind, kpath, f"{kind} cần {wanted.get(kind, 'hai mã chỉ số')}")
            return None
        ok = True
        for fid in ids:
            if not self.figure_exists(m, kind, kpath, fid):
                ok = False
        return Quantity(kind, ids) if ok else None  # type: ignore[arg-type]

    def figure_exists(self, node: Any, key: str | int | None, path: str, fid: str) -> bool:
        if fid in self.catalogue.figures:
            return True
        self.problem(
            node, key, path, f"không có chỉ số “{fid}” trong danh mục" + did_you_mean(fid, self.catalogue.figures)
        )
        return False

    def _comparison(self, m: Mapping[str, Any], key: str, path: str) -> tuple[Op, Operand] | None:
        node = self.reader.mapping(m, key, m[key], path)
        if node is None:
            return None
        if len(node) != 1:
            self.problem(m, key, path, "so sánh phải có đúng một phép: " + ", ".join(OPS))
            return None
        op, value = next(iter(node.items()))
        if str(op) not in OPS:
            self.problem(node, op, join_path(path, str(op)), _choices(str(op), OPS))
            return None
        rhs = self.operand(node, op, value, join_path(path, str(op)))
        return (str(op), rhs) if rhs is not None else None  # type: ignore[return-value]

    def operand(self, parent: Any, key: str | int, value: Any, path: str) -> Operand | None:
        if isinstance(value, bool):
            self.problem(parent, key, path, "phải là số, {nguong: …} hoặc {so_lieu: …}")
            return None
        if isinstance(value, (int, float)):
            return Operand(number=Decimal(str(value)))
        if isinstance(value, Mapping) and len(value) == 1:
            ((name, ref),) = value.items()
            if name == "nguong":
                if str(ref) not in self.thresholds:
                    self.problem(
                        parent,
                        key,
                        path,
                        f"không có ngưỡng “{ref}” (khóa nguong)" + did_you_mean(str(ref), self.thresholds),
                    )
                    return None
                return Operand(threshold=str(ref))
            if name == "so_lieu":
                if not self.figure_exists(parent, key, path, str(ref)):
                    return None
                return Operand(figure=str(ref))
        self.problem(parent, key, path, f"phải là số, {{nguong: …}} hoặc {{so_lieu: …}}, không phải {type_name(value)}")
        return None


def _choices(value: str, allowed: tuple[str, ...]) -> str:
    return f"“{value}” không hợp lệ; chọn một trong: {', '.join(allowed)}" + did_you_mean(value, allowed)
