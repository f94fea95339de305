"""A disk cache of the code ``dataclasses`` generates, turned on by the entry points.

Before Python 3.13, each ``@dataclass`` compiles five or six small functions from
source text when its module is imported; the forty records a report check imports
spend about 50 ms in ``compile`` — a third of the command's own start-up.
:func:`install` gives the ``dataclasses`` module an ``exec`` that runs the code an
earlier run compiled from the same text (a :class:`~drafting.bank.cache.CodeCache` keyed by
the exact text, one file per Python version), which is exactly what executing the text
does; texts not seen before are compiled as before and kept when the process ends.

Only the command line and the terminal UI call :func:`install`: importing the library
leaves the interpreter as it was.
"""

from __future__ import annotations

import dataclasses
import sys
from typing import Any

from drafting.bank.cache import CodeCache, cache_dir

_PREFIX = "dataclasses-"


def _cache() -> CodeCache:
    folder = cache_dir()
    tag = f"{sys.implementation.cache_tag}-{sys.hexversion:x}"
    path = folder / f"{_PREFIX}{tag}.marshal" if folder is not None else None
    return CodeCache(path, stale=f"{_PREFIX}*.marshal")


def install() -> None:
    """Serve the code of generated dataclass methods from the disk cache (idempotent)."""
    if getattr(dataclasses, "exec", None) is not None:
        return
    import atexit

    cache = _cache()
    atexit.register(cache.flush)

    def cached_exec(source: Any, globals: Any = None, locals: Any = None) -> None:
        if isinstance(source, str):
            code = cache.get(source)
            if code is None:
                # As ``exec`` called from ``dataclasses``: no __future__ flags inherited.
                code = compile(source, "<string>", "exec", dont_inherit=True)
                cache.put(source, code)
            source = code
        exec(source, globals, locals)

    dataclasses.exec = cached_exec  # type: ignore[attr-defined]


__all__ = ["install"]
