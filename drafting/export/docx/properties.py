"""The package's core properties: title, author, subject, language and the report's date.

Nothing of the machine or the user that wrote the file: no "last modified by", no
python-docx, no timestamps other than the report's own date (when it is complete).
"""

from __future__ import annotations

import datetime as dt
import re

import docx.document
from docx.opc.constants import RELATIONSHIP_TYPE

from drafting.document import Document, plain
from drafting.export.docx.layout import LANGUAGE
from drafting.export.docx.measure import clean_text

DATE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")
PROPERTY_LIMIT = 255  # characters a core property holds (python-docx refuses more)


def document_date(place_date: str) -> dt.datetime | None:
    """The date of the report from its place-and-date line, if it is complete.

    >>> document_date("Hà Nội, ngày 05 tháng 01 năm 2025")
    datetime.datetime(2025, 1, 5, 0, 0)
    >>> document_date("Hà Nội, ngày … tháng … năm 2025") is None
    True
    """
    match = DATE.search(place_date)
    if match is None:
        return None
    day, month, year = (int(group) for group in match.groups())
    try:
        return dt.datetime(year, month, day)
    except ValueError:
        return None


def property_text(text: str) -> str:
    """``text`` cleaned for XML and cut to what a core property holds, at a space, with "…".

    >>> property_text("Tòa án nhân dân")
    'Tòa án nhân dân'
    >>> property_text("Tòa án nhân dân khu vực " * 20)[-16:]
    'vực Tòa án nhân…'
    >>> len(property_text("x" * 300))
    255
    """
    text = clean_text(text)
    if len(text) <= PROPERTY_LIMIT:
        return text
    cut = text[: PROPERTY_LIMIT - 1]
    space = cut.rfind(" ")
    if space > PROPERTY_LIMIT // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:-–") + "…"


def set_properties(doc: docx.document.Document, source: Document) -> None:
    """Fill in the core properties of ``doc`` from ``source``."""
    props = doc.core_properties
    props.title = property_text(source.title)
    props.author = property_text(source.author)
    props.last_modified_by = ""
    props.comments = ""
    props.keywords = ""
    props.subject = property_text(source.header.summary)
    props.category = ""
    props.content_status = ""
    props.identifier = ""
    props.version = ""
    props.language = LANGUAGE
    props.revision = 1
    # The template's own timestamps go; the report's date, when complete, replaces them.
    core = doc.part.package.part_related_by(RELATIONSHIP_TYPE.CORE_PROPERTIES).element
    core.remove_all("dcterms:created", "dcterms:modified")
    when = document_date(plain(source.header.place_date))
    if when is not None:
        props.created = when
        props.modified = when
