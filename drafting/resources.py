"""Where the data the library ships lives: the phrase bank and the bundled sample.

The source tree's top-level ``phrasebank/`` and ``examples/`` folders are installed as
the packages ``drafting.phrasebank`` and ``drafting.examples`` (see ``pyproject.toml``)
and found through :mod:`importlib.resources`: inside site-packages for a wheel, and in
the source tree itself for an editable install, where maintainers edit them in place.
"""

from __future__ import annotations

import os
import tempfile
from importlib.resources import files
from pathlib import Path

PHRASEBANK_DIR = Path(str(files("drafting.phrasebank")))
EXAMPLES_DIR = Path(str(files("drafting.examples")))
SAMPLE_PATH = EXAMPLES_DIR / "bao-cao-mau-2024.yaml"


def writable_dir() -> Path:
    """A folder for the writer's new files: the current folder when it can be written to,
    else the home folder, else the temporary folder (never a folder of the installation)."""
    for folder in (Path.cwd(), Path.home(), Path(tempfile.gettempdir())):
        if os.access(folder, os.W_OK) and not _inside_installation(folder):
            return folder
    return Path(tempfile.gettempdir())


def _inside_installation(folder: Path) -> bool:
    package = Path(__file__).resolve().parent
    try:
        return folder.resolve().is_relative_to(package)
    except OSError:
        return False
