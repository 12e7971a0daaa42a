"""A normalised view of a document's text that remembers where each character came from.

PDF-extracted statements come with trailing spaces, blank lines between wrapped lines, words
hyphenated at line ends and curly quotes. The parser works on a normalised copy in which
- every whitespace run is one space, or one newline if it held a line break;
- a word hyphenated across a line break is joined (`docu-\\n  ment` -> `document`), and so
  is a document symbol wrapped after a slash (`PC.DEL/1012/\\n21`);
- soft hyphens, invisible marks (zero-width spaces, left-to-right and right-to-left marks)
  and Markdown's backslash before a marker (`\\*`) are dropped;
- curly quotes, non-breaking spaces and dashes become ASCII;
- page furniture lines (`- 2 -`, `PCOEJ1450`, a running head) are blanked out, and so is the
  markup of a Markdown file (`**PC.DEL/1480/21**\\`): see `parse/furniture.py` and
  `parse/markdown.py`; both keep the text's length, so that the lines around them join.
A piecewise map takes every normalised offset back to the original text, so that diagnostics
point at the document as the user sees it.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from statement_lint.model import Span
from statement_lint.parse.furniture import Furniture
from statement_lint.parse.markdown import see_through
from statement_lint.regex import regex

# Length-preserving replacements, so they need no entry in the offset map.
_PLAIN = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\ufeff": " ",
    }
)

# Characters that are there and not seen, dropped like the soft hyphen: zero-width space,
# non-joiner and joiner, left-to-right and right-to-left marks, the word joiner and the Arabic
# letter mark (Word files with right-to-left settings and web copies put them beside symbols,
# dates and names). Bidi embeddings, overrides and isolates are kept: they change how the text
# is shown, and inside the disclaimer they are an alteration to report.
_SOFT_HYPHEN = "\u00ad"
_MARKS = "\u061c\u200b\u200c\u200d\u200e\u200f\u2060"
_INVISIBLE = _SOFT_HYPHEN + _MARKS  # as it is, a character class's contents too
# Next to a blank, an invisible mark is read as a blank (so `16 \u200b November` keeps one space,
# and a tab or a line end beside a mark stays one); elsewhere it is dropped.
_INVISIBLE_RUN = regex(rf"[{_INVISIBLE}]+")


def _rewrite(dropped: str, wrapped: bool):
    """Runs to rewrite: a hyphen that ends a line inside a word, the characters `dropped`, a
    backslash that escapes `*` in Markdown, with `wrapped` a line break after a document
    symbol's slash (a narrow table cell wraps `PC.DEL/1012/` / `21`), and whitespace that is not
    already a single space."""
    symbol = r"|(?P<symbol>(?<=[A-Z\d]/)[ \t]*\n[ \t]*(?=\d|(?:Rev|Corr|Add)\.\d))"
    return regex(
        # The lookahead lets the engine skip, at C speed, the characters no run starts with.
        rf"(?=[-{dropped}\\\s])"
        rf"(?:(?<=\w)-[ \t]*\n\s*(?=[^\W\d_])|[{dropped}]+|\\(?=\*)"
        rf"{symbol if wrapped else ''}|\s{{2,}}|[^\S \n])"
    )


# Most texts hold no invisible mark but the soft hyphen, and no line ending in a slash: the
# patterns that look for them too scan a quarter slower, so they serve only the texts that
# hold one. Keyed by (an invisible mark, a line ending in a slash).
_REWRITES = {
    (marks, wrapped): _rewrite(_INVISIBLE if marks else _SOFT_HYPHEN, wrapped)
    for marks in (False, True)
    for wrapped in (False, True)
}
_SLASH_AT_LINE_END = regex(r"/[ \t]*\n")


def _blank_beside_blank(text: str, marks: re.Match[str]) -> str:
    """Invisible marks next to a blank, as blanks; others as they are (dropped later)."""
    start, end = marks.span()
    beside = (start and text[start - 1].isspace()) or (end < len(text) and text[end].isspace())
    return " " * (end - start) if beside else marks.group()


class NormalText:
    """The normalised text (`.text`) and the way back to the original (`span()`)."""

    __slots__ = ("_line_starts", "_seg_norm", "_seg_orig", "original", "text")

    def __init__(
        self, original: str, markdown: bool = False, furniture: Furniture | None = None
    ) -> None:
        """`markdown`: read the text through its Markdown markup; `furniture`: blank out the
        page furniture it finds (the parser's, which knows the profile's dates)."""
        self.original = original
        plain = original.translate(_PLAIN)
        # (`in` finds a character at C speed; a character class scans slower)
        marks = any(mark in plain for mark in _MARKS)
        if marks:
            plain = _INVISIBLE_RUN.sub(lambda run: _blank_beside_blank(plain, run), plain)
        if markdown:
            plain = see_through(plain)
        if furniture is not None:
            plain = furniture.blank(plain)
        pieces: list[str] = []
        seg_norm = [0]
        seg_orig = [0]
        norm_len = 0
        last = 0
        wrapped = _SLASH_AT_LINE_END.search(plain) is not None
        rewrite = _REWRITES[marks, wrapped]
        for match in rewrite.finditer(plain):
            start, end = match.span()
            run = match.group()
            if run[0] == "-":
                # `Bosnia-\nHerzegovina`: a real hyphen that happens to end a line stays.
                replacement = "" if plain[end].islower() else "-\n"
            elif (run[0] != " " and not run[0].isspace()) or (
                wrapped and match.lastgroup == "symbol"
            ):
                replacement = ""  # invisible, Markdown's `\\`, a symbol's wrapped line
            else:
                replacement = "\n" if "\n" in run else " "
            pieces.append(plain[last:start])
            norm_len += start - last
            pieces.append(replacement)
            norm_len += len(replacement)
            last = end
            if seg_norm[-1] == norm_len:
                seg_orig[-1] = end
            else:
                seg_norm.append(norm_len)
                seg_orig.append(end)
        pieces.append(plain[last:])
        self.text = "".join(pieces)
        self._seg_norm = seg_norm
        self._seg_orig = seg_orig
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", original)]

    @property
    def may_have_columns(self) -> bool:
        """Whether the original text holds a tab, three blanks or a `|` anywhere."""
        original = self.original
        return "\t" in original or "   " in original or "|" in original

    def after_column_gap(self, offset: int) -> bool:
        """Whether, in the original text, a tab or three blanks stand right before the
        normalised `offset`, or a table's `|`: text to its left on the line is another column (a
        table cell saved as text or in Markdown, a layout kept by `pdftotext -layout`)."""
        start = self.to_original(offset)
        before = self.original[max(0, start - 12) : start].replace("\u00a0", " ")
        before = before.rstrip(_INVISIBLE)
        return before.endswith(("\t", "   ")) or before.rstrip(" \t").endswith("|")

    def to_original(self, offset: int) -> int:
        index = bisect_right(self._seg_norm, offset) - 1
        return self._seg_orig[index] + offset - self._seg_norm[index]

    def line_column(self, original_offset: int) -> tuple[int, int]:
        """1-based line and column of an offset into the original text."""
        index = bisect_right(self._line_starts, original_offset) - 1
        return index + 1, original_offset - self._line_starts[index] + 1

    def span(self, start: int, end: int) -> Span:
        """The original-text span of the normalised range [start, end)."""
        orig_start = self.to_original(start)
        orig_end = self.to_original(end) if end > start else orig_start
        if end > start:
            # A range that ends just before a rewritten run must not swallow that run.
            orig_end = self.to_original(end - 1) + 1
        line, column = self.line_column(orig_start)
        end_line, end_column = self.line_column(orig_end)
        return Span(
            start=orig_start,
            end=orig_end,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
        )
