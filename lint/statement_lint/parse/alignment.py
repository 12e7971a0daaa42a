"""The alignment paragraph of EU statements and its footnotes.

    The Candidate Countries NORTH MACEDONIA*, MONTENEGRO* and ALBANIA*, the EFTA countries
    ICELAND and NORWAY, members of the European Economic Area, as well as UKRAINE align
    themselves with this statement.
    * North Macedonia, Montenegro and Albania continue to be part of the Stabilisation and
    Association Process.

The paragraph is the sentence that ends in the closing formula and opens with a slot phrase
(at the start of the sentence or of its line: `Croatia, as well as Serbia, aligns with the
statement ...` is prose); each slot's list is read against the gazetteer, and a paragraph that
names no known country is none. Older and shorter wordings are slots too: `The Acceding
Countries`, `the Potential Candidate Country BOSNIA and HERZEGOVINA` (the Process's slot),
`EFTA countries` without `the`, `the EFTA country NORWAY, member of ...`, `the European Free
Trade Association countries and members of the European Economic Area LIECHTENSTEIN and
NORWAY`. Footnotes (`parse/footnotes.py`) follow it; a name that refers to a numbered note
(`Croatia [1]`, `Croatia1`) carries that note's marker, `[1]`, when the note is there.

The wording is the profile's (`alignment`): the closing formulas and the variants drafts write,
the phrases that open each slot (keyed by model.SLOTS), what may close a slot's list and is no
name (`, members of the European Economic Area,`). A closing formula takes the full stop after
it; the rest (sentences, where a paragraph may start) is the reader's own.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import NamedTuple

from statement_lint.model import SLOTS, CountryList
from statement_lint.parse.cosponsors import CoSponsorReader
from statement_lint.parse.countries import CountryReader, Mention
from statement_lint.parse.footnotes import FootnoteFound, FootnoteReader, numbered
from statement_lint.parse.normalize import NormalText
from statement_lint.parse.phrases import (
    any_of,
    any_phrase,
    first_letters,
    phrase_pattern,
    plain_pattern,
)
from statement_lint.reference.profile import AlignmentConventions
from statement_lint.regex import LazyPattern, regex

_SENTENCE_END = regex(r"[.!?][\"')\]]*\s")
# How far back from its closing formula a paragraph may start.
_LOOKBACK = 3000


class ParagraphFound(NamedTuple):
    start: int
    end: int
    closing: str
    closing_start: int
    countries: list[tuple[Mention, str]]  # mention, slot


class _Sentences:
    """Where sentences end, found once for the whole text, and the slot phrases, searched as
    far as the closing formulas reach: searched again behind every closing formula, they cost
    the look-back for each of them (quadratic on a text full of closing formulas); searched in
    the whole text, they cost a scan of text that holds no paragraph."""

    def __init__(self, text: str, slot: LazyPattern) -> None:
        ends = list(_SENTENCE_END.finditer(text))
        self._end_starts = [end.start() for end in ends]
        self._ends = [end.end() for end in ends]
        self._text = text
        self._slot = slot
        self._slots: list[re.Match[str]] = []
        self._slot_starts: list[int] = []
        self._searched = 0  # the slot phrases before this are in _slots

    def start(self, start: int, end: int) -> int:
        """Where the sentence that ends at `end` begins: after the last sentence end (a `.`,
        `!` or `?`, closing quotes and a blank) that lies within text[start:end]; or `start`."""
        last = bisect_right(self._ends, end) - 1
        if last >= 0 and self._end_starts[last] >= start:
            return self._ends[last]
        return start

    def slots(self, start: int, end: int) -> list[re.Match[str]]:
        """The slot phrases that start in text[start:end] (none runs past a closing formula).
        The calls come in the order of the text: neither `start` nor `end` ever goes back."""
        if end > self._searched:
            for found in self._slot.finditer(self._text, max(start, self._searched), end):
                self._slots.append(found)
                self._slot_starts.append(found.start())
            self._searched = end
        return self._slots[
            bisect_left(self._slot_starts, start) : bisect_left(self._slot_starts, end)
        ]


def _closing(wording: AlignmentConventions) -> LazyPattern:
    """The closing formulas, word for word, then the variants drafts write; with the full
    stop after them."""
    formulas = [formula.strip().removesuffix(".") for formula in wording.formulas()]
    formulas = [formula for formula in formulas if formula.strip()]
    variants = wording.closing_variants
    patterns = [*map(plain_pattern, formulas), *map(phrase_pattern, variants)]
    if not patterns:
        return regex(r"(?!)")  # no formula: no paragraph
    lookahead = first_letters(variants, formulas)
    return regex(rf"{lookahead}\b{any_of(patterns)}\b\.?", re.IGNORECASE)


def _slots(wording: AlignmentConventions) -> LazyPattern | None:
    """The slot phrases, one named group a slot (`s2`: SLOTS[2], the candidate countries)."""
    groups = [
        f"(?P<s{index}>{any_phrase(wording.slots[slot])})"
        for index, slot in enumerate(SLOTS)
        if wording.slots.get(slot)
    ]
    if not groups:
        return None
    lookahead = first_letters(phrase for slot in SLOTS for phrase in wording.slots.get(slot, ()))
    return regex(rf"{lookahead}\b(?:{'|'.join(groups)})\b", re.IGNORECASE)


def _list_ends(wording: AlignmentConventions) -> dict[str, LazyPattern]:
    """By slot, what may close its list and is no name: `, members of the European Economic
    Area,`."""
    return {
        slot: regex(rf",?\s?{any_phrase(phrases)},?", re.IGNORECASE)
        for slot, phrases in wording.list_ends.items()
        if phrases
    }


class AlignmentReader:
    def __init__(self, countries: CountryReader, wording: AlignmentConventions) -> None:
        self.countries = countries
        self._closing = _closing(wording)
        self._slot = _slots(wording)
        self._list_ends = _list_ends(wording)
        self._notes = FootnoteReader(countries, wording.footnote_words)
        self._cosponsors = CoSponsorReader(countries)
        # The notes found for the last paragraph, for `footnotes` to hand out: (text, end,
        # notes).
        self._last: tuple[str, int, list[FootnoteFound]] | None = None

    def paragraph(self, text: str) -> ParagraphFound | None:
        if self._slot is None:
            return None
        sentences = None
        for closing in self._closing.finditer(text):
            sentences = sentences or _Sentences(text, self._slot)
            region_start = max(0, closing.start() - _LOOKBACK)
            sentence_start = sentences.start(region_start, closing.start())
            slots = sentences.slots(sentence_start, closing.start())
            if not slots or not _opens(text, sentence_start, slots[0].start()):
                continue  # prose: `Croatia, as well as its neighbours, aligns with the ...`
            countries: list[tuple[Mention, str]] = []
            for index, slot in enumerate(slots):
                list_end = slots[index + 1].start() if index + 1 < len(slots) else closing.start()
                name = SLOTS[int(slot.lastgroup[1:])]
                tail = self._list_ends.get(name)
                found = tail.search(text, slot.end(), list_end) if tail else None
                if found:
                    list_end = found.start()
                for mention in self.countries.read_list(text, slot.end(), list_end):
                    countries.append((mention, name))
            if not any(mention.country_id for mention, _ in countries):
                continue  # no country: `the candidate countries align with the statement`
            numbers = frozenset(m.note for m, _ in countries if m.note)
            notes = self._notes.after(text, closing.end(), numbers)
            self._last = (text, closing.end(), notes)
            noted = {note.marker for note in notes}
            countries = [(_with_note(m, noted), slot) for m, slot in countries]
            return ParagraphFound(
                slots[0].start(), closing.end(), closing.group(), closing.start(), countries
            )
        return None

    def footnotes(self, text: str, after: int) -> list[FootnoteFound]:
        """Notes after the paragraph; failing that, notes about the Process or the EFTA that
        start a line anywhere."""
        if self._last and self._last[0] is text and self._last[1] == after:
            found = self._last[2]
        else:
            found = self._notes.after(text, after, frozenset())
        return found or self._notes.at_line_starts(text)

    def country_lists(self, normal: NormalText, skip: list[tuple[int, int]]) -> list[CountryList]:
        """Lists of States outside the alignment paragraph and its footnotes (`skip`)."""
        return self._cosponsors.lists(normal, skip)


def _opens(text: str, sentence_start: int, slot_start: int) -> bool:
    """Whether the slot phrase opens its sentence or its line (a list number or a bullet
    may stand before it, no word)."""
    line_start = text.rfind("\n", sentence_start, slot_start) + 1
    head = text[max(sentence_start, line_start) : slot_start]
    return not any(character.isalpha() for character in head)


def _with_note(mention: Mention, noted: set[str]) -> Mention:
    """A mention that refers to a numbered note: marked with that note if there is one."""
    if mention.note is None:
        return mention
    if numbered(mention.note) in noted and mention.marker is None:
        return mention._replace(marker=numbered(mention.note))
    return mention.without_note()
