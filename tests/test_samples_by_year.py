"""Reports of 2025 and 2026 speak of the courts of their year (#16): the shipped samples
(2025 provincial court formed by merger, 2026 regional court) check with only the expected
warnings, and nothing rendered for 2025 or later — a sample or a fresh file of any level —
names district courts, the “two-level” courts or the high courts."""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
import pytest

from drafting.bank.bank import default_bank
from drafting.checks.checker import check_file
from drafting.cli import main
from drafting.composition.composer import Composer
from drafting.datafile.validate import load_report
from drafting.document import Document
from drafting.export.docx import docx_bytes
from drafting.export.text import to_markdown, to_text
from drafting.resources import SAMPLES_BY_YEAR

ENDED = re.compile(r"huyện|hai cấp|cấp cao", re.IGNORECASE)


def _texts(document: Document) -> dict[str, str]:
    read = docx.Document(io.BytesIO(docx_bytes(document)))
    cells = [c.text for t in read.tables for r in t.rows for c in r.cells]
    word = "\n".join([p.text for p in read.paragraphs] + cells)
    return {"md": to_markdown(document), "txt": to_text(document), "docx": word}


def _compose(path: Path) -> Document:
    return Composer.create(load_report(path), default_bank()).document()


def _ended_courts(path: Path) -> list[tuple[str, str, str]]:
    """Where the rendered report (md, txt, docx) names an ended court: (file, format, context)."""
    out = []
    for name, text in _texts(_compose(path)).items():
        for found in ENDED.finditer(text):
            out.append((path.name, name, text[max(0, found.start() - 80) : found.end() + 80]))
    return out


@pytest.mark.parametrize("year", sorted(SAMPLES_BY_YEAR))
def test_each_sample_checks_with_only_the_expected_warnings(year: int) -> None:
    path = SAMPLES_BY_YEAR[year]
    result = check_file(path)
    assert result.errors == [] and result.missing == []
    unexpected = [w for w in result.warnings if not w.key.startswith("noi_dung.") and w.key != "chi_tieu"]
    assert unexpected == []
    targets = [w for w in result.warnings if w.key == "chi_tieu"]
    assert bool(targets) == (year >= 2025)  # no directive targets in the bank for 2025 and 2026
    assert load_report(path).year == year


@pytest.mark.parametrize("year", [2025, 2026])
def test_the_samples_of_2025_on_name_no_ended_court(year: int) -> None:
    assert _ended_courts(SAMPLES_BY_YEAR[year]) == []


def test_the_samples_say_their_level() -> None:
    provincial = to_markdown(_compose(SAMPLES_BY_YEAR[2025]))
    assert "Tòa án nhân dân tỉnh Hoa Sen và các Tòa án nhân dân khu vực trên địa bàn" in provincial
    assert "hợp nhất Tòa án nhân dân tỉnh Hoa Sen và Tòa án nhân dân tỉnh Sen Hồng" in provincial
    regional = load_report(SAMPLES_BY_YEAR[2026])
    assert regional.level == "khu_vuc"
    assert regional.figure("don_giam_doc_tham.thu_ly").current is None
    text = to_markdown(_compose(SAMPLES_BY_YEAR[2026]))
    assert "Tòa án nhân dân khu vực 1 - Hoa Sen hoạt động từ ngày 01/7/2025" in text
    assert "giám đốc thẩm" not in text
    assert "Số: 09/BC-TA" in text


@pytest.mark.parametrize("year", [2025, 2026])
def test_a_fresh_file_of_each_level_of_the_year_names_no_ended_court(
    year: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    levels = [level.id for level in default_bank().levels.in_year(year)]
    assert {"tinh", "khu_vuc"} <= set(levels) and not {"huyen", "cap_cao"} & set(levels)
    for level in [*levels, None]:
        path = tmp_path / f"{year}-{level}.yaml"
        assert main(["new", str(path), "--year", str(year), *(["--cap", level] if level else [])]) == 0
        assert _ended_courts(path) == []
        text = path.read_text(encoding="utf-8")
        assert ENDED.search(text) is None, (level, ENDED.search(text))
    capsys.readouterr()
