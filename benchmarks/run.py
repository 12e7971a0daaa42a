"""Time statement-lint on the bundled examples and on generated corpora.

    python benchmarks/run.py [--files 1000] [--repeat 5] [--previous FILE]

Prints each figure (median wall time of --repeat runs of a fresh process, as pre-commit or CI
would run it) with the floor measured in the same run: `grep -L` for the disclaimer over the
same files. With --previous (a JSON file this script wrote with --save), prints the ratio to
the earlier figures.
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


def wall(command: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _bombs(folder: Path) -> dict[str, tuple[float, float]]:
    """Wall time and peak memory (the largest process: the linter or its PDF worker) of a run
    on each bomb, with the default limits."""
    # Built in another process: Linux counts the memory a process had when it was forked in
    # its peak, so ours must stay small.
    subprocess.run([sys.executable, str(HERE / "formats.py"), "--bombs", str(folder)], check=True)
    results = {}
    for name in ("bomb.pdf", "bomb.docx"):
        start = time.perf_counter()
        process = subprocess.Popen(
            [*tool(), "--isolated", str(folder / name)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        _, _, usage = os.wait4(process.pid, 0)
        size = (folder / name).stat().st_size // 1024
        results[f"{name} ({size} KB)"] = (time.perf_counter() - start, usage.ru_maxrss / 1024)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--documents", type=int, default=200, help="PDF and Word files each")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--save", type=Path, help="write the figures to this JSON file")
    parser.add_argument("--previous", type=Path, help="figures saved by an earlier run")
    options = parser.parse_args()

    lint = tool()
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as scratch:
        corpus = Path(scratch) / "corpus"
        files = generate(corpus, options.files)
        one = Path(scratch) / "one.txt"
        shutil.copy(files[1], one)
        configured = Path(scratch) / "configured"
        configured.mkdir()
        shutil.copy(files[1], configured / "one.txt")
        (configured / "statement-lint.toml").write_text(CONFIG, encoding="utf-8")
        size = sum(f.stat().st_size for f in files) / len(files)

        figures["one file, cold process (s)"] = wall(
            [*lint, "--isolated", str(one)], options.repeat * 2
        )
        figures["one file with a config file (s)"] = wall(
            [*lint, str(configured / "one.txt")], options.repeat * 2
        )
        figures["examples/ (s)"] = wall([*lint, str(ROOT / "examples")], options.repeat)
        figures[f"{options.files} files (s)"] = wall([*lint, str(corpus)], options.repeat)
        floor = wall(["grep", "-rL", "bears no responsibility", str(corpus)], options.repeat)
        figures[f"grep -L floor, {options.files} files (s)"] = floor

        pdfs = generate_pdfs(Path(scratch) / "pdf", options.documents)
        documents = generate_docx(Path(scratch) / "docx", options.documents)
        pdf_time = wall([*lint, "--isolated", str(pdfs[0].parent)], options.repeat)
        docx_time = wall([*lint, "--isolated", str(documents[0].parent)], options.repeat)
        figures[f"{options.documents} two-page PDFs (s)"] = pdf_time
        figures[f"{options.documents} Word files (s)"] = docx_time
        bombs = _bombs(Path(scratch) / "bombs")

    rate = options.files / figures[f"{options.files} files (s)"]
    previous = json.loads(options.previous.read_text()) if options.previous else {}
    print(f"corpus: {options.files} generated statements, {size / 1024:.1f} KB each on average")
    for name, value in figures.items():
        ratio = f"  ({value / previous[name]:.2f}x previous)" if name in previous else ""
        print(f"{name:<40} {value * 1000:9.1f} ms{ratio}")
    print(f"{'throughput (statements/s)':<40} {rate:9.0f}")
    print(f"{'PDF pages/s':<40} {2 * options.documents / pdf_time:9.0f}")
    print(f"{'Word documents/s':<40} {options.documents / docx_time:9.0f}")
    for name, (seconds, peak) in bombs.items():
        print(f"{name:<40} {seconds * 1000:9.1f} ms, peak memory {peak:.0f} MB")
    print(f"{'ratio to the grep floor':<40} {figures[f'{options.files} files (s)'] / floor:9.1f}x")
    if options.save:
        options.save.write_text(json.dumps(figures, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
