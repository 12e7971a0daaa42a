"""Reading parsed JSON into the reference data's classes, and writing them back, with nothing
but the classes' own type hints: the bundled files are checked by the tests (against the
schemas, through `validation.py`), so reading them needs no validation library."""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from functools import cache
from typing import Any

from statement_lint.reference.fields import key_of


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def build(cls: type, data: dict) -> Any:
    """An instance of the dataclass `cls` from its JSON object (keys as the file writes them;
    a missing key takes the field's default)."""
    hints = _hints(cls)
    values = {}
    for field in dataclasses.fields(cls):
        keys = (key_of(field), *field.metadata.get("also", ()))
        key = next((key for key in keys if key in data), None)
        if key is not None:
            values[field.name] = _value(hints[field.name], data[key])
    return cls(**values)


def _value(kind: Any, raw: Any) -> Any:
    if raw is None:
        return None
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        branch = next(arg for arg in typing.get_args(kind) if _fits(arg, raw))
        return _value(branch, raw)
    if origin is list:
        (item,) = typing.get_args(kind)
        return [_value(item, value) for value in raw]
    if origin is dict:
        _, item = typing.get_args(kind)
        return {key: _value(item, value) for key, value in raw.items()}
    if dataclasses.is_dataclass(kind):
        return build(kind, raw)
    if kind is dt.date:
        return dt.date.fromisoformat(raw)
    return raw


def _fits(kind: Any, raw: Any) -> bool:
    """Whether a JSON value is of the union's branch `kind`."""
    origin = typing.get_origin(kind)
    if kind is type(None):
        return False
    if origin is list:
        return isinstance(raw, list)
    if origin is dict or dataclasses.is_dataclass(kind):
        return isinstance(raw, dict)
    if kind in (str, dt.date) or origin is typing.Literal:
        return isinstance(raw, str)
    return True


def dump(instance: Any, exclude_none: bool = False) -> Any:
    """The JSON object of a reference class's instance, as its file writes it."""
    if dataclasses.is_dataclass(instance):
        data = {}
        for field in dataclasses.fields(instance):
            value = getattr(instance, field.name)
            if value is None and exclude_none:
                continue
            data[key_of(field)] = dump(value, exclude_none)
        return data
    if isinstance(instance, list):
        return [dump(value, exclude_none) for value in instance]
    if isinstance(instance, dict):
        return {key: dump(value, exclude_none) for key, value in instance.items()}
    if isinstance(instance, dt.date):
        return instance.isoformat()
    return instance
