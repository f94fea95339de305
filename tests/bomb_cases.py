"""Template bombs (``tests/corpus/bombs.yaml``) and a harness that runs the CLI on them
in a child process under a memory limit and a timeout.

Shared by ``tests/test_bombs.py`` (hang guards) and ``benchmarks/bench_bombs.py``.
A bomb is put in a temporary copy of ``phrasebank/``; until the bank takes local
overlays, the child points the library at that copy before importing the rest of it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parent.parent
BOMBS_FILE = Path(__file__).parent / "corpus" / "bombs.yaml"
SAMPLE = ROOT / "examples" / "bao-cao-mau-2024.yaml"
MEMORY_LIMIT = 1 << 30  # bytes of address space
TIMEOUT = 60.0  # seconds: a hang guard, not a measure of speed

# The CLI with the phrase bank taken from the folder given first.
CHILD = """\
import sys
from pathlib import Path
import drafting.resources
drafting.resources.PHRASEBANK_DIR = Path(sys.argv[1])
from drafting.cli import main
sys.exit(main(sys.argv[2:]))
"""


@dataclass(frozen=True)
class Bomb:
    name: str
    error: str  # what the located error says
    variant: str = ""
    condition: str = ""
    refused_on_load: bool = False

    @property
    def phrase_id(self) -> str:
        return f"{'han_che' if self.condition else 'uu_diem'}.bom_{self.name}"

    @property
    def file_name(self) -> str:
        return "zz_bom_dieu_kien.yaml" if self.condition else "zz_bom.yaml"


def load_bombs() -> list[Bomb]:
    with open(BOMBS_FILE, encoding="utf-8") as handle:
        items = YAML(typ="safe", pure=True).load(handle)
    return [
        Bomb(item["ten"], item["loi"], item.get("cach_viet", ""), item.get("dieu_kien", ""), item.get("khi_nap", False))
        for item in items
    ]


def _phrase_file(section: str, bombs: list[Bomb]) -> str:
    lines = [f"muc: {section}", "cau:"]
    for bomb in bombs:
        lines += [f"  - id: {bomb.phrase_id}", "    nhan_dinh: uu_diem.doan_ket_noi_bo"]
        lines.append("    chuc_nang: danh_gia_chung")
        if bomb.condition:
            lines.append(f"    dieu_kien: {json.dumps(bomb.condition, ensure_ascii=False)}")
        variant = bomb.variant or "Đơn vị hoàn thành tốt nhiệm vụ được giao."
        lines += ["    cach_viet:", f"      - {json.dumps(variant, ensure_ascii=False)}"]
    return "\n".join(lines) + "\n"


def bank_with(bombs: list[Bomb], folder: Path) -> Path:
    """A copy of the shipped phrase bank in ``folder`` with the bombs added; its path.

    Variant bombs go to section III.1, condition bombs to III.2."""
    bank = folder / "phrasebank"
    shutil.copytree(ROOT / "phrasebank", bank)
    variants, conditions = [b for b in bombs if not b.condition], [b for b in bombs if b.condition]
    for section, chosen in (("III.1", variants), ("III.2", conditions)):
        if chosen:
            (bank / "cau" / chosen[0].file_name).write_text(_phrase_file(section, chosen), encoding="utf-8")
    return bank


def report_with(bombs: list[Bomb], folder: Path) -> Path:
    """The sample with the variant bombs pinned in III.1 (the condition bombs are left to
    the suggestions of III.2, which evaluate every condition of the section)."""
    pins = "".join(f"    - {{cau: {b.phrase_id}, cach_viet: 1}}\n" for b in bombs if not b.condition)
    text = SAMPLE.read_text(encoding="utf-8")
    if pins:
        text = text.replace("\nnoi_dung:\n", f"\nnoi_dung:\n  III.1:\n{pins}", 1)
    path = folder / "bao-cao.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@dataclass(frozen=True)
class Outcome:
    returncode: int | None  # None: killed at the timeout
    stdout: str
    stderr: str
    seconds: float
    peak_kib: int | None  # the child's peak resident memory (POSIX only)


def _limit_memory() -> None:  # pragma: no cover - runs in the child
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_cli_with_bank(bank: Path, *args: str, timeout: float = TIMEOUT, limit: bool = True) -> Outcome:
    """``drafting ARGS`` with ``bank`` as the phrase bank, in a child process limited to
    1 GB of address space (not on Windows) and killed after ``timeout`` seconds."""
    env = {**os.environ, "DRAFTING_NO_CACHE": "1", "PYTHONIOENCODING": "utf-8"}
    posix = os.name == "posix"
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(bank), *args],
            stdout=out,
            stderr=err,
            cwd=ROOT,
            env=env,
            preexec_fn=_limit_memory if posix and limit else None,
        )
        killed: list[bool] = []

        def kill() -> None:
            killed.append(True)
            proc.kill()

        timer = threading.Timer(timeout, kill)
        timer.start()
        peak: int | None = None
        try:
            if posix:
                _, status, usage = os.wait4(proc.pid, 0)
                proc.returncode = os.waitstatus_to_exitcode(status)
                peak = usage.ru_maxrss if sys.platform != "darwin" else usage.ru_maxrss // 1024
            else:
                proc.wait()
        finally:
            timer.cancel()
        seconds = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    return Outcome(None if killed else proc.returncode, stdout, stderr, seconds, peak)
