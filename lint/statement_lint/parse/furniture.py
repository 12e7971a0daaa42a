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

from statement_lint.parse.symbols import SYMBOL_LIKE
from statement_lint.regex import regex

_BLANK = r"[ \t]"
_PAGE_IN_DASHES = r"-[ \t]?\d{1,3}[ \t]?-"
_PAGE = rf"(?:\d{{1,3}}|{_PAGE_IN_DASHES}|[Pp]age[ \t]\d{{1,3}}(?:[ \t]?(?:of|/)[ \t]?\d{{1,3}})?)"
# Body (`PC`, `PCO`, `FSC`, `MC` and the meeting's number), language, kind, number.
_FILE_CODE = r"[A-Z]{2,4}(?:\d{2})?[EFGIRS][A-Z]\d{2,5}"
# Longer lines are never furniture alone.
_LONGEST = 160
_LINE = regex(r"[^\n]+")
# A lone number before a month and a year, or a year, is the day of a date split over two
# lines (`22` / `February 2021`), no page number.
_LONE_NUMBER = regex(r"[ \t]*\d{1,2}[ \t]*")
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

    def blank(self, text: str) -> str:
        """The text with its page furniture lines blanked out (the same length)."""
        pieces: list[str] = []
        last = 0
        for line in _LINE.finditer(text):
            start, end = line.span()
            if end - start > _LONGEST or not self._line.fullmatch(text, start, end):
                continue
            if _LONE_NUMBER.fullmatch(text, start, end) and _REST_OF_DATE.match(text, end):
                continue
            pieces.append(text[last:start])
            pieces.append(" " * (end - start))
            last = end
        if not pieces:
            return text
        pieces.append(text[last:])
        return "".join(pieces)
