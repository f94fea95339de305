"""Importing a 1.000-row workbook into a data file, against openpyxl alone reading it.

1. A workbook laid out as a statistics system exports one (in a temporary folder): a
   merged title, then 1.000 rows of 12 columns (number, label, nine number columns, a
   cause); the catalogue's entered figures are among the rows, found through a map by
   their label (column B), their values in columns E and J and the cause in L.
2. Measured, in one process with the phrase bank loaded: ``import_into`` of the workbook
   into a fresh copy of a new data file (open the workbook, find and read every figure's
   cells, open the data file through the round-trip Draft, set 187 values, save).
3. Baseline: openpyxl alone reading the same workbook: ``load_workbook(data_only=True)``,
   the mode the import uses (read-only mode exposes no merged cells), and every value of
   every row. Read-only mode's time is printed too.

    .venv/bin/python benchmarks/bench_import.py [--rows N] [--repeat N]

The last line is ``RESULT import_ratio <ratio> 2`` (goal: at most 2).
"""

from __future__ import annotations

import argparse
import gc
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
GOAL = 2.0


def build(folder: Path, rows: int) -> tuple[Path, Path, Path, int]:
    """The workbook, its map and a new data file; returns them and the number of values."""
    import json

    import openpyxl

    from drafting.bank.bank import default_bank
    from drafting.datafile.skeleton import skeleton_text

    bank = default_bank()
    figures = [f for f in bank.catalogue.figures.values() if f.entered]
    workbook = openpyxl.Workbook()
    ws = workbook.active
    assert ws is not None
    ws.title = "Biểu thống kê"
    ws["A1"] = "BIỂU THỐNG KÊ KẾT QUẢ CÔNG TÁC NĂM 2025"
    ws.merge_cells("A1:L1")
    header = ["STT", "Chỉ tiêu", "Cũ", "Mới", "Tổng thụ lý", "Rút", "Đình chỉ", "Xét xử", "Còn lại", "Cùng kỳ", "%"]
    ws.append(header + ["Nguyên nhân"])
    step = max(rows // len(figures), 1)
    at = {2 + 1 + i * step: figure for i, figure in enumerate(figures)}
    values = 0
    for row in range(3, rows + 3):
        figure = at.get(row)
        label = f"{figure.title} ({figure.key})" if figure else f"Chỉ tiêu chi tiết số {row}"
        numbers = [row * 3 + k for k in range(9)]
        ws.append([row - 2, label, *numbers, f"do nguyên nhân {row}"])
        if figure:
            values += 3 if figure.compared else 1
    workbook.save(folder / "bieu.xlsx")
    lines = ["mac_dinh: {trang: Biểu thống kê, cot_nhan: B, ky_nay: E, cung_ky: J, nguyen_nhan: L}", "chi_so:"]
    lines += [f"  {f.id}: {{tim: {json.dumps(f'{f.title} ({f.key})', ensure_ascii=False)}}}" for f in figures]
    (folder / "ban-do.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "moi.yaml").write_text(skeleton_text(2025, bank), encoding="utf-8")
    return folder / "bieu.xlsx", folder / "ban-do.yaml", folder / "moi.yaml", values


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()

    import openpyxl

    from drafting.bank.bank import default_bank
    from drafting.datafile.importing.run import import_into

    bank = default_bank()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        book, layout, fresh, expected = build(folder, args.rows)
        target = folder / "bao-cao.yaml"

        def read_full() -> None:
            workbook = openpyxl.load_workbook(book, data_only=True)
            for ws in workbook.worksheets:
                for _ in ws.iter_rows(values_only=True):
                    pass

        def read_only() -> None:
            workbook = openpyxl.load_workbook(book, data_only=True, read_only=True)
            for ws in workbook.worksheets:
                for _ in ws.iter_rows(values_only=True):
                    pass
            workbook.close()

        def imported() -> None:
            plan = import_into(book, target, layout, bank)
            assert len(plan.to_write) == expected, (len(plan.to_write), expected)

        shutil.copyfile(fresh, target)
        imported()  # warm: the first run imports openpyxl's and ruamel's modules
        read_full()
        # Interleaved rounds, so that a slow moment of the machine hits both sides; the
        # ratio is the median of each round's ratio. CPU time is printed too: on a shared
        # machine it is less disturbed by other programs than wall time.
        rounds = []
        for _ in range(args.repeat):
            shutil.copyfile(fresh, target)  # a new data file each round: every value is written
            rounds.append([timed(f) for f in (imported, read_full, read_only)])
        wall = [[r[i][0] for r in rounds] for i in range(3)]
        cpu = [[r[i][1] for r in rounds] for i in range(3)]
        t_import, t_full, t_ro = (statistics.median(t) for t in wall)
        ratio = statistics.median(r[0][0] / r[1][0] for r in rounds)
        cpu_ratio = statistics.median(r[0][1] / r[1][1] for r in rounds)
        print(f"workbook: {args.rows} rows × 12 columns, {expected} values imported (median of {args.repeat} rounds)")
        print(f"import into the data file: {t_import * 1000:.1f} ms (CPU {statistics.median(cpu[0]) * 1000:.1f} ms)")
        print(
            f"openpyxl alone, load_workbook(data_only=True) + every value: {t_full * 1000:.1f} ms "
            f"(CPU {statistics.median(cpu[1]) * 1000:.1f} ms)"
        )
        print(f"openpyxl alone, read-only mode (no merged cells): {t_ro * 1000:.1f} ms (÷: {t_import / t_ro:.2f}×)")
        print(f"ratio: {ratio:.2f}× wall, {cpu_ratio:.2f}× CPU (goal ≤ {GOAL:g}×)")
        print(f"RESULT import_ratio {ratio:.2f} {GOAL:g}")


def timed(run: Callable[[], object]) -> tuple[float, float]:
    """Wall and CPU time of one call, after collecting the garbage of the calls before it
    (a workbook's cells refer to their sheet: freeing them needs the collector, which
    would otherwise run inside the next call's time)."""
    gc.collect()
    wall, cpu = time.perf_counter(), time.process_time()
    run()
    return time.perf_counter() - wall, time.process_time() - cpu


if __name__ == "__main__":
    main()
