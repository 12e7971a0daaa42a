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
    """A compiled pattern's stand-in: `search`, `match`, `finditer`, `sub`... compile it once.
    `pattern` and `flags` are known without compiling (a larger expression may embed it)."""

    def __init__(self, source: str, flags: int = 0) -> None:
        self.pattern = source
        self.flags = flags

    def __getattr__(self, name: str) -> Any:
        # Called only for what the instance does not hold yet; the answer is kept.
        found = getattr(re.compile(self.pattern, self.flags), name)
        self.__dict__[name] = found
        return found

    def __reduce__(self):
        return LazyPattern, (self.pattern, self.flags)

    def __repr__(self) -> str:
        return f"regex({self.pattern!r}, {self.flags!r})"


def regex(source: str, flags: int = 0) -> LazyPattern:
    """`re.compile(source, flags)`, done when the pattern is first used."""
    return LazyPattern(source, flags)
