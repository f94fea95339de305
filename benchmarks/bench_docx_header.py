"""Word export of a report whose issuing body's name is huge: time per doubling of the name.

The header block balances a long name over two lines (it used to try every split
point, measuring both halves each time: quadratic). In one run, with issuing-body
names of 13, 26, 52 and 104 KB (UTF-8):

1. the header's work on the name (clean it, capitalise it, balance it over two
   lines, measure the lines), repeated until it has run for a while, best of three;
2. the whole report written to .docx bytes (the fixture report with that name), next
   to the same report with its ordinary name (the baseline).

Linear work doubles when the name doubles; quadratic work quadruples.

    .venv/bin/python benchmarks/bench_docx_header.py

The last line is ``RESULT docx_header_growth_per_doubling <ratio> 2.2``: the geometric
mean of the three ratios of step 1 (goal: about 2).
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from docx.shared import Length  # noqa: E402
from docx_fixture import make_document  # noqa: E402

from drafting.export.docx import docx_bytes  # noqa: E402
from drafting.export.docx.layout import HEADER_BODY_SIZE, HEADER_LEFT_WIDTH, LAYOUT_CELL_MARGIN  # noqa: E402
from drafting.export.docx.measure import balanced_lines, clean_text, text_width  # noqa: E402

SIZES_KB = (13, 26, 52, 104)
GOAL = 2.2
WORDS = "TÒA ÁN NHÂN DÂN KHU VỰC {n} TỈNH QUẢNG NINH"
WIDTH = Length(HEADER_LEFT_WIDTH - 2 * LAYOUT_CELL_MARGIN).pt  # the left column, as the header has it


def long_name(kilobytes: int) -> str:
    """An issuing-body name of about ``kilobytes`` KB in UTF-8, in words of varying width."""
    pieces: list[str] = []
    size = 0
    n = 0
    while size < kilobytes * 1024:
        n += 1
        piece = WORDS.format(n=n)
        pieces.append(piece)
        size += len(piece.encode("utf-8")) + 1
    return " ".join(pieces)


def header_work(name: str) -> None:
    """What the header block does with the issuing body's name."""
    lines = balanced_lines(clean_text(name).upper(), HEADER_BODY_SIZE, True, WIDTH)
    max(text_width(line, HEADER_BODY_SIZE, True) for line in lines)


def best_seconds(work: Callable[[], object], minimum: float = 0.2, rounds: int = 3) -> float:
    """Seconds per call of ``work``: calls repeated for ``minimum`` seconds, best of ``rounds``."""
    best = float("inf")
    for _ in range(rounds):
        calls = 0
        start = time.perf_counter()
        while True:
            work()
            calls += 1
            elapsed = time.perf_counter() - start
            if elapsed >= minimum:
                break
        best = min(best, elapsed / calls)
    return best


def main() -> None:
    base = make_document()
    docx_bytes(base)  # the blank document and the width tables, once
    baseline = best_seconds(partial(docx_bytes, base))
    print(f"báo cáo mẫu, tên cơ quan thường ({len(base.header.issuing_body)} ký tự): {baseline * 1000:.1f} ms")
    print(f"{'tên cơ quan':>12} {'xử lý tên':>12} {'× khi gấp đôi':>14} {'cả báo cáo':>12}")
    times: list[float] = []
    for kilobytes in SIZES_KB:
        name = long_name(kilobytes)
        header = best_seconds(partial(header_work, name))
        document = replace(base, header=replace(base.header, issuing_body=name))
        whole = best_seconds(partial(docx_bytes, document))
        ratio = f"{header / times[-1]:14.2f}" if times else f"{'':>14}"
        times.append(header)
        print(f"{kilobytes:>9} KB {header * 1000:9.2f} ms {ratio} {whole * 1000:9.1f} ms")
    ratios = [later / earlier for earlier, later in zip(times, times[1:], strict=False)]
    growth = statistics.geometric_mean(ratios)
    print(f"trung bình mỗi lần gấp đôi: {growth:.2f}× (tuyến tính ≈ 2, bậc hai ≈ 4)")
    print(f"RESULT docx_header_growth_per_doubling {growth:.2f} {GOAL}")


if __name__ == "__main__":
    main()
