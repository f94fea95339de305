"""One exception hierarchy; every problem carries its place.

A :class:`Problem` is a single located message in Vietnamese. Loaders collect all
problems of a file before raising :class:`ProblemsError`, so the writer sees every
mistake at once. The CLI prints ``str(problem)``: one line per problem.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_BREAKS = re.compile("\r\n|[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\ud800-\udfff]")


def one_line(text: str) -> str:
    """``text`` fit for a one-line message: line breaks shown as "↵", control characters
    and lone surrogates escaped (a value quoted in a message cannot forge a second line,
    colour the terminal or fail to print).

    >>> one_line("12\\nbc.yaml:1: giả")
    '12↵bc.yaml:1: giả'
    >>> print(one_line("a\\r\\nb\\x1b[31m\\ud800"))
    a↵b\\x1b[31m\\ud800
    """
    if text.isprintable():
        return text
    return _CONTROLS.sub(_escape, _BREAKS.sub("↵", text))


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


@dataclass(frozen=True, order=True)
class Problem:
    """A located problem.

    >>> str(Problem("bao-cao.yaml", 12, "so_lieu.an_hinh_su.thu_ly.ky_nay",
    ...             "phải là số nguyên, không phải “abc”"))
    'bao-cao.yaml:12: so_lieu.an_hinh_su.thu_ly.ky_nay: phải là số nguyên, không phải “abc”'
    >>> str(Problem("cau/uu_diem.yaml", 3, "", "tệp rỗng", phrase_id="uu_diem.a"))
    'cau/uu_diem.yaml:3: [uu_diem.a] tệp rỗng'
    """

    file: str
    line: int | None
    key: str
    message: str
    phrase_id: str = ""
    severity: str = "error"

    def __str__(self) -> str:
        place = self.file or "<không rõ tệp>"
        if self.line:
            place += f":{self.line}"
        parts = [place]
        if self.phrase_id:
            parts.append(f"[{self.phrase_id}]")
        if self.key:
            parts.append(f"{self.key}:")
        return one_line(": ".join([parts[0], " ".join(parts[1:] + [self.message])]))


class DraftingError(Exception):
    """Base class of every error the library raises on purpose."""


class ProblemsError(DraftingError):
    """Raised with every problem found in an input, at once."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class OutputError(DraftingError):
    """An output path that cannot or must not be written."""


class FileChangedError(OutputError):
    """A file changed on disk since it was read: saving over it would lose that change.

    The writer may reload the file, overwrite it on purpose, or save elsewhere.
    """

    def __init__(self, path: object, message: str) -> None:
        from pathlib import Path

        self.path = Path(str(path))
        super().__init__(message)
