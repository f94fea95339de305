"""Text lint: the courts' writing conventions checked on any text.

Used by ``bank check`` on phrase texts and by ``check`` on what the writer typed and
on the composed report. Each finding is a short Vietnamese message.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from drafting.bank.terms import Terms

_NEW_TONE = re.compile(r"(?<![qQ])(?:[oO][àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸ]|[uU][ỳýỷỹỵỲÝỶỸỴ])(?!\w)")
_OLD_TONE = {
    "à": "ò",
    "á": "ó",
    "ả": "ỏ",
    "ã": "õ",
    "ạ": "ọ",
    "è": "ò",
    "é": "ó",
    "ẻ": "ỏ",
    "ẽ": "õ",
    "ẹ": "ọ",
}
_SPACE_BEFORE = re.compile(r"\s+([,.;:%!?)])")
_DOUBLE_SPACE = re.compile(r"\S  +\S")
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)


def strip_jinja(text: str) -> str:
    """Replace Jinja expressions by a neutral word so spacing rules still apply.

    >>> strip_jinja("tăng {{ x | so }} vụ")
    'tăng X vụ'
    """
    return _JINJA.sub("X", text)


def old_tone(word: str) -> str:
    """The courts' older tone placement of a word written the newer way.

    >>> old_tone("To\u00e0")  # written the newer way
    'Tòa'
    >>> old_tone("ho\u00e0")
    'hòa'
    >>> old_tone("thu\u00fd")
    'thúy'
    """
    out = list(word)
    for i in range(len(out) - 1):
        pair = out[i].lower(), out[i + 1].lower()
        if pair[0] == "o" and pair[1] in _OLD_TONE:
            mark = unicodedata.normalize("NFD", pair[1])[1:]
            base = "o" if out[i] == "o" else "O"
            out[i] = unicodedata.normalize("NFC", base + mark)
            out[i + 1] = "a" if pair[1] in "àáảãạ" else "e"
        elif pair[0] == "u" and pair[1] in "ỳýỷỹỵ":
            mark = unicodedata.normalize("NFD", pair[1])[1:]
            base = "u" if out[i] == "u" else "U"
            out[i] = unicodedata.normalize("NFC", base + mark)
            out[i + 1] = "y"
    return "".join(out)


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def lint_text(text: str, terms: Terms | None = None, template: bool = False) -> list[str]:
    """Every convention ``text`` breaks, as Vietnamese messages; ``terms`` are the terms of art
    that must not be varied (the bank's ``thuat_ngu.yaml``).

    >>> found = lint_text("To\u00e0 án đã ho\u00e0 giải thành .")
    >>> len(found), found[0].endswith("Tòa án viết “Tòa”"), found[1].endswith("viết “hòa”"), found[2]
    (3, True, True, 'có dấu cách trước dấu “.”')
    >>> lint_text("Danh hiệu \\"Chiến sỹ thi đua\\"")
    ['dùng ngoặc kép thẳng "…"; hãy dùng ngoặc kép “…”', 'viết “Chiến sỹ”; đúng là “Chiến sĩ”']
    >>> lint_text("Đạt {{ x | phan_tram }}.", template=True)
    []
    """
    found: list[str] = []
    if unicodedata.normalize("NFC", text) != text:
        found.append("văn bản chưa chuẩn hóa Unicode NFC (dấu tổ hợp)")
        text = unicodedata.normalize("NFC", text)
    plain = strip_jinja(text) if template else text
    for match in _NEW_TONE.finditer(plain):
        start = match.start()
        while start > 0 and plain[start - 1].isalpha():
            start -= 1
        word = plain[start : match.end()]
        found.append(f"viết “{word}” theo cách bỏ dấu mới; Tòa án viết “{old_tone(word)}”")
    for match in _SPACE_BEFORE.finditer(plain):
        found.append(f"có dấu cách trước dấu “{match.group(1)}”")
    if _DOUBLE_SPACE.search(plain):
        found.append("có hai dấu cách liền nhau")
    if '"' in plain:
        found.append('dùng ngoặc kép thẳng "…"; hãy dùng ngoặc kép “…”')
    if re.search(r"\bChiến sỹ\b", plain, re.I):
        found.append("viết “Chiến sỹ”; đúng là “Chiến sĩ”")
    for wrong, right in terms.misuses(plain) if terms is not None else ():
        found.append(f"thuật ngữ, tên gọi viết thống nhất: viết “{right}”, không viết “{wrong}”")
    if plain.count("(") != plain.count(")"):
        found.append("ngoặc đơn “(” và “)” không cân")
    if plain.count("“") != plain.count("”"):
        found.append("ngoặc kép “ và ” không cân")
    if _CONTROL.search(plain):
        found.append("có ký tự điều khiển không in được")
    return found
