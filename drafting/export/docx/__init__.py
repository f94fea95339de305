"""Word export laid out by Nghị định 30/2020/NĐ-CP, Phụ lục I.

:func:`build_docx` turns a composed :class:`~drafting.document.Document` into a
python-docx document, :func:`docx_bytes` into the bytes of a .docx file, and
:func:`write_docx` writes it atomically. Every rule of the decree's layout appendix is
applied here, in one place:

- A4 portrait; margins top 20 mm, bottom 20 mm, left 30 mm, right 15 mm.
- Times New Roman in every script slot (ascii, hAnsi, cs, eastAsia) of the
  document defaults, of every style and of every run, black, language vi-VN, so
  no Vietnamese glyph falls back to another font.
- The header block as a borderless two-column table: parent body (not bold) and
  issuing body (bold) with a short rule under it, "Số: …" under them; Quốc hiệu
  and Tiêu ngữ (with a rule as long as the text) on the right, the italic place
  and date on the same row as "Số:".
- "BÁO CÁO", the summary line and a short rule; headings I. / 1. / a);
  justified body with a first-line indent; tables with single borders and a
  header row repeated on every page; "./." at the end of the body.
- The recipients ("Nơi nhận:") and the signature side by side; annexes on new
  pages; page numbers centred in the top margin from page 2 on.

What the document says is decided before: the gaps ("[Chưa nhập: …]", highlighted
here), the recipients as printed and where "./." goes come from
:mod:`drafting.document`. Text is normalised to Unicode NFC and stripped of
characters that XML forbids, so Word opens the file without a repair prompt.

Modules: ``layout`` (the decree's measures), ``measure`` (cleaning, widths, balanced
lines), ``elements`` (paragraph, run and table pieces), ``styles`` (the blank
document: page, styles, page numbers), ``header``, ``body``, ``tables``,
``signature``, ``annex``, ``properties``, ``writer``.
"""

from drafting.export.docx.layout import FONT_NAME
from drafting.export.docx.measure import clean_text, text_width
from drafting.export.docx.writer import build_docx, docx_bytes, write_docx

__all__ = ["FONT_NAME", "build_docx", "clean_text", "docx_bytes", "text_width", "write_docx"]
