"""The writer and the claims (#11): a chosen phrase the figures contradict, the writer's
confirmation (``xac_nhan``), claims no figure shows, and the explanations the editor shows."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from claim_audit import SAMPLE, SCENARIOS, compose_file, scenario

from drafting.bank.bank import default_bank
from drafting.checks.checker import check_report
from drafting.composition.composer import Composer
from drafting.composition.explain import explain_claim, suggestions
from drafting.datafile.validate import load_report
from drafting.document import Paragraph
from drafting.editing.draft import Draft, phrase_rows


def claims_in(path: Path, section: str) -> list[str]:
    found = compose_file(path, default_bank())[1].find(section)
    assert found is not None
    return [b.claim for b in found.blocks if isinstance(b, Paragraph) and b.claim]


@pytest.fixture
def kept(tmp_path: Path) -> Path:
    """The scenario where the writer kept a sentence the figures contradict (quashed
    within the maximum, in a year above it)."""
    target = tmp_path / "bao-cao.yaml"
    shutil.copyfile(scenario("10_giu_cau_trai_so_lieu"), target)
    return target


def test_a_chosen_phrase_the_figures_contradict_is_an_error_until_confirmed(kept: Path) -> None:
    draft = Draft.open(kept)
    assert draft.unconfirm_claim("uu_diem.huy_sua_trong_chi_tieu")
    (error,) = check_report(draft.report()).errors
    assert error.message.startswith("Câu “uu_diem.huy_sua_trong_chi_tieu” (tỷ lệ bản án, quyết định bị hủy, sửa")
    assert "trái với số liệu. Trái với số liệu: tỷ lệ bản án, quyết định bị hủy, sửa do nguyên nhân chủ quan " in (
        error.message
    )
    assert "1,82% cao hơn mức tối đa 1,5%" in error.message
    assert "xác nhận giữ câu (khóa xac_nhan, kèm lý do)" in error.message
    # The writer wins: the sentence stays, the opposite automatic limitation goes.
    document = Composer.create(draft.report(), draft.bank).document()
    strengths, limitations = document.find("III.1"), document.find("III.2")
    assert strengths is not None and limitations is not None
    assert [b.claim for b in strengths.blocks if isinstance(b, Paragraph)] == ["uu_diem.huy_sua_trong_chi_tieu"]
    said = [b.claim for b in limitations.blocks if isinstance(b, Paragraph)]
    assert "han_che.huy_sua_cao_hon_muc_toi_da" not in said and "han_che.huy_sua_cao_va_tang" not in said
    assert "han_che.huy_sua_tang" in said  # not an opposite: the rate did rise

    draft.confirm_claim("uu_diem.huy_sua_trong_chi_tieu", "Số liệu còn chờ đối chiếu")
    assert "theo_so_lieu:\n      huy_sua.bi_huy: [120, 52]" in draft.text()
    result = check_report(draft.report())
    assert result.errors == []
    (warning,) = [w for w in result.warnings if "huy_sua_trong_chi_tieu" in w.message]
    assert "người viết đã xác nhận giữ câu" in warning.message and "Số liệu còn chờ đối chiếu" in warning.message

    # New figures: the confirmation no longer holds, the writer is asked again.
    draft.set_figure("huy_sua.bi_huy", "ky_nay", 130)
    (stale,) = check_report(draft.report()).errors
    assert "huy_sua_trong_chi_tieu" in stale.message and "xác nhận lại" in stale.message


def test_the_confirmation_is_stored_in_the_data_file(kept: Path) -> None:
    draft = Draft.open(kept)
    draft.confirm_claim("han_che.tranh_tung", deny=True)
    draft.save()
    reread = load_report(kept)
    assert reread.confirmations["han_che.tranh_tung"].denied
    assert reread.confirmations["uu_diem.huy_sua_trong_chi_tieu"].reason.startswith("Số liệu hủy, sửa")
    composer = Composer.create(reread, default_bank())
    assert explain_claim(composer, "han_che.tranh_tung") == "Người viết đã ghi là không đúng với đơn vị"
    assert "han_che.tranh_tung" not in composer.plan.sections["III.2"]
    with pytest.raises(KeyError):
        draft.confirm_claim("han_che.khong_co_that")


def test_no_sentence_no_figure_shows_is_said_without_the_writer() -> None:
    """Without confirmations the report says only what the figures show; the rest is
    offered to the writer, marked as needing confirmation."""
    path = scenario("11_chua_xac_nhan")
    composer, document = compose_file(path, default_bank())
    said = {b.claim for s in document.walk() for b in s.blocks if isinstance(b, Paragraph) and b.claim}
    automatic = {c for c in said if not composer.plan.statuses[c].pinned}
    assert automatic
    assert {default_bank().claims.claims[c].basis for c in automatic} <= {"so_lieu", "de_xuat", "quy_uoc"}
    rows = {r.phrase_id: r for r in phrase_rows(composer, "III.1")}
    waiting = rows["uu_diem.lanh_dao_quan_tam"]
    assert waiting.state == "can_xac_nhan" and not waiting.included
    assert waiting.reason == "Cần người viết xác nhận: không số liệu nào của báo cáo cho thấy điều này"


def test_explanations_are_worded_from_the_figures() -> None:
    sample = Composer.create(load_report(SAMPLE), default_bank())
    assert explain_claim(sample, "uu_diem.co_ban_dat_chi_tieu") == (
        "Gợi ý vì đạt 6/7 chỉ tiêu; chưa đạt: tỷ lệ giải quyết đơn đề nghị giám đốc thẩm, tái thẩm 54,84% "
        "thấp hơn chỉ tiêu 60%"
    )
    assert explain_claim(sample, "uu_diem.ky_luat_giu_vung") == (
        "Trái với số liệu: số cán bộ bị kỷ luật 02 người (điều kiện: bằng 0)"
    )
    assert explain_claim(sample, "uu_diem.huy_sua_trong_chi_tieu").startswith(
        "Không gợi ý vì báo cáo đã có câu nói đủ ý này: tỷ lệ bản án"
    )
    bad = Composer.create(load_report(scenario("02_nam_kem")), default_bank())
    assert explain_claim(bad, "uu_diem.huy_sua_trong_chi_tieu") == (
        "Trái với số liệu: tỷ lệ bản án, quyết định bị hủy, sửa do nguyên nhân chủ quan 1,92% cao hơn mức tối đa 1,5%"
    )
    missing = Composer.create(load_report(scenario("07_thieu_so_lieu")), default_bank())
    assert explain_claim(missing, "uu_diem.ky_luat_giu_vung") == "Chưa đủ số liệu: chưa nhập số cán bộ bị kỷ luật"
    for text in (explain_claim(c, cid) for c in (sample, bad, missing) for cid in c.bank.claims.claims):
        assert "{{" not in text and "so_lieu" not in text and "dieu_kien" not in text, text


def test_every_phrase_has_a_state_for_the_editor() -> None:
    composer = Composer.create(load_report(scenario("07_thieu_so_lieu")), default_bank())
    states = {s.phrase.id: s.state for sid in ("III.1", "III.2") for s in suggestions(composer, sid)}
    assert states["uu_diem.lanh_dao_quan_tam"] == "goi_y"
    assert states["uu_diem.hoan_thanh_chi_tieu"] == "trai_so_lieu"
    assert states["uu_diem.ky_luat_giu_vung"] == "chua_du_so_lieu"
    assert states["han_che.phong_trao_chua_deu"] == "can_xac_nhan"
    assert set(states.values()) <= {"goi_y", "co_the_chon", "trai_so_lieu", "can_xac_nhan", "chua_du_so_lieu"}


def test_a_claim_with_a_missing_figure_is_unknown_neither_it_nor_its_opposite() -> None:
    path = scenario("07_thieu_so_lieu")
    said = claims_in(path, "III.1") + claims_in(path, "III.2")
    for claim in ("uu_diem.huy_sua_trong_chi_tieu", "han_che.huy_sua_cao_hon_muc_toi_da", "uu_diem.ky_luat_giu_vung"):
        assert claim not in said
    assert not any(c.startswith(("han_che.ky_luat", "uu_diem.ky_luat", "han_che.huy_sua")) for c in said)


def test_the_scenarios_cover_the_years_the_issue_names() -> None:
    names = {p.stem for p in SCENARIOS}
    for kind in (
        "nam_tot",
        "nam_kem",
        "hon_hop",
        "goc_bang_khong",
        "bang_cung_ky",
        "thieu_nguyen_nhan",
        "thieu_so_lieu",
    ):
        assert any(kind in n for n in names), kind
