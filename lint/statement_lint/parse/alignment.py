"""The alignment paragraph of EU statements and its footnotes.

    The Candidate Countries NORTH MACEDONIA*, MONTENEGRO* and ALBANIA*, the EFTA countries
    ICELAND and NORWAY, members of the European Economic Area, as well as UKRAINE align
    themselves with this statement.
    * North Macedonia, Montenegro and Albania continue to be part of the Stabilisation and
    Association Process.

The paragraph is the sentence that ends in the closing formula and opens with a slot phrase;
each slot's list is read against the gazetteer. Footnotes are the marker-led sentences after
it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from statement_lint.parse.countries import MARKER, CountryReader, Mention

_CLOSING = re.compile(
    r"(?=[aA])\baligns?\s(?:themselves\s)?with\s(?:this|the)\s(?:statement|declaration)\b\.?",
    re.IGNORECASE,
)
_SLOT = re.compile(
    r"\bthe\s(?:(?P<acceding>acceding\scountr(?:y|ies))"
    r"|(?P<candidate>candidate\scountr(?:y|ies))"
    r"|(?P<sap>countr(?:y|ies)\sof\sthe\sstabili[sz]ation\sand\sassociation\sprocess"
    r"\sand\spotential\scandidates?(?:\scountr(?:y|ies))?)"
    r"|(?P<efta>efta\scountr(?:y|ies)))\b"
    r"|\b(?P<as_well_as>as\swell\sas)\b",
    re.IGNORECASE,
)
_SLOT_NAMES = {
    "acceding": "acceding",
    "candidate": "candidate",
    "sap": "sap-potential-candidate",
    "efta": "efta-eea",
    "as_well_as": "as-well-as",
}
_EEA = re.compile(r",?\s?members?\sof\sthe\sEuropean\sEconomic\sArea,?", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?][\"')\]]*\s")
# The footnote's list ends at its verb: `... and Albania continue to be part of ...`.
_FOOTNOTE_VERB = re.compile(r"\b(?:continues?|remains?|is|are)\b", re.IGNORECASE)
_FOOTNOTE_START = re.compile(rf"(?<!\S)({MARKER})[ \t]?(?=[^\s*+†])")
_FOOTNOTE_END = re.compile(rf"\.(?=\s|$)|(?<!\S){MARKER}[ \t]?(?=[^\s*+†])")
# How far back from its closing formula a paragraph may start.
_LOOKBACK = 3000


@dataclass(frozen=True)
class ParagraphFound:
    start: int
    end: int
    closing: str
    closing_start: int
    countries: list[tuple[Mention, str]]  # mention, slot


@dataclass(frozen=True)
class FootnoteFound:
    marker: str
    start: int
    end: int
    countries: list[Mention]


class _Sentences:
    """Where sentences end and slot phrases stand, found once for the whole text: searched
    again behind every closing formula, they cost the look-back for each of them (quadratic
    on a text full of closing formulas)."""

    def __init__(self, text: str) -> None:
        ends = list(_SENTENCE_END.finditer(text))
        self._end_starts = [end.start() for end in ends]
        self._ends = [end.end() for end in ends]
        self._slots = list(_SLOT.finditer(text))
        self._slot_starts = [slot.start() for slot in self._slots]

    def start(self, start: int, end: int) -> int:
        """Where the sentence that ends at `end` begins: after the last sentence end (a `.`,
        `!` or `?`, closing quotes and a blank) that lies within text[start:end]; or `start`."""
        last = bisect_right(self._ends, end) - 1
        if last >= 0 and self._end_starts[last] >= start:
            return self._ends[last]
        return start

    def slots(self, start: int, end: int) -> list[re.Match[str]]:
        """The slot phrases that start in text[start:end] (none runs past a closing formula)."""
        return self._slots[
            bisect_left(self._slot_starts, start) : bisect_left(self._slot_starts, end)
        ]


class AlignmentReader:
    def __init__(self, countries: CountryReader) -> None:
        self._countries = countries

    def paragraph(self, text: str) -> ParagraphFound | None:
        sentences = None
        for closing in _CLOSING.finditer(text):
            sentences = sentences or _Sentences(text)
            region_start = max(0, closing.start() - _LOOKBACK)
            sentence_start = sentences.start(region_start, closing.start())
            slots = sentences.slots(sentence_start, closing.start())
            if not slots:
                continue
            countries: list[tuple[Mention, str]] = []
            for index, slot in enumerate(slots):
                list_end = slots[index + 1].start() if index + 1 < len(slots) else closing.start()
                if slot.lastgroup == "efta":
                    eea = _EEA.search(text, slot.end(), list_end)
                    if eea:
                        list_end = eea.start()
                name = _SLOT_NAMES[slot.lastgroup]
                for mention in self._countries.read_list(text, slot.end(), list_end):
                    countries.append((mention, name))
            return ParagraphFound(
                slots[0].start(), closing.end(), closing.group(), closing.start(), countries
            )
        return None

    def footnotes(self, text: str, after: int) -> list[FootnoteFound]:
        """Marker-led notes after the paragraph; failing that, marker-led lines anywhere."""
        found = self._footnotes(text, after, at_line_start=False)
        return found or self._footnotes(text, 0, at_line_start=True)

    def _footnotes(self, text: str, after: int, at_line_start: bool) -> list[FootnoteFound]:
        notes = []
        for start in _FOOTNOTE_START.finditer(text, after):
            if at_line_start and start.start() > 0 and text[start.start() - 1] != "\n":
                continue
            body_start = start.end()
            end_match = _FOOTNOTE_END.search(text, body_start)
            end = end_match.start() if end_match else len(text)
            if end_match and end_match.group() == ".":
                end += 1
            verb = _FOOTNOTE_VERB.search(text, body_start, end)
            countries = self._countries.read_list(text, body_start, verb.start()) if verb else []
            notes.append(FootnoteFound(start.group(1), start.start(), end, countries))
        return notes
