"""Jinja's syntax errors in Vietnamese, with a hint a maintainer can act on.

Jinja words its errors for programmers, in English ("unexpected end of template,
expected 'end of print statement'"). :func:`translate_syntax` says the same thing the way
the maintainers' guide does: which bracket or tag is missing, which filter does not
exist and which ones do.

>>> translate_syntax("unexpected end of template, expected 'end of print statement'.")
'thiếu “}}” đóng biểu thức “{{ … }}”'
>>> translate_syntax("No filter named 'dem_so'.")[:60]
'không có bộ lọc “dem_so” (có phải “dem”?); các bộ lọc: so, p'
>>> translate_syntax("Unexpected end of template. Jinja was looking for the following tags: 'elif' or 'else' or "
...                  "'endif'. The innermost block that needs to be closed is 'if'.")
'thiếu “{% endif %}” đóng “{% if … %}”'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from drafting.files.fields import did_you_mean
from drafting.vi.filters import FILTERS

_TOKENS = {
    "end of print statement": "}}",
    "end of statement block": "%}",
    "end of template": "cuối cách viết",
    "name": "tên",
    "integer": "số",
    "float": "số",
    "string": "chuỗi",
    "operator": "phép tính",
}
_TAGS = {"endif": "if", "endfor": "for", "else": "if", "elif": "if"}


def _token(text: str) -> str:
    text = text.strip("'\"")
    return _TOKENS.get(text, text)


def _quoted(text: str) -> str:
    return f"“{_token(text)}”"


def _unclosed(m: re.Match[str]) -> str:
    block = m[1]
    return f"thiếu “{{% end{block} %}}” đóng “{{% {block} … %}}”"


def _unknown_tag(m: re.Match[str]) -> str:
    tag = m[1]
    waiting = re.search(r"block that needs to be closed is '(\w+)'", m[0])
    if waiting is not None:
        block = waiting[1]
        return f"gặp “{{% {tag} %}}” khi “{{% {block} … %}}” chưa đóng: cần “{{% end{block} %}}” trước"
    opener = _TAGS.get(tag)
    if opener is not None:
        return f"“{{% {tag} %}}” không có “{{% {opener} … %}}” mở trước nó"
    used = "{% if %}, {% elif %}, {% else %}, {% for %}, {% set %}"
    return f"không có thẻ “{{% {tag} %}}”; câu mẫu chỉ dùng {used}"


def _no_filter(m: re.Match[str]) -> str:
    name = m[1]
    return f"không có bộ lọc “{name}”{did_you_mean(name, FILTERS)}; các bộ lọc: {', '.join(FILTERS)}"


def _expected(m: re.Match[str]) -> str:
    wanted, got = _token(m[1]), _token(m[2])
    if wanted == "}}":
        return f"thiếu “}}}}” đóng biểu thức trước “{got}” (hoặc thiếu “|” trước một bộ lọc)"
    if wanted == "%}":
        return f"thiếu “%}}” đóng thẻ trước “{got}”"
    return f"biểu thức chưa đúng: cần “{wanted}” nhưng gặp “{got}”"


_MESSAGES: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...] = tuple(
    (re.compile(pattern, re.S | re.I), build)
    for pattern, build in (
        (
            r"unexpected end of template, expected 'end of print statement'\.?",
            lambda m: "thiếu “}}” đóng biểu thức “{{ … }}”",
        ),
        (
            r"unexpected end of template, expected 'end of statement block'\.?",
            lambda m: "thiếu “%}” đóng thẻ “{% … %}”",
        ),
        (
            r"Unexpected end of template\. Jinja was looking for .*? block that needs to be closed is '(\w+)'\.",
            _unclosed,
        ),
        (r"Encountered unknown tag '(\w+)'\..*", _unknown_tag),
        (r"No filter named '([^']*)'\.?", _no_filter),
        (r"No test named '([^']*)'\.?", lambda m: f"không có phép thử “{m[1]}” (sau “is”)"),
        (r"expected token '([^']*)', got '([^']*)'", _expected),
        (r"unexpected '([^']*)', expected '([^']*)'", lambda m: f"thiếu {_quoted(m[2])} trước {_quoted(m[1])}"),
        (r"unexpected '\}'", lambda m: "dấu “}” thừa hoặc thiếu một “}” (biểu thức viết {{ … }})"),
        (r"unexpected '([^']*)'", lambda m: f"{_quoted(m[1])} không đúng chỗ: biểu thức còn thiếu một vế"),
        (r"unexpected char '(.)' at \d+", lambda m: f"ký tự “{m[1]}” không dùng được trong biểu thức {{{{ … }}}}"),
        (
            r'unexpected char "(.)" at \d+',
            lambda m: f"ký tự “{m[1]}” không dùng được trong biểu thức (chuỗi chưa đóng?)",
        ),
        (r"Expected an expression, got '([^']*)'", lambda m: f"thiếu biểu thức trước {_quoted(m[1])}"),
        (r"expected name or number", lambda m: "thiếu tên sau dấu “.” (viết f.<sự kiện>.<thuộc tính>)"),
        (r"tag name expected", lambda m: "thiếu tên thẻ sau “{%”"),
        (r"chunk after expression", lambda m: "có chữ thừa sau biểu thức"),
    )
)


def translate_syntax(message: str) -> str:
    """A Jinja syntax error ``message`` in Vietnamese (an unknown one: a general hint)."""
    message = message.strip()
    for pattern, build in _MESSAGES:
        found = pattern.fullmatch(message)
        if found is not None:
            return build(found)
    return "kiểm tra các cặp {{ … }}, {% … %} và tên bộ lọc"


def translate_runtime(exc: BaseException) -> str:
    """A failure while rendering a variant, in Vietnamese (an error whose text is already
    Vietnamese, as the bank's filters raise, is kept).

    >>> translate_runtime(ZeroDivisionError("integer division or modulo by zero"))
    'phép chia cho 0'
    >>> translate_runtime(ValueError("thiếu số liệu (giá trị rỗng)"))
    'thiếu số liệu (giá trị rỗng)'
    """
    text = str(exc)
    if isinstance(exc, ZeroDivisionError):
        return "phép chia cho 0"
    found = re.search(r"has no attribute '([^']*)'", text)
    if found is not None:
        return f"không có thuộc tính “{found[1]}”"
    if not text.isascii():
        return text
    if isinstance(exc, TypeError):
        return "phép tính hoặc bộ lọc gặp giá trị sai kiểu (chữ thay cho số, hoặc giá trị rỗng)"
    if isinstance(exc, (KeyError, IndexError)):
        return "không có phần tử này"
    return "không dựng được cách viết: kiểm tra phép tính và bộ lọc"


def variant_failure(index: int, message: str, figures: Sequence[str], where: str = "") -> str:
    """What is said of variant ``index`` (from 0) that fails with ``message``: the variant,
    where it was rendered, and the figures its phrase states.

    >>> variant_failure(1, "phép chia cho 0", ["thoi_han.ty_le_dung_han"], "trên tệp mẫu")
    'cách viết 2, chạy thử trên tệp mẫu (số liệu: thoi_han.ty_le_dung_han): phép chia cho 0'
    """
    named = f" (số liệu: {', '.join(figures)})" if figures else ""
    return f"cách viết {index + 1}{', chạy thử ' + where if where else ''}{named}: {message}"


__all__ = ["translate_runtime", "translate_syntax", "variant_failure"]
