"""Measure statement-lint against its performance targets, beside the textlint peer and
`grep -L`, on generated corpora.

    python benchmarks/run.py [--files 10000] [--memory-files 100000 ...] [--documents 500]
                             [--repeat 5] [--peer DIR | --no-peer] [--save FILE]
                             [--previous FILE]

Every time is the median wall time of --repeat fresh processes (as pre-commit or CI run the
tool). Commands compared on the same files run in turn (statement-lint, the peer, grep,
statement-lint, ...), so that a machine that slows down slows all of them; the ratios are the
figures to quote. The peer (`../shared/peers/textlint`: textlint with a phrase rule and a
disclaimer rule) is copied into a temporary folder and installed there with npm. Peak memory is
the largest resident size of the linter's process tree; the memory corpora hold hard links to a
thousand statements, so that a million files cost inodes, not gigabytes.
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
PEER = ROOT.parent / "shared" / "peers" / "textlint"
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


def alternating(commands: dict[str, list[str] | None], repeat: int, cwd=None) -> dict[str, float]:
    """The median wall time of each command, run in turn `repeat` times after one warm-up
    round; commands that are None (the peer, when it is missing) are left out."""
    chosen = {name: command for name, command in commands.items() if command}
    times: dict[str, list[float]] = {name: [] for name in chosen}
    for round_number in range(repeat + 1):
        for name, command in chosen.items():
            seconds = measure(command, cwd)[0]
            if round_number:
                times[name].append(seconds)
    return {name: statistics.median(values) for name, values in times.items()}


def install_peer(source: Path, scratch: Path) -> list[str] | None:
    """The command that runs the textlint peer, installed with npm in `scratch`; None (and
    why, printed) when it cannot be."""
    if not (source / "package.json").is_file():
        print(f"peer: not measured ({source} holds no package.json)")
        return None
    if shutil.which("npm") is None:
        print("peer: not measured (npm is not installed)")
        return None
    folder = scratch / "textlint"
    shutil.copytree(source, folder)
    for path in folder.rglob("*"):
        path.chmod(path.stat().st_mode | 0o200)  # the shared copy is read-only
    folder.chmod(0o755)
    installed = subprocess.run(
        ["npm", "install", "--no-audit", "--no-fund", "--loglevel=error"],
        cwd=folder,
        capture_output=True,
        text=True,
    )
    if installed.returncode != 0:
        print(f"peer: not measured (npm install failed: {installed.stderr.strip()[-300:]})")
        return None
    return [str(folder / "node_modules" / ".bin" / "textlint"), "--rulesdir", str(folder / "rules")]


def linked_corpus(source: list[Path], folder: Path, count: int) -> Path:
    """`count` files in folders of 1,000, hard links to the statements of `source`."""
    for number in range(count):
        target = folder / f"{number // 1000:04d}" / f"pc-del-{number:07d}-23.txt"
        if number % 1000 == 0:
            target.parent.mkdir(parents=True)
        os.link(source[number % len(source)], target)
    return folder


class Figures:
    def __init__(self) -> None:
        self.values: dict[str, float] = {}
        self.targets: dict[str, str] = {}

    def add(self, name: str, value: float, target: str | None = None) -> None:
        self.values[name] = value
        if target:
            self.targets[name] = target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--memory-files", type=int, nargs="*", default=[100_000])
    parser.add_argument("--documents", type=int, default=500, help="PDF and Word files each")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--peer", type=Path, default=PEER, help="the textlint peer's folder")
    parser.add_argument("--no-peer", action="store_true", help="measure without the peer")
    parser.add_argument("--save", type=Path, help="write the figures to this JSON file")
    parser.add_argument("--previous", type=Path, help="figures saved by an earlier run")
    options = parser.parse_args()

    figures = Figures()
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        peer = None if options.no_peer else install_peer(options.peer, scratch)
        _commands(figures, scratch, peer, options)
        _corpora(figures, scratch, peer, options)
        _formats(figures, scratch, options)
        _memory(figures, scratch, options)

    previous = json.loads(options.previous.read_text()) if options.previous else {}
    print(f"{os.cpu_count()} CPUs; medians of {options.repeat} runs")
    for name, value in figures.values.items():
        target = f"  target {figures.targets[name]}" if name in figures.targets else ""
        ratio = f"  ({value / previous[name]:.2f}x previous)" if previous.get(name) else ""
        print(f"{name:<60} {value:10.1f}{target}{ratio}")
    if options.save:
        options.save.write_text(json.dumps(figures.values, indent=2) + "\n")
    return 0


def _commands(figures: Figures, scratch: Path, peer: list[str] | None, options) -> None:
    """One statement, cold; a config file; `--version`; `rule CODE`."""
    lint = tool()
    one = scratch / "one" / "one.txt"
    generate(one.parent, 2)[1].rename(one)
    for extra in one.parent.glob("pc-del-*"):
        extra.unlink()
    configured = scratch / "configured"
    configured.mkdir()
    shutil.copy(one, configured / "one.txt")
    (configured / "statement-lint.toml").write_text(CONFIG, encoding="utf-8")
    repeat = 2 * options.repeat
    cold = alternating(
        {
            "statement-lint": [*lint, "--no-cache", "--isolated", str(one)],
            "textlint": peer and [*peer, str(one)],
        },
        repeat,
    )
    figures.add("one statement, cold process (ms)", 1000 * cold["statement-lint"], "<= 100")
    if "textlint" in cold:
        figures.add("one statement: textlint peer (ms)", 1000 * cold["textlint"])
        figures.add(
            "one statement: times faster than the peer", cold["textlint"] / cold["statement-lint"],
            ">= 5",
        )  # fmt: skip
    small = alternating(
        {
            "config": [*lint, "--no-cache", str(configured / "one.txt")],
            "version": [*lint, "--version"],
            "rule": [*lint, "rule", "ALN001"],
        },
        repeat,
    )
    figures.add("one statement with a config file (ms)", 1000 * small["config"])
    figures.add("--version (ms)", 1000 * small["version"], "<= 60")
    figures.add("rule ALN001 (ms)", 1000 * small["rule"], "<= 60")


def _corpora(figures: Figures, scratch: Path, peer: list[str] | None, options) -> None:
    """1,000 and --files statements beside the peer and grep; one process; the cache."""
    lint = [*tool(), "--isolated"]
    for count in sorted({1000, options.files}):
        corpus = scratch / f"corpus-{count}"
        generate(corpus, count)
        times = alternating(
            {
                "statement-lint": [*lint, "--no-cache", str(corpus)],
                "textlint": peer and [*peer, str(corpus)],
                "grep": ["grep", "-rL", "bears no responsibility", str(corpus)],
            },
            options.repeat,
        )
        rate = count / times["statement-lint"]
        figures.add(f"{count} statements, statements/s", rate, ">= 4000" if count > 1000 else None)
        if "textlint" in times:
            peer_rate = count / times["textlint"]
            figures.add(f"{count} statements: textlint peer, statements/s", peer_rate)
            figures.add(
                f"{count} statements: times faster than the peer",
                times["textlint"] / times["statement-lint"], ">= 3",
            )  # fmt: skip
        figures.add(f"{count} statements: grep -L, statements/s", count / times["grep"])
        if count != options.files:
            shutil.rmtree(corpus)
            continue
        serial = alternating({"one": [*lint, "--no-cache", "--jobs", "1", str(corpus)]}, 3)
        figures.add(f"{count} statements, one process, statements/s", count / serial["one"])
        cache = scratch / "cache"
        warm_command = [*lint, "--cache-dir", str(cache), str(corpus)]
        measure(warm_command)  # fill the cache
        warm = alternating({"warm": warm_command}, options.repeat)["warm"]
        figures.add(f"{count} statements again, with the cache (s)", warm)
        figures.add("cache speed-up (x)", times["statement-lint"] / warm, ">= 20")
        shutil.rmtree(corpus)


def _formats(figures: Figures, scratch: Path, options) -> None:
    lint = [*tool(), "--isolated", "--no-cache"]
    pdfs = generate_pdfs(scratch / "pdf", options.documents)[0].parent
    documents = generate_docx(scratch / "docx", options.documents)[0].parent
    times = alternating({"pdf": [*lint, str(pdfs)], "docx": [*lint, str(documents)]}, 3)
    figures.add("two-page PDFs, pages/s", 2 * options.documents / times["pdf"], ">= 500")
    figures.add("Word files, documents/s", options.documents / times["docx"], ">= 1000")
    for name, (seconds, peak) in _bombs(scratch / "bombs").items():
        figures.add(f"{name}: time (ms)", 1000 * seconds)
        figures.add(f"{name}: peak memory (MB)", peak)


def _memory(figures: Figures, scratch: Path, options) -> None:
    lint = [*tool(), "--isolated", "--no-cache"]
    statements = generate(scratch / "memory-source", 1000)
    for count in sorted(options.memory_files):
        folder = linked_corpus(statements, scratch / f"memory-{count}", count)
        seconds, peak = measure([*lint, str(folder)])
        figures.add(f"{count} statements: peak memory (MB)", peak, "<= 100")
        figures.add(f"{count} statements: statements/s", count / seconds)
        shutil.rmtree(folder)


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
