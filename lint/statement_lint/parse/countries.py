"""Reading country lists (`NORTH MACEDONIA*, MONTENEGRO*, ALBANIA and BOSNIA and HERZEGOVINA`)
against the gazetteer.

Lists are never split on "and": at each place the longest gazetteer name is tried first, so
`BOSNIA and HERZEGOVINA` is one country. Only where no name matches does the reader fall back
to the text up to the next comma or "and", and records it as an unknown name.

A name in capitals hyphenated at a line end (`ALBA-` / `NIA*`: the normaliser joins only words
whose second part is in lower case, to keep `Bosnia-` / `Herzegovina`'s hyphen), or with the
hyphen PDF extraction leaves when it joins such lines (`ALBA-NIA*`), is read across the hyphen:
with it (`Bosnia-Herzegovina`) if that is a gazetteer name, else without (`ALBANIA`) if that is
one.

After a name may stand a marker (`*`, `+`, `†`) or a reference to a numbered note (`[1]`,
`¹`, or digits glued to the name, `Croatia1`); whether that note exists is for the alignment
reader to say.

The small words of a list are the profile's (`alignment.list_words`): the conjunctions that
part names as commas do (`and`), and the articles that may stand before a name (`the`).
"""

from __future__ import annotations

import re
from typing import NamedTuple, Protocol

from statement_lint.model import CountryMention, one_line
from statement_lint.parse.names import NameIndex
from statement_lint.parse.normalize import NormalText
from statement_lint.parse.phrases import any_phrase
from statement_lint.reference.gazetteer import Gazetteer
from statement_lint.reference.wording import ListWords
from statement_lint.regex import LazyPattern, regex

# `*` after a name marks it for a footnote; `Kosovo*` followed by a note number or `[1]` is the
# designation note, not an alignment marker.
# Markers: `*` for the Stabilisation and Association Process; older statements also marked
# ICELAND with `+` (for its EFTA/EEA footnote) while it was a candidate.
MARKER = r"(?:\*+|\++|†+)"
_MARKER = regex(rf"[ \t]?({MARKER})(?P<note>\s?(?:\d+|\[\d+\]))?")
# A numbered note's reference: `Croatia [1]`, `Croatia[1]`, a superscript `Croatia¹`, or its
# digits flattened into the name by extraction, `Croatia1` (no blank: `Albania 2` is no note).
SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_NOTE_REFERENCE = regex(
    rf"[ \t]?(?:\[(?P<bracket>\d{{1,3}})\]|(?P<sup>[{SUPERSCRIPTS}]{{1,3}}))(?![\d{SUPERSCRIPTS}])"
    r"|(?P<glued>\d{1,3})(?!\d)"
)
_FROM_SUPERSCRIPT = str.maketrans(SUPERSCRIPTS, "0123456789")


def note_number(written: str) -> str:
    """A note's number as digits, however written: `01`, `¹` -> `1`."""
    return written.translate(_FROM_SUPERSCRIPT).lstrip("0") or "0"


# Some drafts put the marker before the name: `*NORTH MACEDONIA`.
_LEADING_MARKER = regex(rf"({MARKER})[ \t]?")
_MARKER_CHARS = "*+†"


class Mention(NamedTuple):
    start: int
    end: int  # end of the name, without marker
    country_id: str | None
    alias: str | None
    marker: str | None
    note: str | None = None  # the number of a numbered note it refers to (`Croatia [1]`: 1)
    glued_end: int | None = None  # where note digits glued to the name end (`Croatia1`)
    read: str | None = None  # the name as read across a line-end hyphen (`ALBANIA`)

    def without_note(self) -> Mention:
        """The mention when its note number refers to no note: digits glued to the name
        (`ALBANIA2`) make an unknown name, as extraction damage; `[2]` or `²` is dropped."""
        if self.glued_end is None:
            return self._replace(note=None)
        return Mention(self.start, self.glued_end, None, None, self.marker)


class Found(Protocol):
    """A name as a reader found it: a Mention, a co-sponsor."""

    start: int
    end: int
    country_id: str | None
    alias: str | None
    read: str | None


def country_mention(
    normal: NormalText, found: Found, marker: str | None, slot: str | None
) -> CountryMention:
    """What the parser hands the rules of a name found in the normalised text."""
    return CountryMention(
        written=one_line(found.read or normal.text[found.start : found.end]),
        country_id=found.country_id,
        alias=found.alias,
        marker=marker,
        slot=slot,
        span=normal.span(found.start, found.end),
    )


class Name(NamedTuple):
    """A gazetteer name found in the text."""

    end: int
    country_id: str
    alias: str  # the gazetteer's spelling
    read: str | None = None  # the name as read across a line-end hyphen (`ALBANIA`)


# A hyphen that ends a line, or one PDF extraction left between two letters of a word when it
# joined the lines.
_HYPHEN = regex(r"-\n|(?<=[^\W\d_])-(?=[^\W\d_])")


class CountryReader:
    def __init__(self, gazetteer: Gazetteer, words: ListWords) -> None:
        conjunction = rf"|\b{any_phrase(words.conjunctions)}\b" if words.conjunctions else ""
        self._separators = regex(rf"(?:[\s,;&]{conjunction})+", re.IGNORECASE)
        self._next_separator = regex(rf",|;{conjunction}", re.IGNORECASE)
        # A digit may follow a name: a note number flattened into it (`Croatia1`, `Croatia¹`).
        self._names = NameIndex(
            {
                alias.name: (country.id, alias.name)
                for country in gazetteer.countries
                for alias in country.aliases
            },
            words.articles,
            may_follow=SUPERSCRIPTS,
        )
        # How far a name (with an article, and line-end hyphens) may reach.
        longest_article = max((len(article) + 1 for article in words.articles), default=0)
        self._reach = self._names.longest + longest_article + 12

    def read_list(self, text: str, start: int, end: int) -> list[Mention]:
        """The countries named in text[start:end], in order."""
        mentions: list[Mention] = []
        position = start
        while True:
            separators = self._separators.match(text, position, end)
            if separators:
                position = separators.end()
            if position >= end:
                return mentions
            leading = _LEADING_MARKER.match(text, position, end)
            if leading:
                position = leading.end()
                if self._wrapped_marker(text, position, end):
                    # `MONTENEGRO` / `* and NORTH MACEDONIA*`: the marker, wrapped to the next
                    # line, is the name's before it.
                    if mentions and mentions[-1].marker is None:
                        mentions[-1] = mentions[-1]._replace(marker=leading.group(1))
                    continue
            known = self.name_at(text, position, end)
            note = glued_end = read = None
            if known:
                name_end, country_id, alias, read = known
                marker, after = self._marker(text, name_end, end)
                if marker is None and after == name_end:
                    note, glued_end, after = _note_reference(text, name_end, end)
                if after < end and text[after].isdigit():
                    known = None  # `ALBANIA1234`: no name, no note
            if not known:
                after = _next_separator(self._next_separator, text, position, end)
                country_id = alias = note = glued_end = read = None
                name_end, marker = _unknown_name(text, position, after)
            if leading:
                marker = leading.group(1)
            mentions.append(
                Mention(position, name_end, country_id, alias, marker, note, glued_end, read)
            )
            position = max(after, position + 1)

    def name_at(self, text: str, position: int, end: int) -> Name | None:
        """The gazetteer name (with a leading 'the') that starts at `position`, the longest
        if several do, also across a hyphen at a line end: where it ends, its country and its
        gazetteer spelling."""
        known = self._names.match(text, position, end)
        found = Name(known[0], *self._names.value(known[1])) if known else None
        stop = min(end, position + self._reach)
        if "-" in text[position:stop]:
            across = self._dehyphenated(text, position, stop)
            if across and (found is None or across.end > found.end):
                return across
        return found

    def _dehyphenated(self, text: str, position: int, stop: int) -> Name | None:
        """The name at `position` read across hyphens that end a line (`ALBA-` / `NIA`), or
        that PDF extraction left inside a word when it joined the lines (`ALBA-NIA`): with the
        hyphen if that makes a gazetteer name (`Bosnia-` / `Herzegovina`), else without; None
        if neither does, or if the name crosses no such hyphen."""
        segment = text[position:stop]
        for keep in (True, False):
            pieces, removals, last = [], [], 0  # removals: (where in the reading, how many)
            for cut in _HYPHEN.finditer(segment):
                if keep and cut.group() == "-":
                    continue  # inside a word: the text as it stands, already tried
                kept = "-" if keep else ""
                pieces.append(segment[last : cut.start()] + kept)
                removals.append((sum(map(len, pieces)), len(cut.group()) - len(kept)))
                last = cut.end()
            if not removals:
                continue
            reading = "".join(pieces) + segment[last:]
            known = self._names.match(reading, 0, len(reading))
            crossed = [count for at, count in removals if known and at < known[0]]
            if known and crossed:
                name_end = position + known[0] + sum(crossed)
                return Name(name_end, *self._names.value(known[1]), reading[: known[0]])
        return None

    def _wrapped_marker(self, text: str, position: int, end: int) -> bool:
        """Whether a marker that ends at `position` stands before a separator or the list's
        end, not before a name."""
        separators = self._separators.match(text, position, end)
        after = separators.end() if separators else position
        return after >= end or bool(separators and separators.group().strip())

    @staticmethod
    def _marker(text: str, position: int, end: int) -> tuple[str | None, int]:
        found = _MARKER.match(text, position, end)
        if found is None:
            return None, position
        if found["note"]:
            return None, found.end()
        return found.group(1), found.end()


def _note_reference(text: str, position: int, end: int) -> tuple[str | None, int | None, int]:
    """The number of a numbered note referred to right after a name, where the glued digits
    of `Croatia1` end, and where the reference ends."""
    found = _NOTE_REFERENCE.match(text, position, end)
    if found is None:
        return None, None, position
    if found["glued"]:
        return note_number(found["glued"]), found.end(), found.end()
    return note_number(found["bracket"] or found["sup"]), None, found.end()


# The two helpers below walk the text with string methods: the patterns they replace (a `\s*`
# before the separator; a lazy name before `[ \t]*`, a marker and `[\s.]*`) retried their
# trailing quantifiers at every character: quadratic on a run of full stops, cubic on blanks.


def _next_separator(separator: LazyPattern, text: str, position: int, end: int) -> int:
    """Where the next separator (comma, semicolon or conjunction), with the blanks before it,
    starts in text[position:end]; `end` if there is none."""
    found = separator.search(text, position, end)
    if found is None:
        return end
    start = found.start()
    while start > position and text[start - 1].isspace():
        start -= 1
    return start


def _unknown_name(text: str, start: int, end: int) -> tuple[int, str | None]:
    """An unmatched name in text[start:end]: where it ends, less trailing blanks and full
    stops and a marker (`*`, `+` or `†`, repeated or not) with the blanks before it; and that
    marker, if any."""
    stop = end
    while stop > start and (text[stop - 1].isspace() or text[stop - 1] == "."):
        stop -= 1
    if stop == start or text[stop - 1] not in _MARKER_CHARS:
        return stop, None
    marker_end, char = stop, text[stop - 1]
    while stop > start and text[stop - 1] == char:
        stop -= 1
    marker = text[stop:marker_end]
    while stop > start and text[stop - 1] in " \t":
        stop -= 1
    return stop, marker
