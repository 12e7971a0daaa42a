from statement_lint.model import Severity, one_line
from statement_lint.reference.common import day_span
from statement_lint.rules import Context, Finding, rule
from statement_lint.rules._dated import SLOT_PLACES, SLOT_WORDS, statement_day, status_on


@rule("ALN011", "wrong-slot-for-date", Severity.ERROR)
def wrong_slot_for_date(ctx: Context):
    """A country stands in a slot of the alignment paragraph it did not hold on the statement's
    date.

    ## What it checks
    That each country's slot (acceding, candidate, Stabilisation and Association Process
    potential candidate, EFTA/EEA, "as well as") is the one the registry gives for the header
    date, and that no EU member aligns. The message says what the registry holds and since
    when (the day the status began, as precisely as the sources give it). Silent without a
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
    day = statement_day(ctx)
    if statement.alignment is None or day is None:
        return
    dated = f"this statement is dated {one_line(statement.date.text)}"
    for country in statement.alignment.countries:
        known = status_on(ctx, country.country_id, day)
        if known is None or country.slot is None or known[1].slot == country.slot:
            continue
        facts, status = known
        written = one_line(country.written)
        later = next(
            (s for s in facts.statuses if s.starts and s.starts > day and s.slot == country.slot),
            None,
        )
        earlier = any(
            s.valid_to is not None and s.valid_to < day and s.slot == country.slot
            for s in facts.statuses
        )
        since = facts.since(status)
        if later is not None and not earlier:
            explanation = (
                f"{written} became {SLOT_WORDS[later.slot]} on "
                f"{day_span(later.starts, later.valid_from)}; {dated}"
            )
        elif since:
            explanation = f"{written} has been {SLOT_WORDS[status.slot]} {since}; {dated}"
        else:
            explanation = f"{written} is {SLOT_WORDS[status.slot]} on the statement's date"
        if status.slot == "eu-member":
            advice = "remove it from the paragraph"
        else:
            advice = f"list it {SLOT_PLACES[status.slot]}"
        yield Finding(country.span, f"{explanation}: {advice}")
