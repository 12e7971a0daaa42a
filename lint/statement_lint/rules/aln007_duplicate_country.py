from statement_lint.diagnostic import Severity
from statement_lint.rules import Context, Finding, rule
from statement_lint.rules._alignment import paragraph_countries


@rule("ALN007", "duplicate-country", Severity.ERROR)
def duplicate_country(ctx: Context):
    """A country is listed twice in the alignment paragraph.

    ## What it checks
    That no country appears twice in the alignment paragraph, under the same name or under two
    of its names, in the same slot or in two slots.

    ## Why
    A duplicate usually means a country was moved to a new slot (UKRAINE from "as well as" to
    the candidates in 2022) and not removed from the old one.

    ## Failing example
        The Candidate Countries MONTENEGRO*, UKRAINE and ALBANIA*, as well as UKRAINE and
        GEORGIA align themselves with this statement.

    ## Passing example
        The Candidate Countries MONTENEGRO*, UKRAINE and ALBANIA*, as well as GEORGIA align
        themselves with this statement.
    """
    first_seen = {}
    for country in paragraph_countries(ctx.statement):
        if country.country_id is None:
            continue
        first = first_seen.setdefault(country.country_id, country)
        if first is not country:
            yield Finding(
                country.span,
                f"{country.written} is listed twice in the alignment paragraph (first as "
                f"{first.written}, {ctx.document.place(first.span)}): remove one",
            )
