"""Patterns from the profile's wordings: phrases (`reference/phrases.py`), and plain texts such
as a closing formula. A blank between words is any one blank (the text is normalised: a space
or a line end); case is the caller's to ignore (re.IGNORECASE)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from statement_lint.reference.phrases import Item, Word, glued, parse_phrase

_BLANK = r"\s"


def phrase_pattern(phrase: str) -> str:
    """The regular expression of one phrase."""
    return _sequence(parse_phrase(phrase), started=False)


def plain_pattern(text: str) -> str:
    """The regular expression of a text taken word for word (`align themselves with this
    statement`), whatever the blanks between its words."""
    return _BLANK.join(map(re.escape, text.split()))


def any_of(patterns: Iterable[str]) -> str:
    """One pattern that matches any of `patterns`, tried in order."""
    return "(?:" + "|".join(patterns) + ")"


def any_phrase(phrases: Iterable[str]) -> str:
    """One pattern that matches any of the phrases, tried in order."""
    return any_of(map(phrase_pattern, phrases))


def literals(words: Iterable[str]) -> str:
    """Alternatives of literal strings, the longest first (`st`, `nd`, `er`, `.`); empty
    when there are none."""
    unique = sorted(dict.fromkeys(words), key=len, reverse=True)
    return any_of(map(re.escape, unique)) if unique else ""


def first_letters(phrases: Iterable[str], texts: Iterable[str] = ()) -> str:
    """A lookahead for the characters the phrases and texts may start with, in either case: it
    lets the engine skip, at C speed, the characters none of them starts with."""
    letters = {letter for phrase in phrases for letter in _firsts(parse_phrase(phrase))}
    letters |= {text.lstrip()[0] for text in texts if text.strip()}
    both = sorted({case for letter in letters for case in (letter.lower(), letter.upper())})
    return "(?=[" + "".join(map(re.escape, both)) + "])" if both else ""


def _firsts(items: tuple[Item, ...]) -> set[str]:
    letters: set[str] = set()
    for item in items:
        if isinstance(item, Word):
            return letters | {word[0] for word in item.alternatives}
        letters |= _firsts(item.items)
    return letters


def _word(word: Word) -> str:
    unique = sorted(dict.fromkeys(word.alternatives), key=len, reverse=True)
    return re.escape(unique[0]) if len(unique) == 1 else any_of(map(re.escape, unique))


def _sequence(items: tuple[Item, ...], started: bool) -> str:
    """The pattern of `items`; `started`: a word that cannot be left out stands before them.

    The blank between two items goes with the item that may be left out: inside it, before
    its words (`align(?:\\sthemselves)?\\swith`); where nothing stands before it but words
    that may be left out, after them (`(?:the\\s)?candidate`). No blank before an item that
    opens with a comma."""
    pattern = ""
    for index, item in enumerate(items):
        blank = _BLANK if index > 0 and not glued(item) else ""
        if isinstance(item, Word):
            pattern += (blank if started else "") + _word(item)
            started = True
        elif started:
            pattern += f"(?:{blank}{_sequence(item.items, True)})?"
        else:
            following = items[index + 1] if index + 1 < len(items) else None
            after = _BLANK if following is not None and not glued(following) else ""
            pattern += f"(?:{_sequence(item.items, False)}{after})?"
    return pattern
