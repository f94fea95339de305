"""Phrase texts, conditions and outline headings, rendered in Jinja's immutable sandbox.

Only maintainers' phrase-bank texts are templates; what a writer types is data and is
never rendered. Undefined names raise. Every render is bounded by its work
(:mod:`drafting.bank.limits`), because a C call cannot be interrupted:

- nothing is computed while compiling: the optimizer is off and the output hook and
  every filter take the context, so Jinja folds no constant (``bank check`` builds
  nothing; it renders every variant on the sample, where the bounds below hold);
- every operator, filter, call, literal and ``~`` is checked: arguments that give a
  size (``center(999999999)``, ``'%0999999999d' % 1``, ``batch(10**9)``) are refused
  before the work, and every value built is at most :data:`MAX_SIZE` characters;
- loop iterations, calls, filters and operators count towards :data:`MAX_STEPS`, and
  output is counted while it streams;
- statements that capture output or call themselves (``macro``, ``call``, ``set`` …
  ``endset``, ``filter``, ``block``, ``include``, recursive ``for``) are refused: a
  phrase needs none of them.

>>> render("Phương hướng nhiệm vụ năm {{ nam_sau }}", {"nam_sau": 2025})
'Phương hướng nhiệm vụ năm 2025'
>>> render("{{ so | so }} vụ", {"so": 1234})
'1.234 vụ'
>>> render("{{ 'x'|center(999999999) }}", {})
Traceback (most recent call last):
  ...
drafting.bank.sandbox.TemplateProblem: vượt giới hạn: bộ lọc center (999.999.999 ký tự), tối đa 20.000 ký tự
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any

from jinja2 import StrictUndefined, TemplateError, nodes, pass_context
from jinja2.environment import Template, TemplateExpression
from jinja2.exceptions import SecurityError, TemplateSyntaxError, UndefinedError
from jinja2.parser import Parser
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import _PassArg
from jinja2.visitor import NodeTransformer

from drafting.bank.limits import (
    MAX_BUILT,
    MAX_DIGITS,
    MAX_RANGE,
    MAX_SIZE,
    MAX_STEPS,
    READ_PER_STEP,
    LimitExceeded,
    budget,
    check_binop,
    check_filter,
    check_method,
    check_size,
    current,
    joined_size,
    size,
)
from drafting.errors import DraftingError
from drafting.vi.filters import FILTERS


class TemplateProblem(DraftingError):
    """A phrase text or condition that does not parse or does not render.

    ``kind`` says why: ``"syntax"`` (refused when compiled), ``"limit"`` (a bound of
    :mod:`drafting.bank.limits` was reached), ``"missing"`` (it failed on a figure
    without a value: ``None``) or ``"error"`` (any other failure).
    """

    def __init__(self, message: str, line: int | None = None, kind: str = "error") -> None:
        self.message = message
        self.line = line
        self.kind = kind
        super().__init__(message)


# What rendering may raise besides a TemplateError: each becomes a TemplateProblem.
_FAILURES = (TemplateError, TypeError, ValueError, ArithmeticError, AttributeError, LookupError, RecursionError)
_BINOPS: dict[str, Callable[[Any, Any], Any]] = {
    "+": operator.add,
    "-": operator.sub,
    "*": operator.mul,
    "/": operator.truediv,
    "//": operator.floordiv,
    "%": operator.mod,
    "**": operator.pow,
}
_REFUSED_STATEMENTS: dict[type[nodes.Node], str] = {
    nodes.Macro: "{% macro %}",
    nodes.CallBlock: "{% call %}",
    nodes.AssignBlock: "{% set %}…{% endset %}",
    nodes.FilterBlock: "{% filter %}",
    nodes.Block: "{% block %}",
    nodes.Extends: "{% extends %}",
    nodes.Include: "{% include %}",
    nodes.Import: "{% import %}",
    nodes.FromImport: "{% from … import %}",
}
_UNSAFE_ATTRIBUTES = {"mro", "format", "format_map", "gi_frame", "f_globals", "translate", "maketrans", "encode"}
# Filters the bounds add to a template (see _Bounds); a phrase that names one only counts more.
_LOOP, _CONCAT, _LITERAL = "_dem_vong_lap", "_noi_chuoi", "_gia_tri"


def _small_range(*args: int) -> range:
    result = range(*args)
    try:
        length: int | None = len(result)
    except OverflowError:  # more elements than an index can count
        length = None
    if length is None or length > MAX_RANGE:
        raise LimitExceeded("range", length, MAX_RANGE, "phần tử")
    current().step(len(result))
    return result


def _guarded(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """A filter that counts its steps (one, and one per :data:`READ_PER_STEP` characters
    it reads), refuses a call that would build too much and checks what it built.
    Taking the context, it is never run while compiling."""
    passes = _PassArg.from_obj(func)

    @pass_context
    def run(context: Context, value: Any, *args: Any, **kwargs: Any) -> Any:
        spent = current()
        spent.step(1 + size(value) // READ_PER_STEP)
        value = check_filter(name, value, args, kwargs)
        if passes is _PassArg.context:
            result = func(context, value, *args, **kwargs)
        elif passes is _PassArg.eval_context:
            result = func(context.eval_ctx, value, *args, **kwargs)
        elif passes is _PassArg.environment:
            result = func(context.environment, value, *args, **kwargs)
        else:
            result = func(value, *args, **kwargs)
        return result if result is value else spent.build(f"bộ lọc {name}", result)

    return run


@pass_context
def _count_loop(context: Context, values: Any) -> Any:
    """The items of a ``for`` loop, each counted as a step."""
    spent = current()
    for item in values:
        spent.step()
        yield item


@pass_context
def _concat(context: Context, values: list[Any]) -> str:
    """``a ~ b``: checked before the strings are joined."""
    spent = current()
    spent.step()
    check_size("phép ~", joined_size(values, ""))
    return spent.build("phép ~", "".join(map(str, values)))


@pass_context
def _literal(context: Context, value: Any) -> Any:
    """A list, tuple or dict written in the template, checked once built."""
    spent = current()
    spent.step()
    return spent.build("danh sách", value)


@pass_context
def _finalize(context: Context, value: Any) -> Any:
    """Every ``{{ … }}``: its size is checked before it is written."""
    current().step()
    check_size("giá trị in ra", size(value))
    return value


class _Bounds(NodeTransformer):
    """Refuses what a phrase does not need; routes loops, ``~`` and literals through
    the counting filters."""

    def generic_visit(self, node: nodes.Node, *args: Any, **kwargs: Any) -> nodes.Node:
        refused = _REFUSED_STATEMENTS.get(type(node))
        if refused is not None or (isinstance(node, nodes.For) and node.recursive):
            what = refused or "vòng lặp recursive"
            raise TemplateProblem(f"câu mẫu không được dùng {what} (dòng {node.lineno})", node.lineno, "syntax")
        node = super().generic_visit(node, *args, **kwargs)
        if isinstance(node, nodes.For):
            node.iter = nodes.Filter(node.iter, _LOOP, [], [], None, None, lineno=node.lineno)
        elif isinstance(node, nodes.Concat):
            items = nodes.List(node.nodes, lineno=node.lineno)
            return nodes.Filter(items, _CONCAT, [], [], None, None, lineno=node.lineno)
        elif isinstance(node, (nodes.List, nodes.Dict)) or (isinstance(node, nodes.Tuple) and node.ctx == "load"):
            return nodes.Filter(node, _LITERAL, [], [], None, None, lineno=node.lineno)
        return node


class PhraseEnvironment(ImmutableSandboxedEnvironment):
    """The sandbox: no attribute starting with "_", no mutation, bounded work."""

    intercepted_binops = frozenset(_BINOPS)

    def __init__(self) -> None:
        super().__init__(
            undefined=StrictUndefined,
            autoescape=False,
            keep_trailing_newline=False,
            optimized=False,
            finalize=_finalize,
        )
        filters: dict[str, Any] = {**self.filters, **FILTERS}
        self.filters = {name: _guarded(name, func) for name, func in filters.items()}
        self.filters.update({_LOOP: _count_loop, _CONCAT: _concat, _LITERAL: _literal})
        self.globals = {"range": _small_range}

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        """Refuse products, powers and ``%`` formats that would build huge values."""
        spent = current()
        spent.step()
        check_binop(operator, left, right)
        return spent.build(f"phép {operator}", _BINOPS[operator](left, right))

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        """Call a function or method: counted, and checked like a filter."""
        spent = current()
        spent.step()
        owner = getattr(__obj, "__self__", None)
        name = getattr(__obj, "__name__", "")
        if isinstance(owner, str):
            spent.step(len(owner) // READ_PER_STEP)
            args = check_method(owner, name, args, kwargs)
        result = super().call(__context, __obj, *args, **kwargs)
        return result if result is owner else spent.build(f"lời gọi {name}", result)

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if attr.startswith("_") or attr in _UNSAFE_ATTRIBUTES:
            return False
        return bool(super().is_safe_attribute(obj, attr, value))


@lru_cache(maxsize=1)
def environment() -> PhraseEnvironment:
    """The shared sandboxed environment."""
    return PhraseEnvironment()


def _problem(exc: BaseException) -> TemplateProblem:
    """A Vietnamese :class:`TemplateProblem` for a failure of parsing or rendering."""
    line = getattr(exc, "lineno", None)
    if isinstance(exc, TemplateProblem):
        return exc
    if isinstance(exc, LimitExceeded):
        return TemplateProblem(str(exc), line, "limit")
    if isinstance(exc, MemoryError):
        return TemplateProblem("vượt giới hạn bộ nhớ khi tính mẫu", line, "limit")
    if isinstance(exc, RecursionError):
        return TemplateProblem("mẫu lồng nhau quá sâu", line, "limit")
    if isinstance(exc, TemplateSyntaxError):
        return TemplateProblem(f"cú pháp Jinja không hợp lệ: {exc.message}", line, "syntax")
    if isinstance(exc, SecurityError):
        return TemplateProblem(f"bị chặn vì lý do an toàn: {exc}", line)
    text = str(exc)
    if isinstance(exc, UndefinedError) and "is undefined" in text:
        name = text.split("'")[1] if "'" in text else text
        return TemplateProblem(f"biến “{name}” không tồn tại trong ngữ cảnh câu mẫu", line)
    return TemplateProblem(f"lỗi mẫu Jinja: {text or type(exc).__name__}", line)


def _compile(key: str, parse: Callable[[], nodes.Template]) -> Template:
    """The template of a parsed tree, with the bounds; its code comes from the disk cache
    when an earlier run compiled the same text."""
    from drafting.bank.cache import code_cache

    env = environment()
    cache = code_cache()
    code = cache.get(key)
    if code is None:
        try:
            tree = _Bounds().visit(parse())
            tree.set_environment(env)
            code = env.compile(tree)
        except (TemplateProblem, *_FAILURES, MemoryError) as exc:
            raise _problem(exc) from None
        cache.put(key, code)
    return env.template_class.from_code(env, code, env.make_globals(None), None)


@lru_cache(maxsize=4096)
def compiled_template(source: str) -> Template:
    """The compiled template of a phrase text; :class:`TemplateProblem` if it is refused."""
    return _compile("mẫu\0" + source, lambda: environment().parse(source))


def _condition_tree(source: str) -> nodes.Template:
    parser = Parser(environment(), source, state="variable")
    expr = parser.parse_expression()
    if not parser.stream.eos:
        raise TemplateSyntaxError("chunk after expression", parser.stream.current.lineno, None, None)
    return nodes.Template([nodes.Assign(nodes.Name("result", "store"), expr, lineno=1)], lineno=1)


@lru_cache(maxsize=4096)
def compiled_condition(source: str) -> TemplateExpression:
    """A compiled condition (as ``Environment.compile_expression``, bounded)."""
    compiled = _compile("điều kiện\0" + source, lambda: _condition_tree(source))
    return TemplateExpression(compiled, undefined_to_none=False)


def render(source: str, context: Mapping[str, Any]) -> str:
    """Render a template in the sandbox; raise :class:`TemplateProblem` on any failure
    (of kind ``"missing"`` when the text reads a figure without a value)."""
    compiled = compiled_template(source)
    parts: list[str] = []
    with budget() as spent:
        try:
            for part in compiled.generate(**context):
                spent.write(part)
                parts.append(part)
        except (*_FAILURES, MemoryError) as exc:
            problem = _problem(exc)
        else:
            return "".join(parts)
    raise _missing(problem, source, False, context)


def evaluate_condition(source: str, context: Mapping[str, Any]) -> bool:
    """Evaluate a condition expression in the sandbox.

    A failure raises :class:`TemplateProblem`; its ``kind`` is ``"missing"`` when the
    condition reads a figure without a value (``None``), so that the caller can treat
    it as not known rather than as an error.
    """
    compiled = compiled_condition(source)
    with budget():
        try:
            return bool(compiled(**context))
        except (*_FAILURES, MemoryError) as exc:
            problem = _problem(exc)
    raise _missing(problem, source, True, context)


def _missing(problem: TemplateProblem, source: str, expression: bool, context: Mapping[str, Any]) -> TemplateProblem:
    """``problem``, of kind ``"missing"`` if it is an error and the text reads a value ``None``."""
    if problem.kind == "error":
        for name in referenced_names(source, expression):
            value: Any = context
            for part in name.split("."):
                if not isinstance(value, Mapping) or part not in value:
                    break
                value = value[part]
                if value is None:
                    problem.kind = "missing"
                    return problem
    return problem


def check_syntax(source: str, expression: bool = False) -> None:
    """Raise :class:`TemplateProblem` if ``source`` does not parse or uses what a phrase may not."""
    if expression:
        compiled_condition(source)
    else:
        compiled_template(source)


def referenced_names(source: str, expression: bool = False) -> set[str]:
    """Dotted names (``so_lieu.an_hinh_su.thu_ly``) that a template reads."""
    tree = environment().parse("{{ " + source + " }}" if expression else source)
    found: set[str] = set()
    for node in tree.find_all((nodes.Getattr, nodes.Name)):
        parts: list[str] = []
        cur: Any = node
        while isinstance(cur, nodes.Getattr):
            parts.append(cur.attr)
            cur = cur.node
        if isinstance(cur, nodes.Name):
            parts.append(cur.name)
            found.add(".".join(reversed(parts)))
    return found


__all__ = [
    "MAX_BUILT",
    "MAX_DIGITS",
    "MAX_RANGE",
    "MAX_SIZE",
    "MAX_STEPS",
    "PhraseEnvironment",
    "TemplateProblem",
    "check_syntax",
    "compiled_condition",
    "compiled_template",
    "environment",
    "evaluate_condition",
    "referenced_names",
    "render",
]
