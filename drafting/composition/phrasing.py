"""Realisation: wording each claim of a section with a phrase and a variant.

The claims are decided first (:mod:`drafting.composition.content`); here each one is
worded by the writer's chosen phrase, or the first phrase of the bank that words it.
Variants are picked deterministically from the draft's seed so that no two paragraphs
of a section open with the same words; a pinned variant is always kept. A variant
only words its claim's facts, computed by :mod:`drafting.composition.facts`.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from drafting.bank.bank import Bank
from drafting.bank.jinja_messages import variant_failure
from drafting.bank.phrases import Phrase
from drafting.bank.sandbox import TemplateProblem, render
from drafting.errors import Problem
from drafting.files.fields import did_you_mean
from drafting.report import ContentItem, FreeText, PhraseChoice
from drafting.vi.text import upper_first

OPENER_WORDS = 2


@dataclass(frozen=True)
class RenderedPhrase:
    """A phrase as it appears in the report, with the claim it words and the figures it states."""

    phrase: Phrase
    variant: int
    text: str
    pinned: bool = False
    figures: tuple[str, ...] = ()


def opener(text: str) -> str:
    """The first words of a text, for the no-repeated-opener rule.

    >>> opener("- Lãnh đạo đơn vị luôn quan tâm.")
    'lãnh đạo'
    """
    words = text.lstrip("-+* ").split()
    return " ".join(w.strip(",.;:“”()").lower() for w in words[:OPENER_WORDS])


def variant_order(seed: int, phrase: Phrase) -> list[int]:
    """Variant indexes in the order the seed prefers them (stable across runs)."""
    n = len(phrase.variants)
    start = int(hashlib.sha256(f"{seed}:{phrase.id}".encode()).hexdigest(), 16) % n
    return [(start + k) % n for k in range(n)]


ContextFor = Callable[[Phrase], tuple[Mapping[str, Any], tuple[str, ...]]]
"""A phrase → (its Jinja context, the figure ids it states)."""


SEARCH_LIMIT = 20_000
"""Steps of the search for variants whose openers all differ; beyond it, the seed's order."""


def render_items(
    bank: Bank,
    items: tuple[ContentItem, ...],
    context_for: ContextFor,
    seed: int,
    source: str,
    used: set[str] | None = None,
) -> tuple[list[RenderedPhrase | FreeText], list[Problem]]:
    """Render the items of a section; unknown phrase ids and render failures become problems.

    ``used`` holds the openers of the section's other paragraphs; it is updated. The
    variants are chosen together: the seed's preferred ones, unless two paragraphs would
    open with the same words and other variants (rendered only then) avoid it (a bounded
    search; pinned variants are never changed).
    """
    used = used if used is not None else set()
    slots: list[FreeText | list[RenderedPhrase]] = []
    pending: list[tuple[int, Phrase, list[int], Mapping[str, Any], tuple[str, ...], bool]] = []
    problems: list[Problem] = []
    for item in items:
        if isinstance(item, FreeText):
            slots.append(item)
            continue
        phrase = bank.get(item.id)
        if phrase is None:
            problems.append(
                Problem(
                    source, item.line, "noi_dung", f"không có câu mẫu “{item.id}”" + did_you_mean(item.id, bank.phrases)
                )
            )
            continue
        if item.variant is not None and item.variant > len(phrase.variants):
            problems.append(
                Problem(
                    source,
                    item.line,
                    "noi_dung",
                    f"câu mẫu “{item.id}” chỉ có {len(phrase.variants)} cách viết, không có cách viết {item.variant}",
                )
            )
            continue
        context, figures = context_for(phrase)
        order = [item.variant - 1] if item.variant is not None else variant_order(seed, phrase)
        pending.append((len(slots), phrase, order, context, figures, item.variant is not None))
        slots.append([])
    # The seed's variant of each phrase first; the other variants only for the phrases
    # whose opener collides (few), so that a section is rendered about once.
    for stage in ("first", "rest"):
        openers = Counter(opener(s.text) for s in slots if isinstance(s, FreeText))
        openers.update(opener(s[0].text) for s in slots if isinstance(s, list) and s)
        for index, phrase, order, context, figures, pinned in pending:
            slot = slots[index]
            assert isinstance(slot, list)
            if stage == "first":
                wanted = order[:1]
            elif slot and (opener(slot[0].text) in used or openers[opener(slot[0].text)] > 1):
                wanted = order[1:]
            else:
                continue
            for variant in wanted:
                try:
                    text = upper_first(render(phrase.variants[variant], context).strip())
                except TemplateProblem as exc:
                    message = variant_failure(variant, exc.message, figures)
                    problems.append(Problem(phrase.file, phrase.line, "", message, phrase_id=phrase.id))
                    continue
                slot.append(RenderedPhrase(phrase, variant, text, pinned, figures))
    slots = [s for s in slots if not isinstance(s, list) or s]
    fixed = set(used)
    for slot in slots:
        if isinstance(slot, FreeText):
            fixed.add(opener(slot.text))
    choice = _choose([s for s in slots if isinstance(s, list)], fixed)
    out: list[RenderedPhrase | FreeText] = []
    chosen = iter(choice)
    for slot in slots:
        out.append(slot if isinstance(slot, FreeText) else next(chosen))
        used.add(opener(out[-1].text))
    return out, problems


def _choose(options: list[list[RenderedPhrase]], used: set[str]) -> list[RenderedPhrase]:
    """One candidate per item, openers all different from each other and from ``used``
    when the search finds such a choice within :data:`SEARCH_LIMIT` steps; otherwise
    each item's first candidate whose opener is still free, or its first candidate."""
    steps = 0
    picked: list[RenderedPhrase] = []

    def search(i: int, taken: set[str]) -> bool:
        nonlocal steps
        if i == len(options):
            return True
        for candidate in options[i]:
            steps += 1
            if steps > SEARCH_LIMIT:
                return False
            word = opener(candidate.text)
            if word in taken:
                continue
            picked.append(candidate)
            taken.add(word)
            if search(i + 1, taken):
                return True
            taken.discard(word)
            picked.pop()
        return False

    if search(0, set(used)):
        return picked
    greedy: list[RenderedPhrase] = []
    taken = set(used)
    for candidates in options:
        best = next((c for c in candidates if opener(c.text) not in taken), candidates[0])
        taken.add(opener(best.text))
        greedy.append(best)
    return greedy


def claim_items(bank: Bank, claim_ids: tuple[str, ...]) -> tuple[ContentItem, ...]:
    """The phrase that words each claim (the first in bank order), as unpinned choices."""
    out: list[ContentItem] = []
    for cid in claim_ids:
        phrases = bank.phrase_set.for_claim(cid)
        if phrases:
            out.append(PhraseChoice(phrases[0].id))
    return tuple(out)
