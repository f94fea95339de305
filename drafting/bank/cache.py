"""Disk caches: the loaded phrase bank data, and the compiled phrase templates.

Loading ``phrasebank/`` with the round-trip YAML parser and checking every phrase's
Jinja syntax takes about half a second; every command needs the result, and it only
changes when a maintainer edits a file. :func:`cached` keeps the loaded objects as a
pickle under the user's cache folder, keyed by the *content* of the files they were
built from (with their full paths, so that messages name this installation's files),
by the content of the ``drafting`` package's modules and by the Python version. An
edit to any of them gives a new key: a cached object can never be stale, and two
installations sharing the cache folder never replace each other's entries. Entries
unused for :data:`MAX_AGE_DAYS` days are removed when a new one is written.

:class:`CodeCache` keeps the Python code Jinja generates for each phrase text, keyed
by content, so a run does not compile again the templates an earlier run compiled.

The caches are an optimisation only: any failure to read or write them falls back to
loading and compiling. Like ``__pycache__``, they hold code and data of the user's own
installation, in the user's own folder. ``DRAFTING_CACHE_DIR`` chooses the folder;
``DRAFTING_NO_CACHE=1`` turns the cache off.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import pickle
import shutil
import sys
import time
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from types import CodeType
from typing import TypeVar

from drafting.files import atomic

T = TypeVar("T")

PACKAGE_DIR = Path(__file__).resolve().parent.parent
MAX_AGE_DAYS = 30


def cache_dir() -> Path | None:
    """The cache folder, or ``None`` when the cache is turned off."""
    if os.environ.get("DRAFTING_NO_CACHE"):
        return None
    chosen = os.environ.get("DRAFTING_CACHE_DIR")
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or os.environ.get("LOCALAPPDATA")
    if not base:
        base = os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "drafting"


@lru_cache(maxsize=1)
def code_stamp() -> str:
    """A digest of the Python version and the content of the ``drafting`` package's modules."""
    digest = hashlib.sha256(sys.version.encode())
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def content_key(name: str, sources: Sequence[Path]) -> str:
    """The key of an object built from ``sources``: their paths and bytes, and the code."""
    digest = hashlib.sha256(f"{code_stamp()}\0{name}\0".encode())
    for path in sources:
        digest.update(str(path.resolve()).encode("utf-8", "surrogatepass") + b"\0")
        try:
            digest.update(path.read_bytes())
        except OSError as exc:  # a missing file is part of what was read
            digest.update(f"<{exc.errno}>".encode())
        digest.update(b"\0")
    return digest.hexdigest()[:40]


def cached(name: str, sources: Sequence[Path], build: Callable[[], T]) -> T:
    """``build()``, kept on disk between runs while ``sources`` and the code are unchanged."""
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}-{content_key(name, sources)}.pickle"
    try:
        with open(path, "rb") as handle:
            return pickle.load(handle)  # type: ignore[no-any-return]
    except Exception:  # a missing or unreadable cache is rebuilt
        pass
    value = build()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _prune(folder, f"{name}-*.pickle")
        atomic.write_bytes(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), sync=False)
    except Exception:  # the cache is optional
        pass
    return value


def _prune(folder: Path, pattern: str) -> None:
    """Remove entries of ``pattern`` not written or read for :data:`MAX_AGE_DAYS` days."""
    limit = time.time() - MAX_AGE_DAYS * 86400
    for old in folder.glob(pattern):
        try:
            if max(old.stat().st_mtime, old.stat().st_atime) < limit:
                old.unlink()
        except OSError:
            continue


class CodeCache:
    """Compiled phrase templates kept on disk between runs, one file per template.

    A file's name is a digest of everything its code depends on: the template's text,
    and (in the folder's name) Python's version, the content of the ``drafting`` code
    (:func:`code_stamp`) and Jinja's version. So an entry never goes stale, and
    installations sharing the folder never overwrite or remove each other's entries: a
    name always holds the same code. Entries are written whole (a temporary file renamed
    into place).
    """

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    def _path(self, key: str) -> Path | None:
        if self.folder is None:
            return None
        digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:40]
        return self.folder / f"{digest}.marshal"

    def get(self, key: str) -> CodeType | None:
        path = self._path(key)
        if path is None:
            return None
        try:
            code = marshal.loads(path.read_bytes())
        except Exception:  # a missing or unreadable entry is compiled again
            return None
        return code if isinstance(code, CodeType) else None

    def put(self, key: str, code: CodeType) -> None:
        path = self._path(key)
        if path is None:
            return
        try:
            if not path.parent.is_dir():
                path.parent.mkdir(parents=True)
                self._prune()
            atomic.write_bytes(path, marshal.dumps(code), sync=False)
        except Exception:  # the cache is optional
            pass

    def _prune(self) -> None:
        """Remove the folders of other versions that no run has added to for
        :data:`MAX_AGE_DAYS` days (a version still in use compiles its templates again)."""
        assert self.folder is not None
        cutoff = time.time() - MAX_AGE_DAYS * 86400
        for other in self.folder.parent.iterdir():
            if other != self.folder and other.is_dir() and other.stat().st_mtime < cutoff:
                shutil.rmtree(other, ignore_errors=True)


@lru_cache(maxsize=1)
def code_cache() -> CodeCache:
    """The :class:`CodeCache` of this Python, this Jinja and this ``drafting`` code."""
    import jinja2

    folder = cache_dir()
    if folder is None:
        return CodeCache(None)
    return CodeCache(folder / "jinja" / f"{code_stamp()[:24]}-{jinja2.__version__}")
