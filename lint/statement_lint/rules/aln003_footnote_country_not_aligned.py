from statement_lint.diagnostic import Severity
from statement_lint.rules import Context, Finding, rule
from statement_lint.rules._alignment import correct_alignment, footnoted


@rule("ALN003", "footnote-country-not-aligned", Severity.ERROR)
def footnote_country_not_aligned(ctx: Context):
    """The footnote names a country that the alignment paragraph does not list at all.

    ## What it checks
    That every country in a footnote is one of the countries listed in the alignment paragraph.

    ## Why
    A footnote country that does not align is usually a leftover from the statement used as a
    template (SERBIA, which often does not align since 2022, is the typical case); it states
    that a country aligned when it did not.

    ## Failing example
        The Candidate Countries NORTH MACEDONIA*, MONTENEGRO* and ALBANIA* ...
        * North Macedonia, Montenegro, Serbia and Albania continue to be part of the
        Stabilisation and Association Process.

    ## Passing example
        The Candidate Countries NORTH MACEDONIA*, MONTENEGRO* and ALBANIA* ...
        * North Macedonia, Montenegro and Albania continue to be part of the Stabilisation
        and Association Process.
    """
    for _, named, listed in footnoted(ctx.statement):
        if not listed:
            yield Finding(
                named.span,
                f"the footnote names {named.written}, which the alignment paragraph does not "
                "list: remove it from the footnote or add it to the paragraph",
                suggestion=correct_alignment(ctx),
            )
