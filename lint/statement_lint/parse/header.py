"""The header block: which symbol-, date-, `OSCE+`- and marker-like tokens belong to it.

A document's own symbol and date are those that stand alone on a line (with other header
tokens only), that sit inside the disclaimer or right next to it (on its lines, or on lines of
header tokens only), or that open or close the document. Anything else is a citation in a
sentence, and not the header's.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from statement_lint.parse.dates import DATE_LIKE, DateReader
from statement_lint.parse.language import MarkerReader
from statement_lint.parse.symbols import SYMBOL_LIKE

_WORD = re.compile(r"\S+")
_WORD_START = re.compile(r"(?<!\S)\S")
_TRIGGER = re.compile(r"(?=[/\dOo])(?:/\d|\d{4}|OSCE\+|(?i:only|original))")
# How far before its trigger a token may start (`GERMAN Original:`, `22 de diciembre de 2009`).
_REACH = 48


@dataclass(frozen=True, slots=True)
class Token:
    """A header-like token: it may span several words (`22 February 2021`)."""

    start: int
    end: int
    kind: str  # symbol | date | restricted | marker


class HeaderScanner:
    def __init__(self, dates: DateReader, markers: MarkerReader) -> None:
        self._dates = dates
        self._markers = markers
        self._candidates = re.compile(
            rf"(?<!\S)(?:(?P<symbol>{SYMBOL_LIKE})|(?P<restricted>OSCE\+)"
            rf"|(?P<date>{DATE_LIKE})|(?P<marker>{markers.pattern}))(?!\S)"
        )

    def tokens(self, text: str) -> list[Token]:
        """Every header-like token of the text, in order.

        Trying the token patterns at every word of a long text is slow; every token holds a
        trigger (`/` and a digit, a four-digit year, `OSCE+`, `only`, `Original`) and starts at
        most a few words before it, so only the words just before triggers are tried.
        """
        windows: list[list[int]] = []
        for trigger in _TRIGGER.finditer(text):
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
            candidate = self._candidates.match(text, start)
            if candidate is None:
                continue
            kind = candidate.lastgroup
            token = candidate.group()
            if kind == "date" and not self._dates.is_date_like(token):
                continue
            if kind == "marker" and not self._markers.is_marker(token):
                continue
            found.append(Token(start, candidate.end(), kind))
            taken = candidate.end()
        return found


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
    text: str, tokens: list[Token], disclaimer: tuple[int, int] | None
) -> list[Token]:
    """The tokens that belong to the header, those next to the disclaimer first."""
    if not tokens:
        return []
    newlines = [m.start() for m in re.finditer("\n", text)]

    def line(position: int) -> int:
        return bisect_right(newlines, position)

    by_line: dict[int, list[Token]] = {}
    for token in tokens:
        by_line.setdefault(line(token.start), []).append(token)
    pure_lines = set()
    for number, on_line in by_line.items():
        start = newlines[number - 1] + 1 if number else 0
        end = newlines[number] if number < len(newlines) else len(text)
        rest, position = [], start
        for token in on_line:
            rest.append(text[position : token.start])
            position = token.end
        rest.append(text[position:end])
        if not "".join(rest).strip():
            pure_lines.add(number)

    disclaimer_lines = range(0)
    if disclaimer is not None:
        disclaimer_lines = range(line(disclaimer[0]), line(disclaimer[1] - 1) + 1)

    def chained(token: Token) -> bool:
        # A citation that ends the body sentence just before the header block is not chained:
        # it is neither on the disclaimer's lines nor on a line of header tokens only.
        number = line(token.start)
        return number in pure_lines or number in disclaimer_lines

    def run(candidates: list[Token], edge: int, forward: bool, accept) -> list[Token]:
        """Tokens that follow each other from `edge` with only whitespace between."""
        found = []
        for token in candidates:
            gap = text[edge : token.start] if forward else text[token.end : edge]
            if gap.strip() or not accept(token):
                break
            found.append(token)
            edge = token.end if forward else token.start
        return found

    near: list[Token] = []
    if disclaimer is not None:
        first, last = disclaimer
        before = [t for t in reversed(tokens) if t.end <= first]
        inside = [t for t in tokens if first <= t.start < last]
        after = [t for t in tokens if t.start >= last]
        near = run(before, first, False, chained)[::-1] + inside + run(after, last, True, chained)
    # The tokens that open or close the document (`FSC.DEL/301/23 11 October 2023 OSCE+ ...`
    # on one line, disclaimer or not).
    edges = run(tokens, 0, True, bool) + run(list(reversed(tokens)), len(text), False, bool)
    taken = {token.start for token in near}
    rest = {t.start: t for t in edges if t.start not in taken}
    rest.update(
        (t.start, t) for t in tokens if line(t.start) in pure_lines and t.start not in taken
    )
    return near + [rest[start] for start in sorted(rest)]
