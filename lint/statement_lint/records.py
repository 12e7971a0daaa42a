"""`record`: a data class that costs a twentieth of a `dataclass` to define.

`dataclasses.dataclass` writes each class's `__init__`, `__repr__`, `__eq__`, `__hash__` and
frozen `__setattr__` as source text and compiles it at every start: some 0.5 ms a class, and the
forty-odd classes a run defines made a quarter of a cold start. `record` lets `dataclass`
collect the fields (so `dataclasses.fields`, `replace`, `is_dataclass` and pydantic's schemas see
an ordinary data class) but generate nothing, and gives the class methods that read its fields
at call time instead.

The price is paid at construction: 1.5 us more an instance. A class made for every document or
finding (diagnostics and fixes, a file's result, the suppressions, the report's input) says
`built_often=True`, and gets an `__init__` written for its fields and compiled, as `dataclass`
writes it (one function instead of six: 0.1 ms); the parsed statement's parts are named tuples
(`model.py`), which build fastest.

The options are those of `dataclass` the package uses, with their meaning: `frozen`, `eq` (and
the hash a frozen, comparable class gets from its fields), `kw_only`, `slots`; fields may use
`dataclasses.field` (`default`, `default_factory`, `init`, `repr`, `compare`, `hash`,
`kw_only`, `metadata`); a class's `__post_init__` runs after its fields are set. Not supported,
as nothing here needs them: `order`, `InitVar`, a guard against recursive `repr`; and
`__dataclass_params__` reports the options `dataclass` was given (no methods), not these.
"""

from __future__ import annotations

import dataclasses
from operator import attrgetter
from typing import Any, TypeVar

T = TypeVar("T")

_MISSING = dataclasses.MISSING
_set = object.__setattr__


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
        # A class without a docstring keeps none: dataclass would write one from the class's
        # signature, with `inspect` (0.4 ms a class).
        own_doc = cls.__doc__
        cls.__doc__ = own_doc or cls.__name__
        made = dataclasses.dataclass(
            cls, init=False, repr=False, eq=False, kw_only=kw_only, slots=slots
        )
        made.__doc__ = own_doc
        fields = dataclasses.fields(made)
        own = vars(made)
        if "__init__" not in own:
            initialiser = _compiled_initialiser if built_often else _initialiser
            made.__init__ = initialiser(made, fields)
        if "__repr__" not in own:
            made.__repr__ = _representer(fields)
        if eq:
            if "__eq__" not in own:
                made.__eq__ = _comparer(fields)
            if own.get("__hash__") is None:  # none of its own (an own __eq__ sets it None)
                made.__hash__ = _hasher(fields) if frozen else None
        if frozen:
            made.__setattr__ = _refuse_assignment
            made.__delattr__ = _refuse_deletion
            made.__reduce__ = _reducer(fields)
        return made

    return make if cls is None else make(cls)


def _initialiser(cls: type, fields: tuple[dataclasses.Field, ...]):
    positional = tuple(f.name for f in fields if f.init and not f.kw_only)
    # (name, default, factory, takes an argument) in the order the fields are set
    plan = tuple((f.name, f.default, f.default_factory, f.init) for f in fields)
    post_init = hasattr(cls, "__post_init__")
    where = f"{cls.__qualname__}.__init__()"

    def __init__(self, *args, **kwargs):
        if args:
            if len(args) > len(positional):
                raise TypeError(f"{where} takes {len(positional)} positional arguments")
            for name, value in zip(positional, args, strict=False):
                if name in kwargs:
                    raise TypeError(f"{where} got multiple values for argument {name!r}")
                kwargs[name] = value
        for name, default, factory, argument in plan:
            if argument and name in kwargs:
                value = kwargs.pop(name)
            elif default is not _MISSING:
                value = default
            elif factory is not _MISSING:
                value = factory()
            elif argument:
                raise TypeError(f"{where} missing required argument: {name!r}")
            else:
                continue
            _set(self, name, value)
        if kwargs:
            raise TypeError(f"{where} got an unexpected keyword argument {next(iter(kwargs))!r}")
        if post_init:
            self.__post_init__()

    return __init__


def _compiled_initialiser(cls: type, fields: tuple[dataclasses.Field, ...]):
    """An `__init__` written for the fields and compiled, as `dataclass` writes it."""
    # The function's own names are dunders, which no field of the package's is named.
    names: dict[str, Any] = {"__record_set__": _set, "__record_missing__": _MISSING}
    positional, keyword, body = [], [], []
    for field in fields:
        default = f"__record_default_{field.name}__"
        names[default] = field.default_factory if field.default is _MISSING else field.default
        factory = field.default is _MISSING and field.default_factory is not _MISSING
        if not field.init:
            if field.default is _MISSING and not factory:
                continue
            value = f"{default}()" if factory else default
        else:
            parameter, value = field.name, field.name
            if factory:
                parameter = f"{field.name}=__record_missing__"
                value = f"{default}() if {field.name} is __record_missing__ else {field.name}"
            elif field.default is not _MISSING:
                parameter = f"{field.name}={default}"
            (keyword if field.kw_only else positional).append(parameter)
        body.append(f"__record_set__(__record_self__, {field.name!r}, {value})")
    if hasattr(cls, "__post_init__"):
        body.append("__record_self__.__post_init__()")
    own = ["__record_self__", *positional, *(["*", *keyword] if keyword else [])]
    parameters = ", ".join(own)
    lines = "".join(f"    {line}\n" for line in body or ["pass"])
    exec(f"def __init__({parameters}):\n{lines}", names)
    initialiser = names["__init__"]
    initialiser.__qualname__ = f"{cls.__qualname__}.__init__"
    return initialiser


def _representer(fields: tuple[dataclasses.Field, ...]):
    names = tuple(f.name for f in fields if f.repr)

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
        return f"{type(self).__qualname__}({shown})"

    return __repr__


def _values(names: tuple[str, ...]):
    """A function giving an instance's values of the fields `names`, as a tuple."""
    if len(names) > 1:
        return attrgetter(*names)
    return lambda instance: tuple(getattr(instance, name) for name in names)


def _comparer(fields: tuple[dataclasses.Field, ...]):
    values = _values(tuple(f.name for f in fields if f.compare))

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return values(self) == values(other)

    return __eq__


def _hasher(fields: tuple[dataclasses.Field, ...]):
    values = _values(tuple(f.name for f in fields if (f.compare if f.hash is None else f.hash)))

    def __hash__(self) -> int:
        return hash(values(self))

    return __hash__


def _reducer(fields: tuple[dataclasses.Field, ...]):
    # Pickling (to and from worker processes) and copying rebuild an instance field by field:
    # the frozen `__setattr__` would refuse the default way.
    names = tuple(f.name for f in fields)

    def __reduce__(self):
        return _rebuild, (type(self), {n: getattr(self, n) for n in names if hasattr(self, n)})

    return __reduce__


def _rebuild(cls: type, values: dict) -> Any:
    instance = object.__new__(cls)
    for name, value in values.items():
        _set(instance, name, value)
    return instance


def _refuse_assignment(self, name: str, value: Any) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")


def _refuse_deletion(self, name: str) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")
