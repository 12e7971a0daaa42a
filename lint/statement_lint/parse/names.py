"""The gazetteer's names as an index: which name starts at a place in the text, the longest
if several do.

A name matches whatever its case and whatever one blank stands between its words (a space or
a line end), and only as a whole word: a letter may not follow it, a digit may (`Croatia1`, a
note number flattened into the name). An article of the profile's (`the`) may stand before it.

Case is compared as Python's regular expressions compare it (simple case mapping, and the few
letters they take for the same: `ı` and `i`, `ſ` and `s`), so that `TÜRKİYE` is `Türkiye`. A
single pattern of all the names did the same, but was compiled at every start (the largest
pattern of the parser) and tried the names one by one at every place; here the first two
letters pick the few names to compare, and the spellings met are remembered folded.
"""

from __future__ import annotations

from collections.abc import Iterable

# Letters that regular expressions take for the same ignoring case, beyond simple lower case;
# `İ` is here because `str.lower` maps it to two characters (`i` and a combining dot).
_SAME_LETTERS = {"İ": "i", "ı": "i", "ſ": "s", "ς": "σ", "ϐ": "β", "ϑ": "θ", "ϰ": "κ"}
# What `\s` matches (str.isspace).
_BLANKS = "\t\n\v\f\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000" + "".join(
    map(chr, range(0x2000, 0x200B))
)
_FOLD = str.maketrans({**_SAME_LETTERS, **dict.fromkeys(_BLANKS, " ")})
# The names to compare at a place are those whose first letters are there.
_PREFIX = 4
# Prefixes and names as written, remembered with their folding (statements write few).
_REMEMBERED = 4096


def fold(text: str) -> str:
    """`text` as the index compares it: case folded, any blank a space (the length kept)."""
    return text.translate(_FOLD).lower()


def _is_letter(character: str, allowed: str) -> bool:
    """A character that may not follow a name: a word character that is no digit, no `_`
    and none of `allowed` (superscript digits)."""
    return character.isalnum() and not character.isdecimal() and character not in allowed


class NameIndex:
    """Names (`key` -> value), found at a place in the text; `articles` may stand before them,
    each with a blank after it unless it is elided (`l'`); after a name may stand any of
    `may_follow` although they are letters to Python."""

    def __init__(
        self, names: dict[str, object], articles: Iterable[str], may_follow: str = ""
    ) -> None:
        self._values: dict[str, object] = {}
        self._by_prefix: dict[str, list[str]] = {}
        for name, value in names.items():
            key = fold(" ".join(name.split()))
            self._values[key] = value
        for key in sorted(self._values, key=len, reverse=True):
            self._by_prefix.setdefault(key[:_PREFIX], []).append(key)
        self._articles = [fold(article) for article in sorted(articles, key=len, reverse=True)]
        self._article_starts = {
            case(a[0]) for a in self._articles if a for case in (str.lower, str.upper)
        }
        self._folded: dict[str, str] = {}  # prefixes and names as written -> folded
        self._may_follow = may_follow
        self.longest = max(map(len, self._values), default=0)

    def match(self, text: str, position: int, end: int) -> tuple[int, str] | None:
        """The name that starts at `position` (after an article, if one stands there) and
        ends by `end`: where it ends, and its key; the longest if several do."""
        for article in (
            self._articles if text[position : position + 1] in self._article_starts else ()
        ):
            after = position + len(article)
            if self._fold(text[position:after]) != article:
                continue
            if not article.endswith("'"):
                if after >= end or not text[after].isspace():
                    continue
                after += 1
            found = self._name(text, after, end)
            if found:
                return found
        return self._name(text, position, end)

    def _fold(self, written: str) -> str:
        folded = self._folded.get(written)
        if folded is None:
            if len(self._folded) >= _REMEMBERED:
                self._folded.clear()
            folded = self._folded[written] = fold(written)
        return folded

    def value(self, key: str) -> object:
        return self._values[key]

    def _name(self, text: str, position: int, end: int) -> tuple[int, str] | None:
        candidates = self._by_prefix.get(self._fold(text[position : position + _PREFIX]))
        if not candidates:
            return None
        for key in candidates:
            name_end = position + len(key)
            if name_end > end or self._fold(text[position:name_end]) != key:
                continue
            if name_end < end and _is_letter(text[name_end], self._may_follow):
                continue
            return name_end, key
        return None
