"""The command line: argument parsing, output and exit codes only."""

from __future__ import annotations

import argparse
import json
import os
import sys
import traceback
from collections.abc import Sequence
from typing import TextIO

from statement_lint import __version__
from statement_lint.discover import discover
from statement_lint.engine import Linter, SelectionError, Settings
from statement_lint.model import Diagnostic, Severity
from statement_lint.readers import read_bytes
from statement_lint.report import FORMATS, ReportInput, RunSummary, formatter
from statement_lint.rules import Rule, all_rules, rules_by_code
from statement_lint.similarity import closest

EXIT_CLEAN, EXIT_VIOLATIONS, EXIT_FAILURE = 0, 1, 2


class UsageError(Exception):
    """A mistake in how the command was called: reported in one line, exit 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse would exit; main() must return instead
        raise UsageError(f"{message}\n{self.format_usage().rstrip()}")


def _lint_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="statement-lint",
        description="Check OSCE delegation statements: document symbol, date, language marker, "
        "disclaimer and alignment footnote.",
        epilog="Other commands: 'statement-lint rule CODE' and 'statement-lint rule --all' print "
        "the rules' documentation. Exit status: 0 clean, 1 violations, 2 usage or internal error.",
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="files or directories to lint (default: .); - reads standard input",
    )
    parser.add_argument(
        "--select",
        action="append",
        default=[],
        metavar="CODES",
        help="comma-separated rule codes or prefixes to enable (default: all)",
    )
    parser.add_argument(
        "--ignore",
        action="append",
        default=[],
        metavar="CODES",
        help="comma-separated rule codes or prefixes to disable",
    )
    parser.add_argument(
        "--output-format", choices=FORMATS, default="concise", help="how diagnostics are printed"
    )
    parser.add_argument(
        "--output-file", metavar="FILE", help="write diagnostics to FILE instead of standard output"
    )
    parser.add_argument("--stdin-filename", metavar="NAME", help="the path to report for -")
    parser.add_argument(
        "--exit-zero", action="store_true", help="exit 0 even when violations are found"
    )
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="print diagnostics only, no summary"
    )
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the output (auto: on a terminal, unless NO_COLOR is set)",
    )
    parser.add_argument("--version", action="version", version=f"statement-lint {__version__}")
    return parser


def _rule_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="statement-lint rule", description="Print the documentation of rules.")
    parser.add_argument("code", nargs="?", metavar="CODE", help="the rule code, e.g. ALN002")
    parser.add_argument("--all", action="store_true", help="every rule")
    parser.add_argument(
        "--output-format",
        choices=("text", "json", "markdown"),
        default="text",
        help="markdown: a table of the rules (as in the README)",
    )
    return parser


def main(argv: Sequence[str] | None = None, stdin: TextIO | None = None) -> int:
    """Run statement-lint with `argv` (without the program name); returns the exit status."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        if arguments[:1] == ["rule"]:
            return _rule_command(arguments[1:])
        return _lint_command(arguments, stdin or sys.stdin)
    except UsageError as error:
        print(f"statement-lint: error: {error}", file=sys.stderr)
        return EXIT_FAILURE
    except SystemExit as leaving:  # --help and --version
        return int(leaving.code or 0)
    except BrokenPipeError:
        # The reader of our output went away (`| head`): nothing more to say to it.
        sys.stderr.close()
        return EXIT_FAILURE
    except Exception:
        print(
            "statement-lint: internal error; please report it with the file that caused it:\n"
            + traceback.format_exc(),
            file=sys.stderr,
        )
        return EXIT_FAILURE


def run() -> None:
    sys.exit(main())


def _codes(values: list[str]) -> tuple[str, ...]:
    return tuple(
        code.strip().upper() for value in values for code in value.split(",") if code.strip()
    )


def _lint_command(arguments: list[str], stdin: TextIO) -> int:
    options = _lint_parser().parse_args(arguments)
    try:
        linter = Linter(
            Settings(select=_codes(options.select) or ("ALL",), ignore=_codes(options.ignore))
        )
    except SelectionError as error:
        raise UsageError(str(error)) from None

    paths = options.paths or ["."]
    keep_sources = options.output_format == "full"
    sources: dict[str, str] = {}
    diagnostics: list[Diagnostic] = []
    files = 0
    if "-" in paths:
        display = options.stdin_filename or "-"
        document = read_bytes(stdin.buffer.read(), display)
        diagnostics.extend(linter.lint_document(document))
        if keep_sources and document.text is not None:
            sources[display] = document.text
        files += 1
    for found in linter.lint_files(
        discover([p for p in paths if p != "-"]), sources if keep_sources else None
    ):
        diagnostics.extend(found)
        files += 1
    diagnostics.sort(key=Diagnostic.sort_key)
    summary = RunSummary.of(diagnostics, files)

    write = formatter(options.output_format)
    if options.output_file:
        try:
            with open(options.output_file, "w", encoding="utf-8", newline="\n") as stream:
                write(ReportInput(diagnostics, summary, options.color == "always", sources), stream)
        except OSError as error:
            raise UsageError(
                f"--output-file {options.output_file}: {error.strerror or error}"
            ) from None
    else:
        color = _use_color(options.color, sys.stdout)
        write(ReportInput(diagnostics, summary, color, sources), sys.stdout)
        sys.stdout.flush()
    if not options.quiet:
        print(summary.sentence(), file=sys.stderr)

    if options.exit_zero:
        return EXIT_CLEAN
    failed = any(d.severity is Severity.ERROR for d in diagnostics)
    return EXIT_VIOLATIONS if failed else EXIT_CLEAN


def _use_color(choice: str, stream: TextIO) -> bool:
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty()


def _rule_command(arguments: list[str]) -> int:
    options = _rule_parser().parse_args(arguments)
    if options.all == bool(options.code):
        raise UsageError("give either a rule CODE or --all")
    if options.all:
        rules = list(all_rules())
    else:
        by_code = rules_by_code()
        code = options.code.upper()
        if code not in by_code:
            guess = closest(code, by_code)
            hint = (
                f"; did you mean {guess}?" if guess else "; 'statement-lint rule --all' lists them"
            )
            raise UsageError(f"no rule {options.code}{hint}")
        rules = [by_code[code]]
    if options.output_format == "markdown":
        print(rule_table(rules), end="")
    elif options.output_format == "json":
        entries = [
            {
                "code": r.code,
                "name": r.name,
                "severity": str(r.severity),
                "summary": r.summary,
                "doc": r.doc,
            }
            for r in rules
        ]
        print(json.dumps(entries if options.all else entries[0], indent=2, ensure_ascii=False))
    else:
        print("\n\n".join(f"# {r.code} {r.name} ({r.severity})\n\n{r.doc}" for r in rules))
    return EXIT_CLEAN


def rule_table(rules: Sequence[Rule]) -> str:
    """The Markdown table of rules that the README carries."""
    rows = ["| code | name | severity | what it reports |", "|---|---|---|---|"]
    rows += [f"| {r.code} | {r.name} | {r.severity} | {r.summary} |" for r in rules]
    return "\n".join(rows) + "\n"
