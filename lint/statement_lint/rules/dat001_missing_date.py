from statement_lint.diagnostic import Severity
from statement_lint.rules import Context, Finding, rule
from statement_lint.rules.doc004_no_statement_header import has_header


@rule("DAT001", "missing-date", Severity.ERROR)
def missing_date(ctx: Context):
    """The header carries no date.

    ## What it checks
    That the header block has a circulation date (`22 February 2021`), on its own line or
    embedded in the disclaimer. Dates in body sentences (`elections on 10 January 2021`) are
    not the header's and do not count.

    ## Why
    The date is part of the citation of every circulated document, and the other date checks
    (the symbol's year, names in use on the day) depend on it.

    A text with no header at all is reported once, by DOC004, and not here.

    ## Failing example
        PC.DEL/80/21
        ENGLISH only
        The OSCE Secretariat bears no responsibility ...

    ## Passing example
        PC.DEL/80/21
        22 February 2021
        ENGLISH only
    """
    statement = ctx.statement
    if has_header(statement) and not statement.dates:
        yield Finding(
            statement.header_start,
            "no date in the header: add the circulation date, such as 22 February 2021",
        )
