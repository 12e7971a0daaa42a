from statement_lint.diagnostic import Severity
from statement_lint.rules import Context, Finding, rule
from statement_lint.rules.doc004_no_statement_header import has_header


@rule("LNG001", "missing-language-marker", Severity.ERROR)
def missing_language_marker(ctx: Context):
    """The header carries no language marker.

    ## What it checks
    That the header has a language marker: `ENGLISH only` (circulated in one language),
    `Original: ENGLISH` (the original of a translated document) or `GERMAN Original: ENGLISH`
    (a translation).

    ## Why
    The marker tells delegations whether translations exist and which text is authoritative.

    A text with no header at all is reported once, by DOC004, and not here.

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
    if has_header(statement) and not statement.language_markers:
        yield Finding(
            statement.header_start,
            "no language marker in the header: add one such as ENGLISH only",
        )
