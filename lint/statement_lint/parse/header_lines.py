"""The lines of a text as the header finder sees them: which hold header tokens only (with the
OSCE letterhead beside them), and what may stand between two tokens of one header (blanks,
statement-lint's own directives, the letterhead)."""

from __future__ import annotations

import re
from bisect import bisect_right
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
# Longer stretches are never letterhead, nor directives, alone.
_GLUE_LENGTH = 240
_DIRECTIVES_LENGTH = 1000


class Lines:
    """Where the lines of the text are, and which of them hold header tokens only (or the
    OSCE letterhead beside them)."""

    def __init__(self, text: str, tokens: list[Token]) -> None:
        self.text = text
        self._newlines = [m.start() for m in re.finditer("\n", text)]
        pieces, position = [], 0
        for token in tokens:  # the text with every token blanked out, line ends kept
            pieces.append(text[position : token.start])
            pieces.append(re.sub(r"[^\n]", " ", text[token.start : token.end]))
            position = token.end
        pieces.append(text[position:])
        self._residue = "".join(pieces)
        self._pure: dict[int, bool] = {}
        self.text_start = len(text) - len(text.lstrip())
        self.text_end = len(text.rstrip())

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


def is_glue(gap: str) -> bool:
    return len(gap) <= _GLUE_LENGTH and _GLUE.fullmatch(gap) is not None


def is_blank(gap: str) -> bool:
    """Whether only blanks (and statement-lint directives) stand in the gap."""
    if "statement-lint:" not in gap:
        return not gap.strip()
    return len(gap) <= _DIRECTIVES_LENGTH and _DIRECTIVES.fullmatch(gap) is not None
