"""Language markers: `ENGLISH only`, `Original: ENGLISH`, `GERMAN Original: ENGLISH`.

The scanner finds what the marker grammar allows, and no more: `LANGUAGE only` (with
`Original: LANGUAGE` after it, a contradiction), `Only LANGUAGE` (a slip), `Original:
LANGUAGE` with or without a language before it. A language is a language name in any case or
an all-capital word (a misspelled name, or one the profile does not know). So the marker ends
where the grammar ends: `ENGLISH only EUROPEAN UNION OSCE Permanent Council` holds the marker
`ENGLISH only`, and `UNION Original: ENGLISH` the marker `Original: ENGLISH`, as a capital word
that resembles no language is not taken for one in front of `Original:` nor after `Only`.

A translation marker stands on two lines in circulated documents (`ENGLISH` / `Original:
RUSSIAN`); a marker wrapped inside running text may break anywhere. Any other line break in a
marker (`ENGLISH` / `only` on lines of their own) is a slip. The reader says which form a
marker is and what is wrong with it.

The keywords (`only`, `Original:`) are the profile's (`markers`); a blank before a keyword's
colon (`Original : ANGLAIS`, French spacing) is no slip.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from statement_lint.reference.profile import Language
from statement_lint.reference.wording import MarkerWords
from statement_lint.regex import regex
from statement_lint.similarity import closest, did_you_mean


class MarkerReading(NamedTuple):
    form: str  # only | original | translation | malformed
    contradiction: str | None
    problem: str | None
    suggestion: str | None
    language: str | None = None  # the language the document is in, by the marker


class MarkerReader:
    def __init__(self, languages: list[Language], words: MarkerWords) -> None:
        self._canonical: dict[str, str] = {}  # upper-case form -> ENGLISH
        for language in languages:
            self._canonical[language.name] = language.name
            for localised in language.localised:
                self._canonical[localised.upper()] = language.name
        names = sorted(self._canonical, key=len, reverse=True)
        known = "|".join(re.escape(name) for name in names)
        caps = r"(?-i:[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁ]{4,})"
        self._words = words
        # The words that start the keywords, as the header scanner looks for them.
        self.keywords = [words.only, words.original_word]
        only = re.escape(words.only)
        original = re.escape(words.original_word)
        if words.original.endswith(":"):
            original += r"\s?:"
        self._token = regex(
            rf"(?i:(?P<only>{only})|(?P<original>{original})|(?P<lang>{known}|{caps}))"
        )
        lang = rf"(?:{known}|{caps})"
        self.pattern = (
            rf"(?i:{lang}\s{only}(?:\s{original}\s{lang})?"
            rf"|{only}\s{lang}"
            rf"|(?:{lang}\s)?{original}\s{lang})"
        )
        self._first_word = regex(r"\S+\s")

    def marker_start(self, text: str) -> int | None:
        """Where the marker begins in a token the scanner found (0, or past a capital word
        that is no language before `Original:`), or None when it is no marker (`only OSCE`)."""
        words = text.split()
        only, original = self._words.only.lower(), self._words.original_word.lower()
        if words[0].lower() == only:
            return 0 if self._language_like(words[1]) else None
        if words[0].lower().startswith(original) or only in (w.lower() for w in words):
            return 0
        if self._language_like(words[0]):
            return 0
        return self._first_word.match(text).end()

    def _language_like(self, word: str) -> bool:
        return word.upper() in self._canonical or closest(word, self._canonical) is not None

    def read(self, text: str, alone: bool = True) -> MarkerReading:
        """What the marker is; `alone`: it stands on lines of its own (not wrapped in running
        text, where a line may break anywhere)."""
        broken = alone and self._broken(text)
        text = " ".join(text.split())
        tokens = [(m.lastgroup, m.group()) for m in self._token.finditer(text)]
        kinds = [kind for kind, _ in tokens]
        languages = [word for kind, word in tokens if kind == "lang"]

        unknown = [word for word in languages if word.upper() not in self._canonical]
        if unknown:
            return MarkerReading("malformed", None, self._unknown(unknown[0]), None)

        identities = [self._canonical[word.upper()] for word in languages]
        # `X only`, `X Original: Y`: the document is in X; `Original: X`: it is the original.
        language = identities[0] if identities else None
        only, original = self._words.only, self._words.original
        if "only" in kinds and "original" in kinds:
            contradiction = f"it says both '{only}' and '{original}'"
            return MarkerReading("malformed", contradiction, None, None, language)
        if kinds == ["lang", "original", "lang"] and identities[0] == identities[1]:
            contradiction = (
                f"a translation into {identities[0]} cannot have {identities[1]} as its original"
            )
            return MarkerReading("translation", contradiction, None, None, language)

        shapes = {
            ("lang", "only"): ("only", f"{{0}} {only}"),
            ("only", "lang"): ("malformed", f"{{0}} {only}"),
            ("original", "lang"): ("original", f"{original} {{0}}"),
            ("lang", "original", "lang"): ("translation", f"{{0}} {original} {{1}}"),
        }
        shape = shapes.get(tuple(kinds))
        if shape is None:
            problem = "it is not one of the marker forms"
            return MarkerReading("malformed", None, problem, None, language)
        form, template = shape
        written = [word.upper() if word.upper() in self._canonical else word for word in languages]
        expected = template.format(*written)
        if _same_marker(text, expected):
            if broken:
                problem = "it is broken over two lines"
                return MarkerReading("malformed", None, problem, expected, language)
            return MarkerReading(form, None, None, None, language)
        return MarkerReading("malformed", None, "wrong casing or word order", expected, language)

    def _unknown(self, word: str) -> str:
        best = closest(word, self._canonical)
        hint = f" ({did_you_mean(best)})" if best else ""
        return f"unknown language '{word}'{hint}"

    def _broken(self, text: str) -> bool:
        """Whether a line breaks the marker elsewhere than before `Original:`."""
        original = self._words.original_word.lower()
        return any(not rest.lstrip().lower().startswith(original) for rest in text.split("\n")[1:])


def _same_marker(text: str, expected: str) -> bool:
    # `Original : ANGLAIS` (French spacing) is as good as `Original: ANGLAIS`.
    return text.replace(" :", ":") == expected
