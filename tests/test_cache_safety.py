"""The result cache never hides a slip and never stops a run: an entry describes the bytes
that were linted, a racily-clean file is hashed, a damaged entry is not used and is replaced,
and a damaged database is started again.
"""

import io
import os
import shutil
import sys
from pathlib import Path

import pytest

import statement_lint.engine
from conftest import cache_database, cache_entries, change_cache_entry
from statement_lint.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
CLEAN = FIXTURES / "layouts" / "top.txt"
SLIP = ("ALBANIA*, UKRAINE", "ALBANIA , UKRAINE")  # the same size: ALN002


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copy(CLEAN, tmp_path / "statement.txt")
    return tmp_path


def run(capsys, *arguments):
    status = main(["--isolated", "-q", *arguments, "statement.txt"], stdin=io.StringIO())
    out, _ = capsys.readouterr()
    return status, out


def with_slip(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(*SLIP), encoding="utf-8")


CACHE = Path(".statement_lint_cache")


def test_a_file_saved_while_it_is_linted_is_linted_again(workdir, capsys, monkeypatch):
    """The clean text is read and linted; the author saves a slip meanwhile. The cache must
    remember the clean result for the clean bytes only."""
    real_lint = statement_lint.engine.Engine.lint

    def save_meanwhile(self, document, *arguments):
        with_slip(workdir / "statement.txt")
        return real_lint(self, document, *arguments)

    with monkeypatch.context() as patch:
        patch.setattr(statement_lint.engine.Engine, "lint", save_meanwhile)
        assert run(capsys) == (0, "")
    status, out = run(capsys)
    assert status == 1
    assert out.startswith("statement.txt:17:")
    assert " ALN002 " in out


def test_a_change_that_keeps_size_and_time_is_seen(workdir, capsys):
    """Saved within the same tick of the clock: size and time are those of the clean text."""
    path = workdir / "statement.txt"
    assert run(capsys) == (0, "")
    before = os.stat(path)
    with_slip(path)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert os.stat(path).st_size == before.st_size
    status, out = run(capsys)
    assert status == 1
    assert " ALN002 " in out


def test_a_copy_with_the_old_size_and_time_is_seen(workdir, capsys, times_settled):
    """Copied over keeping size and modification time (`cp -p`, `rsync -t`): the change time
    still moves, so the entry is not trusted."""
    path = workdir / "statement.txt"
    os.utime(path, ns=(10**18, 10**18))
    assert run(capsys) == (0, "")
    size = path.stat().st_size
    with_slip(path)
    assert path.stat().st_size == size
    os.utime(path, ns=(10**18, 10**18))
    status, out = run(capsys)
    assert status == 1 and " ALN002 " in out


def test_an_old_unchanged_file_is_trusted_by_its_time(workdir, capsys, times_settled):
    """Outside the racy window the time vouches for the content: the entry keeps it."""
    path = workdir / "statement.txt"
    os.utime(path, ns=(10**18, 10**18))  # 2001
    run(capsys)
    [entry] = cache_entries(CACHE).values()
    assert entry["mtime"] == 10**18
    assert entry["size"] == path.stat().st_size


GOOD_RESULT = {"diagnostics": [], "ignore_use": [], "notes": [], "lines": {}}
REGISTER_ROW = {"path": "statement.txt", "symbol": None}

# Damage to an entry whose size and hash are right (so that it would be used).
DAMAGED_ENTRIES = [
    {"size": "1"},
    {"mtime": 1.5},
    {"ctime": "1"},
    {"sha256": "0"},
    {"value": 3},  # not JSON text
    {"value": "{not json"},
    {"value": "[" * 100_000 + "]" * 100_000},
    {"value": {**GOOD_RESULT, "diagnostics": {}}},
    {"value": {**GOOD_RESULT, "diagnostics": [1]}},
    {"value": {**GOOD_RESULT, "ignore_use": [[1, 2]]}},
    {"value": {**GOOD_RESULT, "notes": [3]}},
    {"value": {**GOOD_RESULT, "lines": {"x": "line"}}},
    {"value": {**GOOD_RESULT, "lines": {"²": "line"}}},  # a digit to isdigit(), not to int()
    {"value": {**GOOD_RESULT, "diagnostics": [{"line": "x"}]}},
    {"value": {**GOOD_RESULT, "extra": 1}},
    {"value": REGISTER_ROW},  # a register row, not a result
]


@pytest.mark.parametrize("damage", DAMAGED_ENTRIES, ids=range(len(DAMAGED_ENTRIES)))
def test_a_damaged_entry_is_not_used_and_is_replaced(workdir, capsys, damage):
    with_slip(workdir / "statement.txt")
    cold = run(capsys)
    assert cold[0] == 1
    change_cache_entry(CACHE, "statement.txt", **damage)
    assert run(capsys) == cold
    [entry] = cache_entries(CACHE).values()
    assert entry["size"] == (workdir / "statement.txt").stat().st_size
    assert [d["code"] for d in entry["value"]["diagnostics"]] == ["ALN002"]
    assert run(capsys) == cold


DAMAGED_DATABASES = [
    b"",
    b"not a database at all" * 100,
    b"SQLite format 3\x00" + b"\xff" * 4000,  # a database's start, then garbage
]


@pytest.mark.parametrize("content", DAMAGED_DATABASES, ids=range(len(DAMAGED_DATABASES)))
def test_a_damaged_database_is_started_again(workdir, capsys, content):
    with_slip(workdir / "statement.txt")
    cold = run(capsys)
    database = cache_database(CACHE)
    for suffix in ("-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    database.write_bytes(content)
    assert run(capsys) == cold
    assert list(cache_entries(CACHE)) == ["statement.txt"]
    assert run(capsys) == cold


def test_what_is_no_database_file_never_stops_a_run(workdir, capsys):
    """A folder, a pipe or a link where the database belongs: the run goes on (a pipe or a
    link is replaced; a folder turns the cache off)."""
    with_slip(workdir / "statement.txt")
    cold = run(capsys)
    database = cache_database(CACHE)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    database.mkdir()
    assert run(capsys) == cold
    database.rmdir()
    os.mkfifo(database)
    assert run(capsys) == cold
    assert database.is_file() and list(cache_entries(CACHE)) == ["statement.txt"]
    target = workdir / "elsewhere.db"
    target.write_bytes(b"")
    database.unlink()
    database.symlink_to(target)
    assert run(capsys) == cold
    assert target.read_bytes() == b"" and not database.is_symlink()


def test_a_foreign_database_turns_the_cache_off(workdir, capsys):
    import sqlite3

    with_slip(workdir / "statement.txt")
    cold = run(capsys)
    database = cache_database(CACHE)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    with sqlite3.connect(database) as foreign:
        foreign.execute("CREATE TABLE entries (name TEXT)")
    assert run(capsys) == cold
    assert run(capsys) == cold


def test_a_damaged_entry_of_another_file_keeps_the_good_entries(workdir, capsys):
    shutil.copy(CLEAN, workdir / "other.txt")
    main(["--isolated", "-q", "."], stdin=io.StringIO())
    capsys.readouterr()
    change_cache_entry(CACHE, "other.txt", value="damaged")
    assert run(capsys) == (0, "")
    assert cache_entries(CACHE)["statement.txt"]["value"] == GOOD_RESULT


def test_an_edited_rule_is_never_served_stale_results(tmp_path):
    """The cache's key holds a digest of the package's code and data: editing a rule (during
    development, without a new version) makes every entry miss."""
    from statement_lint.run import cache

    package = Path(cache.__file__).resolve().parent.parent
    copy = tmp_path / "statement_lint"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__"))
    digest = cache._package_digest.__wrapped__  # not the remembered one
    before = digest(copy)
    assert before == digest(package)
    rule = copy / "rules" / "aln002_footnote_country_not_marked.py"
    rule.write_text(rule.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert digest(copy) != before
    assert cache._package_digest() in cache._settings_key(cache.Settings())


def test_a_cache_hit_reads_no_bytes_and_imports_no_parser(
    workdir, capsys, monkeypatch, times_settled
):
    # The file's time is older than the run: its entry is trusted on its size and time.
    old = os.stat("statement.txt").st_mtime_ns - 10**10
    os.utime("statement.txt", ns=(old, old))
    with_slip(workdir / "statement.txt")
    os.utime("statement.txt", ns=(old, old))
    first = run(capsys)
    assert first[0] == 1

    def no_reading(*arguments, **keywords):
        raise AssertionError("a cache hit read the file")

    monkeypatch.setattr("statement_lint.readers.read_bounded", no_reading)
    monkeypatch.setattr("statement_lint.run.file.read_path", no_reading)
    monkeypatch.setattr("statement_lint.run.cache._digest", no_reading)
    monkeypatch.setattr(statement_lint.engine.Engine, "lint", no_reading)
    assert run(capsys) == first


def test_a_python_without_sqlite_lints_without_a_cache(workdir, capsys, monkeypatch):
    with_slip(workdir / "statement.txt")
    cold = run(capsys, "--no-cache")
    monkeypatch.setitem(sys.modules, "sqlite3", None)  # `import sqlite3` fails
    assert run(capsys) == cold
    assert run(capsys) == cold
