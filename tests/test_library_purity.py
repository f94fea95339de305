"""The library never imports Textual: other court software imports it without a UI."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

LIBRARY = Path(__file__).resolve().parent.parent / "drafting"


def test_no_textual_import_in_source() -> None:
    offenders = [
        str(path)
        for path in LIBRARY.rglob("*.py")
        if re.search(r"^\s*(from|import)\s+textual\b", path.read_text(encoding="utf-8"), re.M)
    ]
    assert offenders == []


def test_importing_every_module_loads_no_textual() -> None:
    modules = sorted(p.stem for p in LIBRARY.glob("*.py") if p.stem not in ("__main__",))
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}:\n"
        "    importlib.import_module('drafting.' + m if m != '__init__' else 'drafting')\n"
        "print(sorted(k for k in sys.modules if k.split('.')[0] == 'textual'))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
