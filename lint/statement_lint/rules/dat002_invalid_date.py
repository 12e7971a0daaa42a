from statement_lint.diagnostic import Severity
from statement_lint.model import quoted
from statement_lint.rules import Context, Finding, rule


@rule("DAT002", "invalid-date", Severity.ERROR)
def invalid_date(ctx: Context):
    """The header date is not a real calendar day, or its month word is unknown.

    ## What it checks
    That the header date names a day that exists (`31 June 2021` does not; nor does any day of
    the year 0000, or of a year before the first CSCE documents of 1972) and a month the
    profile knows; a misspelled month gets a suggestion (`Febuary` -> February).

    ## Why
    An impossible date cannot be corrected by a reader: it must be fixed at the source.

    ## Failing example
        31 June 2021
        22 Febuary 2021

    ## Passing example
        30 June 2021
    """
    for date in ctx.statement.dates:
        if date.value is None and date.problem:
            yield Finding(date.span, f"invalid date {quoted(date.text)}: {date.problem}")
