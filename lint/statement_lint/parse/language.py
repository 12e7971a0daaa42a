"""Language markers: `ENGLISH only`, `Original: ENGLISH`, `GERMAN Original: ENGLISH`.

The scanner finds runs of marker words (language names in any case, all-capital words that may
be misspelled language names, `only`, `Original:`); a run is a marker only if it has `only` or
`Original:`. The reader then says which form it is and what is wrong with it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from statement_lint.reference import Language
from statement_lint.similarity import closest


@dataclass(frozen=True)
class MarkerReading:
    form: str  # only | original | translation | malformed
    contradiction: str | None
    problem: str | None
    suggestion: str | None
    language: str | None = None  # the language the document is in, by the marker


class MarkerReader:
    def __init__(self, languages: list[Language]) -> None:
        self._canonical: dict[str, str] = {}  # upper-case form -> ENGLISH
        for language in languages:
            self._canonical[language.name] = language.name
            for localised in language.localised:
                self._canonical[localised.upper()] = language.name
        names = sorted(self._canonical, key=len, reverse=True)
        known = "|".join(re.escape(name) for name in names)
        caps = r"(?-i:[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁ]{4,})"
        self._token = re.compile(
            rf"(?i:(?P<only>only)|(?P<original>original\s?:)|(?P<lang>{known}|{caps}))"
        )
        token = rf"(?i:only|original\s?:|{known}|{caps})"
        self.pattern = rf"{token}(?:\s{token}){{0,3}}"

    def is_marker(self, text: str) -> bool:
        lowered = text.lower()
        return "only" in lowered.split() or "original" in lowered

    def read(self, text: str) -> MarkerReading:
        tokens = [(m.lastgroup, m.group()) for m in self._token.finditer(text)]
        kinds = [kind for kind, _ in tokens]
        languages = [word for kind, word in tokens if kind == "lang"]

        unknown = [word for word in languages if word.upper() not in self._canonical]
        if unknown:
            return MarkerReading("malformed", None, self._unknown(unknown[0]), None)

        identities = [self._canonical[word.upper()] for word in languages]
        # `X only`, `X Original: Y`: the document is in X; `Original: X`: it is the original.
        language = identities[0] if identities else None
        if "only" in kinds and "original" in kinds:
            contradiction = "it says both 'only' and 'Original:'"
            return MarkerReading("malformed", contradiction, None, None, language)
        if kinds == ["lang", "original", "lang"] and identities[0] == identities[1]:
            contradiction = (
                f"a translation into {identities[0]} cannot have {identities[1]} as its original"
            )
            return MarkerReading("translation", contradiction, None, None, language)

        shapes = {
            ("lang", "only"): ("only", "{0} only"),
            ("only", "lang"): ("malformed", "{0} only"),
            ("original", "lang"): ("original", "Original: {0}"),
            ("lang", "original", "lang"): ("translation", "{0} Original: {1}"),
        }
        shape = shapes.get(tuple(kinds))
        if shape is None:
            problem = "it is not one of the marker forms"
            return MarkerReading("malformed", None, problem, None, language)
        form, template = shape
        written = [word.upper() if word.upper() in self._canonical else word for word in languages]
        expected = template.format(*written)
        if _same_marker(text, expected):
            return MarkerReading(form, None, None, None, language)
        return MarkerReading("malformed", None, "wrong casing or word order", expected, language)

    def _unknown(self, word: str) -> str:
        best = closest(word, self._canonical)
        hint = f" (did you mean {best}?)" if best else ""
        return f"unknown language '{word}'{hint}"


def _same_marker(text: str, expected: str) -> bool:
    # `Original : ANGLAIS` (French spacing) is as good as `Original: ANGLAIS`.
    return text.replace(" :", ":") == expected
