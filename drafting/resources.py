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
SAMPLES_BY_YEAR = {
    2024: SAMPLE_PATH,  # a provincial court (cap: tinh)
    2025: EXAMPLES_DIR / "bao-cao-mau-2025.yaml",  # a provincial court formed by merger
    2026: EXAMPLES_DIR / "bao-cao-mau-2026-khu-vuc.yaml",  # a regional court (cap: khu_vuc)
}
"""The shipped samples; the 2025 one was made with ``drafting new --from`` from the 2024
sample and ``tien-than-sen-hong-2024.yaml`` (fictional predecessors)."""


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
