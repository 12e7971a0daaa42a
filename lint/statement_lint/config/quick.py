"""The config file's values without pydantic, when they are plainly right.

Importing pydantic and building the config model costs about 100 ms, as much as the rest of
a one-file run, and most config files hold a few lists of rule codes and globs. This check
vouches only for values of exactly the right type (a list of strings, a whole number for a
count) that `model.py` would take as they are; anything else (a wrong type, an unknown key, a
value pydantic might coerce or reject) is left to the model, which says what is wrong. A test
holds the two to the same results.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from statement_lint.config.settings import FAIL_ON_CHOICES, OUTPUT_FORMATS

SEVERITIES = ("error", "warning", "off")
_CODE_LISTS = ("select", "extend-select", "ignore")
_GLOB_LISTS = ("exclude", "extend-exclude")
_PATHS = ("extend", "profile", "registry")


class Bound(NamedTuple):
    """A limit's type and range (`model.py` builds its fields from these)."""

    kind: type
    above: float | None = None  # exclusive lower bound
    at_least: float | None = None
    at_most: float | None = None

    def admits(self, value: object) -> bool:
        kinds = (int, float) if self.kind is float else (int,)
        if type(value) not in kinds or not math.isfinite(value):
            return False
        return (
            (self.above is None or value > self.above)
            and (self.at_least is None or value >= self.at_least)
            and (self.at_most is None or value <= self.at_most)
        )


# Upper bounds catch a slip (an extra zero) that would switch a limit off or overflow the
# system calls that apply it; see `model.LimitsModel` for what each limits.
LIMITS = {
    "text_mb": Bound(float, above=0, at_most=1024),
    "document_mb": Bound(float, above=0, at_most=1024),
    "pages": Bound(int, above=0, at_most=100_000),
    "seconds": Bound(float, above=0, at_most=3600),
    "memory_mb": Bound(int, at_least=64, at_most=65536),
}


def quick_values(table: dict[str, object]) -> dict[str, object] | None:
    """The table's values by field name (`extend_select`), as the model would give them; None
    when the model must decide."""
    values: dict[str, object] = {}
    for key, value in table.items():
        checked = _checked(key, value)
        if checked is None:
            return None
        values[key.replace("-", "_")] = checked
    return values


def _checked(key: str, value: object) -> object | None:
    if key in _CODE_LISTS:
        return list(value) if _codes(value) else None
    if key in _GLOB_LISTS:
        return list(value) if _strings(value) and all(map(_glob, value)) else None
    if key in _PATHS:
        return value if type(value) is str and "\0" not in value else None
    if key == "per-file-ignores":
        plain = type(value) is dict and all(_glob(k) and _codes(v) for k, v in value.items())
        return {k: list(v) for k, v in value.items()} if plain else None
    if key == "severity":
        plain = type(value) is dict and all(
            _codes([k]) and type(v) is str and v in SEVERITIES for k, v in value.items()
        )
        return dict(value) if plain else None
    if key == "fail-on":
        return value if type(value) is str and value in FAIL_ON_CHOICES else None
    if key == "output-format":
        return value if type(value) is str and value in OUTPUT_FORMATS else None
    if key == "limits":
        return _limits(value)
    return None


def _limits(value: object) -> dict[str, object] | None:
    if type(value) is not dict:
        return None
    limits = {}
    for key, number in value.items():
        name = key.replace("-", "_") if type(key) is str and "_" not in key else None
        bound = LIMITS.get(name)
        if bound is None or not bound.admits(number):
            return None
        limits[name] = float(number) if bound.kind is float else number
    return limits


def _strings(value: object) -> bool:
    return type(value) is list and all(type(item) is str for item in value)


def _codes(value: object) -> bool:
    from statement_lint.rules._selection import is_selector

    return _strings(value) and all(map(is_selector, value))


def _glob(pattern: object) -> bool:
    from statement_lint.config.globs import GlobError, compile_glob

    if type(pattern) is not str:
        return False
    try:
        compile_glob(pattern)
    except GlobError:
        return False
    return True
