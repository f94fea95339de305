"""The composed document as JSON, for tools that are not written in Python.

:func:`document_to_json` gives a plain ``dict`` (strings, numbers, lists, dicts) with
ASCII snake_case Vietnamese keys, like the data file. The shape is versioned by
``phien_ban`` (:data:`DOCUMENT_JSON_VERSION`): a key is only ever added within a version;
renaming or removing one makes a new version. The shape, key by key, is in the README
("Tài liệu JSON").

Text that holds something the writer has not entered spells it "[Chưa nhập: …]", as
every exporter prints it; a paragraph also lists those gaps in ``chua_nhap``. The JSON is
the document model: it has no layout (fonts, the closing "./." that exporters add).

>>> from drafting.document import Document, Header, Paragraph, Section, Signature, Gap, Words
>>> doc = Document(Header("TAND TỐI CAO", "TAND TỈNH X", "Số: 15/BC-TA", "X, ngày 05 tháng 01 năm 2025"),
...     (Section("I", "I.", "ĐẶC ĐIỂM", 1, (Paragraph(Words("Thụ lý 12 vụ, ", Gap("nguyên nhân"))),)),),
...     Signature("", "CHÁNH ÁN", "Nguyễn Văn A"))
>>> data = document_to_json(doc)
>>> data["phien_ban"], data["muc"][0]["khoi"][0]
(1, {'loai': 'doan', 'van_ban': 'Thụ lý 12 vụ, [Chưa nhập: nguyên nhân]', 'chua_nhap': ['nguyên nhân']})
"""

from __future__ import annotations

import json
from typing import Any

from drafting.document import Block, Document, Paragraph, Section, Table, plain

DOCUMENT_JSON_VERSION = 1
"""The version of the JSON shape (the ``phien_ban`` key)."""


def _block(block: Block) -> dict[str, Any]:
    if isinstance(block, Table):
        header, *rows = block.text_rows()
        return {
            "loai": "bang",
            "chu_thich": block.caption,
            "tieu_de_cot": list(header),
            "dong": [list(r) for r in rows],
        }
    assert isinstance(block, Paragraph)
    return {"loai": "doan", "van_ban": block.text, "chua_nhap": [gap.what for gap in block.words.gaps]}


def _section(section: Section) -> dict[str, Any]:
    return {
        "id": section.id,
        "so": section.number,
        "tieu_de": section.heading,
        "cap": section.level,
        "khoi": [_block(b) for b in section.blocks],
        "muc_con": [_section(c) for c in section.children],
    }


def document_to_json(document: Document) -> dict[str, Any]:
    """The composed document as JSON-ready data (see the module docstring)."""
    h, s = document.header, document.signature
    return {
        "phien_ban": DOCUMENT_JSON_VERSION,
        "tieu_de": document.title,
        "tac_gia": document.author,
        "dau_van_ban": {
            "co_quan_chu_quan": h.parent_body,
            "co_quan_ban_hanh": h.issuing_body,
            "so_ky_hieu": plain(h.number_line),
            "quoc_hieu": h.national_title,
            "tieu_ngu": h.motto,
            "dia_danh_ngay": plain(h.place_date),
            "loai_van_ban": h.doc_type,
            "trich_yeu": h.summary,
        },
        "muc": [_section(x) for x in document.sections],
        "noi_nhan": [plain(r) for r in document.recipients],
        "chu_ky": {"tham_quyen": s.authority, "chuc_vu": s.title, "ho_ten": plain(s.name)},
        "phu_luc": [_section(x) for x in document.annexes],
        "trinh_bay": {
            "co_chu": document.layout.body_size,
            "gian_dong": document.layout.line_spacing,
            "so_0_dau": document.layout.leading_zero,
        },
    }


def to_json(document: Document) -> str:
    """:func:`document_to_json` as text: UTF-8 friendly (no ``\\u`` escapes), indented, with a final newline."""
    return json.dumps(document_to_json(document), ensure_ascii=False, indent=2) + "\n"
