"""Document symbols: `BODY.TYPE/NUMBER[/YY][/Rev.n|/Corr.n|/Add.n]...[*]`.

The scanner accepts anything symbol-like (so that `PC DEL/80/2021` is found and reported); the
grammar check then lists what is wrong with it, and how it should have been written.

The profile lists the bodies seen so far; circulated documents carry others (`SUM.DEL/51/10`,
a summit's). A body the profile does not know is reported only when it looks like a slip for
one it knows (`PS`, `FCS`); otherwise it is taken as it is.
"""

from __future__ import annotations

from typing import NamedTuple

from statement_lint.reference.profile import SymbolConventions
from statement_lint.regex import regex
from statement_lint.similarity import bounded_distance, did_you_mean

# Symbol-like: a body, an optional session number, a separator, a type, then /-parts.
SYMBOL_LIKE = (
    r"[A-Za-z]{2,6}(?:-[A-Za-z]{2,5})?(?:\(\d{1,3}\))?[. ][A-Za-z]{2,5}"
    r"/[0-9]{1,5}(?:/[A-Za-z0-9]{1,6}(?:\.[0-9]{1,2})?)*\*?"
)

_SHAPE = regex(
    r"(?P<body>[A-Za-z]+(?:-[A-Za-z]+)?)(?P<session>\(\d+\))?(?P<sep>[. ])(?P<type>[A-Za-z]+)"
    r"/(?P<rest>[^*]*)(?P<star>\*?)"
)
_SUFFIX = regex(r"(?P<name>[A-Za-z]+)(?P<dot>\.?)(?P<number>\d+)")
# How many problems of one symbol its message names.
NAMED_PROBLEMS = 5


class SymbolCheck(NamedTuple):
    problems: list[str]
    corrected: str | None  # the symbol as it should be written, when that is certain
    year: int | None


def check_symbol(text: str, conventions: SymbolConventions) -> SymbolCheck:
    shape = _SHAPE.fullmatch(text)
    if shape is None:
        return SymbolCheck(["it does not have the shape BODY.TYPE/NUMBER/YY"], None, None)
    problems: list[str] = []
    body, body_known = _body(shape["body"], conventions.bodies, problems)
    session = shape["session"] or ""
    if session and body not in conventions.numbered_bodies:
        problems.append(f"the body {body} carries no session number")
        body_known = False
    if shape["sep"] != ".":
        problems.append("a full stop separates body and type")
    kind, kind_known = _capitalised(shape["type"], "type", conventions.types, problems)
    certain = body_known and kind_known

    parts = shape["rest"].split("/")
    number = parts.pop(0)
    if not number.isdigit():
        problems.append(f"the number '{number}' is not a number")
        certain = False
    elif number.startswith("0"):
        problems.append(f"the number has no leading zeros ({int(number)})")
        number = str(int(number))

    year_text = parts.pop(0) if parts and parts[0].isdigit() else None
    year_rule = conventions.year.get(f"{body}.{kind}", conventions.year.get(kind, "optional"))
    year_text, year, year_certain = _year(year_text, year_rule, f"{body}.{kind}", problems)
    suffixes, suffixes_certain = _suffixes(parts, conventions.suffixes, problems)
    certain = certain and year_certain and suffixes_certain

    problems = _named_first(problems)
    corrected = None
    if problems and certain:
        pieces = [f"{body}{session}.{kind}", number]
        if year_text is not None:
            pieces.append(year_text)
        corrected = "/".join(pieces + suffixes) + shape["star"]
    return SymbolCheck(problems, corrected, year)


def _year(
    written: str | None, rule: str, body_kind: str, problems: list[str]
) -> tuple[str | None, int | None, bool]:
    """The year as it should be written, the full year when it is well formed, and whether the
    correction is certain; notes what is wrong with it (`rule`: required, optional, absent)."""
    kind = body_kind.split(".")[-1]
    if written is None:
        if rule == "required":
            problems.append(f"a {kind} symbol needs its two-digit year (/{kind}/NUMBER/YY)")
            return None, None, False
        return None, None, True
    if rule == "absent":
        problems.append(f"a {body_kind} symbol carries no year")
        return written, None, False
    if len(written) == 4 and written[:2] in ("19", "20"):
        problems.append(f"the year has two digits ({written[2:]}, not {written})")
        return written[2:], None, True
    if len(written) != 2:
        problems.append(f"the year '{written}' is not two digits")
        return written, None, False
    return written, _full_year(int(written)), True


def _suffixes(parts: list[str], known: list[str], problems: list[str]) -> tuple[list[str], bool]:
    """The suffixes as they should be written, and whether that is certain; notes what is
    wrong with them."""
    suffixes, certain = [], True
    for part in parts:
        suffix = _SUFFIX.fullmatch(part)
        canonical = next(
            (s for s in known if suffix and s.lower() == suffix["name"].lower()),
            None,
        )
        if suffix is None or canonical is None or int(suffix["number"]) < 1:
            problems.append(
                f"unknown suffix '/{part}' (known: " + ", ".join(f"/{s}.n" for s in known) + ")"
            )
            certain = False
            continue
        written = f"{canonical}.{int(suffix['number'])}"
        if part != written:
            problems.append(f"write the suffix as /{written}")
        suffixes.append(written)
    return suffixes, certain


def _named_first(problems: list[str]) -> list[str]:
    """Each problem once, and no more than a few: a symbol-like token with thousands of bad
    suffixes must not make a message thousands of times its size."""
    problems = list(dict.fromkeys(problems))
    if len(problems) <= NAMED_PROBLEMS:
        return problems
    rest = len(problems) - NAMED_PROBLEMS
    return [*problems[:NAMED_PROBLEMS], f"and {rest} more problem{'s' if rest > 1 else ''}"]


def _body(word: str, known: list[str], problems: list[str]) -> tuple[str, bool]:
    """The body in capitals, and whether it is a known one; notes what is wrong with it."""
    upper = word.upper()
    near = None if upper in known else _near(upper, known)
    if upper in known or near is None:
        if word != upper:
            problems.append(f"the body is written in capitals ({upper})")
        return upper, upper in known
    problems.append(f"unknown body '{word}' ({did_you_mean(near)})")
    return word, False


def _near(word: str, known: list[str]) -> str | None:
    """The known word one edit, or one swap of neighbouring letters, away from `word`."""
    for choice in known:
        if bounded_distance(word, choice, 1) <= 1:
            return choice
        if len(word) == len(choice):
            differ = [i for i, (a, b) in enumerate(zip(word, choice, strict=True)) if a != b]
            if len(differ) == 2 and differ[1] == differ[0] + 1:
                first, second = differ
                if (word[first], word[second]) == (choice[second], choice[first]):
                    return choice
    return None


def _capitalised(word: str, what: str, known: list[str], problems: list[str]) -> tuple[str, bool]:
    """The word in capitals, and whether it is a known one; notes what is wrong with it."""
    if word.upper() not in known:
        problems.append(f"unknown {what} '{word}' (known: {', '.join(known)})")
        return word, False
    if word != word.upper():
        problems.append(f"the {what} is written in capitals ({word.upper()})")
    return word.upper(), True


def _full_year(two_digits: int) -> int:
    # OSCE symbols start in the 1990s (CSCE before 1995).
    return 1900 + two_digits if two_digits >= 70 else 2000 + two_digits


def symbol_type(text: str) -> str | None:
    """The symbol's type in capitals (`DEL` in `PC.DEL/80/21`), if it has the symbol shape."""
    shape = _SHAPE.fullmatch(text)
    return shape["type"].upper() if shape else None
