"""Finding the Secretariat disclaimer and how it differs from the canonical text.

The document's words (header tokens left out, since PDF extraction interleaves them with the
disclaimer) are aligned word by word with the canonical text. Case, punctuation, line breaks
and hyphenation do not count; a changed, missing or added word does.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import Match, SequenceMatcher

# Below these, what was found is a coincidence of common words, not the disclaimer.
_MIN_RUN = 4
_MIN_SHARE = 0.5
# A run this short at either edge of the match, separated from the rest by extra document
# words, is a stray common word from the neighbouring text ("the", "of this document").
_STRAY_RUN = 3

_PUNCTUATION = "\"'.,;:!?()[]{}-"


def word_key(word: str) -> str:
    return word.strip(_PUNCTUATION).lower()


@dataclass(frozen=True)
class Difference:
    kind: str  # changed | missing | added
    expected: str
    found: str
    first_word: int  # index into the document words the difference is shown at
    last_word: int
    canonical_words: tuple[str, ...]  # the canonical words as written, with punctuation
    before_shown_word: bool = True  # missing words go before the word shown (else after it)


@dataclass(frozen=True)
class DisclaimerMatch:
    canonical: str
    first_word: int
    last_word: int
    differences: list[Difference]
    matched: int


class DisclaimerFinder:
    def __init__(self, canonical_texts: list[str]) -> None:
        self._canonical = [
            (text, text.split(), [word_key(w) for w in text.split()]) for text in canonical_texts
        ]

    def find(self, words: list[str]) -> DisclaimerMatch | None:
        """Best match of any canonical disclaimer in `words` (the document's words, in order)."""
        keys = [word_key(w) for w in words]
        best: DisclaimerMatch | None = None
        for text, canonical_words, canonical_keys in self._canonical:
            found = self._match(text, canonical_words, canonical_keys, words, keys)
            if found and (best is None or found.matched > best.matched):
                best = found
        return best

    def _match(
        self,
        text: str,
        canonical_words: list[str],
        canonical: list[str],
        words: list[str],
        keys: list[str],
    ) -> DisclaimerMatch | None:
        anchor = SequenceMatcher(None, canonical, keys, autojunk=False).find_longest_match(
            0, len(canonical), 0, len(keys)
        )
        if anchor.size < _MIN_RUN:
            return None
        slack = len(canonical) // 2
        low = max(0, anchor.b - anchor.a - slack)
        high = min(len(keys), anchor.b + (len(canonical) - anchor.a) + slack)
        blocks = [
            Match(block.a, block.b + low, block.size)
            for block in SequenceMatcher(
                None, canonical, keys[low:high], autojunk=False
            ).get_matching_blocks()
            if block.size
        ]
        blocks = _trim_stray_edges(blocks)
        matched = sum(block.size for block in blocks)
        if matched < _MIN_SHARE * len(canonical):
            return None

        differences: list[Difference] = []
        previous = Match(0, blocks[0].b, 0)
        for block in [*blocks, Match(len(canonical), blocks[-1].b + blocks[-1].size, 0)]:
            canonical_gap = canonical_words[previous.a + previous.size : block.a]
            doc_start, doc_end = previous.b + previous.size, block.b
            if canonical_gap or doc_end > doc_start:
                differences.append(_difference(canonical_gap, words, doc_start, doc_end, blocks))
            previous = block
        return DisclaimerMatch(
            text, blocks[0].b, blocks[-1].b + blocks[-1].size - 1, differences, matched
        )


def _trim_stray_edges(blocks: list[Match]) -> list[Match]:
    def stray(edge: Match, neighbour: Match, edge_first: bool) -> bool:
        first, second = (edge, neighbour) if edge_first else (neighbour, edge)
        doc_gap = second.b - (first.b + first.size)
        canonical_gap = second.a - (first.a + first.size)
        return edge.size < _STRAY_RUN and doc_gap > canonical_gap

    while len(blocks) > 1 and stray(blocks[0], blocks[1], True):
        blocks = blocks[1:]
    while len(blocks) > 1 and stray(blocks[-1], blocks[-2], False):
        blocks = blocks[:-1]
    return blocks


def _difference(
    canonical_gap: list[str], words: list[str], doc_start: int, doc_end: int, blocks: list[Match]
) -> Difference:
    found = words[doc_start:doc_end]
    if canonical_gap and found:
        kind = "changed"
    elif canonical_gap:
        kind = "missing"
    else:
        kind = "added"
    before = True
    if found:
        first, last = doc_start, doc_end - 1
    else:
        # Nothing to point at: show the word after the gap (or before it, at the very end).
        last_doc_word = blocks[-1].b + blocks[-1].size - 1
        before = doc_start <= last_doc_word
        first = last = min(doc_start, last_doc_word)
    expected = " ".join(canonical_gap).strip(_PUNCTUATION)
    found_text = " ".join(found).strip(_PUNCTUATION)
    return Difference(kind, expected, found_text, first, last, tuple(canonical_gap), before)
