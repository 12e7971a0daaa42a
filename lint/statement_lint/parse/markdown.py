"""Markdown markup around a statement's text, read as blanks (only for `.md` files).

    **PC.DEL/1480/21**\\
    **14 October 2021**\\
    **ENGLISH only**

The parser sees through
- CommonMark hard line breaks, a backslash at a line end;
- strong emphasis, `**bold**` and `__bold__`, on one line;
- heading marks (`# `, `## `, and closing `#`s) and block quote marks (`> `, nested too);
- table rows (`| PC.DEL/1480/21 | 14 October 2021 |`): their pipes, and delimiter rows
  (`|---|---|`) whole.
Every markup character is replaced by a space: the text keeps its length, so every offset into
it stays right, and the document itself is never changed (--fix writes it back with its
markup). Single-star emphasis is left alone: `*` is the alignment marker (`ALBANIA*`), and
Markdown's `\\*` is read as one by the normaliser.
"""

from __future__ import annotations

from statement_lint.regex import regex

_QUOTE = regex(r"[ \t]{0,3}(?:>[ \t]?)+")
_HEADING = regex(r"[ \t]{0,3}#{1,6}(?=[ \t]|$)")
_HARD_BREAK = regex(r"(?<!\\)\\(?=\n|\Z)")
# Strong emphasis delimiters: two stars or two underscores, no more, not escaped.
_STRONG = regex(r"(?<![\\*])\*\*(?!\*)|(?<![\\\w])__(?!_)|(?<![\\_])__(?![\w_])")
_PIPE = regex(r"(?<!\\)\|")
_DELIMITER_CHARACTERS = frozenset(" \t|:-")
_LINE = regex(r"[^\n]+")


def see_through(text: str) -> str:
    """The text with its Markdown markup blanked out (the same length)."""
    chars = list(text)
    for found in _HARD_BREAK.finditer(text):
        _blank(chars, *found.span())
    for line in _LINE.finditer(text):
        _blocks(text, chars, *line.span())
        if "**" in line.group() or "__" in line.group():
            _strong(text, chars, *line.span())
    return "".join(chars)


def _blocks(text: str, chars: list[str], start: int, end: int) -> None:
    """Blank a line's quote marks, heading marks and table pipes."""
    quote = _QUOTE.match(text, start, end)
    if quote:
        _blank(chars, start, quote.end())
        start = quote.end()
    heading = _HEADING.match(text, start, end)
    if heading:
        _blank(chars, start, heading.end())
        stop = len(text[start:end].rstrip()) + start
        closing = stop
        while closing > heading.end() and text[closing - 1] == "#":
            closing -= 1
        if closing < stop and text[closing - 1] in " \t":
            _blank(chars, closing, stop)
        return
    row = text[start:end]
    if not row.lstrip(" \t").startswith("|"):
        return
    if "-" in row and _DELIMITER_CHARACTERS.issuperset(row):
        _blank(chars, start, end)
        return
    for pipe in _PIPE.finditer(text, start, end):
        _blank(chars, *pipe.span())


def _strong(text: str, chars: list[str], start: int, end: int) -> None:
    """Blank the delimiters of strong emphasis on a line: an opening one (before a non-blank)
    paired with the next closing one of its kind (after a non-blank)."""
    opening: dict[str, tuple[int, int]] = {}
    for delimiter in _STRONG.finditer(text, start, end):
        first, last = delimiter.span()
        kind = text[first]
        if kind in opening and not text[first - 1].isspace():
            _blank(chars, *opening.pop(kind))
            _blank(chars, first, last)
        elif last < end and not text[last].isspace():
            opening[kind] = (first, last)


def _blank(chars: list[str], start: int, end: int) -> None:
    chars[start:end] = " " * (end - start)
