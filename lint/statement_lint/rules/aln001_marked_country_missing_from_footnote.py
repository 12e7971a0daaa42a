from statement_lint.diagnostic import Severity
from statement_lint.rules import Context, Finding, rule
from statement_lint.rules._alignment import correct_alignment, paragraph_countries
from statement_lint.rules._dated import never_sap, sap_marker


@rule("ALN001", "marked-country-missing-from-footnote", Severity.ERROR)
def marked_country_missing_from_footnote(ctx: Context):
    """A country carries the marker in the alignment paragraph, but the footnote does not name it.

    ## What it checks
    That every country marked `*` in the alignment paragraph is named in the footnote that
    starts with `*` (when there is no such footnote at all, ALN004 reports it instead; when the
    country was outside the Stabilisation and Association Process on the statement's date,
    ALN009 reports the marker instead).

    ## Why
    The marked set and the footnote set must be the same: the footnote says which aligning
    countries are in the Stabilisation and Association Process, and the markers point to it.

    ## Failing example
        The Candidate Countries NORTH MACEDONIA*, MONTENEGRO*, SERBIA* and ALBANIA* ...
        * North Macedonia, Montenegro and Albania continue to be part of the Stabilisation
        and Association Process.

    ## Passing example
        The Candidate Countries NORTH MACEDONIA*, MONTENEGRO*, SERBIA* and ALBANIA* ...
        * North Macedonia, Montenegro, Serbia and Albania continue to be part of the
        Stabilisation and Association Process.
    """
    statement = ctx.statement
    sap = sap_marker(ctx)
    for country in paragraph_countries(statement):
        if country.marker is None or country.country_id is None:
            continue
        if country.marker == sap and never_sap(ctx, country.country_id):
            continue  # the marker itself is wrong: ALN009 says so
        footnote = statement.footnote_with(country.marker)
        if footnote is None:
            continue
        if all(named.country_id != country.country_id for named in footnote.countries):
            yield Finding(
                country.span,
                f"{country.written} carries the marker {country.marker}, but the footnote "
                f"({ctx.document.place(footnote.span)}) does not name it: add it to the "
                "footnote or remove the marker",
                suggestion=correct_alignment(ctx),
            )
