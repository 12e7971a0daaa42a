"""Finding the Secretariat disclaimer and how it differs from the canonical text.

The document's words (header tokens left out, since PDF extraction interleaves them with the
disclaimer) are aligned word by word with the canonical text. Case, punctuation, line breaks
and hyphenation do not count; a changed, missing or added word does.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from statement_lint.regex import LazyPattern, regex

if TYPE_CHECKING:
    from difflib import Match

# Below these, what was found is a coincidence of common words, not the disclaimer.
_MIN_RUN = 4
_MIN_SHARE = 0.5
# A run this short at either edge of the match, separated from the rest by extra document
# words, is a stray common word from the neighbouring text ("the", "of this document").
_STRAY_RUN = 3

_PUNCTUATION = "\"'.,;:!?()[]{}-"


def word_key(word: str) -> str:
    return word.strip(_PUNCTUATION).lower()


class Difference(NamedTuple):
    kind: str  # changed | missing | added
    expected: str
    found: str
    first_word: int  # index into the document words the difference is shown at
    last_word: int
    canonical_words: tuple[str, ...]  # the canonical words as written, with punctuation
    before_shown_word: bool = True  # missing words go before the word shown (else after it)


class DisclaimerMatch(NamedTuple):
    canonical: str
    first_word: int
    last_word: int
    differences: list[Difference]
    matched: int
    spans: list[tuple[int, int]]  # the document words the indices above refer to


# Words this long are rare outside the disclaimer: where they cluster, it is.
_DISTINCTIVE = 9


class DisclaimerFinder:
    def __init__(self, canonical_texts: list[str]) -> None:
        self._canonical = []
        # Every word of the disclaimer's texts, as `word_key` gives it.
        self.words = frozenset(word_key(w) for text in canonical_texts for w in text.split())
        for text in canonical_texts:
            words = text.split()
            keys = [word_key(w) for w in words]
            distinctive = sorted({k for k in keys if len(k) >= _DISTINCTIVE})
            initials = "".join(sorted({word[0] for word in distinctive}))
            # Case-insensitive patterns on the text itself: offsets into a lowered copy would
            # be wrong wherever lowering changes a length (`İ` becomes two characters).
            pattern = regex(
                rf"\b(?=[{re.escape(initials)}])(?:"
                + "|".join(map(re.escape, distinctive))
                + r")\b",
                re.IGNORECASE,
            )
            # Most documents carry the disclaimer unaltered and uninterrupted: one search finds
            # it, and the word alignment below is needed only when it does not.
            verbatim = regex(
                "("
                + re.escape(keys[0])
                + ")"
                + "".join(r"[\W_]+" + re.escape(k) for k in keys[1:]),
                re.IGNORECASE,
            )
            self._canonical.append((text, words, keys, pattern, verbatim))

    def find(self, text: str, spans_of) -> DisclaimerMatch | None:
        """Best match of any canonical disclaimer in `text`; `spans_of(start, end)` gives the
        document's words there (header tokens left out)."""
        best: DisclaimerMatch | None = None
        for canonical_text, _, canonical_keys, _, verbatim in self._canonical:
            found = verbatim.search(text)
            if found:
                # The first and last words whole, with their quotes and punctuation.
                start, end = found.start(), found.end()
                while start > 0 and not text[start - 1].isspace():
                    start -= 1
                while end < len(text) and not text[end].isspace():
                    end += 1
                first = (start, found.end(1))
                last = (found.end() - len(canonical_keys[-1]), end)
                return DisclaimerMatch(canonical_text, 0, 1, [], len(canonical_keys), [first, last])
        for canonical_text, canonical_words, canonical_keys, pattern, _ in self._canonical:
            window = _window(text, pattern, len(canonical_text))
            if window is None:
                continue
            spans, words, keys = [], [], []
            for start, end in spans_of(*window):
                word = text[start:end]
                key = word_key(word)
                if key:  # a lone dash or quote is no word
                    spans.append((start, end))
                    words.append(word)
                    keys.append(key)
            found = self._match(canonical_text, canonical_words, canonical_keys, words, keys)
            if found and (best is None or found.matched > best.matched):
                best = DisclaimerMatch(
                    found.canonical,
                    found.first_word,
                    found.last_word,
                    found.differences,
                    found.matched,
                    spans,
                )
        return best

    def _match(
        self,
        text: str,
        canonical_words: list[str],
        canonical: list[str],
        words: list[str],
        keys: list[str],
    ) -> DisclaimerMatch | None:
        # `keys` are the words of the window where the disclaimer's distinctive words cluster.
        # difflib only here: an unaltered disclaimer, the usual case, is found without it.
        from difflib import Match, SequenceMatcher

        blocks = [
            block
            for block in SequenceMatcher(
                None, canonical, keys, autojunk=False
            ).get_matching_blocks()
            if block.size
        ]
        if not blocks or max(block.size for block in blocks) < _MIN_RUN:
            return None
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
            text, blocks[0].b, blocks[-1].b + blocks[-1].size - 1, differences, matched, []
        )


def _window(text: str, pattern: LazyPattern, length: int) -> tuple[int, int] | None:
    """Where the disclaimer can be: around the densest cluster of its distinctive words."""
    hits = [match.start() for match in pattern.finditer(text)]
    if not hits:
        return None
    width = 2 * length  # header tokens may stand between its words
    best_first = best_count = 0
    last = 0
    for first in range(len(hits)):
        while last < len(hits) and hits[last] - hits[first] <= width:
            last += 1
        if last - first > best_count:
            best_first, best_count = first, last - first
    start = hits[best_first]
    end = hits[best_first + best_count - 1]
    return max(0, start - length), min(len(text), end + length)


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
