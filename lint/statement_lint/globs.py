"""Gitignore-style globs, anchored at a base directory (the directory of the config file).

- A pattern without `/` (or with only a trailing one) matches a name at any depth: `*.md`,
  `drafts/`, `README.*`.
- A pattern with `/` inside, or starting with `/`, is anchored at the base: `/archive/2019/*`,
  `archive/**/draft-*.txt`.
- `*` and `?` stay within one path segment, `**` spans segments, `[abc]` is a class.
- A trailing `/` matches directories only; a pattern that matches a directory matches
  everything below it.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True)
class Glob:
    pattern: str
    regex: re.Pattern[str]
    directories_only: bool

    def matches(self, relative: str, is_dir: bool = False) -> bool:
        """Whether `relative` (a `/`-separated path below the base) or one of its parent
        directories matches."""
        parts = relative.split("/")
        for end in range(1, len(parts) + 1):
            candidate = "/".join(parts[:end])
            candidate_is_dir = end < len(parts) or is_dir
            if self.directories_only and not candidate_is_dir:
                continue
            if self.regex.fullmatch(candidate):
                return True
        return False


@cache
def compile_glob(pattern: str) -> Glob:
    directories_only = pattern.endswith("/")
    body = pattern.rstrip("/")
    anchored = body.startswith("/") or "/" in body
    body = body.lstrip("/")
    regex = "" if anchored else "(?:.*/)?"
    index = 0
    while index < len(body):
        char = body[index]
        if body.startswith("**/", index):
            regex += "(?:.*/)?"
            index += 3
            continue
        if body.startswith("**", index):
            regex += ".*"
            index += 2
            continue
        if char == "*":
            regex += "[^/]*"
        elif char == "?":
            regex += "[^/]"
        elif char == "[":
            close = body.find("]", index + 1)
            if close == -1:
                regex += re.escape(char)
            else:
                regex += "[" + body[index + 1 : close].replace("\\", "\\\\") + "]"
                index = close
        else:
            regex += re.escape(char)
        index += 1
    return Glob(pattern, re.compile(regex), directories_only)


def relative_to(path: str, base: str | None) -> str:
    """`path` relative to `base` (default: the working directory), `/`-separated, for matching.
    Parts that climb out of `base` are dropped: a path outside it is matched by its own parts."""
    relative = os.path.relpath(os.path.abspath(path), base or os.getcwd())
    parts = relative.replace(os.sep, "/").split("/")
    return "/".join(part for part in parts if part not in ("", ".", ".."))


@cache
def exclusion_matcher(patterns: tuple[str, ...]):
    """A test `excluded(relative, is_dir)` for paths met while walking down from the base (their
    parent folders were tested on the way, so only the path itself is)."""
    globs = [compile_glob(pattern) for pattern in patterns]
    any_kind = [g.regex.pattern for g in globs if not g.directories_only]
    dirs_only = [g.regex.pattern for g in globs if g.directories_only]
    files = re.compile("|".join(f"(?:{p})" for p in any_kind)) if any_kind else None
    folders = re.compile("|".join(f"(?:{p})" for p in any_kind + dirs_only)) if globs else None

    def excluded(relative: str, is_dir: bool) -> bool:
        pattern = folders if is_dir else files
        return bool(pattern and pattern.fullmatch(relative))

    return excluded


def matches_any(patterns: tuple[str, ...], relative: str, is_dir: bool = False) -> bool:
    return any(compile_glob(p).matches(relative, is_dir) for p in patterns)
