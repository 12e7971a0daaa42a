"""Expanding the paths given on the command line into the files to lint."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator

from statement_lint.config.globs import exclusion_matcher, matches_any, relative_to
from statement_lint.config.settings import Settings
from statement_lint.readers import SUFFIXES

SettingsFor = Callable[[str], Settings]


def discover(
    paths: list[str], settings_for: SettingsFor | None = None, force_exclude: bool = False
) -> list[str]:
    """Files to lint, sorted by their displayed path, each once.

    Directories are walked recursively (symlinked folders not followed) for the supported
    suffixes, skipping what the applicable settings exclude (by default hidden files and
    folders, README and the like). A file named explicitly is linted whatever its name, and
    even when excluded, unless `force_exclude`; a path that does not exist is passed on, so
    that the reader reports it.
    """
    settings_for = settings_for or (lambda _path: Settings())
    seen: set[str] = set()
    found: list[str] = []
    for path in paths:
        if os.path.isdir(path):
            if force_exclude and _excluded(path, settings_for, is_dir=True):
                continue
            candidates = _walk(path, settings_for)
        elif force_exclude and _excluded(path, settings_for, is_dir=False):
            continue
        else:
            candidates = [path]
        for candidate in candidates:
            key = os.path.normpath(os.path.abspath(candidate))
            if key not in seen:
                seen.add(key)
                found.append(candidate)
    return [path for _, path in sorted((display_path(path), path) for path in found)]


def _excluded(path: str, settings_for: SettingsFor, is_dir: bool) -> bool:
    # The settings of the folder that holds the path decide, as they would for a file in it.
    settings = settings_for(os.path.dirname(os.path.abspath(path)))
    relative = relative_to(path, settings.root)
    return bool(relative) and matches_any(settings.excluded, relative, is_dir)


def _walk(root: str, settings_for: SettingsFor) -> Iterator[str]:
    """The files under `root` worth linting, folder by folder, with a stack rather than
    recursion: folders nested thousands deep are walked like any other. Symbolic links to
    folders are not followed (a link loop cannot trap the walk)."""
    # A folder that cannot be listed is passed on like a file, so that the reader reports it
    # instead of the walk skipping it silently.
    unlisted: list[str] = []
    stack = [root]
    while stack:
        directory = stack.pop()
        try:
            with os.scandir(directory) as entries:
                folders, files = _sorted_entries(entries)
        except OSError:
            unlisted.append(directory)
            continue
        # The folder's settings decide for everything in it; its path is worked out once.
        settings = settings_for(directory)
        base = relative_to(directory, settings.root)
        prefix = f"{base}/" if base else ""
        excluded = exclusion_matcher(settings.excluded)
        for name in files:
            if name.lower().endswith(SUFFIXES) and not excluded(prefix + name, False):
                yield os.path.join(directory, name)
        kept = [name for name in folders if not excluded(prefix + name, True)]
        stack.extend(os.path.join(directory, name) for name in reversed(kept))
    yield from unlisted


def _sorted_entries(entries) -> tuple[list[str], list[str]]:
    """The names of the real folders (not links to folders) and of everything else that is
    not a folder, each sorted."""
    folders, files = [], []
    for entry in entries:
        try:
            is_folder = entry.is_dir()
        except OSError:
            is_folder = False
        if not is_folder:
            files.append(entry.name)
        elif not entry.is_symlink():
            folders.append(entry.name)
    return sorted(folders), sorted(files)


def display_path(path: str) -> str:
    """The path as reported: relative to the working directory when inside it, with `/`.

    Bytes of a name that are not UTF-8 (which Python keeps as lone surrogates, and which can be
    neither printed nor put in JSON) are shown as `\\xNN`: the same string on every run, as
    baselines, which key on it, need.
    """
    from statement_lint.report.escape import undecodable_escaped

    if path == "-":
        return path
    if not os.path.isabs(path) and not path.startswith(".."):
        shown = os.path.normpath(path)  # already relative: the usual case
    else:
        relative = os.path.relpath(path)
        shown = path if relative.startswith("..") else relative
    return undecodable_escaped(shown.replace(os.sep, "/"))
