"""`statement-lint register` over generated archives: documents per second and peak memory.

    python benchmarks/register.py [COUNT ...]      (default: 10000 100000)

Each archive holds COUNT generated statements (benchmarks/generate.py; the larger ones as hard
links to 1,000 of them, which the register reads as separate files) and is registered as JSON
to /dev/null, each time in a fresh process: in one process without a cache, with the default
worker processes into an empty cache, and again from that cache.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from generate import generate
from run import linked_corpus, measure, tool


def main() -> None:
    counts = [int(arg) for arg in sys.argv[1:]] or [10_000, 100_000]
    with tempfile.TemporaryDirectory() as folder:
        sources = generate(Path(folder) / "sources", 1000)
        for count in counts:
            path = linked_corpus(sources, Path(folder) / f"archive-{count}", count)
            cache = Path(folder) / f"cache-{count}"
            command = [*tool(), "register", "--isolated", "--output-format", "json", str(path)]
            for name, options in (
                ("one process, no cache", ["-j", "1", "--no-cache"]),
                ("workers, empty cache", ["--cache-dir", str(cache)]),
                ("workers, cached re-run", ["--cache-dir", str(cache)]),
            ):
                seconds, peak = measure([*command, *options])
                print(f"{count} documents, {name}: {count / seconds:,.0f} documents/s, "
                      f"{seconds:.1f} s, peak memory {peak:.0f} MB")  # fmt: skip


if __name__ == "__main__":
    main()
