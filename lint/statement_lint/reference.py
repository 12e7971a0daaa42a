"""Bundled reference data: the gazetteer of country names and the conventions profile.

Both are JSON files under ``data/``, described by pydantic models here; the JSON Schemas in
``schemas/`` are generated from these models (``python -m statement_lint.schemagen``).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import string
from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import Literal

from pydantic import (
    AliasChoices,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from statement_lint.errors import UserError

_STRICT = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Alias(BaseModel):
    """One name of a country: an official name, a short form, a translation."""

    model_config = _STRICT
    name: str = Field(
        min_length=1, description="The name as written in normal case, without a leading 'the'."
    )


class Country(BaseModel):
    model_config = _STRICT
    id: str = Field(pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2 code (XK for Kosovo).")
    name: str = Field(min_length=1)
    role: Literal["participating-state", "partner", "other"]
    aliases: list[Alias] = Field(min_length=1)


class Gazetteer(BaseModel):
    model_config = _STRICT
    schema_version: Literal[1]
    description: str = ""
    countries: list[Country]

    def country(self, country_id: str) -> Country | None:
        return next((c for c in self.countries if c.id == country_id), None)


YearRule = Literal["required", "absent", "optional"]


class SymbolConventions(BaseModel):
    model_config = _STRICT
    bodies: list[str] = Field(min_length=1)
    numbered_bodies: list[str] = Field(
        default_factory=list, description="Bodies that may carry a session number: MC(23)."
    )
    types: list[str] = Field(min_length=1)
    year: dict[str, YearRule] = Field(
        description="Whether the two-digit year is required, keyed by TYPE or BODY.TYPE "
        "(the more specific key wins)."
    )
    suffixes: list[str]


class DateForm(BaseModel):
    """How header dates are written in one language."""

    model_config = _STRICT
    language: str = Field(pattern=r"^[A-Z]+$")
    format: str = Field(
        description="The standard form: {day} (or {day:02} with a leading zero), {month} (the "
        "name), {year}, and the words around them: `{day} de {month} de {year}`."
    )
    first_day: str | None = Field(
        default=None, description="How the first of the month is written, if not 1: `1er`."
    )
    months: list[str] = Field(min_length=12, max_length=12)

    @field_validator("format")
    @classmethod
    def _has_each_field(cls, value: str) -> str:
        fields = [(name, spec) for _, name, spec, _ in string.Formatter().parse(value) if name]
        allowed = {("day", ""), ("day", "02"), ("month", ""), ("year", "")}
        names = sorted(name for name, _ in fields)
        if names != ["day", "month", "year"] or not set(fields) <= allowed:
            raise ValueError("use each of {day} (or {day:02}), {month} and {year} once")
        return value


class DateConventions(BaseModel):
    model_config = _STRICT
    languages: list[DateForm] = Field(
        min_length=1, description="Any of these forms is standard; the first is the default."
    )


class DatedConvention(BaseModel):
    """A convention in force from `from` to `to` (both inclusive; open-ended when absent).
    Days no entry covers are days whose convention is not known: the rules are silent."""

    model_config = _STRICT
    valid_from: dt.date | None = Field(
        default=None, alias="from", description="The first day (absent: since ever)."
    )
    valid_to: dt.date | None = Field(
        default=None, alias="to", description="The last day (absent: still in force)."
    )
    source: str = Field(default="", description="Where the dates come from.")

    def bounds(self) -> tuple[dt.date, dt.date]:
        return (self.valid_from or dt.date.min, self.valid_to or dt.date.max)


class ClosingFormula(DatedConvention):
    text: str = Field(min_length=1, description="The formula: `align themselves with this ...`.")


class DisclaimerRequirement(DatedConvention):
    required: bool = Field(
        description="Whether a delegation document of the time must carry the disclaimer."
    )


def _in_force(
    entries: Sequence[DatedConvention], start: dt.date, end: dt.date
) -> tuple[list[DatedConvention], bool]:
    """The entries in force on some day from `start` to `end`, and whether every one of those
    days is covered by one of them."""
    found = [e for e in entries if e.bounds()[0] <= end and start <= e.bounds()[1]]
    reached = start  # every day before `reached` is covered
    for first, last in sorted(e.bounds() for e in found):
        if first > reached:
            return found, False
        if last >= end:
            return found, True
        reached = max(reached, last + dt.timedelta(days=1))
    return found, False


def statement_period(statement) -> tuple[dt.date, dt.date]:
    """The days a statement may be dated: its header date; when that is no real day (`31 April
    2021`, `12 2020`), the year its date text and its symbol (`PC.DEL/80/21`) give, if they do
    not disagree; else any day."""
    date = statement.date
    if date is not None and date.value is not None:
        return date.value, date.value
    years = set()
    if date is not None:
        years.update(int(year) for year in re.findall(r"\b(\d{4})\b", date.text))
    years.update(symbol.year for symbol in statement.symbols[:1] if symbol.year is not None)
    if len(years) != 1 or not dt.MINYEAR <= (year := years.pop()) <= dt.MAXYEAR:
        return dt.date.min, dt.date.max
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


class AlignmentConventions(BaseModel):
    model_config = _STRICT
    footnote_phrase: str = Field(
        min_length=1, description="What the marker footnote says of the marked countries."
    )
    closing: str | list[ClosingFormula] = Field(
        description="How the alignment paragraph ends: one formula for all dates, or formulas "
        "with the dates each was in use. Where two overlap, both were in use and ALN012 is "
        "silent; on days none covers, the formula of the time is not known and it is silent too."
    )

    def closings(self, start: dt.date, end: dt.date) -> tuple[list[str], bool]:
        """The formulas in use on some day from `start` to `end`, and whether the formula of
        every one of those days is known."""
        if isinstance(self.closing, str):
            return [self.closing], True
        found, complete = _in_force(self.closing, start, end)
        texts = list(dict.fromkeys(f.text for f in found if isinstance(f, ClosingFormula)))
        return texts, complete


class Language(BaseModel):
    model_config = _STRICT
    name: str = Field(pattern=r"^[A-Z]+$", description="The marker form: ENGLISH.")
    localised: list[str] = Field(
        default_factory=list, description="Older localised forms: ANGLAIS."
    )
    script: Literal["latin", "cyrillic"] = "latin"
    words: list[str] = Field(
        default_factory=list,
        description="Frequent words found in no other of the languages, to tell the language "
        "of a text (LNG004).",
    )


class Disclaimer(BaseModel):
    model_config = _STRICT
    language: str = Field(pattern=r"^[A-Z]+$")
    text: str = Field(min_length=1)


class Profile(BaseModel):
    model_config = _STRICT
    schema_version: Literal[1]
    name: str
    description: str = ""
    disclaimers: list[Disclaimer] = Field(
        min_length=1, description="The disclaimer, in each language whose text is known."
    )
    symbol: SymbolConventions
    date: DateConventions
    languages: list[Language] = Field(min_length=1)
    alignment: AlignmentConventions
    disclaimer_required: list[DisclaimerRequirement] = Field(
        default_factory=lambda: [DisclaimerRequirement(required=True)],
        description="When delegation documents had to carry the disclaimer (DSC001). Days no "
        "entry covers are days whose convention is not known: DSC001 is silent. Absent: "
        "required at all dates.",
    )

    def disclaimer_required_between(self, start: dt.date, end: dt.date) -> bool:
        """Whether the disclaimer was required on every day from `start` to `end`."""
        found, complete = _in_force(self.disclaimer_required, start, end)
        return complete and all(
            isinstance(entry, DisclaimerRequirement) and entry.required for entry in found
        )


Slot = Literal[
    "acceding", "candidate", "sap-potential-candidate", "efta-eea", "as-well-as", "eu-member"
]


_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def long_date(day: dt.date) -> str:
    """`17 December 2005`, whatever the locale."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def day_span(first: dt.date, last: dt.date) -> str:
    """A day known to lie from `first` to `last`, as precisely as that allows: `17 December
    2005`, `16 or 17 December 2005`, `June 2006`, `2006`, `between 3 June 2006 and 5 July 2007`."""
    if first >= last:
        return long_date(last)
    if first.year == last.year and first.month == last.month:
        if last - first == dt.timedelta(days=1):
            return f"{first.day} or {long_date(last)}"
        return f"{_MONTHS[first.month - 1]} {first.year}"
    if first.year == last.year:
        return str(first.year)
    return f"between {long_date(first)} and {long_date(last)}"


class Dated(BaseModel):
    """Something true from `from` to `to` (both inclusive; open-ended when absent)."""

    model_config = _STRICT
    valid_from: dt.date | None = Field(
        default=None,
        alias="from",
        description="The first day it certainly held. Absent: it held already when the "
        "registry's record begins (coverage.from), and messages do not date its beginning.",
    )
    from_earliest: dt.date | None = Field(
        default=None,
        description="When sources disagree on the day it began (or statements of the time are "
        "not known to have followed it at once): the earliest day they give. From that day to "
        "the day before `from` the registry asserts nothing and the date-aware rules are "
        "silent; the previous status ends the day before this one.",
    )
    valid_to: dt.date | None = Field(
        default=None,
        alias="to",
        description="The last day it held. Absent: it still holds, also after the day the "
        "facts were last checked (coverage.checked).",
    )
    source: str = Field(default="", description="Where the dates come from.")

    @model_validator(mode="after")
    def _dates_in_order(self):
        if self.from_earliest is not None and (
            self.valid_from is None or self.from_earliest >= self.valid_from
        ):
            raise ValueError("from_earliest must come before from")
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValueError("to must not come before from")
        return self

    @property
    def starts(self) -> dt.date | None:
        """The first day it may have held (None: before the record)."""
        return self.from_earliest or self.valid_from

    def holds_on(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


class Status(Dated):
    slot: Slot = Field(description="Where the country stands in the alignment paragraph.")
    sap: bool = Field(
        description="Part of the Stabilisation and Association Process; a SAP country in the "
        "candidate (or acceding) slot carries the marker."
    )


class OfficialName(BaseModel):
    model_config = _STRICT
    name: str = Field(min_length=1, description="As in the gazetteer.")
    valid_from: dt.date | None = Field(
        default=None, alias="from", description="The first day it was certainly in use."
    )
    from_earliest: dt.date | None = Field(
        default=None,
        description="When the day it came into use is uncertain: the earliest day it may have "
        "been used. Before `from_earliest` it is reported as not yet in use.",
    )
    valid_to: dt.date | None = Field(
        default=None, alias="to", description="The last day it was certainly in use."
    )
    to_latest: dt.date | None = Field(
        default=None,
        description="When the day it went out of use is uncertain: the last day it may still "
        "have been used. After `to_latest` it is reported as no longer in use.",
    )
    source: str = Field(default="", description="Where the dates come from.")

    @model_validator(mode="after")
    def _dates_in_order(self):
        if self.from_earliest is not None and (
            self.valid_from is None or self.from_earliest >= self.valid_from
        ):
            raise ValueError("from_earliest must come before from")
        if self.to_latest is not None and (
            self.valid_to is None or self.to_latest <= self.valid_to
        ):
            raise ValueError("to_latest must come after to")
        return self

    def in_use_on(self, day: dt.date) -> bool:
        """Certainly in use on that day."""
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )

    def out_of_use_on(self, day: dt.date) -> bool:
        """Certainly not in use on that day (not yet, or no longer)."""
        first = self.from_earliest or self.valid_from
        last = self.to_latest or self.valid_to
        return (first is not None and day < first) or (last is not None and day > last)


class CountryFacts(BaseModel):
    model_config = _STRICT
    id: str = Field(pattern=r"^[A-Z]{2}$")
    statuses: list[Status] = Field(
        description="In date order, without overlaps; each begins the day after the one "
        "before ends (its from_earliest, if it has one, else its from). Only the first may "
        "lack `from`, only the last `to`."
    )
    names: list[OfficialName] = Field(default_factory=list)

    @model_validator(mode="after")
    def _statuses_follow_each_other(self):
        for index, (before, after) in enumerate(itertools.pairwise(self.statuses), start=1):
            if before.valid_to is None or after.starts is None:
                raise ValueError(
                    f"statuses {index - 1} and {index}: only the first status may lack 'from', "
                    "only the last 'to'"
                )
            if after.starts != before.valid_to + dt.timedelta(days=1):
                raise ValueError(
                    f"status {index} must begin the day after status {index - 1} ends "
                    f"({before.valid_to + dt.timedelta(days=1)}): for a span of doubt "
                    "between them, give 'from_earliest'"
                )
        return self

    def status_on(self, day: dt.date) -> Status | None:
        """The status that certainly held on that day (None in a span of doubt)."""
        return next((status for status in self.statuses if status.holds_on(day)), None)

    def began(self, status: Status) -> tuple[dt.date, dt.date] | None:
        """When the country came to stand in this status's slot: the first and the last day
        it may have been (None when that was before the registry's record)."""
        index = next(i for i, s in enumerate(self.statuses) if s is status)
        while index > 0 and self.statuses[index - 1].slot == status.slot:
            index -= 1
        first = self.statuses[index]
        if first.valid_from is None:
            return None
        return (first.starts or first.valid_from, first.valid_from)

    def since(self, status: Status) -> str | None:
        """`since 16 or 17 December 2005`, or None when it held before the record began."""
        began = self.began(status)
        return f"since {day_span(*began)}" if began else None

    def name(self, alias: str) -> OfficialName | None:
        return next((n for n in self.names if n.name.lower() == alias.lower()), None)


class Coverage(BaseModel):
    model_config = _STRICT
    valid_from: dt.date = Field(
        alias="from",
        description="The first day the registry speaks for: statements dated before it get no "
        "date-aware diagnostic.",
    )
    checked: dt.date = Field(
        validation_alias=AliasChoices("checked", "to"),
        serialization_alias="checked",
        description="The day the facts were last checked against their sources. Statements "
        "dated after it are judged by the last known statuses (each country's last status "
        "holds on), and the run says once that it assumed so. Older files call it `to`.",
    )


class Registry(BaseModel):
    """Dated facts: statuses in the alignment paragraph and official names."""

    model_config = _STRICT
    schema_version: Literal[1]
    description: str = ""
    coverage: Coverage
    countries: list[CountryFacts]

    def covers(self, day: dt.date) -> bool:
        """Whether the registry speaks for that day: from the start of its record on, also
        after the day it was last checked (the last known statuses hold)."""
        return self.coverage.valid_from <= day

    def after_check(self, day: dt.date | None) -> bool:
        """Whether a statement dated `day` is judged on statuses assumed unchanged since the
        registry was last checked (the run should say so once, see registry_note)."""
        return day is not None and day > self.coverage.checked

    def facts(self, country_id: str | None) -> CountryFacts | None:
        index = _FACTS_BY_ID.get(id(self))
        if index is None:
            index = _FACTS_BY_ID[id(self)] = {c.id: c for c in self.countries}
        return index.get(country_id) if country_id else None


def registry_note(registry: Registry, path: str | None = None) -> str:
    """What a run says once when it judged a statement dated after the registry's check date
    (`registry.after_check(day)`): one line, to print to standard error."""
    which = f"the country registry {path}" if path else "the country registry"
    return (
        f"{which} was last checked on {long_date(registry.coverage.checked)}; statuses after "
        "that date are assumed unchanged (update: see README)"
    )


# Registries are loaded once and kept (load_registry caches them): an index per registry.
_FACTS_BY_ID: dict[int, dict[str, CountryFacts]] = {}


def _data_text(*parts: str) -> str:
    return resources.files("statement_lint").joinpath("data", *parts).read_text(encoding="utf-8")


@cache
def default_gazetteer() -> Gazetteer:
    return Gazetteer.model_validate_json(_data_text("gazetteer.json"))


# The bundled registry and profile are some tens of kilobytes; a user's copy is alike.
USER_FILE_LIMIT = 16 * 1024 * 1024


class ProfileError(UserError):
    """A profile that cannot be read or is invalid: reported with its path, exit 2."""


def bundled_profiles() -> list[str]:
    folder = resources.files("statement_lint").joinpath("data", "profiles")
    return sorted(
        p.name.removesuffix(".json") for p in folder.iterdir() if p.name.endswith(".json")
    )


@cache
def load_registry(path: str | None = None) -> Registry:
    """The bundled registry, or the copy at `path`."""
    if path is None:
        return Registry.model_validate_json(_data_text("registry.json"))
    return _load_user_file("registry", path, Registry)


@cache
def default_profile() -> Profile:
    return load_profile("osce")


@cache
def load_profile(spec: str) -> Profile:
    """A bundled profile by name (`osce`), or a profile JSON file by path."""
    if spec in bundled_profiles():
        return Profile.model_validate_json(_data_text("profiles", f"{spec}.json"))
    if not spec.endswith(".json") and "/" not in spec:
        raise ProfileError(
            f"profile {spec!r}: no such bundled profile (bundled: "
            f"{', '.join(bundled_profiles())}) and not a path to a .json file"
        )
    return _load_user_file("profile", spec, Profile)


def _load_user_file(kind: str, path: str, model: type[BaseModel]):
    """A user's profile or registry file, validated; what is wrong is an exit-2 error."""
    from statement_lint.readers import Unreadable, read_utf8

    try:
        text = read_utf8(path, USER_FILE_LIMIT, f"a {kind} file")
    except Unreadable as problem:
        raise ProfileError(
            problem.message(f"{kind} {path}:", "give the path of a JSON file")
        ) from None
    try:
        return model.model_validate_json(text)
    except ValidationError as error:
        problems = []
        for problem in error.errors():
            where = ".".join(str(part) for part in problem["loc"]) or "(top level)"
            problems.append(f"{kind} {path}: {where}: {problem['msg']}")
        raise ProfileError("\n".join(problems)) from None
