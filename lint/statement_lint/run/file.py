"""One file of a run, from its path to its result: the cache, reading, linting and --fix. The
same code runs in the main process and in worker processes."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, BinaryIO

from statement_lint.config.settings import Settings
from statement_lint.diagnostic import Diagnostic
from statement_lint.readers import Document, read_data, read_path, reason, size_limit
from statement_lint.run.discover import display_path
from statement_lint.run.result import FileResult, lines_of
from statement_lint.run.work import FileOptions, Work

if TYPE_CHECKING:
    from statement_lint.engine import Outcome


class FileWork(Work):
    """Lints one file after another with one set of options (in this process)."""

    def __init__(self, options: FileOptions) -> None:
        super().__init__(options)
        if options.cache_dir and not (options.fix or options.diff or options.annotate is not None):
            from statement_lint.run.cache import ResultCache

            self.cache = ResultCache(options.cache_dir)
        # The bytes' hash: the cache is keyed to it, and --fix checks the file still holds them.
        self._hashed = self.cache is not None or bool(
            options.fix or options.diff or options.annotate is not None
        )

    def failed(self, path: str, shown: str, settings: Settings, error: Exception) -> FileResult:
        """DOC003 on this file."""
        outcome = self.engine.failed(shown, error, settings, path)
        return FileResult(shown, outcome.diagnostics, outcome.ignore_use, failed=True)

    def made(self, path: str, shown: str, settings: Settings) -> FileResult:
        """The file linted (the run asked the cache first: `cached`)."""
        document = read_path(path, shown, settings.limits, self._hashed)
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
