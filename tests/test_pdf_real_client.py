"""The reports through a real client: LibreOffice renders them to PDF.

Both documents of the layout tests, the hand-built fixture and the bundled sample
(``examples/bao-cao-mau-2024.yaml`` composed as the CLI does), are converted once
per module.

The PDF is read back with poppler (``pdftotext -layout``, ``pdffonts``): page
numbers from page 2 only, headings and the date line present, no replacement
characters and no font other than Times New Roman (or its metric twin Liberation
Serif), which would mean a Vietnamese glyph fell back to another font.

Skipped only outside CI when LibreOffice is missing; in CI it must run.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

import pytest
from docx_fixture import CASES, FIGURE_TABLE, Case, make_document

from drafting.document import Table
from drafting.errors import OutputError
from drafting.export import pdf as export_pdf
from drafting.export.docx import write_docx
from drafting.export.pdf import convert_to_pdf

needs_libreoffice = pytest.mark.skipif(
    shutil.which("soffice") is None and not os.environ.get("CI"),
    reason="LibreOffice (soffice) is not installed; CI runs this test",
)


def pdf_pages(pdf: Path) -> list[str]:
    """Text of each page, laid out, NFC, in page order."""
    result = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"],
        check=True,
        capture_output=True,
    )
    pages = result.stdout.decode("utf-8").split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return [unicodedata.normalize("NFC", page) for page in pages]


def flat(text: str) -> str:
    return " ".join(text.split())


def first_line(page: str) -> str:
    return next(line.strip() for line in page.splitlines() if line.strip())


@pytest.fixture(scope="module", params=list(CASES))
def case(request: pytest.FixtureRequest) -> Case:
    """Each document under test: the hand-built fixture, then the bundled sample."""
    return CASES[request.param]()


@pytest.fixture(scope="module")
def rendered(case: Case, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The case converted to PDF, once per module."""
    folder = tmp_path_factory.mktemp(f"pdf-{case.name}")
    docx_path = folder / "bao-cao.docx"
    write_docx(case.document, docx_path)
    pdf_path = folder / "bao-cao.pdf"
    convert_to_pdf(docx_path, pdf_path)
    return pdf_path


@pytest.fixture(scope="module")
def pages(rendered: Path) -> list[str]:
    return pdf_pages(rendered)


@needs_libreoffice
def test_pdf_pages_and_page_numbers(pages: list[str], case: Case) -> None:
    assert len(pages) >= 2
    # Page 1 shows no number at its top; page 2 starts with its number.
    assert not re.fullmatch(r"\d+", first_line(pages[0]))
    assert first_line(pages[0]).startswith(case.parent_body)
    assert first_line(pages[1]) == "2"
    for number, page in enumerate(pages[1:], start=2):
        assert first_line(page) == str(number)


@needs_libreoffice
def test_pdf_text_has_headings_date_and_closing(pages: list[str], case: Case) -> None:
    text = flat("\n".join(pages))
    assert "\ufffd" not in text
    first = flat(pages[0])
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in first
    assert "Độc lập - Tự do - Hạnh phúc" in first
    assert case.place_date in first
    assert case.number_line in first
    assert "BÁO CÁO" in first
    assert case.summary in first
    assert case.headings[1], "every Roman heading"
    for heading in (*case.headings[1], case.headings[3][0]):
        assert heading in text
    # The closing mark ends the body, right before the recipients and signature.
    last_words = " ".join(case.closing.split()[-2:])
    assert last_words in text
    assert text.index(last_words) < text.index("Nơi nhận:")
    assert text.count("./.") == 1
    authority, title, name = case.signature
    assert authority in text and title in text and name in text


@needs_libreoffice
def test_pdf_number_and_date_share_a_line(pages: list[str], case: Case) -> None:
    lines = pages[0].splitlines()
    (line,) = [line for line in lines if case.number_line in line]
    assert case.place_date in flat(line)


@needs_libreoffice
def test_pdf_uses_only_times_new_roman(rendered: Path) -> None:
    if shutil.which("pdffonts") is None and not os.environ.get("CI"):
        pytest.skip("pdffonts (poppler-utils) is not installed")
    result = subprocess.run(["pdffonts", str(rendered)], check=True, capture_output=True, text=True)
    names = [line.split()[0] for line in result.stdout.splitlines()[2:] if line.strip()]
    assert names
    for name in names:
        base = name.split("+")[-1]
        assert base.startswith(("TimesNewRoman", "Times-", "LiberationSerif")), names


@needs_libreoffice
def test_parallel_conversions_do_not_clash(tmp_path: Path) -> None:
    docx_path = tmp_path / "bao-cao.docx"
    write_docx(make_document(body_size=13), docx_path)
    targets = [tmp_path / f"bao-cao-{index}.pdf" for index in range(2)]
    with ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(lambda target: convert_to_pdf(docx_path, target), targets))
    for target in targets:
        assert target.read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "bao-cao-0.pdf",
        "bao-cao-1.pdf",
        "bao-cao.docx",
    ]


@needs_libreoffice
def test_pdf_repeats_the_table_header_on_each_page(tmp_path: Path) -> None:
    base = make_document()
    rows = tuple((f"Đơn vị số {index:02d}", str(index), str(index), "100%", "") for index in range(70))
    table = Table(header=FIGURE_TABLE.header, rows=rows)
    section = replace(base.sections[1], children=(), blocks=(table,))
    docx_path = tmp_path / "bang-dai.docx"
    write_docx(replace(base, sections=(base.sections[0], section)), docx_path)
    pdf_path = tmp_path / "bang-dai.pdf"
    convert_to_pdf(docx_path, pdf_path)
    pages = [page for page in pdf_pages(pdf_path) if "Đơn vị số" in page]
    assert len(pages) >= 2
    for page in pages:
        assert "Loại vụ việc" in page and "Cùng kỳ 2023" in flat(page)


# -- failures, without LibreOffice -------------------------------------------------


def test_missing_libreoffice_is_a_clear_output_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(export_pdf.shutil, "which", lambda name: None)
    monkeypatch.setattr(export_pdf, "_KNOWN_LOCATIONS", ())
    assert export_pdf.soffice_path() is None
    docx_path = tmp_path / "bao-cao.docx"
    write_docx(make_document(), docx_path)
    with pytest.raises(OutputError) as caught:
        convert_to_pdf(docx_path, tmp_path / "bao-cao.pdf")
    message = str(caught.value)
    assert "Không tìm thấy LibreOffice (soffice)" in message
    assert "libreoffice-writer-nogui" in message
    assert not (tmp_path / "bao-cao.pdf").exists()


def fake_soffice(tmp_path: Path, body: str, monkeypatch: pytest.MonkeyPatch) -> None:
    script = tmp_path / "soffice"
    script.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    script.chmod(0o755)
    monkeypatch.setattr(export_pdf, "soffice_path", lambda: str(script))


@pytest.mark.skipif(sys.platform == "win32", reason="shell script stands in for soffice")
def test_failed_conversion_is_an_output_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_soffice(tmp_path, "echo 'Error: source file could not be loaded' >&2; exit 1", monkeypatch)
    docx_path = tmp_path / "bao-cao.docx"
    write_docx(make_document(), docx_path)
    pdf_path = tmp_path / "bao-cao.pdf"
    pdf_path.write_bytes(b"old")
    with pytest.raises(OutputError, match="không chuyển được.*source file could not be loaded"):
        convert_to_pdf(docx_path, pdf_path)
    assert pdf_path.read_bytes() == b"old"


@pytest.mark.skipif(sys.platform == "win32", reason="shell script stands in for soffice")
def test_hanging_conversion_times_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_soffice(tmp_path, "sleep 30", monkeypatch)
    docx_path = tmp_path / "bao-cao.docx"
    write_docx(make_document(), docx_path)
    with pytest.raises(OutputError, match="sau 1 giây"):
        convert_to_pdf(docx_path, tmp_path / "bao-cao.pdf", timeout=1)
    assert not (tmp_path / "bao-cao.pdf").exists()


def test_missing_docx_is_an_output_error(tmp_path: Path) -> None:
    if export_pdf.soffice_path() is None:
        pytest.skip("the missing-LibreOffice error comes first")
    with pytest.raises(OutputError, match="không có tệp"):
        convert_to_pdf(tmp_path / "khong-co.docx", tmp_path / "bao-cao.pdf")
