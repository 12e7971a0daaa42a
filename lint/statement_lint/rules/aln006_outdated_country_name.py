from statement_lint.model import Severity
from statement_lint.rules import Context, Finding, rule


@rule("ALN006", "outdated-country-name", Severity.WARNING)
def outdated_country_name(ctx: Context):
    """A country name that was no longer in use on the statement's date.

    ## What it checks
    That each name in the alignment paragraph and its footnotes was in use on the header date,
    by the dates the gazetteer gives for each name (`the former Yugoslav Republic of
    Macedonia` until 11 February 2019). Without a valid header date the rule stays silent.

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
    if statement.alignment is None or date is None or date.value is None:
        return
    day = date.value
    mentions = list(statement.alignment.countries)
    for footnote in statement.footnotes:
        mentions.extend(footnote.countries)
    for mention in mentions:
        country = ctx.gazetteer.country(mention.country_id) if mention.country_id else None
        if country is None:
            continue
        alias = next((a for a in country.aliases if a.name == mention.alias), None)
        if alias is None or alias.valid_until is None or day <= alias.valid_until:
            continue
        current = next((a.name for a in country.aliases if a.in_use_on(day)), None)
        advice = f": write {current}" if current else ""
        yield Finding(
            mention.span,
            f"{mention.written} was no longer in use on {date.text} (in use until "
            f"{alias.valid_until.day} {alias.valid_until:%B %Y}){advice}",
        )
