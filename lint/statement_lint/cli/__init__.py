"""The command line: `statement-lint [PATH ...]` lints; `rule`, `config` and `align` are
commands.

`main(argv)` returns the exit status (0 clean, 1 violations, 2 usage, config or internal
failure), so that tests call it directly. The lint command's options are read in
`arguments`, its output written in `lint`; `commands` holds `rule` and `config`.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TextIO

from statement_lint.errors import UserError

__all__ = ["EXIT_CLEAN", "EXIT_FAILURE", "EXIT_VIOLATIONS", "main", "run"]

EXIT_CLEAN, EXIT_VIOLATIONS, EXIT_FAILURE = 0, 1, 2


def main(argv: Sequence[str] | None = None, stdin: TextIO | None = None) -> int:
    """Run statement-lint with `argv` (without the program name); returns the exit status."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments == ["--version"]:  # answered without loading the linter
        from statement_lint.version import __version__

        print(f"statement-lint {__version__}")
        return EXIT_CLEAN
    try:
        if arguments[:1] == ["rule"]:
            from statement_lint.cli.commands import rule_command

            return rule_command(arguments[1:])
        if arguments[:1] == ["serve"]:
            from statement_lint.cli.serve import serve_command

            return serve_command(arguments[1:])
        if arguments[:1] == ["align"]:
            from statement_lint.cli.align import align_command

            return align_command(arguments[1:])
        if arguments[:1] == ["config"]:
            from statement_lint.cli.commands import config_command

            return config_command(arguments[1:])
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
