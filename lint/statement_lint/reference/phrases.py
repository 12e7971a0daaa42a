"""The syntax of the profile's wordings (the alignment paragraph's slot phrases, its closing
variants, the footnote's words): what a phrase may say, checked when the profile is loaded.
The parser turns phrases into patterns (`parse/phrases.py`).

A phrase is words separated by blanks. The parser reads it whatever the case of its letters and
whatever blank stands between its words (a space, a line end):
- `country|countries`: one word or the other (the longest is tried first);
- `[the]`, `[themselves]`: words that may be left out; brackets may nest;
- a word that starts with a comma, semicolon, colon or full stop follows the word before it
  with no blank between: `country|countries [[,] and members of the European Economic Area]`
  reads `countries and members ...` and `countries, and members ...`.
"""

from __future__ import annotations

from statement_lint.records import record
from statement_lint.regex import regex

# What a word may start with to follow the word before it without a blank.
GLUED = ",;:."
_TOKEN = regex(r"\[|\]|[^\s\[\]]+")


@record(frozen=True)
class Word:
    alternatives: tuple[str, ...]  # as written, `country|countries` -> (country, countries)


@record(frozen=True)
class Omissible:
    """Words that may be left out: `[themselves]`."""

    items: tuple[Word | Omissible, ...]


Item = Word | Omissible


def glued(item: Item) -> bool:
    """Whether the item follows the one before it without a blank (it opens with `,`)."""
    if isinstance(item, Omissible):
        return glued(item.items[0])
    return item.alternatives[0][0] in GLUED


def parse_phrase(phrase: str) -> tuple[Item, ...]:
    """The items of a phrase; ValueError, saying what is wrong, when it is no phrase."""
    stack: list[list[Item]] = [[]]
    for token in _TOKEN.findall(phrase):
        if token == "[":
            stack.append([])
        elif token == "]":
            if len(stack) == 1:
                raise ValueError("a ']' closes no '['")
            items = stack.pop()
            if not items:
                raise ValueError("'[]' holds no word")
            stack[-1].append(Omissible(tuple(items)))
        else:
            alternatives = tuple(token.split("|"))
            if "" in alternatives:
                raise ValueError(f"'{token}' has an empty alternative")
            if len({word[0] in GLUED for word in alternatives}) > 1:
                raise ValueError(f"'{token}': either every alternative starts with {GLUED} or none")
            stack[-1].append(Word(alternatives))
    if len(stack) > 1:
        raise ValueError("a '[' is not closed")
    if not any(isinstance(item, Word) for item in stack[0]):
        raise ValueError("a phrase needs a word outside brackets")
    return tuple(stack[0])


PHRASE_DESCRIPTION = (
    "Words, read whatever their case and the blanks between them: `a|b` one word or the other, "
    "`[a b]` words that may be left out, a word opening with `,` follows the one before without "
    "a blank."
)
