"""What the archive rules share: the register's rows, grouped by symbol, and how a finding
names the other document. Not a rule itself (its name starts with `_`)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import NamedTuple

from statement_lint.reference.common import long_date
from statement_lint.regex import regex

_SUFFIX = regex(r"/(Rev|Corr|Add)\.(\d+)$")


class ArchiveFinding(NamedTuple):
    path: str
    line: int
    message: str
    subject: str  # what the finding is about, for its fingerprint


class Kept(NamedTuple):
    """What the checks keep of a register row (`run.register.Row`): no text, and the aligning
    countries as a set of ids, so that an archive of 100,000 documents stays small."""

    path: str
    symbol: str
    language: str | None
    original: str | None  # the original's language, for a translation
    date: str | None
    digest: bytes | None  # the first 16 bytes of the text's sha256: enough to tell texts apart
    symbol_line: int | None
    date_line: int | None
    countries: frozenset[str]  # empty: no alignment paragraph was recognised

    @classmethod
    def of(cls, row) -> Kept | None:
        """None for a row the checks have nothing to say about (no symbol, not read)."""
        if not row.symbol or row.error is not None:
            return None
        countries = frozenset(aligned.country for aligned in row.aligned)
        countries = _SETS.setdefault(countries, countries)  # most documents share a few sets
        digest = bytes.fromhex(row.sha256)[:16] if row.sha256 else None
        return cls(row.path, row.symbol, row.language, row.original, row.date, digest,
                   row.symbol_line, row.date_line, countries)  # fmt: skip


_SETS: dict[frozenset[str], frozenset[str]] = {}


class Archive:
    """The kept rows of an archive (`Kept`), by symbol; `strict`: report what is missing from
    it too."""

    def __init__(self, kept, strict: bool = False) -> None:
        self.strict = strict
        self.by_symbol: dict[str, list[Kept]] = defaultdict(list)
        for row in kept:
            self.by_symbol[symbol_key(row.symbol)].append(row)


def symbol_key(symbol: str) -> str:
    """The symbol as documents are matched by: without spaces and a trailing `*`."""
    return "".join(symbol.split()).rstrip("*")


def base_of(symbol: str) -> tuple[str, str, int] | None:
    """(the symbol it revises, the kind, the number): `PC.DEL/80/21/Rev.2` -> (`.../Rev.1`,
    `Rev`, 2); `.../Rev.1` -> (`PC.DEL/80/21`, `Rev`, 1). None for a symbol with no suffix."""
    suffix = _SUFFIX.search(symbol)
    if suffix is None:
        return None
    kind, number = suffix.group(1), int(suffix.group(2))
    stem = symbol[: suffix.start()]
    return (f"{stem}/{kind}.{number - 1}" if number > 1 else stem), kind, number


def where(row) -> str:
    return f"{row.path} (line {row.symbol_line or 1})"


def day(row) -> dt.date | None:
    return dt.date.fromisoformat(row.date) if row.date else None


def shown_day(row) -> str:
    found = day(row)
    return long_date(found) if found else "undated"
