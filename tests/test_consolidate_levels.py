"""``drafting consolidate`` across levels (#16): a provincial court with its regional courts
(2025 on) is consolidated, the levels phrasebank/cap_don_vi.yaml does not pair are refused."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sample_data import edited

from drafting.checks.checker import check_file
from drafting.cli import main
from drafting.datafile.validate import load_report
from drafting.resources import SAMPLES_BY_YEAR

PROVINCE = SAMPLES_BY_YEAR[2025]


def _regional_2025(folder: Path, name: str, level: str = "khu_vuc", file: str = "") -> Path:
    def edit(data: Any) -> None:
        data["nam"] = 2025
        data["don_vi"]["ten"] = name
        data["don_vi"]["cap"] = level

    source = SAMPLES_BY_YEAR[2026]
    return edited(folder, file or f"{level or 'khong'}-{len(list(folder.glob('*.yaml')))}.yaml", _from(source, edit))


def _from(source: Path, edit: Any) -> Any:
    from drafting.files.yamlio import parse_yaml

    def change(data: Any) -> None:
        data.clear()
        data.update(parse_yaml(source.read_text(encoding="utf-8"), str(source)))
        edit(data)

    return change


def test_a_provincial_court_with_its_regional_courts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    regional = [_regional_2025(tmp_path, f"Tòa án nhân dân khu vực {i} - Hoa Sen") for i in (1, 2)]
    out = tmp_path / "tong-hop.yaml"
    assert main(["consolidate", str(PROVINCE), *map(str, regional), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    # A regional court has no review petitions, nor a bankruptcy court here: nothing to warn about.
    assert "don_giam_doc_tham" not in err and "pha_san" not in err
    merged = load_report(out)
    assert merged.year == 2025 and merged.level == "tinh"
    province, first = load_report(PROVINCE), load_report(regional[0])
    assert merged.figure("an_hinh_su.thu_ly").current == province.figure("an_hinh_su.thu_ly").current + 2 * (
        first.figure("an_hinh_su.thu_ly").current or 0
    )
    assert merged.figure("don_giam_doc_tham.thu_ly").current == province.figure("don_giam_doc_tham.thu_ly").current
    assert check_file(out).errors == []


def test_levels_not_paired_are_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    regional = _regional_2025(tmp_path, "Tòa án nhân dân khu vực 1 - Hoa Sen")
    department = _regional_2025(tmp_path, "Vụ Thi đua - Khen thưởng 2", level="chung")
    out = tmp_path / "tong-hop.yaml"
    assert main(["consolidate", str(regional), str(department), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    line = next(i for i, t in enumerate(department.read_text(encoding="utf-8").splitlines(), 1) if t == "  cap: chung")
    assert (
        f"{department}:{line}: don_vi.cap: đơn vị là đơn vị thuộc Tòa án nhân dân tối cao, Cụm thi đua (chung)" in err
    )
    assert "các cấp được tổng hợp chung: tinh và khu_vuc" in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert not out.exists()


def test_a_unit_without_a_level_is_consolidated_with_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    regional = _regional_2025(tmp_path, "Tòa án nhân dân khu vực 1 - Hoa Sen")
    unknown = _regional_2025(tmp_path, "Tòa án nhân dân khu vực 2 - Hoa Sen", level="")
    out = tmp_path / "tong-hop.yaml"
    assert main(["consolidate", str(regional), str(unknown), "-o", str(out)]) == 0
    assert "đơn vị chưa ghi cấp (don_vi.cap)" in capsys.readouterr().err
    assert load_report(out).level == "khu_vuc"
