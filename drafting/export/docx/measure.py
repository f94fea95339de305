"""Text for WordprocessingML: cleaning, estimated widths, and names balanced over two lines."""

from __future__ import annotations

import re
import unicodedata
from itertools import accumulate

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def clean_text(text: str) -> str:
    """Text safe for WordprocessingML: NFC, without characters XML forbids.

    Tabs and line breaks stay (they become ``w:tab`` and ``w:br``); so do lone
    surrogates' neighbours, the surrogates themselves are dropped.

    >>> clean_text("Tòa\\x00 án\\x1b\\tnhân dân")
    'Tòa án\\tnhân dân'
    >>> clean_text("Ho\\u0300a") == "Hòa"
    True
    >>> clean_text("Tòa\\ud800 án")
    'Tòa án'
    """
    return unicodedata.normalize("NFC", _XML_INVALID.sub("", text))


def _widths(spec: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for item in spec.split():
        chars, _, width = item.rpartition("=")
        for char in chars:
            out[char] = int(width)
    return out


# Advance widths of Times (Adobe AFM, 1/1000 em); Times New Roman and Liberation
# Serif share them closely enough to size rules and table columns.
_ROMAN = _widths(
    "ADGHKNOQUVXY=722 BCR=667 ELTZ=611 FPS=556 I=333 J=389 M=889 W=944"
    " acez=444 bdghknopquvxy=500 fr=333 ijlt=278 m=778 s=389 w=722"
    " 0123456789=500 ,.=250 :;/=278 -()[]!'=333 %=833 &=778 ?=444 \"=408 +<>=564"
    " …—=1000 –=500 “”=444"
)
_BOLD = _widths(
    "ACDNRUVXY=722 BELTZ=667 FP=611 GHKOQ=778 I=389 J=500 M=944 S=556 W=1000"
    " bdhknpqu=556 agovxy=500 cerz=444 fjt=333 il=278 m=833 s=389 w=722"
    " 0123456789=500 ,.=250 '/=278 :;-()[]!=333 %=1000 &=833 ?=500 \"=555 +<>=570"
    " …—=1000 –=500 “”=500"
)
_SPACE = 250
_UNKNOWN = 500
_HORN = 60  # Ơ, Ư and their lower case are a little wider than O and U

# Width of each character met so far, in 1/1000 em: roman, bold.
_CHAR_UNITS: tuple[dict[str, int], dict[str, int]] = ({}, {})


def _char_units(char: str, bold: bool) -> int:
    if char == " ":
        return _SPACE
    table = _BOLD if bold else _ROMAN
    decomposed = unicodedata.normalize("NFD", char)
    base = decomposed[0]
    if char in "Đđ":
        base = "D" if char == "Đ" else "d"
    units = table.get(base, _UNKNOWN)
    if "\u031b" in decomposed:
        units += _HORN
    return units


def _units(text: str, bold: bool) -> int:
    """The width of ``text`` in 1/1000 em."""
    known = _CHAR_UNITS[1 if bold else 0]
    total = 0
    for char in text:
        units = known.get(char)
        if units is None:
            units = known[char] = _char_units(char, bold)
        total += units
    return total


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Estimated printed width of one line of ``text`` in Times, in points.

    >>> round(text_width("Độc lập - Tự do - Hạnh phúc", 13, bold=True))
    159
    >>> text_width("", 13)
    0.0
    """
    return _units(text, bold) * size / 1000


def balanced_lines(text: str, size: float, bold: bool, max_width: float) -> list[str]:
    """Split ``text`` at a space into two lines of similar width when it is too wide.

    Explicit line breaks in ``text`` are kept; a part that fits stays whole. The split
    is where the wider of the two lines is narrowest (the first such space), found in
    one pass over the words' widths: linear in the length of the text.

    >>> balanced_lines("TÒA ÁN NHÂN DÂN TỈNH QUẢNG NINH", 13, True, 170)
    ['TÒA ÁN NHÂN DÂN', 'TỈNH QUẢNG NINH']
    >>> balanced_lines("TÒA ÁN NHÂN DÂN", 13, True, 170)
    ['TÒA ÁN NHÂN DÂN']
    """
    lines: list[str] = []
    for part in text.splitlines() or [""]:
        words = part.split()
        part = " ".join(words)
        # A little slack: real font metrics and kerning differ from the estimate.
        if text_width(part, size, bold) <= 0.96 * max_width or len(words) < 2:
            lines.append(part)
            continue
        # Widths are sums of whole units, so comparing them in units is exact.
        widths = [_units(word, bold) for word in words]
        before = list(accumulate(widths))  # before[i - 1]: words[:i] without the spaces between
        total = before[-1]
        best, best_wider = 1, -1
        for i in range(1, len(words)):
            left = before[i - 1] + (i - 1) * _SPACE
            right = total - before[i - 1] + (len(words) - i - 1) * _SPACE
            wider = max(left, right)
            if best_wider < 0 or wider < best_wider:
                best, best_wider = i, wider
        lines.extend([" ".join(words[:best]), " ".join(words[best:])])
    return lines
