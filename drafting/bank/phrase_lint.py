"""What ``bank check`` says about one phrase's variants, beyond what loading refuses.

Loading refuses what cannot work (:mod:`drafting.bank.phrases`), here too: a filter
applied to a value of the wrong kind (:func:`filter_problems`: ``dem`` on text fails at
render). ``bank check`` adds what works but breaks the guide's rules
(:func:`lint_variants`): a phrase filed in another section's file, fewer than
:data:`MIN_VARIANTS` variants, variants that are the same once case, spacing and
punctuation are ignored, variants opening with the same words, a hard-coded year, a
sentence over :data:`MAX_SENTENCE_WORDS` words. Each message names the variant and says
what to do.

>>> filter_problems("Đơn vị {{ don_vi.ten | dem('vụ') }}")
['bộ lọc “dem” cần một số, nhưng “don_vi.ten” là văn bản (tên đơn vị); bỏ bộ lọc: {{ don_vi.ten }}']
>>> hard_coded_years("Trong năm 2024, theo Thông tư số 01/2024/TT-TANDTC ngày 11/01/2024, năm {{ nam }}")
['2024']
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from jinja2 import nodes

from drafting.bank.sandbox import environment
from drafting.files.fields import FieldReader, join_path
from drafting.vi.filters import FILTERS
from drafting.vi.lint import lint_text, strip_jinja

if TYPE_CHECKING:
    from drafting.bank.outline import Outline
    from drafting.bank.terms import Terms

MIN_VARIANTS = 2
"""Variants a phrase needs: the tool varies the wording of neighbouring sentences."""
MAX_SENTENCE_WORDS = 100
"""Words a sentence of a variant may have (each ``{{ … }}`` counts as one)."""
OPENER_WORDS = 2
"""Words that open a sentence; two sentences of a section must not open alike."""
NUMBER_FILTERS = ("so", "phan_tram", "diem_phan_tram", "tien", "tien_gon", "dem")
_YEAR = re.compile(r"(?<![\d/.,-])(?:19|20)\d\d(?![\d/])")


@dataclass(frozen=True)
class Variant:
    """A variant's text and where it is in its file (for located messages)."""

    text: str
    node: Any
    key: str | int
    path: str


def style(reader: FieldReader, node: Any, key: str | int | None, path: str, message: str, pid: str) -> None:
    """Record a ``bank check`` finding: the phrase stays usable (severity ``style``)."""
    before = len(reader.problems)
    reader.problem(node, key, path, message, pid)
    if len(reader.problems) > before:
        reader.problems[-1] = replace(reader.problems[-1], severity="style")


# -- filters on the wrong kind of value -------------------------------------------------


def _kind(node: nodes.Node) -> tuple[str, str, str]:
    """What a filtered expression is: (kind, its name, why) — kind ``so``, ``chu`` or ""."""
    if isinstance(node, nodes.Const):
        if isinstance(node.value, str):
            return "chu", repr(node.value), "một chuỗi"
        if isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
            return "so", repr(node.value), "một số"
        return "", "", ""
    parts: list[str] = []
    while isinstance(node, nodes.Getattr):
        parts.append(node.attr)
        node = node.node
    if not isinstance(node, nodes.Name):
        return "", "", ""
    name = ".".join([node.name, *reversed(parts)])
    if node.name in ("nam", "nam_truoc", "nam_sau") and not parts:
        return "so", name, "một số (năm)"
    if node.name == "don_vi" and len(parts) == 1:
        return "chu", name, "văn bản (tên đơn vị)"
    if node.name == "f" and len(parts) == 2:
        return "chu", name, "văn bản: sự kiện của nhận định đã được viết sẵn (“02 người”, “91,16%”)"
    return "", name, ""


def filter_problems(source: str) -> list[str]:
    """Filters of the bank applied to a value of the wrong kind (a number filter on text,
    ``ngay`` on anything but a date, ``liet_ke`` on anything but a list), one message each."""
    out: list[str] = []
    for found in environment().parse(source).find_all(nodes.Filter):
        if found.name not in FILTERS or found.node is None:
            continue
        kind, name, what = _kind(found.node)
        if not kind:
            continue
        if found.name in NUMBER_FILTERS and kind == "chu":
            fix = f"bỏ bộ lọc: {{{{ {name} }}}}" if name[:1] != "'" else "ghi thẳng chữ, không dùng bộ lọc"
            out.append(f"bộ lọc “{found.name}” cần một số, nhưng “{name}” là {what}; {fix}")
        elif found.name == "ngay":
            out.append(f"bộ lọc “ngay” cần một ngày, nhưng “{name}” là {what}")
        elif found.name == "liet_ke":
            out.append(f"bộ lọc “liet_ke” cần một danh sách, nhưng “{name}” là {what} (đã liệt kê sẵn nếu là sự kiện)")
    return out


def own_numbers(text: str) -> list[str]:
    """The numbers a variant writes itself (outside its facts): a variant states only its
    claim's facts. A document's number ("Chỉ thị số 34-CT/TW"), a historical date
    ("(13/9/1945)") and a period ("6 tháng") are wording.

    >>> own_numbers("Sơ kết 6 tháng; Chỉ thị số 34-CT/TW ngày 07/4/2014; có 14 lượt, {{ f.x.gia_tri }}.")
    ['14']
    """
    plain = strip_jinja(text)
    out = []
    for match in re.finditer(r"[^\s,;:()]*\d[^\s,;:()]*", plain):
        before, after = plain[: match.start()], plain[match.end() :]
        date = re.fullmatch(r"\d{1,2}/\d{1,2}/\d{4}", match.group(0))
        if date or before.endswith(("số ", "ngày ")) or after.startswith(" tháng"):
            continue
        out.append(match.group(0).rstrip("."))
    return out


def lint_text_of(reader: FieldReader, node: Any, key: str | int, path: str, pid: str, text: str, terms: Terms) -> None:
    """The writing conventions and the numbers a variant writes itself (``bank check``)."""
    for message in lint_text(text, terms, template=True):
        style(reader, node, key, path, message, pid)
    years = set(hard_coded_years(text))  # said by lint_variants, once
    for number in own_numbers(text):
        if number not in years:
            message = f"cách viết tự ghi con số “{number}”: số liệu chỉ vào câu qua sự kiện của nhận định"
            style(reader, node, key, path, message, pid)


def misfiled(reader: FieldReader, node: Any, path: str, pid: str, section: str, outline: Outline) -> None:
    """A phrase whose id prefix belongs to another section than its file's (``bank check``)."""
    groups = outline.section(section).phrase_groups
    group = pid.split(".", 1)[0]
    if not groups or group in groups:
        return
    home = [s.id for s in outline.sections if group in s.phrase_groups]
    where = f"; tiền tố “{group}” là của mục {', '.join(home)}: chuyển câu sang tệp của mục đó" if home else ""
    message = (
        f"mã “{pid}” không thuộc mục {section} của tệp này (tiền tố của mục: {', '.join(groups)}){where}, "
        "hoặc đổi mã cho đúng mục"
    )
    style(reader, node, "id", join_path(path, "id"), message, pid)


# -- the guide's rules -------------------------------------------------------------------


def _plain(text: str) -> str:
    """A variant without case, spacing or punctuation: what two copies have in common."""
    text = unicodedata.normalize("NFC", text).casefold()
    kept = "".join(c if not unicodedata.category(c).startswith(("P", "S")) else " " for c in text)
    return " ".join(kept.split())


def opener(text: str) -> str:
    """The first words of a variant (the composer compares the same, rendered).

    >>> opener("- Lãnh đạo đơn vị luôn quan tâm.")
    'lãnh đạo'
    """
    words = text.lstrip("-+* ").split()
    return " ".join(w.strip(",.;:“”").lower() for w in words[:OPENER_WORDS])


def hard_coded_years(text: str) -> list[str]:
    """Years written in a variant outside ``{{ … }}`` (not a date d/m/yyyy nor a document
    number …/yyyy/…): the same phrase serves every year."""
    return _YEAR.findall(strip_jinja(text))


def long_sentences(text: str) -> list[int]:
    """The word counts of a variant's sentences over :data:`MAX_SENTENCE_WORDS`."""
    sentences = re.split(r"(?<=[.!?])\s+", strip_jinja(text))
    return [n for n in (len(s.split()) for s in sentences) if n > MAX_SENTENCE_WORDS]


def lint_variants(
    reader: FieldReader, node: Any, path: str, pid: str, variants: Sequence[Variant], given: int | None = None
) -> None:
    """The guide's rules on a phrase's usable ``variants`` (``bank check`` only); ``given``:
    how many variants the phrase has, usable or not (a broken one is said on its own)."""
    count = len(variants) if given is None else given
    if count < MIN_VARIANTS:
        style(
            reader,
            node,
            "cach_viet",
            f"{path}.cach_viet",
            f"câu mẫu cần ít nhất {MIN_VARIANTS} cách viết (có {count}): thêm một cách viết khác lời, cùng "
            "sự kiện, để công cụ đổi lời khi hai câu liền nhau",
            pid,
        )
    seen: dict[str, int] = {}
    openers: dict[str, int] = {}
    for number, variant in enumerate(variants, 1):
        here = (reader, variant.node, variant.key, variant.path)
        plain = _plain(variant.text)
        if plain in seen:
            first = seen[plain]
            same = variants[first - 1].text.strip() == variant.text.strip()
            how = "giống hệt" if same else "chỉ khác ở chữ hoa, dấu cách hoặc dấu câu so với"
            style(*here, f"cách viết {number} {how} cách viết {first}: hãy viết khác lời (giữ nguyên sự kiện)", pid)
            continue
        seen[plain] = number
        start = opener(variant.text)
        if start and start in openers:
            message = (
                f"cách viết {number} mở đầu giống cách viết {openers[start]} (“{start}”): các cách viết cần mở đầu "
                "khác nhau để hai câu liền nhau trong một mục không lặp"
            )
            style(*here, message, pid)
        openers.setdefault(start, number)
        for year in dict.fromkeys(hard_coded_years(variant.text)):
            message = (
                f"cách viết {number} ghi năm cố định “{year}”: câu mẫu dùng cho mọi năm; viết năm {{{{ nam }}}}, "
                f"{{{{ nam_truoc }}}}, {{{{ nam_sau }}}} hoặc phép tính (“{{{{ nam - {year} }}}} năm”)"
            )
            style(*here, message, pid)
        for words in long_sentences(variant.text):
            message = (
                f"cách viết {number} có câu dài {words} chữ (tối đa {MAX_SENTENCE_WORDS}): hãy tách thành nhiều câu"
            )
            style(*here, message, pid)


__all__ = [
    "MAX_SENTENCE_WORDS",
    "lint_text_of",
    "misfiled",
    "own_numbers",
    "MIN_VARIANTS",
    "NUMBER_FILTERS",
    "Variant",
    "filter_problems",
    "hard_coded_years",
    "lint_variants",
    "long_sentences",
    "opener",
    "style",
]
