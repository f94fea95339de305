"""``drafting new``: a fresh data file with every field of the catalogue, commented."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

from drafting.bank.bank import Bank
from drafting.bank.sandbox import render
from drafting.composition.context import year_context
from drafting.files import atomic

UNIT_FIELDS = (
    ("co_quan_chu_quan", "tên cơ quan chủ quản, chữ in hoa (ví dụ: TÒA ÁN NHÂN DÂN TỐI CAO)"),
    ("co_quan_ban_hanh", "tên cơ quan ban hành báo cáo, chữ in hoa (ví dụ: TÒA ÁN NHÂN DÂN TỈNH …)"),
    ("ten", "tên đơn vị viết thường, dùng trong câu văn (ví dụ: Tòa án nhân dân tỉnh …)"),
    ("ten_ngan", "tên gọi ngắn (ví dụ: Tòa án tỉnh)"),
    ("dia_danh", "địa danh ghi ở dòng ngày tháng (ví dụ: Hà Nội)"),
    ("so", "số văn bản (số nhỏ hơn 10 tự thêm số 0: 05)"),
    ("ky_hieu", "ký hiệu văn bản (ví dụ: BC-TA)"),
    ("ngay", "ngày ban hành, dạng NĂM-THÁNG-NGÀY (ví dụ: 2025-01-05)"),
    ("tham_quyen_ky", "thẩm quyền ký (ví dụ: KT. CHÁNH ÁN; để trống nếu Chánh án ký)"),
    ("chuc_vu_nguoi_ky", "chức vụ người ký (ví dụ: PHÓ CHÁNH ÁN)"),
    ("nguoi_ky", "họ và tên người ký, không ghi học hàm, học vị"),
)


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def skeleton_text(year: int, bank: Bank) -> str:
    """The text of a new data file for ``year``."""
    catalogue, outline = bank.catalogue, bank.outline
    years = year_context(year)
    lines = [
        f"# Tệp dữ liệu Báo cáo tổng kết công tác thi đua, khen thưởng năm {year}.",
        "# Điền số liệu sau dấu “:”; số ghi liền không dấu phân cách (1234), ngày ghi 2025-01-05.",
        "# Tỷ lệ do công cụ tự tính. Kiểm tra bằng: drafting check TÊN_TỆP",
        "",
        "# Năm báo cáo.",
        f"nam: {year}",
        "",
        "# Thông tin đơn vị và thể thức văn bản (Nghị định số 30/2020/NĐ-CP).",
        "don_vi:",
    ]
    for key, comment in UNIT_FIELDS:
        lines.append(f"  # {comment[:1].upper() + comment[1:]}.")
        lines.append(f"  {key}:" + (' "BC-TA"' if key == "ky_hieu" else ""))
    lines += [
        "  # Nơi nhận: mỗi dòng một nơi, không cần gạch đầu dòng; dòng cuối là nơi lưu.",
        "  noi_nhan:",
        '    - "Lưu: VT, TĐKT."',
        "",
        "# Tùy chọn trình bày.",
        "tuy_chon:",
        "  # Cỡ chữ phần nội dung: 13 hoặc 14.",
        "  co_chu: 14",
        "  # Giãn dòng: từ 1 (dòng đơn) đến 1.5.",
        "  gian_dong: 1.15",
        "  # Thêm số 0 trước số đếm nhỏ hơn 10 (“07 đơn vị”): true hoặc false.",
        "  so_0_dau: true",
        "  # Viết số tiền gọn (“150 triệu đồng”): true hoặc false.",
        "  tien_gon: false",
        "  # Hạt giống chọn cách viết câu mẫu; đổi số để có cách diễn đạt khác.",
        f"  hat_giong: {year}",
        "",
        "# Chỉ tiêu năm nay, nếu khác mặc định (phần trăm), ví dụ:",
        "# chi_tieu:",
        "#   giai_quyet_hinh_su: 90",
        "",
        "# Số liệu. Chỉ số so sánh với cùng kỳ ghi ba khóa:",
        f"#   ky_nay (năm {year}), cung_ky (cùng kỳ năm {year - 1}), nguyen_nhan (nguyên nhân tăng, giảm).",
        "so_lieu:",
    ]
    for group in catalogue.groups:
        lines.append(f"  # {render(group.title, years)} (mục {group.section}).")
        lines.append(f"  {group.id}:")
        for figure in group.figures:
            if not figure.entered:
                lines.append(f"    # {figure.key}: {figure.label} – tự tính, không nhập.")
                continue
            unit = f" ({figure.unit})" if figure.unit else ""
            if figure.compared:
                lines.append(f"    {figure.key}:  # {figure.label}{unit}")
                lines.append("      ky_nay:")
                lines.append("      cung_ky:")
                lines.append('      nguyen_nhan: ""')
            else:
                lines.append(f"    {figure.key}:  # {figure.label}{unit}")
    lines += [
        "",
        "# Văn bản đã quán triệt (loai: quan_triet) và đã ban hành (loai: ban_hanh), mục II.1.",
        "van_ban: []",
        "#  - loai: ban_hanh",
        '#    so: "01/KH-TA"',
        f"#    ngay: {year}-01-10",
        f"#    trich_yeu: Kế hoạch phát động phong trào thi đua năm {year}",
        "",
        "# Kết quả thực hiện các phong trào thi đua (mục II.2). Phong trào tự thêm: ten, nhom (a hoặc b), ket_qua.",
        "phong_trao:",
    ]
    for movement in outline.movements:
        lines.append(f"  # Phong trào “{render(movement.name, years)}” (mục II.2.{movement.group}).")
        lines.append(f"  - id: {movement.id}")
        lines.append('    ket_qua: ""')
    lines += [
        "",
        "# Nội dung từng mục: câu mẫu đã chọn ({cau: mã, cach_viet: số}) và đoạn văn tự viết ({van_ban: …}),",
        "# theo đúng thứ tự muốn trình bày. Mục để trống: công cụ gợi ý câu mẫu theo số liệu.",
        "noi_dung:",
    ]
    for section in outline.sections:
        if outline.is_leaf(section.id):
            lines.append(f"  # {section.number} {render(section.heading, years)}")
            lines.append(f"  {_q(section.id)}: []")
    return "\n".join(lines) + "\n"


def write_skeleton(path: Path, bank: Bank, year: int | None = None) -> None:
    """Write a new data file (atomically)."""
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        from drafting.errors import OutputError

        raise OutputError(f"{path}: thư mục “{parent}” không tồn tại")
    atomic.write_text(path, skeleton_text(year or datetime.date.today().year, bank))
