"""Rendering phrase texts, conditions and outline headings in Jinja's immutable sandbox.

Only maintainers' phrase-bank texts are templates; what a writer types is data and is
never rendered. Undefined names raise, ranges are small, and output is bounded.

A text with no Jinja syntax, or whose only syntax is bare names (``năm {{ nam }}``)
bound to whole numbers or strings, renders here to exactly what Jinja would give,
without Jinja; everything else goes to :mod:`drafting.bank.jinja_sandbox`, imported then.

>>> render("Phương hướng nhiệm vụ năm {{ nam_sau }}", {"nam_sau": 2025})
'Phương hướng nhiệm vụ năm 2025'
>>> render("{{ so | so }} vụ", {"so": 1234})
'1.234 vụ'
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from drafting.errors import DraftingError

MAX_RANGE = 1000
MAX_OUTPUT = 20_000


class TemplateProblem(DraftingError):
    """A phrase text or condition that does not parse or does not render."""

    def __init__(self, message: str, line: int | None = None) -> None:
        self.message = message
        self.line = line
        super().__init__(message)


_BARE_NAME = re.compile(r"\{\{[ \t]*([A-Za-z_][A-Za-z0-9_]*)[ \t]*\}\}")
_PLAIN_VALUES = (int, str)


def _render_plain(source: str, context: Mapping[str, Any]) -> str | None:
    """``source`` rendered without Jinja, or ``None`` when it needs Jinja.

    Jinja drops one trailing newline and knows statements, comments and expressions;
    those are left to it, as are names that are missing or bound to anything but an
    ``int`` or ``str`` (whose ``str()`` is what Jinja prints).
    """
    if "{" not in source:
        return None if source.endswith(("\n", "\r")) else source
    if "{%" in source or "{#" in source or source.endswith(("\n", "\r")):
        return None
    parts: list[str] = []
    last = 0
    for match in _BARE_NAME.finditer(source):
        value = context.get(match.group(1))
        if type(value) not in _PLAIN_VALUES:
            return None
        parts += (source[last : match.start()], str(value))
        last = match.end()
    parts.append(source[last:])
    if any("{" in part or "}" in part for part in parts[::2]):
        return None  # an expression other than a bare name, or braces Jinja reads its own way
    return "".join(parts)


def render(source: str, context: Mapping[str, Any]) -> str:
    """Render a template in the sandbox; raise :class:`TemplateProblem` on any failure."""
    out = _render_plain(source, context)
    if out is None:
        from drafting.bank.jinja_sandbox import RENDER_FAILURES, message, template

        try:
            out = template(source).render(**context)
        except RENDER_FAILURES as exc:
            raise TemplateProblem(message(exc), getattr(exc, "lineno", None)) from None
    if len(out) > MAX_OUTPUT:
        raise TemplateProblem(f"kết quả quá dài ({len(out)} ký tự; tối đa {MAX_OUTPUT})")
    return str(out)


def evaluate_condition(source: str, context: Mapping[str, Any]) -> bool:
    """Evaluate a condition expression in the sandbox."""
    from drafting.bank.jinja_sandbox import RENDER_FAILURES, expression, message

    try:
        return bool(expression(source)(**context))
    except RENDER_FAILURES as exc:
        raise TemplateProblem(message(exc)) from None


def check_syntax(source: str, expression: bool = False) -> None:
    """Raise :class:`TemplateProblem` if ``source`` does not parse."""
    from drafting.bank.jinja_sandbox import syntax_error

    error = syntax_error(source, expression)
    if error is not None:
        raise TemplateProblem(*error)


def referenced_names(source: str, expression: bool = False) -> set[str]:
    """Dotted names (``so_lieu.an_hinh_su.thu_ly``) that a template reads."""
    from drafting.bank.jinja_sandbox import referenced_names as names

    return names(source, expression)


__all__ = [
    "MAX_OUTPUT",
    "MAX_RANGE",
    "TemplateProblem",
    "check_syntax",
    "evaluate_condition",
    "referenced_names",
    "render",
]
