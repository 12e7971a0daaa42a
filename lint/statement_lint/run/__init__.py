"""A run over many files: the one pipeline the command line and the library share.

    paths --discover--> files --FileWork (cache, read, lint, fix; here or in workers)-->
    FileResult --baseline--> the caller, file by file, in order --end()--> RunEnd

Settings are resolved once per folder by one resolver; each file's result is typed
(`FileResult`); what only the whole run can tell (per-file-ignores entries that hid nothing,
stale baseline entries, files statement-lint failed on, notes to say once) is in `RunEnd`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from statement_lint.config.settings import Settings
from statement_lint.diagnostic import Diagnostic, IgnoreUse
from statement_lint.records import field, record
from statement_lint.run.discover import discover, display_path
from statement_lint.run.file import FileWork
from statement_lint.run.result import FileResult
from statement_lint.run.work import FileOptions
from statement_lint.run.workers import default_jobs, run_files

__all__ = ["FileResult", "Run", "RunEnd", "RunOptions"]


@record(frozen=True)
class RunOptions:
    """Everything a run depends on: the one carrier of the command line's options."""

    paths: tuple[str, ...] = (".",)  # `-` is standard input
    config: str | None = None
    isolated: bool = False
    overrides: tuple[tuple[str, object], ...] = ()  # settings the command line sets
    force_exclude: bool = False
    cache_dir: str | None = None  # None: no cache
    fix: bool = False
    diff: bool = False
    jobs: int | None = None  # None: the number of CPUs (one for --fix and --diff)
    baseline: str | None = None
    baseline_prune: bool = False
    write_baseline: str | None = None
    stdin: BinaryIO | None = None
    stdin_filename: str | None = None
    settings: Settings | None = None  # for every file, instead of config files (the library)
    annotate: str | None = None  # Word files' commented copies: "" beside them, or a folder

    def file_options(self) -> FileOptions:
        return FileOptions(
            self.config,
            self.isolated,
            self.overrides,
            self.cache_dir,
            self.fix,
            self.diff,
            self.settings,
            self.annotate,
        )


@record
class RunEnd:
    """What the whole run tells, once every file is done."""

    findings: list[Diagnostic]  # about config files (unused per-file-ignores), not hidden
    linted: list[str] = field(default_factory=list)  # sorted; kept on demand, or for a baseline
    failed: int = 0  # files statement-lint failed on (DOC003)
    notes: list[str] = field(default_factory=list)


class Run:
    """One run: build it (config read, files found, baseline loaded: errors come here, before
    any linting), iterate `results()`, then ask `end()`."""

    def __init__(self, options: RunOptions) -> None:
        self.options = options
        self.work = FileWork(options.file_options())
        self.resolver = self.work.resolver
        self.settings: Settings = self.resolver.for_directory(".")  # run-wide: fail-on, format
        self.baseline = _baseline(options)
        named = [path for path in options.paths if path != "-"]
        self.files = discover(named, self.resolver.for_path, options.force_exclude)
        self._uses: dict[IgnoreUse, None] = {}  # a set that keeps its order
        self._linted: list[str] = []
        self._failed = 0
        self._notes: set[str] = set()

    def results(self, keep_paths: bool = False) -> Iterator[FileResult]:
        """Each file's result as it comes, in order, with the baseline's entries hidden.
        `keep_paths`: remember every path linted, for `RunEnd.linted` (reports that list clean
        files need it; otherwise memory stays flat over an archive)."""
        for result in self._raw_results():
            self._uses.update(dict.fromkeys(result.ignore_use))
            self._failed += result.failed
            self._notes.update(result.notes)
            if keep_paths or self.baseline is not None:
                self._linted.append(result.shown)
            result.diagnostics = self._visible(result.diagnostics)
            yield result

    def end(self) -> RunEnd:
        findings = []
        if self._uses:
            from statement_lint.engine import unused_ignore_entries

            findings = unused_ignore_entries(self._uses, self.resolver.for_path, display_path)
        return RunEnd(
            self._visible(findings), sorted(self._linted), self._failed, sorted(self._notes)
        )

    def _raw_results(self) -> Iterator[FileResult]:
        options = self.options
        if "-" in options.paths and options.stdin is not None:
            yield self.work.run_stdin(options.stdin, options.stdin_filename)
        jobs = options.jobs or (1 if options.fix or options.diff else default_jobs())
        yield from run_files(self.files, options.file_options(), jobs, self.work)

    def _visible(self, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
        if self.baseline is None:
            return diagnostics
        return [d for d in diagnostics if not self.baseline.hides(d)]


def _baseline(options: RunOptions):
    """The baseline to hide known diagnostics with, if any; its targets checked before the run,
    not after an hour of it."""
    if options.write_baseline or options.baseline_prune:
        from statement_lint.run.baseline import check_target

        if options.write_baseline:
            check_target(options.write_baseline)
        if options.baseline_prune:
            check_target(options.baseline, "--baseline")
    if not options.baseline:
        return None
    from statement_lint.run.baseline import Baseline

    baseline = Baseline.load(options.baseline)
    baseline.start()
    return baseline
