"""Taking the writer's texts out of the composed text before its lint, in linear time.

``check`` lints what the writer typed at its keys, then the composed report at its
sections; a writer's text found again in the composed text is replaced by "X" first,
so that the same slip is never reported twice. Trying every writer text against every
block is quadratic (180.000 short paragraphs: minutes). Here each writer text is
indexed under its rarest word, and a block only tries the texts indexed under its own
words: a text found again as whole words always shares that word with the block.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

_WORD = re.compile(r"\w+")


class WriterTextMask:
    """The writer's texts (longest first), indexed by their rarest word.

    >>> mask = WriterTextMask(["Hoa Sen", "do án tăng"])
    >>> mask.apply("Tòa án tỉnh Hoa Sen thụ lý tăng do án tăng.")
    'Tòa án tỉnh X thụ lý tăng X.'
    """

    def __init__(self, strings: Sequence[str]) -> None:
        self.strings = sorted(strings, key=len, reverse=True)
        words = [set(_WORD.findall(s)) for s in self.strings]
        frequency = Counter(word for found in words for word in found)
        self.by_word: dict[str, list[int]] = {}
        self.wordless: list[int] = []
        for index, found in enumerate(words):
            if found:
                rarest = min(found, key=lambda word: (frequency[word], word))
                self.by_word.setdefault(rarest, []).append(index)
            else:
                self.wordless.append(index)

    def apply(self, text: str) -> str:
        """``text`` with every writer text it holds replaced by "X" (longest first)."""
        candidates = set(self.wordless)
        for word in set(_WORD.findall(text)):
            candidates.update(self.by_word.get(word, ()))
        for index in sorted(candidates):
            found = self.strings[index]
            if found in text:
                text = text.replace(found, "X")
        return text
