"""Template bombs: how long ``bank check`` and ``render`` take on each, and how much memory.

Each payload of ``tests/corpus/bombs.yaml`` is put alone in a copy of the phrase bank;
``bank check`` of that bank, and ``render`` of the sample with the payload pinned, run
as child processes limited to 1 GB of address space (POSIX) and killed after 60 s. The
baseline is the same two commands on the copy without a payload. Time is wall-clock
("hết giờ": killed at 60 s); memory is the child's peak resident size (``ru_maxrss``).
Goal: every payload under 10 s and under 1 GB, ending with a located error (exit 2).
The messages follow the table.

    .venv/bin/python benchmarks/bench_bombs.py [NAME …]

Ends with ``RESULT bombs_max_s <seconds> 10`` and ``RESULT bombs_max_mb <MB> 1024``.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from bomb_cases import Bomb, Outcome, bank_with, load_bombs, report_with, run_cli_with_bank  # noqa: E402

GOAL_S, GOAL_MB = 10.0, 1024


def measure(bombs: list[Bomb]) -> tuple[Outcome, Outcome]:
    """``bank check`` and ``render`` of a bank holding ``bombs``."""
    with tempfile.TemporaryDirectory(prefix="drafting-bom-") as tmp:
        folder = Path(tmp)
        bank = bank_with(bombs, folder)
        checked = run_cli_with_bank(bank, "bank", "check", str(bank))
        report = report_with(bombs, folder)
        rendered = run_cli_with_bank(bank, "render", str(report), "-o", str(folder / "bao-cao.md"))
    return checked, rendered


def cell(outcome: Outcome) -> str:
    mb = f"{outcome.peak_kib / 1024:6.0f}" if outcome.peak_kib is not None else "     –"
    status = "hết giờ" if outcome.returncode is None else f"exit {outcome.returncode}"
    return f"{outcome.seconds:6.1f} s {mb} MB {status:8}"


def message(outcome: Outcome, bomb: Bomb) -> str:
    lines = [line for line in outcome.stderr.splitlines() if bomb.phrase_id in line]
    if not lines:
        lines = [line for line in outcome.stderr.splitlines() if line.strip()][-1:] or ["(không có thông báo)"]
    text = lines[0].split(f"[{bomb.phrase_id}] ", 1)[-1]
    return text if len(text) <= 110 else text[:109] + "…"


def main() -> None:
    chosen = set(sys.argv[1:])
    bombs = [b for b in load_bombs() if not chosen or b.name in chosen]
    base_check, base_render = measure([])
    print(f"{'câu mẫu':20} {'bank check':25} {'render':25}")
    print(f"{'(không có, gốc)':20} {cell(base_check)} {cell(base_render)}")
    worst_s, worst_mb = 0.0, 0.0
    messages: list[str] = []
    for bomb in bombs:
        checked, rendered = measure([bomb])
        print(f"{bomb.name:20} {cell(checked)} {cell(rendered)}", flush=True)
        messages.append(f"{bomb.name}: bank check: {message(checked, bomb)}")
        messages.append(f"{bomb.name}: render: {message(rendered, bomb)}")
        for outcome in (checked, rendered):
            seconds = outcome.seconds if outcome.returncode == 2 else float("inf")
            worst_s = max(worst_s, seconds)
            worst_mb = max(worst_mb, (outcome.peak_kib or 0) / 1024)
    print("\n".join(["", "Thông báo:", *messages, ""]))
    print(
        f"chậm nhất {worst_s:.1f} s (gốc: bank check {base_check.seconds:.1f} s, render {base_render.seconds:.1f} s); "
        f"bộ nhớ lớn nhất {worst_mb:.0f} MB; mục tiêu < {GOAL_S:.0f} s, < {GOAL_MB} MB, lỗi có vị trí (exit 2)"
    )
    print(f"RESULT bombs_max_s {worst_s:.1f} {GOAL_S:.0f}")
    print(f"RESULT bombs_max_mb {worst_mb:.0f} {GOAL_MB}")


if __name__ == "__main__":
    main()
