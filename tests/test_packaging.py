"""The installed package: every package listed, data found through importlib.resources."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from conftest import run_cli

from drafting.resources import EXAMPLES_DIR, PHRASEBANK_DIR, SAMPLE_PATH, writable_dir

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_every_python_package_is_listed_for_the_wheel() -> None:
    listed = set(PYPROJECT["tool"]["setuptools"]["packages"])
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for top in ("drafting", "drafting_tui")
        for init in (ROOT / top).rglob("__init__.py")
    }
    mapped = set(PYPROJECT["tool"]["setuptools"]["package-dir"])
    assert mapped == {"drafting.phrasebank", "drafting.examples"}
    data_folders = {"drafting.phrasebank.cau"}  # phrase files: data only, no __init__.py
    assert listed == found | mapped | data_folders


def test_no_generic_top_level_names_are_installed() -> None:
    listed = PYPROJECT["tool"]["setuptools"]["packages"]
    assert {name.split(".")[0] for name in listed} == {"drafting", "drafting_tui"}
    assert "py-modules" not in PYPROJECT["tool"]["setuptools"]


def test_editable_install_reads_the_source_tree_data() -> None:
    # The editable install maps the packages back to the top-level folders.
    assert PHRASEBANK_DIR == ROOT / "phrasebank"
    assert EXAMPLES_DIR == ROOT / "examples"
    assert SAMPLE_PATH.is_file() and (PHRASEBANK_DIR / "cau").is_dir()


def test_new_sample_writes_a_copy_of_the_bundled_sample(tmp_path: Path) -> None:
    result = run_cli("new", "mau.yaml", "--sample", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "mau.yaml").read_bytes() == SAMPLE_PATH.read_bytes()
    refused = run_cli("new", "mau2.yaml", "--sample", "--year", "2025", cwd=tmp_path)
    assert refused.returncode == 2 and "--sample" in refused.stderr and "Traceback" not in refused.stderr
    assert not (tmp_path / "mau2.yaml").exists()


def test_new_files_never_go_inside_the_installation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import drafting

    monkeypatch.chdir(Path(drafting.__file__).parent)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert writable_dir() == tmp_path


def test_writable_dir_is_the_current_folder_when_it_can_be_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert writable_dir() == tmp_path
