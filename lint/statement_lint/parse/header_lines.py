"""The lines of a text as the header finder sees them: which hold header tokens only (with the
OSCE letterhead beside them), and what may stand between two tokens of one header (blanks,
statement-lint's own directives, the letterhead)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import NamedTuple

from statement_lint.regex import regex


class Token(NamedTuple):
    """A header-like token: it may span several words (`22 February 2021`)."""

    start: int
    end: int
    kind: str  # symbol | date | restricted | marker
    # A date with a part missing (`12 2020`, `April 2000`): the header's only inside the
    # disclaimer or on a line of its own, never chained on a line of running text.
    loose: bool = False
    # A tab or three blanks stand before it on its line (a table cell, a right-aligned column
    # of a layout): what stands to its left is another column, not the token's line.
    column: bool = False


_COOPERATION = r"(?:Co-?o|co)peration"
# The OSCE's letterhead, which journals and some documents set between the header's tokens:
# the Organization's name, the body's (a Ministerial Council with its city and year), and the
# distribution (`RESTRICTED`).
_LETTERHEAD = "|".join(
    [
        rf"Organi[sz]ation\sfor\sSecurity\sand\s{_COOPERATION}\sin\sEurope",
        r"Permanent\sCouncil",
        rf"Forum\sfor\sSecurity\s{_COOPERATION}",
        r"Ministerial\sCouncil",
        r"\[?[A-Z][^\W\d_]+\]?\s\d{4}",  # `Athens 2009`, `[Athens] 2009`
        r"\d{4}",
        "Secretariat",
        "RESTRICTED",
    ]
)
_GLUE = regex(rf"\s*(?:(?:{_LETTERHEAD})(?:\s+|$))+")
# statement-lint's own directives, on lines of their own, are blank to the header.
_DIRECTIVES = regex(r"(?:\s|(?:<!--[ \t]*|#+[ \t]*|//[ \t]*)?statement-lint:[^\n]*)*")
_NOT_LINE_END = regex(r"[^\n]")
# Longer stretches are never letterhead, nor directives, alone.
_GLUE_LENGTH = 240
_DIRECTIVES_LENGTH = 1000


class Lines:
    """Where the lines of the text are, and which of them hold header tokens only (or the
    OSCE letterhead beside them)."""

    def __init__(self, text: str, tokens: list[Token]) -> None:
        self.text = text
        self._newlines = [m.start() for m in re.finditer("\n", text)]
        # For each line with a column token: from the line's start to its last column token.
        self._left = self._left_columns(tokens)
        self._residue = self._blanked(tokens)
        self._pure: dict[int, bool] = {}
        self.text_start = len(text) - len(text.lstrip())
        self.text_end = len(text.rstrip())

    def _left_columns(self, tokens: list[Token]) -> list[tuple[int, int]]:
        spans: list[tuple[int, int]] = []
        for token in tokens:
            if token.column:
                index = bisect_left(self._newlines, token.start)
                start = self._newlines[index - 1] + 1 if index else 0
                if spans and spans[-1][0] == start:
                    spans[-1] = (start, token.start)
                else:
                    spans.append((start, token.start))
        return spans

    def _blanked(self, tokens: list[Token]) -> str:
        """The text with every token, and the columns left of column tokens, blanked out
        (line ends kept)."""
        pieces, position = [], 0
        spans = [(token.start, token.end) for token in tokens]  # in order
        if self._left:
            spans = sorted(spans + self._left)
        for start, end in spans:
            if end <= position:
                continue
            start = max(start, position)
            pieces.append(self.text[position:start])
            pieces.append(_NOT_LINE_END.sub(" ", self.text[start:end]))
            position = end
        pieces.append(self.text[position:])
        return "".join(pieces)

    @property
    def has_columns(self) -> bool:
        return bool(self._left)

    def in_other_columns(self, tokens: list[Token]) -> set[int]:
        """The starts of tokens that stand among other text in a column left of a column
        token (`Vienna, 8 March 2023` in `Vienna, 8 March 2023<tab>ENGLISH only`): a
        letterhead's, not the header's. A row of header tokens alone (`PC.DEL/410/23<tab>9 March
        2023`) keeps them."""
        taken: set[int] = set()
        index = 0
        for start, end in self._left:
            while index < len(tokens) and tokens[index].start < start:
                index += 1
            inside, position, rest = [], start, []
            while index < len(tokens) and tokens[index].start < end:
                inside.append(tokens[index].start)
                rest.append(self.text[position : tokens[index].start])
                position = max(position, tokens[index].end)
                index += 1
            rest.append(self.text[position:end])
            if inside and "".join(rest).strip():
                taken.update(inside)
        return taken

    def line(self, position: int) -> int:
        return bisect_right(self._newlines, position)

    def _bounds(self, number: int) -> tuple[int, int]:
        start = self._newlines[number - 1] + 1 if number else 0
        end = self._newlines[number] if number < len(self._newlines) else len(self.text)
        return start, end

    def pure(self, number: int) -> bool:
        if number not in self._pure:
            rest = self._residue[slice(*self._bounds(number))]
            self._pure[number] = not rest.strip() or is_glue(rest)
        return self._pure[number]

    def apart(self, token: Token) -> bool:
        """Whether the token stands on lines of header tokens (and letterhead) only."""
        lines = range(self.line(token.start), self.line(token.end - 1) + 1)
        return all(self.pure(n) for n in lines)

    def ends_line(self, token: Token) -> bool:
        return token.end == len(self.text) or self.text[token.end] == "\n"


def without_left_columns(gap: str, later: Token | None) -> str:
    """The gap before the token `later`, without what stands in columns to its left on its
    line (`Delegation of Canada` in `Delegation of Canada<tab>PC.DEL/410/23`)."""
    if later is None or not later.column:
        return gap
    return gap[: gap.rfind("\n") + 1]


def is_glue(gap: str) -> bool:
    return len(gap) <= _GLUE_LENGTH and _GLUE.fullmatch(gap) is not None


def is_blank(gap: str) -> bool:
    """Whether only blanks (and statement-lint directives) stand in the gap."""
    if "statement-lint:" not in gap:
        return not gap.strip()
    return len(gap) <= _DIRECTIVES_LENGTH and _DIRECTIVES.fullmatch(gap) is not None
