"""The C prototype of the normaliser against parse/normalize.py: the same output on the
statements given (and on random texts), and the time of each.

    python setup.py build_ext --inplace && python compare.py [DIRECTORY]
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

import cnorm

from statement_lint.parse.normalize import NormalText

PIECES = ["a", "B", "é", "-", "\n", " ", "\t", "\u00ad", "\\", "*", "’", "\u00a0", "1", "_"]
PIECES += ["\r", "\u2003", "  ", "-\n", "- \n  "]


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parents[2] / "examples"
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(folder.rglob("*.txt"))]
    rng = random.Random(3)
    fuzzed = ["".join(rng.choice(PIECES) for _ in range(rng.randint(0, 30))) for _ in range(20000)]
    for text in texts + fuzzed:
        normal = NormalText(text)
        if cnorm.normalize(text) != (normal.text, normal._seg_norm, normal._seg_orig):
            print(f"different on {text!r}")
            return 1
    print(f"the same on {len(texts)} statements and {len(fuzzed)} random texts")
    for name, normalise in (("Python", NormalText), ("C", cnorm.normalize)):
        fastest = float("inf")
        for _ in range(5):
            start = time.perf_counter()
            for text in texts:
                normalise(text)
            fastest = min(fastest, time.perf_counter() - start)
        print(f"{name:<8} {1e6 * fastest / len(texts):7.1f} us per statement")
    return 0


if __name__ == "__main__":
    sys.exit(main())
