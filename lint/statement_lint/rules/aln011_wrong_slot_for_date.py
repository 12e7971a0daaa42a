import datetime as dt

from statement_lint.diagnostic import Severity
from statement_lint.model import one_line
from statement_lint.reference.common import day_span, long_date
from statement_lint.reference.registry import CountryFacts, Status
from statement_lint.rules import Context, Finding, rule
from statement_lint.rules._alignment import correct_alignment
from statement_lint.rules._dated import SLOT_PLACES, SLOT_WORDS, dated_paragraph, held_over, since


@rule("ALN011", "wrong-slot-for-date", Severity.ERROR)
def wrong_slot_for_date(ctx: Context):
    """A country stands in a slot of the alignment paragraph it did not hold on the statement's
    date.

    ## What it checks
    That each country's slot (acceding, candidate, Stabilisation and Association Process
    potential candidate, EFTA/EEA, "as well as") is the one the registry gives for the header
    date, and that no EU member aligns. The header date is the circulation date, and the
    paragraph may reflect the day the statement was delivered, or the day of its first version
    (a statement delivered on the morning of a European Council decision, circulated the next
    day, revised days later): a slot the country held on any day of the grace window, the 14
    days up to the header date, is not reported. The message says what the registry holds and
    since when (the day the status began, as precisely as the sources give it). Silent without a
    header date, before the registry's record begins (1 May 2004), in its spans of doubt, and
    for countries the registry does not cover; after the day its facts were last checked, the
    last known statuses hold.

    ## Why
    Statuses change: UKRAINE became a candidate on 23 June 2022, GEORGIA on 14 December 2023,
    CROATIA joined the EU on 1 July 2013. A paragraph copied from an older or newer statement
    puts a country where it did not stand.

    ## Failing example
        PC.DEL/1010/21
        8 July 2021
        ...
        The Candidate Countries NORTH MACEDONIA*, MONTENEGRO*, ALBANIA* and UKRAINE ...

    ## Passing example
        PC.DEL/1010/21
        8 July 2021
        ...
        The Candidate Countries NORTH MACEDONIA*, MONTENEGRO* and ALBANIA* ..., as well as
        UKRAINE ... align themselves with this statement.
    """
    statement = ctx.statement
    dated = dated_paragraph(ctx)
    if dated is None:
        return
    alignment, window = dated
    when = f"this statement is dated {one_line(statement.date.text)}"
    for country in alignment.countries:
        known = held_over(ctx, country.country_id, window) if country.slot else None
        if known is None or any(status.slot == country.slot for status in known[1]):
            continue
        facts, held = known
        written = one_line(country.written)
        if len({status.slot for status in held}) > 1:
            message = _changed_in_window(written, held, when)
        else:
            began = since(ctx, facts, held[-1])
            message = _held(written, country.slot, facts, held[-1], window[1], when, began)
        yield Finding(country.span, message, suggestion=correct_alignment(ctx))


def _held(
    written: str,
    slot: str,
    facts: CountryFacts,
    status: Status,
    day: dt.date,
    dated: str,
    since: str | None,
) -> str:
    """The message for a country that held one slot, not its own, over the whole window."""
    later = next(
        (s for s in facts.statuses if s.starts and s.starts > day and s.slot == slot),
        None,
    )
    earlier = any(
        s.valid_to is not None and s.valid_to < day and s.slot == slot for s in facts.statuses
    )
    if later is not None and not earlier:
        explanation = (
            f"{written} became {SLOT_WORDS[later.slot]} on "
            f"{day_span(later.starts, later.valid_from)}; {dated}"
        )
    elif since:
        explanation = f"{written} has been {SLOT_WORDS[status.slot]} {since}; {dated}"
    else:
        explanation = f"{written} is {SLOT_WORDS[status.slot]} on the statement's date"
    return f"{explanation}: {_advice([status.slot])}"


def _changed_in_window(written: str, held: list[Status], dated: str) -> str:
    """The message for a country whose status changed in the window, and whose slot is none
    of those it held then: either of them is right."""
    after = held[-1]
    before = next(status for status in reversed(held) if status.slot != after.slot)
    explanation = (
        f"{written} was {SLOT_WORDS[before.slot]} until {long_date(before.valid_to)}, then "
        f"{SLOT_WORDS[after.slot]}; {dated}"
    )
    return f"{explanation}: {_advice([before.slot, after.slot])}"


def _advice(slots: list[str]) -> str:
    places = [f"list it {SLOT_PLACES[slot]}" for slot in slots if slot != "eu-member"]
    if "eu-member" in slots:
        places.append("remove it from the paragraph")
    return ", or ".join(places)
