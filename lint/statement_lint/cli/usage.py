"""What every command's argument parser shares: mistakes in a call are `UsageError`s (exit 2),
never argparse's own exit."""

from __future__ import annotations

import argparse

from statement_lint.errors import UserError


class UsageError(UserError):
    """A mistake in how the command was called: reported, exit 2."""


class Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse would exit; main() must return instead
        raise UsageError(f"{message}\n{self.format_usage().rstrip()}")
