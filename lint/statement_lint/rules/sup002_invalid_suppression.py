from statement_lint.diagnostic import Severity
from statement_lint.rules import Context, Finding, rule


@rule("SUP002", "invalid-suppression", Severity.ERROR, stage="document")
def invalid_suppression(ctx: Context):
    """A suppression directive that names no rule, or is not a directive at all.

    ## What it checks
    That each `statement-lint:` directive is `disable=`, `enable=` or `disable-file=`, that
    every code or prefix in it names a rule, and that `disable-file=` stands in the first or
    last 10 lines. (Unknown codes in `per-file-ignores` are config errors: exit 2.)

    ## Why
    A directive with a typo (`disable=ALN02`, `disabel=ALN002`) suppresses nothing, and the
    slip it was meant for shows up again, or worse, the author believes it is handled.

    ## Failing example
        statement-lint: disable=ALN02

    ## Passing example
        statement-lint: disable=ALN002
    """
    if ctx.directives is None:
        return
    for directive in ctx.directives:
        if directive.problem:
            yield Finding(directive.span, f"invalid suppression: {directive.problem}")
