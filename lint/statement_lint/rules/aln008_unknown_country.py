import re

from statement_lint.model import Severity
from statement_lint.rules import Context, Finding, rule
from statement_lint.similarity import closest


@rule("ALN008", "unknown-country", Severity.WARNING)
def unknown_country(ctx: Context):
    """A name in the alignment paragraph or a footnote matches no country in the gazetteer.

    ## What it checks
    That every entry of the alignment paragraph's lists and of the footnote's list is a
    country name the gazetteer knows (in any of its spellings or languages). The message
    suggests the closest name.

    ## Why
    An unknown name is a typo (`ALBANIAA`) or extraction damage (`Albania2`: a note number
    glued to the name); either way the other alignment rules cannot check that country.

    ## Failing example
        The Candidate Countries NORTH MACEDONIA*, MONTENEGRO* and ALBANIAA* ...

    ## Passing example
        The Candidate Countries NORTH MACEDONIA*, MONTENEGRO* and ALBANIA* ...
    """
    statement = ctx.statement
    if statement.alignment is None:
        return
    names = [alias.name for country in ctx.gazetteer.countries for alias in country.aliases]
    mentions = [*statement.alignment.countries]
    for footnote in statement.footnotes:
        mentions += footnote.countries
    for mention in mentions:
        if mention.country_id is not None or not mention.written:
            continue
        bare = re.sub(r"(\d+|\[\d+\])$", "", mention.written)
        guess = closest(bare, names)
        if guess and bare != mention.written and guess.lower() == bare.lower():
            hint = f": is it {guess} with a note number glued to it?"
        elif guess:
            hint = f": did you mean {guess}?"
        else:
            hint = ": a typo, or text damaged by extraction?"
        yield Finding(
            mention.span, f"'{mention.written}' matches no country in the gazetteer{hint}"
        )
