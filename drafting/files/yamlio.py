"""Reading and writing YAML with places (file, line) and without losing anything.

Round-trip ruamel.yaml keeps the writer's comments and key order on save and
remembers the line of every key, which every :class:`~drafting.errors.Problem` needs.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from drafting.errors import Problem, ProblemsError
from drafting.files.inputs import FileStamp, read_regular_file

if TYPE_CHECKING:  # ruamel is imported when first needed: reading for checks does not need it
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_ALIASES = 200
MAX_DEPTH = 40
MAX_EXPANDED = 2 * MAX_FILE_BYTES  # characters once aliases are expanded
# More than MAX_DEPTH flow collections opened ("[" or "{") with none closed in between.
_FLOW_NESTING = re.compile(r"(?:[\[{][^\[\]{}]*){" + str(MAX_DEPTH + 1) + "}")


class BadScalar(str):
    """A scalar the parser could not turn into a value (``2024-02-30``, ``!!int abc``),
    kept as its text with its problem (:attr:`message`, :attr:`line`) when a file is read
    for validation, so that it is reported with every other problem of the file."""

    message: str
    line: int | None

    def __new__(cls, text: str, message: str, line: int | None) -> BadScalar:
        scalar = super().__new__(cls, text)
        scalar.message, scalar.line = message, line
        return scalar

    def __getnewargs__(self) -> tuple[str, str, int | None]:  # type: ignore[override]
        return str(self), self.message, self.line


@lru_cache(maxsize=2)
def _constructor_class(keep_bad: bool = False) -> type:
    """The round-trip constructor, with value errors located instead of escaping (or, with
    ``keep_bad``, kept as :class:`BadScalar` values)."""
    from ruamel.yaml.constructor import ConstructorError, RoundTripConstructor

    class _BadValue(ConstructorError):
        """A scalar the constructor cannot turn into a value (message already Vietnamese)."""

        already_worded = True

    class _Constructor(RoundTripConstructor):
        """The round-trip constructor, with value errors located instead of escaping.

        ruamel raises a bare ``ValueError``/``KeyError`` (no line) for ``2024-02-30``,
        ``!!int abc`` or ``!!bool maybe``; here they become located YAML errors.
        """

        def construct_non_recursive_object(self, node: Any, tag: str | None = None) -> Any:
            try:
                return super().construct_non_recursive_object(node, tag)
            except (ValueError, KeyError, TypeError, OverflowError):
                value = node.value if isinstance(node.value, str) else ""
                if "timestamp" in str(node.tag):
                    message = f"ngày “{value}” không có thật; viết dạng NĂM-THÁNG-NGÀY, ví dụ 2024-12-05"
                else:
                    kind = str(node.tag).replace("tag:yaml.org,2002:", "!!")
                    message = f"không đọc được giá trị “{value[:40]}” (kiểu {kind})"
                if keep_bad:
                    return BadScalar(value, message, node.start_mark.line + 1)
                raise _BadValue(None, None, message, node.start_mark) from None

    return _Constructor


def _yaml(comments: bool = True, keep_bad: bool = False) -> YAML:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.Constructor = _constructor_class(keep_bad)
    if not comments:
        # Read-only loading: the plain scanner and parser skip gathering comments (about
        # a third of the time) and still give round-trip maps with every key's line.
        from ruamel.yaml.parser import Parser
        from ruamel.yaml.scanner import Scanner

        yaml.Scanner = Scanner
        yaml.Parser = Parser
    yaml.allow_duplicate_keys = False
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.preserve_quotes = True
    return yaml


def line_at(text: str, offset: int) -> int:
    """The 1-based line of ``offset`` in ``text``, counting line breaks as YAML does
    ("\\r\\n", "\\r" alone, "\\n", and the Unicode line and paragraph separators).

    >>> line_at("a\\rb\\r\\nc\\nd", 7), line_at("a\\rb", 0)
    (4, 1)
    """
    head = text[:offset]
    breaks = head.count("\n") + head.count("\r") - head.count("\r\n")
    return 1 + breaks + head.count("\x85") + head.count("\u2028") + head.count("\u2029")


def decode_text(raw: bytes, filename: str) -> str:
    """Decode a file's bytes as UTF-8, or raise a located problem in Vietnamese."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ProblemsError([Problem(filename, None, "", "tệp mã hóa UTF-16; hãy lưu lại tệp với mã hóa UTF-8")])
    if b"\x00" in raw:
        raise ProblemsError([Problem(filename, None, "", "tệp nhị phân, không phải văn bản YAML")])
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start].decode("utf-8")
        line = line_at(before, len(before))
        raise ProblemsError(
            [
                Problem(
                    filename,
                    line,
                    "",
                    "tệp không phải mã hóa UTF-8 (có thể là Windows-1258 hoặc TCVN3); hãy lưu lại tệp với mã hóa UTF-8",
                )
            ]
        ) from None


def read_yaml_file(path: Path | str, comments: bool = True, keep_bad: bool = False) -> tuple[Any, str]:
    """Load a YAML file for round-trip editing; return ``(data, text)``.

    Raises :class:`ProblemsError` with the file and line for every failure: a missing
    file, a path that is not a regular file (folder, pipe, device), a file too large, a
    wrong encoding, malformed YAML, duplicate keys, too many aliases or too deep
    nesting. With ``comments=False`` (read-only use: checking, rendering) the comments
    are not kept, which is faster; all else, lines included, is the same. With
    ``keep_bad`` (reading for validation) a value that cannot be constructed is kept as
    a :class:`BadScalar` instead of stopping the reading.
    """
    data, text, _ = read_yaml_with_stamp(path, comments, keep_bad)
    return data, text


def read_yaml_with_stamp(
    path: Path | str, comments: bool = True, keep_bad: bool = False
) -> tuple[Any, str, FileStamp]:
    """:func:`read_yaml_file`, with the :class:`~drafting.files.inputs.FileStamp` of the
    bytes read (a writer that saves over the file checks it first)."""
    name = str(path)
    raw, stamp = read_regular_file(path, MAX_FILE_BYTES)
    text = decode_text(raw, name)
    return parse_yaml(text, name, comments, keep_bad), text, stamp


def parse_yaml(text: str, filename: str, comments: bool = True, keep_bad: bool = False) -> Any:
    """Parse YAML text (round-trip), turning every parser error into a located problem
    (``keep_bad``: see :func:`read_yaml_file`)."""
    if text.count("*") > MAX_ALIASES and _alias_count(text) > MAX_ALIASES:
        raise ProblemsError([Problem(filename, None, "", f"quá nhiều bí danh YAML (*…); tối đa {MAX_ALIASES}")])
    deep = _FLOW_NESTING.search(text)
    if deep:
        # ruamel's scanner is quadratic in the flow nesting: refuse before parsing.
        at = line_at(text, deep.start())
        raise ProblemsError([Problem(filename, at, "", f"cấu trúc lồng nhau quá sâu (tối đa {MAX_DEPTH} cấp)")])
    data = _load_round_trip(text, filename, comments, keep_bad)
    if _depth(data) > MAX_DEPTH:
        raise ProblemsError([Problem(filename, None, "", f"cấu trúc lồng nhau quá sâu (tối đa {MAX_DEPTH} cấp)")])
    if ("\\u" in text or "\\U" in text) and (found := _surrogate(data, set())) is not None:
        line, code = found
        message = (
            f"mã “\\u{code:04x}” không phải ký tự (một nửa cặp thay thế UTF-16);"
            " hãy gõ thẳng ký tự thay cho mã \\u…"
        )
        raise ProblemsError([Problem(filename, line, "", message)])
    if "*" in text and _expanded_size(data, {}) > MAX_EXPANDED:
        raise ProblemsError(
            [
                Problem(
                    filename,
                    None,
                    "",
                    f"bí danh YAML (*…) làm nội dung phình quá lớn (tối đa {MAX_EXPANDED:_} ký tự)".replace("_", "."),
                )
            ]
        )
    return data


def _load_round_trip(text: str, filename: str, comments: bool, keep_bad: bool = False) -> Any:
    """ruamel's round-trip loader, with every parser error turned into a located problem."""
    from ruamel.yaml.error import MarkedYAMLError, YAMLError
    from ruamel.yaml.reader import ReaderError

    try:
        return _yaml(comments, keep_bad).load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        raise ProblemsError([Problem(filename, line, "", _yaml_message(exc, text))]) from None
    except ReaderError as exc:
        # A control character (ruamel gives a character position, no line).
        where = line_at(text, exc.position) if isinstance(exc.position, int) else None
        code = f"U+{exc.character:04X}" if isinstance(exc.character, int) else str(exc.character)
        message = f"tệp có ký tự điều khiển không được phép trong YAML ({code}); hãy xóa ký tự này"
        raise ProblemsError([Problem(filename, where, "", message)]) from None
    except YAMLError as exc:
        raise ProblemsError([Problem(filename, None, "", f"YAML không hợp lệ: {exc}")]) from None
    except RecursionError:
        raise ProblemsError([Problem(filename, None, "", "cấu trúc lồng nhau quá sâu")]) from None


def _expanded_size(node: Any, memo: dict[int, int]) -> int:
    """Characters and nodes the data holds once every alias is expanded (linear time)."""
    if isinstance(node, str):
        return len(node)
    if not isinstance(node, (Mapping, list)):
        return 1
    if id(node) not in memo:
        items = [x for kv in node.items() for x in kv] if isinstance(node, Mapping) else node
        memo[id(node)] = 1 + sum(_expanded_size(x, memo) for x in items)
    return memo[id(node)]


_SURROGATES = re.compile("[\ud800-\udfff]")


def _surrogate(node: Any, seen: set[int]) -> tuple[int | None, int] | None:
    """The line and code point of the first lone surrogate in the data (keys included);
    only YAML's escapes ("\\ud800") make one, as the text itself is valid UTF-8."""
    if id(node) in seen or not isinstance(node, (Mapping, list)):
        return None
    seen.add(id(node))
    pairs = node.items() if isinstance(node, Mapping) else enumerate(node)
    for key, value in pairs:
        for item in (key, value) if isinstance(node, Mapping) else (value,):
            found = _SURROGATES.search(item) if isinstance(item, str) else None
            if found is not None:
                return line_of(node, key), ord(found.group())
        inner = _surrogate(value, seen)
        if inner is not None:
            return inner
    return None


def _alias_count(text: str) -> int:
    import re

    return len(re.findall(r"(?:^|[\s\[{,:-])\*[\w-]+", text))


def _depth(node: Any, level: int = 0, memo: dict[int, int] | None = None) -> int:
    # An aliased node is measured once: walking every alias again would take
    # exponential time on a "billion laughs" file that stays under MAX_ALIASES.
    if level > MAX_DEPTH or not isinstance(node, (Mapping, list)):
        return level
    memo = {} if memo is None else memo
    if id(node) in memo:
        return level + memo[id(node)]
    children = node.values() if isinstance(node, Mapping) else node
    deepest = max((_depth(v, level + 1, memo) for v in children), default=level + 1)
    memo[id(node)] = deepest - level
    return deepest


def _yaml_message(exc: MarkedYAMLError, text: str = "") -> str:
    problem = (exc.problem or "").strip()
    if getattr(exc, "already_worded", False):
        return problem
    if "found duplicate key" in problem or "duplicate key" in str(exc):
        key = problem.split('"')[1] if '"' in problem else ""
        return f"khóa “{key}” bị lặp lại" if key else "khóa bị lặp lại"
    if "found character '\\t'" in problem or "\\t" in problem:
        mark = exc.problem_mark
        if mark is not None and text:
            lines = text.splitlines()
            before = lines[mark.line][: mark.column] if mark.line < len(lines) else ""
            if before.strip():
                return "ký tự tab trong giá trị; hãy thay bằng dấu cách (hoặc đặt giá trị trong ngoặc kép)"
        return "YAML không cho phép ký tự tab để thụt lề; hãy dùng dấu cách"
    if "could not find expected ':'" in problem:
        return "YAML không hợp lệ: thiếu dấu “:” sau khóa"
    if "mapping values are not allowed" in problem:
        return "YAML không hợp lệ: dấu “:” không đúng chỗ (nếu là văn bản, hãy đặt trong ngoặc kép)"
    return f"YAML không hợp lệ: {problem or exc}"


def line_of(node: Any, key: str | int | None = None) -> int | None:
    """The 1-based line of ``key`` inside ``node`` (or of the node itself)."""
    lc = getattr(node, "lc", None)
    if lc is None:
        return None
    try:
        if key is None:
            return int(lc.line) + 1
        if isinstance(node, Mapping):
            return int(lc.key(key)[0]) + 1
        if isinstance(node, list) and isinstance(key, int):
            return int(lc.item(key)[0]) + 1
    except (KeyError, IndexError, TypeError, AttributeError):
        return int(lc.line) + 1 if lc.line is not None else None
    return None


def dump_yaml(data: Any) -> str:
    """Serialise round-trip data back to text, keeping comments and key order."""
    stream = io.StringIO()
    _yaml().dump(data, stream)
    return stream.getvalue()
