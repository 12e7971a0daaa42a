"""Gitignore-style globs, anchored at a base directory (the directory of the config file).

- A pattern without `/` (or with only a trailing one) matches a name at any depth: `*.md`,
  `drafts/`, `README.*`.
- A pattern with `/` inside, or starting with `/`, is anchored at the base: `/archive/2019/*`,
  `archive/**/draft-*.txt`.
- `*` and `?` stay within one path segment, `**` spans segments, `[abc]` is a class.
- A trailing `/` matches directories only; a pattern that matches a directory matches
  everything below it.

Matching takes time linear in the length of the path, whatever the pattern. Python's regular
expressions backtrack: `*a*a*a*b` against a long name that almost matches takes time growing
with the power of the number of stars. So only globs whose regex cannot backtrack more than
linearly (one unbounded repeat, or a leading `**/` and one `*`: nearly all globs people write)
are matched by a regex; the others are run as an automaton, one step a character.
"""

from __future__ import annotations

import os
import re
import warnings
from functools import cache

from statement_lint.records import field, record

# A glob is a sequence of tokens, each a kind and (for a literal or a class) its value.
LITERAL, ONE, CLASS, STAR, GLOBSTAR, FOLDERS = range(6)
# FOLDERS is `**/`, and the start of a pattern without `/`: any number of whole folders.
_SOURCE = {ONE: "[^/]", STAR: "[^/]*", GLOBSTAR: ".*", FOLDERS: "(?:.*/)?"}
_REPEATS = (STAR, GLOBSTAR, FOLDERS)

Token = tuple[int, object]


class GlobError(ValueError):
    """A glob that cannot be compiled; the message says what is wrong and how to write it."""


@record(frozen=True)
class Glob:
    pattern: str
    regex: re.Pattern[str]  # the whole path matches (use `fullmatch`: safe for every glob)
    directories_only: bool
    tokens: tuple[Token, ...]
    # Whether `regex` runs in linear time; when not, the automaton matches instead.
    simple: bool
    _automaton: _Automaton | None = field(compare=False, repr=False)

    def fullmatch(self, relative: str) -> bool:
        """Whether the whole of `relative` matches (not one of its parents)."""
        if self.simple:
            return self.regex.fullmatch(relative) is not None
        return self._automaton.run(relative, parents=False, whole=True)

    def matches(self, relative: str, is_dir: bool = False) -> bool:
        """Whether `relative` (a `/`-separated path below the base) or one of its parent
        directories matches."""
        whole = is_dir or not self.directories_only
        if not self.simple:
            return self._automaton.run(relative, parents=True, whole=whole)
        return _with_parents(self.regex.pattern, whole).fullmatch(relative) is not None


@cache
def _with_parents(source: str, whole: bool) -> re.Pattern[str]:
    # The path, or a parent (a prefix that a `/` follows); only a parent when `whole` is false
    # (a directories-only glob and a file). `.*` at the end never makes the regex backtrack.
    return re.compile(f"(?:{source})(?:/.*)?" if whole else f"(?:{source})/.*", re.S)


@cache
def compile_glob(pattern: str) -> Glob:
    directories_only = pattern.endswith("/")
    body = pattern.rstrip("/")
    anchored = body.startswith("/") or "/" in body
    tokens = tuple(_tokens(pattern, body.lstrip("/"), anchored))
    source = "".join(_source(token) for token in tokens)
    simple = _is_simple(tokens, directories_only)
    automaton = None if simple else _Automaton(tokens)
    return Glob(pattern, _compile(source), directories_only, tokens, simple, automaton)


def _tokens(pattern: str, body: str, anchored: bool) -> list[Token]:
    tokens: list[Token] = [] if anchored else [(FOLDERS, None)]
    index = 0
    while index < len(body):
        if body.startswith("**/", index):
            tokens.append((FOLDERS, None))
            index += 3
            continue
        if body.startswith("**", index):
            tokens.append((GLOBSTAR, None))
            index += 2
            continue
        char = body[index]
        close = body.find("]", index + 1) if char == "[" else -1
        if char == "*":
            tokens.append((STAR, None))
        elif char == "?":
            tokens.append((ONE, None))
        elif close != -1:
            tokens.append((CLASS, _class(pattern, body[index + 1 : close])))
            index = close
        else:
            tokens.append((LITERAL, char))  # a `[` without `]` is a literal too
        index += 1
    return tokens


def _class(pattern: str, content: str) -> re.Pattern[str]:
    try:
        return _compile("[" + content.replace("\\", "\\\\") + "]")
    except re.error as error:
        raise GlobError(
            f"invalid glob {pattern!r}: [{content}] is not a valid character class "
            f"({error.msg}); write a class as [abc] or [a-z]"
        ) from None


def _compile(source: str) -> re.Pattern[str]:
    # `[[]` and the like are valid classes for which Python warns of future set syntax.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)
        return re.compile(source, re.S)


def _source(token: Token) -> str:
    kind, value = token
    if kind == LITERAL:
        return re.escape(value)
    if kind == CLASS:
        return value.pattern
    return _SOURCE[kind]


def _is_simple(tokens: tuple[Token, ...], directories_only: bool) -> bool:
    """Whether the glob's regex (and the regex that also matches its parents) backtracks at
    most linearly: one unbounded repeat, or a `**/` followed by a `*` (each try of the `**/`
    ends at a `/` and the `*` cannot cross one). A `**` at the very end always matches the
    rest at once, so it does not count (unless a `/` must follow: a directories-only glob)."""
    repeats = [kind for kind, _ in tokens if kind in _REPEATS]
    if repeats and tokens[-1][0] == GLOBSTAR and not directories_only:
        repeats.pop()
    return len(repeats) <= 1 or repeats == [FOLDERS, STAR]


class _Automaton:
    """The glob as a nondeterministic automaton, run over the path one character at a time
    (time linear in the path's length). State `i` waits for token `i`; state `-(i + 1)` is
    inside the `**/` of token `i`, which any character continues and a `/` may end."""

    _MAX_CACHED = 4096  # transitions remembered: bounded, whatever the paths

    def __init__(self, tokens: tuple[Token, ...]) -> None:
        self.tokens = tokens
        self.accept = len(tokens)
        self.start = self._closure({0})
        self._next: dict[tuple[frozenset[int], str], frozenset[int]] = {}

    def run(self, text: str, parents: bool, whole: bool) -> bool:
        """Whether `text` matches (when `whole`), or, with `parents`, a prefix of it that a `/`
        follows."""
        states = self.start
        for char in text:
            if parents and char == "/" and self.accept in states:
                return True
            following = self._next.get((states, char))
            if following is None:
                if len(self._next) >= self._MAX_CACHED:
                    self._next.clear()
                following = self._next[(states, char)] = self._step(states, char)
            if not following:
                return False
            states = following
        return whole and self.accept in states

    def _step(self, states: frozenset[int], char: str) -> frozenset[int]:
        following: set[int] = set()
        for state in states:
            if state < 0:  # inside a `**/`
                following.add(state)
                if char == "/":
                    following.add(-state)
                continue
            if state == self.accept:
                continue
            kind, value = self.tokens[state]
            if kind == FOLDERS:
                following.add(-(state + 1))
                if char == "/":
                    following.add(state + 1)
            elif kind == GLOBSTAR or (kind == STAR and char != "/"):
                following.add(state)
            elif (
                (kind == LITERAL and char == value)
                or (kind == ONE and char != "/")
                or (kind == CLASS and value.fullmatch(char))
            ):
                following.add(state + 1)
        return self._closure(following)

    def _closure(self, states: set[int]) -> frozenset[int]:
        """`states` and those reached by skipping repeats that match nothing."""
        reached, waiting = set(states), list(states)
        while waiting:
            state = waiting.pop()
            skippable = 0 <= state < self.accept and self.tokens[state][0] in _REPEATS
            if skippable and state + 1 not in reached:
                reached.add(state + 1)
                waiting.append(state + 1)
        return frozenset(reached)


def relative_to(path: str, base: str | None) -> str:
    """`path` relative to `base` (default: the working directory), `/`-separated, for matching.
    Parts that climb out of `base` are dropped: a path outside it is matched by its own parts."""
    relative = os.path.relpath(os.path.abspath(path), base or os.getcwd())
    parts = relative.replace(os.sep, "/").split("/")
    return "/".join(part for part in parts if part not in ("", ".", ".."))


@cache
def exclusion_matcher(patterns: tuple[str, ...]):
    """A test `excluded(relative, is_dir)` for paths met while walking down from the base (their
    parent folders were tested on the way, so only the path itself is). The simple globs are
    joined into one regex: one call per path however many globs there are."""
    globs = [compile_glob(pattern) for pattern in patterns]
    fast = [g for g in globs if g.simple]
    files = _union([g for g in fast if not g.directories_only])
    folders = _union(fast)
    slow_folders = [g for g in globs if not g.simple]
    slow_files = [g for g in slow_folders if not g.directories_only]

    def excluded(relative: str, is_dir: bool) -> bool:
        regex = folders if is_dir else files
        if regex is not None and regex.fullmatch(relative):
            return True
        return any(g.fullmatch(relative) for g in (slow_folders if is_dir else slow_files))

    return excluded


def _union(globs: list[Glob]) -> re.Pattern[str] | None:
    if not globs:
        return None
    return _compile("|".join(f"(?:{g.regex.pattern})" for g in globs))


def matches_any(patterns: tuple[str, ...], relative: str, is_dir: bool = False) -> bool:
    return any(compile_glob(p).matches(relative, is_dir) for p in patterns)
