"""``drafting new FILE --year Y --from A.yaml --from B.yaml``: a unit formed by merging its
predecessors (#16), tested on the shipped samples: the 2025 provincial sample was formed
from the 2024 sample and the fictional Sen Hồng court."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from sample_data import ROOT, SAMPLE, replace_once, write_text

from drafting.bank.bank import default_bank
from drafting.cli import main
from drafting.datafile.validate import load_report
from drafting.figures.arith import rate
from drafting.figures.views import evaluate

PREDECESSOR = ROOT / "examples" / "tien-than-sen-hong-2024.yaml"
SAMPLE_2025 = ROOT / "examples" / "bao-cao-mau-2025.yaml"


def _compared_counts() -> list[str]:
    return [f.id for f in default_bank().catalogue.figures.values() if f.entered and f.compared]


def _merge(tmp_path: Path, *extra: str) -> Path:
    target = tmp_path / "2025.yaml"
    args = ["new", str(target), "--year", "2025", "--from", str(SAMPLE), "--from", str(PREDECESSOR), *extra]
    assert main(args) == 0
    return target


def test_every_same_period_count_is_the_sum_of_the_predecessors(tmp_path: Path) -> None:
    a, b = load_report(SAMPLE), load_report(PREDECESSOR)
    merged = load_report(_merge(tmp_path, "--cap", "tinh"))
    assert merged.year == 2025 and merged.level == "tinh"
    ids = _compared_counts()
    assert len(ids) > 40
    summed = 0
    for fid in ids:
        x, y = a.figure(fid).current, b.figure(fid).current
        expected = None if x is None and y is None else (x or 0) + (y or 0)
        assert merged.figure(fid).previous == expected, fid
        assert merged.figure(fid).current is None, fid
        summed += expected is not None and x is not None and y is not None
    assert summed > 40
    assert merged.figure("an_hinh_su.thu_ly").previous == 1412 + b.figure("an_hinh_su.thu_ly").current


def test_the_shipped_2025_sample_keeps_the_sums(tmp_path: Path) -> None:
    a, b, sample = load_report(SAMPLE), load_report(PREDECESSOR), load_report(SAMPLE_2025)
    assert sample.year == 2025 and sample.level == "tinh"
    for fid in _compared_counts():
        x, y = a.figure(fid).current, b.figure(fid).current
        if x is not None and y is not None:
            assert sample.figure(fid).previous == x + y, fid
    assert "hư cấu" in SAMPLE_2025.read_text(encoding="utf-8")[:600]
    assert "hư cấu" in PREDECESSOR.read_text(encoding="utf-8")[:600]


def test_rates_are_recomputed_from_the_sums_not_averaged(tmp_path: Path) -> None:
    catalogue = default_bank().catalogue
    a, b = load_report(SAMPLE), load_report(PREDECESSOR)
    views = evaluate(load_report(_merge(tmp_path, "--cap", "tinh")), catalogue)
    differs = 0
    for figure in catalogue.figures.values():
        if figure.kind != "ty_le" or len(figure.numerator) != 1 or len(figure.denominator) != 1:
            continue
        (num,), (den,) = figure.numerator, figure.denominator
        num_sum = a.figure(num).current + b.figure(num).current  # type: ignore[operator]
        den_sum = a.figure(den).current + b.figure(den).current  # type: ignore[operator]
        expected = rate(num_sum, den_sum)
        previous = views[figure.id].previous
        assert previous is not None and expected is not None
        assert abs(Decimal(previous) - expected) < Decimal("0.01"), figure.id
        mean = (
            rate(a.figure(num).current, a.figure(den).current) + rate(b.figure(num).current, b.figure(den).current)
        ) / 2  # type: ignore[operator]
        differs += abs(mean - expected) >= Decimal("0.01")
    assert differs >= 1  # the samples are such that averaging would give another rate


def test_section_one_says_which_units_were_merged(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = _merge(tmp_path, "--cap", "tinh")
    merged = load_report(target)
    text = merged.content["I"][0]
    sentence = getattr(text, "text", "")
    assert "hợp nhất Tòa án nhân dân tỉnh Hoa Sen và Tòa án nhân dân tỉnh Sen Hồng" in sentence
    assert "01/7/2025" in sentence
    assert main(["render", str(target), "-o", str(tmp_path / "2025.md")]) == 0
    rendered = (tmp_path / "2025.md").read_text(encoding="utf-8")
    assert "hợp nhất Tòa án nhân dân tỉnh Hoa Sen và Tòa án nhân dân tỉnh Sen Hồng" in rendered


def test_groups_not_applying_to_the_new_level_are_dropped_with_a_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    merged = load_report(_merge(tmp_path, "--cap", "khu_vuc"))
    err = capsys.readouterr().err
    assert "không chuyển số liệu" in err and "bao-cao-mau-2024.yaml" in err and "tien-than-sen-hong-2024.yaml" in err
    assert merged.figure("don_giam_doc_tham.thu_ly").previous is None
    assert merged.figure("an_hinh_su.thu_ly").previous is not None


def _refused(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return err


def test_the_same_unit_twice_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "x.yaml"
    err = _refused(["new", str(out), "--year", "2025", "--from", str(SAMPLE), "--from", str(SAMPLE)], capsys)
    assert "tệp này được ghi hai lần trong --from" in err
    text = PREDECESSOR.read_text(encoding="utf-8")
    twin = write_text(
        tmp_path,
        "twin.yaml",
        replace_once(text, "  ten: Tòa án nhân dân tỉnh Sen Hồng", "  ten: Tòa án nhân dân tỉnh Hoa Sen"),
    )
    err = _refused(["new", str(out), "--year", "2025", "--from", str(SAMPLE), "--from", str(twin)], capsys)
    assert f"{twin}:" in err and "don_vi.ten: đơn vị “Tòa án nhân dân tỉnh Hoa Sen” đã có trong" in err
    assert len(err.strip().splitlines()) == 1
    assert not out.exists()


def test_mixed_years_and_wrong_years_are_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "x.yaml"
    err = _refused(["new", str(out), "--year", "2025", "--from", str(SAMPLE), "--from", str(SAMPLE_2025)], capsys)
    assert f"{SAMPLE_2025}:" in err and "nam: năm báo cáo 2025 không phải năm 2024" in err
    assert len(err.strip().splitlines()) == 1
    err = _refused(
        ["new", str(out), "--from", str(SAMPLE), "--from", str(PREDECESSOR), "--from", str(SAMPLE_2025)], capsys
    )
    assert f"{SAMPLE_2025}:28: nam: các tệp --from khác năm nhau (2024 và 2025): tệp này là báo cáo năm 2025" in err
    assert len(err.strip().splitlines()) == 1
    err = _refused(["new", str(out), "--year", "2026", "--from", str(SAMPLE), "--from", str(PREDECESSOR)], capsys)
    assert "không phải năm 2025" in err and str(PREDECESSOR) in err
    assert not out.exists()


def test_a_level_not_of_the_year_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "x.yaml"
    args = ["new", str(out), "--year", "2025", "--cap", "huyen", "--from", str(SAMPLE), "--from", str(PREDECESSOR)]
    err = _refused(args, capsys)
    assert "don_vi.cap: năm 2025 không còn Tòa án nhân dân cấp huyện" in err
    assert not out.exists()


def test_without_a_level_the_predecessors_level_is_kept(tmp_path: Path) -> None:
    merged = load_report(_merge(tmp_path))
    assert merged.level == "tinh"
