"""The library: lint text, bytes or paths from Python. Each goes through the same run as the
command line (`statement_lint.run`), without a cache.

>>> from statement_lint import lint_text
>>> [d.code for d in lint_text(open("statement.txt").read())]
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterable
from functools import cache
from typing import NamedTuple

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


class Checked(NamedTuple):
    """A statement as read, and its diagnostics: what a page shows them on."""

    text: str | None  # None when it could not be read (DOC001 says why)
    diagnostics: list[Diagnostic]


def check_bytes(data: bytes, filename: str, settings: Settings | None = None) -> Checked:
    """Like `lint_bytes`, keeping the text the diagnostics' lines and columns count in."""
    document, diagnostics = _read_and_lint(data, filename, settings or Settings())
    return Checked(document.text, diagnostics)


def fix_word_file(data: bytes, settings: Settings | None = None) -> tuple[bytes, int]:
    """The Word file with its fixes as tracked changes, and how many were made."""
    from statement_lint.run.fix import fix_document

    settings = settings or Settings()
    document, diagnostics = _read_and_lint(data, "draft.docx", settings)
    engine = _engine()
    outcome = fix_document(
        document,
        diagnostics,
        lambda fixed: engine.lint(fixed, settings, "draft.docx").diagnostics,
        data,
        settings.limits,
    )
    return (outcome.data if outcome.fixed else data), outcome.fixed


def review_word_file(data: bytes, settings: Settings | None = None) -> bytes:
    """The Word file with a review comment on each diagnostic (as `--annotate` writes it)."""
    from statement_lint.run.annotate import reviewed

    settings = settings or Settings()
    document, diagnostics = _read_and_lint(data, "draft.docx", settings)
    return reviewed(data, document, diagnostics, settings.limits)


def _read_and_lint(data: bytes, filename: str, settings: Settings):
    from statement_lint.readers import read_data

    suffix = os.path.splitext(filename)[1].lower()
    document = read_data(data, filename, suffix, settings.limits)
    outcome = _engine().lint(document, settings, filename)
    return document, sorted(outcome.diagnostics, key=Diagnostic.sort_key)


@cache
def _engine():
    from statement_lint.engine import Engine

    return Engine()


def lint_paths(paths: Iterable[str], settings: Settings | None = None) -> list[Diagnostic]:
    """Lint files and directories (walked recursively); returns all diagnostics, sorted.
    With `settings`, those apply to every file; without, config files are found as the
    command line finds them."""
    return _diagnostics(Run(RunOptions(paths=tuple(paths), settings=settings, jobs=1)))


def _diagnostics(run: Run) -> list[Diagnostic]:
    diagnostics = [d for result in run.results() for d in result.diagnostics]
    diagnostics += run.end().findings
    return sorted(diagnostics, key=Diagnostic.sort_key)
