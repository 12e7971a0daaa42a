"""Page furniture: the lines a PDF or a web copy puts at page breaks, wherever they fall in the
text (inside the alignment paragraph too), blanked out before the text is normalised.

    BOSNIA and
    - 2 -
    HERZEGOVINA* align themselves with this statement.

A line is furniture when it holds nothing else than
- a page number: `2`, `- 2 -`, `Page 2`, `Page 2 of 3`, `Page 2/3`;
- a file code: `PCOEJ1450`, `FSCEJ972`, `MC17EJ01`, `PCOEW1500` (the body, the language letter,
  the kind of document, the number);
- a running head: a page number in dashes with a file code, a document symbol and a date
  around it (`- 2 - PC.DEL/1500/23`, `PCOEJ1283 - 2 - PC.JOUR/1283 1 October 2020`).
Blanking replaces every character of the line but its end with a space: the text keeps its
length, so every offset into it stays right, and the normaliser's whitespace collapsing joins
the lines around it. A numbered paragraph (`2.`), a date, a symbol or `OSCE+` on a line of its
own are no furniture, nor is the day of a date split over two lines (`22` / `February 2021`).
The dates of running heads are read as the profile writes dates, and `OSCE+` is the profile's
mark of restricted distribution.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from statement_lint.parse.symbols import SYMBOL_LIKE
from statement_lint.regex import regex

# A form feed is blank too: pdftotext starts each page with one, glued to its first line
# (`\f- 2 -`).
_BLANK = r"[ \t\f\v]"
_PAGE_IN_DASHES = r"-[ \t]?\d{1,3}[ \t]?-"
_BLANK_LINE = regex(r"\s+")
_SENTENCE_ENDS = frozenset(".:?!")
_SYMBOL = regex(SYMBOL_LIKE)
_PAGE_ALONE = regex(rf"{_BLANK}*{_PAGE_IN_DASHES}{_BLANK}*")
_PAGE = rf"(?:\d{{1,3}}|{_PAGE_IN_DASHES}|[Pp]age[ \t]\d{{1,3}}(?:[ \t]?(?:of|/)[ \t]?\d{{1,3}})?)"
# Body (`PC`, `PCO`, `FSC`, `MC` and the meeting's number), language, kind, number.
_FILE_CODE = r"[A-Z]{2,4}(?:\d{2})?[EFGIRS][A-Z]\d{2,5}"
# Longer lines are never furniture alone.
_LONGEST = 160
_LINE = regex(r"[^\n]+")
# A lone number before a month and a year, or a year, is the day of a date split over two
# lines (`22` / `February 2021`), no page number.
_LONE_NUMBER = regex(rf"{_BLANK}*\d{{1,2}}{_BLANK}*")
_REST_OF_DATE = regex(r"\s*(?:[^\W\d_]+\.?,?[ \t]\d{4}|\d{4})(?!\w)")


class Furniture:
    """Finds page furniture; `date_like`: the pattern of a date (parse/dates.py), `restricted`:
    the mark of restricted distribution (`OSCE+`), if the profile has one."""

    def __init__(self, date_like: str, restricted: str | None) -> None:
        mark = rf"(?:{_BLANK}+{re.escape(restricted)})?" if restricted else ""
        around = rf"(?:{SYMBOL_LIKE}){mark}(?:{_BLANK}+(?:{date_like}))?"
        running_head = (
            rf"(?:{_FILE_CODE}{_BLANK}+)?(?:(?:{SYMBOL_LIKE}){_BLANK}+)?{_PAGE_IN_DASHES}"
            rf"(?:{_BLANK}+{around})?"
        )
        self._line = regex(rf"{_BLANK}*(?:{_PAGE}|{_FILE_CODE}|{running_head}){_BLANK}*")
        # A running head broken into lines: `- 2 -`, then the symbol (and the date) below.
        self._symbol_line = regex(
            rf"{_BLANK}*(?P<symbol>{SYMBOL_LIKE}){mark}(?P<date>{_BLANK}+(?:{date_like}))?{_BLANK}*"
        )
        self._date_line = regex(rf"{_BLANK}*(?:{date_like}){_BLANK}*")

    def blank(self, text: str) -> str:
        """The text with its page furniture lines blanked out (the same length)."""
        pieces: list[str] = []
        last = 0
        for start, end in self._furniture(text):
            pieces.append(text[last:start])
            pieces.append(" " * (end - start))
            last = end
        if not pieces:
            return text
        pieces.append(text[last:])
        return "".join(pieces)

    def _furniture(self, text: str) -> Iterator[tuple[int, int]]:
        """The spans of the furniture lines. A page number alone in dashes that breaks a
        sentence (no full stop, colon, question or exclamation mark before it) may have the
        rest of its running head on the lines below: the next line if it holds only a symbol
        the text holds elsewhere too (the header's), with or without the date, and the line
        after it if it holds only the date. A header that follows a page number after a
        finished sentence keeps its symbol."""
        head = ""  # what of a running head may come next: "symbol", "date" or nothing
        symbols: Counter[str] | None = None  # the text's symbols, counted when first needed
        furniture_like = self._line.fullmatch  # (every line is tried: no lookups in the loop)
        for line in _LINE.finditer(text):
            start, end = line.span()
            if head and _BLANK_LINE.fullmatch(text, start, end):
                continue
            if (
                end - start <= _LONGEST
                and furniture_like(text, start, end)
                and _alone(text, start, end)
            ):
                yield start, end
                broken = _PAGE_ALONE.fullmatch(text, start, end) and _mid_sentence(text, start)
                head = "symbol" if broken else ""
            elif head == "symbol" and (symbol := self._symbol_line.fullmatch(text, start, end)):
                if symbols is None:
                    symbols = Counter(found.group() for found in _SYMBOL.finditer(text))
                repeated = symbols[symbol.group("symbol")] > 1
                if repeated:
                    yield start, end
                head = "date" if repeated and not symbol.group("date") else ""
            else:
                if head == "date" and self._date_line.fullmatch(text, start, end):
                    yield start, end
                head = ""


def _alone(text: str, start: int, end: int) -> bool:
    """Whether a line shaped like furniture is furniture by itself: the day of a date split
    over two lines, or the end of a symbol wrapped after its slash (`PC.DEL/1012/` / `21`), is
    no page number."""
    if _LONE_NUMBER.fullmatch(text, start, end):
        return not (_REST_OF_DATE.match(text, end) or _after_slash(text, start))
    return True


def _mid_sentence(text: str, start: int) -> bool:
    """Whether the text before `start` (blanks aside) ends inside a sentence."""
    index = start - 1
    while index >= 0 and text[index].isspace():
        index -= 1
    return index >= 0 and text[index] not in _SENTENCE_ENDS


def _after_slash(text: str, start: int) -> bool:
    """Whether the line before the one at `start` ends with a slash (blanks aside)."""
    index = start - 2
    while index >= 0 and text[index] in " \t":
        index -= 1
    return index >= 0 and text[index] == "/"
