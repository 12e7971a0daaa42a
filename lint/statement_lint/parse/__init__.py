"""From a document's text to a :class:`Statement`: all layout knowledge lives in this package.
The wording it reads (closing formulas, slot phrases, the footnotes' and lists' words, date
words, the marker's keywords, the mark of restricted distribution) is the profile's: the
`Parser` compiles its patterns from the profile once."""

from __future__ import annotations

from functools import cache

from statement_lint.diagnostic import Edit
from statement_lint.model import (
    AlignmentParagraph,
    CountryMention,
    DateToken,
    Disclaimer,
    DisclaimerDifference,
    Footnote,
    LanguageMarker,
    Span,
    Statement,
    SymbolToken,
)
from statement_lint.parse.alignment import AlignmentReader
from statement_lint.parse.body_language import LanguageGuesser
from statement_lint.parse.countries import CountryReader, Mention, country_mention
from statement_lint.parse.dates import NO_DAY, DateReader
from statement_lint.parse.disclaimer import Difference, DisclaimerFinder, DisclaimerMatch
from statement_lint.parse.furniture import Furniture
from statement_lint.parse.header import (
    HeaderScanner,
    Token,
    disclaimer_alone_in_body,
    header_tokens,
    words,
)
from statement_lint.parse.markers import MarkerReader
from statement_lint.parse.normalize import NormalText
from statement_lint.parse.symbols import check_symbol, symbol_type
from statement_lint.reference import default_gazetteer, default_profile
from statement_lint.reference.gazetteer import Gazetteer
from statement_lint.reference.profile import Profile


class Parser:
    """Parses statements under one profile and gazetteer; build once, use for many documents."""

    def __init__(self, profile: Profile, gazetteer: Gazetteer) -> None:
        self.profile = profile
        self.gazetteer = gazetteer
        self._dates = DateReader(profile.date.languages)
        self._markers = MarkerReader(profile.languages, profile.markers)
        restricted = profile.symbol.restricted
        self._header = HeaderScanner(self._dates, self._markers, restricted)
        self.furniture = Furniture(self._dates.pattern, restricted)
        self._disclaimer = DisclaimerFinder([d.text for d in profile.disclaimers])
        countries = CountryReader(gazetteer, profile.alignment.list_words)
        self._alignment = AlignmentReader(countries, profile.alignment)
        self._languages = LanguageGuesser(profile.languages)

    def normal(self, text: str, markdown: bool = False) -> NormalText:
        """The normalised text, its page furniture blanked out (see `NormalText`)."""
        return NormalText(text, markdown, self.furniture)

    def parse(self, text: str, markdown: bool = False) -> Statement:
        """The statement in `text`; `markdown`: the text is a Markdown file's, whose markup
        the parser reads as blanks."""
        return self.parse_normal(self.normal(text, markdown))

    def parse_normal(self, normal: NormalText) -> Statement:
        """The statement in a text already normalised (`normal`), for a caller that needs the
        normal text too."""
        norm = normal.text
        tokens = self._header.tokens(norm)
        if normal.may_have_columns:
            tokens = [
                token._replace(column=True) if normal.after_column_gap(token.start) else token
                for token in tokens
            ]
        # The alignment paragraph and its footnotes: text the disclaimer's fixes must never
        # reach into.
        alignment, footnotes, blocks = self._alignment_of(normal)
        found = self._disclaimer.find(norm, lambda start, end: words(norm, start, end, tokens))
        disclaimer_range = None
        if found:
            disclaimer_range = (found.spans[found.first_word][0], found.spans[found.last_word][1])
        header = header_tokens(norm, tokens, disclaimer_range, self._disclaimer.words)
        symbols, dates, markers, restricted = self._header_tokens(normal, header)
        # The language of the text, without the disclaimer, the alignment paragraph and its
        # footnote: those stay in English in statements written in other languages.
        cuts = blocks + ([disclaimer_range] if disclaimer_range else [])
        return Statement(
            body_language=self._languages.guess(_without(norm, cuts)),
            symbols=symbols,
            dates=dates,
            restricted=restricted,
            language_markers=markers,
            disclaimer=_disclaimer(found, tokens, normal, blocks) if found else None,
            alignment=alignment,
            footnotes=footnotes,
            header_start=_header_start(normal, header, found, disclaimer_range),
            country_lists=self._alignment.country_lists(normal, blocks),
        )

    def _alignment_of(
        self, normal: NormalText
    ) -> tuple[AlignmentParagraph | None, list[Footnote], list[tuple[int, int]]]:
        """The alignment paragraph, its footnotes, and the ranges of both in the text."""
        norm = normal.text
        paragraph = self._alignment.paragraph(norm)
        if not paragraph:
            return None, [], []
        alignment = AlignmentParagraph(
            span=normal.span(paragraph.start, paragraph.end),
            countries=[_mention(normal, m, slot) for m, slot in paragraph.countries],
            closing=paragraph.closing,
            closing_span=normal.span(paragraph.closing_start, paragraph.end),
        )
        notes = self._alignment.footnotes(norm, paragraph.end)
        footnotes = [
            Footnote(
                marker=note.marker,
                text=norm[note.start : note.end],
                span=normal.span(note.start, note.end),
                countries=[_mention(normal, m, None) for m in note.countries],
            )
            for note in notes
        ]
        blocks = [(paragraph.start, paragraph.end)] + [(note.start, note.end) for note in notes]
        return alignment, footnotes, blocks

    def _header_tokens(
        self, normal: NormalText, header: list[Token]
    ) -> tuple[list[SymbolToken], list[DateToken], list[LanguageMarker], Span | None]:
        symbols: list[SymbolToken] = []
        dates: list[DateToken] = []
        markers: list[LanguageMarker] = []
        restricted: Span | None = None
        text = normal.text
        # A statement's date is a day; other documents (a manual) may be dated by a month.
        types = {symbol_type(text[t.start : t.end]) for t in header if t.kind == "symbol"}
        by_month = "DEL" not in types
        for unit in header:
            token = text[unit.start : unit.end]
            span = normal.span(unit.start, unit.end)
            if unit.kind == "symbol":
                check = check_symbol(token, self.profile.symbol)
                symbols.append(SymbolToken(text=token, span=span, **check._asdict()))
            elif unit.kind == "date":
                reading = self._dates.read(token)
                if by_month and reading.problem == NO_DAY:
                    reading = reading._replace(problem=None)
                dates.append(
                    DateToken(text=" ".join(token.split()), span=span, **reading._asdict())
                )
            elif unit.kind == "marker":
                alone = not (_before_on_line(text, unit.start) or _after_on_line(text, unit.end))
                reading = self._markers.read(token, alone)
                one_line = " ".join(token.split())
                markers.append(LanguageMarker(text=one_line, span=span, **reading._asdict()))
            elif unit.kind == "restricted" and restricted is None:
                restricted = span
        return symbols, dates, markers, restricted


def _disclaimer(
    found: DisclaimerMatch, tokens: list[Token], normal: NormalText, blocks: list[tuple[int, int]]
) -> Disclaimer:
    spans = found.spans
    return Disclaimer(
        span=normal.span(spans[found.first_word][0], spans[found.last_word][1]),
        canonical=found.canonical,
        differences=[
            DisclaimerDifference(
                kind=difference.kind,
                expected=difference.expected,
                found=difference.found,
                span=normal.span(spans[difference.first_word][0], spans[difference.last_word][1]),
                edits=_restoring_edits(difference, spans, tokens, normal, blocks),
            )
            for difference in found.differences
        ],
    )


def _header_start(
    normal: NormalText,
    header: list[Token],
    found: DisclaimerMatch | None,
    disclaimer_range: tuple[int, int] | None,
) -> Span | None:
    """Where the header block begins: its first token, or the disclaimer's first word (unless
    the disclaimer stands alone in the body)."""
    starts = [token.start for token in header]
    if disclaimer_range and not disclaimer_alone_in_body(normal.text, header, disclaimer_range):
        starts.append(disclaimer_range[0])
    if not starts:
        return None
    first = min(starts)
    first_end = next((t.end for t in header if t.start == first), None)
    if first_end is None and found is not None:
        first_end = found.spans[found.first_word][1]
    return normal.span(first, first_end if first_end is not None else first)


# A changed run longer than this is a rewritten passage or text pushed in, not a slip of the
# pen: restoring it would overwrite words that may be the author's own.
_MAX_CHANGED_WORDS = 2


def _restoring_edits(
    difference: Difference,
    spans: list[tuple[int, int]],
    tokens: list[Token],
    normal: NormalText,
    other_blocks: list[tuple[int, int]],
) -> list[Edit]:
    """Edits that put the canonical words back in place of a changed or missing run, keeping
    the line layout; none where that is not certain. Certain means: a changed run of at most
    two words, replaced word for word, with no header token among its words, inside no other
    block (`other_blocks`: the alignment paragraph and its footnotes), on one paragraph; or
    missing words put back between the disclaimer's own words. `spans` are the document's
    words (without header tokens) the difference indexes."""
    canonical = difference.canonical_words
    run = spans[difference.first_word : difference.last_word + 1]
    run_start, run_end = run[0][0], run[-1][1]
    if any(start < run_end and run_start < end for start, end in other_blocks):
        return []

    def where(span: tuple[int, int]) -> tuple[int, int]:
        original = normal.span(*span)
        return original.start, original.end

    if difference.kind == "changed":
        if len(run) > _MAX_CHANGED_WORDS or len(run) != len(canonical):
            return []
        if "\n\n" in normal.text[run_start:run_end]:
            return []  # the run spans paragraphs: it is not one slip
        if any(run_start <= token.start < run_end for token in tokens):
            return []  # header tokens sit inside the run: leave it to a person
        pairs = zip(run, canonical, strict=True)
        return [Edit(start=where(s)[0], end=where(s)[1], content=word) for s, word in pairs]
    if difference.kind == "missing":
        start, end = where(run[0])
        if difference.before_shown_word:
            return [Edit(start=start, end=start, content=" ".join(canonical) + " ")]
        return [Edit(start=end, end=end, content=" " + " ".join(canonical))]
    return []


def _before_on_line(text: str, position: int) -> str:
    return text[text.rfind("\n", 0, position) + 1 : position].strip()


def _after_on_line(text: str, position: int) -> str:
    end = text.find("\n", position)
    return text[position : end if end >= 0 else len(text)].strip()


def _without(text: str, cuts: list[tuple[int, int]]) -> str:
    kept, position = [], 0
    for start, end in sorted(cuts):
        kept.append(text[position:start])
        position = max(position, end)
    kept.append(text[position:])
    return " ".join(kept)


def _mention(normal: NormalText, mention: Mention, slot: str | None) -> CountryMention:
    return country_mention(normal, mention, mention.marker, slot)


@cache
def default_parser() -> Parser:
    return Parser(default_profile(), default_gazetteer())
