"""The data that flows through the linter: spans, the parsed statement, diagnostics."""

from __future__ import annotations

import datetime as dt
import enum
import re
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

_FROZEN = ConfigDict(frozen=True)


class Severity(enum.StrEnum):
    ERROR = "error"
    WARNING = "warning"


class Span(BaseModel):
    """A stretch of the document's text: character offsets plus 1-based line and column.

    ``end_column`` is exclusive: it is the column just after the last character.
    """

    model_config = _FROZEN
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


class SymbolToken(BaseModel):
    """A document symbol found in the header, with what its grammar check found."""

    model_config = _FROZEN
    text: str
    span: Span
    problems: list[str]
    year: int | None  # the two-digit year as a full year (21 -> 2021), when well formed
    corrected: str | None  # how it should be written, when that is certain


class DateToken(BaseModel):
    """A date found in the header."""

    model_config = _FROZEN
    text: str
    span: Span
    value: dt.date | None  # None when it is no real calendar day or the month is unknown
    standard: bool  # written as `22 February 2021`
    problem: str | None  # why `value` is None
    standard_form: str | None  # how the date should be written, when it is a real date


class LanguageMarker(BaseModel):
    model_config = _FROZEN
    text: str
    span: Span
    form: Literal["only", "original", "translation", "malformed"]
    contradiction: str | None
    problem: str | None
    suggestion: str | None
    language: str | None  # the language the document is in, by the marker (ENGLISH)


class Edit(BaseModel):
    """Replace the text between two offsets of the decoded document (line ends read as `\n`)."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    start: int = Field(ge=0, description="Offset of the first character replaced.")
    end: int = Field(ge=0, description="Offset just after the last character replaced.")
    content: str


class Fix(BaseModel):
    """The one right correction of a diagnostic, applied by --fix."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    message: str = Field(min_length=1)
    edits: list[Edit] = Field(min_length=1)

    def only_restores(self, text: str) -> bool:
        """Whether the fix, applied to `text`, can only put words back: each edit lies inside
        the text, none overlaps another, none removes more words than it writes or joins lines
        it does not keep apart. A fix that fails this is not certain, and is not offered."""
        end = -1
        for edit in sorted(self.edits, key=lambda e: (e.start, e.end)):
            if edit.start < end or edit.end < edit.start or edit.end > len(text):
                return False
            removed = text[edit.start : edit.end]
            if len(removed.split()) > len(edit.content.split()):
                return False
            if removed.count("\n") > edit.content.count("\n"):
                return False
            end = edit.end
        return True


DifferenceKind = Literal["changed", "missing", "added"]


class DisclaimerDifference(BaseModel):
    model_config = _FROZEN
    kind: DifferenceKind
    expected: str  # the canonical words (empty when words were added)
    found: str  # the words in the document (empty when words are missing)
    span: Span
    edits: list[Edit]  # what restores the canonical words in place; empty when not certain


class Disclaimer(BaseModel):
    model_config = _FROZEN
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
_UNPRINTABLE = re.compile("[\\x00-\\x1f\\x7f-\\x9f\\u2028\\u2029]")
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


class CountryMention(BaseModel):
    """A country named in the alignment paragraph, a footnote or a list of co-sponsors."""

    model_config = _FROZEN
    written: str  # as it stands in the document, on one line (a name may wrap)
    country_id: str | None  # gazetteer id; None when no gazetteer name matched
    alias: str | None  # the gazetteer name it matched (normal case, no leading 'the')
    marker: str | None  # the footnote marker attached to it (`*`; `[1]` for a numbered note)
    slot: Slot | None  # None in footnotes and lists of co-sponsors
    span: Span

    @field_validator("written")
    @classmethod
    def _on_one_line(cls, written: str) -> str:
        return one_line(written)


class AlignmentParagraph(BaseModel):
    model_config = _FROZEN
    span: Span
    countries: list[CountryMention]
    closing: str
    closing_span: Span

    def mentions_of(self, country_id: str) -> list[CountryMention]:
        return [c for c in self.countries if c.country_id == country_id]


class Footnote(BaseModel):
    model_config = _FROZEN
    marker: str
    text: str
    span: Span
    countries: list[CountryMention]


class CountryList(BaseModel):
    """A list of participating States outside the alignment paragraph: the co-sponsors of a
    joint statement (`also on behalf of Iceland, Liechtenstein, ...`, `We, the aligning
    states, ...`)."""

    model_config = _FROZEN
    lead: str  # the words that introduce it: `on behalf of`, `the aligning states`
    span: Span
    countries: list[CountryMention]  # slot None; unknown names have country_id None


class BodyLanguage(BaseModel):
    model_config = _FROZEN
    name: str  # ENGLISH
    evidence: str  # why: "87% of its letters are Cyrillic"


class Statement(BaseModel):
    """Everything the parser found in one document; the rules read only this."""

    model_config = ConfigDict(frozen=True)
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
    country_lists: list[CountryList] = Field(default_factory=list)

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


@dataclass
class Directive:
    """A `statement-lint: disable=...` directive of a text file. `used` turns true when it
    hides a diagnostic (SUP001 reports those that never do)."""

    kind: str  # disable | enable | disable-file | invalid
    codes: tuple[str, ...]
    span: Span
    problem: str | None = None  # why it is invalid (SUP002)
    used: bool = False


class Diagnostic(BaseModel):
    """One finding, ready to report."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    path: str = Field(
        min_length=1, description="As given, relative to the working directory, with /."
    )
    line: int = Field(ge=1, description="1-based.")
    column: int = Field(ge=1, description="1-based, in characters.")
    end_line: int = Field(ge=1)
    end_column: int = Field(ge=1, description="Exclusive: the column just after the span.")
    code: str = Field(pattern=r"^[A-Z]{3}[0-9]{3}$")
    name: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    severity: Severity
    message: str = Field(min_length=1)
    fingerprint: str = Field(
        pattern=r"^[0-9a-f]{16}$",
        description="Stable across line shifts: a hash of the code and the offending text.",
    )
    fix: Fix | None = Field(default=None, description="Present when --fix can correct it.")
    page: int | None = Field(default=None, ge=1, description="PDF: the page of the span.")
    paragraph: int | None = Field(
        default=None, ge=1, description="Word: the paragraph of the span, within its part."
    )
    part: str | None = Field(
        default=None, description="Word: header, footnote, endnote or footer (None: the body)."
    )

    @property
    def locator(self) -> str | None:
        """Where the span is in the PDF or Word file: `page 2`, `footnote paragraph 1`."""
        if self.page is not None:
            return f"page {self.page}"
        if self.paragraph is not None:
            return f"{self.part + ' ' if self.part else ''}paragraph {self.paragraph}"
        return None

    @property
    def located_message(self) -> str:
        """The message, with the native locator for PDF and Word files."""
        return f"{self.message} ({self.locator})" if self.locator else self.message

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.line, self.column, self.code, self.message)
