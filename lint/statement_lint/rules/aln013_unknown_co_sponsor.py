import re

from statement_lint.diagnostic import Severity
from statement_lint.model import quoted
from statement_lint.regex import regex
from statement_lint.rules import Context, Finding, rule
from statement_lint.similarity import did_you_mean, suggester

_THE = regex(r"the\s", re.IGNORECASE)
# Short names get a suggestion one edit away only: `Mali` is not a misspelt `Malta`.
SHORT_NAME = 8
# Names past this many unknown ones in a document are not looked up (damaged text).
SUGGESTED_NAMES = 100


@rule("ALN013", "unknown-co-sponsor", Severity.WARNING)
def unknown_co_sponsor(ctx: Context):
    """A name in a joint statement's list of co-sponsors is a misspelt participating State.

    ## What it checks
    The lists of States outside the alignment paragraph: the co-sponsors of a joint statement
    after `on behalf of`, `representing`, `co-sponsored by`, `the aligning states` or `the
    following participating States:`. A list counts only when at least two of its names are
    countries the gazetteer knows and they outnumber the others; a name in it that the
    gazetteer does not know is reported when a country's name is one edit away (two for names
    of eight letters or more). Other names (`the European Union`, a State from outside the
    OSCE region) are left alone.

    ## Why
    A joint statement names the States that stand behind it; a misspelt State (`Unites States
    of America`) is circulated under that State's name.

    ## Failing example
        I am making this statement also on behalf of Iceland, Lichtenstein, Moldova, Norway
        and Switzerland.

    ## Passing example
        I am making this statement also on behalf of Iceland, Liechtenstein, Moldova, Norway
        and Switzerland.
    """
    lists = ctx.statement.country_lists
    if not lists:
        return
    names = tuple(alias.name for country in ctx.gazetteer.countries for alias in country.aliases)
    unknown = [m for found in lists for m in found.countries if m.country_id is None]
    for mention in unknown[:SUGGESTED_NAMES]:
        written = mention.written
        looked_up = written[4:] if _THE.match(written) else written
        limit = 1 if len(looked_up) < SHORT_NAME else 2
        guess = suggester(names, limit).closest(looked_up)
        if guess:
            yield Finding(
                mention.span,
                f"'{quoted(written)}' in the list of co-sponsors matches no country in the "
                f"gazetteer: {did_you_mean(guess)}",
            )
