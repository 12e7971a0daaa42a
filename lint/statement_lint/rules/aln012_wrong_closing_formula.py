from statement_lint.diagnostic import Severity
from statement_lint.model import one_line
from statement_lint.rules import Context, Finding, replace_with, rule
from statement_lint.rules._dated import statement_period


@rule("ALN012", "wrong-closing-formula", Severity.WARNING, fixable=True)
def wrong_closing_formula(ctx: Context):
    """The alignment paragraph ends with another formula than `align themselves with this
    statement` (the profile's).

    ## What it checks
    That the alignment paragraph closes with the formula of the statement's time, word for
    word (spacing and case aside), as the profile dates it: `align themselves with this
    statement` from 2010; silent where two formulas were in use (`declaration` and `statement`,
    2004-2009) or none is known. Drafts say `align with this statement`.

    ## Why
    The formula is fixed; a variant reads as a draft, or as a statement of another kind.

    ## Failing example
        ... as well as GEORGIA, ANDORRA and SAN MARINO align themselves with this declaration.

    ## Passing example
        ... as well as GEORGIA, ANDORRA and SAN MARINO align themselves with this statement.

    ## Fix
    `--fix` writes the formula.
    """
    alignment = ctx.statement.alignment
    if alignment is None:
        return
    written = one_line(alignment.closing)
    formulas, known = ctx.profile.alignment.closings(*statement_period(ctx.statement))
    if any(written.lower() == formula.lower() for formula in formulas):
        return
    if not known or len(formulas) != 1:
        return  # no single formula is known for the statement's time
    yield Finding(
        alignment.closing_span,
        f"the alignment paragraph ends '{written}': write '{formulas[0]}'",
        fix=replace_with(alignment.closing_span, formulas[0]),
    )
