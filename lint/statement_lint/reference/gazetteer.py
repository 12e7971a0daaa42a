"""The gazetteer: every country's names and aliases (`data/gazetteer.json`)."""

from __future__ import annotations

from typing import Literal

from statement_lint.records import record
from statement_lint.reference.fields import MODEL, spec


@record(**MODEL)
class Alias:
    """One name of a country: an official name, a short form, a translation."""

    name: str = spec(
        min_length=1, description="The name as written in normal case, without a leading 'the'."
    )


@record(**MODEL)
class Country:
    id: str = spec(pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2 code (XK for Kosovo).")
    name: str = spec(min_length=1)
    role: Literal["participating-state", "partner", "other"]
    aliases: list[Alias] = spec(min_length=1)


@record(**MODEL)
class Gazetteer:
    schema_version: Literal[1]
    description: str = ""
    countries: list[Country]

    def country(self, country_id: str) -> Country | None:
        return next((c for c in self.countries if c.id == country_id), None)
