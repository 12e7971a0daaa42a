"""Linting many files: one file at a time here, or spread over worker processes, with the
cache, and --fix, applied file by file. Results come back in the order of the files, so the
output does not depend on the number of jobs."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

from statement_lint.configfile import ConfigResolver
from statement_lint.discover import display_path
from statement_lint.engine import Linter, describe_failure
from statement_lint.errors import UserError
from statement_lint.model import Diagnostic
from statement_lint.readers import Document, read_path, reason

# Below this many files, starting worker processes costs more than it saves.
PARALLEL_FROM = 64
_CHUNK = 16


@dataclass(frozen=True)
class RunOptions:
    config: str | None = None
    isolated: bool = False
    overrides: dict = field(default_factory=dict)
    cache_dir: str | None = None  # None: no cache
    fix: bool = False
    diff: bool = False
    keep_text: bool = False  # the formats that show excerpts need the text


@dataclass
class FileResult:
    shown: str
    diagnostics: list[Diagnostic]
    usage: list  # per-file-ignores entries this file matched: [config, glob, matched, suppressed]
    fixed: int = 0
    text: str | None = None
    diff: str = ""
    fix_error: str | None = None
    failed: bool = False  # statement-lint failed on it (DOC003): the run ends with status 2
    notes: list[str] = field(default_factory=list)  # for the run to say once


class FileLinter:
    """Lints one file after another with one set of options (in this process)."""

    def __init__(self, options: RunOptions) -> None:
        from statement_lint.cache import ResultCache

        self.options = options
        self.resolver = ConfigResolver(options.config, options.isolated, options.overrides)
        self.linter = Linter(resolver=self.resolver)
        self.cache = ResultCache(options.cache_dir) if options.cache_dir else None

    def run(self, path: str) -> FileResult:
        """The file's result; a bug met on the way is DOC003 on this file, and the run goes on."""
        try:
            result = self._run(path)
        except UserError:
            raise
        except Exception as error:
            self.linter.take_per_file_use()
            document = Document(display_path(path), None, failure=describe_failure(error))
            settings = self.resolver.for_path(path)
            diagnostics = self.linter.lint_document(document, settings, path)
            result = FileResult(document.path, diagnostics, self.linter.take_per_file_use())
            result.failed = True
        result.failed = self.linter.take_failures() > 0 or result.failed  # in --fix's re-lints
        return result

    def _run(self, path: str) -> FileResult:
        shown = display_path(path)
        settings = self.resolver.for_path(path)
        use_cache = self.cache is not None and not (self.options.fix or self.options.diff)
        if use_cache:
            entry = self.cache.lookup(settings, path, shown)
            if entry is not None:
                text = None
                if self.options.keep_text and entry["diagnostics"]:
                    text = read_path(path, shown, settings.limits).text
                return FileResult(
                    shown, entry["diagnostics"], entry["usage"], text=text, notes=entry["notes"]
                )
        document, diagnostics = self.linter.lint_path(path)
        usage = self.linter.take_per_file_use()
        result = FileResult(shown, diagnostics, usage, failed=self.linter.take_failures() > 0)
        result.notes = self.linter.take_notes()
        if (self.options.fix or self.options.diff) and any(d.fix for d in diagnostics):
            self._fix(path, document, result)
        elif use_cache and document.error is None and not result.failed:
            self.cache.store(settings, path, document, diagnostics, usage, result.notes)
        if self.options.keep_text and result.diagnostics:
            result.text = document.text
        return result

    def finish(self) -> None:
        """Write what the cache learnt."""
        if self.cache is not None:
            self.cache.flush()

    def run_stdin(self, data: bytes, name: str | None) -> FileResult:
        document, diagnostics = self.linter.lint_stdin(data, name)
        result = FileResult(document.path, diagnostics, self.linter.take_per_file_use())
        if self.options.diff and any(d.fix for d in diagnostics):
            self._fix(None, document, result)
        result.text = document.text if self.options.keep_text else None
        result.failed = self.linter.take_failures() > 0
        result.notes = self.linter.take_notes()
        return result

    def _fix(self, path: str | None, document: Document, result: FileResult) -> None:
        from statement_lint.fix import NotWritten, fix_document, unified_diff, write_atomically

        settings = self.resolver.for_path(path or ".")
        where = path or document.path

        def lint(fixed: Document) -> list[Diagnostic]:
            return self.linter.lint_document(fixed, settings, where)

        outcome = fix_document(document, result.diagnostics, lint)
        self.linter.take_per_file_use()  # the re-lints' usage repeats the first one's
        if self.options.diff:
            result.diff = unified_diff(outcome)
            result.fixed = outcome.fixed
            return
        if not outcome.fixed:
            return
        try:
            write_atomically(path, outcome.data, document.source)
        except NotWritten as refused:
            result.fix_error = str(refused)
            return
        except OSError as error:
            result.fix_error = f"{reason(error)}; nothing was changed"
            return
        result.diagnostics, result.fixed = outcome.diagnostics, outcome.fixed


_worker: FileLinter | None = None


def _start_worker(options: RunOptions) -> None:
    global _worker
    _worker = FileLinter(options)


def _run_batch(paths: list[str]) -> list[FileResult]:
    results = [_worker.run(path) for path in paths]
    _worker.finish()  # a worker may end with its batch: what its cache learnt is written now
    return results


def run_files(
    files: list[str], options: RunOptions, jobs: int, local: FileLinter
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


def _run_here(files: list[str], local: FileLinter) -> Iterator[FileResult]:
    for path in files:
        yield local.run(path)
    local.finish()


def usable_jobs(asked: int, files: int) -> int:
    """No more worker processes than there is work for (a batch each) or than a small
    multiple of the CPUs can run: `-j 100000` must not fork 100,000 processes."""
    return max(1, min(asked, 2 * default_jobs(), -(-files // _CHUNK)))


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


class Progress:
    """`[1200/10000] 850 files/s, 10 s left` on a terminal, for runs longer than ~2 s."""

    def __init__(self, total: int, enabled: bool) -> None:
        self.total = total
        self.enabled = enabled and total > 0
        self.start = time.monotonic()
        self.shown = False
        self._last = 0.0

    def update(self, done: int) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        elapsed = now - self.start
        if elapsed < 2 or now - self._last < 0.2:
            return
        self._last = now
        rate = done / elapsed if elapsed else 0
        left = (self.total - done) / rate if rate else 0
        sys.stderr.write(f"\r[{done}/{self.total}] {rate:.0f} files/s, {left:.0f} s left ")
        sys.stderr.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()


__all__ = [
    "FileLinter",
    "FileResult",
    "Progress",
    "RunOptions",
    "default_jobs",
    "run_files",
    "usable_jobs",
]
