"""The header block: which symbol-, date-, `OSCE+`- and marker-like tokens belong to it.

The header is found by its structure, never by a token alone. Its tokens are
- those inside the disclaimer, and those that follow each other up to it, on its lines or on
  lines of their own (`PC.DEL/73/20` interleaved in the disclaimer, `ENGLISH only` after it);
- groups of tokens standing together elsewhere, on lines of their own or at the document's
  start or end, that look like a header: a language marker, or, at the start or the end (below
  a title at the top), two different kinds of token (a symbol and a date); in the middle of the
  text only a group with a language marker is a header (a symbol beside a date there is a
  citation: a row of an annex table);
- journal letterheads: a symbol, a date and a marker joined by the OSCE's own letterhead
  (`PC.JOUR/1283 Organization for Security and Co-operation in Europe 1 October 2020
  Permanent Council Original: ENGLISH`), on one line or several;
- without a disclaimer, a right-hand column at the top or the bottom of the text: a symbol,
  a date and a marker each ending a line, on consecutive lines (`... Statement by the Deputy
  Prime Minister SUM.DEL/51/10` / `2 December 2010` / `... Government ENGLISH` /
  `Original: SPANISH`).
Blank lines and statement-lint's own directive lines between tokens do not part them. A date
or a symbol alone on a line in the body (a delivery dateline, a cited document) is not the
header's; nor is anything in a sentence. A text with no symbol, no marker and no
disclaimer has no header at all (a web copy, a note): then no token is the header's; nor has a
text whose disclaimer, with no header token, stands alone between paragraphs of the body (a web
copy that kept it from the PDF's page header).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from statement_lint.parse.dates import DAMAGED_DATE, MONTH_YEAR, DateReader
from statement_lint.parse.disclaimer import word_key
from statement_lint.parse.header_lines import Lines, Token, is_blank, is_glue, without_left_columns
from statement_lint.parse.markers import MarkerReader
from statement_lint.parse.symbols import SYMBOL_LIKE
from statement_lint.regex import LazyPattern, regex

_WORD = regex(r"\S+")
_WORD_START = regex(r"(?<!\S)\S")
# How far before its trigger a token may start (`GERMAN Original:`, `22 de diciembre de 2009`).
_REACH = 48
# Words of an altered disclaimer that may stand between it and a header token beside it.
_STRAY_WORDS = 2
# A right-hand column is the header's only this near the top or the bottom of the text (a
# title may wrap above it).
_EDGE_LINES = 3


class HeaderScanner:
    """Finds header-like tokens: dates as the profile writes them (`dates`), its language
    markers (`markers`) and its mark of restricted distribution (`restricted`: `OSCE+`)."""

    def __init__(self, dates: DateReader, markers: MarkerReader, restricted: str | None) -> None:
        self._dates = dates
        self._markers = markers
        mark = rf"|(?P<restricted>{re.escape(restricted)})" if restricted else ""
        self._candidates = regex(
            rf"(?<!\S)(?:(?P<symbol>{SYMBOL_LIKE}){mark}"
            rf"|(?P<date>{dates.pattern})|(?P<damaged>{DAMAGED_DATE})|(?P<month>{MONTH_YEAR})"
            rf"|(?P<marker>{markers.pattern}))(?!\S)"
        )
        self._trigger = _trigger(markers.keywords, restricted)

    def tokens(self, text: str) -> list[Token]:
        """Every header-like token of the text, in order.

        Trying the token patterns at every word of a long text is slow; every token holds a
        trigger (`/` and a digit, a four-digit year, `OSCE+`, `only`, `Original`) and starts at
        most a few words before it, so only the words just before triggers are tried.
        """
        windows: list[list[int]] = []
        for trigger in self._trigger.finditer(text):
            start = max(0, trigger.start() - _REACH)
            if windows and start <= windows[-1][1]:
                windows[-1][1] = trigger.end()
            else:
                windows.append([start, trigger.end()])
        starts = [
            word.start()
            for start, end in windows
            for word in _WORD_START.finditer(text, start, end)
        ]
        found: list[Token] = []
        taken = 0
        for start in starts:
            if start < taken:
                continue
            token = self._token(text, start)
            if token is not None:
                found.append(token)
                taken = token.end
        return found

    def _token(self, text: str, start: int) -> Token | None:
        candidate = self._candidates.match(text, start)
        if candidate is None:
            return None
        kind = candidate.lastgroup or ""
        written = candidate.group()
        if kind == "date" and not self._dates.is_date_like(written):
            return None
        if kind == "month" and not self._dates.is_month(written.split()[0]):
            return None
        if kind == "marker":
            skip = self._markers.marker_start(written)
            if skip is None:
                return None
            start += skip
        if kind in ("damaged", "month"):
            return Token(start, candidate.end(), "date", loose=True)
        return Token(start, candidate.end(), kind)


def _trigger(keywords: list[str], restricted: str | None) -> LazyPattern:
    """What every header token holds: `/` and a digit (a symbol), four digits (a date's year),
    the mark of restricted distribution, a marker's keyword (`only`, `Original`)."""
    firsts = {"/", *(restricted[:1] if restricted else ""), *(k[0].lower() for k in keywords)}
    firsts |= {k[0].upper() for k in keywords}
    mark = rf"|{re.escape(restricted)}" if restricted else ""
    words = "|".join(map(re.escape, keywords))
    lookahead = "".join(re.escape(first) for first in sorted(firsts))
    return regex(rf"(?=[{lookahead}\d])(?:/\d|\d{{4}}{mark}|(?i:{words}))")


def words(text: str, start: int, end: int, tokens: list[Token]) -> list[tuple[int, int]]:
    """The spans of the words of text[start:end] that are not part of a header token."""
    spans = []
    index = bisect_right([t.start for t in tokens], start) - 1
    index = max(index, 0)
    for word in _WORD.finditer(text, start, end):
        while index < len(tokens) and tokens[index].end <= word.start():
            index += 1
        if index < len(tokens) and tokens[index].start <= word.start() < tokens[index].end:
            continue
        spans.append(word.span())
    return spans


def header_tokens(
    text: str,
    tokens: list[Token],
    disclaimer: tuple[int, int] | None,
    disclaimer_words: frozenset[str] = frozenset(),
) -> list[Token]:
    """The tokens that belong to the header, those next to the disclaimer first;
    `disclaimer_words`: the words of the disclaimer's texts (`word_key`)."""
    if not tokens:
        return []
    lines = Lines(text, tokens)
    if lines.has_columns:
        lettered = lines.in_other_columns(tokens)
        tokens = [token for token in tokens if token.start not in lettered]
    near = (
        _beside_disclaimer(text, tokens, disclaimer, lines, disclaimer_words) if disclaimer else []
    )
    taken = {token.start for token in near}
    rest = [t for t in tokens if t.start not in taken and (not t.loose or lines.apart(t))]
    kept = {
        token.start: token
        for group in _groups(text, rest, lines, columns=False)
        if _looks_like_header(group, lines)
        for token in group.tokens
    }
    if disclaimer is None:
        for group in _groups(text, rest, lines, columns=True):
            if group.column and _right_column(group, lines):
                kept.update((token.start, token) for token in group.tokens)
    header = near + [kept[start] for start in sorted(kept)]
    if disclaimer is None and not any(t.kind in ("symbol", "marker") for t in header):
        return []  # no symbol, no marker, no disclaimer: there is no header to speak of
    return header


def disclaimer_alone_in_body(text: str, header: list[Token], disclaimer: tuple[int, int]) -> bool:
    """Whether the disclaimer is all there is of a header, and stands between paragraphs of the
    body: text before and after it, neither opening nor closing the document."""
    return not header and bool(text[: disclaimer[0]].strip() and text[disclaimer[1] :].strip())


def _beside_disclaimer(
    text: str,
    tokens: list[Token],
    disclaimer: tuple[int, int],
    lines: Lines,
    disclaimer_words: frozenset[str],
) -> list[Token]:
    """The tokens inside the disclaimer, and those that follow each other up to it."""
    first, last = disclaimer
    disclaimer_lines = range(lines.line(first), lines.line(last - 1) + 1)

    def chained(token: Token) -> bool:
        # A citation that ends the body sentence just before the header block is not chained:
        # it is neither on the disclaimer's lines nor on a line of header tokens only.
        if lines.apart(token):
            return True
        return not token.loose and lines.line(token.start) in disclaimer_lines

    def run(candidates: list[Token], edge: int, forward: bool) -> list[Token]:
        found = []
        for token in candidates:
            if forward:
                gap = without_left_columns(text[edge : token.start], token)
            else:
                gap = without_left_columns(text[token.end : edge], found[-1] if found else None)
            # Next to the disclaimer, a word or two of it may be missing or stray (`The`
            # before an altered `Secretariat bears ...`); other words (`Vienna` above a
            # delivery dateline) part the token from it.
            stray_words = gap.split()
            stray = (
                not found
                and len(stray_words) <= _STRAY_WORDS
                and all(word_key(word) in disclaimer_words for word in stray_words)
                and lines.apart(token)
            )
            if not (is_blank(gap) or stray) or not chained(token):
                break
            found.append(token)
            edge = token.end if forward else token.start
        return found

    before = [t for t in reversed(tokens) if t.end <= first]
    inside = [t for t in tokens if first <= t.start < last]
    after = [t for t in tokens if t.start >= last]
    return run(before, first, False)[::-1] + inside + run(after, last, True)


class _Group:
    """Header tokens that stand together. A plain class: a few are made for every document."""

    __slots__ = ("column", "glued", "tokens")

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.glued = False  # joined by the OSCE letterhead somewhere
        self.column = False  # joined as a right-hand column somewhere


def _groups(text: str, tokens: list[Token], lines: Lines, columns: bool) -> list[_Group]:
    """Tokens that follow each other with only blanks (or the OSCE letterhead) between; with
    `columns`, also tokens that end consecutive lines."""
    groups: list[_Group] = []
    previous: Token | None = None
    for token in tokens:
        link = _link(text, previous, token, lines, columns) if previous else None
        if link is None:
            groups.append(_Group([token]))
        else:
            group = groups[-1]
            group.tokens.append(token)
            group.glued = group.glued or link == "glue"
            group.column = group.column or link == "column"
        previous = token
    return groups


def _link(text: str, previous: Token, token: Token, lines: Lines, columns: bool) -> str | None:
    """How two tokens that follow each other stand together, if they do."""
    gap = without_left_columns(text[previous.end : token.start], token)
    if is_blank(gap):
        return "blank"
    if is_glue(gap):
        return "glue"
    if (
        columns
        and lines.ends_line(previous)
        and lines.ends_line(token)
        and lines.line(token.start) == lines.line(previous.end - 1) + 1
    ):
        return "column"
    return None


def _right_column(group: _Group, lines: Lines) -> bool:
    """A symbol, a date and a marker ending consecutive lines, at the top or the bottom."""
    first = lines.line(group.tokens[0].start) - lines.line(lines.text_start)
    last = lines.line(max(lines.text_end - 1, 0)) - lines.line(group.tokens[-1].end - 1)
    at_edge = min(first, last) < _EDGE_LINES
    return at_edge and {"symbol", "date", "marker"} <= {token.kind for token in group.tokens}


def _looks_like_header(group: _Group, lines: Lines) -> bool:
    kinds = {token.kind for token in group.tokens}
    first, last = group.tokens[0], group.tokens[-1]
    strong = "marker" in kinds or len(kinds) > 1
    if first.start <= lines.text_start or last.end >= lines.text_end:
        return strong or "symbol" in kinds  # it opens or closes the document
    if "marker" not in kinds:
        # Below a title at the top, a symbol and a date are the header (`OSCE STYLE MANUAL` /
        # `SEC.DOC/2/00/Rev.1` / `April 2000`); further down they are a citation, such as a
        # row of an annex table (`PC.DEL/520/22` / `14 April 2022`): only a language marker
        # makes a header in the middle of a text.
        near_top = lines.line(first.start) - lines.line(lines.text_start) < _EDGE_LINES
        if not (near_top and strong):
            return False
    journal = group.glued and "symbol" in kinds and len(kinds) > 1  # joined by a letterhead
    return journal or all(lines.apart(token) for token in group.tokens)
