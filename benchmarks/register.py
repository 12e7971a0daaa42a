"""`statement-lint register` over generated archives: documents per second and peak memory.

    python benchmarks/register.py [COUNT ...]      (default: 10000 100000)

Each archive holds COUNT generated statements (benchmarks/generate.py; the larger ones as hard
links to 1,000 of them, which the register reads as separate files), in folders of 1,000 and
all in one folder, and is registered as JSON to /dev/null, each time in a fresh process: in one
process without a cache, with the default worker processes into an empty cache, and again from
that cache. Peak memory is the largest process's (the main one or a worker).
"""

from __future__ import annotations

import os
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
            for layout in ("folders of 1,000", "one folder"):
                path = Path(folder) / f"archive-{count}-{len(layout)}"
                if layout == "one folder":
                    flat_corpus(sources, path, count)
                else:
                    linked_corpus(sources, path, count)
                _measure(count, layout, path, Path(folder) / f"cache-{count}-{len(layout)}")


def _measure(count: int, layout: str, path: Path, cache: Path) -> None:
    command = [*tool(), "register", "--isolated", "--output-format", "json", str(path)]
    for name, options in (
        ("one process, no cache", ["-j", "1", "--no-cache"]),
        ("workers, empty cache", ["--cache-dir", str(cache)]),
        ("workers, cached re-run", ["--cache-dir", str(cache)]),
    ):
        seconds, peak = measure([*command, *options])
        print(f"{count} documents in {layout}, {name}: {count / seconds:,.0f} documents/s, "
              f"{seconds:.1f} s, peak memory {peak:.0f} MB")  # fmt: skip


def flat_corpus(sources: list[Path], folder: Path, count: int) -> Path:
    """`count` hard links to the statements of `sources`, all in `folder`."""
    folder.mkdir(parents=True)
    for number in range(count):
        os.link(sources[number % len(sources)], folder / f"pc-del-{number:07d}-23.txt")
    return folder


if __name__ == "__main__":
    main()
