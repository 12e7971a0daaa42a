"""Lists of participating States outside the alignment paragraph: the co-sponsors of joint
statements.

    I am making this statement in my national capacity and also on behalf of Albania, Andorra,
    ..., and the United States of America.
    We, the aligning states, Andorra, Belgium, ..., and my own country Norway, reaffirm ...
    We, members of the OSCE Permanent Council representing Albania, ... and United States of
    America reaffirm ...

A list is read only after a lead that introduces States (`on behalf of`, `representing`,
`co-sponsored by`, `the aligning states`, `the following participating States:`), item by
item: a gazetteer name, or a name that looks like one (capitalised words, with `of` or `the`
between them) that a comma, `and`, or the end of the sentence follows. The list ends at the
first item that is neither, and a name-like item that something else follows
(`Ukrainian civil society`) is dropped. A list counts only when at least two of its names are
countries the gazetteer knows and they outnumber the others: `on behalf of the European Union`
or `on behalf of Ambassador Smith and Minister Jones` is no list of States.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from statement_lint.model import CountryList, CountryMention, one_line
from statement_lint.parse.countries import CountryReader, country_mention
from statement_lint.parse.normalize import NormalText
from statement_lint.regex import regex

_LEAD = regex(
    # The lookahead lets the engine skip, at C speed, the characters no lead starts with.
    r"(?=[oOrRcCtT])\b(?P<lead>on\sbehalf\sof|representing|co-?sponsored\sby"
    r"|the\saligning\s(?:states|countries)"
    r"|the\sfollowing(?:\s\d+)?(?:\sparticipating)?\s(?:states|countries|delegations)\s?:)"
    r"(?:\sthe\sfollowing(?:\s\d+)?(?:\sparticipating)?\s(?:states|countries|delegations)\s?:)?"
    r",?(?=\s)",
    re.IGNORECASE,
)
_SEPARATORS = regex(r"(?:[\s,;]|\band\b)+", re.IGNORECASE)
# `..., and my own country Norway, reaffirm`.
_OWN_COUNTRY = regex(r"(?:my\s(?:own\s)?country|my\sown)\s", re.IGNORECASE)
_THE = regex(r"the\s", re.IGNORECASE)
_WORD = regex(r"[^\W\d_][\w'’-]*")
_BLANK = regex(r"\s")
# Small words inside names (`United States of America`); `and` separates the list.
_LINKS = frozenset({"of", "the", "de", "del", "da", "du"})
# What may follow a name-like item for it to be an item of the list.
_ITEM_END = regex(r"\s*(?:[,;:.)]|\band\b|$)", re.IGNORECASE)


class _Item(NamedTuple):
    start: int
    end: int
    country_id: str | None
    alias: str | None
    read: str | None = None  # the name as read across a line-end hyphen


class CoSponsorReader:
    def __init__(self, countries: CountryReader) -> None:
        self._countries = countries

    def lists(self, normal: NormalText, skip: list[tuple[int, int]]) -> list[CountryList]:
        """The lists of States in the text, outside the `skip` ranges (the alignment paragraph
        and its footnotes)."""
        text = normal.text
        found: list[CountryList] = []
        read_to = 0
        for lead in _LEAD.finditer(text):
            if lead.start() < read_to or any(s <= lead.start() < e for s, e in skip):
                continue
            items = self._items(text, lead.end())
            if not items:
                continue
            read_to = items[-1].end
            known = sum(1 for item in items if item.country_id)
            if known < 2 or known <= len(items) - known:
                continue
            found.append(
                CountryList(
                    lead=one_line(lead["lead"]),
                    span=normal.span(items[0].start, items[-1].end),
                    countries=[_mention(normal, item) for item in items],
                )
            )
        return found

    def _items(self, text: str, position: int) -> list[_Item]:
        items: list[_Item] = []
        end = len(text)
        while True:
            separators = _SEPARATORS.match(text, position)
            if separators:
                position = separators.end()
            own = _OWN_COUNTRY.match(text, position)
            if own:
                position = own.end()
            known = self._countries.name_at(text, position, end)
            if known:
                name_end, country_id, alias, read = known
                items.append(_Item(position, name_end, country_id, alias, read))
                if not _ITEM_END.match(text, name_end):
                    return items  # `... and United States of America reaffirm`
                position = name_end
                continue
            name_end = _name_like(text, position)
            if name_end is None or not _ITEM_END.match(text, name_end):
                return items
            items.append(_Item(position, name_end, None, None))
            position = name_end


def _name_like(text: str, position: int) -> int | None:
    """Where a name that looks like one (`Unites States of America`, `the Lichtenstein`)
    starts at `position` ends; None if there is none."""
    the = _THE.match(text, position)
    if the:
        position = the.end()
    name_end = None
    while True:
        word = _WORD.match(text, position)
        if word is None:
            return name_end
        if word.group()[0].isupper():
            name_end = word.end()
        elif name_end is None or word.group() not in _LINKS:
            return name_end
        blank = _BLANK.match(text, word.end())
        if blank is None:
            return name_end
        position = blank.end()


def _mention(normal: NormalText, item: _Item) -> CountryMention:
    return country_mention(normal, item, None, None)
