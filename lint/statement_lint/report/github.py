"""GitHub Actions workflow commands: one annotation per diagnostic.

GitHub shows about ten errors and ten warnings per step; upload SARIF to see every one.
"""

from typing import TextIO

from statement_lint.report import ReportInput


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def write(report: ReportInput, stream: TextIO) -> None:
    for d in report.diagnostics:
        properties = ",".join(
            f"{key}={escape_property(str(value))}"
            for key, value in (
                ("file", d.path),
                ("line", d.line),
                ("endLine", d.end_line),
                ("col", d.column),
                ("endColumn", d.end_column),
                ("title", f"{d.code} {d.name}"),
            )
        )
        stream.write(f"::{d.severity} {properties}::{escape_data(d.located_message)}\n")
