"""Helpers of the TUI tests: waiting on conditions instead of sleeping."""

from __future__ import annotations

import asyncio
import functools
import shutil
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from drafting.resources import SAMPLE_PATH

STARTUP_TIMEOUT = 30.0


def async_test(function: Callable[..., Awaitable[None]]) -> Callable[..., None]:
    """Run an ``async def`` test in its own event loop (no asyncio plugin needed)."""

    @functools.wraps(function)
    def run(*args: Any, **kwargs: Any) -> None:
        asyncio.run(function(*args, **kwargs))  # type: ignore[arg-type]

    return run


async def wait_for(
    pilot: Any, predicate: Callable[[], object], timeout: float = 5, what: str | Callable[[], str] = ""
) -> None:
    """Let the app run until ``predicate()`` is true; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            described = what() if callable(what) else what
            raise AssertionError(f"timed out after {timeout}s waiting for {described or predicate}")
        await pilot.pause(0.05)


def settled(app: Any) -> bool:
    """The editor is built, the bank loaded and the preview shows the current draft."""
    return bool(app.editor.ready and app.phrases_loaded and app.preview.settled)


async def wait_settled(pilot: Any, timeout: float = STARTUP_TIMEOUT) -> None:
    app = pilot.app
    await wait_for(
        pilot,
        lambda: settled(app),
        timeout,
        lambda: (
            "the editor and the preview: "
            f"editor {app.editor.ready}, phrases {app.phrases_loaded}, preview {app.preview.ready} "
            f"v{app.preview.version}/{app.preview.details_version}/{app.draft.version}, timer {app.preview.timer}, "
            f"screen {app.screen}"
        ),
    )


def copy_sample(folder: Path, name: str = "bao-cao.yaml") -> Path:
    """A writable copy of the sample data file (a real file, not the bundled sample)."""
    target = folder / name
    shutil.copyfile(SAMPLE_PATH, target)
    return target
