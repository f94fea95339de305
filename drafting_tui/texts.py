"""Fixed texts of the editor: export formats, the keys help (field labels and list titles are
the schema's: ``bank.schema``, from ``phrasebank/tep_du_lieu.yaml``)."""

from __future__ import annotations

from pathlib import Path

GENERAL = "_chung"
"""The tree node of the unit information (not a section of the outline)."""

CSS_FILE = Path(__file__).with_name("tui.tcss")
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
            ("Ctrl+P", "Bảng lệnh: đi tới mục, tìm và chèn câu mẫu, lưu, xuất, kiểm tra"),
            ("F1 hoặc ?", "Trợ giúp (màn hình này)"),
            ("F2", "Hiện/ẩn dàn ý"),
            ("F3", "Hiện/ẩn xem trước"),
            ("F4", "Xem trước: mục đang soạn ↔ toàn bộ báo cáo"),
            ("F5", "Kiểm tra báo cáo"),
            ("F6", "Chuyển giữa dàn ý, nội dung soạn và xem trước"),
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
