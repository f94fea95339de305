"""Data file format versions, and the migrations that bring an older file up to date.

A data file says which version of the format it is written in: ``phien_ban: 2``. A file
without the key is version 1 (every file written before versions existed). When
``check``, ``render`` or the editor read an older file, the migrations from its version
to :data:`CURRENT` are applied to the data in memory, in order, and never silently:
``check`` and ``render`` print a warning naming each migration, the editor marks the
draft changed and shows a note. The file on disk changes only when the writer saves.

>>> data = {"nam": 2024, "don_vi": {"ten": "Tòa án nhân dân tỉnh Hoa Sen"}}
>>> [m.name for m in migrate(data)], data["phien_ban"]
(['them_phien_ban'], 2)
>>> migrate(data)
()

How to write the next migration (say 2 → 3, when a key is renamed):

1. Write a function that takes the parsed document — a ruamel ``CommentedMap`` read
   from a file, or a plain ``dict`` given to
   :func:`~drafting.datafile.validate.validate_mapping` — and changes it in place to the
   new format. Keep the writer's comments: move and insert keys with
   :mod:`drafting.files.roundtrip` (``insert_ordered``, ``insert_at``, ``delete_at``),
   never by rebuilding a mapping. Accept any file of the old version, valid or not:
   leave what you do not understand for validation to report. Do not read the current
   schema or bank (they describe the newest format, not the one you migrate from).
2. Append ``Migration(2, "doi_ten_…", "…what changes, in Vietnamese…", function)`` to
   :data:`MIGRATIONS`. :data:`CURRENT` follows (the last migration's target), and
   :func:`migrate` writes the new version number after your function ran.
3. Change the schema (``phrasebank/tep_du_lieu.yaml``), the sample and the code to the
   new format in the same commit.
4. Keep the files of the old version working: copy ``tests/corpus/hien_nay/`` to a
   folder named after the old version first (with ``ket_qua/``), and run
   ``tests/test_corpus_today.py --update``: the corpus must open, check and render
   identically, or with the differences the change intends — list them in the commit.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, MutableMapping
from dataclasses import dataclass
from typing import Any

from drafting.files.roundtrip import insert_ordered

VERSION_KEY = "phien_ban"
"""The top-level key of a data file's format version."""


@dataclass(frozen=True)
class Migration:
    """A change of the data file's format from version ``source`` to ``source + 1``."""

    source: int
    name: str
    summary: str
    apply: Callable[[MutableMapping[str, Any]], None]

    @property
    def target(self) -> int:
        return self.source + 1

    def note(self) -> str:
        """What the writer is told, in Vietnamese."""
        return (
            f"tệp viết theo định dạng phiên bản {self.source}; khi đọc đã chuyển sang phiên bản "
            f"{self.target} ({self.name}: {self.summary}); tệp trên đĩa chỉ thay đổi khi được lưu lại"
        )


def _nothing_else(data: MutableMapping[str, Any]) -> None:
    """Version 1 → 2: the format itself did not change; the file only gains its version key."""


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "them_phien_ban", "ghi phiên bản định dạng của tệp, phien_ban: 2", _nothing_else),
)
"""Every migration, in order: ``MIGRATIONS[i].source == i + 1``."""
CURRENT = MIGRATIONS[-1].target
"""The format version this code writes and reads."""


def version_of(data: Mapping[str, Any]) -> int | None:
    """The format version of a data file's content (1 without the key; ``None`` when the
    key holds something that is not a version, which validation reports)."""
    value = data.get(VERSION_KEY, 1)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        return None
    return value


def migrate(data: MutableMapping[str, Any]) -> tuple[Migration, ...]:
    """Bring ``data`` (in place) to :data:`CURRENT`; return the migrations applied, in order.

    A file of the current version, of a newer one or with an unreadable version is left
    as it is (validation says what is wrong with it).
    """
    version = version_of(data)
    if version is None or version >= CURRENT:
        return ()
    applied = tuple(m for m in MIGRATIONS if m.source >= version)
    for migration in applied:
        migration.apply(data)
        # The version goes right after the year (a file without one: first).
        insert_ordered(data, VERSION_KEY, migration.target, ("nam", VERSION_KEY))
    return applied
