"""Spreading a run's files over worker processes. Results come back in the order of the files,
so the output does not depend on the number of jobs."""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import chain, islice

from statement_lint.run.file import FileOptions, FileWork
from statement_lint.run.result import FileResult

# Below this many files, starting worker processes costs more than it saves.
PARALLEL_FROM = 64
# Batches of neighbouring files: a batch mostly shares a folder, so a cache shard, which is
# written once per batch. They start small, so that a few hundred files still spread over
# the workers, and grow to this size.
_FIRST_BATCH = 16
_LARGEST_BATCH = 512
# Batches handed out ahead of the one whose results are awaited, per worker: enough to keep
# every worker busy, few enough that memory does not grow with the number of files.
_AHEAD = 2

_worker: FileWork | None = None


def _start_worker(options: FileOptions) -> None:
    global _worker
    _worker = FileWork(options)


def _run_batch(paths: list[str]) -> list[FileResult]:
    results = [_worker.run(path) for path in paths]
    _worker.finish()  # a worker may end with its batch: what its cache learnt is written now
    return results


def run_files(
    files: Iterable[str], options: FileOptions, jobs: int, local: FileWork
) -> Iterator[FileResult]:
    """Each file's result, in the order of `files`, which are taken as they are needed."""
    files = iter(files)
    first = list(islice(files, PARALLEL_FROM))
    jobs = usable_jobs(jobs, len(first) if len(first) < PARALLEL_FROM else None)
    if jobs <= 1 or len(first) < PARALLEL_FROM:
        yield from _run_here(chain(first, files), local)
        return
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    waiting: deque = deque()  # (batch, future), in the order of the files
    batches = _batches(chain(first, files))
    try:
        with ProcessPoolExecutor(jobs, initializer=_start_worker, initargs=(options,)) as pool:
            for batch in batches:
                waiting.append((batch, pool.submit(_run_batch, batch)))
                if len(waiting) > _AHEAD * jobs:
                    yield from waiting[0][1].result()
                    waiting.popleft()
            while waiting:
                yield from waiting[0][1].result()
                waiting.popleft()
    except BrokenProcessPool:
        # A worker was killed (out of memory, a signal): the rest is linted here, one by one.
        rest = chain.from_iterable(batch for batch, _ in waiting)
        yield from _run_here(chain(rest, chain.from_iterable(batches)), local)


def _batches(files: Iterator[str]) -> Iterator[list[str]]:
    size = _FIRST_BATCH
    while batch := list(islice(files, size)):
        yield batch
        size = min(2 * size, _LARGEST_BATCH)


def _run_here(files: Iterable[str], local: FileWork) -> Iterator[FileResult]:
    for path in files:
        yield local.run(path)
    local.finish()


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def usable_jobs(asked: int, files: int | None) -> int:
    """No more worker processes than there is work for (a batch each; `files`: None when
    there are many) or than a small multiple of the CPUs can run: `-j 100000` must not fork
    100,000 processes."""
    work = -(-files // _FIRST_BATCH) if files is not None else asked
    return max(1, min(asked, 2 * default_jobs(), work))
