from statement_lint.diagnostic import Severity
from statement_lint.model import one_line
from statement_lint.reference.common import day_span
from statement_lint.rules import Context, Finding, rule
from statement_lint.rules._alignment import all_countries
from statement_lint.rules._dated import GRACE, header_day


@rule("ALN006", "outdated-country-name", Severity.WARNING)
def outdated_country_name(ctx: Context):
    """A country name that was not in use on the statement's date.

    ## What it checks
    That each name in the alignment paragraph and its footnotes was in use on the header date,
    by the dates the registry gives for official names (`the former Yugoslav Republic of
    Macedonia` until 11 February 2019, `North Macedonia` from 12 February 2019): a name no
    longer in use, or not yet. The header date is the circulation date, and the paragraph may
    reflect the day the statement was delivered, or the day of its first version: a name in use
    on any day of the grace window, the 14 days up to the header date, is not reported.
    Without a valid header date the rule stays silent.

    ## Why
    Statements are drafted from earlier ones; an old name carried over is a diplomatic slip.

    ## Failing example
        PC.DEL/210/20
        3 March 2020
        ...
        The Candidate Countries the former Yugoslav Republic of Macedonia*, ...

    ## Passing example
        PC.DEL/210/20
        3 March 2020
        ...
        The Candidate Countries REPUBLIC of NORTH MACEDONIA*, ...
    """
    statement = ctx.statement
    day = header_day(ctx)
    if statement.alignment is None or day is None:
        return
    earliest = day - GRACE  # the first day of the grace window
    written_date = one_line(statement.date.text)
    for mention in all_countries(statement):
        facts = ctx.registry.facts(mention.country_id)
        record = facts.name(mention.alias) if facts and mention.alias else None
        if record is None:
            continue
        first = record.from_earliest or record.valid_from
        last = record.to_latest or record.valid_to
        if last is not None and earliest > last:  # out of use over the whole window
            until = day_span(record.valid_to or last, last)
            when = f"was no longer in use on {written_date} (in use until {until})"
        elif first is not None and day < first:
            since = day_span(first, record.valid_from or first)
            when = f"was not yet in use on {written_date} (in use from {since})"
        else:
            continue
        current = next((n.name for n in facts.names if n.in_use_on(day)), None)
        advice = f": write {current}" if current else ""
        yield Finding(mention.span, f"{one_line(mention.written)} {when}{advice}")
