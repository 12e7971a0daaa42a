from statement_lint.diagnostic import Fix, Severity
from statement_lint.rules import Context, Finding, rule

_SHOWN = 3


@rule("DSC002", "altered-disclaimer", Severity.ERROR, fixable=True)
def altered_disclaimer(ctx: Context):
    """The disclaimer is there, but a word is changed, missing or added.

    ## What it checks
    That the disclaimer is word for word the canonical text. Whitespace and line breaks,
    hyphenation at line ends, curly or straight quotes, punctuation, case, and header tokens
    (symbol, date, `OSCE+`, language marker) interleaved between its words are not
    alterations. The message names each difference; it is reported once, at the first.

    ## Why
    The disclaimer is a fixed formula of the Secretariat; an edited disclaimer changes what the
    Secretariat is said to take responsibility for.

    ## Failing example
        The OSCE Secretariat bears no responsibility for the content of this document and
        circulates it without changing its content. ...

    ## Passing example
        The OSCE Secretariat bears no responsibility for the content of this document and
        circulates it without altering its content. ...

    ## Fix
    When every difference is a changed or missing word, `--fix` puts the canonical words back
    in place, keeping the line layout and any header tokens between the words. Added words are
    left to a person.
    """
    disclaimer = ctx.statement.disclaimer
    if disclaimer is None or not disclaimer.differences:
        return
    described = []
    for difference in disclaimer.differences[:_SHOWN]:
        if difference.kind == "changed":
            described.append(f"'{difference.found}' instead of '{difference.expected}'")
        elif difference.kind == "missing":
            described.append(f"'{difference.expected}' is missing")
        else:
            described.append(f"'{difference.found}' was added")
    more = len(disclaimer.differences) - _SHOWN
    if more > 0:
        described.append(f"and {more} more difference{'s' if more > 1 else ''}")
    every = "; ".join(f"{d.kind}:{d.expected}:{d.found}" for d in disclaimer.differences)
    fix = None
    edits = [edit for d in disclaimer.differences for edit in d.edits]
    if all(d.kind in ("changed", "missing") and d.edits for d in disclaimer.differences):
        fix = Fix(message="restore the canonical wording", edits=edits)
    yield Finding(
        disclaimer.differences[0].span,
        f"altered disclaimer: {'; '.join(described)}",
        subject=every,
        fix=fix,
    )
