"""What every command's argument parser shares: mistakes in a call are `UsageError`s (exit 2),
never argparse's own exit."""

from __future__ import annotations

import argparse
import os
import sys

from statement_lint.errors import UserError


class UsageError(UserError):
    """A mistake in how the command was called: reported, exit 2."""


class Parser(argparse.ArgumentParser):
    def _get_formatter(self):
        # argparse makes a formatter at every add_argument (to check the metavar), and its
        # width from `shutil` (an import of 2 ms with bz2 and lzma): only help needs the width.
        return self.formatter_class(prog=self.prog, width=_help_width())

    def error(self, message: str):  # argparse would exit; main() must return instead
        raise UsageError(f"{self._with_guesses(message)}\n{self.format_usage().rstrip()}")

    def _with_guesses(self, message: str) -> str:
        """`unrecognized arguments: --selct (did you mean --select?)`."""
        from statement_lint.similarity import closest, did_you_mean

        prefix = "unrecognized arguments: "
        if not message.startswith(prefix):
            return message
        known = [option for option in self._option_string_actions if option.startswith("--")]
        words = []
        for word in message.removeprefix(prefix).split(" "):
            guess = closest(word.split("=")[0], known) if word.startswith("--") else None
            words.append(f"{word} ({did_you_mean(guess)})" if guess else word)
        return prefix + " ".join(words)


def _help_width() -> int:
    """The width argparse would take from `shutil`: `COLUMNS` if set, else the terminal's,
    else 80; less two."""
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 80
    return max(columns - 2, 11)


def add_config_options(parser, config_help: str = "use this config file for every file") -> None:
    """--config FILE and --isolated, as every command that reads config files takes them."""
    parser.add_argument("--config", metavar="FILE", help=config_help)
    parser.add_argument("--isolated", action="store_true", help="ignore all config files")
