"""Security: what a writer types is data, YAML cannot run code, outputs never clobber inputs.

- Template syntax typed in any field comes out literally in Markdown, text and Word,
  and is never evaluated (Jinja renders only the maintainers' phrase bank).
- YAML tags that would construct Python objects are refused or inert.
- Output paths: the input is never overwritten; a missing folder and a directory get a
  clear message (or, for a directory, a file named after the input inside it).
- Control characters that XML forbids are stripped from the Word file, which opens.
"""

from __future__ import annotations

import datetime
import io
import re
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn
from ruamel.yaml import YAML

from drafting.export.render import render_file

PAYLOADS = (
    "{{ 7*7 }}",
    "{% for x in range(3) %}lặp{% endfor %}",
    "{{ ''.__class__ }}",
    "{{ cycler.__init__.__globals__ }}",
    "{# chú thích #}${7*7}{{",
)
# Fields printed upper case (header and signature lines).
UPPER = {"co_quan_chu_quan", "co_quan_ban_hanh", "tham_quyen_ky", "chuc_vu_nguoi_ky"}
# Fields that a report may legitimately not print (kept for phrases and the TUI).
OPTIONAL = {"ten", "ten_ngan"}
UNIT_FIELDS = (
    "co_quan_chu_quan",
    "co_quan_ban_hanh",
    "ten",
    "ten_ngan",
    "dia_danh",
    "so",
    "ky_hieu",
    "tham_quyen_ky",
    "chuc_vu_nguoi_ky",
    "nguoi_ky",
)
# What an evaluated payload would have produced.
EVALUATED = ("49", "lặplặp", "<class", "__builtins__", "<function", "<built-in", "<module")


def writer_data(text: Any) -> tuple[dict[str, Any], dict[str, str]]:
    """A data file with ``text(field)`` in every field a writer fills; and those texts."""
    filled: dict[str, str] = {}

    def put(field: str) -> str:
        filled[field] = text(field)
        return filled[field]

    unit: dict[str, Any] = {k: put(k) for k in UNIT_FIELDS}
    unit["ngay"] = datetime.date(2024, 11, 25)
    unit["noi_nhan"] = [put("noi_nhan_1"), put("noi_nhan_2")]
    data = {
        "nam": 2024,
        "don_vi": unit,
        "so_lieu": {
            "an_hinh_su": {"thu_ly": {"ky_nay": 10, "cung_ky": 8, "nguyen_nhan": put("nguyen_nhan")}},
            "tu_thien": {"tien": {"ky_nay": 5_000_000, "cung_ky": 9_000_000, "nguyen_nhan": put("nguyen_nhan_tien")}},
        },
        "van_ban": [
            {
                "loai": "ban_hanh",
                "so": put("so_van_ban"),
                "ngay": datetime.date(2024, 1, 10),
                "trich_yeu": put("trich_yeu"),
                "don_vi": put("don_vi_van_ban"),
            },
            {"loai": "quan_triet", "so": put("so_quan_triet"), "trich_yeu": put("trich_yeu_quan_triet")},
        ],
        "phong_trao": [
            {"id": "vi_cong_ly", "ket_qua": put("ket_qua_de_cuong"), "don_vi": put("don_vi_phong_trao")},
            {"ten": put("ten_phong_trao"), "nhom": "b", "ket_qua": put("ket_qua_tu_them")},
        ],
        "noi_dung": {
            "I": [{"van_ban": put("doan_van")}, put("doan_chuoi")],
            "III.1": [{"van_ban": put("uu_diem")}],
            "IV.3": [{"van_ban": put("kien_nghi")}],
        },
    }
    return data, filled


def dump(data: dict[str, Any], path: Path) -> Path:
    yaml = YAML(typ="safe")
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    with path.open("w", encoding="utf-8") as handle:
        yaml.dump(data, handle)
    return path


def docx_text(path: Path) -> str:
    """Every paragraph of a Word file (body, tables, headers, footers), reopened with
    python-docx; a line break inside a paragraph reads as a space."""
    document = docx.Document(str(path))
    parts = [document.element.body]
    for section in document.sections:
        parts += [section.header._element, section.footer._element]
    pieces = {qn("w:br"): " ", qn("w:cr"): " ", qn("w:tab"): "\t"}
    lines = []
    for part in parts:
        for paragraph in part.iter(qn("w:p")):
            text = [
                (node.text or "") if node.tag == qn("w:t") else pieces.get(node.tag, "") for node in paragraph.iter()
            ]
            lines.append("".join(text))
    return "\n".join(lines)


def squash(text: str) -> str:
    return " ".join(text.split())


def render_all(source: Path) -> dict[str, str]:
    out = {}
    for fmt in ("md", "txt", "docx"):
        target = source.with_name(f"bao-cao.{fmt}")
        render_file(source, target, fmt)
        out[fmt] = docx_text(target) if fmt == "docx" else target.read_text(encoding="utf-8")
    return out


# --------------------------------------------------------------------------- templates


@pytest.mark.parametrize("payload", PAYLOADS)
def test_template_syntax_in_every_writer_field_is_literal(tmp_path: Path, payload: str) -> None:
    data, filled = writer_data(lambda field: f"{payload} {field}")
    outputs = render_all(dump(data, tmp_path / "du-lieu.yaml"))
    for fmt, text in outputs.items():
        flat = squash(text)
        for field, typed in filled.items():
            expected = squash(typed.upper() if field in UPPER else typed)
            if field in OPTIONAL and field not in flat and field.upper() not in flat:
                continue
            assert expected in flat, (fmt, field, expected)
        rest = flat
        for typed in filled.values():
            rest = rest.replace(squash(typed), "").replace(squash(typed.upper()), "")
        for trace in EVALUATED:
            assert trace not in rest, (fmt, trace)


def test_template_syntax_through_the_cli(tmp_path: Path) -> None:
    data, filled = writer_data(lambda field: f"{{{{ 7*7 }}}} {{% if true %}}x{{% endif %}} {field}")
    source = dump(data, tmp_path / "du-lieu.yaml")
    result = subprocess.run(
        [sys.executable, "-m", "drafting", "render", str(source), "-o", str(tmp_path / "a.md")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "a.md").read_text(encoding="utf-8")
    assert text.lower().count("{{ 7*7 }} {% if true %}x{% endif %}") >= len(filled) - len(OPTIONAL)
    assert "49" not in text


# --------------------------------------------------------------------------- YAML tags


# Tags at the top level and on "nam" are in tests/corpus/data (30_the_python.yaml, 31_…).
TAGGED = {
    "unit": "nam: 2024\ndon_vi:\n  ten: !!python/object/apply:os.system ['touch {marker}']\n",
    "name": "nam: 2024\ndon_vi:\n  ten: !!python/object/apply:os.system 'touch {marker}'\n",
    "new": "nam: 2024\ndon_vi: !!python/object/new:os.system ['touch {marker}']\n",
    "module": "nam: 2024\ndon_vi:\n  ten: !!python/module:os\n",
    "callable": "nam: 2024\ndon_vi:\n  ten: !!python/name:os.system\n",
    "cause": (
        "nam: 2024\nso_lieu:\n  an_hinh_su:\n    thu_ly:\n      ky_nay: 3\n      cung_ky: 2\n"
        "      nguyen_nhan: !!python/object/apply:subprocess.call [['touch', '{marker}']]\n"
    ),
    "paragraph": "nam: 2024\nnoi_dung:\n  I:\n    - !!python/object/apply:os.system ['touch {marker}']\n",
    "object": "nam: 2024\ndon_vi:\n  ten: !!python/object:os.PathLike {{}}\n",
}


@pytest.mark.parametrize("case", sorted(TAGGED))
def test_python_tags_are_refused_or_inert(tmp_path: Path, case: str) -> None:
    marker = tmp_path / "da-chay-lenh"
    source = tmp_path / "the.yaml"
    source.write_text(TAGGED[case].format(marker=marker), encoding="utf-8")
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "drafting", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=tmp_path,
        )
        for args in (("check", str(source)), ("render", str(source), "-o", str(tmp_path / "a.md")))
    ]
    for run in runs:
        _, err = run.communicate(timeout=60)
        assert "Traceback" not in err
        assert run.returncode in (0, 1, 2)
        if run.returncode == 2:
            assert err.startswith(str(source)), err
    assert not marker.exists(), "a YAML tag ran a command"
    if (tmp_path / "a.md").exists():  # inert: the tagged value is plain text at most
        text = (tmp_path / "a.md").read_text(encoding="utf-8")
        assert "<built-in" not in text and "<module" not in text and "<function" not in text


# --------------------------------------------------------------------------- output paths


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "drafting", *args], capture_output=True, text=True, cwd=cwd, timeout=60
    )


def test_render_never_overwrites_its_input(tmp_path: Path, sample_text: str) -> None:
    source = tmp_path / "a.yaml"
    source.write_text(sample_text, encoding="utf-8")
    (tmp_path / "lien-ket.yaml").symlink_to(source)
    (tmp_path / "sub").mkdir()
    for target in ("a.yaml", str(source), "./sub/../a.yaml", "lien-ket.yaml"):
        for fmt in ("md", "docx"):
            result = _cli("render", "a.yaml", "-o", target, "--format", fmt, cwd=tmp_path)
            assert result.returncode == 2, (target, result.stdout, result.stderr)
            assert "Traceback" not in result.stderr
            assert "không được ghi đè" in result.stderr or "không tồn tại" in result.stderr, result.stderr
    assert source.read_text(encoding="utf-8") == sample_text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml", "lien-ket.yaml", "sub"]


def test_render_to_a_folder_that_does_not_exist(tmp_path: Path, sample_path: Path) -> None:
    target = tmp_path / "khong-co" / "bao-cao.docx"
    result = _cli("render", str(sample_path), "-o", str(target), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == f"{target}: thư mục “{target.parent}” không tồn tại"
    assert not target.parent.exists()


def test_render_to_a_directory_writes_a_file_named_after_the_input(tmp_path: Path, sample_text: str) -> None:
    source = tmp_path / "bao-cao-2024.yaml"
    source.write_text(sample_text, encoding="utf-8")
    out = tmp_path / "ket-qua"
    out.mkdir()
    result = _cli("render", str(source), "-o", str(out), "--format", "md", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["bao-cao-2024.md"]
    assert (out / "bao-cao-2024.md").read_text(encoding="utf-8").startswith("TÒA ÁN NHÂN DÂN TỐI CAO")
    # Into the input's own folder, a data file named like its output is not overwritten.
    clash = tmp_path / "trung.md"
    clash.write_text(sample_text, encoding="utf-8")
    result = _cli("render", str(clash), "-o", str(tmp_path), "--format", "md", cwd=tmp_path)
    assert result.returncode != 0 and "không được ghi đè" in result.stderr
    assert clash.read_text(encoding="utf-8") == sample_text


# --------------------------------------------------------------------------- control characters

CONTROL = "".join(chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)))


def test_control_characters_are_stripped_from_docx(tmp_path: Path) -> None:
    data, filled = writer_data(lambda field: f"Tòa\x01 án\x0b nhân\x1f dân{CONTROL} {field}")
    outputs = render_all(dump(data, tmp_path / "du-lieu.yaml"))
    content = outputs["docx"]  # reopened with python-docx
    assert not set(content) & set(CONTROL)
    flat = squash(content)
    for field, typed in filled.items():
        clean = squash(re.sub(f"[{re.escape(CONTROL)}]", "", typed))
        expected = clean.upper() if field in UPPER else clean
        if field in OPTIONAL and field not in flat:
            continue
        assert expected in flat, (field, expected)
    assert unicodedata.is_normalized("NFC", content)
    # Markdown and text do not crash and keep the writer's words.
    for fmt in ("md", "txt"):
        assert "nhân" in outputs[fmt] and "nguyen_nhan" in outputs[fmt]


def test_docx_of_a_document_with_control_characters_everywhere_opens(tmp_path: Path) -> None:
    from drafting.document import Document, Header, Paragraph, Section, Signature, Table
    from drafting.export.docx import write_docx

    dirty = f"Tòa án{CONTROL}nhân dân"
    document = Document(
        header=Header(
            parent_body=dirty.upper(),
            issuing_body=dirty.upper(),
            number_line=f"Số: 15{CONTROL}/BC-TA",
            place_date=f"Hà Nội{CONTROL}, ngày 05 tháng 01 năm 2025",
            summary=dirty,
        ),
        sections=(
            Section(
                "I",
                "I.",
                dirty,
                1,
                (Paragraph(dirty), Table(header=(dirty, "b"), rows=((dirty, "1"),), caption=dirty)),
                (),
            ),
        ),
        signature=Signature(dirty.upper(), dirty.upper(), dirty),
        recipients=(f"- {dirty};", f"- Lưu: VT{CONTROL}."),
        title=dirty,
        author=dirty,
    )
    target = tmp_path / "ban.docx"
    write_docx(document, target)
    content = docx_text(target)
    assert "Tòa ánnhân dân" in content
    assert not set(content) & set(CONTROL)
    core = docx.Document(str(target)).core_properties
    assert not set(core.title + core.author) & set(CONTROL)


def test_stream_of_xml_invalid_text_in_markdown_does_not_crash() -> None:
    from drafting.composition.composer import compose
    from drafting.datafile.validate import validate_report
    from drafting.export.text import to_markdown, to_text

    data, _ = writer_data(lambda field: f"{CONTROL}{field}")
    document = compose(validate_report(data, "du-lieu.yaml"))
    buffer = io.StringIO(to_markdown(document) + to_text(document))
    assert "nguyen_nhan" in buffer.getvalue()
