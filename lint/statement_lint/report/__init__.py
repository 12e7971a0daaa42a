"""Formatters: they turn diagnostics into text, and decide nothing about the documents."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping, Sequence
from typing import NamedTuple, TextIO

from statement_lint.config.settings import OUTPUT_FORMATS
from statement_lint.diagnostic import Diagnostic, Severity
from statement_lint.records import field, record


class RunSummary(NamedTuple):
    files: int
    errors: int
    warnings: int
    fixable: int = 0

    @classmethod
    def of(cls, diagnostics: list[Diagnostic], files: int) -> RunSummary:
        return cls(0, 0, 0).add(diagnostics, files)

    def add(self, diagnostics: list[Diagnostic], files: int) -> RunSummary:
        errors = sum(d.severity is Severity.ERROR for d in diagnostics)
        return RunSummary(
            self.files + files,
            self.errors + errors,
            self.warnings + len(diagnostics) - errors,
            self.fixable + sum(d.fix is not None for d in diagnostics),
        )

    def sentence(self) -> str:
        total = self.errors + self.warnings
        return (
            f"Found {plural(total, 'violation')} ({plural(self.errors, 'error')}, "
            f"{plural(self.warnings, 'warning')}) in {plural(self.files, 'file')}."
        )


@record(frozen=True, built_often=True)
class ReportInput:
    diagnostics: list[Diagnostic]  # sorted
    summary: RunSummary
    color: bool = False
    # path -> line number -> the line's text: the lines diagnostics point at, for excerpts.
    lines: Mapping[str, Mapping[int, str]] = field(default_factory=dict)
    files: Sequence[str] = ()  # every path linted, sorted (for formats that list clean files)


Formatter = Callable[[ReportInput, TextIO], None]


def formatter(name: str) -> Formatter:
    """The `write` function of the format `name` (a module of this package, imported on
    demand: a run needs one format only)."""
    return _module(name).write


def streams(name: str) -> bool:
    """Whether the format is written file by file as the run goes (memory stays flat over an
    archive), rather than needing every diagnostic first."""
    return _module(name).STREAMS


def _module(name: str):
    if name not in OUTPUT_FORMATS:
        raise ValueError(f"unknown output format {name!r}")
    return importlib.import_module(f"statement_lint.report.{name}")


def plural(number: int, noun: str) -> str:
    """`1 file`, `2 files`, `2 entries`."""
    if number == 1:
        return f"{number} {noun}"
    return f"{number} {noun[:-1]}ies" if noun.endswith("y") else f"{number} {noun}s"
