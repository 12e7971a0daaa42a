from statement_lint.diagnostic import Severity
from statement_lint.model import quoted
from statement_lint.rules import Context, Finding, rule


@rule("REF004", "conflicting-references", Severity.ERROR)
def conflicting_references(ctx: Context):
    """The header carries two different document symbols.

    ## What it checks
    That every symbol in the header block is the same. A symbol repeated identically (as on
    each page of some extractions) is fine; two different ones are reported at the second.
    Symbols cited in the body are not the header's, even on lines of their own beside a date
    (a row of an annex table, `PC.DEL/520/22` / `14 April 2022`): in the middle of a text, only
    a group of header tokens holding a language marker is a header.

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
            if symbol.span.line - first.span.end_line <= _ONE_BLOCK:
                where = "the header carries two document symbols"
            else:  # a second header-like block (a copy of the header at the end, say)
                where = "two header blocks carry different document symbols"
            yield Finding(
                symbol.span,
                f"{where}: {quoted(first.text)} ({ctx.document.place(first.span)}) and "
                f"{quoted(symbol.text)}; a statement has one symbol: correct the wrong one",
            )
            return


# Symbols at most this many lines apart stand in one header block (blank lines between
# wrapped lines included).
_ONE_BLOCK = 10
