from statement_lint.diagnostic import Severity
from statement_lint.model import quoted
from statement_lint.rules import Context, Finding, rule
from statement_lint.rules._alignment import correct_alignment, paragraph_countries


@rule("ALN004", "missing-footnote", Severity.ERROR)
def missing_footnote(ctx: Context):
    """A marker is used with no footnote to carry it, or a footnote's marker is used nowhere.

    ## What it checks
    That each marker used in the alignment paragraph (`*`) has a footnote that starts with it,
    and that each footnote's marker is attached to at least one country in the paragraph.

    ## Why
    A marker without its footnote leaves the reader with an unexplained asterisk; a footnote
    without markers no longer says which countries it is about.

    ## Failing example
        The Candidate Countries NORTH MACEDONIA*, MONTENEGRO* and ALBANIA* align themselves
        with this statement.
        (no footnote)

    ## Passing example
        The Candidate Countries NORTH MACEDONIA*, MONTENEGRO* and ALBANIA* align themselves
        with this statement.
        * North Macedonia, Montenegro and Albania continue to be part of the Stabilisation
        and Association Process.
    """
    statement = ctx.statement
    if statement.alignment is None:
        return
    reported = set()
    for country in paragraph_countries(statement):
        marker = country.marker
        if marker and marker not in reported and statement.footnote_with(marker) is None:
            reported.add(marker)
            yield Finding(
                country.span,
                f"the marker {marker} (first on {quoted(country.written)}) has no footnote: "
                f"add the footnote '{marker} ... {ctx.profile.alignment.footnote_phrase}.'",
                suggestion=correct_alignment(ctx),
            )
    used = {country.marker for country in paragraph_countries(statement)}
    for footnote in statement.footnotes:
        if footnote.marker not in used:
            yield Finding(
                footnote.span,
                f"the footnote {footnote.marker} is attached to no country in the alignment "
                "paragraph: mark its countries or remove it",
                suggestion=correct_alignment(ctx),
            )
