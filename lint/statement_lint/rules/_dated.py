"""What the dated reference data says for a statement's date: the registry about its countries
(the prologue of every date-aware rule: `dated_paragraph`, or `header_day` for the names), and
the days it may be dated for the profile's dated conventions. Shared by the date-aware rules;
not a rule itself (its name starts with `_`)."""

from __future__ import annotations

import datetime as dt
import re

from statement_lint.model import AlignmentParagraph
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


# The header date is the day the statement was circulated; its alignment paragraph reflects
# the day it was delivered, which may be earlier: delivered on the morning of a European Council
# decision (both on Thursdays), circulated the next day, revised (Rev.1) a week or two later.
# What held on any day of this window, ending on the header date, is not reported.
GRACE = dt.timedelta(days=14)
# The first and the last day of the grace window.
Window = tuple[dt.date, dt.date]


def header_day(ctx: Context) -> dt.date | None:
    """The header date, when it is a real day and there is a registry to judge it by."""
    date = ctx.statement.date if ctx.statement else None
    if date is None or date.value is None or ctx.registry is None:
        return None
    return date.value


def statement_day(ctx: Context) -> dt.date | None:
    """The header date, when the registry covers it; date-aware rules are silent otherwise."""
    day = header_day(ctx)
    return day if day is not None and ctx.registry.covers(day) else None


def statement_window(ctx: Context) -> Window | None:
    """The days the alignment paragraph may speak for: from GRACE before the header date to the
    header date, not before the registry's record begins; None when the registry does not
    cover the header date (the date-aware rules are silent then)."""
    day = statement_day(ctx)
    if day is None or ctx.registry is None:
        return None
    return max(day - GRACE, ctx.registry.coverage.valid_from), day


def dated_paragraph(ctx: Context) -> tuple[AlignmentParagraph, Window] | None:
    """The alignment paragraph and the days it may speak for (`statement_window`): the prologue
    of the date-aware alignment rules, which are silent when either is missing."""
    alignment = ctx.statement.alignment if ctx.statement else None
    window = statement_window(ctx) if alignment is not None else None
    return (alignment, window) if window is not None else None


def held_over(
    ctx: Context, country_id: str | None, window: Window
) -> tuple[CountryFacts, list[Status]] | None:
    """The statuses a country held over the window, in order (the last is the header date's);
    None when the registry does not cover the country then, or asserts nothing on some day of
    the window (a span of doubt)."""
    facts = ctx.registry.facts(country_id) if ctx.registry else None
    if facts is None:
        return None
    first, last = window
    held: list[Status] = []
    day = first
    while day <= last:
        status = facts.status_on(day)
        if status is None:
            return None
        held.append(status)
        if status.valid_to is None:
            break
        day = status.valid_to + dt.timedelta(days=1)
    return facts, held


def since(ctx: Context, facts: CountryFacts, status: Status) -> str | None:
    """`since 16 or 17 December 2005`, when the country stood in the status's slot over the
    whole grace window; None when that began within it (a message then gives no day: never
    the statement's own), or before the registry's record."""
    window = statement_window(ctx)
    began = facts.began(status)
    if window is None or began is None or began[1] > window[0]:
        return None
    return facts.since(status)


def never_sap(ctx: Context, country_id: str | None) -> tuple[CountryFacts, Status] | None:
    """The country's facts and its status on the header date when it was outside the
    Stabilisation and Association Process on every day of the window (its SAP marker is
    wrong: ALN009); None otherwise, or when that is not known."""
    window = statement_window(ctx)
    held = held_over(ctx, country_id, window) if window else None
    if held is None or any(status.sap for status in held[1]):
        return None
    return held[0], held[1][-1]


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
