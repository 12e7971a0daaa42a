"""The footnotes of the alignment paragraph.

    * North Macedonia, Montenegro and Albania continue to be part of the Stabilisation and
    Association Process.
    + Iceland continues to be a member of the EFTA and of the European Economic Area.
    [1] Croatia continues to be part of the Stabilisation and Association Process

A note starts with a marker (`*`, `+`, `†`, with a blank after it or not, or alone on its line
with the note's text on the next: extraction may set a raised marker apart) or with a number
(`[1]`, `1`, a superscript `¹`) that the paragraph refers to; its countries are the list before
its verb (`continue to be part of ...`). It ends at a full stop, at the next note, or, without
a final full stop, at the line end after its subject (`... Association Process`).

A note counts when it directly follows the paragraph (or the note before it), or when it is
about the Process or the EFTA and EEA: a line that starts with `*` further down (a Markdown
bullet) is no footnote. A numbered note must also name a known country. A marker followed by
a number (`*1 This designation is without prejudice ...`, `*[1]`) opens Kosovo's designation
note, not an alignment footnote; so is a note that begins `This designation`, whatever its
marker (`** This designation ...`).

Its words are the profile's (`alignment.footnote_words`): the verbs, the subjects, the last
words of a note without a full stop, the designation note's opening; its markers' shapes are the
reader's own.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from statement_lint.parse.countries import (
    MARKER,
    SUPERSCRIPTS,
    CountryReader,
    Mention,
    note_number,
)
from statement_lint.parse.phrases import any_phrase, phrase_pattern
from statement_lint.reference.phrases import parse_phrase
from statement_lint.reference.wording import FootnoteWords
from statement_lint.regex import regex

# A marker with a note number (`*1 This designation ...`, `*[1]`) is Kosovo's designation note,
# not an alignment footnote.
_NOT_DESIGNATION = r"(?![ \t]?\[?\d)"
_START = regex(
    rf"(?<!\S)(?P<marker>{MARKER}){_NOT_DESIGNATION}[ \t]?(?=[^\s*+†])"
    # The marker alone on its line, the note's text on the next (a raised `*` extracted apart).
    rf"|(?:^|(?<=\n))(?P<lone>{MARKER})[ \t]*\n(?=[^\s*+†])"
    # A number opens a note at a line start or after a sentence (the whole text on one line).
    r"|(?:^|(?<=\n)|(?<=\.\s))[ \t]?"
    rf"(?:\[(?P<bracket>\d{{1,3}})\]|(?P<number>\d{{1,3}})|(?P<sup>[{SUPERSCRIPTS}]{{1,3}}))"
    r"[ \t]?(?=[^\W\d_])"
)
_END = rf"\.(?=\s|$)|(?<!\S){MARKER}{_NOT_DESIGNATION}[ \t]?(?=[^\s*+†])|(?<=\n){MARKER}[ \t]*\n"
_BLANK = regex(r"\s*")
_NEVER = regex(r"(?!)")


class _Words:
    """The profile's footnote words as patterns."""

    def __init__(self, words: FootnoteWords) -> None:
        # A note without a full stop ends at a line end after its last word: `... Process`.
        last = [
            f"(?<=[{re.escape(word[0].lower() + word[0].upper())}]{re.escape(word[1:].lower())})"
            f"|(?<={re.escape(word.upper())})"
            for word in words.last_words
        ]
        self.end = regex(_END + (rf"|(?:{'|'.join(last)})(?=[ \t]*(?:\n|$))" if last else ""))
        # The footnote's list ends at its verb: `... and Albania continue to be part of ...`.
        self.verb = regex(rf"\b{any_phrase(words.verbs)}\b", re.IGNORECASE)
        # A subject of one word must be a whole word (`EFTA`, not `Nefta`).
        subjects = [
            rf"\b{phrase_pattern(s)}\b" if len(parse_phrase(s)) == 1 else phrase_pattern(s)
            for s in words.subjects
        ]
        self.subject = regex("|".join(subjects), re.IGNORECASE) if subjects else _NEVER
        # Kosovo's designation note, whatever its marker (`*`, `**`, `*1`): no alignment note.
        designation = any_phrase(words.designation)
        self.designation = (
            regex(rf"{designation}\b", re.IGNORECASE) if words.designation else _NEVER
        )


class FootnoteFound(NamedTuple):
    marker: str  # `*`, `+`, `†`; `[1]` for a numbered note
    start: int
    end: int
    countries: list[Mention]


def _starts(text: str, after: int) -> list[tuple[re.Match[str], int]]:
    """Where notes may start after `after`, each with where the next may start."""
    starts = list(_START.finditer(text, after))
    bounds = ([start.start() for start in starts[1:]] + [len(text)]) if starts else []
    return list(zip(starts, bounds, strict=True))


def numbered(number: str) -> str:
    """The marker of a numbered note, however the document writes its number: `[1]`."""
    return f"[{number}]"


class FootnoteReader:
    def __init__(self, countries: CountryReader, words: FootnoteWords) -> None:
        self._countries = countries
        self._words = _Words(words)

    def after(self, text: str, after: int, numbers: frozenset[str]) -> list[FootnoteFound]:
        """The notes after the paragraph that ends at `after`; numbered notes only for the
        `numbers` the paragraph refers to."""
        notes: list[FootnoteFound] = []
        previous_end = after
        for start, bound in _starts(text, after):
            note = self._note(text, start, bound, numbers)
            if note is None:
                continue
            adjacent = start.start() <= _BLANK.match(text, previous_end).end()
            if adjacent or self._words.subject.search(text, start.end(), note.end):
                notes.append(note)
                previous_end = note.end
        return notes

    def at_line_starts(self, text: str) -> list[FootnoteFound]:
        """Marker-led notes about the Process or the EFTA and EEA that start a line anywhere
        (a PDF may put a page's footnote before the paragraph)."""
        notes = []
        for start, bound in _starts(text, 0):
            marked = start["marker"] or start["lone"]
            if not marked or (start.start() > 0 and text[start.start() - 1] != "\n"):
                continue
            note = self._note(text, start, bound, frozenset())
            if note and self._words.subject.search(text, start.end(), note.end):
                notes.append(note)
        return notes

    def _note(
        self, text: str, start: re.Match[str], bound: int, numbers: frozenset[str]
    ) -> FootnoteFound | None:
        """The note that `start` opens, ending at the latest where the next one may start
        (`bound`)."""
        if start["marker"] or start["lone"]:
            marker = start["marker"] or start["lone"]
        else:
            number = note_number(start["bracket"] or start["number"] or start["sup"])
            if number not in numbers:
                return None
            marker = numbered(number)
        body_start = start.end()
        if self._words.designation.match(text, body_start):
            return None
        end_match = self._words.end.search(text, body_start, bound)
        end = end_match.start() if end_match else bound
        if end_match and end_match.group() == ".":
            end += 1
        verb = self._words.verb.search(text, body_start, end)
        countries = []
        if verb:
            listed = self._countries.read_list(text, body_start, verb.start())
            countries = [m.without_note() if m.note else m for m in listed]
        if marker.startswith("[") and not any(m.country_id for m in countries):
            return None
        return FootnoteFound(marker, start.start(), end, countries)
