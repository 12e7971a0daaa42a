"""`regex`: a regular expression compiled when it is first used, from code kept since the
last run when this Python made it before.

The package holds some ninety expressions; compiling them all took 17 ms of a 100 ms run on
one statement, and a clean statement uses about a third of them (the rest read Markdown,
footnotes, co-sponsor lists, damaged dates...). A `LazyPattern` compiles on its first call and
keeps each method it hands out, so later calls cost what a compiled pattern's do.

Even a third cost 10 ms of a cold start: `re` parses an expression and writes its engine code in
Python. As Python keeps a module's bytecode, the code `re` wrote for each expression is kept in
the user's cache folder (`~/.cache/statement-lint/`, or under `XDG_CACHE_HOME`; on Windows
`LOCALAPPDATA`), one file per Python, written when the process ends; the next start builds the
pattern from it in microseconds. The same Python writes the same code for the same source, so
the pattern is the one `re.compile` returns (`==` on patterns compares source, flags and code;
the tests check it for the modules' expressions and those a parse builds from the profile).
Anything uncertain compiles afresh with `re`: a file from another Python (its key), a damaged,
missing or unwritable file, an engine that refuses the code, a `re` whose insides (`_parser`,
`_compiler`, both private) have changed. Like bytecode, nothing is written under
`PYTHONDONTWRITEBYTECODE` or `-B`. (Not in the package's `__pycache__`: an installation shared
by several users cannot be written, and `pip uninstall` would leave the file behind.)
"""

from __future__ import annotations

import _sre
import contextlib
import marshal
import os
import re
import sys
from typing import Any

# What the kept code is valid for: this Python (its build too) and its engine.
_KEY = (sys.version, _sre.MAGIC, _sre.CODESIZE, sys.maxunicode)


def _store() -> str | None:
    """The file of kept code: in the user's cache folder, one for each Python; None where the
    user has no home folder (then nothing is kept: never a `~` folder where the run is)."""
    xdg = os.environ.get("XDG_CACHE_HOME", "")  # a relative one is ignored, as XDG says
    folder = xdg if os.path.isabs(xdg) else os.path.join(os.path.expanduser("~"), ".cache")
    if sys.platform == "win32":
        folder = os.environ.get("LOCALAPPDATA") or folder
    if not os.path.isabs(folder):
        return None
    name = f"regex-{sys.implementation.cache_tag}-{sys.hexversion:x}.marshal"
    return os.path.join(folder, "statement-lint", name)


STORE = _store()
# Expressions kept at most (profiles and house styles add their own): past it, a process keeps
# only those it used.
_MOST = 1000
_LARGEST = 16 * 1024 * 1024  # bytes: a larger file is no store of ours

# (source, flags) -> (flags, code, groups, groupindex, indexgroup), as `_sre.compile` takes them
Entry = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
_kept: dict[tuple[str, int], Entry] | None = None  # read on the first compile
_used: dict[tuple[str, int], Entry] = {}  # compiled by this process
_unsaved = False


class LazyPattern:
    """A compiled pattern's stand-in for the package's own use: its methods (`search`,
    `match`, `finditer`, `sub`...) and attributes compile it once. `pattern` is known without
    compiling (a larger expression may embed it). It is no `re.Pattern`: `re.search(lazy, s)`
    takes none, and a bad expression fails when first used, not when made."""

    def __init__(self, source: str, flags: int = 0) -> None:
        self.pattern = source
        self._flags = int(flags)

    def __getattr__(self, name: str) -> Any:
        # Called only for what the instance does not hold yet; the answer is kept. Special
        # names (copy's, pickle's) are the class's own, never the compiled pattern's.
        if name.startswith("__"):
            raise AttributeError(name)
        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            compiled = self.__dict__["_compiled"] = compile_kept(self.pattern, self._flags)
        found = getattr(compiled, name)
        self.__dict__[name] = found
        return found

    def __reduce__(self):
        return LazyPattern, (self.pattern, self._flags)

    def __repr__(self) -> str:
        return f"regex({self.pattern!r}, {self._flags!r})"


def regex(source: str, flags: int = 0) -> LazyPattern:
    """`re.compile(source, flags)`, done when the pattern is first used."""
    return LazyPattern(source, flags)


def compile_kept(source: str, flags: int = 0) -> re.Pattern:
    """`re.compile(source, flags)`, from the kept code when there is some."""
    global _kept, _unsaved
    if _kept is None:
        _kept = _read(STORE) if STORE else {}
    flags = int(flags)
    key = (source, flags)
    entry = _kept.get(key)
    if entry is not None:
        try:
            pattern = _sre.compile(source, *entry)
        except Exception:
            del _kept[key]
        else:
            _used[key] = entry
            return pattern
    try:
        entry = _entry(source, flags)
        pattern = _sre.compile(source, *entry)
    except re.error:
        raise
    except Exception:
        return re.compile(source, flags)
    _used[key] = entry
    if not _unsaved:
        import atexit

        atexit.register(save)
    _unsaved = True
    return pattern


def _entry(source: str, flags: int) -> Entry:
    """What `re.compile` makes of the expression, as `re._compiler.compile` makes it."""
    from re import _compiler, _parser

    parsed = _parser.parse(source, flags)
    code = [int(word) for word in _compiler._code(parsed, flags)]  # opcodes are named ints
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    whole_flags = int(flags | parsed.state.flags)
    return (whole_flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup))


def _read(path: str) -> dict[tuple[str, int], Entry]:
    """The kept code, or nothing if the file is missing, damaged or another Python's."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(_LARGEST + 1)
        if len(data) > _LARGEST:  # no store of ours: not even unpacked
            return {}
        key, entries = marshal.loads(data)
    except Exception:
        return {}
    return entries if key == _KEY and isinstance(entries, dict) else {}


def save(path: str | None = None) -> None:
    """Keep the code compiled by this process with what the file holds (at the process's end;
    written whole or not at all, and never an error)."""
    global _unsaved
    path = path or STORE
    if not _unsaved or sys.dont_write_bytecode or not path:
        return
    entries = {**_read(path), **_used}
    if len(entries) > _MOST:
        entries = dict(_used)
    try:
        data = marshal.dumps((_KEY, entries))
    except ValueError:  # not plain data (a `re` that changed): nothing to keep
        _unsaved = False
        return
    temporary = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(temporary, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)
    except OSError:  # a read-only installation: compiled afresh next time, as now
        with contextlib.suppress(OSError):
            os.unlink(temporary)
    _unsaved = False


def forget() -> None:
    """Drop what was read and compiled (the tests' clean slate)."""
    global _kept, _unsaved
    _kept = None
    _used.clear()
    _unsaved = False
