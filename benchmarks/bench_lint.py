"""``check`` of a data file with many short paragraphs: does the time stay linear?

The text lint of ``check`` once tried every text the writer typed against every block
of the composed report (180.000 short paragraphs: past 90 s). This doubles the number
of paragraphs from 11.250 to 180.000 (the most a 2 MB data file holds) and prints, for
each size, the time of ``check_file`` and, as the baseline measured in the same run,
the time of only reading the same file; then the ratio of each time to the one before.
Linear work doubles (ratio ≈ 2); quadratic work quadruples (≈ 4).

    .venv/bin/python benchmarks/bench_lint.py [--largest N]

The last line is ``RESULT lint_doubling_ratio <largest ratio of check per doubling> 3.0``.
"""

from __future__ import annotations

import argparse
import gc
import tempfile
import time
from pathlib import Path

from drafting.checks.checker import check_file
from drafting.files.yamlio import read_yaml_file

GOAL = 3.0


def data_file(folder: Path, paragraphs: int) -> Path:
    """``paragraphs`` short free paragraphs in section I (about 11 bytes each)."""
    path = folder / f"doan-{paragraphs}.yaml"
    lines = ["nam: 2024", "noi_dung:", "  I:", *(f"  - Đ{i:x}" for i in range(paragraphs))]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def timed(function: object, path: Path) -> float:
    """Seconds of ``function(path)``, the garbage collector paused as the CLI nearly does
    (its passes over a growing heap would blur the shape of the work itself)."""
    gc.collect()
    gc.disable()
    try:
        start = time.perf_counter()
        function(path)  # type: ignore[operator]
        return time.perf_counter() - start
    finally:
        gc.enable()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--largest", type=int, default=180_000)
    args = parser.parse_args()
    sizes = [args.largest >> shift for shift in range(4, -1, -1)]
    with tempfile.TemporaryDirectory(prefix="drafting-lint-") as folder:
        check_file(data_file(Path(folder), 10))  # the phrase bank and catalogue, loaded once
        rows = []
        for size in sizes:
            path = data_file(Path(folder), size)
            read = timed(lambda p: read_yaml_file(p, comments=False), path)
            check = timed(check_file, path)
            rows.append((size, read, check))
    print(f"{'đoạn':>8} {'đọc (s)':>9} {'check (s)':>10} {'check/đọc':>10} {'×đọc':>6} {'×check':>7}")
    ratios = []
    for i, (size, read, check) in enumerate(rows):
        grow_read = f"{read / rows[i - 1][1]:.2f}" if i else "-"
        grow_check = f"{check / rows[i - 1][2]:.2f}" if i else "-"
        if i:
            ratios.append(check / rows[i - 1][2])
        print(f"{size:>8} {read:>9.3f} {check:>10.3f} {check / read:>10.1f} {grow_read:>6} {grow_check:>7}")
    print(f"mỗi lần gấp đôi số đoạn, thời gian check gấp tối đa {max(ratios):.2f} lần (tuyến tính: 2; bậc hai: 4)")
    print(f"RESULT lint_doubling_ratio {max(ratios):.2f} {GOAL}")


if __name__ == "__main__":
    main()
