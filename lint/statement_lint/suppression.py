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
from dataclasses import dataclass, field

from statement_lint.model import Diagnostic, Span, line_span
from statement_lint.settings import validate_selector

_DIRECTIVE = re.compile(
    r"^[ \t]*(?:<!--[ \t]*|#+[ \t]*|//[ \t]*)?"
    r"statement-lint:[ \t]*(?P<body>.*?)[ \t]*(?:-->)?[ \t]*$",
    re.MULTILINE,
)
_BODY = re.compile(r"(?P<kind>[\w-]+)[ \t]*=[ \t]*(?P<codes>.*)")
KINDS = ("disable", "enable", "disable-file")
FILE_DIRECTIVE_LINES = 10


@dataclass
class Directive:
    kind: str
    codes: tuple[str, ...]
    span: Span
    problem: str | None = None  # why it is invalid
    used: bool = False


@dataclass(frozen=True)
class _Range:
    code: str
    first_line: int  # exclusive bounds: lines strictly between are suppressed
    last_line: float
    directive: Directive


@dataclass
class InlineSuppression:
    directives: list[Directive] = field(default_factory=list)
    ranges: list[_Range] = field(default_factory=list)

    def suppresses(self, diagnostic: Diagnostic) -> bool:
        hit = False
        for suppression in self.ranges:
            if (
                covers(suppression.code, diagnostic.code)
                and suppression.first_line < diagnostic.line < suppression.last_line
            ):
                suppression.directive.used = True
                hit = True
        return hit


def covers(selector: str, code: str) -> bool:
    return selector == "ALL" or code.startswith(selector)


def read_directives(text: str) -> InlineSuppression:
    """The directives in a document's text, and the line ranges they suppress."""
    result = InlineSuppression()
    total_lines = text.count("\n") + 1
    open_ranges: dict[str, tuple[int, Directive]] = {}
    for match in _DIRECTIVE.finditer(text):
        span = line_span(text, match.start("body"), match.end("body"))
        body = _BODY.fullmatch(match["body"])
        if body is None or body["kind"] not in KINDS:
            written = match["body"].split("=")[0].strip() or match["body"]
            directive = Directive("invalid", (), span)
            directive.problem = (
                f"unknown directive '{written}': write disable=CODES, enable=CODES or "
                "disable-file=CODES"
            )
            result.directives.append(directive)
            continue
        codes = tuple(code.strip().upper() for code in body["codes"].split(",") if code.strip())
        directive = Directive(body["kind"], codes, span)
        result.directives.append(directive)
        unknown = [(code, validate_selector(code)) for code in codes]
        unknown = [f"{problem}" for code, problem in unknown if problem]
        if not codes:
            directive.problem = f"{directive.kind} names no rule code"
        elif unknown:
            directive.problem = "; ".join(unknown)
        line = span.line
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
