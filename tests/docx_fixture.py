"""A realistic, multi-page report built by hand for the layout tests.

It does not go through composition: the exporters are tested on a document model
that exercises every layout rule (headings I. / 1. / a), long paragraphs, a
placeholder, a table, recipients and a "KT." signature).

:class:`Case` pairs a document with the texts its renderings must show; ``CASES``
holds the fixture (expected texts written out) and the bundled sample, composed
from ``examples/bao-cao-mau-2024.yaml`` as the CLI does (expected texts read from
the composed document).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

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
    "Trên đây là Báo cáo tổng kết công tác thi đua, khen thưởng năm 2024 của Tòa án nhân dân tỉnh Quảng Ninh."
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
                        heading="Kết quả thực hiện các phong trào thi đua do Thủ tướng Chính phủ phát động",
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
            Section(id="III.1", number="1.", heading="Ưu điểm", level=2, blocks=(Paragraph(_LONG),)),
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


# -- cases: the fixture and the bundled sample, with what each must print ------------------

SAMPLE_PATH = Path(__file__).resolve().parent.parent / "examples" / "bao-cao-mau-2024.yaml"


@dataclass(frozen=True)
class Case:
    """A document and the texts its Word and PDF renderings must show.

    ``headings`` maps a level (1 for "I.", 2 for "1.", 3 for "a)") to the heading
    lines as printed, in document order; ``placeholders`` are the whole-paragraph
    placeholders; ``tables`` are the data tables of the body, in order;
    ``recipients`` are the entries as printed; ``created`` is the ISO date of the
    report.
    """

    name: str
    document: Document
    parent_body: str
    issuing_body: str
    number_line: str
    place_date: str
    summary: str
    headings: dict[int, tuple[str, ...]]
    placeholders: tuple[str, ...]
    last_sentence: str
    recipients: tuple[str, ...]
    signature: tuple[str, str, str]
    tables: tuple[Table, ...]
    title: str
    author: str
    created: str

    @property
    def body_size(self) -> int:
        return self.document.layout.body_size

    @property
    def closing(self) -> str:
        """The last body paragraph as printed, its full stop merged into "./."."""
        return self.last_sentence.removesuffix(".") + "./."


def fixture_case() -> Case:
    """The hand-built fixture, every expected text written out."""
    return Case(
        name="fixture",
        document=make_document(),
        parent_body=PARENT_BODY,
        issuing_body=ISSUING_BODY,
        number_line=NUMBER_LINE,
        place_date=PLACE_DATE,
        summary=SUMMARY,
        headings={
            1: (
                "I. ĐẶC ĐIỂM TÌNH HÌNH",
                "II. KẾT QUẢ THỰC HIỆN",
                "III. ĐÁNH GIÁ CHUNG",
                "IV. PHƯƠNG HƯỚNG NHIỆM VỤ NĂM 2025",
            ),
            2: (
                "1. Công tác lãnh đạo, chỉ đạo thực hiện công tác thi đua, khen thưởng",
                "2. Tổ chức, triển khai thực hiện phong trào thi đua",
                "3. Kết quả thực hiện các chỉ tiêu thi đua về chuyên môn nghiệp vụ",
                "4. Công tác khen thưởng",
                "1. Ưu điểm",
                "2. Tồn tại, hạn chế",
                "1. Các nhiệm vụ trọng tâm công tác thi đua, khen thưởng năm 2025",
                "3. Kiến nghị, đề xuất",
            ),
            3: (
                "a) Phong trào thi đua của Tòa án nhân dân",
                "b) Kết quả thực hiện các phong trào thi đua do Thủ tướng Chính phủ phát động",
            ),
        },
        placeholders=(PLACEHOLDER,),
        last_sentence=LAST_SENTENCE,
        recipients=(
            "- Như trên;",
            "- Tòa án nhân dân tối cao (Vụ Thi đua - Khen thưởng);",
            "- Chánh án, các Phó Chánh án;",
            "- Lưu: VT, TĐKT.",
        ),
        signature=("KT. CHÁNH ÁN", "PHÓ CHÁNH ÁN", "Nguyễn Văn An"),
        tables=(FIGURE_TABLE,),
        title="Báo cáo tổng kết công tác thi đua, khen thưởng năm 2024",
        author="Tòa án nhân dân tỉnh Quảng Ninh",
        created="2025-01-05",
    )


def compose_sample(text: str | None = None) -> Document:
    """The bundled sample composed as the CLI does, or an edited copy of its text."""
    from drafting.composition.composer import compose
    from drafting.datafile.validate import load_report, parse_report

    if text is None:
        return compose(load_report(SAMPLE_PATH))
    return compose(parse_report(text, SAMPLE_PATH.name))


def case_from_document(name: str, document: Document, created: str) -> Case:
    """A case whose expected texts are read from the composed document itself."""
    sections = document.walk()
    headings: dict[int, tuple[str, ...]] = {}
    for level in (1, 2, 3):
        titles = (" ".join(s.title.split()) for s in sections if s.level == level)
        headings[level] = tuple(t.upper() if level == 1 else t for t in titles)
    blocks = [b for s in sections for b in s.blocks]
    last = sections[-1].blocks[-1]
    assert isinstance(last, Paragraph), "the sample ends with a paragraph"
    header, signature = document.header, document.signature
    return Case(
        name=name,
        document=document,
        parent_body=header.parent_body,
        issuing_body=header.issuing_body,
        number_line=header.number_line,
        place_date=header.place_date,
        summary=header.summary,
        headings=headings,
        placeholders=tuple(b.text for b in blocks if isinstance(b, Paragraph) and b.placeholder),
        last_sentence=last.text,
        recipients=document.recipients,
        signature=(signature.authority, signature.title, signature.name),
        tables=tuple(b for b in blocks if isinstance(b, Table)),
        title=document.title,
        author=document.author,
        created=created,
    )


@lru_cache(maxsize=1)
def sample_case() -> Case:
    """The bundled sample, as ``drafting`` composes it."""
    from drafting.datafile.validate import load_report

    created = load_report(SAMPLE_PATH).unit.date
    assert created is not None, "the sample has a date"
    return case_from_document("sample", compose_sample(), created.isoformat())


CASES: dict[str, Callable[[], Case]] = {"fixture": fixture_case, "sample": sample_case}
