"""A record's fields: what `field` says of each, and `fields` gives back (see the package's
docstring)."""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

FIELDS = "__record_fields__"  # the class's fields, in order, inherited ones first


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()  # no default given


class Field:
    """A field of a record: its name, its annotation (as written) and the options of `field`."""

    def __init__(self, **options: Any) -> None:
        self.name, self.type = "", None
        self.__dict__.update(options)
        self.metadata = MappingProxyType(dict(self.metadata or {}))

    def __repr__(self) -> str:
        return f"Field(name={self.name!r}, default={self.default!r})"


def field(
    *,
    default: Any = MISSING,
    default_factory: Any = MISSING,
    init: bool = True,
    repr: bool = True,
    compare: bool = True,
    hash: bool | None = None,
    kw_only: Any = MISSING,
    metadata: Any = None,
) -> Any:
    """A field's options, as `dataclasses.field` takes them."""
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return Field(default=default, default_factory=default_factory, init=init, repr=repr,
                 compare=compare, hash=hash, kw_only=kw_only, metadata=metadata)  # fmt: skip


def fields(class_or_instance: Any) -> tuple[Field, ...]:
    """The fields of a record (class or instance), in order."""
    try:
        return getattr(class_or_instance, FIELDS)
    except AttributeError:
        raise TypeError(f"{class_or_instance!r} is not a record") from None


def is_record(thing: Any) -> bool:
    """Whether `thing` is a record class or an instance of one."""
    return hasattr(thing, FIELDS)
