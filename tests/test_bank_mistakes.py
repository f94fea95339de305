"""``bank check`` misses nothing a maintainer can get wrong (#15).

Each case is one typical mistake, made in an overlay folder (a phrase file of section
III.1 unless said) or in a copy of the whole bank, and checked as ``drafting bank check``
does. The case says what the single problem reported must say and where: ``bank check``
says each problem once, in Vietnamese, at its file and line, with the phrase id and what
to do, and nothing else (no knock-on message). Cases 1–16 are the issue's sixteen typical
mistakes (1–12 were caught before, some in English or twice; 13–16 passed); the others are
the guide's rules now enforced and the other mistakes the issue names.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from conftest import ROOT, run_cli

from drafting.bank.bank import lint_bank
from drafting.bank.phrase_lint import MAX_SENTENCE_WORDS, MIN_VARIANTS, NUMBER_FILTERS
from drafting.cli_bank import bank_check_problems
from drafting.errors import Problem

PID = "uu_diem.cau_thu"
GOOD = (
    "muc: III.1\n"
    "cau:\n"
    f"  - id: {PID}\n"
    "    nhan_dinh: uu_diem.doan_ket_noi_bo\n"
    "    cach_viet:\n"
    '      - "Nội bộ đơn vị đoàn kết, thống nhất."\n'
    '      - "Cán bộ, công chức gắn bó, hỗ trợ nhau."\n'
)
V1, V2 = '      - "Nội bộ đơn vị đoàn kết, thống nhất."\n', '      - "Cán bộ, công chức gắn bó, hỗ trợ nhau."\n'
LONG = " ".join(["cán bộ"] * 100)  # 200 words

FAILING_ID = "uu_diem.dung_thoi_han"  # replaced: its second variant divides by 0 once the facts are real
FAILING = (
    "muc: III.1\n"
    "cau:\n"
    f"  - id: {FAILING_ID}\n"
    f"    nhan_dinh: {FAILING_ID}\n"
    "    cach_viet:\n"
    "      - 'Tỷ lệ giải quyết đúng thời hạn đạt {{ f.ty_le.gia_tri }} (chỉ tiêu {{ f.ty_le.chi_tieu }}).'\n"
    "      - 'Các vụ việc được giải quyết đúng thời hạn, tỷ lệ {{ f.ty_le.gia_tri }}"
    '{% if "«" not in f.ty_le.gia_tri %}{{ nam // 0 }}{% endif %} (chỉ tiêu {{ f.ty_le.chi_tieu }}).\'\n'
)


@dataclass(frozen=True)
class Mistake:
    name: str
    said: str  # what the message says (a part of it)
    line: int | None
    phrase: str = PID
    file: str = "iii1.yaml"  # in the overlay, or "kho/…" in a copy of the whole bank
    text: str = GOOD  # the overlay's phrase file
    edits: dict[str, tuple[str, str]] = field(default_factory=dict)  # whole-bank file → (old, new)


def variant(first: str) -> str:
    return GOOD.replace(V1, f"      - {first}\n")


MISTAKES = [
    # -- caught before (some in English, or twice) --------------------------------------
    Mistake("01_ngoac_nhon_chua_dong", "cú pháp Jinja không hợp lệ: thiếu “}}” đóng biểu thức", 6,
            text=variant('"Nội bộ {{ nam đoàn kết."')),
    Mistake("02_thieu_endif", "cú pháp Jinja không hợp lệ: thiếu “{% endif %}” đóng “{% if … %}”", 6,
            text=variant('"{% if nam > 2000 %}Nội bộ đoàn kết."')),
    Mistake("03_bo_loc_la", "không có bộ lọc “dem_so” (có phải “dem”?); các bộ lọc: so, phan_tram", 6,
            text=variant("\"Nội bộ {{ nam | dem_so('người') }} đoàn kết.\"")),
    Mistake("04_yaml_thut_le", "YAML không hợp lệ: dấu “:” không đúng chỗ: dòng này thụt lề sâu hơn", 5,
            text=GOOD.replace("    cach_viet:\n", "     cach_viet:\n")),
    Mistake("05_bien_la", "biến “so_lieu” không có trong ngữ cảnh câu mẫu", 6,
            text=variant('"Nội bộ {{ so_lieu.an_hinh_su }} đoàn kết."')),
    Mistake("06_trung_ma", "mã câu mẫu bị trùng", 8,
            text=GOOD + GOOD.split("cau:\n", 1)[1]),
    Mistake("07_muc_la", "không có mục này trong đề cương (có phải “III.", 1, phrase="",
            text=GOOD.replace("muc: III.1", "muc: III.9")),
    Mistake("08_khoa_viet_sai", "khóa không hợp lệ (có phải “cach_viet”?)", 5,
            text=GOOD.replace("cach_viet:", "cach_vet:")),
    Mistake("09_khong_co_cach_viet", "câu mẫu phải có ít nhất một cách viết (cach_viet)", 3,
            text=GOOD.split("    cach_viet:\n")[0]),
    Mistake("10_bo_dau_moi", "viết “Toà” theo cách bỏ dấu mới; Tòa án viết “Tòa”", 6,
            text=variant('"Toà án đơn vị đoàn kết."')),
    Mistake("11_ngoac_kep_thang", 'dùng ngoặc kép thẳng "…"; hãy dùng ngoặc kép “…”', 6,
            text=variant("'Phong trào \"Vì Công lý\" được hưởng ứng.'")),
    Mistake("12_chien_sy", "viết “Chiến sỹ”; đúng là “Chiến sĩ”", 6,
            text=variant('"Danh hiệu “Chiến sỹ thi đua” được xét đúng người."')),
    # -- passed before ------------------------------------------------------------------
    Mistake("13_cach_viet_giong_nhau", "cách viết 2 chỉ khác ở chữ hoa, dấu cách hoặc dấu câu so với cách viết 1", 7,
            text=GOOD.replace(V2, '      - "nội bộ đơn vị đoàn kết thống nhất"\n')),
    Mistake("14_uu_diem_trong_tep_han_che", "mã “uu_diem.cau_thu” không thuộc mục III.2 của tệp này", 3,
            file="iii2.yaml",
            text=GOOD.replace("muc: III.1", "muc: III.2").replace("uu_diem.doan_ket_noi_bo", "han_che.tranh_tung")),
    Mistake("15_thieu_mo_ta", "thiếu khóa bắt buộc “mo_ta”: một dòng mô tả", None, phrase="uu_diem.doan_ket_noi_bo",
            file="kho/nhan_dinh.yaml",
            edits={"nhan_dinh.yaml": ("ket_qua_tot", "")}),
    Mistake("16_cau_200_chu", "có câu dài 202 chữ (tối đa 100): hãy tách thành nhiều câu", 6,
            text=variant(f'"Nội bộ {LONG}."')),
    # -- the guide's rules, now enforced, and the other mistakes ---------------------
    Mistake("17_mot_cach_viet", "câu mẫu cần ít nhất 2 cách viết (có 1)", 5, text=GOOD.replace(V2, "")),
    Mistake("18_mo_dau_giong_nhau", "cách viết 2 mở đầu giống cách viết 1 (“nội bộ”)", 7,
            text=GOOD.replace(V2, '      - "Nội bộ cán bộ, công chức gắn bó."\n')),
    Mistake("19_nam_co_dinh", "cách viết 1 ghi năm cố định “2024”: câu mẫu dùng cho mọi năm; viết năm {{ nam }}", 6,
            text=variant('"Trong năm 2024, nội bộ đơn vị đoàn kết."')),
    Mistake("20_dem_tren_chu", "bộ lọc “dem” cần một số, nhưng “don_vi.ten” là văn bản", 6,
            text=variant("\"{{ don_vi.ten | dem('người') }} đoàn kết.\"")),
    Mistake("21_ngoac_nhon_khong_ngoac_kep", "giá trị mở đầu bằng “{{ … }}” phải đặt trong ngoặc kép", 6,
            text=variant("{{ nam }} là năm đoàn kết.")),
    Mistake("22_nhom_khong_co_trong_dan_y", "nhóm số liệu “sang_kien_moi” (mục II.5) không có trong nhom_so_lieu", None,
            phrase="", file="kho/chi_so.yaml",
            edits={"chi_so.yaml": ("nhom:\n", "nhom:\n  - id: sang_kien_moi\n    muc: II.5\n    ten: Sáng kiến mới\n"
                                   "    chi_so:\n      - {id: so, ten: số sáng kiến, loai: so_dem, don_vi: sáng kiến,"
                                   " so_sanh: false}\n")}),
    Mistake("23_nhom_la_trong_dan_y", "mục II.5 viết nhóm số liệu “dien_hinh_moi” nhưng chi_so.yaml không có nhóm này",
            None, phrase="", file="kho/dan_y.yaml",
            edits={"dan_y.yaml": ("nhom_so_lieu: [dien_hinh]", "nhom_so_lieu: [dien_hinh, dien_hinh_moi]")}),
    Mistake("24_cach_viet_giong_het", "cách viết 2 giống hệt cách viết 1: hãy viết khác lời", 7,
            text=GOOD.replace(V2, V1)),
    Mistake("25_hong_khi_chay_thu",
            "cách viết 2, chạy thử trên tệp mẫu (số liệu: thoi_han.ty_le_dung_han): phép chia cho 0", 3,
            phrase=FAILING_ID, text=FAILING),
    Mistake("26_nhan_dinh_uu_diem_trong_tep_han_che",
            "nhận định “uu_diem.doan_ket_noi_bo” thuộc mục III.1, không phải mục III.2 của tệp này: chuyển câu", 4,
            phrase="han_che.cau_thu", file="iii2.yaml",
            text=GOOD.replace("muc: III.1", "muc: III.2").replace(PID, "han_che.cau_thu")),
]  # fmt: skip


def make(mistake: Mistake, tmp_path: Path) -> Path:
    """The folder given with --bank: an overlay, or a whole bank with the mistake."""
    if mistake.edits:
        folder = tmp_path / "kho"
        shutil.copytree(ROOT / "phrasebank", folder, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
        for name, (old, new) in mistake.edits.items():
            path = folder / name
            text = path.read_text(encoding="utf-8")
            assert old in text, (name, old)
            if mistake.name == "15_thieu_mo_ta":  # the mo_ta line of one claim goes
                claim = r"(id: uu_diem\.doan_ket_noi_bo.*?\n)(\s+mo_ta: [^\n]*\n)"
                text = re.sub(claim, r"\1", text, count=1, flags=re.S)
            else:
                text = text.replace(old, new, 1)
            path.write_text(text, encoding="utf-8")
        return folder
    folder = tmp_path / "kho-don-vi"
    folder.mkdir()
    (folder / mistake.file).write_text(mistake.text, encoding="utf-8")
    return folder


def test_the_good_phrase_is_clean(tmp_path: Path) -> None:
    folder = tmp_path / "kho"
    folder.mkdir()
    (folder / "iii1.yaml").write_text(GOOD, encoding="utf-8")
    assert bank_check_problems(lint_bank(folder)) == []


@pytest.mark.parametrize("mistake", MISTAKES, ids=[m.name for m in MISTAKES])
def test_each_mistake_is_said_once_located_in_vietnamese(mistake: Mistake, tmp_path: Path) -> None:
    folder = make(mistake, tmp_path)
    problems: list[Problem] = bank_check_problems(lint_bank(folder))
    assert len(problems) == 1, "\n".join(map(str, problems))
    (problem,) = problems
    expected_file = folder / (mistake.file.split("/", 1)[1] if mistake.edits else mistake.file)
    assert problem.file == str(expected_file), str(problem)
    assert mistake.said in problem.message, str(problem)
    if mistake.line is not None:
        assert problem.line == mistake.line, str(problem)
    else:
        assert problem.line is not None, str(problem)
    assert problem.phrase_id == mistake.phrase, str(problem)
    english = {"expected", "unexpected", "found", "filter", "template", "token", "named", "mapping", "block"}
    assert not set(re.findall(r"[a-z]+", problem.message.lower())) & english, str(problem)


def test_bank_check_prints_it_and_fails(tmp_path: Path) -> None:
    folder = make(MISTAKES[12], tmp_path)  # identical variants: passed before
    result = run_cli("bank", "check", "--bank", str(folder))
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"{folder / 'iii1.yaml'}:7: [{PID}] cau[0].cach_viet[1]: cách viết 2 chỉ khác ở chữ hoa, dấu cách hoặc dấu câu "
        "so với cách viết 1: hãy viết khác lời (giữ nguyên sự kiện)",
        "1 vấn đề trong kho câu mẫu.",
    ]


def test_pinning_a_failing_variant_names_the_variant_and_the_figure(tmp_path: Path) -> None:
    folder = tmp_path / "kho"
    folder.mkdir()
    (folder / "iii1.yaml").write_text(FAILING, encoding="utf-8")
    data = tmp_path / "bao-cao.yaml"
    sample = (ROOT / "examples" / "bao-cao-mau-2024.yaml").read_text(encoding="utf-8")
    pin = f"\nnoi_dung:\n  III.1:\n    - {{cau: {FAILING_ID}, cach_viet: 2}}\n"
    data.write_text(sample.replace("\nnoi_dung:\n", pin, 1), encoding="utf-8")
    result = run_cli("render", str(data), "-o", str(tmp_path / "out.md"), "--bank", str(folder))
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"{folder / 'iii1.yaml'}:3: [{FAILING_ID}] cách viết 2 (số liệu: thoi_han.ty_le_dung_han): phép chia cho 0"
    ]
    assert not (tmp_path / "out.md").exists()


def test_the_guide_states_the_limits_bank_check_enforces() -> None:
    guide = (ROOT / "phrasebank" / "README.md").read_text(encoding="utf-8")
    assert f"**tối đa {MAX_SENTENCE_WORDS} chữ**" in guide
    assert f"ít nhất {MIN_VARIANTS}" in guide
    assert all(f"`{name}`" in guide for name in NUMBER_FILTERS)
    assert all(f"`{key}` | **bắt buộc**" in guide for key in ("muc", "cau", "id", "nhan_dinh", "cach_viet"))
