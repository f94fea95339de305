"""The measures of Nghị định 30/2020, Phụ lục I, and the sizes one report is set in."""

from __future__ import annotations

from dataclasses import dataclass

from docx.shared import Cm, Length, Mm, Pt, Twips

from drafting.document import Layout

FONT_NAME = "Times New Roman"
LANGUAGE = "vi-VN"
BLACK = "000000"

PAGE_WIDTH = Twips(11906)  # 210 mm
PAGE_HEIGHT = Twips(16838)  # 297 mm
MARGIN_TOP = Mm(20)
MARGIN_BOTTOM = Mm(20)
MARGIN_LEFT = Mm(30)
MARGIN_RIGHT = Mm(15)
HEADER_DISTANCE = Mm(10)
FOOTER_DISTANCE = Mm(10)
TEXT_WIDTH = Mm(165)

FIRST_LINE_INDENT = Cm(1.27)
PARAGRAPH_SPACING = Pt(6)

# Header block: a borderless table as wide as the text.
HEADER_LEFT_WIDTH = Cm(6.8)
HEADER_RIGHT_WIDTH = Length(TEXT_WIDTH - HEADER_LEFT_WIDTH)
LAYOUT_CELL_MARGIN = Cm(0.1)
HEADER_BODY_SIZE = 13  # parent body, issuing body, "Số:"
NATIONAL_TITLE_SIZE = 12
MOTTO_SIZE = 13
RULE_WIDTH_EIGHTHS = 6  # 0.75 pt
RULE_GAP = 4  # points between a line of text and the rule under it
ISSUING_RULE_SHARE = 0.4  # of the issuing body's width: the decree asks 1/3 to 1/2

# Recipients and signature: a borderless table as wide as the text.
SIGN_LEFT_WIDTH = Cm(7.5)
SIGN_RIGHT_WIDTH = Length(TEXT_WIDTH - SIGN_LEFT_WIDTH)
RECIPIENTS_HEADING_SIZE = 12
RECIPIENT_SIZE = 11
SIGNATURE_BLANK_LINES = 4

# Data tables.
DATA_CELL_MARGIN = Cm(0.12)
CELL_SPACING = Pt(2)


@dataclass(frozen=True)
class Sizes:
    """The type sizes (points) and line spacing of one report, within the decree's bounds.

    >>> Sizes.of(Layout(body_size=12, line_spacing=2.0))
    Sizes(body=13, line=1.5, table=12)
    >>> Sizes.of(Layout(body_size=14, line_spacing=1.15))
    Sizes(body=14, line=1.15, table=13)
    """

    body: int
    line: float
    table: int

    @classmethod
    def of(cls, layout: Layout) -> Sizes:
        body = min(14, max(13, int(layout.body_size)))
        return cls(body, min(1.5, max(1.0, float(layout.line_spacing))), 13 if body >= 14 else 12)
