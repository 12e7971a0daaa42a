"""The library: lint text, bytes or paths from Python. Each goes through the same run as the
command line (`statement_lint.run`), without a cache.

>>> from statement_lint import lint_text
>>> [d.code for d in lint_text(open("statement.txt").read())]
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable

from statement_lint.config.settings import Settings
from statement_lint.diagnostic import Diagnostic
from statement_lint.run import Run, RunOptions

_SURROGATE = re.compile("[\ud800-\udfff]")


def lint_text(
    text: str, path: str = "<text>", settings: Settings | None = None
) -> list[Diagnostic]:
    """Lint one statement given as text; returns its diagnostics, sorted. Without `settings`,
    the defaults apply (no config file is looked for)."""
    # A str may hold lone surrogates, which no output can carry: each becomes U+FFFD, one
    # character for one, so that offsets stay right.
    data = _SURROGATE.sub("\ufffd", text).encode("utf-8")
    return lint_bytes(data, path, settings)


def lint_bytes(data: bytes, path: str = "-", settings: Settings | None = None) -> list[Diagnostic]:
    """Lint one statement given as the bytes of a file called `path`, read as the kind of
    file its suffix says: a PDF (`.pdf`), a Word file (`.docx`), or text (decoded as a file
    would be)."""
    options = RunOptions(
        paths=("-",),
        stdin=io.BytesIO(data),
        stdin_filename=None if path == "-" else path,
        settings=settings or Settings(),
        jobs=1,
    )
    return _diagnostics(Run(options))


def lint_paths(paths: Iterable[str], settings: Settings | None = None) -> list[Diagnostic]:
    """Lint files and directories (walked recursively); returns all diagnostics, sorted.
    With `settings`, those apply to every file; without, config files are found as the
    command line finds them."""
    return _diagnostics(Run(RunOptions(paths=tuple(paths), settings=settings, jobs=1)))


def _diagnostics(run: Run) -> list[Diagnostic]:
    diagnostics = [d for result in run.results() for d in result.diagnostics]
    diagnostics += run.end().findings
    return sorted(diagnostics, key=Diagnostic.sort_key)
