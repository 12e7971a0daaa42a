"""The data that flows through the linter: spans and the parsed statement (diagnostics are in
`diagnostic.py`).

Plain frozen, slotted classes: they are built for every document, and pydantic's validation
(kept for the boundaries: config, profile, registry, baseline) would cost more than the
linting itself."""

from __future__ import annotations

import datetime as dt
from typing import Literal, NamedTuple

from statement_lint.diagnostic import Edit
from statement_lint.records import record
from statement_lint.regex import regex

_FROZEN = dict(frozen=True, slots=True)


class Span(NamedTuple):
    """A stretch of the document's text: character offsets plus 1-based line and column.

    ``end_column`` is exclusive: it is the column just after the last character.
    """

    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int


def line_span(text: str, start: int, end: int) -> Span:
    """The span of text[start:end], which stands on one line."""
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    end_column = column + end - start
    return Span(
        start=start, end=end, line=line, column=column, end_line=line, end_column=end_column
    )


class SymbolToken(NamedTuple):
    """A document symbol found in the header, with what its grammar check found."""

    text: str
    span: Span
    problems: list[str]
    year: int | None  # the two-digit year as a full year (21 -> 2021), when well formed
    corrected: str | None  # how it should be written, when that is certain


class DateToken(NamedTuple):
    """A date found in the header."""

    text: str
    span: Span
    value: dt.date | None  # None when it is no real calendar day or the month is unknown
    standard: bool  # written as `22 February 2021`
    problem: str | None  # why `value` is None
    standard_form: str | None  # how the date should be written, when it is a real date


class LanguageMarker(NamedTuple):
    text: str
    span: Span
    form: Literal["only", "original", "translation", "malformed"]
    contradiction: str | None
    problem: str | None
    suggestion: str | None
    language: str | None  # the language the document is in, by the marker (ENGLISH)


DifferenceKind = Literal["changed", "missing", "added"]


class DisclaimerDifference(NamedTuple):
    kind: DifferenceKind
    expected: str  # the canonical words (empty when words were added)
    found: str  # the words in the document (empty when words are missing)
    span: Span
    edits: list[Edit]  # what restores the canonical words in place; empty when not certain


class Disclaimer(NamedTuple):
    span: Span
    canonical: str
    differences: list[DisclaimerDifference]


# The alignment paragraph's slots in the order it lists them, named once: the registry's
# statuses and the profile's slot phrases are keyed by them.
SLOTS = (
    "acceding",
    "associated",
    "candidate",
    "sap-potential-candidate",
    "efta-eea",
    "as-well-as",
)
Slot = Literal[SLOTS]

# Line ends, other control characters and line separators: never part of a one-line message.
_UNPRINTABLE = regex("[\\x00-\\x1f\\x7f-\\x9f\\u2028\\u2029]")
QUOTE_LIMIT = 60


def one_line(text: str) -> str:
    """Text as it reads on one line: line ends, control characters and blank runs as one
    space each."""
    return " ".join(_UNPRINTABLE.sub(" ", text).split())


def quoted(text: str, limit: int = QUOTE_LIMIT) -> str:
    """Text of the document to quote in a message: on one line, and cut after `limit`
    characters with an ellipsis (`...`)."""
    text = one_line(text)
    return text if len(text) <= limit else text[:limit].rstrip() + "..."


class CountryMention(NamedTuple):
    """A country named in the alignment paragraph, a footnote or a list of co-sponsors."""

    written: str  # as it stands in the document, on one line (a name may wrap)
    country_id: str | None  # gazetteer id; None when no gazetteer name matched
    alias: str | None  # the gazetteer name it matched (normal case, no leading 'the')
    marker: str | None  # the footnote marker attached to it (`*`; `[1]` for a numbered note)
    slot: Slot | None  # None in footnotes and lists of co-sponsors
    span: Span


class AlignmentParagraph(NamedTuple):
    span: Span
    countries: list[CountryMention]
    closing: str
    closing_span: Span

    def mentions_of(self, country_id: str) -> list[CountryMention]:
        return [c for c in self.countries if c.country_id == country_id]


class Footnote(NamedTuple):
    marker: str
    text: str
    span: Span
    countries: list[CountryMention]


class CountryList(NamedTuple):
    """A list of participating States outside the alignment paragraph: the co-sponsors of a
    joint statement (`also on behalf of Iceland, Liechtenstein, ...`, `We, the aligning
    states, ...`)."""

    lead: str  # the words that introduce it: `on behalf of`, `the aligning states`
    span: Span
    countries: list[CountryMention]  # slot None; unknown names have country_id None


class BodyLanguage(NamedTuple):
    name: str  # ENGLISH
    evidence: str  # why: "87% of its letters are Cyrillic"


class Statement(NamedTuple):
    """Everything the parser found in one document; the rules read only this."""

    symbols: list[SymbolToken]
    dates: list[DateToken]
    restricted: Span | None  # `OSCE+`
    language_markers: list[LanguageMarker]
    disclaimer: Disclaimer | None
    alignment: AlignmentParagraph | None
    footnotes: list[Footnote]
    header_start: Span | None  # where the header block begins, for diagnostics about absences
    body_language: BodyLanguage | None  # the language the text is clearly in, if it is
    # Lists of States outside the alignment paragraph (joint statements' co-sponsors).
    country_lists: list[CountryList]

    @property
    def date(self) -> DateToken | None:
        return self.dates[0] if self.dates else None

    @property
    def language(self) -> str | None:
        """The document's language: by its marker, else by its text."""
        marked = next((m.language for m in self.language_markers if m.language), None)
        return marked or (self.body_language.name if self.body_language else None)

    def footnote_with(self, marker: str) -> Footnote | None:
        return next((note for note in self.footnotes if note.marker == marker), None)


@record
class Directive:
    """A `statement-lint: disable=...` directive of a text file. `used` turns true when it
    hides a diagnostic (SUP001 reports those that never do)."""

    kind: str  # disable | enable | disable-file | invalid
    codes: tuple[str, ...]
    span: Span
    problem: str | None = None  # why it is invalid (SUP002)
    used: bool = False
