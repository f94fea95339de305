"""Build the scenario data files of this folder from the sample.

Each scenario is the sample (examples/bao-cao-mau-2024.yaml) with its figures, pinned
phrases or confirmations edited to stress one kind of year: a good year, a bad year,
zero bases, equal values, missing causes, missing figures, rates on their targets… The
files are committed; rebuild them after changing the sample:

    python tests/scenarios/build.py

Every scenario passes ``drafting check`` without errors (tests/test_claims.py checks it,
then checks that no report says a claim the figures contradict or two opposite claims).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))

from drafting.files.yamlio import dump_yaml, parse_yaml  # noqa: E402

SAMPLE = ROOT / "examples" / "bao-cao-mau-2024.yaml"
TYPES = (
    "an_hinh_su",
    "an_dan_su",
    "an_hon_nhan_gia_dinh",
    "an_kinh_doanh_thuong_mai",
    "an_lao_dong",
    "an_hanh_chinh",
    "pha_san",
    "bien_phap_xu_ly_hanh_chinh",
)


def setv(d: Any, figure: str, ky_nay: int, cung_ky: int | None = None) -> None:
    """Set a figure: this period (and the same period, when compared)."""
    group, key = figure.split(".")
    node = d["so_lieu"][group][key]
    if isinstance(node, dict):
        node["ky_nay"] = ky_nay
        if cung_ky is not None:
            node["cung_ky"] = cung_ky
    else:
        d["so_lieu"][group][key] = ky_nay


def totals(d: Any) -> None:
    """The totals of all cases: the sums of the case types, both periods."""
    s = d["so_lieu"]
    for key in ("thu_ly", "giai_quyet"):
        for period in ("ky_nay", "cung_ky"):
            s["tong_so"][key][period] = sum(s[t][key][period] for t in TYPES)


def on_time_all(d: Any) -> None:
    """Every resolved case within time (both periods)."""
    s = d["so_lieu"]
    for period in ("ky_nay", "cung_ky"):
        s["thoi_han"]["dung_han"][period] = s["tong_so"]["giai_quyet"][period]


def drop_causes(d: Any) -> None:
    for group in d["so_lieu"].values():
        for node in group.values():
            if isinstance(node, dict):
                node.pop("nguyen_nhan", None)


def movement(d: Any, key: str, result: str) -> None:
    """The writer's result of a movement (by id, or by the start of its name)."""
    (entry,) = [m for m in d["phong_trao"] if m.get("id") == key or str(m.get("ten", "")).startswith(key)]
    entry["ket_qua"] = result


def no_pins(d: Any, *sections: str) -> None:
    for sid in sections:
        d["noi_dung"].pop(sid, None)


def good(d: Any) -> None:
    """A good year: every target met, resolution and mediation up, nothing quashed more."""
    setv(d, "don_giam_doc_tham.giai_quyet", 52, 33)
    setv(d, "huy_sua.bi_huy", 30, 52)
    setv(d, "huy_sua.bi_sua", 41, 71)
    setv(d, "ky_luat.tong", 0, 1)
    d["so_lieu"]["ky_luat"]["khien_trach"] = 0
    d["so_lieu"]["ky_luat"]["canh_cao"] = 0
    d["noi_dung"]["II.3"][-1]["van_ban"] = d["noi_dung"]["II.3"][-1]["van_ban"].split(" Đối với 02")[0]


BAD_YEAR_CAUSES = {
    "tong_so.giai_quyet": (
        "do 05 Thẩm phán nghỉ hưu, chuyển công tác chưa được bổ sung; "
        "nhiều vụ án phải tạm đình chỉ chờ kết quả giám định"
    ),
    "an_hinh_su.giai_quyet": "do nhiều vụ án phải trả hồ sơ điều tra bổ sung",
    "an_dan_su.giai_quyet": "do nhiều vụ việc phải chờ kết quả định giá, giám định, ủy thác tư pháp",
    "an_kinh_doanh_thuong_mai.giai_quyet": "do nhiều vụ án có tài sản bảo đảm phải chờ định giá",
    "an_hanh_chinh.giai_quyet": "do người bị kiện chậm cung cấp tài liệu, chứng cứ",
    "thoi_han.dung_han": "do số vụ việc giải quyết giảm, một số vụ việc phức tạp giải quyết quá thời hạn",
    "thoi_han.qua_han_con_lai": "do chưa kiểm soát chặt chẽ thời hạn giải quyết ở một số Tòa án cấp huyện",
    "huy_sua.bi_huy": "do việc thu thập, đánh giá chứng cứ ở một số vụ án chưa đầy đủ",
    "huy_sua.bi_sua": "do áp dụng pháp luật về hình phạt, án phí chưa chính xác",
    "don_giam_doc_tham.giai_quyet": "do phải chờ rút hồ sơ, xác minh",
    "hoa_giai_to_tung.hoa_giai_thanh": "do đương sự ít thiện chí hòa giải",
    "phien_toa.truc_tuyen": "do đường truyền tại một số điểm cầu chưa ổn định",
    "phien_toa.rut_kinh_nghiem": "do chưa bố trí được lịch xét xử rút kinh nghiệm định kỳ",
    "hoa_giai_vien.thanh": "do nhiều vụ việc có tính chất phức tạp, đương sự không hợp tác",
    "ty_le_khen.ca_nhan_khong_lanh_dao": "do việc xét khen thưởng còn thiên về thành tích của người đứng đầu",
    "ty_le_khen.tap_the_nho": "do nhiều tập thể nhỏ chưa hoàn thành chỉ tiêu chuyên môn",
    "ty_le_khen.phat_hien": "do chưa chú trọng phát hiện nhân tố mới để khen thưởng kịp thời",
    "ky_luat.tong": "do 05 công chức vi phạm quy định về thời hạn gửi, tống đạt văn bản tố tụng và chế độ công vụ",
    "cong_khai_ban_an.cong_bo": "do thực hiện nghiêm việc công bố bản án, quyết định trên Cổng thông tin điện tử",
}


QUALITY_MOVEMENT = (
    "Gắn phong trào với việc thực hiện Chỉ thị số 01/2024/CT-CA ngày 02/01/2024 của Chánh án Tòa án nhân "
    "dân tối cao; tổ chức 126 phiên tòa rút kinh nghiệm."
)


def bad(d: Any) -> None:
    """A bad year: most targets missed, mediation and awards down, staff disciplined."""
    for figure, value in (
        ("an_hinh_su.giai_quyet", 1230),
        ("an_dan_su.giai_quyet", 2400),
        ("an_hon_nhan_gia_dinh.giai_quyet", 4100),
        ("an_kinh_doanh_thuong_mai.giai_quyet", 300),
        ("an_lao_dong.giai_quyet", 60),
        ("an_hanh_chinh.giai_quyet", 150),
        ("bien_phap_xu_ly_hanh_chinh.giai_quyet", 890),
        ("huy_sua.bi_huy", 80),
        ("huy_sua.bi_sua", 95),
        ("don_giam_doc_tham.giai_quyet", 30),
        ("hoa_giai_to_tung.hoa_giai_thanh", 700),
        ("hoa_giai_vien.thanh", 1200),
        ("phien_toa.truc_tuyen", 100),
        ("phien_toa.rut_kinh_nghiem", 60),
        ("ky_luat.tong", 5),
        ("ty_le_khen.ca_nhan_khong_lanh_dao", 45),
        ("ty_le_khen.tap_the_nho", 8),
        ("ty_le_khen.phat_hien", 5),
        ("thoi_han.qua_han_con_lai", 14),
        ("cham_diem.diem", 780),
    ):
        setv(d, figure, value)
    s = d["so_lieu"]
    s["ky_luat"]["khien_trach"], s["ky_luat"]["canh_cao"], s["ky_luat"]["ha_bac_luong"] = 2, 2, 1
    s["quy_thi_dua"]["su_dung"] = 60000000
    s["dien_hinh"].update({"tap_the": 1, "ca_nhan": 2, "mo_hinh_moi": 0, "sang_kien": 2})
    s["khen_dot_xuat"].update({"dot_xuat_tap_the": 0, "dot_xuat_ca_nhan": 1})
    totals(d)
    setv(d, "thoi_han.dung_han", 9050)
    for figure, cause in BAD_YEAR_CAUSES.items():
        group, key = figure.split(".")
        s[group][key]["nguyen_nhan"] = cause
    # The writer of a bad year keeps only what the figures bear out, and names the decisions.
    d["noi_dung"]["II.3"] = [
        {"cau": "chuyen_mon.danh_gia_chung_co_diem"},
        {
            "van_ban": "Đối với các công chức vi phạm, Chánh án đã ban hành Quyết định số 28/QĐ-TA ngày 14/6/2024 và "
            "Quyết định số 33/QĐ-TA ngày 02/7/2024 (khiển trách), Quyết định số 41/QĐ-TA ngày 09/9/2024 và "
            "Quyết định số 44/QĐ-TA ngày 16/9/2024 (cảnh cáo), Quyết định số 52/QĐ-TA ngày 20/9/2024 (hạ bậc lương)."
        },
    ]
    movement(
        d,
        "vi_cong_ly",
        "Cụ thể hóa phong trào thành các chỉ tiêu về số lượng, chất lượng giải quyết án, gắn với việc chấm "
        "điểm thi đua của từng đơn vị; 100% Thẩm phán, Thư ký Tòa án đăng ký thi đua.",
    )
    movement(d, "trach_nhiem_ky_cuong", QUALITY_MOVEMENT.replace("126", "60"))
    (theme,) = [m for m in d["phong_trao"] if m.get("id") == "chu_de_nam"]
    theme["ket_qua"] = theme["ket_qua"].replace(", hoàn thành vượt các chỉ tiêu cơ bản về giải quyết án", "")
    movement(
        d,
        "Đợt thi đua cao điểm",
        "Trong 60 ngày cao điểm (từ 01/7/2024 đến 29/8/2024), các đơn vị giải quyết 1.702 vụ, việc, tổ chức "
        "21 phiên tòa trực tuyến; 01 cá nhân có thành tích xuất sắc được khen thưởng đột xuất.",
    )
    d["noi_dung"]["II.6"][0]["van_ban"] = d["noi_dung"]["II.6"][0]["van_ban"].replace("21 sáng kiến", "02 sáng kiến")
    for claim in ("uu_diem.khen_thuong_dung_nguoi", "uu_diem.dien_hinh"):
        d["xac_nhan"].pop(claim)


def mixed(d: Any) -> None:
    """Mixed: more accepted, fewer resolved; some targets met, some missed; rates up and down."""
    setv(d, "an_hinh_su.giai_quyet", 1300)  # 92,07% (met), down in number
    setv(d, "an_hanh_chinh.giai_quyet", 150)  # 59,06% (missed)
    setv(d, "huy_sua.bi_huy", 70)  # 1,58% (above the maximum), up
    setv(d, "hoa_giai_vien.thanh", 1700)  # down in number, rate down
    setv(d, "ty_le_khen.tap_the_nho", 10)
    totals(d)
    on_time_all(d)
    movement(d, "trach_nhiem_ky_cuong", QUALITY_MOVEMENT)
    # The writer drops the sentence on the mediators' quality the figures no longer bear out.
    d["noi_dung"]["II.3"] = [i for i in d["noi_dung"]["II.3"] if i.get("cau") != "chuyen_mon.hoa_giai_chat_luong"]


def zero(d: Any) -> None:
    """Zero bases: nothing quashed or amended, no discipline, no bankruptcy, no dialogue last year."""
    setv(d, "huy_sua.bi_huy", 0)
    setv(d, "huy_sua.bi_sua", 0)
    setv(d, "ky_luat.tong", 0)
    d["so_lieu"]["ky_luat"]["khien_trach"] = 0
    d["so_lieu"]["ky_luat"]["canh_cao"] = 0
    setv(d, "pha_san.thu_ly", 0, 0)
    setv(d, "pha_san.giai_quyet", 0, 0)
    d["so_lieu"]["pha_san"]["giai_quyet"].pop("nguyen_nhan", None)
    d["so_lieu"]["pha_san"]["thu_ly"].pop("nguyen_nhan", None)
    setv(d, "hoa_giai_to_tung.doi_thoai_thanh", 21, 0)
    setv(d, "khen_dot_xuat.dot_xuat_tap_the", 0)
    totals(d)
    on_time_all(d)
    d["noi_dung"]["II.3"][-1]["van_ban"] = d["noi_dung"]["II.3"][-1]["van_ban"].split(" Đối với 02")[0]


def equal(d: Any) -> None:
    """Equal values: every compared figure the same as the same period last year."""
    for group in d["so_lieu"].values():
        for node in group.values():
            if isinstance(node, dict) and "cung_ky" in node:
                node["cung_ky"] = node["ky_nay"]
                node.pop("nguyen_nhan", None)


def no_causes(d: Any) -> None:
    """Missing causes: the figures of the sample, no cause of any increase or decrease."""
    drop_causes(d)


def missing(d: Any) -> None:
    """Missing figures: whole groups not entered (quashed, mediators, award rates, time, fund, score)."""
    for group in ("huy_sua", "hoa_giai_vien", "ty_le_khen", "thoi_han", "quy_thi_dua", "cham_diem", "ky_luat"):
        d["so_lieu"].pop(group)
    setv(d, "don_giam_doc_tham.giai_quyet", 34, 33)


def boundaries(d: Any) -> None:
    """Rates exactly on their targets and thresholds; one case late out of 10.000."""
    setv(d, "an_hinh_su.thu_ly", 1410)
    setv(d, "an_hinh_su.giai_quyet", 1269)  # 90% exactly
    setv(d, "an_hanh_chinh.thu_ly", 260)
    setv(d, "an_hanh_chinh.giai_quyet", 169)  # 65% exactly
    setv(d, "don_giam_doc_tham.giai_quyet", 37, 33)  # 59,68%: just below 60%
    totals(d)
    on_time_all(d)
    s = d["so_lieu"]
    setv(d, "thoi_han.dung_han", s["tong_so"]["giai_quyet"]["ky_nay"] - 1)  # 99,99%, never "100%"
    setv(d, "ty_le_khen.ca_nhan_khong_lanh_dao", 60, 63)  # 60/103 = 58,25%
    setv(d, "ty_le_khen.ca_nhan", 100, 91)  # 60/100 = 60% exactly
    setv(d, "ty_le_khen.tap_the_nho", 12, 13)  # 12/24 = 50% exactly
    quashed = s["tong_so"]["giai_quyet"]["ky_nay"] * 15 // 1000
    setv(d, "huy_sua.bi_huy", quashed - 66)  # (quashed)/resolved ≤ 1,5%
    setv(d, "hoa_giai_vien.thanh", 1430, 1307)  # 50% exactly, as last year
    movement(d, "trach_nhiem_ky_cuong", QUALITY_MOVEMENT)


def many_missed(d: Any) -> None:
    """Nearly every target missed (the list of missed targets said once, referred back)."""
    bad(d)
    setv(d, "an_dan_su.giai_quyet", 2000)
    setv(d, "an_hon_nhan_gia_dinh.giai_quyet", 3900)
    setv(d, "don_giam_doc_tham.giai_quyet", 20)
    totals(d)
    setv(d, "thoi_han.dung_han", 8000)


def pinned_false(d: Any) -> None:
    """The writer keeps a sentence the figures contradict (quashed below the maximum in a
    year above it) and has confirmed it: the writer wins, the opposite is not suggested."""
    setv(d, "huy_sua.bi_huy", 120, 52)
    d["noi_dung"]["III.1"] = [{"cau": "uu_diem.huy_sua_trong_chi_tieu"}]
    d["xac_nhan"]["uu_diem.huy_sua_trong_chi_tieu"] = {
        "ly_do": "Số liệu hủy, sửa còn chờ đối chiếu với Tòa án nhân dân cấp cao",
        "theo_so_lieu": {"huy_sua.bi_huy": [120, 52], "huy_sua.bi_sua": [66, 71], "tong_so.giai_quyet": [10224, 10039]},
    }


def unconfirmed(d: Any) -> None:
    """No confirmation at all: no sentence the figures cannot show is said."""
    d.pop("xac_nhan")


def denied(d: Any) -> None:
    """Some claims denied by the writer ({khong: true}): never suggested."""
    for claim in ("uu_diem.lanh_dao_quan_tam", "uu_diem.doan_ket_noi_bo", "han_che.chuyen_doi_so"):
        d["xac_nhan"][claim] = {"khong": True}


def next_year(d: Any) -> None:
    """The year 2025: this year's figures become the same period, new figures entered."""
    d["nam"] = 2025
    d["don_vi"]["ngay"] = d["don_vi"]["ngay"].replace(year=2025)
    for group in d["so_lieu"].values():
        for node in group.values():
            if isinstance(node, dict) and "cung_ky" in node:
                node["cung_ky"] = node["ky_nay"]
                node["ky_nay"] = node["ky_nay"] + max(1, node["ky_nay"] // 20)
                node.pop("nguyen_nhan", None)
    s = d["so_lieu"]
    for t in TYPES:
        s[t]["giai_quyet"]["ky_nay"] = min(s[t]["giai_quyet"]["ky_nay"], s[t]["thu_ly"]["ky_nay"])
    s["thi_hanh_an_phat_tu"]["da_ra_quyet_dinh"]["ky_nay"] = s["thi_hanh_an_phat_tu"]["phai_ra_quyet_dinh"]["ky_nay"]
    s["thoi_han"]["qua_han_con_lai"]["ky_nay"] = 0
    s["ty_le_khen"]["ca_nhan_khong_lanh_dao"]["ky_nay"] = 78
    s["ty_le_khen"]["tap_the_nho"]["ky_nay"] = 16
    s["ky_luat"]["tong"]["ky_nay"] = 2
    s["hoa_giai_vien"]["thanh"]["ky_nay"] = 2000
    s["hoa_giai_vien"]["nhan"]["ky_nay"] = 2900
    totals(d)
    on_time_all(d)
    d.pop("van_ban")
    d.pop("phong_trao")
    for sid in ("II.3", "II.6"):
        d["noi_dung"].pop(sid)


def small(d: Any) -> None:
    """A small district court: small numbers, few collectives, no discipline, the fund spent."""
    s = d["so_lieu"]
    s["to_chuc"].update({"bien_che_duoc_giao": 24, "hien_co": 21, "tham_phan": 7, "tham_tra_vien": 0, "thu_ky": 6})
    sizes = {
        "an_hinh_su": (96, 88, 90, 85),
        "an_dan_su": (140, 131, 120, 112),
        "an_hon_nhan_gia_dinh": (310, 322, 301, 310),
        "an_kinh_doanh_thuong_mai": (9, 7, 8, 6),
        "an_lao_dong": (2, 1, 2, 1),
        "an_hanh_chinh": (6, 4, 5, 3),
        "pha_san": (0, 0, 0, 0),
        "bien_phap_xu_ly_hanh_chinh": (41, 45, 41, 45),
    }
    for t, (a, b, c, e) in sizes.items():
        setv(d, f"{t}.thu_ly", a, b)
        setv(d, f"{t}.giai_quyet", c, e)
        for key in ("thu_ly", "giai_quyet"):
            s[t][key].pop("nguyen_nhan", None)
    totals(d)
    on_time_all(d)
    setv(d, "thoi_han.qua_han_con_lai", 0, 0)
    setv(d, "huy_sua.bi_huy", 2, 3)
    setv(d, "huy_sua.bi_sua", 3, 1)
    setv(d, "don_giam_doc_tham.thu_ly", 0, 0)
    setv(d, "don_giam_doc_tham.giai_quyet", 0, 0)
    setv(d, "hoa_giai_to_tung.hoa_giai_thanh", 120, 98)
    setv(d, "hoa_giai_to_tung.doi_thoai_thanh", 1, 0)
    setv(d, "phien_toa.truc_tuyen", 12, 4)
    setv(d, "phien_toa.rut_kinh_nghiem", 9, 8)
    setv(d, "cong_khai_ban_an.cong_bo", 402, 377)
    setv(d, "cong_khai_ban_an.de_xuat_an_le", 0, 0)
    setv(d, "tro_ly_ao.cau_hoi", 40, 0)
    setv(d, "tro_ly_ao.cau_tra_loi", 38, 0)
    setv(d, "thi_hanh_an_phat_tu.phai_ra_quyet_dinh", 61, 55)
    setv(d, "thi_hanh_an_phat_tu.da_ra_quyet_dinh", 61, 55)
    setv(d, "kiem_tra_nghiep_vu.cuoc_kiem_tra", 0, 1)
    setv(d, "kiem_tra_nghiep_vu.ho_so", 0, 40)
    setv(d, "hoa_giai_vien.so_hoa_giai_vien", 3, 3)
    setv(d, "hoa_giai_vien.bo_nhiem_moi", 0, 1)
    setv(d, "hoa_giai_vien.nhan", 150, 140)
    setv(d, "hoa_giai_vien.thanh", 96, 84)
    setv(d, "ky_luat.tong", 0, 0)
    s["ky_luat"].update({"khien_trach": 0, "canh_cao": 0})
    setv(d, "tu_thien.tien", 12500000, 9000000)
    setv(d, "tu_thien.hien_vat", 0, 0)
    for key in s["khen_tong_ket"]:
        s["khen_tong_ket"][key] = 0
    s["khen_tong_ket"].update({"chien_si_thi_dua_co_so": 3, "lao_dong_tien_tien": 18, "giay_khen": 4})
    for key in s["khen_trong_nam"]:
        s["khen_trong_nam"][key] = 0
    s["khen_trong_nam"]["giay_khen"] = 2
    setv(d, "ty_le_khen.ca_nhan", 7, 6)
    setv(d, "ty_le_khen.ca_nhan_khong_lanh_dao", 5, 4)
    setv(d, "ty_le_khen.tap_the", 1, 1)
    setv(d, "ty_le_khen.tap_the_nho", 0, 0)
    setv(d, "ty_le_khen.phat_hien", 1, 0)
    s["khen_dot_xuat"].update({"dot_xuat_tap_the": 0, "dot_xuat_ca_nhan": 1})
    s["khen_dot_xuat"].update({"chuyen_de_tap_the": 0, "chuyen_de_ca_nhan": 0})
    s["quy_thi_dua"].update({"trich_lap": 15000000, "su_dung": 15000000})
    s["dien_hinh"].update({"tap_the": 0, "ca_nhan": 2, "mo_hinh_moi": 0, "sang_kien": 1})
    drop_causes(d)
    unit = d["don_vi"]
    unit.update({"co_quan_chu_quan": "TÒA ÁN NHÂN DÂN TỈNH HOA SEN"})
    unit.update({"co_quan_ban_hanh": "TÒA ÁN NHÂN DÂN HUYỆN SEN HỒNG"})
    unit.update({"ten": "Tòa án nhân dân huyện Sen Hồng", "ten_ngan": "Tòa án huyện", "dia_danh": "Sen Hồng"})
    d["noi_dung"]["I"] = [
        {
            "van_ban": "Tòa án nhân dân huyện Sen Hồng có 21 cán bộ, công chức, trong đó có 07 Thẩm phán; "
            "Chi bộ Tòa án có 15 đảng viên; Công đoàn cơ sở và Chi đoàn hoạt động đúng điều lệ."
        }
    ]
    for sid in ("II.3", "II.6"):
        d["noi_dung"].pop(sid)
    d.pop("phong_trao")


SCENARIOS: dict[str, Callable[[Any], None]] = {
    "01_nam_tot": good,
    "02_nam_kem": bad,
    "03_hon_hop": mixed,
    "04_goc_bang_khong": zero,
    "05_bang_cung_ky": equal,
    "06_thieu_nguyen_nhan": no_causes,
    "07_thieu_so_lieu": missing,
    "08_ranh_gioi": boundaries,
    "09_da_so_chua_dat": many_missed,
    "10_giu_cau_trai_so_lieu": pinned_false,
    "11_chua_xac_nhan": unconfirmed,
    "12_phu_nhan": denied,
    "13_nam_2025": next_year,
    "14_don_vi_nho": small,
}


def _direction(node: Any) -> int:
    return (node["ky_nay"] > node["cung_ky"]) - (node["ky_nay"] < node["cung_ky"])


def stale_causes(data: Any, sample: Any) -> None:
    """Drop the sample's causes of the figures whose direction the scenario changed (a
    cause of an increase is no cause of a decrease)."""
    for gid, group in data.get("so_lieu", {}).items():
        for key, node in group.items():
            if not isinstance(node, dict) or "nguyen_nhan" not in node:
                continue
            before = sample["so_lieu"].get(gid, {}).get(key)
            if not isinstance(before, dict) or before.get("nguyen_nhan") != node["nguyen_nhan"]:
                continue  # the scenario's own cause
            if _direction(before) != _direction(node):
                node.pop("nguyen_nhan")


def build(name: str) -> str:
    text = SAMPLE.read_text(encoding="utf-8")
    data = parse_yaml(text, str(SAMPLE))
    SCENARIOS[name](data)
    stale_causes(data, parse_yaml(text, str(SAMPLE)))
    doc = SCENARIOS[name].__doc__ or ""
    header = f"# Kịch bản kiểm thử {name} (sinh từ tệp mẫu bằng tests/scenarios/build.py).\n"
    header += "".join(f"# {line.strip()}\n" for line in doc.strip().splitlines())
    return header + dump_yaml(data)


def main() -> None:
    for name in SCENARIOS:
        (HERE / f"{name}.yaml").write_text(build(name), encoding="utf-8")


if __name__ == "__main__":
    main()
