"""Consolidating and batch-rendering 400 units, against python-docx alone, in one run.

1. 400 unit files are generated from the sample (in a temporary folder): each unit's
   figures are the sample's times a factor, plus an offset on criminal cases accepted
   (kept consistent with the total), and each unit has its own name.
2. Measured: ``drafting consolidate`` of the 400 files, then ``drafting render`` of the
   400 files and the consolidated one to docx (batch, all cores), as a user runs them.
3. Baseline: python-docx alone writing the same number of documents holding the same
   headings, paragraphs and tables (those of the composed sample and of the composed
   consolidated report), with the same number of processes.

    .venv/bin/python benchmarks/bench_consolidate.py [--units N] [--jobs N]

Wall time is what a user waits; CPU time (of every process, workers included) is
printed too, as it is less disturbed by other programs running on the machine.

The last line is ``RESULT consolidate_render_ratio <ratio> 1.5`` (goal: at most 1.5).
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "bao-cao-mau-2024.yaml"
GOAL = 1.5
VALUE = re.compile(r"^(\s+)([a-z_]+): (\d+)$")


def unit_text(sample: str, index: int) -> str:
    """The sample with figures scaled by a factor, an offset, and its own unit name."""
    factor = 1 + index % 5
    offset = index % 17
    out = []
    in_figures = False
    group = figure = ""
    for line in sample.splitlines():
        if line.startswith("so_lieu:"):
            in_figures = True
        elif line and not line.startswith((" ", "#")):
            in_figures = False
        stripped = line.strip()
        indent = len(line) - len(line.lstrip())
        if in_figures and stripped.endswith(":") and not stripped.startswith("#"):
            if indent == 2:
                group = stripped[:-1]
            elif indent == 4:
                figure = stripped[:-1]
        match = VALUE.match(line) if in_figures else None
        if match:
            spaces, key, number = match.groups()
            value = int(number) * factor
            # Criminal cases accepted grow by an offset, and so does the total they are part of.
            if key == "ky_nay" and figure == "thu_ly" and group in ("an_hinh_su", "tong_so"):
                value += offset
            line = f"{spaces}{key}: {value}"
        out.append(line)
    text = "\n".join(out) + "\n"
    return text.replace("ten: Tòa án nhân dân tỉnh Hoa Sen", f"ten: Tòa án nhân dân khu vực {index + 1:03d}")


def children_cpu() -> float:
    """CPU seconds (user + system) of the child processes ended so far, theirs included."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(command: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of a command (its worker processes included)."""
    cpu = children_cpu()
    start = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command[:4])} …: exit {done.returncode}\n{done.stderr[-2000:]}")
    return elapsed, children_cpu() - cpu


def document_parts(path: Path) -> list[tuple[str, Any]]:
    """Headings, paragraphs and tables of a composed report, in order (for the baseline)."""
    from drafting.composition.composer import compose
    from drafting.datafile.validate import load_report
    from drafting.document import Paragraph, Table, plain

    document = compose(load_report(path, comments=False))
    header = document.header
    parts: list[tuple[str, Any]] = [
        ("p", plain(text))
        for text in (
            header.parent_body,
            header.issuing_body,
            header.number_line,
            header.national_title,
            header.motto,
            header.place_date,
            header.doc_type,
            header.summary,
        )
    ]
    for section in document.walk():
        parts.append(("h", section.title))
        for block in section.blocks:
            if isinstance(block, Paragraph):
                parts.append(("p", block.text))
            elif isinstance(block, Table):
                header_row, *rows = block.text_rows()
                parts.append(("t", (header_row, rows)))
    parts += [("p", plain(line)) for line in document.recipients]
    signature = document.signature
    parts += [("p", signature.authority), ("p", signature.title), ("p", plain(signature.name))]
    return parts


def write_plain_docx(job: tuple[list[tuple[str, Any]], str]) -> None:
    """The baseline: python-docx writing the parts with its default styles."""
    import docx

    parts, path = job
    document = docx.Document()
    for kind, content in parts:
        if kind == "h":
            document.add_heading(content, level=2)
        elif kind == "p":
            document.add_paragraph(content)
        else:
            header, rows = content
            table = document.add_table(rows=1, cols=len(header))
            for cell, text in zip(table.rows[0].cells, header, strict=True):
                cell.text = text
            for row in rows:
                for cell, text in zip(table.add_row().cells, row, strict=True):
                    cell.text = text
    document.save(path)


def components(sample_parts: list[tuple[str, Any]], rounds: int = 6) -> dict[str, float]:
    """CPU seconds per document of each step, in this process, interleaved (robust to load)."""
    from drafting.composition.composer import compose
    from drafting.datafile.validate import load_report
    from drafting.export.docx import write_docx

    clock = time.process_time
    totals = {"python-docx": 0.0, "write_docx": 0.0, "load": 0.0, "compose": 0.0}
    with tempfile.TemporaryDirectory(prefix="drafting-bench-") as tmp:
        report = load_report(SAMPLE, comments=False)
        document = compose(report)
        write_docx(document, Path(tmp) / "warm.docx")
        for _ in range(rounds):
            start = clock()
            write_plain_docx((sample_parts, str(Path(tmp) / "plain.docx")))
            totals["python-docx"] += clock() - start
            start = clock()
            write_docx(document, Path(tmp) / "ours.docx")
            totals["write_docx"] += clock() - start
            start = clock()
            report = load_report(SAMPLE, comments=False)
            totals["load"] += clock() - start
            start = clock()
            compose(report)
            totals["compose"] += clock() - start
    return {k: v / rounds for k, v in totals.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--units", type=int, default=400)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    sample = SAMPLE.read_text(encoding="utf-8")
    python = sys.executable
    with tempfile.TemporaryDirectory(prefix="drafting-bench-") as tmp:
        folder = Path(tmp) / "don_vi"
        folder.mkdir()
        for index in range(args.units):
            (folder / f"don_vi_{index + 1:03d}.yaml").write_text(unit_text(sample, index), encoding="utf-8")
        merged = Path(tmp) / "tong_hop.yaml"
        out = Path(tmp) / "docx"
        jobs = ["--jobs", str(args.jobs)]

        t_consolidate, c_consolidate = run(
            [python, "-m", "drafting", "consolidate", str(folder), "-o", str(merged), *jobs]
        )
        t_render, c_render = run([python, "-m", "drafting", "render", str(folder), str(merged), "-o", str(out), *jobs])
        written = len(list(out.glob("*.docx")))
        assert written == args.units + 1, written

        unit_parts = document_parts(folder / "don_vi_001.yaml")
        merged_parts = document_parts(merged)
        base_out = Path(tmp) / "baseline"
        base_out.mkdir()
        baseline_jobs = [(unit_parts, str(base_out / f"{i}.docx")) for i in range(args.units)]
        baseline_jobs.append((merged_parts, str(base_out / "tong_hop.docx")))
        cpu = children_cpu()
        start = time.perf_counter()
        with ProcessPoolExecutor(max_workers=args.jobs) as pool:
            list(pool.map(write_plain_docx, baseline_jobs, chunksize=4))
        t_base = time.perf_counter() - start
        c_base = children_cpu() - cpu  # the workers, ended with the pool

    steps = components(unit_parts)
    ours = t_consolidate + t_render
    ratio = ours / t_base
    n = args.units
    base = steps["python-docx"]
    print("Thời gian CPU cho mỗi báo cáo (một tiến trình, đo xen kẽ):")
    print(f"  python-docx thuần           {base:.3f} s")
    print(f"  write_docx (Nghị định 30)   {steps['write_docx']:.3f} s  ({steps['write_docx'] / base:.2f}×)")
    print(f"  đọc + kiểm tra tệp YAML     {steps['load']:.3f} s  ({steps['load'] / base:.2f}×)")
    print(f"  soạn báo cáo (compose)      {steps['compose']:.3f} s  ({steps['compose'] / base:.2f}×)")
    print(f"{n} đơn vị, {args.jobs} tiến trình                  thực     CPU")
    print(f"drafting consolidate ({n} tệp)            {t_consolidate:8.2f} s {c_consolidate:8.2f} s")
    print(f"drafting render docx ({n + 1} tệp, song song)  {t_render:8.2f} s {c_render:8.2f} s")
    print(f"tổng                                       {ours:8.2f} s {c_consolidate + c_render:8.2f} s")
    print(f"python-docx thuần ({n + 1} tệp, song song)     {t_base:8.2f} s {c_base:8.2f} s")
    print(f"tỷ lệ CPU: {(c_consolidate + c_render) / c_base:.2f}")
    print(f"tỷ lệ: {ratio:.2f} (mục tiêu ≤ {GOAL})")
    print(f"RESULT consolidate_render_ratio {ratio:.2f} {GOAL}")


if __name__ == "__main__":
    main()
