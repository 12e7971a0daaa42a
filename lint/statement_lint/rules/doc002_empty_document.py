from statement_lint.diagnostic import Severity
from statement_lint.rules import Context, Finding, rule


@rule("DOC002", "empty-document", Severity.ERROR, stage="document")
def empty_document(ctx: Context):
    """The document has no text at all.

    ## What it checks
    That a file holds some text. An empty file, one with only spaces and line breaks, or a PDF
    without a text layer (a scan), is reported once, and no other rule runs on it.

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
    if not ctx.document.is_empty:
        return
    if ctx.document.kind == "pdf":
        yield Finding(None, "the PDF has no extractable text: a scanned image? run OCR first")
    else:
        yield Finding(None, "the file has no text: was the export or text extraction empty?")
