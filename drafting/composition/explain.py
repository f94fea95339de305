"""Why a phrase is suggested, in plain Vietnamese worded from the figures.

A phrase's condition (``dieu_kien``) is a Jinja expression over the figures; a writer
never sees it. :func:`explain_suggestion` reads the expression's parts that decided
the outcome and words each from the figures' values and targets, for example
“tỷ lệ giải quyết án hình sự 96,88% đạt chỉ tiêu 90%”. (The coherence work will word
claims instead; the editor shows whatever this function returns.)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jinja2 import nodes

from drafting.bank.catalogue import Catalogue, Figure
from drafting.bank.phrases import Phrase
from drafting.vi.numbers import format_number, format_percent
from drafting.vi.text import join_vi

_OPS_TRUE = {"lt": "dưới", "lteq": "không quá", "gt": "trên", "gteq": "từ", "eq": "bằng", "ne": "khác"}
_OPS_FALSE = {"lt": "không dưới", "lteq": "trên", "gt": "không quá", "gteq": "dưới", "eq": "khác", "ne": "bằng"}
_ATTRS = ("ky_nay", "cung_ky", "chenh_lech", "tang", "giam", "bang", "co", "chi_tieu", "dat")


class _Unsupported(Exception):
    """A part of a condition this module cannot word (the fallback lists the figures)."""


def explain_suggestion(phrase: Phrase, context: Mapping[str, Any], catalogue: Catalogue, holds: bool) -> str:
    """Why ``phrase`` is (``holds``) or is not suggested, worded from the figures."""
    if not phrase.condition:
        return "câu thường dùng" if phrase.default else "câu có thể chọn thêm"
    lead = "Gợi ý vì " if holds else "Không gợi ý vì "
    try:
        tree = _parse(phrase.condition)
        reasons = _Explainer(context, catalogue).why(tree, holds)
    except (_Unsupported, Exception):  # noqa: BLE001 - any failure falls back to the figures used
        reasons = []
    if not reasons:
        facts = _Explainer(context, catalogue).facts(phrase.condition)
        if not facts:
            return lead + (
                "số liệu hiện có phù hợp với câu này" if holds else "số liệu hiện có chưa cho thấy điều câu này nói"
            )
        return lead + "số liệu: " + join_vi(facts)
    unique = list(dict.fromkeys(reasons))
    return lead + join_vi(unique)


def _parse(source: str) -> nodes.Expr:
    from drafting.bank.sandbox import environment

    template = environment().parse("{{ (" + source + ") }}")
    output = template.body[0]
    assert isinstance(output, nodes.Output)
    expr = output.nodes[0]
    assert isinstance(expr, nodes.Expr)
    return expr


def _path(node: nodes.Node) -> list[str] | None:
    """``so_lieu.an_hinh_su.thu_ly.ky_nay`` as its parts, or ``None``."""
    if isinstance(node, nodes.Name):
        return [node.name]
    if isinstance(node, nodes.Getattr):
        base = _path(node.node)
        return None if base is None else [*base, node.attr]
    return None


class _Explainer:
    def __init__(self, context: Mapping[str, Any], catalogue: Catalogue) -> None:
        self.context, self.catalogue = context, catalogue

    # ------------------------------------------------------------------ values

    def value(self, node: nodes.Node) -> Any:
        if isinstance(node, nodes.Const):
            return node.value
        path = _path(node)
        if path is not None:
            value: Any = self.context
            for part in path:
                if not isinstance(value, Mapping) or part not in value:
                    raise _Unsupported(".".join(path))
                value = value[part]
            return value
        if isinstance(node, nodes.Or):
            return self.value(node.left) or self.value(node.right)
        if isinstance(node, nodes.And):
            return self.value(node.left) and self.value(node.right)
        if isinstance(node, nodes.Not):
            return not self.value(node.node)
        if isinstance(node, (nodes.Add, nodes.Sub)):
            left, right = self.value(node.left), self.value(node.right)
            return left + right if isinstance(node, nodes.Add) else left - right
        if isinstance(node, nodes.Filter) and node.name == "length" and node.node is not None:
            return len(self.value(node.node))
        if isinstance(node, nodes.Test) and node.name == "none":
            return self.value(node.node) is None
        if isinstance(node, nodes.Compare):
            left = self.value(node.expr)
            result = True
            for operand in node.ops:
                right = self.value(operand.expr)
                result = result and _compare(operand.op, left, right)
                left = right
            return result
        raise _Unsupported(type(node).__name__)

    # ------------------------------------------------------------------ reasons

    def why(self, node: nodes.Node, want: bool) -> list[str]:
        """Phrases saying why ``node`` is ``want`` (only the parts that decided it)."""
        if isinstance(node, nodes.Not):
            return self.why(node.node, not want)
        if isinstance(node, (nodes.And, nodes.Or)):
            deciding = want if isinstance(node, nodes.Or) else not want
            sides = [node.left, node.right]
            if deciding:  # one side is enough: the first that decided
                for side in sides:
                    if bool(self.value(side)) == want:
                        return self.why(side, want)
            # Every side counts; “has a value” guards say nothing next to the real reasons.
            telling = [side for side in sides if not _is_guard(side)] or sides
            return [r for side in telling for r in self.why(side, want)]
        return self.leaf(node, want)

    def leaf(self, node: nodes.Node, want: bool) -> list[str]:
        path = _path(node)
        if path is not None:
            return self.attribute(path, want)
        if isinstance(node, nodes.Test) and node.name == "none":
            figure = self.figure_of(_path(node.node) or [])
            if figure is None:
                raise _Unsupported("test")
            return [("chưa nhập " if want else "đã nhập ") + self.label(figure)]
        if isinstance(node, nodes.Compare) and len(node.ops) == 1:
            return self.comparison(node, want)
        raise _Unsupported(type(node).__name__)

    def attribute(self, path: list[str], want: bool) -> list[str]:
        if path[:1] == ["chi_tieu"]:
            return self.targets(path[1:], want)
        figure = self.figure_of(path)
        if figure is None or len(path) != 4:
            raise _Unsupported(".".join(path))
        attrs = self.attrs(figure)
        label, attr = self.label(figure), path[3]
        if attr in ("tang", "giam", "bang"):
            word = {"tang": "tăng", "giam": "giảm", "bang": "bằng cùng kỳ"}[attr]
            values = f"({self.amount(figure, attrs['ky_nay'])}, cùng kỳ {self.amount(figure, attrs['cung_ky'])})"
            if want:
                return [f"{label} {word} {values}"]
            if attrs["ky_nay"] is None:
                return [f"chưa nhập {label}"]
            return [f"{label} không {word} {values}"]
        if attr == "co":
            return [("đã nhập " if want else "chưa nhập ") + label]
        if attr == "dat":
            if attrs["dat"] is None:
                return [f"chưa có chỉ tiêu hoặc chưa nhập số liệu của {label}"]
            verb = "đạt" if want else "chưa đạt"
            return [f"{label} {self.amount(figure, attrs['ky_nay'])} {verb} chỉ tiêu {self.target_text(figure, attrs)}"]
        if attr in ("ky_nay", "cung_ky"):
            return [f"{label} {self.amount(figure, attrs[attr])}"]
        raise _Unsupported(attr)

    def comparison(self, node: nodes.Compare, want: bool) -> list[str]:
        operand = node.ops[0]
        left, right = node.expr, operand.expr
        counted = _path(left.node) if isinstance(left, nodes.Filter) and left.node is not None else None
        if counted is not None and counted[:1] == ["chi_tieu"]:  # ``chi_tieu.chua_dat | length > 0``
            return self.targets(counted[1:], want)
        if isinstance(left, nodes.Compare) or not isinstance(right, nodes.Const):
            return self.figures_in(node)
        # ``x.dat == false``, ``x.dat == true``
        if isinstance(right.value, bool) and operand.op in ("eq", "ne"):
            positive = right.value if operand.op == "eq" else not right.value
            return self.why(left, want if positive else not want)
        if isinstance(left, nodes.Or):  # ``(x.ky_nay or 0) > 0``
            left = left.left
        path = _path(left)
        figure = self.figure_of(path or [])
        if figure is None or path is None or len(path) != 4:
            return self.figures_in(node)
        value = self.value(left)
        shown = self.amount(figure, value)
        bound = right.value
        words = (_OPS_TRUE if want else _OPS_FALSE)[operand.op]
        bound_text = format_percent(bound) if figure.kind == "ty_le" else format_number(bound)
        if value is None:
            return [f"chưa nhập {self.label(figure)}"]
        if operand.op == "gt" and bound == 0:
            return [f"{self.label(figure)} {shown}" if want else f"chưa có {self.label(figure)}"]
        if operand.op == "gteq" and want:
            bound_text += " trở lên"
        return [f"{self.label(figure)} {shown} ({words} {bound_text})"]

    def targets(self, path: list[str], want: bool) -> list[str]:
        chi_tieu = self.context.get("chi_tieu") or {}
        missed, met = list(chi_tieu.get("chua_dat") or ()), list(chi_tieu.get("dat") or ())
        if path[:1] == ["chua_dat"]:
            if missed and want:
                return ["còn chỉ tiêu chưa đạt: " + join_vi(missed)]
            return ["mọi chỉ tiêu đã có số liệu đều đạt"] if met else ["chưa có chỉ tiêu nào để đối chiếu"]
        if path[:1] in (["dat"], ["tat_ca_dat"]):
            if met and (want or not missed):
                return ["đạt chỉ tiêu: " + join_vi(met)]
            return ["còn chỉ tiêu chưa đạt: " + join_vi(missed)] if missed else ["chưa có chỉ tiêu nào để đối chiếu"]
        raise _Unsupported(".".join(path))

    def figures_in(self, node: nodes.Node) -> list[str]:
        out = []
        for name in node.find_all(nodes.Getattr):
            path = _path(name)
            figure = self.figure_of(path or [])
            if figure is not None and path is not None and len(path) == 4 and path[3] in ("ky_nay", "cung_ky"):
                attrs = self.attrs(figure)
                when = "" if path[3] == "ky_nay" else " cùng kỳ"
                out.append(f"{self.label(figure)}{when} {self.amount(figure, attrs[path[3]])}")
        if not out:
            raise _Unsupported("comparison")
        return list(dict.fromkeys(out))

    def facts(self, condition: str) -> list[str]:
        try:
            return self.figures_in(_parse(condition))
        except Exception:  # noqa: BLE001 - nothing to list
            return []

    # ------------------------------------------------------------------ figures

    def figure_of(self, path: list[str]) -> Figure | None:
        if len(path) >= 3 and path[0] == "so_lieu":
            return self.catalogue.figures.get(f"{path[1]}.{path[2]}")
        return None

    def attrs(self, figure: Figure) -> Mapping[str, Any]:
        so_lieu = self.context.get("so_lieu") or {}
        found = (so_lieu.get(figure.group) or {}).get(figure.key)
        return found if isinstance(found, Mapping) else dict.fromkeys(_ATTRS)

    @staticmethod
    def label(figure: Figure) -> str:
        title = figure.title
        return title[:1].lower() + title[1:] if not title[1:2].isupper() else title

    @staticmethod
    def amount(figure: Figure, value: Any) -> str:
        if value is None:
            return "chưa nhập"
        if figure.kind == "ty_le":
            return format_percent(value)
        return f"{format_number(value)} {figure.unit}".strip()

    def target_text(self, figure: Figure, attrs: Mapping[str, Any]) -> str:
        target = self.catalogue.targets.get(figure.target or "") if figure.target else None
        value = attrs.get("chi_tieu")
        if value is None:
            return ""
        bound = "không quá" if target is not None and target.kind == "toi_da" else "từ"
        return f"{bound} {format_percent(value)}" + (" trở lên" if bound == "từ" else "")


def _is_guard(node: nodes.Node) -> bool:
    """``x.co``, ``x.ky_nay is not none``: a check that a figure was entered."""
    if isinstance(node, nodes.Not):
        node = node.node
    if isinstance(node, (nodes.And, nodes.Or)):
        return _is_guard(node.left) and _is_guard(node.right)
    if isinstance(node, nodes.Test) and node.name == "none":
        return True
    return isinstance(node, nodes.Getattr) and node.attr == "co"


def _compare(op: str, left: Any, right: Any) -> bool:
    if op in ("eq", "ne"):
        return bool(left == right) == (op == "eq")
    if left is None or right is None:
        raise _Unsupported("none")
    return bool({"lt": left < right, "lteq": left <= right, "gt": left > right, "gteq": left >= right}[op])
