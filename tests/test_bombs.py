"""Hang guards: template bombs in the phrase bank end with a located error.

A bank holding every payload of ``tests/corpus/bombs.yaml`` is checked (``bank check``)
and a data file pinning them is rendered, each once, in a child process limited to 1 GB
of address space (not on Windows) and killed after a minute. The limits are guards, not
timings: the run takes about a second. Before the bounds, the first payload took the
check down with a MemoryError and nested loops never ended.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bomb_cases import Bomb, Outcome, bank_with, load_bombs, report_with, run_cli_with_bank

BOMBS = load_bombs()


@pytest.fixture(scope="module")
def bank(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return bank_with(BOMBS, tmp_path_factory.mktemp("bombs"))


@pytest.fixture(scope="module")
def checked(bank: Path) -> Outcome:
    return run_cli_with_bank(bank, "bank", "check", str(bank))


@pytest.fixture(scope="module")
def rendered(bank: Path) -> tuple[Outcome, Path, Path]:
    folder = bank.parent
    report = report_with(BOMBS, folder)
    output = folder / "bao-cao.md"
    return run_cli_with_bank(bank, "render", str(report), "-o", str(output)), report, output


def _located(stderr: str, file: Path, phrase_id: str) -> list[str]:
    pattern = re.compile(rf"^{re.escape(str(file))}:\d+: \[{re.escape(phrase_id)}\] ")
    return [line for line in stderr.splitlines() if pattern.match(line)]


def test_bank_check_ends_with_exit_2_and_no_traceback(checked: Outcome) -> None:
    assert checked.returncode == 2, f"exit {checked.returncode} (None: killed at the timeout)\n{checked.stderr[-2000:]}"
    assert "Traceback" not in checked.stderr and "MemoryError" not in checked.stderr


@pytest.mark.parametrize("bomb", BOMBS, ids=[b.name for b in BOMBS])
def test_bank_check_locates_the_bomb(bank: Path, checked: Outcome, bomb: Bomb) -> None:
    (line,) = _located(checked.stderr, bank / "cau" / bomb.file_name, bomb.phrase_id)
    assert bomb.error in line
    if not bomb.refused_on_load:
        assert "vượt giới hạn" in line and ("cách viết 1" in line or "điều kiện" in line)


def test_render_ends_with_exit_2_and_writes_nothing(rendered: tuple[Outcome, Path, Path]) -> None:
    outcome, _, output = rendered
    assert outcome.returncode == 2, f"exit {outcome.returncode} (None: killed at the timeout)\n{outcome.stderr[-2000:]}"
    assert "Traceback" not in outcome.stderr and "MemoryError" not in outcome.stderr
    assert not output.exists()


@pytest.mark.parametrize("bomb", BOMBS, ids=[b.name for b in BOMBS])
def test_render_locates_the_bomb(bank: Path, rendered: tuple[Outcome, Path, Path], bomb: Bomb) -> None:
    outcome, report, _ = rendered
    if bomb.refused_on_load:
        # Left out of the bank when it was loaded: the data file's choice is unknown.
        assert re.search(rf"^{re.escape(str(report))}:\d+: .*“{bomb.phrase_id}”", outcome.stderr, re.M)
        return
    (line,) = _located(outcome.stderr, bank / "cau" / bomb.file_name, bomb.phrase_id)
    assert bomb.error in line and "vượt giới hạn" in line
