import re

from statement_lint.diagnostic import Severity
from statement_lint.model import quoted
from statement_lint.regex import regex
from statement_lint.rules import Context, Finding, rule
from statement_lint.rules._alignment import all_countries
from statement_lint.similarity import did_you_mean, suggester

# A note number glued to the end of a name (`Albania2`, `Albania[2]`). The lookbehind lets only
# the first digit of a run try `\d+$`: tried at every digit, a long run of digits is quadratic.
_NOTE_NUMBER = regex(r"(?:(?<!\d)\d+|\[\d+\])$")
_THE = regex(r"the\s", re.IGNORECASE)
# Names past this many unknown ones in a document get no suggestion: a list that long is
# damaged text, not typos, and looking each one up would only cost time.
SUGGESTED_NAMES = 100


@rule("ALN008", "unknown-country", Severity.WARNING)
def unknown_country(ctx: Context):
    """A name in the alignment paragraph or a footnote matches no country in the gazetteer.

    ## What it checks
    That every entry of the alignment paragraph's lists and of the footnote's list is a
    country name the gazetteer knows (in any of its spellings or languages). The message
    suggests the closest name within two edits, for the first 100 unknown names of a document
    (a list with more is damaged text, not typos).

    ## Why
    An unknown name is a typo (`ALBANIAA`) or extraction damage (`Albania2`: a note number
    glued to the name); either way the other alignment rules cannot check that country.

    ## Failing example
        The Candidate Countries NORTH MACEDONIA*, MONTENEGRO* and ALBANIAA* ...

    ## Passing example
        The Candidate Countries NORTH MACEDONIA*, MONTENEGRO* and ALBANIA* ...
    """
    unknown = [m for m in all_countries(ctx.statement) if m.country_id is None and m.written]
    if not unknown:
        return
    names = tuple(alias.name for country in ctx.gazetteer.countries for alias in country.aliases)
    suggest = suggester(names)
    for number, mention in enumerate(unknown):
        bare = _NOTE_NUMBER.sub("", mention.written)
        # Gazetteer names have no leading 'the': `the REPUBLIC OF MOLDAVA`.
        looked_up = bare[4:] if _THE.match(bare) else bare
        guess = suggest.closest(looked_up) if number < SUGGESTED_NAMES else None
        if guess and bare != mention.written and guess.lower() == looked_up.lower():
            hint = f": is it {guess} with a note number glued to it?"
        elif guess:
            hint = f": {did_you_mean(guess)}"
        else:
            hint = ": a typo, or text damaged by extraction?"
        yield Finding(
            mention.span,
            f"'{quoted(mention.written)}' matches no country in the gazetteer{hint}",
        )
