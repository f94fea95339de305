"""``drafting consolidate``: sums, recomputed rates, merged lists, the annex, mixed years."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sample_data import SAMPLE, edited

from drafting.bank.bank import default_bank
from drafting.cli import main
from drafting.composition.annex import annex_sections
from drafting.composition.composer import compose
from drafting.datafile.consolidate import consolidate
from drafting.datafile.validate import load_report
from drafting.document import Table
from drafting.export.text import to_markdown
from drafting.figures.arith import rate, round_rate
from drafting.figures.views import evaluate

UNITS = ("Tòa án nhân dân khu vực 1", "Tòa án nhân dân khu vực 2", "Tòa án nhân dân khu vực 3")


def _unit(name: str, change: Callable[[Any], None] = lambda data: None) -> Callable[[Any], None]:
    def edit(data: Any) -> None:
        data["don_vi"]["ten"] = name
        change(data)

    return edit


def _second(data: Any) -> None:
    data["van_ban"].append({"loai": "ban_hanh", "so": "07/KH-TA", "trich_yeu": "Kế hoạch riêng của khu vực 2"})
    for movement in data["phong_trao"]:
        if movement.get("id") == "vi_cong_ly":
            movement["ket_qua"] = "Khu vực 2 giải quyết 100% án đúng hạn."
    data["so_lieu"]["an_hinh_su"]["giai_quyet"]["ky_nay"] = 1000
    data["so_lieu"]["an_hinh_su"]["thu_ly"]["nguyen_nhan"] = "do án ma túy tăng"
    data["so_lieu"]["tu_thien"]["tien"]["ky_nay"] = 1_000_000
    del data["so_lieu"]["dien_hinh"]["sang_kien"]


def _third(data: Any) -> None:
    data["so_lieu"]["an_hinh_su"]["thu_ly"]["ky_nay"] = 2000
    data["so_lieu"]["an_hinh_su"]["thu_ly"]["cung_ky"] = 1500
    data["so_lieu"]["an_hinh_su"]["thu_ly"]["nguyen_nhan"] = ""


@pytest.fixture
def units(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "don_vi"
    folder.mkdir()
    return [
        edited(folder, "a.yaml", _unit(UNITS[0])),
        edited(folder, "b.yaml", _unit(UNITS[1], _second)),
        edited(folder, "c.yaml", _unit(UNITS[2], _third)),
    ]


@pytest.fixture
def merged(units: list[Path], tmp_path: Path) -> Path:
    out = tmp_path / "tong_hop.yaml"
    consolidate(units, out)
    return out


def test_counts_and_money_are_summed_exactly(units: list[Path], merged: Path) -> None:
    sources = [load_report(p) for p in units]
    total = load_report(merged)
    for figure in default_bank().catalogue.figures.values():
        if not figure.entered:
            continue
        currents = [r.figure(figure.id).current for r in sources if r.figure(figure.id).current is not None]
        assert total.figure(figure.id).current == (sum(currents) if currents else None), figure.id  # type: ignore[arg-type]
        if figure.compared:
            assert total.figure(figure.id).previous == sum(r.figure(figure.id).previous or 0 for r in sources)
    assert total.figure("an_hinh_su.thu_ly").current == 1412 + 1412 + 2000
    assert total.figure("an_hinh_su.thu_ly").previous == 1318 + 1318 + 1500
    assert total.figure("an_hinh_su.giai_quyet").current == 1368 + 1000 + 1368
    assert total.figure("tu_thien.tien").current == 286_500_000 * 2 + 1_000_000
    assert total.figure("dien_hinh.sang_kien").current == 21 * 2  # missing in one unit


def test_rates_are_recomputed_from_the_sums(merged: Path) -> None:
    views = evaluate(load_report(merged), default_bank().catalogue)
    assert views["an_hinh_su.ty_le_giai_quyet"].current == round_rate(rate(3736, 4824))  # type: ignore[arg-type]
    assert views["an_hinh_su.ty_le_giai_quyet"].current == Decimal("77.45")
    assert views["an_hinh_su.ty_le_giai_quyet"].previous == round_rate(rate(1271 * 3, 1318 * 2 + 1500))  # type: ignore[arg-type]


def test_causes_kept_per_unit(merged: Path) -> None:
    report = load_report(merged)
    assert report.figure("an_hinh_su.thu_ly").cause == (
        f"{UNITS[0]}: do tội phạm về ma túy, xâm phạm sở hữu gia tăng; {UNITS[1]}: do án ma túy tăng"
    )
    # The same cause in several units is written once, naming them.
    assert report.figure("an_dan_su.thu_ly").cause == (
        f"{', '.join(UNITS)}: do tranh chấp hợp đồng vay tài sản, quyền sử dụng đất gia tăng"
    )


def test_lists_merged_with_units_named(units: list[Path], merged: Path) -> None:
    one = load_report(units[0])
    total = load_report(merged)
    assert total.units == UNITS
    # Documents every unit has are listed once; a unit's own document names the unit.
    assert len(total.documents) == len(one.documents) + 1
    assert {d.unit for d in total.documents[:-1]} == {"tất cả các đơn vị"}
    assert (total.documents[-1].number, total.documents[-1].unit) == ("07/KH-TA", UNITS[1])
    assert [(m.unit, m.result[:9]) for m in total.movements if m.id == "vi_cong_ly"] == [
        (f"{UNITS[0]}, {UNITS[2]}", "Cụ thể hóa"[:9]),
        (UNITS[1], "Khu vực 2"),
    ]
    assert len(total.movements) == len(one.movements) + 1


def test_missing_figure_warns_naming_the_unit(units: list[Path], tmp_path: Path) -> None:
    result = consolidate(units, tmp_path / "out.yaml")
    messages = [p.message for p in result.warnings]
    assert len(messages) == 1
    assert "sáng kiến" in messages[0] and f"chưa có ở 1 đơn vị: {UNITS[1]}" in messages[0]
    assert result.warnings[0].key == "so_lieu.dien_hinh.sang_kien"


def test_unit_values_and_annex(merged: Path) -> None:
    report = load_report(merged)
    assert report.unit_figures[UNITS[2]]["an_hinh_su.thu_ly"] == 2000
    assert "dien_hinh.sang_kien" not in report.unit_figures[UNITS[1]]
    (annex,) = annex_sections(report, default_bank().catalogue)
    tables = {t.caption: t for t in annex.blocks if isinstance(t, Table)}
    criminal = tables["Án hình sự"]
    assert criminal.header == ("TT", "Đơn vị", "Thụ lý (vụ)", "Đã giải quyết (vụ)", "Đạt tỷ lệ")
    assert criminal.rows == (
        ("1", UNITS[0], "1.412", "1.368", "96,88%"),
        ("2", UNITS[1], "1.412", "1.000", "70,82%"),
        ("3", UNITS[2], "2.000", "1.368", "68,4%"),
        ("", "Tổng cộng", "4.824", "3.736", "77,45%"),
    )
    assert tables["Điển hình tiên tiến, sáng kiến"].rows[1][-1] == "-"
    # A single unit's report has no annex.
    assert annex_sections(load_report(SAMPLE), default_bank().catalogue) == ()
    markdown = to_markdown(replace(compose(report), annexes=(annex,)))
    assert "## 1 Số liệu của từng đơn vị năm 2024" in markdown
    assert f"| 3 | {UNITS[2]} | 2.000 | 1.368 | 68,4% |" in markdown


def test_consolidated_file_is_checked_and_rendered(merged: Path, tmp_path: Path) -> None:
    assert main(["render", str(merged), "-o", str(tmp_path / "tong_hop.md")]) == 0
    text = (tmp_path / "tong_hop.md").read_text(encoding="utf-8")
    assert "Án hình sự: thụ lý 4.824 vụ" in text


def test_cli_consolidate_folder(units: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "cli.yaml"
    assert main(["consolidate", str(units[0].parent), "-o", str(out)]) == 0
    captured = capsys.readouterr()
    assert "Đã tổng hợp 3 đơn vị (năm 2024)" in captured.out
    assert "sáng kiến" in captured.err
    assert load_report(out).units == UNITS


def test_unit_file_provides_the_unit(units: list[Path], tmp_path: Path) -> None:
    unit = edited(tmp_path, "tinh.yaml", _unit("Tòa án nhân dân tỉnh Hoa Sen"))
    out = tmp_path / "out.yaml"
    consolidate(units, out, unit_file=unit)
    report = load_report(out)
    assert report.unit.name == "Tòa án nhân dân tỉnh Hoa Sen"
    assert report.unit.signer_name == "Nguyễn Thị Thanh Hương"
    assert report.figure("an_hinh_su.thu_ly").current == 4824


def test_mixed_years_exit_2_naming_the_file(
    units: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    odd = edited(tmp_path, "2023.yaml", _unit("Tòa án nhân dân khu vực 4", lambda d: d.__setitem__("nam", 2023)))
    out = tmp_path / "out.yaml"
    assert main(["consolidate", *map(str, units), str(odd), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{odd}:")
    assert "năm báo cáo 2023 khác năm 2024" in err
    assert all(str(u) not in err for u in units)
    assert not out.exists()


def test_refuses_to_overwrite_an_input(units: list[Path], capsys: pytest.CaptureFixture[str]) -> None:
    before = units[0].read_bytes()
    assert main(["consolidate", *map(str, units), "-o", str(units[0])]) == 2
    assert units[0].read_bytes() == before
    assert "không được ghi đè" in capsys.readouterr().err


def test_invalid_input_exit_2(units: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "hong.yaml"
    broken.write_text("nam: 2024\nso_lieu: {an_hinh_su: {thu_ly: {ky_nay: abc}}}\n", encoding="utf-8")
    assert main(["consolidate", *map(str, units), str(broken), "-o", str(tmp_path / "o.yaml")]) == 2
    assert f"{broken}:2: so_lieu.an_hinh_su.thu_ly.ky_nay" in capsys.readouterr().err


def test_too_large_a_result_is_refused(
    units: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Every input fits; the sum of three units does not.
    monkeypatch.setattr("drafting.files.yamlio.MAX_FILE_BYTES", max(p.stat().st_size for p in units) + 500)
    out = tmp_path / "out.yaml"
    assert main(["consolidate", *map(str, units), "-o", str(out)]) == 2
    assert "tệp tổng hợp quá lớn" in capsys.readouterr().err
    assert not out.exists()


def test_output_inside_an_input_folder_leaves_every_input_intact(
    units: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    folder = units[0].parent
    before = {p: p.read_bytes() for p in folder.iterdir()}
    for target in (units[0], folder / "." / units[0].name):
        assert main(["consolidate", str(folder), "-o", str(target)]) == 2
        assert "không được ghi đè" in capsys.readouterr().err
    link = folder.parent / "lien-ket.yaml"
    link.symlink_to(units[1])
    assert main(["consolidate", str(folder), "-o", str(link)]) == 2
    assert {p: p.read_bytes() for p in folder.iterdir()} == before
