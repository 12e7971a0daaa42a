from statement_lint.facts import long_date
from statement_lint.model import Severity
from statement_lint.rules import Context, Finding, rule


@rule("ALN006", "outdated-country-name", Severity.WARNING)
def outdated_country_name(ctx: Context):
    """A country name that was not in use on the statement's date.

    ## What it checks
    That each name in the alignment paragraph and its footnotes was in use on the header date,
    by the dates the registry gives for official names (`the former Yugoslav Republic of
    Macedonia` until 11 February 2019, `North Macedonia` from 12 February 2019): a name no
    longer in use, or not yet. Without a valid header date the rule stays silent.

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
    date = statement.date
    if statement.alignment is None or date is None or date.value is None or ctx.registry is None:
        return
    day = date.value
    mentions = list(statement.alignment.countries)
    for footnote in statement.footnotes:
        mentions.extend(footnote.countries)
    for mention in mentions:
        facts = ctx.registry.facts(mention.country_id)
        record = facts.name(mention.alias) if facts and mention.alias else None
        if record is None:
            continue
        if record.valid_to is not None and day > record.valid_to:
            when = (
                f"was no longer in use on {date.text} (in use until {long_date(record.valid_to)})"
            )
        elif record.valid_from is not None and day < record.valid_from:
            when = f"was not yet in use on {date.text} (in use from {long_date(record.valid_from)})"
        else:
            continue
        current = next(
            (
                n.name
                for n in facts.names
                if (n.valid_from is None or n.valid_from <= day)
                and (n.valid_to is None or day <= n.valid_to)
            ),
            None,
        )
        advice = f": write {current}" if current else ""
        yield Finding(mention.span, f"{mention.written} {when}{advice}")
