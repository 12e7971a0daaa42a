"""Lint the worst cases found for each pattern and loop at 100 KB, and print the time of each.

    python benchmarks/worst_case.py [--size 100000] [--repeat 3] [--target 1.0]

Issue 10's target: every 100 KB input lints in under a second. Each figure is the best of
--repeat runs of `lint_text` in this process (the parser built once beforehand); the exit
status is 1 if any input misses the target. tests/test_linear_time.py checks that the same
inputs take time linear in their size; this script gives the figures.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "lint"))

from statement_lint import lint_text

PARAGRAPH = (
    "The Candidate Countries NORTH MACEDONIA*, MONTENEGRO* and ALBANIA* align themselves "
    "with this statement.\n"
)
LETTERS = "ABCDEFGHIJKLMNOPRSTU"


def words(count: int, length: int, suffix: str = "") -> list[str]:
    """`count` different made-up words (base-20 numbers written in letters)."""
    found = []
    for number in range(count):
        word = ""
        for _ in range(length):
            number, digit = divmod(number, len(LETTERS))
            word += LETTERS[digit]
        found.append(word + suffix)
    return found


def footnote(names: str) -> str:
    return f"{PARAGRAPH}* {names} continue to be part of the Process.\n"


def repeat(unit: str, size: int) -> str:
    return unit * max(1, size // len(unit))


# name -> a text of about `size` characters
CASES = {
    "directive: blanks and tabs": lambda n: (
        "statement-lint: disable=ALN" + " \t" * (n // 2) + "x\n"
    ),
    "directive: blanks in an HTML comment": lambda n: (
        "<!-- statement-lint: disable=ALN002" + " \t" * (n // 2) + "-->x\n"
    ),
    "directive: one long unknown code": lambda n: "statement-lint: disable=" + "Q" * n + "\n",
    "directive: many unknown codes": lambda n: (
        "statement-lint: disable=" + ",".join(words(n // 5, 4)) + "\n"
    ),
    "directives: many ranges, many diagnostics": lambda n: (
        repeat("statement-lint: disable=A\nstatement-lint: enable=A\n", n // 2)
        + repeat("statement-lint:\n", n // 2)
    ),
    "footnote: one long unknown name": lambda n: footnote("Y" * n),
    "footnote: a name with a run of digits": lambda n: footnote("A" + "1" * n + "x"),
    "footnote: a name ending in full stops": lambda n: footnote("A" + "." * n + "B"),
    "footnote: many unknown names": lambda n: footnote(", ".join(words(n // 9, 7))),
    "footnote: many names near real ones": lambda n: footnote(", ".join(words(n // 9, 4, "nia"))),
    "footnote: many 'republic of' names": lambda n: footnote(
        ", ".join("Republic of " + word for word in words(n // 21, 7))
    ),
    "footnotes: many footnotes": lambda n: PARAGRAPH + repeat("* A continues.\n", n),
    "header: many misspelled dates": lambda n: "".join(f"1 {w} 2021\n" for w in words(n // 13, 5)),
    "header: many unknown languages": lambda n: "".join(f"{w} only\n" for w in words(n // 13, 7)),
    "header: a symbol with many suffixes": lambda n: "PC.DEL/1/21" + "/Rev" * (n // 4) + "\n",
    "header: many symbols": lambda n: "".join(f"PC.DEL/{i}/21\n" for i in range(n // 13)),
    "closing formulas only": lambda n: repeat("align with this statement ", n),
    "closing formulas between full stops": lambda n: repeat(
        "a." * 100 + "x align with this statement ", n
    ),
    "slot phrases only": lambda n: repeat("the candidate countries ", n) + PARAGRAPH,
    "hyphen at every line end": lambda n: repeat("a-\n", n),
    "four-digit years only": lambda n: repeat("2021 ", n),
    "TÜRKİYE only": lambda n: repeat("TÜRKİYE ", n),
}


def best_time(text: str, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        lint_text(text)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=100_000, help="characters per input")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--target", type=float, default=1.0, help="seconds per input")
    options = parser.parse_args()

    lint_text(PARAGRAPH)  # the parser and the rules loaded once, as in a real run
    missed = 0
    width = max(map(len, CASES))
    for name, make in CASES.items():
        text = make(options.size)
        seconds = best_time(text, options.repeat)
        mark = "" if seconds < options.target else f"  over {options.target:g} s"
        missed += bool(mark)
        print(f"{name:<{width}}  {len(text) / 1000:6.0f} KB  {seconds:7.3f} s{mark}", flush=True)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
