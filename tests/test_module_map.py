"""The README's module map names every module of the tree, in its package's row (#12)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _rows() -> dict[str, set[str]]:
    """Package → the module names its row of the library table lists."""
    section = README.split("## Cấu trúc mã / Module map", 1)[1].split("\n## ", 1)[0]
    rows: dict[str, set[str]] = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[0].startswith("`drafting"):
            rows[cells[0].strip("`")] = set(re.findall(r"`(\w+)`", cells[1]))
    return rows


def _modules(folder: Path) -> set[str]:
    return {p.stem for p in folder.glob("*.py") if p.stem not in ("__init__", "__main__")}


def test_every_library_module_is_in_its_packages_row() -> None:
    rows = _rows()
    packages = {".".join(p.relative_to(ROOT).parts) for p in (ROOT / "drafting").rglob("__init__.py")}
    packages = {name.removesuffix(".__init__.py") for name in packages}
    packages -= {"drafting.phrasebank", "drafting.examples"}  # data, mapped at build time
    assert set(rows) == packages
    for package, named in rows.items():
        folder = ROOT.joinpath(*package.split("."))
        assert named == _modules(folder), package


def test_every_tui_module_is_in_the_tui_table() -> None:
    section = README.split("## Giao diện / The terminal UI", 1)[1].split("\n## ", 1)[0]
    named = set(re.findall(r"`(\w+)\.(?:py|tcss)`", section))
    assert _modules(ROOT / "drafting_tui") <= named
