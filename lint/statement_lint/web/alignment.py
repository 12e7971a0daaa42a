"""The page's alignment paragraph builder: the countries that can be placed on a date, and
the paragraph `statement-lint align` writes for those checked."""

from __future__ import annotations

import datetime as dt

from statement_lint.config.settings import Settings
from statement_lint.reference import default_gazetteer, load_profile, load_registry
from statement_lint.reference.paragraph import AlignmentError, write_alignment


def countries_on(date: str, settings: Settings) -> dict:
    """The countries the registry places in the paragraph on `date` (ISO), by name."""
    day = _day(date)
    if day is None:
        return {"error": "give the date as YYYY-MM-DD", "countries": []}
    registry, gazetteer = load_registry(settings.registry), default_gazetteer()
    found = []
    for facts in registry.countries:
        status = facts.status_on(day)
        country = gazetteer.country(facts.id)
        if status is not None and status.slot != "eu-member" and country is not None:
            found.append({"id": facts.id, "name": country.name, "slot": status.slot})
    return {"date": day.isoformat(), "countries": sorted(found, key=lambda c: c["name"])}


def written(asked: object, settings: Settings) -> tuple[dict, int]:
    """The paragraph for `{"date": ..., "countries": [ids]}`, and the HTTP status."""
    if not isinstance(asked, dict) or not isinstance(asked.get("countries"), list):
        return {"error": "send {date, countries} as JSON"}, 400
    day = _day(str(asked.get("date", "")))
    if day is None:
        return {"error": "give the date as YYYY-MM-DD"}, 400
    names = [str(name) for name in asked["countries"]][:100]
    try:
        alignment = write_alignment(
            names,
            day,
            load_profile(settings.profile),
            load_registry(settings.registry),
            default_gazetteer(),
        )
    except AlignmentError as error:
        return {"error": str(error)}, 422
    return alignment.to_dict(), 200


def _day(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None
