"""Fixed texts of the editor: export formats, the keys help (field labels and list titles are
the schema's: ``bank.schema``, from ``phrasebank/tep_du_lieu.yaml``)."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

GENERAL = "_chung"
"""The tree node of the unit information (not a section of the outline)."""


def stylesheet() -> Path:
    """The application's stylesheet, read as package data (also from an installed wheel)."""
    return Path(str(files("drafting_tui").joinpath("tui.tcss")))


def paste_text(text: str, multiline: bool) -> str:
    r"""What a paste puts into a field: tabs become spaces; line breaks are kept in a field
    of several lines and become spaces in a one-line field (never the next fields).

    >>> paste_text("Số\t15\r\nngày 05/01", multiline=False)
    'Số 15 ngày 05/01'
    >>> paste_text("a\tb\r\nc\n", multiline=True)
    'a b\nc\n'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    if multiline:
        return text
    return " ".join(line.strip() for line in text.split("\n") if line.strip())


EXPAND_FIGURES = 16
"""A section with at most this many figures shows all its groups open."""
DETAILS_DELAY = 0.05
"""Seconds between showing the preview and updating the marks and the phrase list."""
NARROW = 100
WIDE = 120
"""Below this many columns, the outline and the preview collapse (F2, F3 show them)."""

EXPORT_FORMATS = (("docx", "Word (.docx)"), ("md", "Markdown (.md)"), ("pdf", "PDF (.pdf, cần LibreOffice)"))

KEYS_HELP: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        "Chung",
        (
            ("Ctrl+S", "Lưu bản nháp (lần đầu: chọn nơi lưu)"),
            ("Ctrl+E", "Xuất báo cáo (Word, Markdown, PDF)"),
            ("Ctrl+P", "Bảng lệnh: đi tới mục, tìm và chèn câu mẫu, báo cáo mới, lưu, xuất, kiểm tra"),
            ("F1 hoặc ?", "Trợ giúp (màn hình này)"),
            ("F2", "Hiện/ẩn dàn ý"),
            ("F3", "Hiện/ẩn xem trước"),
            ("F4", "Xem trước: mục đang soạn ↔ toàn bộ báo cáo"),
            ("F5", "Kiểm tra báo cáo"),
            ("F6", "Chuyển giữa dàn ý, nội dung soạn và xem trước"),
            ("F7", "Vì sao có từng đoạn của mục: nhận định, số liệu dùng (Enter: tới số liệu)"),
            ("Esc", "Về dàn ý (đóng hộp thoại khi đang mở)"),
            ("Ctrl+Q", "Thoát (hỏi trước nếu còn thay đổi chưa lưu)"),
            ("Ctrl+C", "Sao chép chữ đang chọn trong ô nhập"),
        ),
    ),
    (
        "Dàn ý",
        (
            ("↑ ↓", "Di chuyển giữa các mục"),
            ("Enter", "Mở mục để soạn (con trỏ sang khung soạn)"),
            ("← →", "Thu gọn, mở rộng mục"),
        ),
    ),
    (
        "Soạn nội dung",
        (
            ("Tab, Shift+Tab", "Sang ô tiếp theo, ô trước"),
            ("Số liệu", "Gõ kiểu Việt Nam: 1.234 (dấu chấm phân cách hàng nghìn), 12,5"),
            ("Ngày", "Gõ ngày/tháng/năm, ví dụ 06/5/2024"),
        ),
    ),
    (
        "Danh sách câu mẫu",
        (
            ("Space, Enter", "Chọn hoặc bỏ câu mẫu"),
            ("V", "Đổi cách viết (và ghim cách viết đó)"),
            ("G", "Ghim hoặc bỏ ghim cách viết đang dùng"),
            ("C", "Xác nhận (hoặc bỏ xác nhận) điều câu mẫu nói: câu trái với số liệu, câu cần bạn xác nhận"),
            ("[ hoặc Ctrl+↑", "Đưa lên trên"),
            ("] hoặc Ctrl+↓", "Đưa xuống dưới"),
        ),
    ),
    (
        "Hộp thoại",
        (
            ("Enter", "Đồng ý"),
            ("Esc", "Đóng, hủy"),
        ),
    ),
)

FOOTER_KEYS: tuple[tuple[str, str], ...] = (
    ("F1", "Trợ giúp"),
    ("^S", "Lưu"),
    ("^E", "Xuất"),
    ("F5", "Kiểm tra"),
    ("F2", "Dàn ý"),
    ("F3", "Xem trước"),
    ("^P", "Lệnh"),
    ("^Q", "Thoát"),
)
"""The keys the footer always shows, in this order (they fit in 80 columns)."""

HELP_INTRO = "\n".join(
    (
        "Cách soạn báo cáo",
        "1. Chọn một mục ở khung Dàn ý: ↑ ↓ rồi Enter. F2 hiện hoặc ẩn dàn ý. “Thông tin chung” là tên đơn vị, "
        "số và ngày văn bản, người ký, nơi nhận.",
        "2. Gõ vào các ô; Tab sang ô sau, Shift+Tab về ô trước. Số liệu gõ kiểu Việt Nam: 1.234. "
        "Nhóm số liệu đang đóng (▶): đưa con trỏ tới rồi nhấn Enter để mở.",
        "3. Ở “Câu mẫu gợi ý”: ↑ ↓ chọn câu, Space đưa vào hoặc bỏ ra. Dòng “Vì sao” cho biết câu được gợi ý "
        "theo số liệu nào. Câu “trái với số liệu” vẫn chọn được, nhưng bạn cần xác nhận (C); câu “cần bạn "
        "xác nhận” chỉ được gợi ý khi bạn xác nhận. Xác nhận được ghi vào tệp. Đoạn văn tự viết: “+ Thêm đoạn văn”.",
        "4. F3 xem trước mục đang soạn, F4 xem cả báo cáo, F7 cho biết vì sao có từng đoạn và số liệu nào "
        "làm ra nó. Ở dàn ý: ✓ đủ, ◐ còn thiếu, ○ chưa nhập.",
        "5. Ctrl+S lưu tệp (lần đầu: gõ tên tệp). F5 kiểm tra: chọn một dòng, Enter để tới chỗ cần sửa.",
        "6. Ctrl+E xuất báo cáo ra Word; những chỗ còn thiếu được liệt kê trước khi xuất.",
        "Thay đổi được tự lưu vào một bản phụ sau vài giây; mở lại tệp sẽ được hỏi có khôi phục không.",
    )
)
"""The first part of F1: how to write a report, for a writer who has read nothing else."""
