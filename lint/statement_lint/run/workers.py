"""Spreading a run's files over worker processes. Results come back in the order of the files,
so the output does not depend on the number of jobs.

The work on one file is a `run.work.Work`: a `FileWork` for linting, a `RowWork` for the
register; a worker process builds one of the same class from the same options."""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator

from statement_lint.run.work import FileOptions, Work

# Below this many files, starting worker processes costs more than it saves.
PARALLEL_FROM = 64
# Batches of neighbouring files: a batch mostly shares a folder, so a cache shard, which is
# written once per batch. They start small, so that a few hundred files still spread over
# the workers, and grow to this size: no larger, since the last batch keeps one worker busy
# while the others have nothing left (at 512, 1,000 files took 25 % longer on 2 CPUs; 10,000
# files, with or without the cache, take as long at 64 as at 512).
_FIRST_BATCH = 16
_LARGEST_BATCH = 64
# Batches handed out ahead of the one whose results are awaited, per worker: enough to keep
# every worker busy, few enough that memory does not grow with the number of files.
_AHEAD = 2
# Cached results held behind files still to lint, at most: then those are linted, whatever
# their number, so that memory stays flat.
_HELD = 1024

_worker: Work | None = None


def _start_worker(work: type[Work], options: FileOptions) -> None:
    global _worker
    _worker = work(options)


def _run_batch(paths: list[str]) -> list:
    results = [_worker.run(path) for path in paths]
    _worker.finish()  # a worker may end with its batch: what its cache learnt is written now
    return results


def run_files(files: Iterable[str], options: FileOptions, jobs: int, local: Work) -> Iterator:
    """Each file's result, in the order of `files`, which are taken as they are needed.

    Results the cache holds are taken here; the other files are linted here too while they
    are few, and by worker processes once there are PARALLEL_FROM of them: a re-run over an
    archive where little changed starts no worker. With one job, each file is linted here as
    it comes."""
    files = iter(files)
    work = _Queue(options, usable_jobs(jobs, None), local)
    try:
        for path in files:
            work.add(path)
            yield from work.ready(block=False)
        work.hand_out(force=True)
        yield from work.ready(block=True)
    except _broken_pool():
        # A worker was killed (out of memory, a signal): the rest is linted here, one by one.
        yield from work.salvage()
        yield from _run_here(files, local)
    finally:
        work.close()


def _broken_pool() -> type[BaseException]:
    """The pool's error when a worker dies (imported only when something went wrong: the
    module pulls in multiprocessing)."""
    from concurrent.futures.process import BrokenProcessPool

    return BrokenProcessPool


class _Queue:
    """The files of a run, in order: slots of results (from the cache, or linted here) and
    of batches handed out to workers; then the files still to hand out (`waiting`) and the
    cached results that come after them (`after`)."""

    def __init__(self, options: FileOptions, jobs: int, local: Work) -> None:
        self.options = options
        self.jobs = jobs
        self.local = local
        self.pool = None
        self.slots: deque = deque()  # a list of results, or (batch, future)
        self.waiting: list[str] = []
        self.after: list = []
        self.batch_size = _FIRST_BATCH

    def add(self, path: str) -> None:
        cached = self.local.cached(path)
        if cached is None:
            if self.after:  # results wait behind the waiting files: hand those out first
                self.hand_out(force=True)
            self.waiting.append(path)
            self.hand_out(force=False)
        elif self.waiting:
            self.after.append(cached)
            if len(self.after) >= _HELD:
                self.hand_out(force=True)
        else:
            self.slots.append([cached])

    def hand_out(self, force: bool) -> None:
        """Hand the waiting files out: to the workers in batches once there are enough of
        them; `force`d, all of them, linted here if they are too few to start workers for;
        with one job, linted here at once."""
        if self.jobs > 1 and (self.pool is not None or len(self.waiting) >= PARALLEL_FROM):
            while self.waiting and (force or len(self.waiting) >= self.batch_size):
                batch = self.waiting[: self.batch_size]
                future = self._submit(batch)
                del self.waiting[: self.batch_size]
                self.slots.append((batch, future))
                self.batch_size = min(2 * self.batch_size, _LARGEST_BATCH)
        elif (force or self.jobs == 1) and self.waiting:  # one process: no reason to wait
            self.slots.append([self.local.run(path) for path in self.waiting])
            self.waiting = []
        if not self.waiting and self.after:
            self.slots.append(self.after)
            self.after = []

    def ready(self, block: bool) -> Iterator:
        """The results at the head of the order that are done; waiting for a batch when
        `block`, or when too many batches, or results, wait behind it."""
        while self.slots:
            head = self.slots[0]
            if not isinstance(head, list):
                ahead = sum(not isinstance(slot, list) for slot in self.slots)
                crowded = ahead > _AHEAD * self.jobs or len(self.slots) > _HELD
                if not (block or crowded or head[1].done()):
                    return
                head = head[1].result()
            self.slots.popleft()
            yield from head

    def salvage(self) -> Iterator:
        """What was not yet given back, linted here: a worker died."""
        for slot in self.slots:
            yield from slot if isinstance(slot, list) else map(self.local.run, slot[0])
        yield from map(self.local.run, self.waiting)
        yield from self.after
        self.slots.clear()
        self.waiting, self.after = [], []

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
        self.local.finish()

    def _submit(self, batch: list[str]):
        if self.pool is None:
            from concurrent.futures import ProcessPoolExecutor

            self.pool = ProcessPoolExecutor(
                self.jobs, initializer=_start_worker, initargs=(type(self.local), self.options)
            )
        return self.pool.submit(_run_batch, batch)


def _run_here(files: Iterable[str], local: Work) -> Iterator:
    for path in files:
        cached = local.cached(path)
        yield cached if cached is not None else local.run(path)
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
