"""``bank check``: no text used in a year after a level ended names that level.

The levels of ``phrasebank/cap_don_vi.yaml`` that ended (the district and high courts,
until 2024) list the words naming them (``tu_ngu``: "huyện", "hai cấp", "cấp cao"). A
phrase variant, an outline text, a figure label or a sentence of the levels file that
can be used in a later report year must not hold them. A phrase's years are those its
claim's condition allows (``{nam: {"<=": 2024}}`` or a level that ended, at the top of
the condition); an outline movement's and a sentence's are their ``hieu_luc``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafting.bank.bank import Bank
from drafting.bank.conditions import AllOf, Condition, LevelAtom, YearAtom, atoms
from drafting.bank.levels import Level, Levels
from drafting.errors import Problem
from drafting.schema import ALWAYS, Validity


def _last_year(condition: Condition | None, levels: Levels) -> int | None:
    """The last report year a condition allows, read from its top-level atoms (``None``: any)."""
    parts = condition.parts if isinstance(condition, AllOf) else (condition,) if condition is not None else ()
    bounds: list[int] = []
    for part in parts:
        if isinstance(part, YearAtom) and part.op in ("<=", "<", "=="):
            bounds.append(part.value - 1 if part.op == "<" else part.value)
        elif isinstance(part, LevelAtom):
            ends = [level.validity.last_year if (level := levels.get(i)) else None for i in part.levels]
            if all(end is not None for end in ends):
                bounds.append(max(end for end in ends if end is not None))
    return min(bounds) if bounds else None


def _named(text: str, level: Level) -> str | None:
    """The first word of ``level`` that ``text`` holds (as a whole word, any case)."""
    for word in level.words:
        if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE):
            return word
    return None


def _texts(bank: Bank) -> Iterator[tuple[str, int | None, str, str, int | None]]:
    """(text, last year it may be used, file, key or phrase id, line) of every text to check."""
    levels = bank.levels
    for phrase in bank.phrases.values():
        claim = bank.claims.claims.get(phrase.claim)
        last = _last_year(claim.condition if claim is not None else None, levels)
        for i, variant in enumerate(phrase.variants):
            yield variant, last, phrase.file, f"{phrase.id} cach_viet[{i}]", phrase.line
    outline_file = str(bank.base / "dan_y.yaml")
    yield bank.outline.summary, None, outline_file, "trich_yeu", None
    for section in bank.outline.sections:
        for text in (section.heading, *section.guidance):
            yield text, None, outline_file, f"muc {section.id}", section.line
    for name, style in bank.outline.list_styles.items():
        yield f"{style.lead} {style.missing}", None, outline_file, f"danh_sach.{name}", None
    for movement in bank.outline.movements:
        yield f"{movement.name} {movement.period}", movement.validity.last_year, outline_file, movement.id, None
    catalogue_file = str(bank.base / "chi_so.yaml")
    for group in bank.catalogue.groups:
        yield f"{group.title} {group.lead}", None, catalogue_file, group.id, None
        for figure in group.figures:
            yield f"{figure.label} {figure.title} {figure.unit}", None, catalogue_file, figure.id, figure.line
    for key, sentences in (("hop_nhat", levels.merger), ("ghi_chu_so_lieu", levels.merger_note)):
        for sentence in sentences:
            yield sentence.text, sentence.validity.last_year, levels.source, key, None


def _after(last: int | None, validity: Validity) -> bool:
    """Whether a text usable until ``last`` may be used after the years of ``validity``."""
    return validity.last_year is not None and (last is None or last > validity.last_year)


def level_word_problems(bank: Bank) -> list[Problem]:
    """A problem for every text that names a level in a year after the level ended."""
    ended = [level for level in bank.levels.levels if level.words and level.validity != ALWAYS]
    out: list[Problem] = []
    for text, last, file, key, line in _texts(bank):
        for level in ended:
            if not _after(last, level.validity):
                continue
            word = _named(text, level)
            if word is not None:
                out.append(
                    Problem(
                        file,
                        line,
                        key,
                        f"“{word}” gọi {level.name}, cấp chỉ có {level.years()}; văn bản này dùng cả cho năm sau đó: "
                        f"viết lại, hoặc giới hạn năm (điều kiện nam: {{\"<=\": {level.validity.last_year}}} "
                        "của nhận định, hieu_luc của đề cương)",
                    )
                )
    return out


def level_id_problems(bank: Bank) -> list[Problem]:
    """Claims whose condition names a level the levels file does not have."""
    levels = bank.levels
    out: list[Problem] = []
    for claim in bank.claims.claims.values():
        for atom in atoms(claim.condition):
            if isinstance(atom, LevelAtom):
                for level_id in atom.levels:
                    if levels.get(level_id) is None:
                        message = f"không có cấp đơn vị “{level_id}” trong cap_don_vi.yaml; có: {', '.join(levels.ids)}"
                        out.append(Problem(claim.file, claim.line, "dieu_kien.cap", message, phrase_id=claim.id))
    return out


__all__ = ["level_id_problems", "level_word_problems"]
