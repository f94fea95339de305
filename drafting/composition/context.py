"""The year parameters every template reads, and small text helpers of composition.

Phrase variants read only ``nam``, ``nam_truoc``, ``nam_sau``, ``don_vi.ten``,
``don_vi.ten_ngan`` and their claim's facts ``f.<ten>.<neu>``
(:mod:`drafting.composition.facts`); figures reach a sentence only as facts.
"""

from __future__ import annotations


def year_context(year: int) -> dict[str, int]:
    """The year parameters of every template."""
    return {"nam": year, "nam_truoc": year - 1, "nam_sau": year + 1}


def lower_first(text: str) -> str:
    """Lower-case the first letter.

    >>> lower_first("Án dân sự")
    'án dân sự'
    """
    return text[:1].lower() + text[1:]
