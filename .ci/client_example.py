"""Another court tool using drafting as a library, through its documented API only.

CI installs the wheel, checks this script with ``mypy --strict`` against it (the
package ships ``py.typed``) and runs it: ``python client_example.py SAMPLE.yaml OUT_DIR``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from drafting import (
    DOCUMENT_JSON_VERSION,
    Bank,
    CheckResult,
    Document,
    Finding,
    ProblemsError,
    ReportData,
    Suggestion,
    attribute_rows,
    check_report,
    compose,
    document_bytes,
    document_to_json,
    docx_bytes,
    load_bank,
    load_report,
    parse_report,
    section_suggestions,
    to_markdown,
    to_text,
    validate_mapping,
    write_document,
)


def main(sample: Path, out: Path) -> int:
    bank: Bank = load_bank()
    report: ReportData = load_report(sample, bank)
    same: ReportData = parse_report(sample.read_text(encoding="utf-8"), str(sample), bank)
    assert same.figure("an_hinh_su.thu_ly") == report.figure("an_hinh_su.thu_ly")
    unit_name: str = report.unit.name  # don_vi.ten in the data file
    keys = dict(attribute_rows(bank.schema))
    assert keys["don_vi.ten"] == "unit.name", keys["don_vi.ten"]

    document: Document = compose(report, bank)
    markdown: str = to_markdown(document)
    text: str = to_text(document)
    word: bytes = docx_bytes(document)
    assert unit_name and "BÁO CÁO" in markdown and "BÁO CÁO" in text and word[:2] == b"PK"
    assert document_bytes(document, "md") == markdown.encode("utf-8")
    shape = document_to_json(document)
    assert shape["phien_ban"] == DOCUMENT_JSON_VERSION
    json.dumps(shape, ensure_ascii=False)
    written: Path = write_document(document, out / "bao-cao.docx")
    assert written.stat().st_size > 0

    result: CheckResult = check_report(report, bank)
    findings: list[Finding] = result.errors + result.warnings + result.missing
    for finding in findings[:3]:
        print(f"{finding.file}:{finding.line}: {finding.key}: {finding.message}")
    offered: list[Suggestion] = section_suggestions(report, "III.1", bank)
    print(sum(1 for s in offered if s.applies), "câu mẫu được gợi ý ở mục III.1")

    try:
        validate_mapping({"nam": 2024, "don_vi": {"ngay": "2024-02-30"}, "so_lieu": {"an_hinh_su": {"x": 1}}})
    except ProblemsError as exc:
        assert [p.key for p in exc.problems] == ["don_vi.ngay", "so_lieu.an_hinh_su.x"], exc.problems
    else:
        raise AssertionError("validate_mapping accepted a date that does not exist")
    print("client example: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
