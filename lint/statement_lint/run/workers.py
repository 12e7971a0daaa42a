"""Spreading a run's files over worker processes. Results come back in the order of the files,
so the output does not depend on the number of jobs."""

from __future__ import annotations

import os
from collections.abc import Iterator

from statement_lint.run.file import FileOptions, FileWork
from statement_lint.run.result import FileResult

# Below this many files, starting worker processes costs more than it saves.
PARALLEL_FROM = 64
_CHUNK = 16

_worker: FileWork | None = None


def _start_worker(options: FileOptions) -> None:
    global _worker
    _worker = FileWork(options)


def _run_batch(paths: list[str]) -> list[FileResult]:
    results = [_worker.run(path) for path in paths]
    _worker.finish()  # a worker may end with its batch: what its cache learnt is written now
    return results


def run_files(
    files: list[str], options: FileOptions, jobs: int, local: FileWork
) -> Iterator[FileResult]:
    """Each file's result, in the order of `files`."""
    jobs = usable_jobs(jobs, len(files))
    if jobs <= 1 or len(files) < PARALLEL_FROM:
        yield from _run_here(files, local)
        return
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    # Batches of neighbouring files: a batch mostly shares a folder, so a cache shard, which
    # is written once per batch; few large batches keep those writes few.
    size = max(_CHUNK, min(2048, len(files) // (jobs * 2)))
    batches = [files[i : i + size] for i in range(0, len(files), size)]
    done = 0
    try:
        with ProcessPoolExecutor(jobs, initializer=_start_worker, initargs=(options,)) as pool:
            for results in pool.map(_run_batch, batches):
                yield from results
                done += 1
    except BrokenProcessPool:
        # A worker was killed (out of memory, a signal): the rest is linted here, one by one.
        yield from _run_here([path for batch in batches[done:] for path in batch], local)


def _run_here(files: list[str], local: FileWork) -> Iterator[FileResult]:
    for path in files:
        yield local.run(path)
    local.finish()


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def usable_jobs(asked: int, files: int) -> int:
    """No more worker processes than there is work for (a batch each) or than a small
    multiple of the CPUs can run: `-j 100000` must not fork 100,000 processes."""
    return max(1, min(asked, 2 * default_jobs(), -(-files // _CHUNK)))
