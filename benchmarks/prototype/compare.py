"""The C prototypes against the package's Python: the same output on the statements given (and
on random texts), and the time of each.

    python setup.py build_ext --inplace && python compare.py [DIRECTORY]

- `cnorm.normalize`: the normaliser (`parse/normalize.py`, without page furniture and
  Markdown), a stage that rewrites characters;
- `cwords.votes`: the counting of the body-language guess (`parse/body_language.py`), a stage
  that reads words and looks them up.
"""

from __future__ import annotations

import random
import sys
import time
from collections import Counter
from pathlib import Path

import cnorm
import cwords

from statement_lint.parse import default_parser
from statement_lint.parse.body_language import LanguageGuesser
from statement_lint.parse.normalize import NormalText

PIECES = ["a", "B", "é", "-", "\n", " ", "\t", "\u00ad", "\\", "*", "’", "\u00a0", "1", "_"]
PIECES += ["\r", "\u2003", "  ", "-\n", "- \n  "]
# Words of every kind the guess meets: common words of each language, other letters, digits
# that are letters to `isalnum` but no decimal digits, and separators.
WORDS = ["the", "and", "of", "le", "la", "et", "der", "und", "il", "che", "el", "los", "de"]
WORDS += ["Élection", "İstanbul", "statement", "²", "x1y", "a_b", "ß", "ﬁ", "ΑΘΗΝΑ", "Москва"]
WORDS += [" ", "\n", ", ", ". ", "-", "'"]


class CompiledGuesser(LanguageGuesser):
    """The package's guess, its votes counted by the C prototype."""

    def __init__(self, guesser: LanguageGuesser) -> None:
        vars(self).update(vars(guesser))
        self._names = list(self._by_language)
        self._index = {word: self._names.index(name) for word, name in self._words.items()}

    def votes(self, lowered: str) -> Counter[str]:
        counted = cwords.votes(lowered, self._index, len(self._names))
        return Counter(dict(zip(self._names, counted, strict=True)))


def best_time(function, inputs) -> float:
    fastest = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        for item in inputs:
            function(item)
        fastest = min(fastest, time.perf_counter() - start)
    return 1e6 * fastest / len(inputs)


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parents[2] / "examples"
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(folder.rglob("*.txt"))]
    rng = random.Random(3)
    fuzzed = ["".join(rng.choice(PIECES) for _ in range(rng.randint(0, 30))) for _ in range(20000)]
    for text in texts + fuzzed:
        normal = NormalText(text)
        if cnorm.normalize(text) != (normal.text, normal._seg_norm, normal._seg_orig):
            print(f"normaliser: different on {text!r}")
            return 1
    print(f"normaliser: the same on {len(texts)} statements and {len(fuzzed)} random texts")
    for name, normalise in (("Python", NormalText), ("C", cnorm.normalize)):
        print(f"  {name:<8} {best_time(normalise, texts):7.1f} us per statement")

    parser = default_parser()
    python, compiled = parser._languages, CompiledGuesser(parser._languages)
    bodies = [parser.normal(text).text for text in texts]
    languages = list(python._by_language.values())
    mixed = []
    for _ in range(2000):  # mostly one language's common words, or none's
        mine = rng.choice([*languages, WORDS])
        count, share = rng.randint(0, 900), rng.random()
        mixed.append(" ".join(rng.choice(mine if rng.random() < share else WORDS)
                              for _ in range(count)))  # fmt: skip
    for text in bodies + mixed:
        if compiled.guess(text) != python.guess(text):
            print(f"language guess: different on {text[:200]!r}")
            return 1
    guessed = Counter(str(python.guess(text) and python.guess(text).name) for text in mixed)
    print(f"language guess: the same on {len(bodies)} statements and {len(mixed)} random texts "
          f"(guesses among them: {dict(guessed)})")  # fmt: skip
    for name, guesser in (("Python", python), ("C", compiled)):
        print(f"  {name:<8} {best_time(guesser.guess, bodies):7.1f} us per statement")
    return 0


if __name__ == "__main__":
    sys.exit(main())
