from statement_lint.model import Severity
from statement_lint.rules import Context, Finding, rule


@rule("LNG001", "missing-language-marker", Severity.ERROR)
def missing_language_marker(ctx: Context):
    """The header carries no language marker.

    ## What it checks
    That the header has a language marker: `ENGLISH only` (circulated in one language),
    `Original: ENGLISH` (the original of a translated document) or `GERMAN Original: ENGLISH`
    (a translation).

    ## Why
    The marker tells delegations whether translations exist and which text is authoritative.

    ## Failing example
        PC.DEL/80/21
        22 February 2021
        The OSCE Secretariat bears no responsibility ...

    ## Passing example
        PC.DEL/80/21
        22 February 2021
        ENGLISH only
    """
    statement = ctx.statement
    if not statement.language_markers:
        yield Finding(
            statement.header_start,
            "no language marker in the header: add one such as ENGLISH only",
        )
