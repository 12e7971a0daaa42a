"""--jobs, the result cache and streaming: same output whatever the route (no timing here;
the benchmarks measure speed)."""

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import statement_lint
from conftest import cache_entries, change_cache_entry
from statement_lint.cli import main
from statement_lint.run.progress import Progress
from statement_lint.run.workers import PARALLEL_FROM

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def archive(tmp_path, monkeypatch):
    """More statements than it takes to start worker processes: clean ones and slips."""
    sources = sorted((FIXTURES / "layouts").glob("*.txt")) + sorted(
        (FIXTURES / "statements").glob("*.txt")
    )
    for index in range(PARALLEL_FROM + 16):
        source = sources[index % len(sources)]
        shutil.copy(source, tmp_path / f"s{index:03d}-{source.name}")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys, *arguments):
    status = main(["--isolated", *arguments], stdin=io.StringIO())
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize("output_format", ["concise", "json", "sarif", "junit"])
def test_jobs_do_not_change_the_output(archive, capsys, output_format):
    serial = run(capsys, "--jobs", "1", "--no-cache", "--output-format", output_format, ".")
    parallel = run(capsys, "--jobs", "2", "--no-cache", "--output-format", output_format, ".")
    assert serial == parallel
    assert serial[0] == 1 and serial[1]


def test_cache_gives_the_same_output_and_is_tagged(archive, capsys):
    cold = run(capsys, ".")
    cache = archive / ".statement_lint_cache"
    assert (
        (cache / "CACHEDIR.TAG")
        .read_text()
        .startswith("Signature: 8a477f597d28d172789f06886806bc55")
    )
    assert (cache / ".gitignore").read_text().endswith("*\n")
    entries = cache_entries(cache)
    assert len(entries) == PARALLEL_FROM + 16
    warm = run(capsys, ".")
    assert warm == cold
    # The cache is read: a doctored entry shows (and proves the file was not linted again).
    name = next(name for name, entry in entries.items() if entry["value"]["diagnostics"])
    change_cache_entry(cache, name, value={**entries[name]["value"], "diagnostics": []})
    assert run(capsys, ".") != cold


def test_a_touched_file_is_still_a_hit(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = _one(tmp_path)
    cold = run(capsys, "seed.txt")
    cache = tmp_path / ".statement_lint_cache"
    value = cache_entries(cache)["seed.txt"]["value"]
    # Mark the entry: a hit shows no diagnostic.
    change_cache_entry(cache, "seed.txt", value={**value, "diagnostics": []})
    os.utime(path, ns=(1, 1))  # a new time, the same content
    assert run(capsys, "seed.txt") != cold


def _one(tmp_path: Path, name: str = "seed.txt") -> Path:
    path = tmp_path / name
    shutil.copy(FIXTURES / "statements" / "pc-del-80-21-rev1.txt", path)
    return path


def test_cache_invalidation_on_edit(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = _one(tmp_path)
    assert run(capsys, "seed.txt")[0] == 1
    path.write_text(path.read_text().replace("ALBANIA and", "ALBANIA* and"))
    assert run(capsys, "seed.txt")[:2] == (0, "")


def test_cache_invalidation_on_settings(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _one(tmp_path)
    assert run(capsys, "seed.txt")[0] == 1
    assert run(capsys, "--ignore", "ALN002", "seed.txt")[:2] == (0, "")
    (tmp_path / "statement-lint.toml").write_text('ignore = ["ALN"]\n')
    assert main(["-q", "seed.txt"], stdin=io.StringIO()) == 0
    capsys.readouterr()


def test_cache_invalidation_on_version(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _one(tmp_path)
    run(capsys, "seed.txt")
    cache = tmp_path / ".statement_lint_cache"
    assert [p.name for p in cache.iterdir() if p.is_dir()] == [statement_lint.__version__]
    monkeypatch.setattr("statement_lint.run.cache.__version__", "99.0.0")
    run(capsys, "seed.txt")
    assert sorted(p.name for p in cache.iterdir() if p.is_dir()) == sorted(
        [statement_lint.__version__, "99.0.0"]
    )


def test_no_cache_and_cache_dir(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _one(tmp_path)
    run(capsys, "--no-cache", "seed.txt")
    assert not (tmp_path / ".statement_lint_cache").exists()
    run(capsys, "--cache-dir", "elsewhere", "seed.txt")
    assert (tmp_path / "elsewhere" / "CACHEDIR.TAG").exists()


def test_concurrent_runs_share_the_cache(archive):
    """Four processes lint the same archive at once into one cache: all agree, no entry is
    half-written, and a fifth run reads them."""
    command = [sys.executable, "-m", "statement_lint", "--isolated", "--jobs", "1", "."]
    processes = [
        subprocess.Popen(command, cwd=archive, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        for _ in range(4)
    ]
    outputs = {process.communicate(timeout=120)[0] for process in processes}
    assert len(outputs) == 1
    entries = cache_entries(archive / ".statement_lint_cache")  # every entry is whole
    assert len(entries) == PARALLEL_FROM + 16
    again = subprocess.run(command, cwd=archive, capture_output=True)
    assert again.stdout == outputs.pop()


def test_progress_only_on_a_terminal_after_two_seconds(capsys, monkeypatch):
    clock = iter([0.0, 0.5, 3.0, 3.5])
    monkeypatch.setattr("statement_lint.run.progress.time.monotonic", lambda: next(clock))
    progress = Progress(enabled=True)
    progress.update(1)  # at 0.5 s: nothing yet
    progress.update(6)  # at 3.0 s
    progress.close()
    err = capsys.readouterr().err
    assert err == "\r[6 files] 2 files/s \r\033[K"
    assert Progress(enabled=False).enabled is False


def test_parallel_fix_is_serial(archive, capsys):
    # --fix writes files: it runs in one process, whatever --jobs says by default
    _, _, err = run(capsys, "--fix", "--no-cache", ".")
    assert "Fixed" in err
    assert os.path.exists(archive / ".statement_lint_cache") is False


def test_cached_results_are_shown_from_the_working_directory(tmp_path, capsys, monkeypatch):
    (tmp_path / "a").mkdir()
    shutil.copy(FIXTURES / "statements" / "pc-del-80-21-rev1.txt", tmp_path / "a" / "seed.txt")
    monkeypatch.chdir(tmp_path)
    cache = str(tmp_path / "cache")
    assert run(capsys, "--cache-dir", cache, "a")[1].startswith("a/seed.txt:65:1: ALN002")
    monkeypatch.chdir(tmp_path / "a")
    assert run(capsys, "--cache-dir", cache, ".")[1].startswith("seed.txt:65:1: ALN002")


def test_one_process_streams_results_while_files_are_still_found(archive):
    """Memory stays flat with --jobs 1 (or one CPU) too: each file's result comes before the
    next file is taken. (With workers, a bounded window of batches is handed out ahead.)"""
    from statement_lint.run.file import FileWork
    from statement_lint.run.work import FileOptions
    from statement_lint.run.workers import run_files

    paths = sorted(path.name for path in archive.glob("*.txt"))
    taken = []

    def found():
        for path in paths:
            taken.append(path)
            yield path

    options = FileOptions(isolated=True)
    results = run_files(found(), options, 1, FileWork(options))
    for number, result in enumerate(results, 1):
        assert (result.shown, len(taken)) == (paths[number - 1], number)
    assert number == len(paths)
