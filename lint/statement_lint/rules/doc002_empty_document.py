from statement_lint.model import Severity
from statement_lint.rules import Context, Finding, rule


@rule("DOC002", "empty-document", Severity.ERROR, stage="document")
def empty_document(ctx: Context):
    """The document has no text at all.

    ## What it checks
    That a file holds some text. An empty file, or one with only spaces and line breaks, is
    reported once, and no other rule runs on it.

    ## Why
    An empty statement is usually a failed export or text extraction; every other check would
    fire on it and bury the one thing that matters.

    ## Failing example
        (a zero-byte `statement.txt`)

    ## Passing example
        PC.DEL/80/21
        22 February 2021
        ENGLISH only
        ...
    """
    if ctx.document.is_empty:
        yield Finding(None, "the file has no text: was the export or text extraction empty?")
