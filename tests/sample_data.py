"""Crafted data files for tests: the sample with edits, written to a temporary folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from drafting.files.yamlio import dump_yaml, parse_yaml

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "bao-cao-mau-2024.yaml"
SAMPLE_TEXT = SAMPLE.read_text(encoding="utf-8")


def replace_once(text: str, old: str, new: str) -> str:
    """``text`` with the single occurrence of ``old`` replaced (fails if not exactly one)."""
    assert text.count(old) == 1, f"expected one occurrence of {old!r}, found {text.count(old)}"
    return text.replace(old, new)


def sample_data() -> Any:
    """The sample parsed round-trip (edit it, then :func:`write_data`)."""
    return parse_yaml(SAMPLE_TEXT, str(SAMPLE))


def write_text(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def write_data(folder: Path, name: str, data: Any) -> Path:
    return write_text(folder, name, dump_yaml(data))


def edited(folder: Path, name: str, edit: Callable[[Any], None]) -> Path:
    """The sample with ``edit`` applied to its round-trip data, written as ``name``."""
    data = sample_data()
    edit(data)
    return write_data(folder, name, data)


def line_of_text(path: Path, needle: str) -> int:
    """The 1-based line of the only line of ``path`` containing ``needle``."""
    lines = [i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line]
    assert len(lines) == 1, (needle, lines)
    return lines[0]
