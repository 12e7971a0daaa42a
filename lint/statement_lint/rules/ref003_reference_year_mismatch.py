import re

from statement_lint.diagnostic import Severity
from statement_lint.model import quoted
from statement_lint.regex import regex
from statement_lint.rules import Context, Finding, rule

# A revision, corrigendum or addendum keeps its base document's symbol, year included.
_REVISION = regex(r"/(?:Rev|Corr|Add)\.\d", re.IGNORECASE)


@rule("REF003", "reference-year-mismatch", Severity.ERROR)
def reference_year_mismatch(ctx: Context):
    """The symbol's two-digit year differs from the year of the header date (for a revision,
    comes after it).

    ## What it checks
    That the `YY` of a symbol such as `PC.DEL/80/21` is the year of the header date. Only a
    well-formed year and a real date are compared; other slips are reported by REF002 and
    DAT002. A revision, corrigendum or addendum (`/Rev.1`, `/Corr.1`, `/Add.1`) keeps the
    symbol of its base document, year included, and carries its own date: it may be dated in
    a later year (`PC.DEL/1650/23/Rev.1` of `8 January 2024`), and is reported only when its
    date is in a year before its symbol's.

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
    year = date.value.year
    if _REVISION.search(symbol.text):
        if year < symbol.year:
            yield Finding(
                symbol.span,
                f"document symbol {quoted(symbol.text)} revises a document of {symbol.year}, "
                f"but the header date {quoted(date.text)} is in {year}, before it",
            )
    elif symbol.year != year:
        yield Finding(
            symbol.span,
            f"document symbol {quoted(symbol.text)} is of {symbol.year}, but the header date "
            f"{quoted(date.text)} is in {year}",
        )
