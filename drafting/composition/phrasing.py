"""Choosing and rendering phrases for a section.

The writer's choices come first, in the writer's order; where the writer chose none,
suggestions are selected by their conditions on the figures. Variants are picked
deterministically from the draft's seed so that no sentence opener repeats within a
section; a pinned variant is always kept.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from drafting.bank.bank import Bank
from drafting.bank.phrases import Phrase
from drafting.bank.sandbox import TemplateProblem, evaluate_condition, render
from drafting.errors import Problem
from drafting.files.fields import did_you_mean
from drafting.report import ContentItem, FreeText, PhraseChoice
from drafting.vi.text import upper_first

OPENER_WORDS = 2


@dataclass(frozen=True)
class RenderedPhrase:
    """A phrase as it appears in the report."""

    phrase: Phrase
    variant: int
    text: str
    pinned: bool = False


@dataclass(frozen=True)
class Suggestion:
    """A phrase of a section, whether its condition holds, and why.

    ``problem`` is set when the condition failed for another reason than a figure
    without a value: the phrase is then not suggested, and the failure is an error.
    """

    phrase: Phrase
    applies: bool
    reason: str
    problem: Problem | None = None


def opener(text: str) -> str:
    """The first words of a text, for the no-repeated-opener rule.

    >>> opener("- Lãnh đạo đơn vị luôn quan tâm.")
    'lãnh đạo'
    """
    words = text.lstrip("-+* ").split()
    return " ".join(w.strip(",.;:“”").lower() for w in words[:OPENER_WORDS])


def variant_order(seed: int, phrase: Phrase) -> list[int]:
    """Variant indexes in the order the seed prefers them (stable across runs)."""
    n = len(phrase.variants)
    start = int(hashlib.sha256(f"{seed}:{phrase.id}".encode()).hexdigest(), 16) % n
    return [(start + k) % n for k in range(n)]


def condition_holds(phrase: Phrase, context: Mapping[str, Any]) -> bool:
    """Whether a phrase's condition holds (a phrase without one is not conditional)."""
    if not phrase.condition:
        return False
    return evaluate_condition(phrase.condition, context)


def suggestions(bank: Bank, section_id: str, context: Mapping[str, Any]) -> list[Suggestion]:
    """Every phrase of a section, marked with whether it is suggested and why (in words
    from the figures: :func:`drafting.composition.explain.explain_suggestion`).

    A condition that reads a figure without a value is taken as not holding (it is not
    known); one that fails for any other reason is not suggested and carries its problem.
    """
    from drafting.composition.explain import explain_suggestion

    out = []
    for phrase in bank.for_section(section_id):
        if phrase.condition:
            problem = None
            try:
                holds = condition_holds(phrase, context)
            except TemplateProblem as exc:
                holds = False
                if exc.kind != "missing":
                    message = f"điều kiện “{phrase.condition}” không tính được: {exc.message}"
                    problem = Problem(phrase.file, phrase.line, "", message, phrase_id=phrase.id)
            # The writer reads why in words; the maintainer reads the problem (F5, ``check``).
            reason = "Không gợi ý vì câu mẫu này có lỗi trong kho câu mẫu" if problem else ""
            reason = reason or explain_suggestion(phrase, context, bank.catalogue, holds)
            out.append(Suggestion(phrase, holds, reason, problem))
        else:
            reason = explain_suggestion(phrase, context, bank.catalogue, phrase.default)
            out.append(Suggestion(phrase, phrase.default, reason))
    return out


def selected_items(
    bank: Bank,
    section_id: str,
    items: tuple[ContentItem, ...],
    context: Mapping[str, Any],
    problems: list[Problem] | None = None,
) -> tuple[ContentItem, ...]:
    """The writer's items, or the suggested phrases when the writer chose nothing (the
    conditions that failed are added to ``problems``)."""
    if items:
        return items
    offered = suggestions(bank, section_id, context)
    if problems is not None:
        problems.extend(s.problem for s in offered if s.problem is not None)
    return tuple(PhraseChoice(s.phrase.id) for s in offered if s.applies)


def render_items(
    bank: Bank, items: tuple[ContentItem, ...], context: Mapping[str, Any], seed: int, source: str
) -> tuple[list[RenderedPhrase | FreeText], list[Problem]]:
    """Render the items of a section; unknown phrase ids and render failures become problems."""
    used: set[str] = set()
    out: list[RenderedPhrase | FreeText] = []
    problems: list[Problem] = []
    for item in items:
        if isinstance(item, FreeText):
            out.append(item)
            used.add(opener(item.text))
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
        order = [item.variant - 1] if item.variant is not None else variant_order(seed, phrase)
        chosen: RenderedPhrase | None = None
        try:
            for index in order:
                text = upper_first(render(phrase.variants[index], context).strip())
                candidate = RenderedPhrase(phrase, index, text, pinned=item.variant is not None)
                if chosen is None:
                    chosen = candidate
                if opener(text) not in used:
                    chosen = candidate
                    break
        except TemplateProblem as exc:
            message = f"cách viết {index + 1}: {exc.message}"
            problems.append(Problem(phrase.file, phrase.line, "", message, phrase_id=phrase.id))
            continue
        if chosen is not None:
            used.add(opener(chosen.text))
            out.append(chosen)
    return out, problems
