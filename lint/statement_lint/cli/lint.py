"""The lint command's output: each file's diagnostics as the run gives them (or all at the end,
for the formats that need them all), the summary line, and the exit status. Deciding what the
documents hold is the run's; this module only prints."""

from __future__ import annotations

import argparse
import io
import os
import sys
from typing import TextIO

from statement_lint.cli import EXIT_CLEAN, EXIT_FAILURE, EXIT_VIOLATIONS
from statement_lint.cli.arguments import UsageError, lint_parser, run_options
from statement_lint.diagnostic import Diagnostic
from statement_lint.readers.errors import reason
from statement_lint.report import ReportInput, RunSummary, formatter, plural, streams
from statement_lint.report.escape import printable
from statement_lint.run import FileResult, Run, RunEnd
from statement_lint.run.discover import display_path


def lint_command(arguments: list[str], stdin: TextIO) -> int:
    options = lint_parser().parse_args(arguments)
    run = Run(run_options(options, stdin))
    if options.show_files:
        return _show_files(run)
    stream, close_stream = _output_stream(options)
    if options.quiet >= 2:  # -qq: the exit status says it all
        close_stream()
        stream, close_stream = _Discarded(), lambda: None
    try:
        printer = _Printer(options, run, stream)
        for result in run.results(keep_paths=not printer.streaming):
            printer.file(result)
        end = printer.end(run.end())
        if options.diff:
            if not options.quiet:
                print(f"Would fix {plural(printer.would_fix, 'violation')}.", file=sys.stderr)
            return EXIT_VIOLATIONS if printer.would_fix and not options.exit_zero else EXIT_CLEAN
        if options.write_baseline:
            return printer.write_baseline()
        printer.report(end)
    finally:
        close_stream()
    return printer.summary(end)


class _Printer:
    """Writes what the run gives, file by file, then the report and the summary."""

    def __init__(self, options: argparse.Namespace, run: Run, stream: TextIO) -> None:
        self.options = options
        self.run = run
        self.stream = stream
        self.output_format = _output_format(run.settings)
        self.streaming = streams(self.output_format) and not (
            options.statistics or options.write_baseline or options.diff
        )
        self.color = _use_color(options.color, sys.stdout)
        if options.output_file:
            self.color = options.color == "always"
        self.write = formatter(self.output_format)
        self.counts = RunSummary(0, 0, 0)
        self.kept: list[Diagnostic] = []  # when the format needs every diagnostic first
        self.lines: dict[str, dict[int, str]] = {}
        self.fixed = self.would_fix = 0
        self.findings: list[Diagnostic] = []  # about config files, known at the end
        from statement_lint.run.progress import Progress

        self.progress = Progress(not options.quiet and sys.stderr.isatty())
        self.done = 0

    def file(self, result: FileResult) -> None:
        self.done += 1
        self.progress.update(self.done)
        if self.options.diff:
            self.would_fix += result.fixed
            if self.options.quiet < 2:
                sys.stdout.write(result.diff)
        else:
            self.fixed += result.fixed
        if result.fix_error:
            verb = "annotate" if self.options.annotate else "fix"
            problem = f"cannot {verb} {printable(result.shown)}: {result.fix_error}"
            print(f"statement-lint: {problem}", file=sys.stderr)
        if result.annotated and not self.options.quiet:
            print(f"statement-lint: wrote {printable(result.annotated)}", file=sys.stderr)
        self.counts = self.counts.add(result.diagnostics, files=1)
        if self.options.no_warnings:
            result.diagnostics = [d for d in result.diagnostics if d.severity == "error"]
        if not result.diagnostics:
            return  # every format writes per diagnostic
        if self.streaming:
            lines = {result.shown: result.lines} if result.lines else {}
            self.write(ReportInput(result.diagnostics, self.counts, self.color, lines), self.stream)
        else:
            self.kept.extend(result.diagnostics)
            if result.lines:
                self.lines[result.shown] = result.lines

    def end(self, end: RunEnd) -> RunEnd:
        self.progress.close()
        self.findings = end.findings
        self.counts = self.counts.add(end.findings, files=0)
        return end

    def write_baseline(self) -> int:
        from statement_lint.run.baseline import Baseline

        everything = sorted(self.kept + self.findings, key=Diagnostic.sort_key)
        Baseline.of(self.options.write_baseline, everything).write()
        if not self.options.quiet:
            count = plural(len(everything), "violation")
            where = printable(self.options.write_baseline)
            print(f"Wrote {count} to the baseline {where}.", file=sys.stderr)
        return EXIT_CLEAN

    def report(self, end: RunEnd) -> None:
        if self.streaming:  # what remains: suppressions reported against config files
            self.write(ReportInput(end.findings, self.counts, self.color, {}), self.stream)
        else:
            from statement_lint.report.statistics import write_statistics

            everything = sorted(self.kept + end.findings, key=Diagnostic.sort_key)
            if self.options.no_warnings:
                everything = [d for d in everything if d.severity == "error"]
            report = ReportInput(everything, self.counts, self.color, self.lines, end.linted)
            if self.options.statistics:
                write_statistics(report, self.stream, json=self.output_format == "json")
            else:
                self.write(report, self.stream)
        self.stream.flush()

    def summary(self, end: RunEnd) -> int:
        """The summary line and notes on standard error; the exit status."""
        options, counts = self.options, self.counts
        notes = []
        if self.fixed:
            notes.append(f"Fixed {plural(self.fixed, 'violation')}.")
        if self.run.baseline is not None:
            notes += _baseline_notes(options, self.run.baseline, end.linted)
        if not counts.files and not options.quiet >= 2 and not options.show_files:
            where = ", ".join(printable(p) for p in (options.paths or ["."]))
            print(
                f"statement-lint: warning: no statements to lint in {where} (files ending in "
                ".txt, .md, .pdf or .docx, less what exclude skips: see --show-files)",
                file=sys.stderr,
            )
        if not options.quiet:
            if counts.fixable and not options.fix:
                notes.append(f"{plural(counts.fixable, 'violation')} fixable with --fix ([*]).")
            print(" ".join([counts.sentence(), *notes]), file=sys.stderr)
            for note in end.notes:
                print(f"statement-lint: note: {printable(note)}", file=sys.stderr)
        if end.failed:
            print(
                f"statement-lint: failed on {plural(end.failed, 'file')} (DOC003): they were "
                "not checked; please report the bug with the file",
                file=sys.stderr,
            )
            return EXIT_FAILURE  # the tool failed: not a violation, whatever --exit-zero says
        if options.exit_zero:
            return EXIT_CLEAN
        if self.run.settings.fail_on == "warning":
            return EXIT_VIOLATIONS if counts.errors or counts.warnings else EXIT_CLEAN
        return EXIT_VIOLATIONS if counts.errors else EXIT_CLEAN


def _output_format(settings) -> str:
    """The configured format; under GitHub Actions, annotations unless a format was asked for."""
    asked = settings.source_of("output-format") != "default"
    if not asked and os.environ.get("GITHUB_ACTIONS") == "true":
        return "github"
    return settings.output_format


def _output_stream(options: argparse.Namespace):
    if not options.output_file:
        return sys.stdout, lambda: None
    try:
        stream = open(options.output_file, "w", encoding="utf-8", newline="\n")  # noqa: SIM115
    except OSError as error:
        where = printable(options.output_file)
        raise UsageError(f"--output-file {where}: {reason(error)}") from None
    return stream, stream.close


def _baseline_notes(options: argparse.Namespace, baseline, linted: list[str]) -> list[str]:
    notes = []
    if baseline.hidden:
        notes.append(f"{baseline.hidden} hidden by the baseline {printable(options.baseline)}.")
    stale = baseline.stale(set(linted))
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


class _Discarded(io.StringIO):
    """Where -qq's output goes: nowhere, at no cost."""

    def write(self, text: str) -> int:
        return len(text)


def _show_files(run: Run) -> int:
    """--show-files: each file the run would lint, and the config file that applies to it."""
    resolver = run.work.resolver
    shown = 0
    for path in run.files:
        config = resolver.for_path(path).config_path or "(no config file: defaults)"
        print(f"{printable(display_path(path))}  {printable(config)}")
        shown += 1
    if not shown:
        print("statement-lint: no statements to lint", file=sys.stderr)
    return EXIT_CLEAN
