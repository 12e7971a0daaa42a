"""What the dated reference data says for a statement's date: the registry about its countries
(the prologue of every date-aware rule), and the days it may be dated for the profile's dated
conventions. Shared by the date-aware rules; not a rule itself (its name starts with `_`)."""

from __future__ import annotations

import datetime as dt
import re

from statement_lint.reference.registry import CountryFacts, Status
from statement_lint.rules import Context

SLOT_WORDS = {
    "acceding": "the acceding country",
    "candidate": "a candidate country",
    "sap-potential-candidate": "a potential candidate in the Stabilisation and Association Process",
    "efta-eea": "an EFTA country in the European Economic Area",
    "as-well-as": "listed under 'as well as'",
    "eu-member": "an EU member state",
}
SLOT_PLACES = {
    "acceding": "as the Acceding Country",
    "candidate": "among the Candidate Countries",
    "sap-potential-candidate": "as the Country of the Stabilisation and Association Process and "
    "Potential Candidate",
    "efta-eea": "among the EFTA countries",
    "as-well-as": "under 'as well as'",
    "eu-member": "nowhere (EU members do not align)",
}


def statement_day(ctx: Context) -> dt.date | None:
    """The header date, when the registry covers it; date-aware rules are silent otherwise."""
    date = ctx.statement.date if ctx.statement else None
    if date is None or date.value is None or ctx.registry is None:
        return None
    return date.value if ctx.registry.covers(date.value) else None


def status_on(
    ctx: Context, country_id: str | None, day: dt.date
) -> tuple[CountryFacts, Status] | None:
    facts = ctx.registry.facts(country_id) if ctx.registry else None
    status = facts.status_on(day) if facts else None
    return (facts, status) if facts and status else None


def sap_marker(ctx: Context) -> str:
    """The marker of the Stabilisation and Association Process footnote (`*` by default):
    other markers (ICELAND+ for its EFTA footnote in older statements) are not the SAP's."""
    phrase = ctx.profile.alignment.footnote_phrase.lower().split()
    for footnote in ctx.statement.footnotes:
        if all(word in footnote.text.lower() for word in phrase[-4:]):
            return footnote.marker
    return "*"


def needs_marker(status: Status) -> bool:
    """SAP countries carry the marker in the candidate and acceding slots."""
    return status.sap and status.slot in ("candidate", "acceding")


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
