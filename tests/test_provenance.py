"""Where each paragraph of the report comes from, in a writer's words (#14): the claim's
explanation for a phrase, "số liệu bạn nhập" with the figures for a figure paragraph, the
writer's own paragraph, a list the writer entered, a gap; and the writer's word on a
claim as the editor's phrase rows show it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from drafting.composition.composer import Composer
from drafting.composition.explain import explain_claim
from drafting.composition.provenance import entered_figures, figure_line, paragraph_provenance, table_provenance
from drafting.document import Paragraph, Section, Table
from drafting.editing.draft import Draft, phrase_rows
from drafting.resources import SAMPLE_PATH

JARGON = re.compile(r"so_lieu|\{\{|\{%|\.yaml|dieu_kien|xac_nhan|:\d+:")


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    target = tmp_path / "bao-cao.yaml"
    shutil.copyfile(SAMPLE_PATH, target)
    return target


def section(composer: Composer, section_id: str) -> Section:
    return composer.build_section(composer.outline.section(section_id), [])


def paragraphs(composer: Composer, section_id: str) -> list[Paragraph]:
    return [b for b in section(composer, section_id).blocks if isinstance(b, Paragraph)]


def test_every_paragraph_of_the_sample_says_where_it_comes_from() -> None:
    composer = Draft.open(SAMPLE_PATH).composer()
    kinds: set[str] = set()
    for sid in composer.outline.ids:
        if not composer.outline.is_leaf(sid):
            continue
        for block in section(composer, sid).blocks:
            found = (
                paragraph_provenance(composer, block)
                if isinstance(block, Paragraph)
                else table_provenance(composer, sid, block)
            )
            kinds.add(found.kind)
            assert found.reason and not JARGON.search(found.reason), (sid, found.reason)
            figures = composer.catalogue.figures
            assert all(fid in figures and figures[fid].entered for fid in found.figures)
    assert {"cau_mau", "so_lieu", "tu_viet", "danh_sach"} <= kinds


def test_a_phrase_is_explained_by_its_claim_and_names_the_figures_it_uses() -> None:
    composer = Draft.open(SAMPLE_PATH).composer()
    found = next(p for p in paragraphs(composer, "III.1") if p.claim == "uu_diem.huy_sua_giam_trong_chi_tieu")
    provenance = paragraph_provenance(composer, found)
    assert provenance.kind == "cau_mau" and provenance.claim == "uu_diem.huy_sua_giam_trong_chi_tieu"
    assert provenance.reason.startswith("Câu mẫu tự động gợi ý (nhận định: tỷ lệ bản án")
    assert explain_claim(composer, provenance.claim) in provenance.reason
    assert "1,11%" in provenance.reason and "1,5%" in provenance.reason
    # The rate is entered as the quashed and amended judgments and the ones resolved.
    assert {"huy_sua.bi_huy", "huy_sua.bi_sua"} <= set(provenance.figures)
    lines = [figure_line(composer, fid) for fid in provenance.figures]
    quashed = "Số bản án, quyết định bị hủy do nguyên nhân chủ quan: 47 bản án, quyết định"
    assert f"{quashed} (cùng kỳ: 52 bản án, quyết định)" in lines


def test_figure_paragraphs_free_text_lists_and_tables() -> None:
    composer = Draft.open(SAMPLE_PATH).composer()
    figure = paragraphs(composer, "II.3")[1]
    provenance = paragraph_provenance(composer, figure)
    assert provenance.kind == "so_lieu" and provenance.reason == "Viết từ số liệu bạn nhập"
    assert provenance.figures == ("tong_so.thu_ly", "tong_so.giai_quyet")
    own = paragraph_provenance(composer, paragraphs(composer, "I")[0])
    assert (own.kind, own.reason) == ("tu_viet", "Đoạn bạn tự viết")
    listed = paragraph_provenance(composer, paragraphs(composer, "II.1")[0])
    assert listed.kind == "danh_sach" and listed.list_name == "van_ban_quan_triet"
    assert listed.reason == "Từ danh sách bạn nhập: văn bản đã phổ biến, quán triệt"
    tables = [
        (sid, b)
        for sid in composer.outline.ids
        if composer.outline.is_leaf(sid)
        for b in section(composer, sid).blocks
        if isinstance(b, Table)
    ]
    if tables:
        sid, table = tables[0]
        assert table_provenance(composer, sid, table).figures


def test_a_gap_says_what_is_missing() -> None:
    composer = Draft.new(2025).composer()
    gap = paragraph_provenance(composer, paragraphs(composer, "II.1")[0])
    assert gap.kind == "chua_nhap" and gap.reason.startswith("Chỗ còn trống: chưa nhập ")


def test_a_chosen_phrase_the_figures_contradict_says_so_until_confirmed(copy: Path) -> None:
    draft = Draft.open(copy)
    draft.choose_phrase("III.2", "han_che.huy_sua_cao_hon_muc_toi_da")
    found = next(p for p in paragraphs(draft.composer(), "III.2") if p.claim == "han_che.huy_sua_cao_hon_muc_toi_da")
    reason = paragraph_provenance(draft.composer(), found).reason
    assert reason.startswith("Câu mẫu bạn chọn") and "Trái với số liệu: " in reason
    assert reason.endswith("Bạn chưa xác nhận giữ câu này")
    row = next(r for r in phrase_rows(draft.composer(), "III.2") if r.phrase_id == "han_che.huy_sua_cao_hon_muc_toi_da")
    assert (row.state, row.word, row.claim) == ("trai_so_lieu", "", "han_che.huy_sua_cao_hon_muc_toi_da")

    draft.confirm_claim("han_che.huy_sua_cao_hon_muc_toi_da", "đơn vị cấp dưới còn nhiều bản án bị sửa")
    found = next(p for p in paragraphs(draft.composer(), "III.2") if p.claim == "han_che.huy_sua_cao_hon_muc_toi_da")
    reason = paragraph_provenance(draft.composer(), found).reason
    assert "Bạn đã xác nhận giữ câu (đơn vị cấp dưới còn nhiều bản án bị sửa)" in reason
    row = next(r for r in phrase_rows(draft.composer(), "III.2") if r.phrase_id == "han_che.huy_sua_cao_hon_muc_toi_da")
    assert row.word == "da_xac_nhan"


def test_phrase_rows_carry_the_writers_word(copy: Path) -> None:
    draft = Draft.open(copy)
    draft.confirm_claim("han_che.binh_xet_ne_nang", deny=True)
    rows = {r.phrase_id: r for r in phrase_rows(draft.composer(), "III.2")}
    assert rows["han_che.binh_xet_ne_nang"].word == "khong_dung"
    assert rows["han_che.khen_thuong_cham"].word == "" and rows["han_che.khen_thuong_cham"].state == "can_xac_nhan"


def test_entered_figures_give_a_rate_by_its_parts() -> None:
    catalogue = Draft.new(2025).catalogue
    assert entered_figures(catalogue, ["an_hinh_su.ty_le_giai_quyet", "an_hinh_su.thu_ly", "khong.co"]) == (
        "an_hinh_su.giai_quyet",
        "an_hinh_su.thu_ly",
    )
