"""Legal terms of art that are never varied for style (``phrasebank/thuat_ngu.yaml``)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from drafting.errors import ProblemsError
from drafting.files.fields import FieldReader, join_path
from drafting.files.yamlio import read_yaml_file


@dataclass(frozen=True)
class Terms:
    """Forbidden variants of terms of art, each with its right form.

    >>> terms = Terms((("chiến sỹ thi đua", "chiến sĩ thi đua"),))
    >>> terms.misuses("Danh hiệu Chiến sỹ thi đua cơ sở.")
    [('chiến sỹ thi đua', 'chiến sĩ thi đua')]
    """

    pairs: tuple[tuple[str, str], ...] = ()
    _any: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        words = "|".join(re.escape(wrong) for wrong, _ in self.pairs) or "(?!)"
        object.__setattr__(self, "_any", re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.IGNORECASE))

    def misuses(self, text: str) -> list[tuple[str, str]]:
        """The (wrong, right) pairs whose wrong form appears in ``text`` as a whole word."""
        found = {m.group(0).lower() for m in self._any.finditer(text)}
        return [(wrong, right) for wrong, right in self.pairs if wrong.lower() in found]


def load_terms(path: Path) -> Terms:
    """Load ``thuat_ngu.yaml``; raise :class:`ProblemsError` listing every problem."""
    data, _ = read_yaml_file(path, comments=False)
    reader = FieldReader(str(path))
    root = reader.mapping(None, None, data, "")
    if root is None:
        raise ProblemsError(reader.problems)
    pairs: list[tuple[str, str]] = []
    entries = reader.sequence(root, "thuat_ngu", root.get("thuat_ngu"), "thuat_ngu") or []
    for i, entry in enumerate(entries):
        path_ = join_path("thuat_ngu", i)
        node = reader.mapping(entries, i, entry, path_)
        if node is None:
            continue
        right = reader.text(node, "dung", path_)
        pairs.extend((wrong, right) for wrong in reader.text_list(node, "sai", path_))
    if reader.problems:
        raise ProblemsError(reader.problems)
    return Terms(tuple(pairs))
