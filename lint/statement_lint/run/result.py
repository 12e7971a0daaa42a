"""What a run learns from one file: the typed result that workers, the cache and the caller
share."""

from __future__ import annotations

from dataclasses import dataclass, field

from statement_lint.diagnostic import Diagnostic, IgnoreUse


@dataclass
class FileResult:
    """What a run learns from one file."""

    shown: str  # the path as reported
    diagnostics: list[Diagnostic]  # sorted
    ignore_use: tuple[IgnoreUse, ...] = ()
    failed: bool = False  # statement-lint failed on it (DOC003): the run ends with status 2
    notes: tuple[str, ...] = ()  # for the run to say once
    lines: dict[int, str] = field(default_factory=dict)  # line number -> text, for excerpts
    fixed: int = 0
    diff: str = ""
    fix_error: str | None = None  # why --fix (or --annotate) left the file as it was
    annotated: str | None = None  # the commented copy --annotate wrote


def lines_of(text: str, diagnostics: list[Diagnostic]) -> dict[int, str]:
    """The lines the diagnostics start on, by number: what `full` shows under each."""
    wanted = {d.line for d in diagnostics}
    if not wanted:
        return {}
    return {number: line for number, line in enumerate(text.split("\n"), 1) if number in wanted}
