"""How the reference data's classes describe their fields, without pydantic.

The classes are plain frozen records (`records.record`): the bundled files are read into them with
`json` alone (`build.py`), so a run imports no validation library. What a user's file must satisfy,
and what the JSON Schemas say, is written on each field with `spec(...)`; `validation.py` turns it
into pydantic's terms when a user's file is read or the schemas are written.
"""

from __future__ import annotations

from typing import Any

from statement_lint.records import MISSING, Field, field

# The record options every reference class uses: immutable and keyword-only (so that a
# subclass may add required fields after its base's optional ones). No generated `__eq__` and no
# slots: the classes are made at every start, and those cost a third of their making; nothing
# compares reference data by value (there are a few instances, read once).
MODEL = dict(frozen=True, kw_only=True, eq=False)

_CONSTRAINTS = ("min_length", "max_length", "pattern", "ge")


def spec(
    *,
    description: str | None = None,
    alias: str | None = None,
    also: tuple[str, ...] = (),
    phrase: bool = False,
    items_min_length: int | None = None,
    default: Any = MISSING,
    default_factory: Any = MISSING,
    **constraints: Any,
) -> Any:
    """A field with what validation and the schema need to know of it.

    `alias`: its key in the file (`from` for a field that Python must call `valid_from`);
    `also`: older keys read as the same field; `phrase`: its text (or each item) is a wording
    phrase (`phrases.py`); `items_min_length`: each item of a list or key of a dict is a
    non-empty string; constraints: `min_length`, `max_length`, `pattern`, `ge`.
    """
    unknown = set(constraints) - set(_CONSTRAINTS)
    if unknown:
        raise TypeError(f"unknown constraint {sorted(unknown)}")
    metadata = {
        "description": description,
        "alias": alias,
        "also": also,
        "phrase": phrase,
        "items_min_length": items_min_length,
        **constraints,
    }
    return field(default=default, default_factory=default_factory, metadata=metadata)


def key_of(field: Field) -> str:
    """The field's key in the file."""
    return field.metadata.get("alias") or field.name
