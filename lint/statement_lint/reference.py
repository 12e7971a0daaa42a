"""Bundled reference data: the gazetteer of country names and the conventions profile.

Both are JSON files under ``data/``, described by pydantic models here; the JSON Schemas in
``schemas/`` are generated from these models (``python -m statement_lint.schemagen``).
"""

from __future__ import annotations

import datetime as dt
import string
from functools import cache
from importlib import resources
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

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


class AlignmentConventions(BaseModel):
    model_config = _STRICT
    footnote_phrase: str = Field(
        min_length=1, description="What the marker footnote says of the marked countries."
    )
    closing: str = Field(min_length=1, description="How the alignment paragraph ends.")


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


Slot = Literal[
    "acceding", "candidate", "sap-potential-candidate", "efta-eea", "as-well-as", "eu-member"
]


class Dated(BaseModel):
    """Something true from `from` to `to` (both inclusive; open-ended when absent)."""

    model_config = _STRICT
    valid_from: dt.date = Field(alias="from")
    valid_to: dt.date | None = Field(default=None, alias="to")

    def holds_on(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


class Status(Dated):
    slot: Slot = Field(description="Where the country stands in the alignment paragraph.")
    sap: bool = Field(
        description="Part of the Stabilisation and Association Process; a SAP country in the "
        "candidate (or acceding) slot carries the marker."
    )


class OfficialName(BaseModel):
    model_config = _STRICT
    name: str = Field(min_length=1, description="As in the gazetteer.")
    valid_from: dt.date | None = Field(default=None, alias="from")
    valid_to: dt.date | None = Field(default=None, alias="to")


class CountryFacts(BaseModel):
    model_config = _STRICT
    id: str = Field(pattern=r"^[A-Z]{2}$")
    statuses: list[Status] = Field(description="In date order, without gaps or overlaps.")
    names: list[OfficialName] = Field(default_factory=list)

    def status_on(self, day: dt.date) -> Status | None:
        return next((status for status in self.statuses if status.holds_on(day)), None)

    def name(self, alias: str) -> OfficialName | None:
        return next((n for n in self.names if n.name.lower() == alias.lower()), None)


class Coverage(BaseModel):
    model_config = _STRICT
    valid_from: dt.date = Field(alias="from")
    valid_to: dt.date = Field(alias="to", description="When the facts were last checked.")


class Registry(BaseModel):
    """Dated facts: statuses in the alignment paragraph and official names."""

    model_config = _STRICT
    schema_version: Literal[1]
    description: str = ""
    coverage: Coverage
    countries: list[CountryFacts]

    def covers(self, day: dt.date) -> bool:
        return self.coverage.valid_from <= day <= self.coverage.valid_to

    def facts(self, country_id: str | None) -> CountryFacts | None:
        index = _FACTS_BY_ID.get(id(self))
        if index is None:
            index = _FACTS_BY_ID[id(self)] = {c.id: c for c in self.countries}
        return index.get(country_id) if country_id else None


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
