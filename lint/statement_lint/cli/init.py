"""`statement-lint init [DIR]`: a commented starter config, and the pre-commit snippet."""

from __future__ import annotations

import os

from statement_lint.cli import EXIT_CLEAN
from statement_lint.cli.usage import Parser, UsageError
from statement_lint.version import __version__

STARTER = """\
# statement-lint's settings for this folder and every folder below it (the closest
# statement-lint.toml or [tool.statement-lint] in pyproject.toml wins). Every key is optional:
# `statement-lint config --show FILE` shows what applies to a file and where it comes from;
# the keys are described in the JSON Schema that ships with the package
# (statement_lint/schemas/config.schema.json).

# All rules are on. Switch some off (codes or prefixes), or make them warnings:
# ignore = ["DSC"]
# [severity]
# ALN012 = "warning"

# Files beside the statements that are none (gitignore-style globs, from this folder):
# extend-exclude = ["notes/", "*.draft.txt"]

# Exceptions for some files:
# [per-file-ignores]
# "archive/2005/**" = ["DSC001"]

# The run fails on errors; to fail on warnings too:
# fail-on = "warning"
"""

SNIPPET = f"""\
repos:
  - repo: https://github.com/statement-lint/statement-lint
    rev: v{__version__}
    hooks:
      - id: statement-lint
        files: ^statements/    # your statements' folder
"""


def init_command(arguments: list[str]) -> int:
    parser = Parser(
        prog="statement-lint init",
        description="Write a commented starter statement-lint.toml, and print the pre-commit "
        "snippet. An existing file is never overwritten.",
    )
    parser.add_argument("folder", nargs="?", default=".", metavar="DIR")
    options = parser.parse_args(arguments)
    if not os.path.isdir(options.folder):
        raise UsageError(f"{options.folder}: no such folder")
    target = os.path.join(options.folder, "statement-lint.toml")
    try:
        with open(target, "x", encoding="utf-8") as handle:
            handle.write(STARTER)
    except FileExistsError:
        raise UsageError(f"{target} already exists; it was left as it is") from None
    print(f"Wrote {target}. To run statement-lint before each commit, add to your "
          ".pre-commit-config.yaml:\n")  # fmt: skip
    print(SNIPPET, end="")
    return EXIT_CLEAN
