"""Suppression: inline directives in text files, and `per-file-ignores` from config.

    statement-lint: disable=ALN002,REF       (on its own line: until a matching enable)
    statement-lint: enable=ALN002
    statement-lint: disable-file=DSC001      (in the first or last 10 lines: the whole file)

A directive may sit in an HTML comment (`<!-- statement-lint: disable=DSC001 -->`) or after
`#` or `//`. Codes may be prefixes, or ALL. Suppression is applied here, after the rules,
never inside them; what suppressed nothing, and what names no rule, is reported (SUP001,
SUP002).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import NamedTuple

from statement_lint.diagnostic import Diagnostic
from statement_lint.model import Directive, Span
from statement_lint.records import field, record
from statement_lint.regex import regex
from statement_lint.rules._selection import is_selector, validate_selector

# What opens a directive; the rest of its line is its body, less the blanks and `-->` around
# it. The body is cut out with string methods: a pattern for it needs two `[ \t]*` around an
# optional `-->`, and that backtracks cubically on a long run of spaces and tabs.
_DIRECTIVE = regex(r"^[ \t]*(?:<!--[ \t]*|#+[ \t]*|//[ \t]*)?statement-lint:", re.MULTILINE)
_BODY = regex(r"(?P<kind>[\w-]+)[ \t]*=[ \t]*(?P<codes>.*)")
KINDS = ("disable", "enable", "disable-file")
FILE_DIRECTIVE_LINES = 10
# How many unknown codes of one directive its message names (a line may list thousands).
NAMED_UNKNOWN_CODES = 3


class _Range(NamedTuple):
    code: str
    first_line: int  # exclusive bounds: lines strictly between are suppressed
    last_line: float
    directive: Directive


@record(built_often=True)
class InlineSuppression:
    directives: list[Directive] = field(default_factory=list)
    ranges: list[_Range] = field(default_factory=list)
    _index: _RangeIndex | None = field(default=None, repr=False)

    def suppresses(self, diagnostic: Diagnostic) -> bool:
        if not self.ranges:
            return False
        if self._index is None:
            self._index = _RangeIndex(self.ranges)
        hit = False
        for suppression in self._index.covering(diagnostic.code, diagnostic.line):
            suppression.directive.used = True
            hit = True
        return hit


class _RangeIndex:
    """The ranges by code, so that a diagnostic is checked against the few that can cover it
    rather than against every range of the document (diagnostics times ranges is quadratic).

    A code's disable ... enable ranges never overlap (a second disable replaces the open one,
    and a line holds one directive), so one bisection finds the only one that can hold a
    line; whole-file ranges hold every line, and are kept once per directive."""

    def __init__(self, ranges: list[_Range]) -> None:
        self._spans: dict[str, list[_Range]] = {}
        self._whole: dict[str, dict[int, _Range]] = {}
        for suppression in ranges:
            if suppression.directive.kind == "disable-file":
                whole = self._whole.setdefault(suppression.code, {})
                whole.setdefault(id(suppression.directive), suppression)
            else:
                self._spans.setdefault(suppression.code, []).append(suppression)
        self._starts: dict[str, list[int]] = {}
        for code, spans in self._spans.items():
            spans.sort(key=lambda suppression: suppression.first_line)
            self._starts[code] = [suppression.first_line for suppression in spans]

    def covering(self, code: str, line: int) -> list[_Range]:
        found = []
        for selector in ("ALL", *(code[:length] for length in range(1, len(code) + 1))):
            found += self._whole.get(selector, {}).values()
            spans = self._spans.get(selector)
            if spans:
                index = bisect_left(self._starts[selector], line) - 1
                if index >= 0 and line < spans[index].last_line:
                    found.append(spans[index])
        return found


def read_directives(text: str) -> InlineSuppression:
    """The directives in a document's text, and the line ranges they suppress."""
    result = InlineSuppression()
    total_lines = text.count("\n") + 1
    open_ranges: dict[str, tuple[int, Directive]] = {}
    line, counted = 1, 0  # line numbers counted as the directives come, not from the start
    for match in _DIRECTIVE.finditer(text):
        line += text.count("\n", counted, match.start())
        counted = match.start()
        body, span = _body(text, match.end(), line, match.start())
        directive = _directive(body, span)
        result.directives.append(directive)
        if directive.kind == "invalid":
            continue
        codes = directive.codes
        if directive.kind == "disable-file":
            if FILE_DIRECTIVE_LINES < line <= total_lines - FILE_DIRECTIVE_LINES:
                directive.problem = (
                    f"disable-file must stand in the first or last {FILE_DIRECTIVE_LINES} lines; "
                    "use disable= and enable= around the lines instead"
                )
                continue
            result.ranges.extend(_Range(code, 0, float("inf"), directive) for code in codes)
        elif directive.kind == "disable":
            for code in codes:
                open_ranges[code] = (line, directive)
        else:
            for code in codes:
                if code in open_ranges:
                    start, opener = open_ranges.pop(code)
                    result.ranges.append(_Range(code, start, line, opener))
    for code, (start, opener) in open_ranges.items():
        result.ranges.append(_Range(code, start, float("inf"), opener))
    return result


def _body(text: str, start: int, line: int, line_start: int) -> tuple[str, Span]:
    """The directive's body (what follows `statement-lint:` on its line, less the blanks and
    the `-->` around it) and its span."""
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    rest = text[start:end]
    body = rest.lstrip(" \t")
    start += len(rest) - len(body)
    body = body.rstrip(" \t")
    if body.endswith("-->"):
        body = body.removesuffix("-->").rstrip(" \t")
    column = start - line_start + 1
    span = Span(
        start=start,
        end=start + len(body),
        line=line,
        column=column,
        end_line=line,
        end_column=column + len(body),
    )
    return body, span


def _directive(text: str, span: Span) -> Directive:
    """The directive a body spells, with what is wrong with it."""
    body = _BODY.fullmatch(text)
    if body is None or body["kind"] not in KINDS:
        written = text.split("=")[0].strip() or text
        directive = Directive("invalid", (), span)
        directive.problem = (
            f"unknown directive '{written}': write disable=CODES, enable=CODES or "
            "disable-file=CODES"
        )
        return directive
    codes = tuple(code.strip().upper() for code in body["codes"].split(",") if code.strip())
    directive = Directive(body["kind"], codes, span)
    unknown = list(dict.fromkeys(code for code in codes if not is_selector(code)))
    if not codes:
        directive.problem = f"{directive.kind} names no rule code"
    elif unknown:
        named = unknown[:NAMED_UNKNOWN_CODES]
        problems = [validate_selector(code) for code in named]
        if len(unknown) > len(named):
            problems.append(f"and {len(unknown) - len(named)} more codes that match no rule")
        directive.problem = "; ".join(problems)
    return directive
