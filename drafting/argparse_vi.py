"""argparse in Vietnamese: the usage line, the headings, the help option and the errors.

:class:`Parser` is an :class:`argparse.ArgumentParser` whose help and errors a writer
reads in Vietnamese; ``drafting`` and ``drafting-tui`` build their command lines with
it. Nothing of the standard library is changed: the usage prefix comes from
:class:`Formatter`, the headings and the ``-h`` option are set when the parser is made,
and argparse's English error messages are translated by :func:`translate` before they
are printed (exit status 2, as argparse's own).

>>> translate("the following arguments are required: TỆP, -o/--output")
'thiếu đối số bắt buộc: TỆP, -o/--output'
>>> translate("argument --format: invalid choice: 'html' (choose from 'docx', 'md')")
'đối số --format: “html” không phải lựa chọn hợp lệ (chọn một trong: docx, md)'
>>> translate("argument --jobs: invalid int value: 'bốn'")
'đối số --jobs: “bốn” không phải số nguyên'
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Iterable
from typing import Any, NoReturn

USAGE = "cách dùng: "
HELP = "hiện trợ giúp này rồi thoát"


class Formatter(argparse.HelpFormatter):
    """Help with the usage line in Vietnamese ("cách dùng:")."""

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, USAGE if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """An argument parser that speaks Vietnamese (see the module docstring).

    Headings: "đối số:" (positional arguments) and "tùy chọn:" (options); the help
    option says "hiện trợ giúp này rồi thoát"; errors print the usage line and
    "PROG: lỗi tham số: …" on standard error and exit with status 2.
    """

    def __init__(self, *args: Any, add_help: bool = True, **kwargs: Any) -> None:
        kwargs["formatter_class"] = kwargs.get("formatter_class", Formatter)
        kwargs["add_help"] = False  # added below, in Vietnamese
        super().__init__(*args, **kwargs)
        self._positionals.title = "đối số"
        self._optionals.title = "tùy chọn"
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help=HELP)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: lỗi tham số: {translate(message)}\n")


def hidden_alias(parser: argparse.ArgumentParser, *names: str, dest: str, **kwargs: Any) -> None:
    """Accept ``names`` (older spellings of an option) as the option writing to ``dest``,
    without showing them in the help."""
    parser.add_argument(*names, dest=dest, help=argparse.SUPPRESS, **kwargs)


def _quoted(text: str) -> str:
    """``'x'`` (argparse's repr) as “x”."""
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        text = text[1:-1]
    return f"“{text}”"


def _choices(text: str) -> str:
    return ", ".join(c.strip().strip("'\"") for c in text.split(","))


_TYPES = {"int": "số nguyên", "float": "số"}
_MESSAGES: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...] = tuple(
    (re.compile(pattern, re.S), build)
    for pattern, build in (
        (r"argument (\S+): (.*)", lambda m: f"đối số {m[1]}: {translate(m[2])}"),
        (r"the following arguments are required: (.*)", lambda m: f"thiếu đối số bắt buộc: {m[1]}"),
        (r"unrecognized arguments: (.*)", lambda m: f"không hiểu đối số: {m[1]}"),
        (
            r"invalid choice: (.*?) \(choose from (.*)\)",
            lambda m: f"{_quoted(m[1])} không phải lựa chọn hợp lệ (chọn một trong: {_choices(m[2])})",
        ),
        (
            r"invalid (\w+) value: (.*)",
            lambda m: f"{_quoted(m[2])} không phải {_TYPES.get(m[1], 'giá trị hợp lệ')}",
        ),
        (r"expected one argument", lambda m: "cần một giá trị"),
        (r"expected at most one argument", lambda m: "nhận nhiều nhất một giá trị"),
        (r"expected at least one argument", lambda m: "cần ít nhất một giá trị"),
        (r"expected (\d+) arguments?", lambda m: f"cần {m[1]} giá trị"),
        (r"ambiguous option: (\S+) could match (.*)", lambda m: f"tùy chọn {m[1]} chưa rõ: có thể là {m[2]}"),
        (r"not allowed with argument (.*)", lambda m: f"không dùng cùng {m[1]}"),
        (r"ignored explicit argument (.*)", lambda m: f"tùy chọn này không nhận giá trị ({_quoted(m[1])})"),
        (r"one of the arguments (.*) is required", lambda m: f"cần một trong các đối số {m[1]}"),
        (r"unexpected option string: (.*)", lambda m: f"tùy chọn không mong đợi: {m[1]}"),
        (r"can't open '(.*)': (.*)", lambda m: f"không mở được “{m[1]}”: {m[2]}"),
    )
)


def translate(message: str) -> str:
    """argparse's English error ``message`` in Vietnamese (a message already in
    Vietnamese, from a type function of ours, is kept)."""
    for pattern, build in _MESSAGES:
        found = pattern.fullmatch(message)
        if found is not None:
            return build(found)
    return message


__all__ = ["HELP", "USAGE", "Formatter", "Parser", "hidden_alias", "translate"]
