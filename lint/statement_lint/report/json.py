"""The versioned JSON report, described by `schemas/report.schema.json`."""

from __future__ import annotations

from typing import Literal, TextIO

from pydantic import BaseModel, ConfigDict, Field

from statement_lint.diagnostic import Diagnostic
from statement_lint.report import ReportInput
from statement_lint.version import __version__

# Needs every diagnostic first (one document for the whole run).
STREAMS = False


class ToolInfo(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: Literal["statement-lint"] = "statement-lint"
    version: str


class Summary(BaseModel):
    model_config = ConfigDict(extra="forbid")
    files: int = Field(ge=0, description="Files linted.")
    errors: int = Field(ge=0)
    warnings: int = Field(ge=0)


class Report(BaseModel):
    """statement-lint's JSON report (`--output-format json`)."""

    model_config = ConfigDict(extra="forbid", title="statement-lint report")
    schema_version: Literal[1] = 1
    tool: ToolInfo
    diagnostics: list[Diagnostic] = Field(
        description="Sorted by path, line, column, code. Lines and columns are 1-based; "
        "end_column is exclusive (the column just after the span)."
    )
    summary: Summary


def write(report: ReportInput, stream: TextIO) -> None:
    document = Report(
        tool=ToolInfo(version=__version__),
        diagnostics=report.diagnostics,
        summary=Summary(
            files=report.summary.files,
            errors=report.summary.errors,
            warnings=report.summary.warnings,
        ),
    )
    stream.write(document.model_dump_json(indent=2))
    stream.write("\n")
