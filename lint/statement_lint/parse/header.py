"""The header block: which symbol-, date-, `OSCE+`- and marker-like tokens belong to it.

A document's own symbol and date are those that stand alone on a line (with other header
tokens only), or that sit inside the disclaimer or right next to it, with nothing but other
header tokens in between (the PDF layouts that interleave the two columns of the header).
Anything else is a citation in a sentence, and not the header's.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import groupby

from statement_lint.parse.dates import DATE_LIKE, DateReader
from statement_lint.parse.language import MarkerReader
from statement_lint.parse.symbols import SYMBOL_LIKE


@dataclass(frozen=True, slots=True)
class Unit:
    """A word of the normalised text, or a whole header-like token (which may span words)."""

    start: int
    end: int
    kind: str | None  # symbol | date | restricted | marker; None for an ordinary word
    line: int


class HeaderScanner:
    def __init__(self, dates: DateReader, markers: MarkerReader) -> None:
        self._dates = dates
        self._markers = markers
        self._candidates = re.compile(
            rf"(?<!\S)(?:(?P<symbol>{SYMBOL_LIKE})|(?P<restricted>OSCE\+)"
            rf"|(?P<date>{DATE_LIKE})|(?P<marker>{markers.pattern}))(?!\S)"
        )

    def units(self, text: str) -> list[Unit]:
        """Split the text into units: header-like tokens, and the words between them."""
        newlines = [m.start() for m in re.finditer("\n", text)]
        units: list[Unit] = []
        position = 0
        for candidate in self._candidates.finditer(text):
            kind = candidate.lastgroup
            token = candidate.group()
            if kind == "date" and not self._dates.is_date_like(token):
                continue
            if kind == "marker" and not self._markers.is_marker(token):
                continue
            self._add_words(text, position, candidate.start(), newlines, units)
            units.append(
                Unit(
                    candidate.start(),
                    candidate.end(),
                    kind,
                    bisect_right(newlines, candidate.start()),
                )
            )
            position = candidate.end()
        self._add_words(text, position, len(text), newlines, units)
        return units

    @staticmethod
    def _add_words(text: str, start: int, end: int, newlines: list[int], units: list[Unit]) -> None:
        for word in re.finditer(r"\S+", text[start:end]):
            offset = start + word.start()
            units.append(Unit(offset, start + word.end(), None, bisect_right(newlines, offset)))


def header_units(units: list[Unit], disclaimer: tuple[int, int] | None) -> list[int]:
    """Indices of the units that belong to the header, those next to the disclaimer first.

    Header tokens are those inside the disclaimer or chained to it (on its lines, or on lines
    of header tokens only), those that open or close the document, and those on lines of
    header tokens only.
    """
    pure_lines = {
        line
        for line, group in groupby(units, key=lambda unit: unit.line)
        if all(unit.kind for unit in group)
    }
    disclaimer_lines = range(0)
    if disclaimer is not None:
        disclaimer_lines = range(units[disclaimer[0]].line, units[disclaimer[1]].line + 1)

    def chained(index: int) -> bool:
        # A citation that ends the body sentence just before the header block is not chained:
        # it is neither on the disclaimer's lines nor on a line of its own.
        unit = units[index]
        return bool(unit.kind) and (unit.line in pure_lines or unit.line in disclaimer_lines)

    def run(index: int, step: int, accept=chained) -> list[int]:
        found = []
        while 0 <= index < len(units) and accept(index):
            found.append(index)
            index += step
        return found

    near: list[int] = []
    if disclaimer is not None:
        first, last = disclaimer
        inside = [i for i in range(first, last + 1) if units[i].kind]
        near = sorted(run(first - 1, -1)) + inside + run(last + 1, 1)

    # The tokens that open or close the document (`FSC.DEL/301/23 11 October 2023 OSCE+ ...`
    # on one line, disclaimer or not).
    def is_token(index: int) -> bool:
        return bool(units[index].kind)

    edges = run(0, 1, is_token) + sorted(run(len(units) - 1, -1, is_token))
    taken = set(near)
    rest = sorted(
        {i for i in edges if i not in taken}
        | {i for i, unit in enumerate(units) if unit.line in pure_lines and i not in taken}
    )
    return near + rest
