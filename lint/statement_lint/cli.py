"""The command line: argument parsing, output and exit codes only."""

from __future__ import annotations

import argparse
import json
import os
import sys
import traceback
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TextIO

from statement_lint import __version__
from statement_lint.configfile import ConfigResolver
from statement_lint.discover import discover
from statement_lint.engine import Linter
from statement_lint.errors import UserError
from statement_lint.model import Diagnostic, Severity
from statement_lint.readers import Document
from statement_lint.report import FORMATS, ReportInput, RunSummary, formatter, plural
from statement_lint.report.statistics import write_statistics
from statement_lint.rules import Rule, all_rules, rules_by_code
from statement_lint.settings import FAIL_ON_CHOICES, validate_selector
from statement_lint.similarity import closest

EXIT_CLEAN, EXIT_VIOLATIONS, EXIT_FAILURE = 0, 1, 2
FORMAT_VARIABLE = "STATEMENT_LINT_OUTPUT_FORMAT"


class UsageError(UserError):
    """A mistake in how the command was called, or in a config: reported, exit 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse would exit; main() must return instead
        raise UsageError(f"{message}\n{self.format_usage().rstrip()}")


def _lint_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="statement-lint",
        description="Check OSCE delegation statements: document symbol, date, language marker, "
        "disclaimer and alignment footnote.",
        epilog="Other commands: 'statement-lint rule CODE' or 'rule --all' prints the rules' "
        "documentation; 'statement-lint config --show [FILE]' the settings for a file. "
        "Exit status: 0 clean, 1 violations, 2 usage, config or internal error.",
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="files or directories to lint (default: .); - reads standard input",
    )
    rules = parser.add_argument_group("rule selection")
    rules.add_argument(
        "--select", action="append", default=[], metavar="CODES",
        help="comma-separated rule codes or prefixes to enable, instead of the config's select",
    )  # fmt: skip
    rules.add_argument(
        "--extend-select", action="append", default=[], metavar="CODES",
        help="codes or prefixes to enable in addition",
    )  # fmt: skip
    rules.add_argument(
        "--ignore", action="append", default=[], metavar="CODES",
        help="codes or prefixes to disable, in addition to the config's ignore",
    )  # fmt: skip
    rules.add_argument(
        "--fail-on", choices=FAIL_ON_CHOICES, help="the lowest severity that makes the run fail"
    )
    config = parser.add_argument_group("configuration")
    config.add_argument("--config", metavar="FILE", help="use this config file for every file")
    config.add_argument("--isolated", action="store_true", help="ignore all config files")
    config.add_argument(
        "--force-exclude", action="store_true",
        help="apply exclude to paths named on the command line too (as pre-commit needs)",
    )  # fmt: skip
    baseline = parser.add_argument_group("baseline")
    baseline.add_argument("--baseline", metavar="FILE", help="hide the violations recorded in FILE")
    baseline.add_argument(
        "--write-baseline", metavar="FILE", help="record the current violations in FILE, exit 0"
    )
    baseline.add_argument(
        "--baseline-prune", action="store_true",
        help="with --baseline: remove the entries that no longer match from FILE",
    )  # fmt: skip
    fixing = parser.add_argument_group("fixes")
    fixing.add_argument(
        "--fix", action="store_true",
        help="correct, in place, what has exactly one right correction ([*] in the output)",
    )  # fmt: skip
    fixing.add_argument(
        "--diff", action="store_true", help="print the fixes as a unified diff; change nothing"
    )
    output = parser.add_argument_group("output")
    output.add_argument(
        "--output-format", choices=FORMATS,
        help=f"how diagnostics are printed (default: ${FORMAT_VARIABLE}, then the config's "
        "output-format, then github under GitHub Actions, else concise)",
    )  # fmt: skip
    output.add_argument(
        "--statistics", action="store_true", help="print how many violations of each rule, only"
    )
    output.add_argument(
        "--output-file", metavar="FILE", help="write diagnostics to FILE instead of standard output"
    )
    output.add_argument("--stdin-filename", metavar="NAME", help="the path to report for -")
    output.add_argument(
        "--exit-zero", action="store_true", help="exit 0 even when violations are found"
    )
    output.add_argument(
        "-q", "--quiet", action="store_true", help="print diagnostics only, no summary"
    )
    output.add_argument(
        "--color", choices=("auto", "always", "never"), default="auto",
        help="colour the output (auto: on a terminal, unless NO_COLOR is set)",
    )  # fmt: skip
    parser.add_argument("--version", action="version", version=f"statement-lint {__version__}")
    return parser


def main(argv: Sequence[str] | None = None, stdin: TextIO | None = None) -> int:
    """Run statement-lint with `argv` (without the program name); returns the exit status."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        if arguments[:1] == ["rule"]:
            return _rule_command(arguments[1:])
        if arguments[:1] == ["config"]:
            return _config_command(arguments[1:])
        return _lint_command(arguments, stdin or sys.stdin)
    except UserError as error:
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


def _codes(values: list[str], option: str) -> tuple[str, ...]:
    codes = tuple(
        code.strip().upper() for value in values for code in value.split(",") if code.strip()
    )
    for code in codes:
        problem = validate_selector(code)
        if problem:
            raise UsageError(f"--{option} {code}: {problem}")
    return codes


def _overrides(options: argparse.Namespace) -> dict[str, object]:
    overrides: dict[str, object] = {}
    if options.select:
        overrides["select"] = _codes(options.select, "select")
    if options.extend_select:
        overrides["extend_select"] = _codes(options.extend_select, "extend-select")
    if options.ignore:
        overrides["ignore"] = _codes(options.ignore, "ignore")
    if options.fail_on:
        overrides["fail_on"] = options.fail_on
    chosen = options.output_format or os.environ.get(FORMAT_VARIABLE)
    if chosen:
        if chosen not in FORMATS:
            raise UsageError(f"{FORMAT_VARIABLE}={chosen}: choose one of {', '.join(FORMATS)}")
        overrides["output_format"] = chosen
    return overrides


def _output_format(settings) -> str:
    """The configured format; under GitHub Actions, annotations unless a format was asked for."""
    asked = settings.source_of("output-format") != "default"
    if not asked and os.environ.get("GITHUB_ACTIONS") == "true":
        return "github"
    return settings.output_format


@dataclass
class _Linted:
    path: str | None  # None for standard input
    document: Document
    diagnostics: list[Diagnostic]
    fixed: int = 0


def _lint_command(arguments: list[str], stdin: TextIO) -> int:
    options = _lint_parser().parse_args(arguments)
    if options.baseline_prune and not options.baseline:
        raise UsageError("--baseline-prune needs --baseline FILE")
    paths = options.paths or ["."]
    if options.fix and "-" in paths:
        raise UsageError("--fix cannot write back to standard input; use --diff")
    resolver = ConfigResolver(options.config, options.isolated, _overrides(options))
    run_settings = resolver.for_directory(".")
    linter = Linter(resolver=resolver)

    linted: list[_Linted] = []
    if "-" in paths:
        document, found = linter.lint_stdin(stdin.buffer.read(), options.stdin_filename)
        linted.append(_Linted(None, document, found))
    for path in discover(
        [p for p in paths if p != "-"], linter.settings_for, options.force_exclude
    ):
        document, found = linter.lint_path(path)
        linted.append(_Linted(path, document, found))
    if options.fix or options.diff:
        return_early = _fix(options, linter, linted)
        if return_early is not None:
            return return_early

    diagnostics = [d for item in linted for d in item.diagnostics]
    diagnostics += linter.unused_per_file_ignores()
    diagnostics.sort(key=Diagnostic.sort_key)
    if options.write_baseline:
        from statement_lint.baseline import Baseline

        Baseline.of(options.write_baseline, diagnostics).write()
        if not options.quiet:
            count = plural(len(diagnostics), "violation")
            print(f"Wrote {count} to the baseline {options.write_baseline}.", file=sys.stderr)
        return EXIT_CLEAN
    notes = []
    if options.baseline:
        diagnostics, notes = _apply_baseline(
            options, diagnostics, {i.document.path for i in linted}
        )
    if options.fix and linted:
        fixed = sum(item.fixed for item in linted)
        if fixed:
            notes.insert(0, f"Fixed {plural(fixed, 'violation')}.")

    summary = RunSummary.of(diagnostics, len(linted))
    output_format = _output_format(run_settings)
    sources = {}
    if output_format == "full":
        sources = {i.document.path: i.document.text for i in linted if i.document.text is not None}
    files = sorted(item.document.path for item in linted)
    report = ReportInput(diagnostics, summary, False, sources, files)
    write = write_statistics if options.statistics else formatter(output_format)
    if options.output_file:
        try:
            with open(options.output_file, "w", encoding="utf-8", newline="\n") as stream:
                write(replace(report, color=options.color == "always"), stream)
        except OSError as error:
            reason = error.strerror or str(error)
            raise UsageError(f"--output-file {options.output_file}: {reason}") from None
    else:
        write(replace(report, color=_use_color(options.color, sys.stdout)), sys.stdout)
        sys.stdout.flush()
    if not options.quiet:
        fixable = sum(d.fix is not None for d in diagnostics)
        if fixable and not options.fix:
            notes.append(f"{plural(fixable, 'violation')} fixable with --fix ([*]).")
        print(" ".join([summary.sentence(), *notes]), file=sys.stderr)

    if options.exit_zero:
        return EXIT_CLEAN
    failing = {Severity.ERROR}
    if run_settings.fail_on == "warning":
        failing.add(Severity.WARNING)
    return EXIT_VIOLATIONS if any(d.severity in failing for d in diagnostics) else EXIT_CLEAN


def _fix(options: argparse.Namespace, linter: Linter, linted: list[_Linted]) -> int | None:
    """Apply (--fix) or print (--diff) the fixes; with --diff, the run ends here."""
    from statement_lint.fix import ReadOnly, fix_document, unified_diff, write_atomically

    would_fix = 0
    for item in linted:
        if not any(d.fix for d in item.diagnostics):
            continue
        settings = linter.settings_for(item.path or ".")
        where = item.path or item.document.path

        def lint(document: Document, settings=settings, where=where) -> list[Diagnostic]:
            return linter.lint_document(document, settings, where)

        result = fix_document(item.document, item.diagnostics, lint)
        if options.diff:
            sys.stdout.write(unified_diff(result))
            would_fix += result.fixed
            continue
        try:
            write_atomically(item.path, result.data)
        except ReadOnly:
            print(f"statement-lint: cannot fix {item.document.path}: the file is read-only; "
                  "nothing was changed", file=sys.stderr)  # fmt: skip
            continue
        except OSError as error:
            reason = (error.strerror or str(error)).lower()
            print(f"statement-lint: cannot fix {item.document.path}: {reason}; nothing was "
                  "changed", file=sys.stderr)  # fmt: skip
            continue
        item.document, item.diagnostics = result.document, result.diagnostics
        item.fixed = result.fixed
    if options.diff:
        sys.stdout.flush()
        if not options.quiet:
            print(f"Would fix {plural(would_fix, 'violation')}.", file=sys.stderr)
        return EXIT_VIOLATIONS if would_fix and not options.exit_zero else EXIT_CLEAN
    return None


def _apply_baseline(
    options: argparse.Namespace, diagnostics: list[Diagnostic], linted: set[str]
) -> tuple[list[Diagnostic], list[str]]:
    from statement_lint.baseline import Baseline

    notes = []
    baseline = Baseline.load(options.baseline)
    result = baseline.apply(diagnostics, linted)
    if result.hidden:
        notes.append(f"{result.hidden} hidden by the baseline {options.baseline}.")
    if result.stale and options.baseline_prune:
        baseline.pruned(result.stale, diagnostics).write()
        stale = plural(len(result.stale), "stale entry")
        notes.append(f"Pruned {stale} from {options.baseline}.")
    elif result.stale:
        verb = "matches" if len(result.stale) == 1 else "match"
        entries = plural(len(result.stale), "baseline entry")
        notes.append(f"{entries} no longer {verb}: --baseline-prune removes them.")
    return result.kept, notes


def _use_color(choice: str, stream: TextIO) -> bool:
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty()


def _rule_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="statement-lint rule", description="Print the documentation of rules.")
    parser.add_argument("code", nargs="?", metavar="CODE", help="the rule code, e.g. ALN002")
    parser.add_argument("--all", action="store_true", help="every rule")
    parser.add_argument(
        "--output-format", choices=("text", "json", "markdown"), default="text",
        help="markdown: a table of the rules (as in the README)",
    )  # fmt: skip
    return parser


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


_SHOWN_KEYS = (
    "select", "extend-select", "ignore", "per-file-ignores", "exclude", "extend-exclude",
    "severity", "fail-on", "output-format", "profile", "registry", "limits",
)  # fmt: skip


def _config_command(arguments: list[str]) -> int:
    parser = _Parser(
        prog="statement-lint config",
        description="Show the settings that apply to a file, and where each comes from.",
    )
    parser.add_argument("--show", action="store_true", required=True)
    parser.add_argument("file", nargs="?", default=".", metavar="FILE")
    parser.add_argument("--config", metavar="FILE")
    parser.add_argument("--isolated", action="store_true")
    options = parser.parse_args(arguments)
    settings = ConfigResolver(options.config, options.isolated).for_path(options.file)
    print(f"# settings for {options.file}")
    print(f"# config file: {settings.config_path or '(none: defaults)'}")
    for key in _SHOWN_KEYS:
        value = getattr(settings, key.replace("-", "_"))
        if key in ("per-file-ignores", "severity"):
            shown = "{" + ", ".join(f"{json.dumps(k)} = {_toml(v)}" for k, v in value) + "}"
        elif key == "registry":
            shown = _toml(value or "(bundled)")
        elif key == "limits":
            pairs = [(name.replace("_", "-"), getattr(value, name)) for name in vars(value)]
            shown = "{" + ", ".join(f"{name} = {number:g}" for name, number in pairs) + "}"
        else:
            shown = _toml(value)
        print(f"{key} = {shown}  # {settings.source_of(key)}")
    return EXIT_CLEAN


def _toml(value: object) -> str:
    return json.dumps(list(value) if isinstance(value, tuple) else value, ensure_ascii=False)
