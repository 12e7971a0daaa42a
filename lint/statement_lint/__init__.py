"""statement-lint: a linter for OSCE delegation statements.

>>> from statement_lint import lint_text
>>> [d.code for d in lint_text(open("statement.txt").read())]
"""

from statement_lint.api import lint_bytes, lint_paths, lint_text
from statement_lint.config.settings import Settings
from statement_lint.model import Diagnostic, Severity
from statement_lint.version import __version__

__all__ = [
    "Diagnostic",
    "Settings",
    "Severity",
    "__version__",
    "lint_bytes",
    "lint_paths",
    "lint_text",
]
