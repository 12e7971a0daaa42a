"""`path:line:col: CODE message`, one diagnostic a line."""

from typing import TextIO

from statement_lint.diagnostic import Diagnostic
from statement_lint.report import ReportInput
from statement_lint.report.escape import printable
from statement_lint.report.style import BOLD, CYAN, paint, severity_style

# Written file by file as the run goes.
STREAMS = True


def headline(diagnostic: Diagnostic, color: bool) -> str:
    """`path:line:col: CODE [*] message`, `[*]` marking what --fix corrects.

    The path and the message may hold a file name's or a document's characters: escaped, so
    that the diagnostic stays one line and drives no terminal.
    """
    path = printable(diagnostic.path)
    where = paint(f"{path}:{diagnostic.line}:{diagnostic.column}:", BOLD, color)
    code = paint(diagnostic.code, severity_style(diagnostic.severity), color)
    mark = f" {paint('[*]', CYAN, color)}" if diagnostic.fix else ""
    return f"{where} {code}{mark} {printable(diagnostic.located_message)}\n"


def write(report: ReportInput, stream: TextIO) -> None:
    for diagnostic in report.diagnostics:
        stream.write(headline(diagnostic, report.color))
