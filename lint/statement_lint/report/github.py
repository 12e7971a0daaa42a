"""GitHub Actions workflow commands: one annotation per diagnostic.

GitHub shows about ten errors and ten warnings per step; upload SARIF to see every one.
"""

from typing import TextIO

from statement_lint.report import ReportInput
from statement_lint.report.escape import printable

# Written file by file as the run goes.
STREAMS = True


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def write(report: ReportInput, stream: TextIO) -> None:
    # Controls are escaped as in the concise format, then GitHub's own escaping applies: a file
    # name or quoted text can neither end the command nor drive the log's terminal.
    for d in report.diagnostics:
        properties = ",".join(
            f"{key}={escape_property(printable(str(value)))}"
            for key, value in (
                ("file", d.path),
                ("line", d.line),
                ("endLine", d.end_line),
                ("col", d.column),
                ("endColumn", d.end_column),
                ("title", f"{d.code} {d.name}"),
            )
        )
        message = escape_data(printable(d.located_message))
        stream.write(f"::{d.severity} {properties}::{message}\n")
