from statement_lint.model import Severity, quoted
from statement_lint.rules import Context, Finding, rule


@rule("REF003", "reference-year-mismatch", Severity.ERROR)
def reference_year_mismatch(ctx: Context):
    """The symbol's two-digit year differs from the year of the header date.

    ## What it checks
    That the `YY` of a symbol such as `PC.DEL/80/21` is the year of the header date. Only a
    well-formed year and a real date are compared; other slips are reported by REF002 and
    DAT002.

    ## Why
    Symbols are numbered per year. A year that does not match the date is usually a symbol or
    a date copied from an older statement.

    ## Failing example
        PC.DEL/80/20
        22 February 2021

    ## Passing example
        PC.DEL/80/21
        22 February 2021
    """
    statement = ctx.statement
    symbol = next((s for s in statement.symbols if s.year is not None), None)
    date = statement.date
    if symbol is None or date is None or date.value is None:
        return
    if symbol.year != date.value.year:
        yield Finding(
            symbol.span,
            f"document symbol {quoted(symbol.text)} is of {symbol.year}, but the header date "
            f"{quoted(date.text)} is in {date.value.year}",
        )
