"""statement-lint: a linter for OSCE delegation statements.

>>> from statement_lint import lint_text
>>> [d.code for d in lint_text(open("statement.txt").read())]

The names below are loaded on first use: importing a part of the package (its version, the
command line) does not import the whole engine.
"""

from importlib import import_module

from statement_lint.version import __version__

_PUBLIC = {
    "lint_text": "statement_lint.api",
    "lint_bytes": "statement_lint.api",
    "lint_paths": "statement_lint.api",
    "check_bytes": "statement_lint.api",
    "fix_word_file": "statement_lint.api",
    "review_word_file": "statement_lint.api",
    "Settings": "statement_lint.config.settings",
    "Diagnostic": "statement_lint.diagnostic",
    "Severity": "statement_lint.diagnostic",
}

__all__ = ["__version__", *sorted(_PUBLIC)]


def __getattr__(name: str):
    if name in _PUBLIC:
        return getattr(import_module(_PUBLIC[name]), name)
    raise AttributeError(f"module 'statement_lint' has no attribute {name!r}")
