"""`path:line:col: CODE message`, one diagnostic a line."""

from typing import TextIO

from statement_lint.report import ReportInput
from statement_lint.report.style import BOLD, paint, severity_style


def location(diagnostic, color: bool) -> str:
    where = f"{diagnostic.path}:{diagnostic.line}:{diagnostic.column}:"
    return paint(where, BOLD, color)


def write(report: ReportInput, stream: TextIO) -> None:
    for diagnostic in report.diagnostics:
        code = paint(diagnostic.code, severity_style(diagnostic.severity), report.color)
        stream.write(f"{location(diagnostic, report.color)} {code} {diagnostic.message}\n")
