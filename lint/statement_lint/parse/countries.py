"""Reading country lists (`NORTH MACEDONIA*, MONTENEGRO*, ALBANIA and BOSNIA and HERZEGOVINA`)
against the gazetteer.

Lists are never split on "and": at each place the longest gazetteer name is tried first, so
`BOSNIA and HERZEGOVINA` is one country. Only where no name matches does the reader fall back
to the text up to the next comma or "and", and records it as an unknown name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from statement_lint.reference import Gazetteer

_SEPARATORS = re.compile(r"(?:[\s,;&]|\band\b)+", re.IGNORECASE)
_NEXT_SEPARATOR = re.compile(r"\s*(?:,|;|\band\b)", re.IGNORECASE)
# `*` after a name marks it for a footnote; `Kosovo*` followed by a note number or `[1]` is the
# designation note, not an alignment marker.
# Markers: `*` for the Stabilisation and Association Process; older statements also marked
# ICELAND with `+` (for its EFTA/EEA footnote) while it was a candidate.
MARKER = r"(?:\*+|\++|†+)"
_MARKER = re.compile(rf"[ \t]?({MARKER})(?P<note>\s?(?:\d+|\[\d+\]))?")
# Some drafts put the marker before the name: `*NORTH MACEDONIA`.
_LEADING_MARKER = re.compile(rf"({MARKER})[ \t]?")
# An unmatched name: the text up to the next separator, less a trailing marker.
_UNKNOWN = re.compile(rf"(?P<name>.*?)[ \t]*(?P<marker>{MARKER})?[\s.]*$", re.DOTALL)


@dataclass(frozen=True)
class Mention:
    start: int
    end: int  # end of the name, without marker
    country_id: str | None
    alias: str | None
    marker: str | None


def _key(name: str) -> str:
    return " ".join(name.split()).lower()


class CountryReader:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self._aliases: dict[str, tuple[str, str]] = {}
        for country in gazetteer.countries:
            for alias in country.aliases:
                self._aliases[_key(alias.name)] = (country.id, alias.name)
        names = sorted(self._aliases, key=len, reverse=True)
        alternatives = "|".join(r"\s".join(map(re.escape, name.split())) for name in names)
        self._name = re.compile(rf"(?:the\s)?(?P<name>{alternatives})(?![^\W_])", re.IGNORECASE)

    def read_list(self, text: str, start: int, end: int) -> list[Mention]:
        """The countries named in text[start:end], in order."""
        mentions: list[Mention] = []
        position = start
        while True:
            separators = _SEPARATORS.match(text, position, end)
            if separators:
                position = separators.end()
            if position >= end:
                return mentions
            leading = _LEADING_MARKER.match(text, position, end)
            if leading:
                position = leading.end()
            known = self._name.match(text, position, end)
            if known:
                country_id, alias = self._aliases[_key(known["name"])]
                name_end = known.end()
                marker, after = self._marker(text, name_end, end)
            else:
                boundary = _NEXT_SEPARATOR.search(text, position, end)
                after = boundary.start() if boundary else end
                country_id = alias = None
                chunk = _UNKNOWN.match(text, position, after)
                name_end, marker = chunk.end("name"), chunk["marker"] or None
            if leading:
                marker = leading.group(1)
            mentions.append(Mention(position, name_end, country_id, alias, marker))
            position = max(after, position + 1)

    @staticmethod
    def _marker(text: str, position: int, end: int) -> tuple[str | None, int]:
        found = _MARKER.match(text, position, end)
        if found is None:
            return None, position
        if found["note"]:
            return None, found.end()
        return found.group(1), found.end()
