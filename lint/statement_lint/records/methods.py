"""The methods a record is given: written for its fields once, reading them at call time."""

from __future__ import annotations

from operator import attrgetter
from typing import Any

from statement_lint.records.fields import MISSING, Field

_set = object.__setattr__


class FrozenInstanceError(AttributeError):
    """An assignment to a field of a frozen record."""


def initialiser(cls: type, found: tuple[Field, ...]):
    positional = tuple(f.name for f in found if f.init and not f.kw_only)
    # (name, default, factory, takes an argument) in the order the fields are set
    plan = tuple((f.name, f.default, f.default_factory, f.init) for f in found)
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
            elif default is not MISSING:
                value = default
            elif factory is not MISSING:
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


def compiled_initialiser(cls: type, found: tuple[Field, ...]):
    """An `__init__` written for the fields and compiled, as `dataclass` writes it."""
    # The function's own names are dunders, which no field of the package's is named.
    names: dict[str, Any] = {"__record_set__": _set, "__record_missing__": MISSING}
    positional, keyword, body = [], [], []
    for item in found:
        default = f"__record_default_{item.name}__"
        names[default] = item.default_factory if item.default is MISSING else item.default
        factory = item.default is MISSING and item.default_factory is not MISSING
        if not item.init:
            if item.default is MISSING and not factory:
                continue
            value = f"{default}()" if factory else default
        else:
            parameter, value = item.name, item.name
            if factory:
                parameter = f"{item.name}=__record_missing__"
                value = f"{default}() if {item.name} is __record_missing__ else {item.name}"
            elif item.default is not MISSING:
                parameter = f"{item.name}={default}"
            (keyword if item.kw_only else positional).append(parameter)
        body.append(f"__record_set__(__record_self__, {item.name!r}, {value})")
    if hasattr(cls, "__post_init__"):
        body.append("__record_self__.__post_init__()")
    own = ["__record_self__", *positional, *(["*", *keyword] if keyword else [])]
    parameters = ", ".join(own)
    lines = "".join(f"    {line}\n" for line in body or ["pass"])
    exec(f"def __init__({parameters}):\n{lines}", names)
    initialiser = names["__init__"]
    initialiser.__qualname__ = f"{cls.__qualname__}.__init__"
    return initialiser


def representer(found: tuple[Field, ...]):
    names = tuple(f.name for f in found if f.repr)

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
        return f"{type(self).__qualname__}({shown})"

    return __repr__


def _values(names: tuple[str, ...]):
    """A function giving an instance's values of the fields `names`, as a tuple."""
    if len(names) > 1:
        return attrgetter(*names)
    return lambda instance: tuple(getattr(instance, name) for name in names)


def comparer(found: tuple[Field, ...]):
    values = _values(tuple(f.name for f in found if f.compare))

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return values(self) == values(other)

    return __eq__


def hasher(found: tuple[Field, ...]):
    values = _values(tuple(f.name for f in found if (f.compare if f.hash is None else f.hash)))

    def __hash__(self) -> int:
        return hash(values(self))

    return __hash__


def reducer(found: tuple[Field, ...]):
    # Pickling (to and from worker processes) and copying rebuild an instance field by field:
    # the frozen `__setattr__` would refuse the default way.
    names = tuple(f.name for f in found)

    def __reduce__(self):
        return _rebuild, (type(self), {n: getattr(self, n) for n in names if hasattr(self, n)})

    return __reduce__


def _rebuild(cls: type, values: dict) -> Any:
    instance = object.__new__(cls)
    for name, value in values.items():
        _set(instance, name, value)
    return instance


def refuse_assignment(self, name: str, value: Any) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def refuse_deletion(self, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")
