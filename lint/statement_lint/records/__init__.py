"""`record`: a data class that costs a twentieth of a `dataclass` to define, without the
`dataclasses` module.

`dataclass` writes each class's `__init__`, `__repr__`, `__eq__`, `__hash__` and frozen
`__setattr__` as source text and compiles it at every start: some 0.5 ms a class, and the
forty-odd classes a run defines made a quarter of a cold start; importing `dataclasses` cost
8 ms more (its `inspect` imports `ast`, `dis` and `tokenize`). `record` reads a class's fields
from its annotations and gives it methods that read the fields at call time. This module's
`field`, `fields`, `replace`, `MISSING` and `FrozenInstanceError` mean what `dataclasses`'s do.

The price is paid at construction: 1.5 us more an instance. A class made for every document or
finding (diagnostics and fixes, a file's result, the suppressions, the report's input) says
`built_often=True`, and gets an `__init__` written for its fields and compiled, as `dataclass`
writes it (one function instead of six: 0.1 ms); the parsed statement's parts are named tuples
(`model.py`), which build fastest.

The options are those of `dataclass` the package uses, with their meaning: `frozen`, `eq` (and
the hash a frozen, comparable class gets from its fields), `kw_only`, `slots`; fields may use
`field` (`default`, `default_factory`, `init`, `repr`, `compare`, `hash`, `kw_only`,
`metadata`); annotations of `ClassVar` are no fields; a class's `__post_init__` runs after its
fields are set. Not supported, as nothing here needs them: `order`, `InitVar`, `KW_ONLY`, a
guard against recursive `repr`. A record is no `dataclasses` data class: pydantic, where it
describes one (the JSON report), is given a model made from `fields`.
"""

from __future__ import annotations

from typing import Any, TypeVar

from statement_lint.records import methods
from statement_lint.records.fields import FIELDS, MISSING, Field, field, fields, is_record
from statement_lint.records.methods import FrozenInstanceError

__all__ = ["MISSING", "Field", "FrozenInstanceError", "field", "fields", "is_record", "record",
           "replace"]  # fmt: skip

T = TypeVar("T")


def replace(instance: T, /, **changes: Any) -> T:
    """A copy of `instance` with `changes`, made by its `__init__` (and `__post_init__`)."""
    for item in fields(instance):
        if not item.init:
            if item.name in changes:
                raise ValueError(f"field {item.name} cannot be replaced: it is not in __init__")
        elif item.name not in changes:
            changes[item.name] = getattr(instance, item.name)
    return type(instance)(**changes)


def record(
    cls: type[T] | None = None,
    /,
    *,
    frozen: bool = False,
    eq: bool = True,
    kw_only: bool = False,
    slots: bool = False,
    built_often: bool = False,
) -> Any:
    """Make `cls` a data class (see the module's docstring); used as `@record` or
    `@record(frozen=True, ...)`. `built_often`: instances are made for every document or
    finding, so `__init__` is written for the fields and compiled once (0.1 ms) rather than
    generic (1.5 us more an instance)."""

    def make(cls: type[T]) -> type[T]:
        found = _collect(cls, kw_only)
        made = _with_slots(cls, found) if slots else cls
        own = vars(made)
        if "__init__" not in own:
            initialiser = methods.compiled_initialiser if built_often else methods.initialiser
            made.__init__ = initialiser(made, found)
        if "__repr__" not in own:
            made.__repr__ = methods.representer(found)
        if eq:
            if "__eq__" not in own:
                made.__eq__ = methods.comparer(found)
            if own.get("__hash__") is None:  # none of its own (an own __eq__ sets it None)
                made.__hash__ = methods.hasher(found) if frozen else None
        if frozen:
            made.__setattr__ = methods.refuse_assignment
            made.__delattr__ = methods.refuse_deletion
            made.__reduce__ = methods.reducer(found)
        return made

    return make if cls is None else make(cls)


def _collect(cls: type, kw_only: bool) -> tuple[Field, ...]:
    """The class's fields, the records' it inherits first; its class attributes set as
    `dataclass` sets them (a field's default stays as the class attribute)."""
    collected: dict[str, Field] = {}
    for base in reversed(cls.__mro__[1:]):
        for inherited in vars(base).get(FIELDS, ()):
            collected[inherited.name] = inherited
    for name, annotation in vars(cls).get("__annotations__", {}).items():
        if _is_class_variable(annotation):
            continue
        value = vars(cls).get(name, MISSING)
        made = value if isinstance(value, Field) else field(default=value)
        made.name, made.type = name, annotation
        if made.kw_only is MISSING:
            made.kw_only = kw_only
        if isinstance(made.default, (list, dict, set)):
            raise ValueError(f"mutable default {type(made.default)} for field {name} is not "
                             "allowed: use default_factory")  # fmt: skip
        if isinstance(value, Field):
            if made.default is MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, made.default)
        collected[name] = made
    found = tuple(collected.values())
    setattr(cls, FIELDS, found)
    defaulted = False
    for item in found:
        if not item.init or item.kw_only:
            continue
        if item.default is not MISSING or item.default_factory is not MISSING:
            defaulted = True
        elif defaulted:
            raise TypeError(f"non-default argument {item.name!r} follows default argument")
    return found


def _is_class_variable(annotation: Any) -> bool:
    # Annotations are strings here (`from __future__ import annotations`).
    text = annotation if isinstance(annotation, str) else repr(annotation)
    return text.startswith(("ClassVar", "typing.ClassVar"))


def _with_slots(cls: type, found: tuple[Field, ...]) -> type:
    """The class made again with a slot for each of its own fields (no `__dict__`)."""
    names = tuple(f.name for f in found)
    inherited = {name for base in cls.__mro__[1:] for name in getattr(base, "__slots__", ())}
    namespace = {key: value for key, value in vars(cls).items()
                 if key not in names and key not in ("__dict__", "__weakref__")}  # fmt: skip
    namespace["__slots__"] = tuple(name for name in names if name not in inherited)
    made = type(cls)(cls.__name__, cls.__bases__, namespace)
    made.__qualname__ = cls.__qualname__
    return made
