"""A realistic, multi-page report built by hand for the layout tests.

It does not go through composition: the exporters are tested on a document model
that exercises every layout rule (headings I. / 1. / a), long paragraphs, a
placeholder, a table, recipients and a "KT." signature).
"""

from __future__ import annotations

from drafting.document import (
    Document,
    Header,
    Layout,
    Paragraph,
    Section,
    Signature,
    Table,
)

PARENT_BODY = "TÒA ÁN NHÂN DÂN TỐI CAO"
ISSUING_BODY = "TÒA ÁN NHÂN DÂN TỈNH QUẢNG NINH"
NUMBER_LINE = "Số: 15/BC-TA"
PLACE_DATE = "Quảng Ninh, ngày 05 tháng 01 năm 2025"
SUMMARY = "Tổng kết công tác thi đua, khen thưởng năm 2024"
PLACEHOLDER = "[Chưa nhập: tình hình tổ chức bộ máy, biên chế của đơn vị]"
LAST_SENTENCE = (
    "Trên đây là Báo cáo tổng kết công tác thi đua, khen thưởng năm 2024 của Tòa án"
    " nhân dân tỉnh Quảng Ninh."
)
RECIPIENTS = (
    "Như trên;",
    "- Tòa án nhân dân tối cao (Vụ Thi đua - Khen thưởng)",
    "- Chánh án, các Phó Chánh án;",
    "- Lưu: VT, TĐKT.",
)

_LONG = (
    "Năm 2024, trong bối cảnh số lượng vụ việc thụ lý tiếp tục tăng, tính chất ngày"
    " càng phức tạp, được sự quan tâm lãnh đạo, chỉ đạo sát sao của Tòa án nhân dân"
    " tối cao, Tỉnh ủy và sự phối hợp chặt chẽ của các cơ quan tư pháp cùng cấp, tập"
    " thể cán bộ, công chức, người lao động Tòa án nhân dân hai cấp tỉnh Quảng Ninh đã"
    " đoàn kết, nỗ lực khắc phục khó khăn, hoàn thành tốt các chỉ tiêu, nhiệm vụ được"
    " giao; phong trào thi đua “Vì công lý” được triển khai sâu rộng, thiết thực."
)
_FIGURES = (
    "Tổng số vụ việc đã thụ lý là 1.380 vụ, việc; đã giải quyết 1.181/1.380 vụ, việc,"
    " đạt tỷ lệ 85,58%, tăng 134 vụ (tăng 12,18%) so với cùng kỳ năm 2023. Tỷ lệ bản"
    " án, quyết định bị hủy, sửa do nguyên nhân chủ quan là 0,77%, thấp hơn chỉ tiêu"
    " 1,5% của Chánh án Tòa án nhân dân tối cao; không có vụ án nào quá thời hạn luật"
    " định do nguyên nhân chủ quan."
)
_AWARDS = (
    "Kết quả khen thưởng năm 2024: 01 tập thể được tặng Cờ thi đua của Tòa án nhân"
    " dân; 03 tập thể được công nhận danh hiệu “Tập thể lao động xuất sắc”; 02 cá nhân"
    " được tặng Bằng khen của Chánh án Tòa án nhân dân tối cao; 07 cá nhân đạt danh"
    " hiệu “Chiến sĩ thi đua cơ sở”; tỷ lệ khen thưởng cá nhân không giữ chức vụ lãnh"
    " đạo, quản lý đạt 64,29%, cao hơn cùng kỳ năm 2023."
)

FIGURE_TABLE = Table(
    header=("Loại vụ việc", "Thụ lý", "Giải quyết", "Tỷ lệ", "Cùng kỳ 2023"),
    rows=(
        ("Án hình sự", "412", "398", "96,60%", "95,10%"),
        ("Án dân sự", "503", "421", "83,70%", "82,90%"),
        ("Án hôn nhân và gia đình", "301", "262", "87,04%", "86,20%"),
        ("Án kinh doanh, thương mại", "74", "52", "70,27%", "71,00%"),
        ("Án hành chính", "90", "48", "53,33%", "58,10%"),
        ("Tổng cộng", "1.380", "1.181", "85,58%", "84,20%"),
    ),
    caption="Bảng 1. Kết quả giải quyết các loại vụ việc năm 2024",
)


def make_document(body_size: int = 14, line_spacing: float = 1.15) -> Document:
    """The fixture report: four Roman sections, sub-levels, a table, 3+ pages."""
    section_i = Section(
        id="I",
        number="I.",
        heading="Đặc điểm tình hình",
        level=1,
        blocks=(Paragraph(_LONG), Paragraph(PLACEHOLDER, placeholder=True)),
    )
    section_ii = Section(
        id="II",
        number="II.",
        heading="Kết quả thực hiện",
        level=1,
        children=(
            Section(
                id="II.1",
                number="1.",
                heading="Công tác lãnh đạo, chỉ đạo thực hiện công tác thi đua, khen thưởng",
                level=2,
                blocks=(Paragraph(_LONG), Paragraph(_LONG)),
            ),
            Section(
                id="II.2",
                number="2.",
                heading="Tổ chức, triển khai thực hiện phong trào thi đua",
                level=2,
                children=(
                    Section(
                        id="II.2.a",
                        number="a)",
                        heading="Phong trào thi đua của Tòa án nhân dân",
                        level=3,
                        blocks=(Paragraph(_LONG),),
                    ),
                    Section(
                        id="II.2.b",
                        number="b)",
                        heading="Kết quả thực hiện các phong trào thi đua do Thủ tướng"
                        " Chính phủ phát động",
                        level=3,
                        blocks=(Paragraph(_LONG),),
                    ),
                ),
            ),
            Section(
                id="II.3",
                number="3.",
                heading="Kết quả thực hiện các chỉ tiêu thi đua về chuyên môn nghiệp vụ",
                level=2,
                blocks=(Paragraph(_FIGURES), FIGURE_TABLE, Paragraph(_FIGURES)),
            ),
            Section(
                id="II.4",
                number="4.",
                heading="Công tác khen thưởng",
                level=2,
                blocks=(Paragraph(_AWARDS),),
            ),
        ),
    )
    section_iii = Section(
        id="III",
        number="III.",
        heading="Đánh giá chung",
        level=1,
        children=(
            Section(
                id="III.1", number="1.", heading="Ưu điểm", level=2, blocks=(Paragraph(_LONG),)
            ),
            Section(
                id="III.2",
                number="2.",
                heading="Tồn tại, hạn chế",
                level=2,
                blocks=(Paragraph(_FIGURES),),
            ),
        ),
    )
    section_iv = Section(
        id="IV",
        number="IV.",
        heading="Phương hướng nhiệm vụ năm 2025",
        level=1,
        children=(
            Section(
                id="IV.1",
                number="1.",
                heading="Các nhiệm vụ trọng tâm công tác thi đua, khen thưởng năm 2025",
                level=2,
                blocks=(Paragraph(_LONG),),
            ),
            Section(
                id="IV.3",
                number="3.",
                heading="Kiến nghị, đề xuất",
                level=2,
                blocks=(Paragraph(_AWARDS), Paragraph(LAST_SENTENCE)),
            ),
        ),
    )
    return Document(
        header=Header(
            parent_body=PARENT_BODY,
            issuing_body=ISSUING_BODY,
            number_line=NUMBER_LINE,
            place_date=PLACE_DATE,
            summary=SUMMARY,
        ),
        sections=(section_i, section_ii, section_iii, section_iv),
        signature=Signature(authority="KT. CHÁNH ÁN", title="PHÓ CHÁNH ÁN", name="Nguyễn Văn An"),
        recipients=RECIPIENTS,
        layout=Layout(body_size=body_size, line_spacing=line_spacing),
        title="Báo cáo tổng kết công tác thi đua, khen thưởng năm 2024",
        author="Tòa án nhân dân tỉnh Quảng Ninh",
    )


def make_document_with_annex() -> Document:
    """The fixture with one annex holding a table."""
    from dataclasses import replace

    annex = Section(
        id="PL1",
        number="1",
        heading="Số liệu giải quyết các loại vụ việc",
        level=1,
        blocks=(FIGURE_TABLE,),
    )
    return replace(make_document(), annexes=(annex,))
