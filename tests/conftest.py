"""Shared fixtures: the bundled sample and helpers to write edited copies of it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "bao-cao-mau-2024.yaml"


@pytest.fixture
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m drafting`` as a user would, capturing its output."""
    return subprocess.run(
        [sys.executable, "-m", "drafting", *args],
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        timeout=120,
    )


@pytest.fixture(scope="session", autouse=True)
def fresh_phrasebank_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Each test session starts with an empty disk cache, so the YAML loaders really run."""
    import os

    os.environ["DRAFTING_CACHE_DIR"] = str(tmp_path_factory.mktemp("drafting-cache"))


@pytest.fixture(scope="session", autouse=True)
def no_user_bank_layers(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The phrase bank is the shipped one unless a test adds layers: the tester's own
    ``DRAFTING_BANK`` and user folder (drafting.bank.sources) are set aside."""
    import os

    config = str(tmp_path_factory.mktemp("config"))
    os.environ.pop("DRAFTING_BANK", None)
    os.environ["XDG_CONFIG_HOME"] = config
    os.environ["APPDATA"] = config
