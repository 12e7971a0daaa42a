from statement_lint.diagnostic import Severity
from statement_lint.rules import Context, Finding, rule
from statement_lint.rules.doc004_no_statement_header import has_header


@rule("REF001", "missing-reference", Severity.ERROR)
def missing_reference(ctx: Context):
    """The header carries no document symbol.

    ## What it checks
    That the header block has a document symbol such as `PC.DEL/80/21/Rev.1`, on its own line
    or embedded in the disclaimer as PDF extraction leaves it. Symbols cited in body sentences
    (`as stated in PC.DEL/45/21`) are not the document's own and do not count.

    ## Why
    The symbol is how the document is found, cited and archived; a statement circulated
    without one cannot be referred to.

    A text with no header at all is reported once, by DOC004, and not here.

    ## Failing example
        22 February 2021
        ENGLISH only
        The OSCE Secretariat bears no responsibility ...

    ## Passing example
        PC.DEL/80/21
        22 February 2021
        ENGLISH only
        The OSCE Secretariat bears no responsibility ...
    """
    statement = ctx.statement
    if has_header(statement) and not statement.symbols:
        yield Finding(
            statement.header_start,
            "no document symbol in the header: add one such as PC.DEL/80/21",
        )
