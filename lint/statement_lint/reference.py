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
    """One name of a country, with the dates (inclusive) on which it was in use."""

    model_config = _STRICT
    name: str = Field(
        min_length=1, description="The name as written in normal case, without a leading 'the'."
    )
    valid_from: dt.date | None = Field(default=None, alias="from")
    valid_until: dt.date | None = Field(default=None, alias="until")

    def in_use_on(self, day: dt.date) -> bool:
        after_start = self.valid_from is None or day >= self.valid_from
        before_end = self.valid_until is None or day <= self.valid_until
        return after_start and before_end


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


class DateConventions(BaseModel):
    model_config = _STRICT
    format: str = Field(
        default="{day} {month} {year}",
        description="The standard form: {day} (or {day:02} with a leading zero), {month} "
        "(the name), {year}.",
    )
    months: list[str] = Field(min_length=12, max_length=12)

    @field_validator("format")
    @classmethod
    def _has_each_field(cls, value: str) -> str:
        fields = [(name, spec) for _, name, spec, _ in string.Formatter().parse(value) if name]
        allowed = {("day", ""), ("day", "02"), ("month", ""), ("year", "")}
        if (
            sorted(name for name, _ in fields) != ["day", "month", "year"]
            or not set(fields) <= allowed
        ):
            raise ValueError("use each of {day} (or {day:02}), {month} and {year} once")
        return value


class AlignmentConventions(BaseModel):
    model_config = _STRICT
    footnote_phrase: str = Field(
        min_length=1, description="What the marker footnote says of the marked countries."
    )


class Language(BaseModel):
    model_config = _STRICT
    name: str = Field(pattern=r"^[A-Z]+$", description="The marker form: ENGLISH.")
    localised: list[str] = Field(
        default_factory=list, description="Older localised forms: ANGLAIS."
    )


class Profile(BaseModel):
    model_config = _STRICT
    schema_version: Literal[1]
    name: str
    description: str = ""
    disclaimers: list[str] = Field(min_length=1)
    symbol: SymbolConventions
    date: DateConventions
    languages: list[Language] = Field(min_length=1)
    alignment: AlignmentConventions


def _data_text(*parts: str) -> str:
    return resources.files("statement_lint").joinpath("data", *parts).read_text(encoding="utf-8")


@cache
def default_gazetteer() -> Gazetteer:
    return Gazetteer.model_validate_json(_data_text("gazetteer.json"))


class ProfileError(UserError):
    """A profile that cannot be read or is invalid: reported with its path, exit 2."""


def bundled_profiles() -> list[str]:
    folder = resources.files("statement_lint").joinpath("data", "profiles")
    return sorted(
        p.name.removesuffix(".json") for p in folder.iterdir() if p.name.endswith(".json")
    )


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
    try:
        with open(spec, encoding="utf-8") as handle:
            text = handle.read()
    except OSError as error:
        raise ProfileError(
            f"profile {spec}: cannot be read: {(error.strerror or str(error)).lower()}"
        ) from None
    try:
        return Profile.model_validate_json(text)
    except ValidationError as error:
        problems = []
        for problem in error.errors():
            where = ".".join(str(part) for part in problem["loc"]) or "(top level)"
            problems.append(f"profile {spec}: {where}: {problem['msg']}")
        raise ProfileError("\n".join(problems)) from None
