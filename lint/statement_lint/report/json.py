"""The versioned JSON report, described by `schemas/report.schema.json`."""

from __future__ import annotations

import types
import typing
from functools import cache
from typing import Any, Literal, TextIO

from pydantic import BaseModel, ConfigDict, Field, create_model

from statement_lint.diagnostic import Diagnostic
from statement_lint.records import MISSING, is_record
from statement_lint.records import fields as fields_of
from statement_lint.report import ReportInput
from statement_lint.version import __version__

# Needs every diagnostic first (one document for the whole run).
STREAMS = False


@cache
def model_of(cls: type) -> type[BaseModel]:
    """The pydantic model of a record the report holds (a diagnostic, its fix, the fix's
    edits): the record's fields, types and defaults, and its `__pydantic_config__`."""
    hints = typing.get_type_hints(cls)
    fields = {
        field.name: (_kind(hints[field.name]), ... if field.default is MISSING else
                     field.default)
        for field in fields_of(cls)
    }  # fmt: skip
    config = ConfigDict(**cls.__pydantic_config__)
    return create_model(cls.__name__, __config__=config, __doc__=cls.__doc__, **fields)


def _kind(kind: Any) -> Any:
    """The type pydantic is given: records as their models."""
    if is_record(kind):
        return model_of(kind)
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        return typing.Union[tuple(_kind(arg) for arg in typing.get_args(kind))]  # noqa: UP007
    if origin is list:
        return list[_kind(typing.get_args(kind)[0])]
    return kind


DiagnosticModel = model_of(Diagnostic)


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
    diagnostics: list[DiagnosticModel] = Field(
        description="Sorted by path, line, column, code. Lines and columns are 1-based; "
        "end_column is exclusive (the column just after the span)."
    )
    summary: Summary


def write(report: ReportInput, stream: TextIO) -> None:
    document = Report(
        tool=ToolInfo(version=__version__),
        diagnostics=[diagnostic.to_dict() for diagnostic in report.diagnostics],
        summary=Summary(
            files=report.summary.files,
            errors=report.summary.errors,
            warnings=report.summary.warnings,
        ),
    )
    stream.write(document.model_dump_json(indent=2))
    stream.write("\n")
