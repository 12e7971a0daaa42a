"""Markdown markup around a statement's text, read as blanks (only for `.md` files).

    **PC.DEL/1480/21**\\
    **14 October 2021**\\
    **ENGLISH only**

The parser sees through
- CommonMark hard line breaks, a backslash at a line end;
- strong emphasis, `**bold**` and `__bold__`, within a paragraph;
- heading marks (`# `, `## `, and closing `#`s) and block quote marks (`> `, nested too);
- table rows (`| PC.DEL/1480/21 | 14 October 2021 |`): their pipes, and delimiter rows
  (`|---|---|`) whole;
- what HTML-to-Markdown converters leave: emphasis with one underscore (`_... Process._`),
  inline tags (`<br>`, `<sup>*</sup>`, `<em>`, `<small>`, `<span ...>`), `&nbsp;`, and links
  around text (`[PC.DEL/415/23](https://...)`: the brackets and the address).
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
# Emphasis delimiters: two stars, two underscores or one underscore, no more, not escaped
# (an underscore only at a word's edge: `snake_case` is no emphasis).
_STRONG = regex(
    r"(?<![\\*])\*\*(?!\*)|(?<![\\\w])__(?!_)|(?<![\\_])__(?![\w_])"
    r"|(?<![\\\w_])_(?![_\s])|(?<![\\_\s])_(?![\w_])"
)
# Inline HTML that converters keep, a non-breaking space entity, a link's markup.
_INLINE = regex(
    r"</?(?:br|sup|sub|em|i|b|strong|small|span|u|font)\b[^<>\n]{0,200}>|&nbsp;"
    r"|\[(?=[^\[\]\n]{1,200}\]\()|\]\([^()\s]{0,2000}\)"
)
_PIPE = regex(r"(?<!\\)\|")
_DELIMITER_CHARACTERS = frozenset(" \t|:-")
_LINE = regex(r"[^\n]+")


def see_through(text: str) -> str:
    """The text with its Markdown markup blanked out (the same length)."""
    chars = list(text)
    for found in _HARD_BREAK.finditer(text):
        _blank(chars, *found.span())
    opening: dict[str, tuple[int, int]] = {}  # emphasis opened in this paragraph
    previous_end = 0
    for line in _LINE.finditer(text):
        if text.count("\n", previous_end, line.start()) > 1:
            opening = {}  # a blank line ends the paragraph, and its emphasis
        previous_end = line.end()
        _blocks(text, chars, *line.span())
        if "**" in line.group() or "_" in line.group():
            _strong(text, chars, *line.span(), opening)
    if "<" in text or "&" in text or "](" in text:
        for found in _INLINE.finditer(text):
            _blank(chars, *found.span())
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


def _strong(
    text: str, chars: list[str], start: int, end: int, opening: dict[str, tuple[int, int]]
) -> None:
    """Blank the delimiters of emphasis on a line: an opening one (before a non-blank),
    here or on an earlier line of the paragraph (`opening`), paired with the next closing
    one of its kind (after a non-blank)."""
    for delimiter in _STRONG.finditer(text, start, end):
        first, last = delimiter.span()
        kind = text[first:last]
        if kind in opening and not text[first - 1].isspace():
            _blank(chars, *opening.pop(kind))
            _blank(chars, first, last)
        elif last < end and not text[last].isspace():
            opening[kind] = (first, last)


def _blank(chars: list[str], start: int, end: int) -> None:
    chars[start:end] = " " * (end - start)
