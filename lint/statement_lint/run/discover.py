"""Expanding the paths given on the command line into the files to lint."""

from __future__ import annotations

import heapq
import os
from collections.abc import Callable, Iterable, Iterator

from statement_lint.config.globs import exclusion_matcher, matches_any, relative_to
from statement_lint.config.settings import Settings
from statement_lint.readers import DISCOVERED
from statement_lint.report.escape import undecodable_escaped

SettingsFor = Callable[[str], Settings]


def discover(
    paths: list[str], settings_for: SettingsFor | None = None, force_exclude: bool = False
) -> Iterator[str]:
    """Files to lint, in the order of their displayed paths, each once; found as they are
    needed, folder by folder, so that memory does not grow with the number of files.

    Directories are walked recursively (symlinked folders not followed) for the supported
    suffixes, skipping what the applicable settings exclude (by default hidden files and
    folders, README and the like). A file named explicitly is linted whatever its name, and
    even when excluded, unless `force_exclude`; a path that does not exist is passed on, so
    that the reader reports it.
    """
    settings_for = settings_for or (lambda _path: Settings())
    streams: list[Iterable[str]] = []
    for path in paths:
        if os.path.isdir(path):
            if not (force_exclude and _excluded(path, settings_for, is_dir=True)):
                streams.append(_walk(path, settings_for))
        elif not (force_exclude and _excluded(path, settings_for, is_dir=False)):
            streams.append([path])
    # Each stream comes in the order of its displayed paths: merged, a file named twice (or
    # found under two of the paths) comes twice in a row, shown the same.
    last = None
    for shown, path in heapq.merge(*(((display_path(p), p) for p in s) for s in streams)):
        if shown != last:
            last = shown
            yield path


def _excluded(path: str, settings_for: SettingsFor, is_dir: bool) -> bool:
    # The settings of the folder that holds the path decide, as they would for a file in it.
    settings = settings_for(os.path.dirname(os.path.abspath(path)))
    relative = relative_to(path, settings.root)
    return bool(relative) and matches_any(settings.excluded, relative, is_dir)


def _walk(root: str, settings_for: SettingsFor) -> Iterator[str]:
    """The files under `root` worth linting, in the order of their paths, one folder's
    listing at a time, with a stack rather than recursion: folders nested thousands deep are
    walked like any other. Symbolic links to folders are not followed (a link loop cannot trap
    the walk). A folder that cannot be listed is passed on like a file, so that the reader
    reports it instead of the walk skipping it silently."""
    stack = [iter(_listing(root, settings_for))]
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
        elif entry[1]:
            stack.append(iter(_listing(entry[0], settings_for)))
        else:
            yield entry[0]


def _listing(directory: str, settings_for: SettingsFor) -> list[tuple[str, bool]]:
    """The files worth linting and the folders worth walking in `directory`, as (path, is a
    folder), in the order their paths sort in: a folder `a` as `a/`, after `a.txt` and
    `a-b.txt`, before `a0.txt`."""
    try:
        with os.scandir(directory) as entries:
            listed = _entries(entries)
    except OSError:
        return [(directory, False)]
    # The folder's settings decide for everything in it; its path is worked out once.
    settings = settings_for(directory)
    base = relative_to(directory, settings.root)
    prefix = f"{base}/" if base else ""
    excluded = exclusion_matcher(settings.excluded)
    kept = [
        (name, is_folder)
        for name, is_folder in listed
        if (is_folder or name.lower().endswith(DISCOVERED))
        and not excluded(prefix + name, is_folder)
    ]
    kept.sort(key=lambda entry: undecodable_escaped(entry[0]) + ("/" if entry[1] else ""))
    return [(os.path.join(directory, name), is_folder) for name, is_folder in kept]


def _entries(entries) -> list[tuple[str, bool]]:
    """The names of the real folders (not links to folders) and of everything else that is
    not a folder, each with whether it is a folder."""
    found = []
    for entry in entries:
        try:
            is_folder = entry.is_dir()
        except OSError:
            is_folder = False
        if not is_folder or not entry.is_symlink():
            found.append((entry.name, is_folder))
    return found


def display_path(path: str) -> str:
    """The path as reported: relative to the working directory when inside it, with `/`.

    Bytes of a name that are not UTF-8 (which Python keeps as lone surrogates, and which can be
    neither printed nor put in JSON) are shown as `\\xNN`: the same string on every run, as
    baselines, which key on it, need.
    """
    global _last_shown
    if path == "-":
        return path
    relative = not os.path.isabs(path) and not path.startswith("..")
    cwd = None if relative else os.getcwd()
    if _last_shown[:2] == (path, cwd):  # discovery shows it to sort it, the run to report
        return _last_shown[2]
    if relative:
        shown = os.path.normpath(path)  # already relative: the usual case
    else:
        inside = _relative(path, cwd)
        shown = path if inside.startswith("..") else inside
    shown = undecodable_escaped(shown.replace(os.sep, "/"))
    _last_shown = (path, cwd, shown)
    return shown


_last_shown: tuple[str, str | None, str] = ("", "", "")


# Files come folder by folder: each folder's relative path is worked out once (relpath costs
# more than all the rest of a cached file's handling). Keyed by the working directory too.
_RELATIVE_FOLDERS: dict[tuple[str, str], tuple[str, bool]] = {}
_FOLDERS_KEPT = 4096


def _relative(path: str, cwd: str) -> str:
    """`os.path.relpath(path)` from the working directory `cwd`, from its folder's, which is
    remembered."""
    folder, name = os.path.split(path)
    known = _RELATIVE_FOLDERS.get((cwd, folder))
    if known is None:
        if len(_RELATIVE_FOLDERS) >= _FOLDERS_KEPT:
            _RELATIVE_FOLDERS.clear()
        absolute = os.path.abspath(folder or os.curdir)
        above = cwd != absolute and cwd.startswith(absolute.rstrip(os.sep) + os.sep)
        known = _RELATIVE_FOLDERS[cwd, folder] = (os.path.relpath(absolute), above)
    relative_folder, above_cwd = known
    # In a folder above the working directory, the path may be the working directory or
    # above it ("." or ".."): relpath's own answer. Elsewhere it is the folder's, joined.
    if above_cwd or name in ("", os.curdir, os.pardir):
        return os.path.relpath(path)
    return name if relative_folder == os.curdir else os.path.join(relative_folder, name)
