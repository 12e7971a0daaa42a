"""ANSI styling for terminal formats."""

from statement_lint.diagnostic import Severity

_RESET = "\033[0m"
BOLD = "\033[1m"
DIM = "\033[2m"
CYAN = "\033[36m"
_SEVERITY = {Severity.ERROR: "\033[1;31m", Severity.WARNING: "\033[1;33m"}


def paint(text: str, style: str, color: bool) -> str:
    return f"{style}{text}{_RESET}" if color else text


def severity_style(severity: Severity) -> str:
    return _SEVERITY[severity]
