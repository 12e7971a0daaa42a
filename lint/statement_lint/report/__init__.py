"""Formatters: they turn diagnostics into text, and decide nothing about the documents."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TextIO

from statement_lint.model import Diagnostic, Severity


@dataclass(frozen=True)
class RunSummary:
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


@dataclass(frozen=True)
class ReportInput:
    diagnostics: list[Diagnostic]  # sorted
    summary: RunSummary
    color: bool = False
    sources: Mapping[str, str] = field(default_factory=dict)  # path -> text, for excerpts
    files: Sequence[str] = ()  # every path linted, sorted (for formats that list clean files)


Formatter = Callable[[ReportInput, TextIO], None]


def formatter(name: str) -> Formatter:
    # Imported on demand: a run needs one format only.
    if name == "concise":
        from statement_lint.report.concise import write
    elif name == "full":
        from statement_lint.report.full import write
    elif name == "json":
        from statement_lint.report.json import write
    elif name == "sarif":
        from statement_lint.report.sarif import write
    elif name == "github":
        from statement_lint.report.github import write
    elif name == "gitlab":
        from statement_lint.report.gitlab import write
    elif name == "junit":
        from statement_lint.report.junit import write
    else:
        raise ValueError(f"unknown output format {name!r}")
    return write


FORMATS = ("concise", "full", "json", "sarif", "github", "gitlab", "junit")


def plural(number: int, noun: str) -> str:
    """`1 file`, `2 files`, `2 entries`."""
    if number == 1:
        return f"{number} {noun}"
    return f"{number} {noun[:-1]}ies" if noun.endswith("y") else f"{number} {noun}s"
