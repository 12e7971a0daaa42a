"""Each diagnostic with the offending line, a caret line under the span, and a help line."""

from typing import TextIO

from statement_lint.diagnostic import Diagnostic
from statement_lint.report import ReportInput
from statement_lint.report.concise import headline
from statement_lint.report.escape import printable
from statement_lint.report.style import CYAN, DIM, paint, severity_style
from statement_lint.rules import rules_by_code

# Written file by file as the run goes.
STREAMS = True

# Long PDF-extracted lines (a whole document on one line) are cut around the span.
_WIDTH = 120
_CONTEXT = 60


def write(report: ReportInput, stream: TextIO) -> None:
    rules = rules_by_code()
    shown = None  # the last suggestion shown: a file's several ALN diagnostics show it once
    for diagnostic in report.diagnostics:
        stream.write(headline(diagnostic, report.color))
        line = report.lines.get(diagnostic.path, {}).get(diagnostic.line)
        if line is not None:
            stream.write(_excerpt(line, diagnostic, report.color))
        rule = rules.get(diagnostic.code)
        if rule is not None:
            stream.write(f"  {paint('help:', CYAN, report.color)} {printable(rule.summary)}\n")
        if diagnostic.fix is not None:
            fix = printable(diagnostic.fix.message)
            stream.write(f"  {paint('fix:', CYAN, report.color)} {fix}\n")
        if diagnostic.suggestion and shown != (diagnostic.path, diagnostic.suggestion):
            shown = (diagnostic.path, diagnostic.suggestion)
            stream.write(_suggestion(diagnostic.suggestion, report.color))
        stream.write("\n")


def _suggestion(text: str, color: bool) -> str:
    label = paint("right:", CYAN, color)
    lines = "".join(f"    {printable(line)}\n" for line in text.splitlines())
    return f"  {label} the paragraph for the countries listed, on the statement's date:\n{lines}"


def _excerpt(line: str, diagnostic: Diagnostic, color: bool) -> str:
    start = diagnostic.column - 1
    end = diagnostic.end_column - 1 if diagnostic.end_line == diagnostic.line else len(line)
    end = max(end, start + 1)
    left, right = 0, len(line)
    if len(line) > _WIDTH:
        left = max(0, start - _CONTEXT)
        right = min(len(line), end + _CONTEXT)
    prefix = "..." if left else ""
    suffix = "..." if right < len(line) else ""
    # Escaped before trailing blanks are cut: a trailing control is shown, not cut with them.
    shown = prefix + printable(line[left:right]).rstrip() + suffix
    # The carets move right, and widen, by what escaping adds before and within the span.
    caret_at = len(prefix) + start - left + _widening(line[left:start])
    width = min(end, right) - start + _widening(line[start : min(end, right)])
    gutter = f"{diagnostic.line} | "
    carets = paint("^" * max(width, 1), severity_style(diagnostic.severity), color)
    return f"  {paint(gutter, DIM, color)}{shown}\n  {' ' * (len(gutter) + caret_at)}{carets}\n"


def _widening(text: str) -> int:
    """How many more characters `text` takes once escaped."""
    return len(printable(text)) - len(text)
