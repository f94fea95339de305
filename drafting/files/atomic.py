"""The one file writer: every save and every output of the library goes through it.

:func:`write_bytes` (and :func:`write_text`) never leaves a half-written file:

- the content goes to a temp file in the target's folder, ``.<name>.<pid>.<token>.tmp``
  (the name shortened so that it stays within 255 bytes), created with
  ``O_CREAT | O_EXCL`` and mode 0o666, so that a new file gets the mode the umask gives;
- the temp file is flushed to disk (fsync), renamed over the target, and the folder is
  flushed too where the platform allows it (not on Windows);
- an existing target keeps its mode (and its owner, when the writer may keep it); a
  target without its owner's write bit is refused ("tệp chỉ đọc"), judged by the mode
  bits and not by :func:`os.access`, so that it holds for an administrator too;
- a symbolic link is followed: the file it points to is replaced, the link stays;
- a target that is not a regular file but a character device or a pipe
  (``/dev/stdout``, ``/dev/null``) is written to, never replaced;
- temp files of this naming that a killed writer left behind (its process is gone, or
  the file is older than an hour) are removed on the next write to the folder;
- every failure raises :class:`~drafting.errors.OutputError` naming the writer's file
  (never the temp file), and leaves no temp file behind.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import time
from pathlib import Path

from drafting.errors import OutputError

__all__ = ["STALE_SECONDS", "is_temp_name", "write_bytes", "write_text"]

STALE_SECONDS = 3600
NAME_MAX = 255
_TEMP = re.compile(r"\..+\.(\d+)\.[A-Za-z0-9_]{8}\.tmp")
_BINARY = getattr(os, "O_BINARY", 0)  # Windows: no newline translation
_REASONS = {
    errno.ENOSPC: "ổ đĩa đã đầy",
    errno.EROFS: "ổ đĩa hoặc thư mục chỉ cho đọc",
    errno.ENAMETOOLONG: "tên tệp quá dài",
    errno.EFBIG: "tệp vượt quá kích thước cho phép",
    getattr(errno, "EDQUOT", errno.ENOSPC): "hết hạn mức dung lượng đĩa",
}


def is_temp_name(name: str) -> bool:
    """Whether ``name`` is a temp file name of this writer.

    >>> is_temp_name(".bao-cao.yaml.4242.a1b2c3d4.tmp"), is_temp_name("bao-cao.yaml")
    (True, False)
    """
    return _TEMP.fullmatch(name) is not None


def write_text(path: Path | str, text: str) -> None:
    """Write ``text`` as UTF-8 with "\\n" line ends (see :func:`write_bytes`).

    A text that cannot be encoded (a lone surrogate) raises :class:`UnicodeEncodeError`
    before anything is touched.
    """
    write_bytes(path, text.encode("utf-8"))


def write_bytes(path: Path | str, content: bytes, *, sync: bool = True) -> None:
    """Write ``content`` to ``path`` atomically (see the module docstring).

    ``sync=False`` skips flushing to the disk: for a cache, which a power cut may lose.
    """
    path = Path(path)
    try:
        current = os.stat(path)
    except FileNotFoundError:
        current = None
    except OSError as exc:
        raise _error(path, exc) from None
    if current is not None and stat.S_ISDIR(current.st_mode):
        raise OutputError(f"{path}: đây là thư mục, không phải tệp; hãy ghi tên tệp")
    if current is not None and not stat.S_ISREG(current.st_mode):
        _write_in_place(path, content)  # a terminal, /dev/null, a pipe: written, never replaced
        return
    if current is not None and not current.st_mode & stat.S_IWUSR:
        raise OutputError(f"{path}: tệp chỉ đọc; hãy bỏ thuộc tính chỉ đọc hoặc lưu với tên khác")
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"{path}: thư mục “{folder}” không tồn tại")
    remove_stale_temp_files(folder)
    temp = folder / _temp_name(target.name)
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY, 0o666)
    except OSError as exc:
        raise _error(path, exc, folder) from None
    try:
        try:
            _write_all(fd, content)
            if sync:
                os.fsync(fd)
        finally:
            os.close(fd)
        if current is not None:
            _keep_owner_and_mode(temp, current)
        os.replace(temp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        if isinstance(exc, OSError):
            raise _error(path, exc, folder) from None
        raise
    if sync:
        _sync_folder(folder)


def remove_stale_temp_files(folder: Path) -> None:
    """Remove the temp files of this writer that a killed process left in ``folder``."""
    now = time.time()
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            match = _TEMP.fullmatch(entry.name)
            if match is None:
                continue
            pid = int(match.group(1))
            try:
                old = now - entry.stat(follow_symlinks=False).st_mtime > STALE_SECONDS
            except OSError:
                continue
            if old or (pid != os.getpid() and _process_gone(pid)):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


def _process_gone(pid: int) -> bool:
    """Whether no process ``pid`` runs (POSIX; elsewhere only the age counts)."""
    if os.name != "posix":
        return False  # os.kill(pid, 0) would end the process on Windows
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False  # alive, another user's
    return False


def _temp_name(name: str) -> str:
    """``.<name>.<pid>.<token>.tmp``, ``name`` shortened to keep within 255 bytes.

    >>> len(os.fsencode(_temp_name("ả" * 120 + ".docx"))) <= 255
    True
    """
    tail = f".{os.getpid()}.{os.urandom(4).hex()}.tmp"
    room = NAME_MAX - len(os.fsencode(tail)) - 1
    while len(os.fsencode(name)) > room:
        name = name[:-1]
    return f".{name}{tail}"


def _write_all(fd: int, content: bytes) -> None:
    view = memoryview(content)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _write_in_place(path: Path, content: bytes) -> None:
    try:
        fd = os.open(path, os.O_WRONLY | _BINARY)
        try:
            _write_all(fd, content)
        finally:
            os.close(fd)
    except OSError as exc:
        raise _error(path, exc) from None


def _keep_owner_and_mode(temp: Path, current: os.stat_result) -> None:
    if hasattr(os, "chown") and (current.st_uid, current.st_gid) != _owner(temp):
        with contextlib.suppress(OSError):  # only an administrator may give a file away
            os.chown(temp, current.st_uid, current.st_gid)
    with contextlib.suppress(OSError):  # a file system without modes (FAT, some shares)
        os.chmod(temp, stat.S_IMODE(current.st_mode))


def _owner(path: Path) -> tuple[int, int]:
    st = os.stat(path)
    return st.st_uid, st.st_gid


def _sync_folder(folder: Path) -> None:
    """Flush the folder's entry of the renamed file (POSIX; Windows cannot open a folder)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _error(path: Path, exc: OSError, folder: Path | None = None) -> OutputError:
    """A Vietnamese message naming the writer's file (never the temp file)."""
    code = exc.errno
    if code in (errno.EACCES, errno.EPERM):
        where = f" vào thư mục “{folder}”" if folder is not None else ""
        reason = (
            f"không có quyền ghi{where}, hoặc tệp đang mở trong chương trình khác (Word?);"
            " hãy đóng tệp hoặc chọn nơi lưu khác"
        )
    elif code == errno.ENOENT and folder is not None:
        reason = f"thư mục “{folder}” không tồn tại"
    else:
        reason = _REASONS.get(code or 0) or exc.strerror or type(exc).__name__
    return OutputError(f"{path}: không ghi được tệp: {reason}")
