"""`path:line:col: CODE message`, one diagnostic a line."""

from typing import TextIO

from statement_lint.model import Diagnostic
from statement_lint.report import ReportInput
from statement_lint.report.style import BOLD, CYAN, paint, severity_style


def headline(diagnostic: Diagnostic, color: bool) -> str:
    """`path:line:col: CODE [*] message`, `[*]` marking what --fix corrects."""
    where = paint(f"{diagnostic.path}:{diagnostic.line}:{diagnostic.column}:", BOLD, color)
    code = paint(diagnostic.code, severity_style(diagnostic.severity), color)
    mark = f" {paint('[*]', CYAN, color)}" if diagnostic.fix else ""
    return f"{where} {code}{mark} {diagnostic.located_message}\n"


def write(report: ReportInput, stream: TextIO) -> None:
    for diagnostic in report.diagnostics:
        stream.write(headline(diagnostic, report.color))
