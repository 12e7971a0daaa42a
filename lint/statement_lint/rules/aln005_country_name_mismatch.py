from statement_lint.diagnostic import Severity
from statement_lint.rules import Context, Finding, rule
from statement_lint.rules._alignment import footnoted


@rule("ALN005", "country-name-mismatch", Severity.WARNING)
def country_name_mismatch(ctx: Context):
    """The same country is named differently in the alignment paragraph and in the footnote.

    ## What it checks
    That a country named in both places uses the same name in both, ignoring case and a
    leading "the" (`REPUBLIC of NORTH MACEDONIA*` and `Republic of North Macedonia` agree;
    `NORTH MACEDONIA*` and `Republic of North Macedonia` do not).

    ## Why
    Names of countries are politically sensitive; a statement that uses two names for one
    country in adjacent lines looks careless and invites questions about which is meant.

    ## Failing example
        The Candidate Countries NORTH MACEDONIA*, MONTENEGRO* ...
        * Republic of North Macedonia and Montenegro continue to be part of ...

    ## Passing example
        The Candidate Countries NORTH MACEDONIA*, MONTENEGRO* ...
        * North Macedonia and Montenegro continue to be part of ...
    """
    for _, named, listed in footnoted(ctx.statement):
        if listed and listed[0].alias != named.alias:
            yield Finding(
                named.span,
                f"{named.written} in the footnote is {listed[0].written} in the alignment "
                f"paragraph ({ctx.document.place(listed[0].span)}): use one name in both",
            )
