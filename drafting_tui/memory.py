"""The garbage collector while the editor runs.

What start-up made (the phrase bank, the file's document, the first screen) lives as long
as the editor; each full collection scanned it all again: 70–150 ms pauses in the middle
of a section switch or a dialog opening (bench_interactions' p95). Once it is loaded it is
moved out of the collector's sight (``gc.freeze``) and collections run less often
(``GC_THRESHOLDS``): a section switch makes thousands of objects, and a collection of the
editor's widgets still took 50–130 ms. Both are undone when the application closes.
"""

from __future__ import annotations

import gc

GC_THRESHOLDS = (50_000, 20, 20)
"""The collector's thresholds while the editor runs (Python's default is 700, 10, 10)."""


def settle_memory() -> tuple[int, int, int]:
    """Freeze what exists and collect less often; the thresholds before, to restore."""
    before = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)
    return before


def restore_memory(thresholds: tuple[int, int, int]) -> None:
    """Undo :func:`settle_memory`."""
    gc.set_threshold(*thresholds)
    gc.unfreeze()
