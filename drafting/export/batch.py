"""Work on many data files at once: rendering a folder of reports, loading many units.

Files are processed on every core with :class:`concurrent.futures.ProcessPoolExecutor`;
each worker process loads the catalogue, outline and phrase bank once (they are
cached per process and on disk) and reuses them for all its files. A broken file
never stops the others: its problems are collected and listed at the end.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TypeVar

from drafting.bank.bank import Bank, default_bank
from drafting.errors import DraftingError, Problem, ProblemsError
from drafting.export.workers import run_with_time_limit
from drafting.files.atomic import remove_stale_temp_files
from drafting.files.outputs import DATA_SUFFIXES, Inputs
from drafting.report import ReportData

EXTENSIONS = {"docx": ".docx", "md": ".md", "txt": ".txt", "pdf": ".pdf"}
PARALLEL_MIN = 4
TIMEOUT = 60.0  # seconds to render one file of a batch
T = TypeVar("T")
R = TypeVar("R")


def collect_inputs(items: Iterable[Path | str]) -> list[Path]:
    """Files as given and the ``*.yaml``/``*.yml`` files of folders (sorted), each once."""
    out: list[Path] = []
    seen: set[Path] = set()
    for item in items:
        path = Path(item)
        found = (
            sorted(p for p in path.iterdir() if p.suffix.lower() in DATA_SUFFIXES and p.is_file())
            if path.is_dir()
            else [path]
        )
        for p in found:
            key = p.resolve()
            if key not in seen:
                seen.add(key)
                out.append(p)
    return out


def worker_count(jobs: int, requested: int | None = None) -> int:
    """How many processes to use for ``jobs`` files."""
    cores = os.cpu_count() or 1
    return max(1, min(jobs, requested or cores))


class Progress:
    """A plain-text progress bar on stderr ("[#####.....] 12/40 tệp")."""

    def __init__(self, total: int, stream: IO[str] | None = None, label: str = "tệp", width: int = 30) -> None:
        self.total = total
        self.done = 0
        self.stream = stream if stream is not None else sys.stderr
        self.label = label
        self.width = width
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self._last_step = -1

    def advance(self, note: str = "") -> None:
        self.done += 1
        filled = self.width * self.done // max(self.total, 1)
        bar = f"[{'#' * filled}{'.' * (self.width - filled)}] {self.done}/{self.total} {self.label}"
        if self.tty:
            self.stream.write(f"\r{bar} {note[:40]:<40}")
            if self.done == self.total:
                self.stream.write("\n")
        else:
            # Not a terminal (a log file, a pipe): one line per tenth.
            step = 10 * self.done // max(self.total, 1)
            if step != self._last_step or self.done == self.total:
                self._last_step = step
                self.stream.write(bar + "\n")
        self.stream.flush()


def run_parallel(
    function: Callable[[T], R],
    items: Sequence[T],
    workers: int | None = None,
    progress: Progress | None = None,
    note: Callable[[T], str] = lambda item: "",
) -> list[R]:
    """``[function(item) for item in items]`` on every core, in the order of ``items``.

    ``function`` must be a module-level function that does not raise (it returns its
    failures); small jobs run in this process.
    """
    count = worker_count(len(items), workers)
    if count <= 1 or len(items) < PARALLEL_MIN:
        done: list[R] = []
        for item in items:
            done.append(function(item))
            if progress is not None:
                progress.advance(note(item))
        return done
    results: dict[int, R] = {}
    with ProcessPoolExecutor(max_workers=count) as pool:
        futures: dict[Future[R], int] = {pool.submit(function, item): i for i, item in enumerate(items)}
        for future in as_completed(futures):
            index = futures[future]
            results[index] = future.result()
            if progress is not None:
                progress.advance(note(items[index]))
    return [results[i] for i in range(len(items))]


# -- rendering -----------------------------------------------------------------


@dataclass
class BatchResult:
    """What a batch render wrote and what failed (file, one line per problem)."""

    written: list[Path] = field(default_factory=list)
    failures: list[tuple[Path, list[str]]] = field(default_factory=list)
    notes: list[tuple[Path, str]] = field(default_factory=list)
    """The format migrations older files needed: (file, note)."""


def output_paths(sources: Sequence[Path], outdir: Path, fmt: str) -> list[Path]:
    """One output per source in ``outdir``, named after it; clashing names get "-2", "-3"…"""
    out: list[Path] = []
    used: set[str] = set()
    suffix = EXTENSIONS[fmt]
    for source in sources:
        name = source.stem + suffix
        n = 2
        while name.lower() in used:
            name = f"{source.stem}-{n}{suffix}"
            n += 1
        used.add(name.lower())
        out.append(outdir / name)
    return out


def _messages(exc: BaseException) -> list[str]:
    if isinstance(exc, ProblemsError):
        return [str(p) for p in exc.problems] or [str(exc)]
    if isinstance(exc, OSError):
        place = f"{exc.filename}: " if exc.filename is not None else ""
        return [f"{place}lỗi ghi/đọc tệp: {exc.strerror or exc}"]
    return [str(exc)]


def render_one(job: tuple[Path, Path, str, Bank]) -> tuple[Path, list[str], list[str]]:
    """Render one file; return its output, the failure messages (empty on success) and the
    notes of the format migrations it needed."""
    from drafting.export.render import render_file

    source, output, fmt, bank = job
    notes: list[str] = []
    try:
        render_file(source, output, fmt, bank, notes)
    except (DraftingError, OSError) as exc:
        return output, _messages(exc), notes
    except Exception as exc:  # a bug must not stop the other files
        return output, [f"lỗi không mong đợi: {type(exc).__name__}: {exc}"], notes
    return output, [], notes


def render_batch(
    sources: Sequence[Path],
    outdir: Path,
    fmt: str = "docx",
    workers: int | None = None,
    progress: Progress | None = None,
    timeout: float = TIMEOUT,
    bank: Bank | None = None,
) -> BatchResult:
    """Render every source into ``outdir`` (created if missing), going on past failures.

    Each file renders in a worker process and has ``timeout`` seconds: a file still
    rendering then is stopped and reported like any other failure."""
    bank = bank if bank is not None else default_bank()
    outdir.mkdir(parents=True, exist_ok=True)
    guard = Inputs(sources)
    result = BatchResult()
    jobs: list[tuple[Path, Path, str, Bank]] = []
    for source, output in zip(sources, output_paths(sources, outdir, fmt), strict=True):
        try:
            guard.check(output)  # an output linked to another input of the batch
        except DraftingError as exc:
            result.failures.append((source, [str(exc)]))
            if progress is not None:
                progress.advance(source.name)
            continue
        jobs.append((source, output, fmt, bank))
    stopped = f"chưa xuất xong sau {timeout:g} giây nên đã dừng (giới hạn thời gian mỗi tệp: --timeout)"
    outcomes = run_with_time_limit(
        render_one,
        jobs,
        worker_count(len(jobs), workers),
        timeout,
        timed_out=lambda job: (job[1], [stopped], []),
        died=lambda job: (job[1], ["tiến trình xuất tệp này dừng bất thường (hết bộ nhớ?)"], []),
        done=lambda job: progress.advance(job[0].name) if progress is not None else None,
    )
    remove_stale_temp_files(outdir)  # those of a stopped worker
    for (source, _, _, _), (output, messages, notes) in zip(jobs, outcomes, strict=True):
        result.notes += [(source, note) for note in notes]
        if messages:
            result.failures.append((source, messages))
        else:
            result.written.append(output)
    result.failures.sort(key=lambda failure: sources.index(failure[0]))
    return result


# -- loading -------------------------------------------------------------------


def load_one(job: tuple[Path, Bank]) -> tuple[ReportData | None, tuple[Problem, ...]]:
    """Load and validate one file for use in another process (without its YAML tree)."""
    from drafting.datafile.validate import load_report

    path, bank = job
    try:
        return load_report(path, bank), ()
    except ProblemsError as exc:
        return None, exc.problems
    except OSError as exc:
        return None, (Problem(str(path), None, "", f"lỗi đọc tệp: {exc.strerror or exc}"),)


def load_many(
    paths: Sequence[Path], bank: Bank, workers: int | None = None
) -> list[tuple[ReportData | None, tuple[Problem, ...]]]:
    """:func:`load_one` of every path, on every core, in order."""
    return run_parallel(load_one, [(p, bank) for p in paths], workers)
