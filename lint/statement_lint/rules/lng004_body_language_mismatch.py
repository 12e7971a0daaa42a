from statement_lint.diagnostic import Severity
from statement_lint.rules import Context, Finding, rule


@rule("LNG004", "body-language-mismatch", Severity.WARNING)
def body_language_mismatch(ctx: Context):
    """The language marker names one language, but the text is clearly in another.

    ## What it checks
    That the language the marker gives the document (`ENGLISH only`, `RUSSIAN Original:
    ENGLISH` for a Russian translation) is the language its text is written in. The text's
    language is told by its script (Cyrillic) or by frequent words of each of the six OSCE
    languages, and only when the evidence is clear; the disclaimer is left out.

    ## Why
    A Russian translation circulated under `ENGLISH only`, or a marker copied from another
    language version, misroutes the document and misleads readers about which text is
    authoritative.

    ## Failing example
        PC.DEL/80/21
        22 February 2021
        ENGLISH only
        ...
        Европейский союз приветствует ...

    ## Passing example
        PC.DEL/80/21
        22 February 2021
        RUSSIAN Original: ENGLISH
        ...
        Европейский союз приветствует ...
    """
    statement = ctx.statement
    marker = next((m for m in statement.language_markers if m.language), None)
    found = statement.body_language
    if marker is None or found is None or found.name == marker.language:
        return
    yield Finding(
        marker.span,
        f"the marker {marker.text} says the document is in {marker.language}, but its text is "
        f"in {found.name} ({found.evidence})",
    )
