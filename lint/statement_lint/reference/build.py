"""Reading parsed JSON into the reference data's classes, and writing them back, with nothing
but the classes' own type hints: the bundled files are checked by the tests (against the
schemas, through `validation.py`), so reading them needs no validation library."""

from __future__ import annotations

import datetime as dt
import types
import typing
from collections.abc import Callable
from functools import cache
from typing import Any

from statement_lint.records import fields, is_record
from statement_lint.reference.fields import key_of


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def build(cls: type, data: dict) -> Any:
    """An instance of the record `cls` from its JSON object (keys as the file writes them;
    a missing key takes the field's default)."""
    values = {}
    for name, keys, read in _fields_of(cls):
        for key in keys:
            if key in data:
                values[name] = read(data[key])
                break
    return cls(**values)


@cache
def _fields_of(cls: type) -> tuple[tuple[str, tuple[str, ...], Callable[[Any], Any]], ...]:
    """Each field's name, its keys in the file, and how its value is read: worked out once
    per class, since the bundled data is read at every start."""
    hints = _hints(cls)
    return tuple(
        (field.name, (key_of(field), *field.metadata.get("also", ())), _reader(hints[field.name]))
        for field in fields(cls)
    )


@cache
def _reader(kind: Any) -> Callable[[Any], Any]:
    """How a JSON value is read as `kind` (None stays None at every level)."""
    read = _reader_of(kind)
    return lambda raw: None if raw is None else read(raw)


def _reader_of(kind: Any) -> Callable[[Any], Any]:
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        branches = [(arg, _reader(arg)) for arg in typing.get_args(kind)]

        def read_union(raw: Any) -> Any:
            for branch, read in branches:
                if _fits(branch, raw):
                    return read(raw)
            raise ValueError(f"{raw!r} is not a {kind}")

        return read_union
    if origin is list:
        item = _reader(typing.get_args(kind)[0])
        return lambda raw: [item(value) for value in raw]
    if origin is dict:
        item = _reader(typing.get_args(kind)[1])
        return lambda raw: {key: item(value) for key, value in raw.items()}
    if is_record(kind):
        return lambda raw: build(kind, raw)
    if kind is dt.date:
        return dt.date.fromisoformat
    return lambda raw: raw


def _fits(kind: Any, raw: Any) -> bool:
    """Whether a JSON value is of the union's branch `kind`."""
    origin = typing.get_origin(kind)
    if kind is type(None):
        return False
    if origin is list:
        return isinstance(raw, list)
    if origin is dict or is_record(kind):
        return isinstance(raw, dict)
    if kind in (str, dt.date) or origin is typing.Literal:
        return isinstance(raw, str)
    return True


def dump(instance: Any, exclude_none: bool = False) -> Any:
    """The JSON object of a reference class's instance, as its file writes it."""
    if is_record(instance):
        data = {}
        for field in fields(instance):
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
