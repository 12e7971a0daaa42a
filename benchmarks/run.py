"""Measure statement-lint against its performance targets, on generated corpora.

    python benchmarks/run.py [--files 10000] [--memory-files 100000] [--documents 200]
                             [--repeat 5] [--save FILE] [--previous FILE]

Every figure is the median wall time of --repeat fresh processes (as pre-commit or CI run
the tool), with the floor measured in the same run (`grep -L` for the disclaimer over the same
files) and, with --previous (a file written with --save), the ratio to an earlier run. Peak
memory is the largest resident size of the linter's process tree.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from formats import generate_docx, generate_pdfs
from generate import generate

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CONFIG = """
ignore = ["ALN006"]
extend-exclude = ["drafts/"]
[severity]
ALN005 = "error"
[per-file-ignores]
"one.txt" = ["DSC002"]
"""


def tool() -> list[str]:
    script = Path(sys.executable).with_name("statement-lint")
    return [str(script)] if script.exists() else [sys.executable, "-m", "statement_lint"]


def measure(command: list[str], cwd: Path | None = None) -> tuple[float, float]:
    """Wall seconds and peak memory (MB) of one run."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, _, usage = os.wait4(process.pid, 0)
    return time.perf_counter() - start, usage.ru_maxrss / 1024


def wall(command: list[str], repeat: int, cwd: Path | None = None, before=None) -> float:
    times = []
    for _ in range(repeat):
        if before:
            before()
        times.append(measure(command, cwd)[0])
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--memory-files", type=int, default=100_000)
    parser.add_argument("--documents", type=int, default=200, help="PDF and Word files each")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--save", type=Path, help="write the figures to this JSON file")
    parser.add_argument("--previous", type=Path, help="figures saved by an earlier run")
    options = parser.parse_args()

    lint = tool()
    figures: dict[str, float] = {}
    targets: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        corpus = scratch / "corpus"
        files = generate(corpus, options.files)
        size = sum(f.stat().st_size for f in files) / len(files)
        one = scratch / "one" / "one.txt"
        one.parent.mkdir()
        shutil.copy(files[1], one)
        configured = scratch / "configured"
        configured.mkdir()
        shutil.copy(files[1], configured / "one.txt")
        (configured / "statement-lint.toml").write_text(CONFIG, encoding="utf-8")

        quick = [*lint, "--no-cache"]
        figures["one file, cold process (ms)"] = 1000 * wall(
            [*quick, "--isolated", str(one)], 2 * options.repeat
        )
        targets["one file, cold process (ms)"] = "<= 100"
        figures["one file with a config file (ms)"] = 1000 * wall(
            [*quick, str(configured / "one.txt")], 2 * options.repeat
        )
        figures["examples/ (ms)"] = 1000 * wall([*quick, str(ROOT / "examples")], options.repeat)

        n = options.files
        cold = wall([*quick, "--isolated", str(corpus)], options.repeat)
        figures[f"{n} statements (s)"] = cold
        figures[f"{n} statements, statements/s"] = n / cold
        targets[f"{n} statements, statements/s"] = ">= 4000"
        serial = wall(
            [*quick, "--isolated", "--jobs", "1", str(corpus)], max(1, options.repeat // 2)
        )
        figures[f"{n} statements, one process, statements/s"] = n / serial
        floor = wall(["grep", "-rL", "bears no responsibility", str(corpus)], options.repeat)
        figures[f"grep -L floor, {n} files (s)"] = floor

        cache = scratch / "cache"
        warm_command = [*lint, "--isolated", "--cache-dir", str(cache), str(corpus)]
        measure(warm_command)  # fill the cache
        warm = wall(warm_command, options.repeat)
        figures[f"{n} statements again, with the cache (s)"] = warm
        figures["cache speed-up (x)"] = cold / warm
        targets["cache speed-up (x)"] = ">= 10"

        pdfs = generate_pdfs(scratch / "pdf", options.documents)
        documents = generate_docx(scratch / "docx", options.documents)
        pdf_time = wall([*quick, "--isolated", str(pdfs[0].parent)], options.repeat)
        docx_time = wall([*quick, "--isolated", str(documents[0].parent)], options.repeat)
        figures["two-page PDFs, pages/s"] = 2 * options.documents / pdf_time
        targets["two-page PDFs, pages/s"] = ">= 500"
        figures["Word files, documents/s"] = options.documents / docx_time
        targets["Word files, documents/s"] = ">= 1000"

        for name, (seconds, peak) in _bombs(scratch / "bombs").items():
            figures[f"{name}: time (ms)"] = 1000 * seconds
            figures[f"{name}: peak memory (MB)"] = peak

        shutil.rmtree(corpus)
        for count in sorted({options.files, options.memory_files}):
            big = scratch / f"memory-{count}"
            generate(big, count)
            seconds, peak = measure([*quick, "--isolated", str(big)])
            figures[f"{count} statements: peak memory (MB)"] = peak
            figures[f"{count} statements: time (s)"] = seconds
            shutil.rmtree(big)
        targets[f"{options.memory_files} statements: peak memory (MB)"] = "<= 200"

    previous = json.loads(options.previous.read_text()) if options.previous else {}
    print(
        f"corpus: generated statements, {size / 1024:.1f} KB each on average; {os.cpu_count()} CPUs"
    )
    for name, value in figures.items():
        target = f"  target {targets[name]}" if name in targets else ""
        ratio = f"  ({value / previous[name]:.2f}x previous)" if name in previous else ""
        print(f"{name:<52} {value:10.1f}{target}{ratio}")
    if options.save:
        options.save.write_text(json.dumps(figures, indent=2) + "\n")
    return 0


def _bombs(folder: Path) -> dict[str, tuple[float, float]]:
    """Time and peak memory of a run on each bomb, with the default limits."""
    # Built in another process: Linux counts the memory a process had when it was forked in
    # its peak, so ours must stay small.
    subprocess.run([sys.executable, str(HERE / "formats.py"), "--bombs", str(folder)], check=True)
    results = {}
    for name in ("bomb.pdf", "bomb.docx"):
        size = (folder / name).stat().st_size // 1024
        results[f"{name} ({size} KB)"] = measure(
            [*tool(), "--isolated", "--no-cache", str(folder / name)]
        )
    return results


if __name__ == "__main__":
    sys.exit(main())
