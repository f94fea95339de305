"""``drafting check`` of the sample against a bare ``python -c pass``, side by side.

Both commands run as fresh processes, interleaved, several times; the medians are
compared. As in an installed copy, Python's compiled bytecode cache is on (a sandbox
may turn it off with ``PYTHONDONTWRITEBYTECODE``), and the phrase bank's disk cache is
warmed first (what every run after the first one sees); the first run with an empty
cache is measured and shown too.

    .venv/bin/python benchmarks/bench_check.py [--runs N]

The last line is ``RESULT check_overhead_s <seconds> 0.25`` (goal: at most 0.25 s).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "bao-cao-mau-2024.yaml"
GOAL = 0.25
STEPS = """
import sys, time
clock = time.process_time
start = clock()
from drafting.checks.checker import check_file
from drafting.files.yamlio import read_yaml_file
imported = clock()
read_yaml_file(sys.argv[1], comments=False)
parsed = clock()
check_file(sys.argv[1])
done = clock()
print(f"nhập mô-đun {imported - start:.3f} s, đọc YAML {parsed - imported:.3f} s, "
      f"kiểm tra (gồm đọc YAML) {done - parsed:.3f} s")
"""


# As installed: with compiled bytecode cached.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed(command: list[str], env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env or ENV, cwd=ROOT)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)}: exit {done.returncode}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    base = [sys.executable, "-c", "pass"]
    # What the check cannot do without: Jinja (phrase texts and conditions) and ruamel.yaml
    # (the one YAML parser, #12).
    floor = [sys.executable, "-c", "import jinja2, ruamel.yaml"]
    check = [sys.executable, "-m", "drafting", "check", str(SAMPLE)]

    with tempfile.TemporaryDirectory(prefix="drafting-cache-") as empty:
        cold = timed(check, {**ENV, "DRAFTING_CACHE_DIR": empty})
    timed(check)  # warm the default cache
    bases: list[float] = []
    floors: list[float] = []
    checks: list[float] = []
    for _ in range(args.runs):
        bases.append(timed(base))
        floors.append(timed(floor))
        checks.append(timed(check))
    b, f, c = statistics.median(bases), statistics.median(floors), statistics.median(checks)
    steps = subprocess.run(
        [sys.executable, "-c", STEPS, str(SAMPLE)], capture_output=True, text=True, cwd=ROOT, check=True, env=ENV
    ).stdout.strip()
    print(f"thời gian CPU trong một lần chạy: {steps}")
    print(f"python -c pass          trung vị {b:.3f} s  (min {min(bases):.3f})")
    print(f"import jinja2, ruamel   trung vị {f:.3f} s  (min {min(floors):.3f}; chênh lệch {f - b:.3f} s)")
    print(f"drafting check (mẫu)    trung vị {c:.3f} s  (min {min(checks):.3f})")
    print(f"drafting check, lần đầu (bộ nhớ đệm trống): {cold:.3f} s")
    print(f"chênh lệch: {c - b:.3f} s (mục tiêu ≤ {GOAL} s); riêng phần của drafting: {c - f:.3f} s")
    print(f"RESULT check_overhead_s {c - b:.3f} {GOAL}")


if __name__ == "__main__":
    main()
