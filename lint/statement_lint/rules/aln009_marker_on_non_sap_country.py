from statement_lint.diagnostic import Severity
from statement_lint.model import one_line
from statement_lint.rules import Context, Finding, rule
from statement_lint.rules._alignment import correct_alignment
from statement_lint.rules._dated import SLOT_WORDS, dated_paragraph, never_sap, sap_marker, since


@rule("ALN009", "marker-on-non-sap-country", Severity.ERROR)
def marker_on_non_sap_country(ctx: Context):
    """A country outside the Stabilisation and Association Process carries the SAP marker.

    ## What it checks
    That a country marked `*` in the alignment paragraph was part of the Stabilisation and
    Association Process on the statement's date, by the registry. It is reported instead of
    ALN001 for that country. The header date is the circulation date, and the paragraph may
    reflect the day the statement was delivered, or the day of its first version: a marker that
    was right on any day of the grace window, the 14 days up to the header date, is not
    reported. Silent without a header date, before the registry's record begins (1 May 2004),
    and in its spans of doubt; after the day its facts were last checked, the last known
    statuses hold.

    ## Why
    The marker says the country is in the Process (the Western Balkans); on UKRAINE or TURKEY
    it states something false about that country's relations with the EU.

    ## Failing example
        PC.DEL/1544/23
        16 November 2023
        ...
        The Candidate Countries NORTH MACEDONIA*, MONTENEGRO*, ALBANIA*, UKRAINE* ...

    ## Passing example
        The Candidate Countries NORTH MACEDONIA*, MONTENEGRO*, ALBANIA*, UKRAINE ...
    """
    dated = dated_paragraph(ctx)
    if dated is None:
        return
    alignment, _ = dated
    marker = sap_marker(ctx)
    for country in alignment.countries:
        if country.marker != marker:
            continue
        known = never_sap(ctx, country.country_id)
        if known is None:
            continue
        facts, status = known
        written = one_line(country.written)
        began = since(ctx, facts, status)
        held = (
            f"it has been {SLOT_WORDS[status.slot]} {began}"
            if began
            else f"it is {SLOT_WORDS[status.slot]} on the statement's date"
        )
        yield Finding(
            country.span,
            f"{written} carries the marker {country.marker}, but it is not in the "
            f"Stabilisation and Association Process: {held}; remove the marker",
            suggestion=correct_alignment(ctx),
        )
