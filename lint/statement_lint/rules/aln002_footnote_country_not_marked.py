from statement_lint.diagnostic import Edit, Fix, Severity
from statement_lint.model import CountryMention
from statement_lint.rules import Context, Finding, rule
from statement_lint.rules._alignment import correct_alignment, footnoted

MARKER_CHARACTERS = ("*", "+", "†")


@rule("ALN002", "footnote-country-not-marked", Severity.ERROR, fixable=True)
def footnote_country_not_marked(ctx: Context):
    """The footnote names a country that stands in the alignment paragraph without the marker.

    ## What it checks
    That every country named in a footnote carries that footnote's marker wherever it is listed
    in the alignment paragraph. The diagnostic points at the unmarked name in the paragraph.

    ## Why
    This is the slip the linter was built for: in PC.DEL/80/21/Rev.1 ALBANIA is named in the
    Stabilisation and Association Process footnote but has no `*` in the paragraph, so the
    circulated text says something about Albania's status that its authors did not mean.

    ## Failing example
        The Candidate Countries REPUBLIC of NORTH MACEDONIA*, MONTENEGRO*, SERBIA* and
        ALBANIA and the EFTA countries ...
        * Republic of North Macedonia, Montenegro, Serbia and Albania continue to be part of
        the Stabilisation and Association Process.

    ## Passing example
        The Candidate Countries REPUBLIC of NORTH MACEDONIA*, MONTENEGRO*, SERBIA* and
        ALBANIA* and the EFTA countries ...
        * Republic of North Macedonia, Montenegro, Serbia and Albania continue to be part of
        the Stabilisation and Association Process.

    ## Fix
    `--fix` adds the footnote's marker right after the name in the paragraph.
    """
    for footnote, _, listed in footnoted(ctx.statement):
        if listed and all(entry.marker is None for entry in listed):
            entry = listed[0]
            yield Finding(
                entry.span,
                f"{entry.written} is named in the footnote {footnote.marker} "
                f"({ctx.document.place(footnote.span)}) but has no {footnote.marker} in the "
                f"alignment paragraph: {_advice(entry.written, footnote.marker)}",
                fix=_fix(ctx, entry, footnote.marker),
                suggestion=correct_alignment(ctx),
            )


def _advice(written: str, marker: str) -> str:
    if marker.startswith("["):  # a numbered note: `Croatia [1]`, `Croatia1` or `Croatia¹`
        return f"add the note number after {written}, as after the other countries it names"
    return f"write {written}{marker}"


def _fix(ctx: Context, entry: CountryMention, marker: str) -> Fix | None:
    # `ALBANIA*1` is a name with a note number: a marker put before it would be read as part
    # of that note again; leave it to a person. A numbered note is referred to as the
    # document does it (` [1]`, `1`, `¹`): leave that to a person too.
    following = ctx.document.text[entry.span.end : entry.span.end + 1]
    if following in MARKER_CHARACTERS or marker.startswith("["):
        return None
    return Fix(
        message=f"add {marker} after {entry.written}",
        edits=[Edit(start=entry.span.end, end=entry.span.end, content=marker)],
    )
