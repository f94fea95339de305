"""The phrase bank: loading, the linter on a corpus of broken files, the shipped content."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import run_cli

from drafting.bank.bank import default_bank, lint_bank, load_bank

CORPUS = Path(__file__).parent / "corpus" / "phrases"
EXPECTED = dict(line.split("\t", 1) for line in (CORPUS / "expected.txt").read_text(encoding="utf-8").splitlines())


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_phrase_file_is_located(tmp_path: Path, name: str) -> None:
    shutil.copy(CORPUS / name, tmp_path / name)
    bank = lint_bank(tmp_path)
    mine = [p for p in bank.problems if p.file.endswith(name)]
    assert mine, f"no problem reported for {name}"
    assert any(EXPECTED[name] in p.message for p in mine), [str(p) for p in mine]
    for problem in mine:
        assert problem.file == str(tmp_path / name)
        if name not in ("14_danh_sach.yaml", "15_rong.yaml"):
            assert problem.line is not None, str(problem)


def test_phrase_problems_name_the_phrase_id(tmp_path: Path) -> None:
    shutil.copy(CORPUS / "03_bien_la.yaml", tmp_path / "a.yaml")
    bank = lint_bank(tmp_path)
    (problem,) = [p for p in bank.problems if p.file.endswith("a.yaml")]
    assert problem.phrase_id == "uu_diem.bien_la"
    assert str(problem).startswith(f"{tmp_path / 'a.yaml'}:7: [uu_diem.bien_la]")


def test_one_broken_file_keeps_the_rest_usable(tmp_path: Path) -> None:
    shipped = Path(__file__).resolve().parent.parent / "phrasebank" / "cau"
    for path in shipped.glob("*.yaml"):
        shutil.copy(path, tmp_path / path.name)
    shutil.copy(CORPUS / "13_yaml_hong.yaml", tmp_path / "zz_hong.yaml")
    shutil.copy(CORPUS / "01_cu_phap_jinja.yaml", tmp_path / "zz_jinja.yaml")
    bank = load_bank(tmp_path)
    assert len(bank.phrases) == len(default_bank().phrases) + 1  # the good phrase of zz_jinja
    assert "uu_diem.loi_cu_phap" not in bank.phrases
    assert {Path(p.file).name for p in bank.problems} == {"zz_hong.yaml", "zz_jinja.yaml"}


def test_bank_check_cli_fails_located_on_corpus(tmp_path: Path) -> None:
    shutil.copy(CORPUS / "06_giong_moi.yaml", tmp_path / "x.yaml")
    result = run_cli("bank", "check", str(tmp_path))
    assert result.returncode == 2
    assert f"{tmp_path / 'x.yaml'}:7: [uu_diem.giong]" in result.stderr
    assert "Tòa" in result.stderr and "Traceback" not in result.stderr


def test_shipped_bank_is_clean() -> None:
    bank = lint_bank()
    assert bank.problems == []
    assert len(bank.phrases) >= 7 * 15
