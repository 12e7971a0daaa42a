"""`regex`: a regular expression compiled when it is first used.

The package holds some ninety expressions; compiling them all took 17 ms of a 100 ms run on
one statement, and a clean statement uses about a third of them (the rest read Markdown,
footnotes, co-sponsor lists, damaged dates...). A `LazyPattern` compiles on its first call and
keeps each method it hands out, so later calls cost what a compiled pattern's do.
"""

from __future__ import annotations

import re
from typing import Any


class LazyPattern:
    """A compiled pattern's stand-in for the package's own use: its methods (`search`,
    `match`, `finditer`, `sub`...) and attributes compile it once. `pattern` is known without
    compiling (a larger expression may embed it). It is no `re.Pattern`: `re.search(lazy, s)`
    takes none, and a bad expression fails when first used, not when made."""

    def __init__(self, source: str, flags: int = 0) -> None:
        self.pattern = source
        self._flags = flags

    def __getattr__(self, name: str) -> Any:
        # Called only for what the instance does not hold yet; the answer is kept. Special
        # names (copy's, pickle's) are the class's own, never the compiled pattern's.
        if name.startswith("__"):
            raise AttributeError(name)
        found = getattr(re.compile(self.pattern, self._flags), name)
        self.__dict__[name] = found
        return found

    def __reduce__(self):
        return LazyPattern, (self.pattern, self._flags)

    def __repr__(self) -> str:
        return f"regex({self.pattern!r}, {self._flags!r})"


def regex(source: str, flags: int = 0) -> LazyPattern:
    """`re.compile(source, flags)`, done when the pattern is first used."""
    return LazyPattern(source, flags)
