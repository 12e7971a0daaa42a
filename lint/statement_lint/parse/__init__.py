"""From a document's text to a :class:`Statement`: all layout knowledge lives in this package."""

from __future__ import annotations

from dataclasses import asdict
from functools import cache

from statement_lint.model import (
    AlignmentParagraph,
    CountryMention,
    DateToken,
    Disclaimer,
    DisclaimerDifference,
    Edit,
    Footnote,
    LanguageMarker,
    Span,
    Statement,
    SymbolToken,
)
from statement_lint.parse.alignment import AlignmentReader
from statement_lint.parse.countries import CountryReader, Mention
from statement_lint.parse.dates import DateReader
from statement_lint.parse.disclaimer import Difference, DisclaimerFinder, word_key
from statement_lint.parse.header import HeaderScanner, Unit, header_units
from statement_lint.parse.language import MarkerReader
from statement_lint.parse.languages import LanguageGuesser
from statement_lint.parse.normalize import NormalText
from statement_lint.parse.symbols import check_symbol
from statement_lint.reference import Gazetteer, Profile, default_gazetteer, default_profile


class Parser:
    """Parses statements under one profile and gazetteer; build once, use for many documents."""

    def __init__(self, profile: Profile, gazetteer: Gazetteer) -> None:
        self.profile = profile
        self.gazetteer = gazetteer
        self._dates = DateReader(profile.date.languages)
        self._markers = MarkerReader(profile.languages)
        self._header = HeaderScanner(self._dates, self._markers)
        self._disclaimer = DisclaimerFinder([d.text for d in profile.disclaimers])
        self._alignment = AlignmentReader(CountryReader(gazetteer))
        self._languages = LanguageGuesser(profile.languages)

    def parse(self, text: str) -> Statement:
        normal = NormalText(text)
        norm = normal.text
        units = self._header.units(norm)

        words = [
            i
            for i, unit in enumerate(units)
            if unit.kind is None and word_key(norm[unit.start : unit.end])
        ]
        found = self._disclaimer.find([norm[units[i].start : units[i].end] for i in words])
        disclaimer = None
        disclaimer_units = None
        if found:
            disclaimer_units = (words[found.first_word], words[found.last_word])
            disclaimer = Disclaimer(
                span=normal.span(units[disclaimer_units[0]].start, units[disclaimer_units[1]].end),
                canonical=found.canonical,
                differences=[
                    DisclaimerDifference(
                        kind=difference.kind,
                        expected=difference.expected,
                        found=difference.found,
                        span=normal.span(
                            units[words[difference.first_word]].start,
                            units[words[difference.last_word]].end,
                        ),
                        edits=_restoring_edits(difference, words, units, normal),
                    )
                    for difference in found.differences
                ],
            )

        header = [units[i] for i in header_units(units, disclaimer_units)]
        symbols, dates, markers, restricted = self._header_tokens(normal, header)

        alignment = None
        footnotes: list[Footnote] = []
        paragraph = self._alignment.paragraph(norm)
        if paragraph:
            alignment = AlignmentParagraph(
                span=normal.span(paragraph.start, paragraph.end),
                countries=[_mention(normal, m, slot) for m, slot in paragraph.countries],
                closing=paragraph.closing,
                closing_span=normal.span(paragraph.closing_start, paragraph.end),
            )
            footnotes = [
                Footnote(
                    marker=note.marker,
                    text=norm[note.start : note.end],
                    span=normal.span(note.start, note.end),
                    countries=[_mention(normal, m, None) for m in note.countries],
                )
                for note in self._alignment.footnotes(norm, paragraph.end)
            ]

        starts = [unit.start for unit in header]
        if disclaimer_units:
            starts.append(units[disclaimer_units[0]].start)
        header_start = None
        if starts:
            first = min(starts)
            header_start = normal.span(first, next(u.end for u in units if u.start == first))

        # The language of the text, without the disclaimer, the alignment paragraph and its
        # footnote: those stay in English in statements written in other languages.
        cuts = []
        if disclaimer_units:
            cuts.append((units[disclaimer_units[0]].start, units[disclaimer_units[1]].end))
        if paragraph:
            cuts.append((paragraph.start, paragraph.end))
            cuts += [
                (note.start, note.end) for note in self._alignment.footnotes(norm, paragraph.end)
            ]
        body = _without(norm, cuts)
        return Statement(
            body_language=self._languages.guess(body),
            symbols=symbols,
            dates=dates,
            restricted=restricted,
            language_markers=markers,
            disclaimer=disclaimer,
            alignment=alignment,
            footnotes=footnotes,
            header_start=header_start,
        )

    def _header_tokens(
        self, normal: NormalText, header: list[Unit]
    ) -> tuple[list[SymbolToken], list[DateToken], list[LanguageMarker], Span | None]:
        symbols: list[SymbolToken] = []
        dates: list[DateToken] = []
        markers: list[LanguageMarker] = []
        restricted: Span | None = None
        for unit in header:
            token = normal.text[unit.start : unit.end]
            span = normal.span(unit.start, unit.end)
            if unit.kind == "symbol":
                check = check_symbol(token, self.profile.symbol)
                symbols.append(SymbolToken(text=token, span=span, **asdict(check)))
            elif unit.kind == "date":
                reading = self._dates.read(token)
                dates.append(DateToken(text=token, span=span, **asdict(reading)))
            elif unit.kind == "marker":
                reading = self._markers.read(token)
                markers.append(LanguageMarker(text=token, span=span, **asdict(reading)))
            elif unit.kind == "restricted" and restricted is None:
                restricted = span
        return symbols, dates, markers, restricted


def _restoring_edits(
    difference: Difference, words: list[int], units: list[Unit], normal: NormalText
) -> list[Edit]:
    """Edits that put the canonical words back in place of a changed or missing run, keeping
    the line layout; none where that is not certain (added words, header tokens in the run).
    `words` are the indices of the document's words among the units."""
    canonical = difference.canonical_words
    run = words[difference.first_word : difference.last_word + 1]

    def where(index: int) -> tuple[int, int]:
        span = normal.span(units[index].start, units[index].end)
        return span.start, span.end

    if difference.kind == "changed":
        if run[-1] - run[0] != len(run) - 1:
            return []  # header tokens sit inside the run: leave it to a person
        if len(run) == len(canonical):
            pairs = zip(run, canonical, strict=True)
            return [Edit(start=where(i)[0], end=where(i)[1], content=word) for i, word in pairs]
        return [Edit(start=where(run[0])[0], end=where(run[-1])[1], content=" ".join(canonical))]
    if difference.kind == "missing":
        start, end = where(run[0])
        if difference.before_shown_word:
            return [Edit(start=start, end=start, content=" ".join(canonical) + " ")]
        return [Edit(start=end, end=end, content=" " + " ".join(canonical))]
    return []


def _without(text: str, cuts: list[tuple[int, int]]) -> str:
    kept, position = [], 0
    for start, end in sorted(cuts):
        kept.append(text[position:start])
        position = max(position, end)
    kept.append(text[position:])
    return " ".join(kept)


def _mention(normal: NormalText, mention: Mention, slot: str | None) -> CountryMention:
    return CountryMention(
        written=normal.text[mention.start : mention.end],
        country_id=mention.country_id,
        alias=mention.alias,
        marker=mention.marker,
        slot=slot,
        span=normal.span(mention.start, mention.end),
    )


@cache
def default_parser() -> Parser:
    return Parser(default_profile(), default_gazetteer())
