"""One file of a run, from its path to its result: the cache, reading, linting and --fix. The
same code runs in the main process and in worker processes."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, BinaryIO

from statement_lint.config.files import ConfigResolver
from statement_lint.config.settings import Settings
from statement_lint.diagnostic import Diagnostic
from statement_lint.errors import UserError
from statement_lint.readers import Document, read_data, read_path, reason, size_limit
from statement_lint.run.discover import display_path
from statement_lint.run.result import FileResult, lines_of

if TYPE_CHECKING:
    from statement_lint.engine import Engine, Outcome


@dataclass(frozen=True)
class FileOptions:
    """What the work on each file depends on; the same in every worker process."""

    config: str | None = None
    isolated: bool = False
    overrides: tuple[tuple[str, object], ...] = ()
    cache_dir: str | None = None  # None: no cache
    fix: bool = False
    diff: bool = False
    settings: Settings | None = None  # for every file, instead of config files
    annotate: str | None = None  # Word files' commented copies: "" beside them, or a folder


class FileWork:
    """Lints one file after another with one set of options (in this process)."""

    def __init__(self, options: FileOptions) -> None:
        self.options = options
        self.resolver = ConfigResolver(
            options.config, options.isolated, dict(options.overrides), options.settings
        )
        self._engine = None  # built when a file needs linting: a re-run from the cache
        # imports no parser and no rule
        self.cache = None
        if options.cache_dir and not (options.fix or options.diff or options.annotate is not None):
            from statement_lint.run.cache import ResultCache

            self.cache = ResultCache(options.cache_dir)

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            from statement_lint.engine import Engine

            self._engine = Engine()
        return self._engine

    def cached(self, path: str) -> FileResult | None:
        """The file's result from the cache, if it holds a valid one (None without a cache);
        the file's bytes are not read."""
        if self.cache is None:
            return None
        try:
            return self.cache.lookup(self.resolver.for_path(path), path, display_path(path))
        except UserError:
            raise
        except Exception:
            return None  # linting it will report what is wrong

    def run(self, path: str) -> FileResult:
        """The file's result; a bug met on the way is DOC003 on this file, and the run goes on."""
        shown = display_path(path)
        settings = self.resolver.for_path(path)
        try:
            return self._run(path, shown, settings)
        except UserError:
            raise
        except Exception as error:
            outcome = self.engine.failed(shown, error, settings, path)
            return FileResult(shown, outcome.diagnostics, outcome.ignore_use, failed=True)

    def _run(self, path: str, shown: str, settings: Settings) -> FileResult:
        if self.cache is not None:
            cached = self.cache.lookup(settings, path, shown)
            if cached is not None:
                return cached
        document = read_path(path, shown, settings.limits)
        outcome = self.engine.lint(document, settings, path)
        result = self._result(document, outcome)
        if (self.options.fix or self.options.diff) and any(d.fix for d in outcome.diagnostics):
            self._fix(path, document, settings, result)
        elif self.cache is not None and document.error is None and not result.failed:
            self.cache.store(settings, path, document, result)
        if self.options.annotate is not None and document.kind == "docx" and result.diagnostics:
            from statement_lint.run.annotate import annotate

            result.annotated, result.fix_error = annotate(
                path,
                document,
                result.diagnostics,
                self.options.annotate,
                settings.limits,
                _bytes_read,
            )
        return result

    def run_stdin(self, stream: BinaryIO, name: str | None) -> FileResult:
        """Standard input, linted with the settings that would apply to a file called `name`
        and read as the kind of file its suffix says (a PDF, a Word file, text)."""
        settings = self.resolver.for_path(name or ".")
        suffix = os.path.splitext(name or "")[1].lower()
        limit = size_limit(suffix, settings.limits)
        # One byte more than allowed: enough to tell an over-long input, never all of it.
        data = stream.read(limit + 1)
        shown = display_path(name) if name else "-"
        document = read_data(data, shown, suffix, settings.limits)
        result = self._result(document, self.engine.lint(document, settings, name or "-"))
        if self.options.diff and any(d.fix for d in result.diagnostics):
            self._fix(None, document, settings, result, data)
        return result

    def finish(self) -> None:
        """Write what the cache learnt."""
        if self.cache is not None:
            self.cache.flush()

    def _result(self, document: Document, outcome: Outcome) -> FileResult:
        # The lines diagnostics start on: a line each, for the formats that show excerpts.
        lines = lines_of(document.text or "", outcome.diagnostics)
        return FileResult(
            document.path,
            outcome.diagnostics,
            outcome.ignore_use,
            outcome.failure is not None,
            outcome.notes,
            lines,
        )

    def _fix(
        self,
        path: str | None,
        document: Document,
        settings: Settings,
        result: FileResult,
        data: bytes | None = None,
    ) -> None:
        from statement_lint.run.fix import NotWritten, fix_document, unified_diff, write_atomically

        where = path or document.path
        failures = []

        def lint(fixed: Document) -> list[Diagnostic]:
            outcome = self.engine.lint(fixed, settings, where)
            failures.append(outcome.failure)
            return outcome.diagnostics

        if document.kind == "docx" and data is None:
            data = _bytes_read(path, document)
            if data is None:
                result.fix_error = "the file changed while it was being linted; run --fix again"
                return
        outcome = fix_document(document, result.diagnostics, lint, data, settings.limits)
        result.failed = result.failed or any(failures)
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
        result.lines = lines_of(outcome.document.text or "", result.diagnostics)


def _bytes_read(path: str, document: Document) -> bytes | None:
    """The file's bytes, if they are still those that were read (a Word file is rewritten
    from its bytes, which its document does not keep)."""
    import hashlib

    from statement_lint.readers import read_bounded

    source = document.source
    try:
        data, _ = read_bounded(path, source.size if source else 0)
    except OSError:
        return None
    if source is None or hashlib.sha256(data).hexdigest() != source.sha256:
        return None
    return data
