"""What the alignment rules share: the countries of the alignment paragraph, those of its
footnotes, and where the two meet. Without an alignment paragraph there is nothing to check
(footnotes then are no alignment footnotes), and each of these gives nothing. Not a rule
itself (its name starts with `_`)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from statement_lint.model import CountryMention, Footnote, Statement

if TYPE_CHECKING:
    from statement_lint.rules import Context


def paragraph_countries(statement: Statement) -> list[CountryMention]:
    """The entries of the alignment paragraph, in order."""
    return statement.alignment.countries if statement.alignment is not None else []


def footnote_countries(statement: Statement) -> list[CountryMention]:
    """The countries the footnotes name, footnote by footnote."""
    if statement.alignment is None:
        return []
    return [named for footnote in statement.footnotes for named in footnote.countries]


def all_countries(statement: Statement) -> list[CountryMention]:
    """The entries of the alignment paragraph, then the countries of its footnotes."""
    return paragraph_countries(statement) + footnote_countries(statement)


def footnoted(
    statement: Statement,
) -> Iterator[tuple[Footnote, CountryMention, list[CountryMention]]]:
    """Each known country a footnote names: the footnote, the country as the footnote names
    it, and its entries in the alignment paragraph (none when the paragraph does not list
    it)."""
    if statement.alignment is None:
        return
    for footnote in statement.footnotes:
        for named in footnote.countries:
            if named.country_id is not None:
                yield footnote, named, statement.alignment.mentions_of(named.country_id)


def correct_alignment(ctx: Context) -> str | None:
    """The paragraph and footnote as `statement-lint align` writes them for the countries the
    paragraph lists, on the statement's date: shown with the diagnostics that find the
    paragraph inconsistent. None without a date, or where it cannot be written (an unknown
    name, a day of doubt); the same text for every diagnostic of one statement."""
    statement = ctx.statement
    if _written[0] is statement:
        return _written[1]
    from statement_lint.reference.paragraph import AlignmentError, write_alignment

    ids = [c.country_id for c in paragraph_countries(statement)]
    text = None
    day = statement.date.value if statement.date is not None else None
    if day is not None and ids and None not in ids and ctx.registry is not None:
        try:
            text = write_alignment(ids, day, ctx.profile, ctx.registry, ctx.gazetteer).text()
        except AlignmentError:
            text = None
    _written[:] = [statement, text]
    return text


_written: list = [None, None]  # the last statement asked about, and its paragraph
