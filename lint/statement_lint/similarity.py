"""Edit distance, for "did you mean" hints (misspelled months, languages, country names, rule
codes, config keys).

A hint must cost little whatever the word: a 13 KB "country name" or ten thousand misspelled
months must not cost seconds. So only choices that can be within the limit are compared:
- a choice whose length differs from the word's by more than the limit is skipped (so a word
  much longer than every choice costs nothing but lowering it);
- a choice is compared only if one of its `limit + 1` pieces stands in the word at about the
  same place (the pigeonhole: `limit` edits cannot touch all `limit + 1` pieces);
- the distance is worked out only as far as it can stay within the limit.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

# Words already looked up, per set of choices: a document may repeat a misspelling.
_MEMO_SIZE = 1024


def bounded_distance(a: str, b: str, limit: int) -> int:
    """The edit distance of `a` and `b` if it is at most `limit`, else `limit + 1`.

    Worked out only while it can stay within the limit: a common prefix and suffix never
    change the distance, and at the first difference each of the three edits leaves one edit
    fewer to spare. For the small limits of hints (at most 2) that is a few comparisons of
    the remaining text."""
    if a == b:
        return 0
    if limit == 0 or abs(len(a) - len(b)) > limit:
        return limit + 1
    shortest = min(len(a), len(b))
    prefix = 0
    while prefix < shortest and a[prefix] == b[prefix]:
        prefix += 1
    suffix = 0
    while suffix < shortest - prefix and a[-1 - suffix] == b[-1 - suffix]:
        suffix += 1
    a, b = a[prefix : len(a) - suffix], b[prefix : len(b) - suffix]
    if not a or not b:
        return len(a) + len(b)  # within the limit: the lengths differ by at most that
    # The first characters differ: change, drop or add one.
    edits = ((a[1:], b[1:]), (a[1:], b), (a, b[1:]))
    if limit == 1:
        return 1 if any(rest_a == rest_b for rest_a, rest_b in edits) else 2
    best = limit + 1
    for rest_a, rest_b in edits:
        best = min(best, 1 + bounded_distance(rest_a, rest_b, best - 2))
        if best == 1:
            break
    return best


class Suggester:
    """The closest of a fixed set of choices to a word, within `limit` edits (case ignored)."""

    def __init__(self, choices: tuple[str, ...], limit: int) -> None:
        self._choices = choices
        self._lowered = [choice.lower() for choice in choices]
        self._limit = limit
        # (piece, where it may stand in the word) -> the choices that have it there.
        self._pieces: dict[tuple[str, int], list[int]] = {}
        self._piece_lengths: dict[int, set[int]] = {}  # choice length -> its piece lengths
        for index, lowered in enumerate(self._lowered):
            lengths = self._piece_lengths.setdefault(len(lowered), set())
            for offset, piece in _pieces(lowered, limit + 1):
                lengths.add(len(piece))
                for place in range(offset - limit, offset + limit + 1):
                    self._pieces.setdefault((piece, place), []).append(index)
        self._longest = max(map(len, self._lowered), default=0)
        self._memo: dict[str, str | None] = {}

    def closest(self, word: str) -> str | None:
        if len(word) > self._longest + self._limit:
            return None  # lowering never shortens a word: no choice is near enough
        if word not in self._memo:
            if len(self._memo) >= _MEMO_SIZE:
                self._memo.clear()
            self._memo[word] = self._closest(word.lower())
        return self._memo[word]

    def _closest(self, word: str) -> str | None:
        best, best_distance = None, self._limit + 1
        for index in self._candidates(word):
            distance = bounded_distance(word, self._lowered[index], best_distance - 1)
            if distance < best_distance:  # ties: the first choice wins
                best, best_distance = self._choices[index], distance
        return best

    def _candidates(self, word: str) -> list[int]:
        """The choices (indices, in order) that can be within the limit of `word`."""
        size = len(word)
        lengths = set()
        for length in range(size - self._limit, size + self._limit + 1):
            lengths |= self._piece_lengths.get(length, set())
        found = set()
        for length in lengths:
            if length == 0:  # choices shorter than limit + 1 have empty pieces
                found.update(self._pieces.get(("", 0), ()))
                continue
            for start in range(size - length + 1):
                found.update(self._pieces.get((word[start : start + length], start), ()))
        near = range(size - self._limit, size + self._limit + 1)
        return sorted(index for index in found if len(self._lowered[index]) in near)


def _pieces(text: str, count: int) -> list[tuple[int, str]]:
    """`text` cut into `count` pieces of about equal length, with their offsets."""
    pieces, start = [], 0
    for number in range(count):
        end = len(text) * (number + 1) // count
        pieces.append((start, text[start:end]))
        start = end
    return pieces


@lru_cache(maxsize=32)
def suggester(choices: tuple[str, ...], limit: int = 2) -> Suggester:
    """A suggester for these choices, built once."""
    return Suggester(choices, limit)


def closest(word: str, choices: Iterable[str], limit: int = 2) -> str | None:
    """The choice nearest to `word` (ignoring case) if within `limit` edits, else None."""
    return suggester(tuple(choices), limit).closest(word)


def did_you_mean(guess: str | None, quote: str = "") -> str:
    """`did you mean X?`: the one wording of every suggestion ('' without a guess)."""
    return f"did you mean {quote}{guess}{quote}?" if guess else ""
