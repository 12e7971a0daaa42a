from statement_lint.diagnostic import Severity
from statement_lint.rules import Context, Finding, rule


@rule("DOC001", "unreadable-document", Severity.ERROR, stage="document")
def unreadable_document(ctx: Context):
    """The file cannot be read or decoded.

    ## What it checks
    That the file can be opened and its text read: a text file decoded as UTF-8 (with or
    without byte-order mark) or UTF-16/UTF-32 with a byte-order mark; a PDF opened and its
    text extracted; a Word file's parts inflated and parsed. Binary data in a `.txt`, invalid
    UTF-8, corrupt, truncated or encrypted PDF and Word files, zip and deflate bombs, unsafe XML
    (DTDs, entities), extraction that runs out of time or memory, unreadable files and files
    over a size or page limit are reported with the reason, and the run goes on.

    ## Why
    A statement the linter cannot read is a statement nobody has checked. Saying so is better
    than skipping it silently or stopping the whole run.

    ## Failing example
        (a file saved as Windows-1252: byte 0x92 where a curly apostrophe was meant)

    ## Passing example
        (the same text saved as UTF-8)
    """
    if ctx.document.error:
        yield Finding(None, f"the file {ctx.document.error}")
