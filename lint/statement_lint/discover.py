"""Expanding the paths given on the command line into the files to lint."""

from __future__ import annotations

import os
from collections.abc import Iterator

TEXT_SUFFIXES = (".txt", ".md")
# Files that sit beside statements in archives and repositories but are not statements. Like
# ruff's default excludes, they are skipped when a directory is walked, and linted when named.
NOT_STATEMENTS = (
    "readme",
    "changelog",
    "changes",
    "contributing",
    "license",
    "licence",
    "notice",
    "authors",
    "code_of_conduct",
    "security",
    "history",
)
SKIPPED_FOLDERS = ("node_modules", "__pycache__")


def discover(paths: list[str]) -> Iterator[str]:
    """Files to lint, in sorted order, each once.

    Directories are walked recursively (hidden files and folders skipped, symlinked folders not
    followed) for the supported suffixes. A file named explicitly is linted whatever its name;
    a path that does not exist is passed on, so that the reader reports it.
    """
    seen: set[str] = set()
    found: list[str] = []
    for path in paths:
        candidates = _walk(path) if os.path.isdir(path) else [path]
        for candidate in candidates:
            key = os.path.normpath(os.path.abspath(candidate))
            if key not in seen:
                seen.add(key)
                found.append(candidate)
    found.sort(key=display_path)
    yield from found


def _walk(root: str) -> Iterator[str]:
    # A folder that cannot be listed is passed on like a file, so that the reader reports it
    # instead of the walk skipping it silently.
    unlisted: list[str] = []
    for directory, subdirectories, files in os.walk(
        root, onerror=lambda e: unlisted.append(e.filename)
    ):
        subdirectories[:] = sorted(
            d for d in subdirectories if not d.startswith(".") and d not in SKIPPED_FOLDERS
        )
        for name in sorted(files):
            lowered = name.lower()
            if (
                not name.startswith(".")
                and lowered.endswith(TEXT_SUFFIXES)
                and lowered.rsplit(".", 1)[0] not in NOT_STATEMENTS
            ):
                yield os.path.join(directory, name)
    yield from unlisted


def display_path(path: str) -> str:
    """The path as reported: relative to the working directory when inside it, with `/`."""
    if path == "-":
        return path
    relative = os.path.relpath(path)
    shown = path if relative.startswith("..") else relative
    return shown.replace(os.sep, "/")
