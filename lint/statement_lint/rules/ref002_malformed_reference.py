from statement_lint.diagnostic import Severity
from statement_lint.model import quoted
from statement_lint.rules import Context, Finding, rule


@rule("REF002", "malformed-reference", Severity.ERROR)
def malformed_reference(ctx: Context):
    """A document symbol in the header breaks the symbol grammar.

    ## What it checks
    That the header's symbol has the shape `BODY.TYPE/NUMBER/YY[/Rev.n|/Corr.n|/Add.n]`: a
    known body and type in capitals joined by a full stop, a number without leading zeros, a
    two-digit year where the type needs one, and suffixes written `Rev.1`, `Corr.1`, `Add.1`.
    The message says what is wrong and, when it is certain, how to write it.

    ## Why
    Symbols are typed by hand and copied between drafts. `PC.DEL/80/2021` or `PC.Del/80/21`
    will not be found by anyone searching the OSCE document system for `PC.DEL/80/21`.

    ## Failing example
        PC.DEL/80/2021
        PC DEL/80/21
        PC.Del/80/21
        PC.DEL/080/21
        PC.DEL/80/21/Rev1

    ## Passing example
        PC.DEL/80/21/Rev.1
    """
    for symbol in ctx.statement.symbols:
        if symbol.problems:
            advice = f"; write {quoted(symbol.corrected)}" if symbol.corrected else ""
            problems = "; ".join(symbol.problems)
            yield Finding(
                symbol.span, f"malformed document symbol {quoted(symbol.text)}: {problems}{advice}"
            )
