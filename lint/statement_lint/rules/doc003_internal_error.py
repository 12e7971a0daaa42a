from statement_lint.diagnostic import Severity
from statement_lint.rules import Context, Finding, rule


@rule("DOC003", "internal-error", Severity.ERROR, stage="document")
def internal_error(ctx: Context):
    """statement-lint itself failed on this file; the other files were still linted.

    ## What it checks
    Nothing in the document: it reports that checking this file stopped with an internal
    error (a bug in statement-lint), naming the error and where it happened. The run goes on
    with the other files, and ends with exit status 2, since the tool failed.

    ## Why
    One odd file must not stop a run over an archive, and must not pass silently either: the
    file has not been checked, and the bug should be reported with the file that shows it.

    ## Failing example
        (any file on which a statement-lint bug raises an exception)

    ## Passing example
        (every file statement-lint can check)
    """
    if ctx.document.failure:
        yield Finding(
            None,
            f"statement-lint failed on this file ({ctx.document.failure}); the file was not "
            "checked: please report this bug with the file",
        )
