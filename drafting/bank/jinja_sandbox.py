"""Jinja's immutable sandbox, compiled templates and expressions (imported on first need).

:mod:`drafting.bank.sandbox` is the front every caller uses; this module holds what needs
Jinja itself, so that a text with nothing to render never imports it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from jinja2 import StrictUndefined, TemplateError, nodes
from jinja2.environment import Template, TemplateExpression
from jinja2.exceptions import SecurityError, TemplateSyntaxError
from jinja2.parser import Parser
from jinja2.sandbox import ImmutableSandboxedEnvironment

from drafting.bank.sandbox import MAX_OUTPUT, MAX_RANGE
from drafting.vi.filters import register_filters

# What rendering a maintainer's template may raise: each becomes a located TemplateProblem.
RENDER_FAILURES: tuple[type[Exception], ...] = (
    TemplateError,
    SecurityError,
    TypeError,
    ValueError,
    ArithmeticError,
    AttributeError,
    KeyError,
    IndexError,
    RecursionError,
    OverflowError,
    MemoryError,
)


def _small_range(*args: int) -> range:
    result = range(*args)
    if len(result) > MAX_RANGE:
        raise SecurityError(f"range quá lớn (tối đa {MAX_RANGE} phần tử)")
    return result


class PhraseEnvironment(ImmutableSandboxedEnvironment):
    """The sandbox: no attribute starting with "_", no mutation, no big ranges."""

    def __init__(self) -> None:
        super().__init__(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=False)
        register_filters(self)
        self.globals = {"range": _small_range}

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        """Refuse products and powers that would build huge values."""
        if operator == "**":
            if isinstance(right, (int, float)) and abs(right) > 100:
                raise SecurityError("lũy thừa quá lớn")
            return left**right
        for seq, times in ((left, right), (right, left)):
            if isinstance(seq, (str, list, tuple)) and isinstance(times, int) and len(seq) * times > MAX_OUTPUT:
                raise SecurityError("chuỗi quá dài")
        return left * right

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if attr.startswith("_") or attr in {"mro", "format", "format_map", "gi_frame", "f_globals"}:
            return False
        return bool(super().is_safe_attribute(obj, attr, value))


@lru_cache(maxsize=1)
def environment() -> PhraseEnvironment:
    """The shared sandboxed environment."""
    return PhraseEnvironment()


def message(exc: Exception) -> str:
    """A Vietnamese message for a failure of parsing or rendering."""
    if isinstance(exc, SecurityError):
        return f"bị chặn vì lý do an toàn: {exc}"
    text = str(exc)
    if "is undefined" in text:
        name = text.split("'")[1] if "'" in text else text
        return f"biến “{name}” không tồn tại trong ngữ cảnh câu mẫu"
    return f"lỗi mẫu Jinja: {text}"


def _code(env: PhraseEnvironment, key: str, build: Any) -> Any:
    """The compiled code of a template, from the disk cache when an earlier run compiled it."""
    from drafting.bank.cache import code_cache

    cache = code_cache()
    code = cache.get(key)
    if code is None:
        code = env.compile(build())
        cache.put(key, code)
    return code


@lru_cache(maxsize=4096)
def template(source: str) -> Template:
    """The compiled template of a phrase text."""
    env = environment()
    code = _code(env, source, lambda: source)
    return env.template_class.from_code(env, code, env.make_globals(None), None)


@lru_cache(maxsize=4096)
def expression(source: str) -> TemplateExpression:
    """A compiled condition (as ``Environment.compile_expression``, with its code cached)."""
    env = environment()

    def tree() -> nodes.Template:
        parser = Parser(env, source, state="variable")
        expr = parser.parse_expression()
        if not parser.stream.eos:
            raise TemplateSyntaxError("chunk after expression", parser.stream.current.lineno, None, None)
        expr.set_environment(env)
        return nodes.Template([nodes.Assign(nodes.Name("result", "store"), expr, lineno=1)], lineno=1)

    code = _code(env, "\0biểu thức\0" + source, tree)
    compiled = env.template_class.from_code(env, code, env.make_globals(None), None)
    return TemplateExpression(compiled, undefined_to_none=False)


def syntax_error(source: str, expression_only: bool) -> tuple[str, int | None] | None:
    """The message and line of a syntax error in ``source``, or ``None``."""
    try:
        if expression_only:
            environment().parse("{{ " + source + " }}")
            expression(source)
        else:
            template(source)
    except TemplateError as exc:
        return f"cú pháp Jinja không hợp lệ: {getattr(exc, 'message', exc)}", getattr(exc, "lineno", None)
    return None


def referenced_names(source: str, expression_only: bool = False) -> set[str]:
    """Dotted names (``so_lieu.an_hinh_su.thu_ly``) that a template reads."""
    tree = environment().parse("{{ " + source + " }}" if expression_only else source)
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


__all__ = ["RENDER_FAILURES", "PhraseEnvironment", "environment", "expression", "referenced_names", "template"]
