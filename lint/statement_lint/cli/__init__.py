"""The command line: `statement-lint [PATH ...]` lints; `rule`, `config` and `align` are
commands.

`main(argv)` returns the exit status (0 clean, 1 violations, 2 usage, config or internal
failure), so that tests call it directly. The lint command's options are read in
`arguments`, its output written in `lint`; `commands` holds `rule` and `config`.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from importlib import import_module
from typing import TextIO

from statement_lint.errors import UserError

__all__ = ["EXIT_CLEAN", "EXIT_FAILURE", "EXIT_VIOLATIONS", "main", "run"]

# command -> (module, function): the commands besides linting (`check`, the default).
_COMMANDS = {
    "rule": ("statement_lint.cli.commands", "rule_command"),
    "config": ("statement_lint.cli.commands", "config_command"),
    "align": ("statement_lint.cli.align", "align_command"),
    "serve": ("statement_lint.cli.serve", "serve_command"),
    "init": ("statement_lint.cli.init", "init_command"),
    "completion": ("statement_lint.cli.completion", "completion_command"),
    "register": ("statement_lint.cli.register", "register_command"),
}
COMMANDS = ("check", *_COMMANDS)

EXIT_CLEAN, EXIT_VIOLATIONS, EXIT_FAILURE = 0, 1, 2


def main(argv: Sequence[str] | None = None, stdin: TextIO | None = None) -> int:
    """Run statement-lint with `argv` (without the program name); returns the exit status."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments == ["--version"]:  # answered without loading the linter
        from statement_lint.version import __version__

        print(f"statement-lint {__version__}")
        return EXIT_CLEAN
    try:
        command = _COMMANDS.get(arguments[0]) if arguments else None
        if command is not None:  # each command's module is imported only when it is run
            module, function = command
            return getattr(import_module(module), function)(arguments[1:])
        if arguments[:1] == ["check"]:  # ruff's habit: `check` names the default command
            arguments = arguments[1:]
        else:
            _not_a_mistyped_command(arguments)
        from statement_lint.cli.lint import lint_command

        return lint_command(arguments, stdin or sys.stdin)
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
        import traceback  # only for a failure: a run without one spares the import

        print(
            "statement-lint: internal error; please report it with the file that caused it:\n"
            + traceback.format_exc(),
            file=sys.stderr,
        )
        return EXIT_FAILURE


def run() -> None:
    sys.exit(main())


def _not_a_mistyped_command(arguments: list[str]) -> None:
    """A first word that is no file and nearly a command (`rul`) is taken for a mistyped
    command, not linted as a missing file."""
    import os

    first = arguments[0] if arguments else ""
    if not first or first.startswith("-") or os.path.exists(first):
        return
    from statement_lint.similarity import closest, did_you_mean

    guess = closest(first, COMMANDS)
    if guess:
        hint = did_you_mean(guess, quote="'")
        raise UserError(f"'{first}' is neither a command nor a file; {hint}")
