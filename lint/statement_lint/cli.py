"""The command line: argument parsing, output and exit codes only."""

from __future__ import annotations

import argparse
import json
import os
import sys
import traceback
from collections.abc import Sequence
from typing import TextIO

from statement_lint.configfile import ConfigResolver
from statement_lint.discover import discover
from statement_lint.engine import PerFileIgnoreUse
from statement_lint.errors import UserError
from statement_lint.model import Diagnostic
from statement_lint.report import FORMATS, ReportInput, RunSummary, formatter, plural
from statement_lint.report.escape import printable
from statement_lint.report.statistics import write_statistics
from statement_lint.rules import Rule, all_rules, rules_by_code
from statement_lint.runner import FileLinter, Progress, RunOptions, default_jobs, run_files
from statement_lint.settings import FAIL_ON_CHOICES, validate_selector
from statement_lint.similarity import closest
from statement_lint.version import __version__

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
    speed = parser.add_argument_group("speed")
    speed.add_argument(
        "--jobs", "-j", type=int, metavar="N",
        help="worker processes for large runs (default: the number of CPUs; 1 for --fix)",
    )  # fmt: skip
    speed.add_argument(
        "--no-cache", action="store_true", help="do not read or write the result cache"
    )
    speed.add_argument(
        "--cache-dir", default=".statement_lint_cache", metavar="DIR",
        help="where results are cached (default: .statement_lint_cache)",
    )  # fmt: skip
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


# Formats written file by file as the run goes (memory stays flat over an archive); the
# others need every diagnostic first.
STREAMING_FORMATS = ("concise", "full", "github")


def _lint_command(arguments: list[str], stdin: TextIO) -> int:
    options = _lint_parser().parse_args(arguments)
    paths = options.paths or ["."]
    if options.baseline_prune and not options.baseline:
        raise UsageError("--baseline-prune needs --baseline FILE")
    if options.fix and "-" in paths:
        raise UsageError("--fix cannot write back to standard input; use --diff")
    if options.jobs is not None and options.jobs < 1:
        raise UsageError("--jobs takes a number of processes, 1 or more")
    run = _LintRun(options, paths, stdin)
    stream, close_stream = _output_stream(options)
    try:
        run.collect(stream)
        if options.diff:
            if not options.quiet:
                print(f"Would fix {plural(run.would_fix, 'violation')}.", file=sys.stderr)
            return EXIT_VIOLATIONS if run.would_fix and not options.exit_zero else EXIT_CLEAN
        if options.write_baseline:
            return run.write_baseline()
        run.report(stream)
    finally:
        close_stream()
    return run.finish()


class _LintRun:
    """One lint command: the files' results as they come, then the report and exit status."""

    def __init__(self, options: argparse.Namespace, paths: list[str], stdin: TextIO) -> None:
        self.options = options
        self.paths = paths
        self.stdin = stdin
        overrides = _overrides(options)
        self.settings = ConfigResolver(options.config, options.isolated, overrides).for_directory(
            "."
        )
        self.output_format = _output_format(self.settings)
        self.run_options = RunOptions(
            config=options.config,
            isolated=options.isolated,
            overrides=overrides,
            cache_dir=None if options.no_cache else options.cache_dir,
            fix=options.fix,
            diff=options.diff,
            keep_text=self.output_format == "full" and not options.statistics,
        )
        self.local = FileLinter(self.run_options)
        named = [path for path in paths if path != "-"]
        self.files = discover(named, self.local.resolver.for_path, options.force_exclude)
        self.baseline = None
        if options.write_baseline or options.baseline_prune:
            from statement_lint.baseline import check_target

            # Before the run, not after an hour of it: a baseline that cannot be written.
            if options.write_baseline:
                check_target(options.write_baseline)
            if options.baseline_prune:
                check_target(options.baseline, "--baseline")
        if options.baseline:
            from statement_lint.baseline import Baseline

            self.baseline = Baseline.load(options.baseline)
            self.baseline.start()
        self.streaming = self.output_format in STREAMING_FORMATS and not (
            options.statistics or options.write_baseline or options.diff
        )
        self.color = _use_color(options.color, sys.stdout)
        if options.output_file:
            self.color = options.color == "always"
        self.write = formatter(self.output_format)
        self.counts = RunSummary(0, 0, 0)
        self.kept: list[Diagnostic] = []  # when the format needs every diagnostic first
        self.sources: dict[str, str] = {}
        # Every file's path, for the formats that list clean files and for stale baseline
        # entries; not kept otherwise, so that memory stays flat over an archive.
        self.keep_paths = self.baseline is not None or not self.streaming
        self.linted: set[str] = set()
        self.fixed = self.would_fix = 0
        self.failed = 0  # files statement-lint failed on (DOC003)
        self.notes: set[str] = set()  # said once per run, after the summary
        self.config_findings: list[Diagnostic] = []

    def _results(self):
        if "-" in self.paths:
            name = self.options.stdin_filename
            limit = self.local.resolver.for_path(name or ".").limits.text_bytes
            # One byte more than allowed: enough to tell an over-long input, never all of it.
            yield self.local.run_stdin(self.stdin.buffer.read(limit + 1), name)
        options = self.options
        jobs = options.jobs or (1 if options.fix or options.diff else default_jobs())
        yield from run_files(self.files, self.run_options, jobs, self.local)

    def _visible(self, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
        if self.baseline is None:
            return diagnostics
        return [d for d in diagnostics if not self.baseline.hides(d)]

    def collect(self, stream: TextIO) -> None:
        """Lint every file, writing the streaming formats as results come."""
        use = PerFileIgnoreUse()
        progress = Progress(len(self.files), not self.options.quiet and sys.stderr.isatty())
        for done, result in enumerate(self._results(), start=1):
            progress.update(done)
            if self.keep_paths:
                self.linted.add(result.shown)
            use.record(result.usage)
            self.failed += result.failed
            self.notes.update(result.notes)
            if self.options.diff:
                self.would_fix += result.fixed
                sys.stdout.write(result.diff)
            else:
                self.fixed += result.fixed
            if result.fix_error:
                problem = f"cannot fix {printable(result.shown)}: {result.fix_error}"
                print(f"statement-lint: {problem}", file=sys.stderr)
            found = self._visible(result.diagnostics)
            self.counts = self.counts.add(found, files=1)
            if self.streaming:
                text = {result.shown: result.text} if result.text is not None else {}
                self.write(ReportInput(found, self.counts, self.color, text), stream)
            else:
                self.kept.extend(found)
                if result.text is not None:
                    self.sources[result.shown] = result.text
        progress.close()
        self.config_findings = self._visible(use.unused(self.local.resolver.for_path))
        self.counts = self.counts.add(self.config_findings, files=0)

    def write_baseline(self) -> int:
        from statement_lint.baseline import Baseline

        everything = sorted(self.kept + self.config_findings, key=Diagnostic.sort_key)
        Baseline.of(self.options.write_baseline, everything).write()
        if not self.options.quiet:
            count = plural(len(everything), "violation")
            print(f"Wrote {count} to the baseline {self.options.write_baseline}.", file=sys.stderr)
        return EXIT_CLEAN

    def report(self, stream: TextIO) -> None:
        if self.streaming:  # what remains: suppressions reported against config files
            self.write(ReportInput(self.config_findings, self.counts, self.color, {}), stream)
        else:
            everything = sorted(self.kept + self.config_findings, key=Diagnostic.sort_key)
            report = ReportInput(
                everything, self.counts, self.color, self.sources, sorted(self.linted)
            )
            (write_statistics if self.options.statistics else self.write)(report, stream)
        stream.flush()

    def finish(self) -> int:
        """The summary line, and the exit status."""
        options, counts = self.options, self.counts
        notes = []
        if self.fixed:
            notes.append(f"Fixed {plural(self.fixed, 'violation')}.")
        if self.baseline is not None:
            notes += _baseline_notes(options, self.baseline, self.linted)
        if not options.quiet:
            if counts.fixable and not options.fix:
                notes.append(f"{plural(counts.fixable, 'violation')} fixable with --fix ([*]).")
            print(" ".join([counts.sentence(), *notes]), file=sys.stderr)
            for note in sorted(self.notes):
                print(f"statement-lint: note: {printable(note)}", file=sys.stderr)
        if self.failed:
            files = plural(self.failed, "file")
            print(
                f"statement-lint: failed on {files} (DOC003): they were not checked; please "
                "report the bug with the file",
                file=sys.stderr,
            )
            return EXIT_FAILURE  # the tool failed: not a violation, whatever --exit-zero says
        if options.exit_zero:
            return EXIT_CLEAN
        if self.settings.fail_on == "warning":
            return EXIT_VIOLATIONS if counts.errors or counts.warnings else EXIT_CLEAN
        return EXIT_VIOLATIONS if counts.errors else EXIT_CLEAN


def _output_stream(options: argparse.Namespace):
    if not options.output_file:
        return sys.stdout, lambda: None
    try:
        stream = open(options.output_file, "w", encoding="utf-8", newline="\n")  # noqa: SIM115
    except OSError as error:
        reason = error.strerror or str(error)
        raise UsageError(f"--output-file {printable(options.output_file)}: {reason}") from None
    return stream, stream.close


def _baseline_notes(options: argparse.Namespace, baseline, linted: set[str]) -> list[str]:
    notes = []
    if baseline.hidden:
        notes.append(f"{baseline.hidden} hidden by the baseline {printable(options.baseline)}.")
    stale = baseline.stale(linted)
    if stale and options.baseline_prune:
        baseline.pruned(stale).write()
        pruned = plural(len(stale), "stale entry")
        notes.append(f"Pruned {pruned} from {printable(options.baseline)}.")
    elif stale:
        verb = "matches" if len(stale) == 1 else "match"
        entries = plural(len(stale), "baseline entry")
        notes.append(f"{entries} no longer {verb}: --baseline-prune removes them.")
    return notes


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
