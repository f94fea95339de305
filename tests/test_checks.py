"""``drafting check``: consistency rules, completeness checklist, text lint, the CLI."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from sample_data import ROOT, SAMPLE, SAMPLE_TEXT, edited, line_of_text, replace_once, write_text

from drafting.bank.bank import Bank, default_bank
from drafting.bank.rules import load_rules
from drafting.checks.checker import check_file, lint_report
from drafting.checks.completeness import checklist
from drafting.checks.consistency import check_consistency
from drafting.cli import main
from drafting.composition.composer import compose
from drafting.datafile.validate import load_report
from drafting.document import Paragraph, Section
from drafting.errors import ProblemsError
from drafting.report import FreeText

# -- consistency ------------------------------------------------------------------


def consistency_of(path: Path) -> list[str]:
    return [f"{f.key}|{f.line}|{f.message}" for f in check_consistency(load_report(path), default_bank())]


def test_consistency_silent_on_the_sample() -> None:
    assert check_consistency(load_report(SAMPLE), default_bank()) == []


def test_part_above_whole_names_both_figures_values_and_lines(tmp_path: Path) -> None:
    text = replace_once(SAMPLE_TEXT, "      ky_nay: 1186\n", "      ky_nay: 1300\n")
    path = write_text(tmp_path, "a.yaml", text)
    findings = check_consistency(load_report(path), default_bank())
    assert len(findings) == 1
    finding = findings[0]
    part_line, whole_line = line_of_text(path, "ky_nay: 1300"), line_of_text(path, "ky_nay: 1245")
    assert finding.key == "so_lieu.tro_ly_ao.cau_tra_loi.ky_nay"
    assert finding.line == part_line
    assert finding.section == "II.3"
    assert "Phần mềm Trợ lý ảo – được phần mềm trả lời 1.300 câu hỏi" in finding.message
    assert "Số câu hỏi đặt cho phần mềm Trợ lý ảo 1.245 câu hỏi" in finding.message
    assert f"(dòng {part_line})" in finding.message and f"(dòng {whole_line})" in finding.message
    assert finding.message.startswith("số liệu kỳ này:")


def test_rules_apply_to_the_same_period(tmp_path: Path) -> None:
    text = replace_once(SAMPLE_TEXT, "      cung_ky: 802\n", "      cung_ky: 900\n")
    findings = check_consistency(load_report(write_text(tmp_path, "a.yaml", text)), default_bank())
    assert [f.key for f in findings] == ["so_lieu.tro_ly_ao.cau_tra_loi.cung_ky"]
    assert "cùng kỳ năm 2023" in findings[0].message and "900" in findings[0].message


def test_award_shares_not_above_totals(tmp_path: Path) -> None:
    text = replace_once(SAMPLE_TEXT, "    dot_xuat_ca_nhan: 11\n", "    dot_xuat_ca_nhan: 95\n")
    findings = check_consistency(load_report(write_text(tmp_path, "a.yaml", text)), default_bank())
    assert len(findings) == 1
    message = findings[0].message
    assert findings[0].key == "so_lieu.khen_dot_xuat.dot_xuat_ca_nhan"
    assert "95 cá nhân" in message and "15 cá nhân" in message and "= 110 cá nhân" in message
    assert "Tỷ lệ khen thưởng theo đối tượng – tổng số cá nhân được khen thưởng 103 cá nhân" in message


def test_parts_sum_to_the_total(tmp_path: Path) -> None:
    text = replace_once(SAMPLE_TEXT, "      ky_nay: 1412\n", "      ky_nay: 1410\n")
    text = replace_once(text, "    khien_trach: 1\n", "    khien_trach: 0\n")
    path = write_text(tmp_path, "a.yaml", text)
    findings = check_consistency(load_report(path), default_bank())
    assert [f.key for f in findings] == ["so_lieu.tong_so.thu_ly.ky_nay", "so_lieu.ky_luat.tong.ky_nay"]
    total, discipline = findings
    assert total.line == line_of_text(path, "ky_nay: 11104")
    assert "Tổng số vụ việc thụ lý 11.104 vụ, việc" in total.message
    assert "các phần cộng lại bằng 11.102" in total.message
    assert f"Án hình sự – thụ lý 1.410 vụ (dòng {line_of_text(path, 'ky_nay: 1410')})" in total.message
    assert "các phần cộng lại bằng 1 người" in discipline.message


def test_a_part_above_its_total_is_reported_once(tmp_path: Path) -> None:
    # An a part larger than the whole total: the not-above rule speaks, the sum rule stays silent.
    text = replace_once(SAMPLE_TEXT, "    khien_trach: 1\n", "    khien_trach: 5\n")
    findings = check_consistency(load_report(write_text(tmp_path, "a.yaml", text)), default_bank())
    assert [f.key for f in findings] == ["so_lieu.ky_luat.khien_trach"]


def test_rate_above_100_percent(tmp_path: Path) -> None:
    text = replace_once(SAMPLE_TEXT, "      ky_nay: 47\n", "      ky_nay: 10200\n")
    findings = check_consistency(load_report(write_text(tmp_path, "a.yaml", text)), default_bank())
    assert len(findings) == 1
    message = findings[0].message
    assert "vượt quá 100%" in message
    assert "do nguyên nhân chủ quan 10.200" in message and "bị sửa do nguyên nhân chủ quan 66" in message
    assert "= 10.266" in message and "Tổng số vụ việc đã giải quyết 10.224 vụ, việc" in message


def test_money_not_negative(tmp_path: Path) -> None:
    text = replace_once(SAMPLE_TEXT, "      ky_nay: 286500000\n", "      ky_nay: -1000\n")
    path = write_text(tmp_path, "a.yaml", text)
    findings = check_consistency(load_report(path), default_bank())
    assert [(f.key, f.line) for f in findings] == [("so_lieu.tu_thien.tien.ky_nay", line_of_text(path, "-1000"))]
    assert "-1.000 đồng" in findings[0].message and "không được âm" in findings[0].message


def test_negative_counts_are_still_validation_errors(tmp_path: Path) -> None:
    text = replace_once(SAMPLE_TEXT, "      ky_nay: 1186\n", "      ky_nay: -3\n")
    with pytest.raises(ProblemsError) as info:
        load_report(write_text(tmp_path, "a.yaml", text))
    assert "không được âm" in str(info.value)


def test_rules_are_data(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "phrasebank", tmp_path / "kho")
    (tmp_path / "kho" / "quy_tac.yaml").write_text(
        "quy_tac:\n"
        "  - id: thu\n"
        "    loai: khong_vuot\n"
        '    thong_bao: "{ky}: {phan} > {tong}"\n'
        "    cap:\n"
        "      - {phan: dien_hinh.ca_nhan, tong: dien_hinh.tap_the}\n",
        encoding="utf-8",
    )
    bank = Bank(base=tmp_path / "kho")
    findings = check_consistency(load_report(SAMPLE, bank), bank)
    assert len(findings) == 1
    assert findings[0].message.startswith("kỳ này: Số cá nhân điển hình tiên tiến 18 cá nhân")


def test_broken_rule_file_is_located(tmp_path: Path) -> None:
    (tmp_path / "quy_tac.yaml").write_text(
        "quy_tac:\n"
        "  - id: x\n"
        "    loai: khong_vuot\n"
        "    thong_bao: '{ky} {sai}'\n"
        "    cap:\n"
        "      - {phan: khong.co, tong: dien_hinh.tap_the}\n",
        encoding="utf-8",
    )
    with pytest.raises(ProblemsError) as info:
        load_rules(tmp_path, default_bank().catalogue)
    text = str(info.value)
    assert "quy_tac.yaml:4: quy_tac[0].thong_bao: chỗ thay “{sai}” không có" in text
    assert "quy_tac.yaml:6:" in text and "không có chỉ số “khong.co”" in text


# -- completeness ------------------------------------------------------------------


def _leave_out(data: object) -> None:
    assert isinstance(data, dict)
    figures = data["so_lieu"]
    del figures["an_lao_dong"]["giai_quyet"]["cung_ky"]
    figures["an_hanh_chinh"]["thu_ly"]["nguyen_nhan"] = ""
    del figures["dien_hinh"]["sang_kien"]
    data["van_ban"] = [d for d in data["van_ban"] if d["loai"] != "quan_triet"]
    for movement in data["phong_trao"]:
        if movement.get("id") == "vi_cong_ly":
            del movement["ket_qua"]
    data["don_vi"]["nguoi_ky"] = None
    data["noi_dung"]["III.1"] = [{"van_ban": "Lãnh đạo đơn vị quan tâm chỉ đạo."}]


def test_completeness_lists_exactly_what_is_left_out(tmp_path: Path) -> None:
    path = edited(tmp_path, "thieu.yaml", _leave_out)
    report = load_report(path)
    statuses = checklist(report, default_bank())
    missing = {(i.section, i.key) for s in statuses.values() for i in s.missing}
    assert missing == {
        ("II.3", "so_lieu.an_lao_dong.giai_quyet.cung_ky"),
        ("II.3", "so_lieu.an_hanh_chinh.thu_ly.nguyen_nhan"),
        ("II.5", "so_lieu.dien_hinh.sang_kien"),
        ("II.1", "van_ban"),
        ("II.2.a", "phong_trao[0].ket_qua"),
        ("don_vi", "don_vi.nguoi_ky"),
    }
    by_key = {i.key: i for s in statuses.values() for i in s.missing}
    assert (
        "cùng kỳ năm 2023 của “Án lao động – đã giải quyết”" in by_key["so_lieu.an_lao_dong.giai_quyet.cung_ky"].message
    )
    assert (
        "tăng so với cùng kỳ nhưng chưa nhập nguyên nhân" in by_key["so_lieu.an_hanh_chinh.thu_ly.nguyen_nhan"].message
    )
    assert "các văn bản được quán triệt" in by_key["van_ban"].message
    assert "“Vì Công lý”" in by_key["phong_trao[0].ket_qua"].message
    assert by_key["phong_trao[0].ket_qua"].line == line_of_text(path, "id: vi_cong_ly")
    # Counts add up; the written evaluative section is done, the others only pending.
    for status in statuses.values():
        assert status.done + len(status.missing) + len(status.pending) == status.total
    assert statuses["III.1"].state == "du"
    assert statuses["III.2"].state == "chua_chon"
    assert statuses["II.3"].state == "thieu" and statuses["II.3"].total - statuses["II.3"].done == 2
    assert statuses["II"].missing and statuses["I"].complete


def test_evaluative_section_without_suggestion_is_missing(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "phrasebank", tmp_path / "kho", ignore=shutil.ignore_patterns("*.yaml"))
    for name in ("chi_so.yaml", "chi_tieu.yaml", "dan_y.yaml", "quy_tac.yaml", "thuat_ngu.yaml", "tep_du_lieu.yaml"):
        shutil.copy(ROOT / "phrasebank" / name, tmp_path / "kho" / name)
    no_phrases = Bank(base=tmp_path / "kho")
    assert not no_phrases.phrases
    report = load_report(SAMPLE)
    statuses = checklist(report, no_phrases)
    assert statuses["III.1"].state == "thieu"
    assert "chưa có nội dung" in statuses["III.1"].missing[0].message
    with_text = replace(report, content={**report.content, "III.1": (FreeText("Đơn vị đoàn kết."),)})
    assert checklist(with_text, no_phrases)["III.1"].state == "du"


# -- lint -----------------------------------------------------------------------------


def test_writer_text_lint_is_located_and_not_reported_twice(tmp_path: Path) -> None:
    text = replace_once(
        SAMPLE_TEXT,
        "nguyen_nhan: do công tác hòa giải ở cơ sở được tăng cường",
        "nguyen_nhan: do công tác hoà giải ở cơ sở được tăng cường",
    )
    path = write_text(tmp_path, "a.yaml", text)
    result = check_file(path)
    tone = [f for f in result.warnings if "hoà" in f.message]
    assert len(tone) == 1
    assert tone[0].key == "so_lieu.an_hon_nhan_gia_dinh.thu_ly.nguyen_nhan"
    assert tone[0].line == line_of_text(path, "hoà giải ở cơ sở")
    assert tone[0].section == "II.3"


def test_composed_text_lint_is_placed_at_its_section() -> None:
    report = load_report(SAMPLE)
    document = compose(report)
    section = document.find("III.1")
    assert section is not None
    broken = replace(section, blocks=(Paragraph("Toà án đã làm tốt ."),))
    from drafting.bank.bank import default_bank

    patched = replace(document, sections=tuple(_swap(s, broken) for s in document.sections))
    findings = lint_report(report, patched, default_bank())
    assert {(f.section, f.key) for f in findings} == {("III.1", "")}
    assert any("Toà" in f.message for f in findings) and any("dấu cách trước" in f.message for f in findings)


def _swap(section: Section, new: Section) -> Section:
    if section.id == new.id:
        return new
    return replace(section, children=tuple(_swap(c, new) for c in section.children))


def test_cause_for_an_unchanged_figure_is_a_warning(tmp_path: Path) -> None:
    text = replace_once(
        SAMPLE_TEXT,
        "      ky_nay: 12\n      cung_ky: 12\n",
        "      ky_nay: 12\n      cung_ky: 12\n      nguyen_nhan: do ổn định\n",
    )
    result = check_file(write_text(tmp_path, "a.yaml", text))
    keys = [f.key for f in result.warnings if "bằng cùng kỳ" in f.message]
    assert keys == ["so_lieu.kiem_tra_nghiep_vu.cuoc_kiem_tra.nguyen_nhan"]
    assert result.exit_code == 0


# -- the command ------------------------------------------------------------------------


def test_check_sample_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(SAMPLE)]) == 0
    out = capsys.readouterr().out
    assert "0 lỗi" in out and "0 mục còn thiếu" in out


def test_check_groups_errors_warnings_missing_as_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = replace_once(SAMPLE_TEXT, "      ky_nay: 1186\n", "      ky_nay: 1300\n")
    text = replace_once(text, "    sang_kien: 21\n", "    sang_kien:\n")
    path = write_text(tmp_path, "a.yaml", text)
    assert main(["check", str(path), "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert set(report) == {"errors", "warnings", "missing"}
    for group in report.values():
        for item in group:
            assert set(item) == {"file", "line", "key", "section", "message"}
    assert [e["key"] for e in report["errors"]] == ["so_lieu.tro_ly_ao.cau_tra_loi.ky_nay"]
    assert [m["key"] for m in report["missing"]] == ["so_lieu.dien_hinh.sang_kien"]
    assert report["missing"][0]["line"] == line_of_text(path, "sang_kien:")
    assert all(w["section"] for w in report["warnings"])


def test_check_text_output_groups(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = replace_once(SAMPLE_TEXT, "      ky_nay: 1186\n", "      ky_nay: 1300\n")
    path = write_text(tmp_path, "a.yaml", text)
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert out.index("Lỗi (1):") < out.index("Cảnh báo (")
    line = line_of_text(path, "ky_nay: 1300")
    assert f"  {path}:{line}: so_lieu.tro_ly_ao.cau_tra_loi.ky_nay: số liệu kỳ này: " in out
    assert f"câu hỏi (dòng {line_of_text(path, 'ky_nay: 1245')}) [mục II.3]\n" in out


def test_validation_errors_are_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = replace_once(SAMPLE_TEXT, "      ky_nay: 1186\n", "      ky_nay: abc\n")
    path = write_text(tmp_path, "a.yaml", text)
    assert main(["check", str(path), "--format", "json"]) == 1
    errors = json.loads(capsys.readouterr().out)["errors"]
    assert [(e["key"], e["section"]) for e in errors] == [("so_lieu.tro_ly_ao.cau_tra_loi.ky_nay", "II.3")]


def test_malformed_yaml_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_text(tmp_path, "bad.yaml", "nam: 2024\nso_lieu: [\n")
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{path}:") and "Traceback" not in err


def test_check_does_not_import_docx_or_textual() -> None:
    code = (
        "import sys\nfrom drafting.cli import main\nrc = main(['check', sys.argv[1]])\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('docx', 'textual')]\n"
        "assert not bad, bad\nsys.exit(rc)\n"
    )
    done = subprocess.run([sys.executable, "-c", code, str(SAMPLE)], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr


# -- caches that keep check fast ----------------------------------------------------------


def test_disk_cache_reuses_and_can_be_turned_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from drafting.bank.cache import cached

    monkeypatch.setenv("DRAFTING_CACHE_DIR", str(tmp_path))
    calls: list[int] = []

    def build() -> dict[str, int]:
        calls.append(1)
        return {"x": 1}

    source = tmp_path / "nguon.yaml"
    source.write_text("a: 1\n", encoding="utf-8")
    assert cached("thu", [source], build) == {"x": 1}
    assert cached("thu", [source], build) == {"x": 1}
    assert len(calls) == 1 and len(list(tmp_path.glob("thu-*.pickle"))) == 1
    # Keyed by content: an edit gives a new entry, and the old one is left for another installation.
    source.write_text("a: 2\n", encoding="utf-8")
    assert cached("thu", [source], build) == {"x": 1}
    assert len(calls) == 2 and len(list(tmp_path.glob("thu-*.pickle"))) == 2
    # The same content at another path (another installation) has its own entry.
    other = tmp_path / "khac" / "nguon.yaml"
    other.parent.mkdir()
    other.write_text("a: 2\n", encoding="utf-8")
    assert cached("thu", [other], build) == {"x": 1}
    assert len(calls) == 3
    monkeypatch.setenv("DRAFTING_NO_CACHE", "1")
    assert cached("thu", [source], build) == {"x": 1}
    assert len(calls) == 4


def test_compiled_templates_survive_the_process_keyed_by_content(tmp_path: Path) -> None:
    import os
    import time

    from drafting.bank.cache import CodeCache
    from drafting.bank.sandbox import environment

    env = environment()
    key, source = "mẫu\0tăng {{ x }} vụ", "tăng {{ x }} vụ"
    first = CodeCache(tmp_path / "jinja" / "ban-a")
    first.put(key, env.compile(source))
    code = CodeCache(tmp_path / "jinja" / "ban-a").get(key)
    assert code is not None
    template = env.template_class.from_code(env, code, env.make_globals(None), None)
    assert template.render(x=3) == "tăng 3 vụ"
    assert first.get("mẫu\0khác") is None
    # Another installation (another Python, Jinja or sandbox: another folder) writes its
    # own entries and leaves these alone, however often each of them runs.
    entries = sorted((tmp_path / "jinja" / "ban-a").iterdir())
    for _ in range(2):
        CodeCache(tmp_path / "jinja" / "ban-b").put(key, env.compile("khác {{ x }}"))
        first.put(key, env.compile(source))
    assert sorted((tmp_path / "jinja" / "ban-a").iterdir()) == entries
    assert CodeCache(tmp_path / "jinja" / "ban-a").get(key) is not None
    # Only folders that no run has added to for a month are removed, when a new one starts.
    month_ago = time.time() - 31 * 86400
    os.utime(tmp_path / "jinja" / "ban-b", (month_ago, month_ago))
    CodeCache(tmp_path / "jinja" / "ban-c").put(key, env.compile(source))
    assert sorted(p.name for p in (tmp_path / "jinja").iterdir()) == ["ban-a", "ban-c"]


def test_code_cache_folder_follows_the_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from drafting.bank import cache

    def folder() -> Path | None:
        cache.code_cache.cache_clear()
        try:
            return cache.code_cache().folder
        finally:
            cache.code_cache.cache_clear()

    monkeypatch.setenv("DRAFTING_CACHE_DIR", str(tmp_path))
    same = folder()
    assert same is not None and same.parent == tmp_path / "jinja" and folder() == same
    monkeypatch.setattr(cache, "code_stamp", lambda: "0" * 64)  # another drafting, or another Python
    assert folder() not in (None, same)
    monkeypatch.setenv("DRAFTING_NO_CACHE", "1")
    assert folder() is None


def test_unknown_phrase_choice_is_an_error_at_its_item(tmp_path: Path) -> None:
    text = replace_once(SAMPLE_TEXT, "\nnoi_dung:\n", "\nnoi_dung:\n  III.1: [{cau: uu_diem.khong_co}]\n")
    path = write_text(tmp_path, "a.yaml", text)
    result = check_file(path)
    assert [(f.key, f.section, f.line) for f in result.errors] == [
        ("noi_dung.III.1[0]", "III.1", line_of_text(path, "uu_diem.khong_co"))
    ]
    assert "không có câu mẫu “uu_diem.khong_co”" in result.errors[0].message
    assert result.exit_code == 1
