"""The data file's keys and the attributes of :class:`~drafting.report.ReportData` that hold them.

Python names are English, data keys Vietnamese: ``don_vi.ten`` in the file is
``report.unit.name`` in Python. This module is the one map between them, built from the
schema (``phrasebank/tep_du_lieu.yaml``), so that a field the schema adds is listed too
(read with ``report.unit.get("khoa")``). The README's table is this map
(``python -m drafting.report_keys`` prints it; a test compares them).

>>> from drafting.bank.bank import default_bank
>>> rows = dict(attribute_rows(default_bank().schema))
>>> rows["don_vi.ten"], rows["so_lieu.<nhóm>.<chỉ số>.ky_nay"]
('unit.name', 'figures["<nhóm>.<chỉ số>"].current')
"""

from __future__ import annotations

from drafting.report import OPTION_ATTRIBUTES, UNIT_ATTRIBUTES
from drafting.schema import Schema

TOP_ATTRIBUTES = {
    "nam": "year",
    "phien_ban": "",
    "kho_cau_mau": "bank_layers",
    "don_vi": "unit",
    "tuy_chon": "options",
    "chi_tieu": "target_overrides",
    "so_lieu": "figures",
    "van_ban": "documents",
    "phong_trao": "movements",
    "noi_dung": "content",
    "xac_nhan": "confirmations",
    "tong_hop": "units",
    "so_lieu_don_vi": "unit_figures",
}
"""Top-level keys and the :class:`~drafting.report.ReportData` attributes holding them
("": not kept; a list the schema adds is in ``lists``)."""
FIGURE_ATTRIBUTES = {"ky_nay": "current", "cung_ky": "previous", "nguyen_nhan": "cause"}
"""A figure's keys and the :class:`~drafting.report.FigureValue` attributes."""
DOCUMENT_ATTRIBUTES = {"loai": "kind", "so": "number", "ngay": "date", "trich_yeu": "summary", "don_vi": "unit"}
"""The keys of a ``van_ban`` item and the :class:`~drafting.report.IssuedDocument` attributes."""
MOVEMENT_ATTRIBUTES = {"id": "id", "nhom": "group", "ten": "name", "ket_qua": "result", "don_vi": "unit"}
"""The keys of a ``phong_trao`` item and the :class:`~drafting.report.Movement` attributes."""
CONFIRMATION_ATTRIBUTES = {"khong": "denied", "ly_do": "reason", "theo_so_lieu": "snapshot"}
"""The keys of a ``xac_nhan`` entry and the :class:`~drafting.report.Confirmation` attributes."""
CONTENT_ATTRIBUTES = {"cau": "id", "cach_viet": "variant", "van_ban": "text"}
"""The keys of a ``noi_dung`` item: a :class:`~drafting.report.PhraseChoice` (``cau``,
``cach_viet``) or a :class:`~drafting.report.FreeText` (``van_ban``)."""

_NOTES = {
    "phien_ban": "không giữ: tệp cũ được chuyển định dạng khi đọc, các lần chuyển ở report.migrations",
    "so_lieu.<nhóm>.<chỉ số>": 'report.figure("<nhóm>.<chỉ số>") cho cả chỉ số chưa nhập; chỉ số không '
    "so sánh ghi một số: .current",
    "xac_nhan.<nhận định>.theo_so_lieu": "bộ (mã chỉ số, kỳ này, cùng kỳ)",
    "noi_dung": "mỗi mục: PhraseChoice (câu mẫu: cau, cach_viet) hoặc FreeText (đoạn văn tự viết: van_ban)",
}


def attribute_rows(schema: Schema) -> list[tuple[str, str]]:
    """Every data key path (placeholders in ``<…>``) with the Python expression, on a
    report, that reads it."""
    rows: list[tuple[str, str]] = []
    lists = {spec.key: spec for spec in schema.lists}
    for key in schema.top_keys:
        attribute = TOP_ATTRIBUTES.get(key)
        if attribute is None and key in lists:
            rows.append((key, f'lists["{key}"]'))
            rows += [(f"{key}[i].{f.key}", f'lists["{key}"][i].get("{f.key}")') for f in lists[key].fields]
            continue
        rows.append((key, attribute or ""))
        if key == "don_vi":
            rows += [(f"don_vi.{f.key}", _field("unit", UNIT_ATTRIBUTES, f.key)) for f in schema.unit]
        elif key == "tuy_chon":
            rows += [(f"tuy_chon.{f.key}", _field("options", OPTION_ATTRIBUTES, f.key)) for f in schema.options]
        elif key == "chi_tieu":
            rows.append(("chi_tieu.<chỉ tiêu>", 'target_overrides["<chỉ tiêu>"]'))
        elif key == "so_lieu":
            figure = 'figures["<nhóm>.<chỉ số>"]'
            rows.append(("so_lieu.<nhóm>.<chỉ số>", figure))
            rows += [(f"so_lieu.<nhóm>.<chỉ số>.{k}", f"{figure}.{a}") for k, a in FIGURE_ATTRIBUTES.items()]
        elif key == "van_ban":
            rows += [(f"van_ban[i].{k}", f"documents[i].{a}") for k, a in DOCUMENT_ATTRIBUTES.items()]
        elif key == "phong_trao":
            rows += [(f"phong_trao[i].{k}", f"movements[i].{a}") for k, a in MOVEMENT_ATTRIBUTES.items()]
        elif key == "noi_dung":
            rows += [(f"noi_dung.<mục>[i].{k}", f'content["<mục>"][i].{a}') for k, a in CONTENT_ATTRIBUTES.items()]
        elif key == "xac_nhan":
            rows += [
                (f"xac_nhan.<nhận định>.{k}", f'confirmations["<nhận định>"].{a}')
                for k, a in CONFIRMATION_ATTRIBUTES.items()
            ]
        elif key == "kho_cau_mau":
            rows += [("kho_cau_mau[i].lop", "bank_layers[i][0]"), ("kho_cau_mau[i].ma", "bank_layers[i][1]")]
        elif key == "so_lieu_don_vi":
            rows.append(("so_lieu_don_vi.<đơn vị>.<nhóm>.<chỉ số>", 'unit_figures["<đơn vị>"]["<nhóm>.<chỉ số>"]'))
    return rows


def _field(holder: str, attributes: dict[str, str], key: str) -> str:
    attribute = attributes.get(key)
    return f"{holder}.{attribute}" if attribute else f'{holder}.get("{key}")'


def attribute_table(schema: Schema) -> str:
    """:func:`attribute_rows` as the README's Markdown table."""
    lines = ["| khóa trong tệp dữ liệu | thuộc tính của `report` |", "|---|---|"]
    for key, attribute in attribute_rows(schema):
        target = f"`report.{attribute}`" if attribute else "—"
        note = _NOTES.get(key)
        lines.append(f"| `{key}` | {target}{' (' + note + ')' if note else ''} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # pragma: no cover
    from drafting.bank.bank import default_bank

    print(attribute_table(default_bank().schema), end="")
