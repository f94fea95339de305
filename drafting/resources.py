"""Where the data the library ships lives: the phrase bank and the bundled sample."""

from __future__ import annotations

from pathlib import Path

SOURCE_ROOT = Path(__file__).resolve().parent.parent
PHRASEBANK_DIR = SOURCE_ROOT / "phrasebank"
EXAMPLES_DIR = SOURCE_ROOT / "examples"
SAMPLE_PATH = EXAMPLES_DIR / "bao-cao-mau-2024.yaml"
