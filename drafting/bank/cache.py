"""Disk caches: the loaded phrase bank data, and the compiled phrase templates.

Loading ``phrasebank/`` with the round-trip YAML parser and checking every phrase's
Jinja syntax takes most of a second; every command needs the result, and it only
changes when a maintainer edits a file. :func:`cached` keeps the loaded objects as a
pickle under the user's cache folder, keyed by the size and modification time of every
file of ``phrasebank/`` and of the ``drafting`` package (so an edit to either rebuilds
it) and by the Python version.

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
import tempfile
import time
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from types import CodeType
from typing import TypeVar

from drafting.resources import PHRASEBANK_DIR, SOURCE_ROOT

T = TypeVar("T")

PACKAGE_DIR = SOURCE_ROOT / "drafting"


def cache_dir() -> Path | None:
    """The cache folder, or ``None`` when the cache is turned off."""
    if os.environ.get("DRAFTING_NO_CACHE"):
        return None
    chosen = os.environ.get("DRAFTING_CACHE_DIR")
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "drafting"


@lru_cache(maxsize=1)
def source_stamp() -> str:
    """A digest of the phrase bank files and the package's modules (paths, sizes, times)."""
    digest = hashlib.sha256(sys.version.encode())
    for folder, pattern in ((PHRASEBANK_DIR, "**/*.y*ml"), (PACKAGE_DIR, "**/*.py")):
        for path in sorted(folder.glob(pattern)):
            try:
                st = path.stat()
            except OSError:
                continue
            digest.update(f"{path}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:32]


def cached(name: str, build: Callable[[], T]) -> T:
    """``build()``, kept on disk between runs while its sources are unchanged."""
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}-{source_stamp()}.pickle"
    try:
        with open(path, "rb") as handle:
            return pickle.load(handle)  # type: ignore[no-any-return]
    except Exception:  # a missing or unreadable cache is rebuilt
        pass
    value = build()
    tmp = ""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for stale in folder.glob(f"{name}-*.pickle"):
            stale.unlink(missing_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except Exception:  # the cache is optional
        if tmp and os.path.exists(tmp):
            os.unlink(tmp)
    return value


class CodeCache:
    """Compiled phrase templates kept on disk between runs, one file per template.

    A file's name is a digest of everything its code depends on: the template's text,
    Python's and Jinja's versions and the text of the modules that set up the sandbox
    (:data:`SANDBOX_MODULES`). So an entry never goes stale, and installations sharing
    the folder never overwrite or remove each other's entries: a name always holds the
    same code. Entries are written whole (a temporary file renamed into place).
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
        tmp = ""
        try:
            if not path.parent.is_dir():
                path.parent.mkdir(parents=True)
                self._prune()
            fd, tmp = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=path.parent)
            with os.fdopen(fd, "wb") as handle:
                marshal.dump(code, handle)
            os.replace(tmp, path)
        except Exception:  # the cache is optional
            if tmp and os.path.exists(tmp):
                os.unlink(tmp)

    def _prune(self, days: int = 30) -> None:
        """Remove the folders of other versions that no run has added to for ``days`` days
        (a version still in use only compiles its templates once more)."""
        assert self.folder is not None
        cutoff = time.time() - days * 86400
        for other in self.folder.parent.iterdir():
            if other != self.folder and other.is_dir() and other.stat().st_mtime < cutoff:
                shutil.rmtree(other, ignore_errors=True)


SANDBOX_MODULES = ("bank/sandbox.py", "bank/limits.py", "vi/filters.py")
"""The modules (in ``drafting/``) whose text decides the code a template compiles to."""


@lru_cache(maxsize=1)
def code_cache() -> CodeCache:
    """The :class:`CodeCache` of this Python, this Jinja and this sandbox."""
    import jinja2

    folder = cache_dir()
    if folder is None:
        return CodeCache(None)
    digest = hashlib.sha256(f"{sys.version}\0{jinja2.__version__}".encode())
    for name in SANDBOX_MODULES:
        try:
            digest.update((PACKAGE_DIR / name).read_bytes())
        except OSError:  # not installed as source files: no cache
            return CodeCache(None)
    return CodeCache(folder / "jinja" / digest.hexdigest()[:24])
