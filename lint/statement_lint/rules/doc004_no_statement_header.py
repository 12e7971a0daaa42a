from statement_lint.diagnostic import Severity
from statement_lint.model import Statement
from statement_lint.rules import Context, Finding, rule


def has_header(statement: Statement) -> bool:
    """Whether the parser found a statement header: a document symbol, a language marker or
    the disclaimer (not one standing alone between paragraphs of the body). Without one it
    takes no date as the header's and sets no `header_start`, so that field tells."""
    return statement.header_start is not None


@rule("DOC004", "no-statement-header", Severity.ERROR)
def no_statement_header(ctx: Context):
    """No statement header was found: no document symbol, no language marker, no disclaimer.

    ## What it checks
    That the document has the header block of a circulated statement: at least one of a
    document symbol (`PC.DEL/80/21`), a language marker (`ENGLISH only`) and the Secretariat
    disclaimer, found where a header stands (on lines of their own, beside the disclaimer, or
    at the start or end of the text; not in body sentences). When none is found, this one
    diagnostic is reported instead of one for each missing part (`REF001`, `DAT001`,
    `LNG001`), and dates in the text are not taken for a header date. A disclaimer with no
    header token, standing alone between paragraphs of the body (as web copies keep it from
    the PDF), makes no header either.

    ## Why
    A text with no trace of a header is usually not a circulated statement at all: a copy of a
    web page, a speaking note, a press release. One clear diagnostic says so; a list of missing
    parts would be a guess about a document that may never have had them.

    ## Failing example
        OSCE Permanent Council No. 1460 Vienna, 8 February 2024
        EU Statement in response to the Chairperson-in-Office
        Mr Chair, ...

    ## Passing example
        PC.DEL/110/24
        9 February 2024
        ENGLISH only
        The OSCE Secretariat bears no responsibility ...
        Mr Chair, ...
    """
    statement = ctx.statement
    if has_header(statement):
        return
    symbol, marker = (
        "no document symbol (such as PC.DEL/80/21)",
        "language marker (such as ENGLISH only)",
    )
    if statement.disclaimer is None:
        found = f"{symbol}, no {marker} and no Secretariat disclaimer"
    else:
        where = ctx.document.place(statement.disclaimer.span)
        found = f"{symbol} and no {marker}, only the disclaimer alone in the body ({where})"
    yield Finding(
        None,
        f"no statement header: found {found}; the file may not be a circulated statement "
        "(a web copy, a note?)",
    )
