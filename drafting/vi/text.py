"""Vietnamese text conventions: document numbers, enumerations, quotation marks.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def upper_first(text: str) -> str:
    """A sentence's first letter in capitals (a phrase may start with a name that is
    lower case where no value was entered: “đơn vị”).

    >>> upper_first("đơn vị là cơ quan xét xử")
    'Đơn vị là cơ quan xét xử'
    >>> upper_first("- các văn bản")
    '- các văn bản'
    """
    return text[:1].upper() + text[1:] if text[:1].isalpha() else text


def format_doc_number(number: int | str, symbol: str) -> str:
    """The "Số: …" line: numbers below 10 take a leading zero.

    A string number is used as given (stripped). An empty string leaves a blank for
    the clerk to fill in when the document is registered ("Số:      /BC-TA").

    >>> format_doc_number(5, "BC-TA")
    'Số: 05/BC-TA'
    >>> format_doc_number(15, "BC-TA")
    'Số: 15/BC-TA'
    >>> format_doc_number(" 07a ", "BC-TA")
    'Số: 07a/BC-TA'
    >>> format_doc_number("7", "BC-TA")
    'Số: 07/BC-TA'
    >>> format_doc_number("", "BC-TA")
    'Số:      /BC-TA'
    """
    symbol = (symbol or "").strip().lstrip("/").strip()
    if not symbol:
        raise ValueError("thiếu ký hiệu văn bản (ví dụ “BC-TA”)")
    if isinstance(number, str):
        text = number.strip()
        if not text:
            return nfc(f"Số:      /{symbol}")
        if text.isdigit() and 0 < int(text) < 10:
            text = f"{int(text):02d}"
    elif isinstance(number, int) and not isinstance(number, bool):
        if number <= 0:
            raise ValueError(f"số văn bản phải là số nguyên dương, không phải {number}")
        text = f"{number:02d}"
    else:
        raise TypeError(f"số văn bản phải là số nguyên hoặc chuỗi, không phải {number!r}")
    return nfc(f"Số: {text}/{symbol}")


def join_vi(items: Sequence[str], conjunction: str = "và") -> str:
    """Join items as a Vietnamese enumeration: "A, B và C" (no comma before "và").

    Blank items are skipped; a single string is treated as one item.

    >>> join_vi([])
    ''
    >>> join_vi(["A"])
    'A'
    >>> join_vi(["A", "B"])
    'A và B'
    >>> join_vi(["A", "B", "C"])
    'A, B và C'
    >>> join_vi(["A", "B", "C"], "hoặc")
    'A, B hoặc C'
    """
    if isinstance(items, str):
        items = [items]
    parts = [str(item).strip() for item in items if item is not None and str(item).strip()]
    if not parts:
        return ""
    if len(parts) == 1:
        return nfc(parts[0])
    conjunction = conjunction.strip() or "và"
    return nfc(f"{', '.join(parts[:-1])} {conjunction} {parts[-1]}")


def quote(text: str) -> str:
    """Put curly quotation marks around a name or title: “…”.

    Text already in curly quotes is left alone; straight quotes are replaced; empty
    text gives "".

    >>> quote("Tập thể lao động xuất sắc")
    '“Tập thể lao động xuất sắc”'
    >>> quote("“Vì công lý”")
    '“Vì công lý”'
    >>> quote('"Vì công lý"')
    '“Vì công lý”'
    """
    text = (text or "").strip()
    if len(text) >= 2 and text[0] == text[-1] == '"':
        text = text[1:-1].strip()
    if not text:
        return ""
    if text.startswith("“") and text.endswith("”") and len(text) >= 2:
        return nfc(text)
    return nfc(f"“{text}”")
