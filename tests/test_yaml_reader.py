"""One YAML reader (#12): ruamel's round-trip loader reads every file; there is no second grammar.

``check`` and ``render`` read without comments (ruamel's plain scanner), the editor with
them (its round-trip scanner): over every file of the test corpus and the examples both
give the same values, or the same located problem.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from drafting.checks.checker import check_file
from drafting.editing.draft import Draft
from drafting.errors import ProblemsError
from drafting.files.yamlio import read_yaml_file

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted(
    [
        *(ROOT / "tests" / "corpus" / "data").glob("*.yaml"),
        *(ROOT / "tests" / "corpus" / "hien_nay").glob("*.yaml"),
        *(ROOT / "examples").glob("*.yaml"),
    ]
)


def _plain(node: Any) -> Any:
    """Data as plain Python values, with their types (a date stays a date)."""
    if isinstance(node, dict):
        return {(type(k).__name__, k): _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    for kind in (bool, int, float, date, str):
        if isinstance(node, kind):
            return (kind.__name__, kind(node) if kind in (str, float, int) else node)
    return (type(node).__name__, repr(node))


def _read(path: Path, comments: bool) -> Any:
    try:
        data, _ = read_yaml_file(path, comments=comments)
    except ProblemsError as exc:
        return ("refused", [str(p) for p in exc.problems])
    return _plain(data)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_reading_with_and_without_comments_gives_the_same_values(path: Path) -> None:
    assert _read(path, comments=False) == _read(path, comments=True)


def test_the_corpus_is_read(tmp_path: Path) -> None:
    assert len(FILES) > 55


def test_a_tab_inside_a_value_is_refused_alike_by_check_and_the_editor(tmp_path: Path) -> None:
    path = tmp_path / "tab.yaml"
    path.write_text("nam: 2024\ndon_vi:\n  ten: Tòa\tán nhân dân tỉnh Hoa Sen\n", encoding="utf-8")
    with pytest.raises(ProblemsError) as by_check:
        check_file(path)
    with pytest.raises(ProblemsError) as by_editor:
        Draft.open(path)
    assert by_check.value.problems == by_editor.value.problems
    (problem,) = by_check.value.problems
    assert problem.line == 3 and problem.message.startswith("ký tự tab trong giá trị")


def test_no_second_yaml_parser_is_imported() -> None:
    script = (
        "import sys\nfrom drafting.checks.checker import check_file\nfrom drafting.export.render import render_file\n"
        f"check_file({str(ROOT / 'examples' / 'bao-cao-mau-2024.yaml')!r})\n"
        "print('yaml' in sys.modules, '_yaml' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.split() == ["False", "False"]
    assert not (ROOT / "drafting" / "files" / "fastyaml.py").exists()
