from statement_lint.diagnostic import Severity
from statement_lint.parse.symbols import symbol_type
from statement_lint.rules import Context, Finding, rule
from statement_lint.rules._dated import statement_period


@rule("DSC001", "missing-disclaimer", Severity.ERROR)
def missing_disclaimer(ctx: Context):
    """There is no trace of the Secretariat disclaimer.

    ## What it checks
    That the statement carries the disclaimer of OSCE Conference Services ("The OSCE
    Secretariat bears no responsibility for the content of this document ..."), found
    tolerantly: line breaks, hyphenation, quotes and header tokens between its words do not
    matter. The osce.org web-page disclaimer ("The views, opinions, conclusions ...") is a
    different text and does not count.

    Only delegation documents (`*.DEL` symbols, or no symbol at all) are circulated with it:
    journals, decisions and Secretariat documents are not checked. Nor are documents dated when
    the profile does not say the disclaimer was required (before 30 January 2020 for the
    bundled profile), or in a language whose disclaimer text the profile does not give (only
    English is known so far): a French statement carrying the English disclaimer is fine, and
    one without it cannot be judged.

    ## Why
    Every delegation document is circulated with it; without it, the text reads as if the
    Secretariat endorsed it.

    ## Failing example
        PC.DEL/80/21
        22 February 2021
        ENGLISH only
        Mr Chair, ...

    ## Passing example
        PC.DEL/80/21
        22 February 2021
        ENGLISH only
        The OSCE Secretariat bears no responsibility for the content of this document and
        circulates it without altering its content. The distribution by OSCE Conference
        Services of this document is without prejudice to OSCE decisions, as set out in
        documents agreed by OSCE participating States.
    """
    statement = ctx.statement
    if statement.header_start is None:
        return  # no header at all: DOC004 says so
    if statement.symbols and not any(symbol_type(s.text) == "DEL" for s in statement.symbols):
        return  # a journal, a decision, a Secretariat document: not circulated with it
    known = {disclaimer.language for disclaimer in ctx.profile.disclaimers}
    if statement.language is not None and statement.language not in known:
        return  # a translation whose disclaimer text the profile does not know
    if not ctx.profile.disclaimer_required_between(*statement_period(statement)):
        return  # not required then, or the convention of the time is not known
    if statement.disclaimer is None:
        opening = " ".join(ctx.profile.disclaimers[0].text.split()[:6])
        yield Finding(
            statement.header_start,
            f"no Secretariat disclaimer found: add the disclaimer that begins '{opening} ...'",
        )
