"""The maintainers' guide (phrasebank/README.md) covers every file and every key the loaders accept."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from drafting.bank import catalogue, claim_reader, outline, phrases, rules, schema_file
from drafting.datafile.importing import mapping

ROOT = Path(__file__).resolve().parent.parent
GUIDE = (ROOT / "phrasebank" / "README.md").read_text(encoding="utf-8")
PROSE = re.sub(r"^[ \t]*```.*?^[ \t]*```", "", GUIDE, flags=re.S | re.M)  # fenced examples apart
CODE = {word for span in re.findall(r"`([^`]+)`", PROSE) for word in re.split(r"[\s,:{}]+", span) if word}
KEYS = {
    "cau/*.yaml": ("muc", "cau", *phrases.PHRASE_KEYS),
    "nhan_dinh.yaml": ("nguong", "chu_de", "nhom", "nhan_dinh", *claim_reader.CLAIM_KEYS, *claim_reader.FACT_KEYS),
    "chi_so.yaml": ("nhom", *catalogue._GROUP_KEYS, *catalogue._FIGURE_KEYS),
    "chi_tieu.yaml": ("nguon", "chi_tieu", "ten", "kieu", "gia_tri", "nam", "xac_nhan", "can_cu"),
    "cap_don_vi.yaml": (
        "cap",
        "hieu_luc",
        "tu_ngu",
        "tong_hop_voi",
        "nhom_so_lieu",
        "khong_ap_dung",
        "tuy_chon",
        "ly_do",
        "hop_nhat",
        "ghi_chu_so_lieu",
    ),
    "dan_y.yaml": ("trich_yeu", "danh_sach", "phong_trao", "muc", "giai_doan", *outline._SECTION_KEYS),
    "quy_tac.yaml": ("quy_tac", *rules.RULE_KEYS),
    "thuat_ngu.yaml": ("thuat_ngu", "dung", "sai"),
    "tep_du_lieu.yaml": (
        "dau_tep",
        *schema_file._FIELD_KEYS,
        *schema_file._TOP_KEYS,
        *schema_file._LIST_KEYS,
        *schema_file._VALIDITY_KEYS,
        *schema_file.STRUCTURE_KEYS,
    ),
    "ban_do_mau_nhap.yaml": (*mapping.TOP_KEYS, *mapping.ENTRY_KEYS),
}


def test_every_file_of_the_bank_is_described() -> None:
    files = {p.name for p in (ROOT / "phrasebank").glob("*.yaml")} | {"cau/*.yaml"}
    assert files == set(KEYS)
    assert not [name for name in files if name not in CODE]


@pytest.mark.parametrize("name", sorted(KEYS))
def test_every_key_of_a_file_is_described(name: str) -> None:
    missing = sorted({key for key in KEYS[name] if key not in CODE})
    assert not missing, f"phrasebank/README.md does not describe these keys of {name}: {missing}"


def test_the_guide_explains_the_links_and_the_layers() -> None:
    assert "nhom_so_lieu" in GUIDE and "Liên kết `chi_so.yaml` ↔ `dan_y.yaml`" in GUIDE
    for needed in ("DRAFTING_BANK", "--bank", "kho-cau-mau", "bank show", "kho_cau_mau"):
        assert needed in GUIDE
