"""Errors the user can fix (a bad option, config, profile or baseline): reported in a line or
a few, with exit status 2, never with a traceback; and how a validation error names the place
it found a problem."""

import json
import re


class UserError(Exception):
    pass


def key_path(location: tuple, prefix: str = "") -> str:
    """Where a validation problem is, as a reader of the file would write it:
    `per-file-ignores."drafts/*"[0]`, `countries[3].statuses[1].from`; `(top level)` for
    the file itself."""
    path = prefix
    for part in location:
        if isinstance(part, int):
            path += f"[{part}]"
        elif part == "[key]":
            continue  # pydantic's marker for a problem with the key itself
        else:
            key = part if re.fullmatch(r"[A-Za-z0-9_-]+", str(part)) else json.dumps(part)
            path = f"{path}.{key}" if path else key
    return path or "(top level)"
