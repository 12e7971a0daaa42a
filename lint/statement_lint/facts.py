"""What the registry says about a statement's countries on the statement's date."""

from __future__ import annotations

import datetime as dt

from statement_lint.reference import CountryFacts, Status
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
