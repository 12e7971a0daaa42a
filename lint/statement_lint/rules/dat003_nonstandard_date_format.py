from statement_lint.diagnostic import Severity
from statement_lint.model import quoted
from statement_lint.rules import Context, Finding, replace_with, rule


@rule("DAT003", "nonstandard-date-format", Severity.ERROR, fixable=True)
def nonstandard_date_format(ctx: Context):
    """The header date is a real date written in another format than `8 July 2021`.

    ## What it checks
    That the header date is written as day (no leading zero, no ordinal), full English month
    name, four-digit year, with no comma. The message gives the standard form.

    ## Why
    OSCE Conference Services circulate every document with its date in this one form; a
    statement that deviates looks unofficial and sorts wrongly in archives.

    ## Failing example
        July 8, 2021
        08.07.2021
        8th July 2021
        8 Jul 2021
        8 July, 2021
        08 July 2021

    ## Passing example
        8 July 2021

    ## Fix
    `--fix` rewrites the date in the standard form (`July 8, 2021` -> `8 July 2021`).
    """
    for date in ctx.statement.dates:
        if date.value is not None and not date.standard:
            yield Finding(
                date.span,
                f"date {quoted(date.text)} is not in the standard form: write {date.standard_form}",
                fix=replace_with(date.span, date.standard_form),
            )
