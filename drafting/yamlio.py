"""Reading and writing YAML with places (file, line) and without losing anything.

Round-trip ruamel.yaml keeps the writer's comments and key order on save and
remembers the line of every key, which every :class:`~drafting.errors.Problem` needs.
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from .errors import Problem, ProblemsError

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_ALIASES = 200
MAX_DEPTH = 40


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.preserve_quotes = True
    return yaml


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
        line = raw[: exc.start].count(b"\n") + 1
        raise ProblemsError(
            [Problem(filename, line, "", "tệp không phải mã hóa UTF-8 (có thể là Windows-1258 hoặc TCVN3); hãy lưu lại tệp với mã hóa UTF-8")]
        ) from None


def read_yaml_file(path: Path | str) -> tuple[Any, str]:
    """Load a YAML file for round-trip editing; return ``(data, text)``.

    Raises :class:`ProblemsError` with the file and line for every failure: a missing
    file, a file too large, a wrong encoding, malformed YAML, duplicate keys, too many
    aliases or too deep nesting.
    """
    path = Path(path)
    name = str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ProblemsError([Problem(name, None, "", "không tìm thấy tệp")]) from None
    except OSError as exc:
        raise ProblemsError([Problem(name, None, "", f"không đọc được tệp ({exc.strerror})")]) from None
    if path.is_dir():
        raise ProblemsError([Problem(name, None, "", "đây là thư mục, không phải tệp YAML")])
    if size > MAX_FILE_BYTES:
        raise ProblemsError(
            [Problem(name, None, "", f"tệp quá lớn ({size:,} byte; tối đa {MAX_FILE_BYTES:,} byte)".replace(",", "."))]
        )
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ProblemsError([Problem(name, None, "", f"không đọc được tệp ({exc.strerror})")]) from None
    text = decode_text(raw, name)
    return parse_yaml(text, name), text


def parse_yaml(text: str, filename: str) -> Any:
    """Parse YAML text (round-trip), turning every parser error into a located problem."""
    if text.count("*") > MAX_ALIASES and _alias_count(text) > MAX_ALIASES:
        raise ProblemsError([Problem(filename, None, "", f"quá nhiều bí danh YAML (*…); tối đa {MAX_ALIASES}")])
    try:
        data = _yaml().load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        raise ProblemsError([Problem(filename, line, "", _yaml_message(exc))]) from None
    except YAMLError as exc:
        raise ProblemsError([Problem(filename, None, "", f"YAML không hợp lệ: {exc}")]) from None
    except RecursionError:
        raise ProblemsError([Problem(filename, None, "", "cấu trúc lồng nhau quá sâu")]) from None
    if _depth(data) > MAX_DEPTH:
        raise ProblemsError([Problem(filename, None, "", f"cấu trúc lồng nhau quá sâu (tối đa {MAX_DEPTH} cấp)")])
    return data


def _alias_count(text: str) -> int:
    import re

    return len(re.findall(r"(?:^|[\s\[{,:-])\*[\w-]+", text))


def _depth(node: Any, level: int = 0) -> int:
    if level > MAX_DEPTH:
        return level
    if isinstance(node, Mapping):
        return max((_depth(v, level + 1) for v in node.values()), default=level + 1)
    if isinstance(node, list):
        return max((_depth(v, level + 1) for v in node), default=level + 1)
    return level


def _yaml_message(exc: MarkedYAMLError) -> str:
    problem = (exc.problem or "").strip()
    if "found duplicate key" in problem or "duplicate key" in str(exc):
        key = problem.split('"')[1] if '"' in problem else ""
        return f"khóa “{key}” bị lặp lại" if key else "khóa bị lặp lại"
    if "found character '\\t'" in problem or "\\t" in problem:
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
        if isinstance(node, CommentedMap):
            return int(lc.key(key)[0]) + 1
        if isinstance(node, CommentedSeq) and isinstance(key, int):
            return int(lc.item(key)[0]) + 1
    except (KeyError, IndexError, TypeError, AttributeError):
        return int(lc.line) + 1 if lc.line is not None else None
    return None


def dump_yaml(data: Any) -> str:
    """Serialise round-trip data back to text, keeping comments and key order."""
    stream = io.StringIO()
    _yaml().dump(data, stream)
    return stream.getvalue()


def atomic_write_text(path: Path | str, text: str) -> None:
    """Write ``text`` to ``path`` atomically: a temp file in the same folder, then rename.

    The previous file stays intact until the new content is completely on disk.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def atomic_write_bytes(path: Path | str, content: bytes) -> None:
    """Write ``content`` to ``path`` atomically (see :func:`atomic_write_text`)."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
