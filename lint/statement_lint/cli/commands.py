"""The `rule` and `config` commands: the rules' documentation, and the settings for a file."""

from __future__ import annotations

import argparse
import json
import os
from collections.abc import Sequence

from statement_lint.cli import EXIT_CLEAN
from statement_lint.cli.usage import Parser, UsageError, add_config_options
from statement_lint.rules import Rule, all_rules, rule_by_code, rules_by_code
from statement_lint.similarity import closest, did_you_mean


def _rule_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="statement-lint rule", description="Print the documentation of rules.")
    parser.add_argument("code", nargs="?", metavar="CODE", help="the rule code, e.g. ALN002")
    parser.add_argument("--all", action="store_true", help="every rule")
    parser.add_argument(
        "--output-format", choices=("text", "json", "markdown"), default="text",
        help="markdown: a table of the rules (as in the README)",
    )  # fmt: skip
    parser.add_argument(
        "--write-pages", metavar="DIR",
        help="with --all: write each rule's page as DIR/CODE.md (the docs/rules/ pages)",
    )  # fmt: skip
    return parser


def rule_command(arguments: list[str]) -> int:
    """`statement-lint rule CODE` / `rule --all`: the rules' documentation."""
    options = _rule_parser().parse_args(arguments)
    if options.all == bool(options.code):
        raise UsageError("give either a rule CODE or --all")
    if options.write_pages:
        if not options.all:
            raise UsageError("--write-pages DIR goes with --all")
        return _write_pages(options.write_pages)
    if options.all:
        rules = list(all_rules())
    else:
        code = options.code.upper()
        found = rule_by_code(code)
        if found is None:
            guess = closest(code, rules_by_code())
            hint = (
                f"; {did_you_mean(guess)}" if guess else "; 'statement-lint rule --all' lists them"
            )
            raise UsageError(f"no rule {options.code}{hint}")
        rules = [found]
    if options.output_format == "markdown":
        print(rule_table(rules), end="")
    elif options.output_format == "json":
        entries = [
            {
                "code": r.code,
                "name": r.name,
                "severity": str(r.severity),
                "fixable": r.fixable,
                "summary": r.summary,
                "doc": r.doc,
                "url": r.url,
            }
            for r in rules
        ]
        print(json.dumps(entries if options.all else entries[0], indent=2, ensure_ascii=False))
    else:
        print("\n".join(r.page for r in rules), end="")
    return EXIT_CLEAN


def _write_pages(folder: str) -> int:
    os.makedirs(folder, exist_ok=True)
    for rule in all_rules():
        with open(os.path.join(folder, f"{rule.code}.md"), "w", encoding="utf-8") as page:
            page.write(rule.page)
    print(f"Wrote {len(all_rules())} rule pages to {folder}")
    return EXIT_CLEAN


def rule_table(rules: Sequence[Rule]) -> str:
    """The Markdown table of rules that the README carries."""
    rows = ["| code | name | severity | what it reports |", "|---|---|---|---|"]
    rows += [f"| {r.code} | {r.name} | {r.severity} | {r.summary} |" for r in rules]
    return "\n".join(rows) + "\n"


def config_command(arguments: list[str]) -> int:
    """`statement-lint config --show [FILE]`: the settings for FILE, and where each comes from."""
    parser = Parser(
        prog="statement-lint config",
        description="Show the settings that apply to a file, and where each comes from.",
    )
    parser.add_argument("--show", action="store_true", required=True)
    parser.add_argument("file", nargs="?", default=".", metavar="FILE")
    add_config_options(parser)
    options = parser.parse_args(arguments)
    # Here, not at the top: `rule CODE` imports this module and needs none of the settings.
    from statement_lint.config.files import ConfigResolver
    from statement_lint.config.settings import CONFIG_KEYS

    settings = ConfigResolver(options.config, options.isolated).for_path(options.file)
    print(f"# settings for {options.file}")
    print(f"# config file: {settings.config_path or '(none: defaults)'}")
    for key in CONFIG_KEYS:
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
