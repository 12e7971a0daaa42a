"""Each diagnostic with the offending line, a caret line under the span, and a help line."""

from typing import TextIO

from statement_lint.report import ReportInput
from statement_lint.report.concise import headline
from statement_lint.report.style import CYAN, DIM, paint, severity_style
from statement_lint.rules import rules_by_code

# Long PDF-extracted lines (a whole document on one line) are cut around the span.
_WIDTH = 120
_CONTEXT = 60


def write(report: ReportInput, stream: TextIO) -> None:
    rules = rules_by_code()
    for diagnostic in report.diagnostics:
        stream.write(headline(diagnostic, report.color))
        text = report.sources.get(diagnostic.path)
        if text is not None:
            lines = text.split("\n")
            if diagnostic.line <= len(lines):
                stream.write(_excerpt(lines[diagnostic.line - 1], diagnostic, report.color))
        rule = rules.get(diagnostic.code)
        if rule is not None:
            stream.write(f"  {paint('help:', CYAN, report.color)} {rule.summary}\n")
        if diagnostic.fix is not None:
            stream.write(f"  {paint('fix:', CYAN, report.color)} {diagnostic.fix.message}\n")
        stream.write("\n")


def _excerpt(line: str, diagnostic, color: bool) -> str:
    start = diagnostic.column - 1
    end = diagnostic.end_column - 1 if diagnostic.end_line == diagnostic.line else len(line)
    end = max(end, start + 1)
    left, right = 0, len(line)
    if len(line) > _WIDTH:
        left = max(0, start - _CONTEXT)
        right = min(len(line), end + _CONTEXT)
    prefix = "..." if left else ""
    suffix = "..." if right < len(line) else ""
    shown = prefix + line[left:right].rstrip() + suffix
    caret_at = len(prefix) + start - left
    width = min(end, right) - start
    gutter = f"{diagnostic.line} | "
    carets = paint("^" * max(width, 1), severity_style(diagnostic.severity), color)
    return f"  {paint(gutter, DIM, color)}{shown}\n  {' ' * (len(gutter) + caret_at)}{carets}\n"
