"""`record` behaves as `dataclass` does for what the package uses: construction, defaults,
equality and hashing, freezing, repr, `replace`, `fields`, pickling to worker processes, and
`__post_init__`; each shape is checked against the same class made by `dataclass`. No
`dataclasses` is imported by the records."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import pickle
import subprocess
import sys

import pytest

from statement_lint import records
from statement_lint.records import FrozenInstanceError, field, fields, record, replace
from statement_lint.reference.profile import ClosingFormula


def shapes(make, field=field):
    """The same classes made by `make` (`record` or `dataclass`, each with its `field`)."""

    @make(frozen=True, slots=True)
    class Point:
        x: int
        y: int = 0
        tags: list = field(default_factory=list, compare=False)

    @make(frozen=True, kw_only=True, eq=False)
    class Base:
        name: str
        since: str | None = None

    @make(frozen=True, kw_only=True, eq=False)
    class Child(Base):
        kind: str

        def __post_init__(self) -> None:
            if not self.kind:
                raise ValueError("kind is empty")

    @make
    class Counter:
        name: str
        seen: int = 0
        hidden: str = field(default="x", repr=False)

    return Point, Base, Child, Counter


def often(cls=None, /, **options):
    """`record` with an `__init__` compiled for the fields (for classes built often)."""
    return record(cls, built_often=True, **options)


MADE = shapes(record)
OFTEN = shapes(often)
PLAIN = shapes(dataclasses.dataclass, dataclasses.field)

# How each is built, and what is compared of the result.
CASES = [
    (0, lambda C: C(1), lambda p: (p.x, p.y, p.tags)),
    (0, lambda C: C(1, 2), lambda p: (p.x, p.y)),
    (0, lambda C: C(x=1, y=2, tags=[3]), lambda p: (p.x, p.y, p.tags)),
    (2, lambda C: C(name="a", kind="k"), lambda c: (c.name, c.since, c.kind)),
    (2, lambda C: C(kind="k", since="2020", name="a"), lambda c: (c.name, c.since, c.kind)),
    (3, lambda C: C("a"), lambda c: (c.name, c.seen, c.hidden)),
]


@pytest.mark.parametrize("made", [MADE, OFTEN], ids=["generic", "built-often"])
@pytest.mark.parametrize("index, build, values", CASES)
def test_construction_as_dataclass(made, index, build, values):
    instance, plain = build(made[index]), build(PLAIN[index])
    assert values(instance) == values(plain)
    assert repr(instance).split("(", 1)[1] == repr(plain).split("(", 1)[1]


@pytest.mark.parametrize(
    "index, build",
    [
        (0, lambda C: C()),  # missing required
        (0, lambda C: C(1, 2, [], 4)),  # too many positional
        (0, lambda C: C(1, x=1)),  # twice
        (0, lambda C: C(1, z=1)),  # unknown
        (2, lambda C: C("a", kind="k")),  # keyword-only
        (2, lambda C: C(name="a")),  # required field of the subclass
    ],
)
def test_wrong_arguments_are_type_errors_as_with_dataclass(index, build):
    with pytest.raises(TypeError):
        build(PLAIN[index])
    for made in (MADE, OFTEN):
        with pytest.raises(TypeError):
            build(made[index])


def test_post_init_runs():
    for made in (MADE, OFTEN):
        with pytest.raises(ValueError, match="kind is empty"):
            made[2](name="a", kind="")


def test_equality_and_hash_follow_the_compared_fields():
    Point = MADE[0]
    assert Point(1, 2, [1]) == Point(1, 2, [2])  # tags are not compared
    assert Point(1, 2) != Point(2, 1)
    assert hash(Point(1, 2, [1])) == hash(Point(1, 2, [5]))
    assert len({Point(1, 2), Point(1, 2), Point(2, 2)}) == 2
    assert Point(1, 2) != (1, 2)
    Base = MADE[1]
    a = Base(name="a")
    assert a != Base(name="a") and a == a  # eq=False: identity
    Counter = MADE[3]
    assert Counter("a") == Counter("a") and Counter.__hash__ is None  # mutable, comparable


def test_frozen_refuses_changes_mutable_takes_them():
    point = MADE[0](1)
    with pytest.raises(FrozenInstanceError):
        point.x = 2
    with pytest.raises(FrozenInstanceError):
        del point.x
    with pytest.raises(AttributeError):  # as dataclasses' error is one
        point.y = 3
    counter = MADE[3]("a")
    counter.seen += 1
    assert counter.seen == 1


def test_replace_and_copy_keep_the_values():
    Point = MADE[0]
    point = Point(1, 2, [3])
    assert replace(point, y=5) == Point(1, 5)
    assert replace(point, y=5).tags == [3]
    with pytest.raises(ValueError, match="kind is empty"):  # made by __init__: checked again
        replace(MADE[2](name="a", kind="k"), kind="")
    for same in (copy.copy(point), copy.deepcopy(point)):
        assert same == point and same.tags == [3] and type(same) is Point


@record(frozen=True, slots=True)
class Spot:  # at module level: pickle finds a class by its name
    x: int
    tags: list = field(default_factory=list)


def test_pickling_to_worker_processes_keeps_the_values():
    spot = Spot(1, [2])
    assert pickle.loads(pickle.dumps(spot)) == spot
    assert pickle.loads(pickle.dumps(spot)).tags == [2]
    formula = ClosingFormula(text="align themselves", valid_from=dt.date(2020, 1, 1))
    same = pickle.loads(pickle.dumps(formula))
    expected = ("align themselves", formula.valid_from, None)
    assert (same.text, same.valid_from, same.valid_to) == expected


def test_the_fields_are_a_dataclass_s():
    for made, plain in zip(MADE, PLAIN, strict=True):
        assert records.is_record(made) and records.is_record(made.__new__(made))
        assert [(f.name, f.type, f.default, f.default_factory, f.init, f.repr, f.compare,
                 f.hash, f.kw_only, dict(f.metadata)) for f in fields(made)] == [
            (f.name, f.type, f.default if f.default is not dataclasses.MISSING else records.MISSING,
             f.default_factory if f.default_factory is not dataclasses.MISSING else records.MISSING,
             f.init, f.repr, f.compare, f.hash, f.kw_only, dict(f.metadata))
            for f in dataclasses.fields(plain)
        ]  # fmt: skip
    assert not hasattr(MADE[0](1), "__dict__")  # slots kept
    assert not records.is_record(PLAIN[0]) and not dataclasses.is_dataclass(MADE[0])
    with pytest.raises(TypeError):
        fields(object())


def test_class_variables_are_no_fields_and_defaults_stay_class_attributes():
    from typing import ClassVar

    @record
    class Counted:
        limit: ClassVar[int] = 3
        name: str
        seen: int = 0
        tags: list = field(default_factory=list)

    assert [f.name for f in fields(Counted)] == ["name", "seen", "tags"]
    assert (Counted.limit, Counted.seen) == (3, 0) and not hasattr(Counted, "tags")


@pytest.mark.parametrize("make", [record, often, dataclasses.dataclass])
def test_wrong_definitions_are_refused_as_by_dataclass(make):
    with pytest.raises(TypeError):  # a required field after one with a default

        @make
        class Late:
            first: int = 0
            second: int

    with pytest.raises(ValueError):  # a mutable default shared by every instance

        @make
        class Shared:
            items: list = []  # noqa: RUF012

    with pytest.raises(ValueError):
        (field if make is not dataclasses.dataclass else dataclasses.field)(
            default=1, default_factory=int
        )


def test_importing_the_records_imports_no_dataclasses():
    code = "import sys, statement_lint.records; print('dataclasses' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout == "False\n"


@pytest.mark.parametrize("make", [record, often, dataclasses.dataclass])
def test_a_frozen_class_with_its_own_eq_is_hashed_by_its_fields(make):
    @make(frozen=True)
    class Named:
        name: str

        def __eq__(self, other: object) -> bool:
            return isinstance(other, Named) and self.name.lower() == other.name.lower()

    assert Named("a") == Named("A")
    assert hash(Named("a")) == hash(Named("a"))


def test_a_compiled_init_takes_fields_named_like_its_own_names():
    @often
    class Odd:
        self: int
        _set: int = 1

    odd = Odd(0)
    assert (odd.self, odd._set) == (0, 1)
