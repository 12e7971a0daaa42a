"""`statement-lint register` over generated archives: documents per second and peak memory.

    python benchmarks/register.py [COUNT ...]      (default: 10000 100000)

Each archive holds COUNT generated statements (benchmarks/generate.py; the larger ones as hard
links to 1,000 of them, which the register reads as separate files) and is registered once,
as JSON to /dev/null, in a fresh process.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from generate import generate


def tool() -> list[str]:
    script = Path(sys.executable).with_name("statement-lint")
    return [str(script)] if script.exists() else [sys.executable, "-m", "statement_lint"]


def archive(folder: Path, sources: list[Path], count: int) -> Path:
    target = folder / f"archive-{count}"
    for number in range(count):
        path = target / f"{number // 1000:04d}" / f"pc-del-{number:07d}-23.txt"
        if number % 1000 == 0:
            path.parent.mkdir(parents=True)
        os.link(sources[number % len(sources)], path)
    return target


def measure(command: list[str]) -> tuple[float, float]:
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(process.pid, 0)
    return time.perf_counter() - start, usage.ru_maxrss / 1024


def main() -> None:
    counts = [int(arg) for arg in sys.argv[1:]] or [10_000, 100_000]
    with tempfile.TemporaryDirectory() as folder:
        sources = generate(Path(folder) / "sources", 1000)
        for count in counts:
            path = archive(Path(folder), sources, count)
            command = [*tool(), "register", "--isolated", "--output-format", "json", str(path)]
            seconds, peak = measure(command)
            print(f"{count} documents: {count / seconds:,.0f} documents/s, "
                  f"{seconds:.1f} s, peak memory {peak:.0f} MB")  # fmt: skip


if __name__ == "__main__":
    main()
