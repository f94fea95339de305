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

:class:`CodeCache` keeps the Python code Jinja generates for each phrase text, so a
run does not compile again the templates an earlier run compiled.

The caches are an optimisation only: any failure to read or write them falls back to
loading and compiling. Like ``__pycache__``, they hold code and data of the user's own
installation, in the user's own folder. ``DRAFTING_CACHE_DIR`` chooses the folder;
``DRAFTING_NO_CACHE=1`` turns the cache off.
"""

from __future__ import annotations

import atexit
import hashlib
import marshal
import os
import pickle
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
        atomic.write_bytes(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
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
    """Compiled code objects kept on disk between runs, keyed by their source text.

    Compiling a phrase text takes a few milliseconds and a report renders about two
    hundred of them; the code Jinja generates only depends on the text and on the
    sandbox (whose module is part of :func:`code_stamp`). Entries are written when
    the process ends, or on :meth:`flush`; older cache files matching ``stale`` are
    removed then.
    """

    def __init__(self, path: Path | None, stale: str = "jinja-*.marshal") -> None:
        self.path = path
        self.stale = stale
        self.entries: dict[str, bytes] | None = None
        self.dirty = False

    @staticmethod
    def key(source: str) -> str:
        return hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest()[:40]

    def _load(self) -> dict[str, bytes]:
        if self.entries is None:
            self.entries = {}
            if self.path is not None:
                try:
                    with open(self.path, "rb") as handle:
                        loaded = marshal.load(handle)
                    if isinstance(loaded, dict):
                        self.entries = loaded
                except Exception:  # a missing or unreadable cache starts empty
                    pass
        return self.entries

    def get(self, source: str) -> CodeType | None:
        blob = self._load().get(self.key(source))
        if blob is None:
            return None
        try:
            code = marshal.loads(blob)
        except Exception:
            return None
        return code if isinstance(code, CodeType) else None

    def put(self, source: str, code: CodeType) -> None:
        if self.path is None:
            return
        self._load()[self.key(source)] = marshal.dumps(code)
        self.dirty = True

    def flush(self) -> None:
        """Write new entries (merged with what other processes wrote meanwhile)."""
        if not self.dirty or self.path is None or self.entries is None:
            return
        self.dirty = False
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            merged: dict[str, bytes] = {}
            try:
                with open(self.path, "rb") as handle:
                    loaded = marshal.load(handle)
                if isinstance(loaded, dict):
                    merged.update(loaded)
            except Exception:
                pass
            merged.update(self.entries)
            for stale in self.path.parent.glob(self.stale):
                if stale != self.path:
                    stale.unlink(missing_ok=True)
            atomic.write_bytes(self.path, marshal.dumps(merged))
        except Exception:  # the cache is optional
            pass


@lru_cache(maxsize=1)
def code_cache() -> CodeCache:
    """The process's :class:`CodeCache` (flushed at exit)."""
    import jinja2

    folder = cache_dir()
    path = folder / f"jinja-{code_stamp()[:32]}-{jinja2.__version__}.marshal" if folder is not None else None
    cache = CodeCache(path)
    atexit.register(cache.flush)
    return cache
