from statement_lint.diagnostic import Severity
from statement_lint.model import quoted
from statement_lint.rules import Context, Finding, rule


@rule("LNG003", "contradictory-language-marker", Severity.ERROR)
def contradictory_language_marker(ctx: Context):
    """The language marker contradicts itself.

    ## What it checks
    That a translation marker names two different languages (`ENGLISH Original: ENGLISH` is
    no translation), and that `only` (one language, no translations) is not combined with
    `Original:` (there are translations).

    ## Why
    A contradictory marker leaves delegations unsure whether an authoritative original in
    another language exists.

    ## Failing example
        ENGLISH Original: ENGLISH
        ENGLISH only Original: ENGLISH

    ## Passing example
        GERMAN Original: ENGLISH
    """
    for marker in ctx.statement.language_markers:
        if marker.contradiction:
            yield Finding(
                marker.span,
                f"contradictory language marker {quoted(marker.text)}: {marker.contradiction}",
            )
