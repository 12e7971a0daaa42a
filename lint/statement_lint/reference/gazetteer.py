"""The gazetteer: every country's names and aliases (`data/gazetteer.json`)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from statement_lint.reference.common import STRICT as _STRICT


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
