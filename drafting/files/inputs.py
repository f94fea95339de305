"""Reading an input file: a regular file, no more bytes than the limit, with its stamp.

Every data and phrase-bank file is read here. A path that is not a regular file (a
folder, a named pipe that would block the reader, a device such as ``/dev/zero`` that
never ends) is refused before it is read, and the size limit counts the bytes actually
read, not what the file system reports (a file of ``/proc`` reports size 0).

The :class:`FileStamp` of what was read (modification time, size, content hash) lets a
writer tell, before saving over the file, whether another program changed it since.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from drafting.errors import Problem, ProblemsError

__all__ = ["FileStamp", "read_regular_file", "require_regular_file", "stamp_of"]

_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
_CHUNK = 1 << 20


@dataclass(frozen=True)
class FileStamp:
    """A file as it was read: modification time (ns), size and SHA-256 of its bytes."""

    mtime_ns: int
    size: int
    digest: str

    @classmethod
    def of(cls, status: os.stat_result, content: bytes) -> FileStamp:
        return cls(status.st_mtime_ns, len(content), hashlib.sha256(content).hexdigest())


def _kind(mode: int) -> str:
    """Why a file that is not regular cannot be read as data."""
    if stat.S_ISDIR(mode):
        return "đây là thư mục, không phải tệp"
    if stat.S_ISFIFO(mode):
        return "đây là đường ống (FIFO), không phải tệp thường; hãy chỉ ra một tệp dữ liệu"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "đây là thiết bị, không phải tệp thường; hãy chỉ ra một tệp dữ liệu"
    return "không phải tệp thường; hãy chỉ ra một tệp dữ liệu"


def _unreadable(name: str, exc: OSError) -> ProblemsError:
    if isinstance(exc, FileNotFoundError):
        message = "không tìm thấy tệp"
    elif exc.errno in (errno.EACCES, errno.EPERM):
        message = "không có quyền đọc tệp"
    else:
        message = f"không đọc được tệp ({exc.strerror or type(exc).__name__})"
    return ProblemsError([Problem(name, None, "", message)])


def _too_large(name: str, size: int | None, limit: int) -> ProblemsError:
    shown = f"{size:_} byte" if size is not None else f"hơn {limit:_} byte"
    message = f"tệp quá lớn ({shown}; tối đa {limit:_} byte)".replace("_", ".")
    return ProblemsError([Problem(name, None, "", message)])


def require_regular_file(path: Path | str, name: str | None = None) -> os.stat_result:
    """The status of ``path``; :class:`ProblemsError` (the file, no line) when it is
    missing or is not a regular file (a folder, a pipe, a device)."""
    name = str(path) if name is None else name
    try:
        status = os.stat(path)
    except OSError as exc:
        raise _unreadable(name, exc) from None
    if not stat.S_ISREG(status.st_mode):
        raise ProblemsError([Problem(name, None, "", _kind(status.st_mode))])
    return status


def read_regular_file(path: Path | str, limit: int) -> tuple[bytes, FileStamp]:
    """The bytes of ``path`` (at most ``limit``) and their stamp.

    Raises :class:`ProblemsError` (the file, no line) when the path is missing, is not a
    regular file, is larger than ``limit`` bytes, or cannot be read.
    """
    name = str(path)
    status = require_regular_file(path, name)
    if status.st_size > limit:
        raise _too_large(name, status.st_size, limit)
    try:
        fd = os.open(path, _FLAGS)
    except OSError as exc:
        raise _unreadable(name, exc) from None
    try:
        status = os.fstat(fd)  # what was opened, should the path have changed meanwhile
        if not stat.S_ISREG(status.st_mode):
            raise ProblemsError([Problem(name, None, "", _kind(status.st_mode))])
        chunks: list[bytes] = []
        total = 0
        while total <= limit:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as exc:
        raise _unreadable(name, exc) from None
    finally:
        os.close(fd)
    if total > limit:
        raise _too_large(name, None, limit)
    content = b"".join(chunks)
    return content, FileStamp.of(status, content)


def stamp_of(path: Path | str, limit: int) -> FileStamp | None:
    """The stamp of ``path`` as it is now; ``None`` when it is missing or unreadable."""
    try:
        return read_regular_file(path, limit)[1]
    except ProblemsError:
        return None
