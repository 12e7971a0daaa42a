from statement_lint.model import Severity, one_line
from statement_lint.rules import Context, Finding, rule
from statement_lint.rules._dated import needs_marker, sap_marker, statement_day, status_on


@rule("ALN010", "sap-country-not-marked", Severity.ERROR)
def sap_country_not_marked(ctx: Context):
    """A candidate in the Stabilisation and Association Process has no marker, in the paragraph
    or in the footnote.

    ## What it checks
    That a country which, on the statement's date, was a candidate in the Stabilisation and
    Association Process (by the registry) carries the marker when it stands among the
    candidate countries. When the footnote names it, ALN002 reports the missing marker
    instead; this rule catches the slip that is consistent with itself: marker and footnote
    entry both missing.

    ## Why
    If ALBANIA lacks its `*` in both the paragraph and the footnote, nothing is inconsistent,
    yet Albania has been a candidate in the Process since June 2014 and must carry it.

    ## Failing example
        PC.DEL/1544/23
        16 November 2023
        ...
        The Candidate Countries NORTH MACEDONIA*, MONTENEGRO*, ALBANIA, UKRAINE ...
        * North Macedonia and Montenegro continue to be part of the Stabilisation and
        Association Process.

    ## Passing example
        The Candidate Countries NORTH MACEDONIA*, MONTENEGRO*, ALBANIA*, UKRAINE ...
        * North Macedonia, Montenegro and Albania continue to be part of the Stabilisation
        and Association Process.
    """
    statement = ctx.statement
    day = statement_day(ctx)
    if statement.alignment is None or day is None:
        return
    in_footnotes = {c.country_id for note in statement.footnotes for c in note.countries}
    marker = sap_marker(ctx)
    for country in statement.alignment.countries:
        if country.marker == marker or country.slot != "candidate":
            continue
        if country.country_id in in_footnotes:
            continue
        known = status_on(ctx, country.country_id, day)
        if known is None or not needs_marker(known[1]) or known[1].slot != "candidate":
            continue
        facts, status = known
        written = one_line(country.written)
        when = facts.since(status) or "on that date"
        yield Finding(
            country.span,
            f"{written} has been a candidate country in the Stabilisation and "
            f"Association Process {when}: write {written}* and name it in the footnote",
        )
