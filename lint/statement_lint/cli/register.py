"""`statement-lint register PATH ...`: the archive's register, a row per document, as a table,
CSV or JSON (`schemas/register.schema.json`)."""

from __future__ import annotations

import csv
import json
import sys

from statement_lint.cli import EXIT_CLEAN, EXIT_FAILURE, EXIT_VIOLATIONS
from statement_lint.cli.arguments import add_speed, checked_jobs
from statement_lint.cli.usage import Parser, UsageError, add_config_options
from statement_lint.version import __version__

COLUMNS = ("path", "symbol", "date", "language", "original", "OSCE+", "disclaimer", "aligned")


def register_command(arguments: list[str]) -> int:
    parser = Parser(
        prog="statement-lint register",
        description="Print a register of the statements under the paths: a row per document "
        "with its symbol, date, languages, restricted distribution, disclaimer and aligning "
        "countries.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="default: .")
    parser.add_argument("--output-format", choices=("table", "csv", "json"), default="table")
    add_config_options(parser)
    parser.add_argument(
        "--strict", action="store_true",
        help="also report revisions whose base is not in the archive (ARC004)",
    )  # fmt: skip
    add_speed(parser)
    options = parser.parse_args(arguments)
    if "-" in options.paths:
        raise UsageError("register reads files and folders, not standard input (-)")
    from statement_lint.run.register import RowWork, register_rows
    from statement_lint.run.work import FileOptions

    jobs = checked_jobs(options)
    cache_dir = None if options.no_cache else options.cache_dir
    local = RowWork(FileOptions(options.config, options.isolated, cache_dir=cache_dir))
    kept: list = []  # what the checks across documents need of each row (no texts)
    tally = _Tally()
    rows = _keeping(register_rows(options.paths or ["."], local, jobs), kept, tally)
    _write(rows, options.output_format)
    status = _checked(kept, local.resolver, options.strict, tally)
    if tally.failed:
        print(f"statement-lint: failed on {tally.failed} of them: their rows say why; please "
              "report the bug with the file", file=sys.stderr)  # fmt: skip
        return EXIT_FAILURE
    return status


def _write(rows, output_format: str) -> None:
    """The rows on standard output, one by one as they come."""
    from statement_lint.run.register import row_dict

    if output_format == "json":
        out = sys.stdout
        out.write('{"schema_version": 1, "tool": ')
        out.write(json.dumps({"name": "statement-lint", "version": __version__}))
        out.write(', "documents": [')
        for number, row in enumerate(rows):
            out.write(("," if number else "") + "\n  " + json.dumps(row_dict(row)))
        out.write("\n]}\n")
    elif output_format == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(FIELDS)
        for row in rows:
            writer.writerow(_flat(row_dict(row)))
    else:
        print("  ".join(f"{name:<{width}}" for name, width in zip(COLUMNS, WIDTHS, strict=True)))
        for row in rows:
            print(_line(row))


class _Tally:
    """What the rows tell as they pass: how many documents, how many could not be read, and on
    how many statement-lint failed (a bug)."""

    def __init__(self) -> None:
        self.documents = self.unread = self.failed = 0


def _keeping(rows, kept: list, tally: _Tally):
    """The rows, passed on as they come; what the checks need of each is kept; all counted."""
    from statement_lint.rules._archive import Kept
    from statement_lint.run.register import FAILED

    for row in rows:
        tally.documents += 1
        tally.unread += row.error is not None
        tally.failed += bool(row.error and row.error.startswith(FAILED))
        entry = Kept.of(row)
        if entry is not None:
            kept.append(entry)
        yield row


def _checked(rows: list, resolver, strict: bool, tally: _Tally) -> int:
    """The checks across documents, on standard error (the register keeps standard output);
    the exit status, as linting's (`fail-on` is the run's, from the working directory)."""
    from statement_lint.report.escape import printable
    from statement_lint.run.register import archive_diagnostics

    found = archive_diagnostics(rows, resolver.for_path, strict)
    settings = resolver.for_directory(".")
    for d in found:
        print(f"{printable(d.path)}:{d.line}:{d.column}: {d.code} {printable(d.message)}",
              file=sys.stderr)  # fmt: skip
    errors = sum(d.severity == "error" for d in found)
    failing = errors if settings.fail_on == "error" else len(found)
    unread = f" ({tally.unread} not read: their rows say why)" if tally.unread else ""
    print(f"Registered {tally.documents} documents{unread}; {len(found)} findings across them "
          f"({errors} errors).", file=sys.stderr)  # fmt: skip
    return EXIT_VIOLATIONS if failing else EXIT_CLEAN


FIELDS = ("path", "symbol", "body", "kind", "number", "year", "suffixes", "restricted", "date",
          "language", "original", "disclaimer", "aligned", "sha256", "error")  # fmt: skip
WIDTHS = (36, 26, 10, 8, 8, 5, 10, 0)


def _flat(values: dict) -> list:
    aligned = ";".join(
        f"{a['country']}:{a['slot'] or ''}{':*' if a['marked'] else ''}" for a in values["aligned"]
    )
    return [aligned if name == "aligned" else _cell(values[name]) for name in FIELDS]


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _line(row) -> str:
    """The row as a line of the table; names escaped (a newline or an escape code in a file
    name must not break the table or reach the terminal)."""
    from statement_lint.report.escape import printable

    if row.error:
        return f"{printable(row.path):<36}  (not read: {printable(row.error)})"
    aligned = ", ".join(f"{a.country}{'*' if a.marked else ''}" for a in row.aligned)
    cells = (row.path, row.symbol, row.date, row.language, row.original,
             row.restricted, row.disclaimer, aligned)  # fmt: skip
    return "  ".join(
        f"{printable(_cell(value)) or '-':<{width}}"
        for value, width in zip(cells, WIDTHS, strict=True)
    ).rstrip()
