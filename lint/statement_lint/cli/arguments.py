"""The lint command's options: the argument parser, and the one carrier they travel in to the
run (`RunOptions`), checked on the way."""

from __future__ import annotations

import argparse
import os
from typing import TextIO

from statement_lint.cli.usage import Parser, UsageError, add_config_options
from statement_lint.config.settings import FAIL_ON_CHOICES, OUTPUT_FORMATS
from statement_lint.rules._selection import validate_selector
from statement_lint.run import RunOptions
from statement_lint.version import __version__

FORMAT_VARIABLE = "STATEMENT_LINT_OUTPUT_FORMAT"


def lint_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="statement-lint",
        description="Check OSCE delegation statements: document symbol, date, language marker, "
        "disclaimer and alignment footnote.",
        epilog="Other commands: 'rule CODE' or 'rule --all' prints the rules' documentation; "
        "'config --show [FILE]' the settings for a file; 'align' writes an alignment paragraph; "
        "'serve' starts the web page; 'init' writes a starter config; 'completion SHELL' a "
        "completion script; 'check' is this command's name. "
        "Exit status: 0 clean, 1 violations, 2 usage, config or internal error.",
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="files or directories to lint (default: .); - reads standard input",
    )
    for add_group in (_rule_selection, _configuration, _baseline, add_speed, _fixes, _output):
        add_group(parser)
    parser.add_argument("--version", action="version", version=f"statement-lint {__version__}")
    return parser


def _rule_selection(parser: argparse.ArgumentParser) -> None:
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


def _configuration(parser: argparse.ArgumentParser) -> None:
    config = parser.add_argument_group("configuration")
    add_config_options(config)
    config.add_argument(
        "--force-exclude", action="store_true",
        help="apply exclude to paths named on the command line too (as pre-commit needs)",
    )  # fmt: skip


def _baseline(parser: argparse.ArgumentParser) -> None:
    baseline = parser.add_argument_group("baseline")
    baseline.add_argument("--baseline", metavar="FILE", help="hide the violations recorded in FILE")
    baseline.add_argument(
        "--write-baseline", metavar="FILE", help="record the current violations in FILE, exit 0"
    )
    baseline.add_argument(
        "--baseline-prune", action="store_true",
        help="with --baseline: remove the entries that no longer match from FILE",
    )  # fmt: skip


def add_speed(parser: argparse.ArgumentParser) -> None:
    """--jobs, --no-cache and --cache-dir (the register has them too); `checked_jobs` reads
    --jobs."""
    speed = parser.add_argument_group("speed")
    speed.add_argument(
        "--jobs", "-j", type=int, metavar="N",
        help="worker processes for large runs (default: the number of CPUs)",
    )  # fmt: skip
    speed.add_argument(
        "--no-cache", action="store_true", help="do not read or write the result cache"
    )
    speed.add_argument(
        "--cache-dir", default=".statement_lint_cache", metavar="DIR",
        help="where results are cached (default: .statement_lint_cache)",
    )  # fmt: skip


def _fixes(parser: argparse.ArgumentParser) -> None:
    fixing = parser.add_argument_group("fixes")
    fixing.add_argument(
        "--fix", action="store_true",
        help="correct, in place, what has exactly one right correction ([*] in the output); "
        "in one process unless --jobs says otherwise",
    )  # fmt: skip
    fixing.add_argument(
        "--diff", action="store_true",
        help="print the fixes as a unified diff; change nothing (in one process, as --fix)",
    )  # fmt: skip
    fixing.add_argument(
        "--annotate", action="store_true",
        help="write a copy of each Word file with a review comment on each diagnostic "
        "(draft.reviewed.docx beside draft.docx); the file itself is not changed",
    )  # fmt: skip
    fixing.add_argument(
        "--annotate-dir", metavar="DIR", help="with --annotate: write the copies into DIR"
    )


def _output(parser: argparse.ArgumentParser) -> None:
    output = parser.add_argument_group("output")
    output.add_argument(
        "--output-format", choices=OUTPUT_FORMATS,
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
        "-q", "--quiet", action="count", default=0,
        help="print diagnostics only, no summary; -qq: nothing, only the exit status",
    )  # fmt: skip
    output.add_argument(
        "--no-warnings", action="store_true",
        help="print errors only (warnings are still counted for --fail-on warning)",
    )  # fmt: skip
    output.add_argument(
        "--show-files", action="store_true",
        help="print the files that would be linted and the config each takes; lint nothing",
    )  # fmt: skip
    output.add_argument(
        "--color", choices=("auto", "always", "never"), default="auto",
        help="colour the output (auto: on a terminal, unless NO_COLOR is set)",
    )  # fmt: skip


def run_options(options: argparse.Namespace, stdin: TextIO) -> RunOptions:
    """The run the command line asks for; impossible combinations are usage errors."""
    paths = tuple(options.paths or ["."])
    if options.baseline_prune and not options.baseline:
        raise UsageError("--baseline-prune needs --baseline FILE")
    if options.fix and "-" in paths:
        raise UsageError("--fix cannot write back to standard input; use --diff")
    if options.annotate_dir and not options.annotate:
        raise UsageError("--annotate-dir DIR goes with --annotate")
    if options.annotate_dir and not os.path.isdir(options.annotate_dir):
        raise UsageError(f"--annotate-dir {options.annotate_dir}: no such folder; create it first")
    checked_jobs(options)
    return RunOptions(
        paths=paths,
        config=options.config,
        isolated=options.isolated,
        overrides=tuple(_overrides(options).items()),
        force_exclude=options.force_exclude,
        cache_dir=None if options.no_cache else options.cache_dir,
        fix=options.fix,
        diff=options.diff,
        jobs=options.jobs,
        baseline=options.baseline,
        baseline_prune=options.baseline_prune,
        write_baseline=options.write_baseline,
        stdin=stdin.buffer if "-" in paths else None,
        stdin_filename=options.stdin_filename,
        annotate=(options.annotate_dir or "") if options.annotate else None,
    )


def checked_jobs(options: argparse.Namespace) -> int | None:
    if options.jobs is not None and options.jobs < 1:
        raise UsageError("--jobs takes a number of processes, 1 or more")
    return options.jobs


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
    """The settings the command line sets, over the config files'."""
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
        if chosen not in OUTPUT_FORMATS:
            choices = ", ".join(OUTPUT_FORMATS)
            raise UsageError(f"{FORMAT_VARIABLE}={chosen}: choose one of {choices}")
        overrides["output_format"] = chosen
    return overrides
