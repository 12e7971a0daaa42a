import datetime as dt

from statement_lint.diagnostic import Severity
from statement_lint.model import Statement, one_line
from statement_lint.rules import Context, Finding, rule
from statement_lint.rules._alignment import correct_alignment, footnote_countries
from statement_lint.rules._dated import dated_paragraph, held_over, needs_marker, sap_marker, since

# Before this day the marker was not applied consistently (older web copies and statements
# carry none at all): a paragraph without any marker and without any footnote is not judged.
MARKERS_CONSISTENT_FROM = dt.date(2010, 1, 1)


@rule("ALN010", "sap-country-not-marked", Severity.ERROR)
def sap_country_not_marked(ctx: Context):
    """A candidate in the Stabilisation and Association Process has no marker, in the paragraph
    or in the footnote.

    ## What it checks
    That a country which, on the statement's date, was a candidate in the Stabilisation and
    Association Process (by the registry) carries the marker when it stands among the
    candidate countries. When the footnote names it, ALN002 reports the missing marker
    instead; this rule catches the slip that is consistent with itself: marker and footnote
    entry both missing. The header date is the circulation date, and the paragraph may reflect
    the day the statement was delivered, or the day of its first version: a country that did
    not need the marker on some day of the grace window, the 14 days up to the header date, is
    not reported. Before 1 January 2010 the marker was not applied consistently (older web
    copies and statements carry none): a paragraph dated before then with no marker at all and
    no footnote at all is not judged.

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
    dated = dated_paragraph(ctx)
    if dated is None or _unmarked_before_2010(statement):
        return
    alignment, window = dated
    in_footnotes = {named.country_id for named in footnote_countries(statement)}
    marker = sap_marker(ctx)
    for country in alignment.countries:
        if country.marker == marker or country.slot != "candidate":
            continue
        if country.country_id in in_footnotes:
            continue
        known = held_over(ctx, country.country_id, window)
        if known is None:
            continue
        facts, held = known
        if not all(needs_marker(status) and status.slot == "candidate" for status in held):
            continue
        written = one_line(country.written)
        when = since(ctx, facts, held[-1]) or "on that date"
        yield Finding(
            country.span,
            f"{written} has been a candidate country in the Stabilisation and "
            f"Association Process {when}: write {written}* and name it in the footnote",
            suggestion=correct_alignment(ctx),
        )


def _unmarked_before_2010(statement: Statement) -> bool:
    """A paragraph dated before 2010 with no marker at all and no footnote at all."""
    day = statement.date.value if statement.date else None
    return (
        day is not None
        and day < MARKERS_CONSISTENT_FROM
        and not statement.footnotes
        and all(country.marker is None for country in statement.alignment.countries)
    )
