from statement_lint.diagnostic import Severity
from statement_lint.rules import Context, Finding, rule
from statement_lint.rules._selection import covers


@rule("SUP001", "unused-suppression", Severity.WARNING, stage="suppression")
def unused_suppression(ctx: Context):
    """A suppression that suppressed nothing.

    ## What it checks
    That every `statement-lint: disable=` or `disable-file=` directive, and every
    `per-file-ignores` entry in config, hides at least one diagnostic of a rule that ran.
    A directive whose rules were all switched off for the run is not reported. A
    `per-file-ignores` entry is reported only when it matched a file of the run: it is
    reported against the config file, at the line of its glob.

    ## Why
    Suppressions outlive the slips they were written for; a stale one would silently hide the
    next slip of the same kind.

    ## Failing example
        statement-lint: disable-file=DSC002
        PC.DEL/80/21
        22 February 2021
        ENGLISH only
        The OSCE Secretariat bears no responsibility ... (the disclaimer, unaltered)

    ## Passing example
        statement-lint: disable-file=DSC002
        PC.DEL/80/21
        22 February 2021
        ENGLISH only
        The OSCE Secretariat bears no responsibility ... without changing its content ...
    """
    if ctx.directives is None:
        return
    for directive in ctx.directives:
        if directive.kind == "enable" or directive.problem or directive.used:
            continue
        if any(covers(code, enabled) for code in directive.codes for enabled in ctx.enabled):
            yield Finding(
                directive.span,
                f"unused suppression: {directive.kind}={_shown(directive.codes)} suppresses "
                "nothing here; remove it",
            )


_SHOWN_CODES = 5


def _shown(codes: tuple[str, ...]) -> str:
    """The directive's codes, the first few of a long list (a message is one short line)."""
    shown = ",".join(codes[:_SHOWN_CODES])
    more = len(codes) - _SHOWN_CODES
    return f"{shown} (and {more} more)" if more > 0 else shown


def unused_entry_message(pattern: str) -> str:
    """SUP001's message for a `per-file-ignores` entry of a config file (the run reports it,
    against the config file, since no document holds it)."""
    return (
        f"unused suppression: per-file-ignores entry '{pattern}' suppresses nothing in the "
        "files it matches; remove it"
    )
