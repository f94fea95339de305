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
    modules = sorted(
        ".".join(("drafting", *p.relative_to(LIBRARY).with_suffix("").parts)).removesuffix(".__init__")
        for p in LIBRARY.rglob("*.py")
        if p.stem != "__main__"
    )
    assert "drafting.composition.composer" in modules
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}:\n"
        "    importlib.import_module(m)\n"
        "print(sorted(k for k in sys.modules if k.split('.')[0] == 'textual'))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_package_exports_every_name_lazily_and_imports_little() -> None:
    code = (
        "import sys, drafting\n"
        "light = sorted(k for k in sys.modules if k.startswith(('drafting.', 'jinja2', 'yaml')))\n"
        "import drafting.composition.composer\n"
        "values = {name: getattr(drafting, name) for name in drafting.__all__}\n"
        "print(light)\n"
        "print(values['compose'].__module__, values['Bank'].__module__, values['ProblemsError'].__module__)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    light, modules = out.stdout.splitlines()
    assert light == "[]"
    # ``compose`` stays the function even after its submodule is imported.
    assert modules == "drafting.composition.composer drafting.bank.bank drafting.errors"

