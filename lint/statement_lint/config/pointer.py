"""Where a key of a config file stands: its line, and a caret under it (as ruff shows a config
error). TOML is read by tomllib, which keeps no places; this finds the key's line again from
the table headers and `key =` lines, and says nothing where it cannot tell."""

from __future__ import annotations

import re

_HEADER = re.compile(r"\s*\[\s*([^\[\]]+?)\s*\]\s*(#.*)?$")
_WIDTH = 120
_KEY = re.compile(r"""\s*(?:"([^"]*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*=""")


def pointed(text: str, table: str, location: tuple, at_value: bool) -> str | None:
    """`  3 | page = 5` and a caret line, for the key at `location` (pydantic's: keys and list
    indices) in `table` (`tool.statement-lint`, or "" for a statement-lint.toml); the caret
    under the value when `at_value`, else under the key. None when the key is not found."""
    keys = [str(part) for part in location if not isinstance(part, int) and part != "[key]"]
    if not keys:
        return None
    current = ""
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header:
            current = ".".join(p.strip().strip("\"'") for p in header.group(1).split("."))
            continue
        key = _KEY.match(line)
        if key is None:
            continue
        name = next(group for group in key.groups() if group is not None)
        if not current.startswith(table):
            continue
        scope = [part for part in current.removeprefix(table).split(".") if part]
        if [*scope, name] != keys[: len(scope) + 1]:
            continue
        if len(scope) + 1 < len(keys):  # an inline table: point at the inner key if it is there
            inner = re.search(rf"\b{re.escape(keys[len(scope) + 1])}\s*=", line[key.end() :])
            start = key.end() + inner.start() if inner else line.index(name)
            width = len(keys[len(scope) + 1]) if inner else len(name)
        elif at_value:
            start = key.end() + len(line[key.end() :]) - len(line[key.end() :].lstrip())
            width = max(1, len(line[start:].split("#")[0].rstrip()))
        else:
            start, width = line.index(name), len(name)
        if len(line) > _WIDTH:  # a line as long as a paragraph says nothing more than its key
            return None
        gutter = f"  {number} | "
        return f"{gutter}{line}\n{' ' * (len(gutter) + start)}{'^' * width}"
    return None
