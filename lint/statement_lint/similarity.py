"""Edit distance, for "did you mean" hints (misspelled months, languages, rule codes)."""

from __future__ import annotations

from collections.abc import Iterable


def edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i]
        for j, char_b in enumerate(b, start=1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b))
            )
        previous = current
    return previous[-1]


def closest(word: str, choices: Iterable[str], limit: int = 2) -> str | None:
    """The choice nearest to `word` (ignoring case) if within `limit` edits, else None."""
    best, best_distance = None, limit + 1
    for choice in choices:
        distance = edit_distance(word.lower(), choice.lower())
        if distance < best_distance:
            best, best_distance = choice, distance
    return best
