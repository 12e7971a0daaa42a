"""Which of the profile's languages a text is clearly written in.

Cyrillic script decides for the Cyrillic language; among the Latin-script languages, words
that are frequent in one and absent from the others do. "Clearly" means enough evidence and a
wide margin: a statement that quotes a French title stays English.
"""

from __future__ import annotations

from collections import Counter

from statement_lint.model import BodyLanguage
from statement_lint.reference.profile import Language
from statement_lint.regex import regex

_CYRILLIC = regex(r"[\u0400-\u04ff]")
_WORD = regex(r"[^\W\d_]+")
MIN_LETTERS = 200
MIN_WORDS = 12
MARGIN = 3
SAMPLE = 3000


class LanguageGuesser:
    def __init__(self, languages: list[Language]) -> None:
        cyrillic = (language.name for language in languages if language.script == "cyrillic")
        self._cyrillic = next(cyrillic, None)
        self._words = {
            word.lower(): language.name
            for language in languages
            if language.script == "latin"
            for word in language.words
        }
        self._by_language: dict[str, list[str]] = {}
        for word, name in self._words.items():
            self._by_language.setdefault(name, []).append(word)

    def guess(self, text: str) -> BodyLanguage | None:
        text = text[:SAMPLE]  # a few paragraphs tell the language as well as the whole
        # Roughly the letters: what is not a space (digits and punctuation are few).
        letters = len(text) - text.count(" ") - text.count("\n")
        if letters < MIN_LETTERS:
            return None
        cyrillic = len(_CYRILLIC.findall(text)) if _CYRILLIC.search(text) else 0
        if self._cyrillic and cyrillic / letters >= 0.5:
            share = round(100 * cyrillic / letters)
            return BodyLanguage(
                name=self._cyrillic, evidence=f"{share}% of its letters are Cyrillic"
            )
        ranked = self.votes(text.lower()).most_common(2)
        if not ranked or ranked[0][1] < MIN_WORDS:
            return None
        best, count = ranked[0]
        runner_up = ranked[1][1] if len(ranked) > 1 else 0
        if count < MARGIN * max(runner_up, 1):
            return None
        other = f", against {runner_up} of {ranked[1][0]}" if runner_up else ""
        return BodyLanguage(name=best, evidence=f"{count} common {best} words{other}")

    def votes(self, lowered: str) -> Counter[str]:
        """How often the common words of each Latin-script language occur in the text (lower
        case), by language in the profile's order."""
        counts = Counter(_WORD.findall(lowered))
        return Counter(
            {name: sum(counts[word] for word in words) for name, words in self._by_language.items()}
        )
