from statement_lint.model import Severity, quoted
from statement_lint.rules import Context, Finding, rule


@rule("REF004", "conflicting-references", Severity.ERROR)
def conflicting_references(ctx: Context):
    """The header carries two different document symbols.

    ## What it checks
    That every symbol in the header block is the same. A symbol repeated identically (as on
    each page of some extractions) is fine; two different ones are reported at the second.

    ## Why
    Two symbols in one header usually mean a template was reused and only one of its symbols
    was updated; the archive would file the statement under the wrong one.

    ## Failing example
        PC.DEL/80/21
        PC.DEL/81/21
        22 February 2021

    ## Passing example
        PC.DEL/80/21
        22 February 2021
    """
    symbols = sorted(ctx.statement.symbols, key=lambda s: s.span.start)
    first = None
    for symbol in symbols:
        text = symbol.text.rstrip("*")
        if first is None:
            first = symbol
        elif text != first.text.rstrip("*"):
            yield Finding(
                symbol.span,
                f"the header carries two document symbols: {quoted(first.text)} "
                f"(line {first.span.line}) and {quoted(symbol.text)}; keep the right one",
            )
            return
