"""Worker processes with a time limit per job.

:class:`concurrent.futures.ProcessPoolExecutor` cannot stop one job: a file that takes
minutes to render would hold the whole batch. Here each worker process takes one job
at a time through a pipe; a job that runs past its time limit has its process killed
(a single C call cannot be interrupted any other way, on any platform) and replaced,
and is reported like any other failure, while the other jobs go on. A worker that dies
(killed from outside, out of memory) is reported and replaced the same way.
"""

from __future__ import annotations

import multiprocessing
import time
from collections import deque
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection, wait
from typing import Any, Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")

__all__ = ["run_with_time_limit"]


def _serve(connection: Connection, function: Callable[[Any], Any]) -> None:  # pragma: no cover - in the worker
    """A worker's loop: a job in, its result out, until told to stop."""
    while True:
        try:
            job = connection.recv()
        except (EOFError, KeyboardInterrupt):
            return
        if job is None:
            return
        connection.send(function(job))


class _Worker(Generic[T]):
    def __init__(self, context: Any, function: Callable[[T], Any]) -> None:
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, function), daemon=True)
        self.process.start()
        child.close()
        self.index: int | None = None
        self.deadline = 0.0

    def give(self, index: int, item: T, seconds: float) -> None:
        self.index, self.deadline = index, time.monotonic() + seconds
        self.connection.send(item)

    def stop(self, kill: bool = False) -> None:
        if not kill:
            try:
                self.connection.send(None)
            except OSError:
                kill = True
        if kill:
            self.process.kill()
        self.process.join(5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.connection.close()


def run_with_time_limit(
    function: Callable[[T], R],
    items: Sequence[T],
    workers: int,
    seconds: float,
    timed_out: Callable[[T], R],
    died: Callable[[T], R],
    done: Callable[[T], None] = lambda item: None,
) -> list[R]:
    """``[function(item) for item in items]`` in ``workers`` processes, in order.

    ``function`` must be a module-level function that returns its failures rather than
    raising. A job still running after ``seconds`` gives ``timed_out(item)``; a job whose
    process died gives ``died(item)``. ``done(item)`` is called as each job ends.
    """
    context = multiprocessing.get_context()
    results: dict[int, R] = {}
    pending = deque(enumerate(items))
    pool: list[_Worker[T]] = [_Worker(context, function) for _ in range(max(1, min(workers, len(items))))]
    try:
        while pending or any(w.index is not None for w in pool):
            for worker in pool:
                if worker.index is None and pending:
                    worker.give(*pending.popleft(), seconds)
            busy = [w for w in pool if w.index is not None]
            left = max(0.0, min(w.deadline for w in busy) - time.monotonic())
            ready = wait([w.connection for w in busy] + [w.process.sentinel for w in busy], timeout=left)
            for position, worker in enumerate(pool):
                index = worker.index
                if index is None:
                    continue
                replace = True
                if worker.connection in ready:
                    try:
                        results[index], replace = worker.connection.recv(), False
                    except (EOFError, OSError):
                        results[index] = died(items[index])
                elif worker.process.sentinel in ready:
                    results[index] = died(items[index])
                elif time.monotonic() >= worker.deadline:
                    results[index] = timed_out(items[index])
                else:
                    continue
                worker.index = None
                done(items[index])
                if replace:
                    worker.stop(kill=True)
                    pool[position] = _Worker(context, function)
    finally:
        for worker in pool:
            worker.stop(kill=worker.index is not None)
    return [results[i] for i in range(len(items))]
