"""The bounds every phrase-text render keeps: sizes checked before the work, steps counted.

A single C call cannot be interrupted and signals do not reach worker threads, so a
render is bounded by its work, not timed. :class:`Budget` counts, per render, the steps
(loop iterations, calls, filters, operators, the length of each ``range``) and the
characters of every value built; :func:`size` estimates how many characters a value
writes out without writing it; the ``*_size`` functions estimate what an operation
would build from its arguments, so that it is refused before it starts.

>>> size("Tòa án"), size(["ab", 12, None]), len(str(["ab", 12, None]))
(6, 19, 16)
>>> replaced_size("xx", "x", "xxxxxxxxxx", None)
20
>>> formatted_size("%05d vụ", 3), len("%05d vụ" % 3)
(13, 8)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from itertools import islice
from typing import Any, TypeVar

from jinja2.exceptions import SecurityError

T = TypeVar("T")

MAX_SIZE = 20_000
"""Characters of any value a template builds, and of a rendered text."""
MAX_DIGITS = 1_000
"""Digits of any integer a template computes."""
MAX_RANGE = 1_000
"""Elements of one ``range``."""
MAX_STEPS = 100_000
"""Loop iterations, calls, filters and operators (and ``range`` lengths) of one render."""
READ_PER_STEP = 10
"""A filter or string method also counts one step per this many characters it reads."""
MAX_BUILT = 1_000_000
"""Characters of all the values one render builds."""


def _n(number: int) -> str:
    """A whole number with "." for thousands.

    >>> _n(999999999)
    '999.999.999'
    """
    return f"{number:,}".replace(",", ".")


class LimitExceeded(SecurityError):
    """A template asked for more than a limit allows (raised before the work)."""

    def __init__(self, what: str, amount: int | None, limit: int, unit: str) -> None:
        asked = f" ({_n(amount)} {unit})" if amount is not None else ""
        super().__init__(f"vượt giới hạn: {what}{asked}, tối đa {_n(limit)} {unit}")


def digits(number: int) -> int:
    """About how many decimal digits an integer has (never fewer)."""
    return number.bit_length() * 30103 // 100000 + 1


def size(value: Any, limit: int = MAX_SIZE) -> int:
    """About how many characters ``str(value)`` writes, counted without writing it.

    Shared parts count each time they are written; counting stops past ``limit``.
    Objects other than strings, numbers and containers (the loop, a range) count as
    short texts.
    """
    if isinstance(value, str):
        return len(value)
    total = 0
    stack = [value]
    while stack and total <= limit:
        item = stack.pop()
        if isinstance(item, (str, bytes)):
            total += len(item) + 2
        elif isinstance(item, bool) or item is None:
            total += 5
        elif isinstance(item, int):
            total += digits(item)
        elif isinstance(item, float):
            total += 24
        elif isinstance(item, Mapping):
            total += 2 + 4 * len(item)
            if total <= limit:
                stack.extend(item.keys())
                stack.extend(item.values())
        elif isinstance(item, (list, tuple, set, frozenset)):
            total += 2 + 2 * len(item)
            if total <= limit:
                stack.extend(item)
        else:
            total += 40
    return total


def replaced_size(text: str, old: str, new: str, count: int | None) -> int:
    """Characters of ``text.replace(old, new, count)``."""
    found = text.count(old) if old else len(text) + 1
    if count is not None and count >= 0:
        found = min(found, count)
    return len(text) + found * (len(new) - len(old))


_CONVERSION = re.compile(r"%(?:\(([^)]*)\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d*))?[hlL]?(.?)", re.S)


def formatted_size(template: str, args: Any) -> int:
    """Characters of ``template % args`` (``%`` formatting, as the ``format`` filter does)."""
    total = len(template)
    position = 0
    values = args if isinstance(args, tuple) else (args,)
    for match in _CONVERSION.finditer(template):
        key, width, precision, conversion = match.groups()
        if conversion == "%":
            continue
        if "*" in (width, precision):
            raise LimitExceeded("độ rộng “*” trong định dạng %", None, MAX_SIZE, "ký tự")
        for number in (width, precision):
            if number and (len(number) > 6 or int(number) > MAX_SIZE):
                raise LimitExceeded("độ rộng trong định dạng %", int(number[:12]), MAX_SIZE, "ký tự")
            total += int(number or 0)
        if key is not None:
            value = args.get(key) if isinstance(args, Mapping) else None
        else:
            value = values[position] if position < len(values) else None
            position += 1
        total += size(value) + (320 if conversion in "fF" else 0)
    return total


def materialise(values: Iterable[Any], what: str) -> list[Any]:
    """The items of an iterable, refused past :data:`MAX_SIZE` items (counted as steps)."""
    items = list(islice(values, MAX_SIZE + 1))
    if len(items) > MAX_SIZE:
        raise LimitExceeded(what, None, MAX_SIZE, "phần tử")
    current().step(len(items))
    return items


def joined_size(items: list[Any], separator: str) -> int:
    """Characters of ``separator.join(map(str, items))``."""
    total = len(separator) * max(len(items) - 1, 0)
    for item in items:
        total += size(item, MAX_SIZE - total) - (2 if isinstance(item, str) else 0)
        if total > MAX_SIZE:
            break
    return total


def check_size(what: str, amount: int) -> None:
    """Refuse an operation that would build ``amount`` characters."""
    if amount > MAX_SIZE:
        raise LimitExceeded(what, amount, MAX_SIZE, "ký tự")


def check_count(what: str, amount: int) -> None:
    """Refuse an operation that would build ``amount`` elements."""
    if amount > MAX_SIZE:
        raise LimitExceeded(what, amount, MAX_SIZE, "phần tử")


def check_binop(operator: str, left: Any, right: Any) -> None:
    """Refuse ``left <operator> right`` when its result would be too big (before computing it)."""
    what = f"phép {operator}"
    if operator == "*":
        for seq, times in ((left, right), (right, left)):
            if isinstance(seq, (str, bytes, list, tuple)) and isinstance(times, int):
                check_size(what, size(seq, MAX_SIZE) * max(times, 0))
        if isinstance(left, int) and isinstance(right, int):
            check_digits(what, digits(left) + digits(right))
    elif operator == "**":
        if isinstance(left, int) and isinstance(right, int) and right > 0 and abs(left) > 1:
            check_digits(what, min(right, 10**12) * left.bit_length() * 30103 // 100000)
    elif operator == "%" and isinstance(left, str):
        check_size(what, formatted_size(left, right))


def check_digits(what: str, amount: int) -> None:
    if amount > MAX_DIGITS:
        raise LimitExceeded(what + " tạo số nguyên", amount, MAX_DIGITS, "chữ số")


def _arg(args: tuple[Any, ...], kwargs: Mapping[str, Any], index: int, name: str, default: Any = None) -> Any:
    return args[index] if len(args) > index else kwargs.get(name, default)


def _int(value: Any) -> int:
    """An argument meant as a whole number (anything else is left for the filter to refuse)."""
    return value if isinstance(value, int) else 0


def check_filter(name: str, value: Any, args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> Any:
    """Refuse a call of one of Jinja's filters that would build too much, before it starts.

    Returns the value to filter: an iterable that ``join`` or ``list`` read is read
    here first, up to the limit.
    """
    what = f"bộ lọc {name}"
    if name == "center":
        check_size(what, max(len(str(value)), _int(_arg(args, kwargs, 0, "width", 80))))
    elif name == "indent":
        width = _arg(args, kwargs, 0, "width", 4)
        text = str(value)
        check_size(what, len(text) + (text.count("\n") + 2) * (len(width) if isinstance(width, str) else _int(width)))
    elif name == "format":
        check_size(what, formatted_size(str(value), dict(kwargs) or args))
    elif name == "replace":
        old, new = str(_arg(args, kwargs, 0, "old", "")), str(_arg(args, kwargs, 1, "new", ""))
        check_size(what, replaced_size(str(value), old, new, _arg(args, kwargs, 2, "count")))
    elif name in ("batch", "slice"):
        check_count(what, _int(_arg(args, kwargs, 0, "linecount" if name == "batch" else "slices", 0)))
    elif name == "wordwrap":
        text = str(value)
        check_size(what, len(text) + (len(text) + 1) * len(str(_arg(args, kwargs, 2, "wrapstring") or "\n")))
    elif name in ("join", "list"):
        value = materialise(value, what)
        if name == "join" and _arg(args, kwargs, 1, "attribute") is None:
            check_size(what, joined_size(value, str(_arg(args, kwargs, 0, "d", ""))))
    return value


def check_method(text: str, name: str, args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> tuple[Any, ...]:
    """Refuse a call of a string method that would build too much, before it starts.

    Returns the positional arguments to call it with (what ``join`` reads is read here).
    """
    what = f"phương thức {name}"
    if name in ("center", "ljust", "rjust", "zfill"):
        check_size(what, max(len(text), _int(_arg(args, kwargs, 0, "width", 0))))
    elif name == "expandtabs":
        check_size(what, len(text) + text.count("\t") * _int(_arg(args, kwargs, 0, "tabsize", 8)))
    elif name == "replace" and len(args) >= 2:
        count = _arg(args, kwargs, 2, "count", -1)
        check_size(what, replaced_size(text, str(args[0]), str(args[1]), count))
    elif name == "join" and args:
        items = materialise(args[0], what)
        check_size(what, joined_size(items, text))
        args = (items, *args[1:])
    return args


class Budget:
    """What one render has spent: steps, characters built, characters written."""

    def __init__(self) -> None:
        self.steps = 0
        self.built = 0
        self.written = 0

    def step(self, count: int = 1) -> None:
        self.steps += count
        if self.steps > MAX_STEPS:
            raise LimitExceeded("số bước tính (vòng lặp, lời gọi, bộ lọc, phép tính)", None, MAX_STEPS, "bước")

    def build(self, what: str, value: T) -> T:
        """Account for a value just built; refuse it if it is too big."""
        if isinstance(value, int) and not isinstance(value, bool):
            check_digits(what, digits(value))
        amount = size(value)
        check_size(what + " tạo giá trị", amount)
        self.built += amount
        if self.built > MAX_BUILT:
            raise LimitExceeded("tổng dữ liệu tạo ra", None, MAX_BUILT, "ký tự")
        return value

    def write(self, text: str) -> None:
        self.written += len(text)
        if self.written > MAX_SIZE:
            raise LimitExceeded("độ dài kết quả", None, MAX_SIZE, "ký tự")


_BUDGET: ContextVar[Budget | None] = ContextVar("drafting_template_budget", default=None)


def current() -> Budget:
    """The budget of the render under way (a fresh one outside any render)."""
    return _BUDGET.get() or Budget()


@contextmanager
def budget() -> Iterator[Budget]:
    """A fresh :class:`Budget` for the renders inside the ``with`` block."""
    spent = Budget()
    token = _BUDGET.set(spent)
    try:
        yield spent
    finally:
        _BUDGET.reset(token)
