import re

from statement_lint.diagnostic import Edit, Fix, Severity
from statement_lint.model import Span, quoted
from statement_lint.rules import Context, Finding, replace_with, rule


@rule("LNG002", "malformed-language-marker", Severity.ERROR, fixable=True)
def malformed_language_marker(ctx: Context):
    """The language marker has the wrong casing or wording, or names an unknown language.

    ## What it checks
    That the marker is written exactly `LANGUAGE only`, `Original: LANGUAGE` or
    `LANGUAGE Original: LANGUAGE`, with the language in capitals and the keywords in mixed case,
    and that the language is one of the profile's (the six OSCE languages, and their older
    localised forms such as `FRANÇAIS Original : ANGLAIS`).

    ## Why
    The marker is a fixed formula; a variant looks like a draft that skipped Conference
    Services, and an unknown language cannot be routed for translation.

    ## Failing example
        English only
        ENGLISH ONLY
        Only ENGLISH
        Original: English
        ENGLSH only

    ## Passing example
        ENGLISH only

    A translation marker on two lines (`ENGLISH`, then `Original: RUSSIAN` on the next line),
    as circulated translations have it, is well formed; so is a marker that a line end breaks
    inside running text (an extraction that wraps the whole document). `ENGLISH` and `only` on
    lines of their own are not.

    ## Fix
    Where the language is known and only the casing or the word order is wrong, `--fix` writes
    the marker in its standard form (`English only` -> `ENGLISH only`). A marker on two lines
    is corrected word by word, and its lines are never joined.
    """
    text = ctx.document.text or ""
    for marker in ctx.statement.language_markers:
        if marker.form == "malformed" and marker.contradiction is None:
            advice = f": write {marker.suggestion}" if marker.suggestion else ""
            yield Finding(
                marker.span,
                f"malformed language marker {quoted(marker.text)}: {marker.problem}{advice}",
                fix=_rewrite(text, marker.span, marker.suggestion),
            )


def _rewrite(text: str, span: Span, suggestion: str | None) -> Fix | None:
    """The marker written as suggested: in one piece on one line, word by word over lines."""
    written = text[span.start : span.end]
    if not suggestion or "\n" not in written:
        return replace_with(span, suggestion)
    words = list(re.finditer(r"\S+", written))
    wanted = suggestion.split()
    if len(words) != len(wanted):
        return None
    edits = [
        Edit(start=span.start + word.start(), end=span.start + word.end(), content=new)
        for word, new in zip(words, wanted, strict=True)
        if word.group() != new
    ]
    return Fix(message=f"write {suggestion}", edits=edits) if edits else None
