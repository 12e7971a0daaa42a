"""What a run learns from one file: the typed result that workers, the cache and the caller
share."""

from __future__ import annotations

from statement_lint.diagnostic import Diagnostic, IgnoreUse
from statement_lint.records import field, record
from statement_lint.regex import regex


@record(built_often=True)
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


# The result as the cache keeps it (`run.cache`), and back.

_NUMBER = regex(r"[0-9]+")  # not str.isdigit(), which takes `²`


def result_entry(result: FileResult, text: str) -> dict:
    return {
        "diagnostics": [d.to_dict() for d in result.diagnostics],
        "ignore_use": [[u.config, u.glob, u.matched, u.hid] for u in result.ignore_use],
        "notes": list(result.notes),
        "lines": {str(number): line for number, line in lines_of(text, result.diagnostics).items()},
    }


def result_from_entry(entry: dict, shown: str) -> FileResult | None:
    """The result kept in `entry`, its diagnostics reported as `shown`; None if they do not
    read back."""
    try:
        diagnostics = [Diagnostic.from_dict({**d, "path": shown}) for d in entry["diagnostics"]]
    except (TypeError, ValueError):
        return None
    return FileResult(
        shown,
        diagnostics,
        tuple(IgnoreUse(*use) for use in entry["ignore_use"]),
        notes=tuple(entry["notes"]),
        lines={int(number): line for number, line in entry["lines"].items()},
    )


def valid_result(entry: object) -> bool:
    """The shape `result_entry` writes; the diagnostics themselves are checked when read."""
    lines = entry.get("lines") if isinstance(entry, dict) else None
    return (
        isinstance(entry, dict)
        and set(entry) == {"diagnostics", "ignore_use", "notes", "lines"}
        and isinstance(entry["diagnostics"], list)
        and all(isinstance(d, dict) for d in entry["diagnostics"])
        and isinstance(entry["ignore_use"], list)
        and all(_valid_use(use) for use in entry["ignore_use"])
        and isinstance(entry["notes"], list)
        and all(isinstance(note, str) for note in entry["notes"])
        and isinstance(lines, dict)
        and all(_NUMBER.fullmatch(key) and isinstance(text, str) for key, text in lines.items())
    )


def _valid_use(use: object) -> bool:
    """[config path, glob, matched, hid]: an IgnoreUse."""
    return (
        isinstance(use, list)
        and len(use) == 4
        and all(isinstance(part, str) for part in use[:2])
        and all(isinstance(part, bool) for part in use[2:])
    )
