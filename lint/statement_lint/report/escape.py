"""Text made safe to print: what a file name or a quoted piece of a document holds is shown,
never obeyed.

A line end would forge a diagnostic line (or a GitHub workflow command), an ANSI escape would
drive the terminal, a bidi control would reorder what the reader sees, and a byte that is not
UTF-8 cannot be printed at all. Each is written as a visible escape instead: `\\n`, `\\x1b`,
`\\u202e`, `\\xff`.
"""

import re

from statement_lint.regex import regex

# C0 and C1 controls (ESC, DEL, tab and line ends among them), the line and paragraph
# separators, the bidi controls and marks, and lone surrogates (undecodable bytes of a file
# name, as Python keeps them, or text that is not Unicode at all).
_UNSAFE = regex(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_SURROGATE = regex("[\ud800-\udfff]")
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if 0xDC80 <= code <= 0xDCFF:  # the byte that os.fsdecode could not decode
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """`text` with every control, separator, bidi and surrogate character escaped."""
    return _UNSAFE.sub(_escape, text)


def undecodable_escaped(text: str) -> str:
    """`text` with only its lone surrogates escaped: printable, encodable, the same every run."""
    if text.isascii():  # the usual file name: nothing to look for
        return text
    return _SURROGATE.sub(_escape, text)
