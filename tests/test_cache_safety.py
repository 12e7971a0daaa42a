"""The result cache never hides a slip and never stops a run: an entry describes the bytes
that were linted, a racily-clean file is hashed, and a damaged shard is discarded and rewritten.
"""

import io
import json
import os
import shutil
from pathlib import Path

import pytest

import statement_lint.engine
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


def shard(workdir: Path) -> Path:
    [found] = list((workdir / ".statement_lint_cache").rglob("*.json"))
    return found


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
    [entry] = json.loads(shard(workdir).read_text())["entries"].values()
    assert entry["mtime"] == 10**18
    assert entry["size"] == path.stat().st_size


GOOD_RESULT = {"diagnostics": [], "ignore_use": [], "notes": [], "lines": {}}


def entry(size=1, mtime=1, ctime=1, sha256="0" * 64, **value) -> str:
    """A shard holding one entry for statement.txt; `value` changes the kept result."""
    kept = {**GOOD_RESULT, **value}
    body = {"size": size, "mtime": mtime, "ctime": ctime, "sha256": sha256, "value": kept}
    return json.dumps({"entries": {"statement.txt": body}})


DAMAGED = [
    "[]",
    "null",
    '"entries"',
    "{}",
    '{"entries": []}',
    '{"entries": {"statement.txt": 3}}',
    '{"entries": {"statement.txt": {}}}',
    '{"entries": {"statement.txt": {"size": 1, "mtime": 1, "sha256": "' + "0" * 64 + '"}}}',
    entry(size="1"),
    entry(mtime=1.5),
    entry(ctime="1"),
    entry(sha256="0"),
    entry(diagnostics={}),
    entry(diagnostics=[1]),
    entry(ignore_use=[[1, 2]]),
    entry(notes=[3]),
    entry(lines={"x": "line"}),
    entry(lines={"²": "line"}),  # a digit to isdigit(), not to int()
    entry(diagnostics=[{"line": "x"}]),
    entry(path="statement.txt", symbol=None),  # a register row, not a result
    "[" * 100_000 + "]" * 100_000,
    "{not json",
]


@pytest.mark.parametrize("content", DAMAGED, ids=range(len(DAMAGED)))
def test_a_damaged_shard_is_discarded_and_rewritten(workdir, capsys, content):
    with_slip(workdir / "statement.txt")
    cold = run(capsys)
    assert cold[0] == 1
    path = shard(workdir)
    path.write_text(content, encoding="utf-8")
    assert run(capsys) == cold
    rewritten = json.loads(path.read_text(encoding="utf-8"))
    assert list(rewritten) == ["entries"]
    assert list(rewritten["entries"]) == ["statement.txt"]
    assert run(capsys) == cold


def test_a_damaged_shard_of_another_file_keeps_the_good_entries(workdir, capsys):
    shutil.copy(CLEAN, workdir / "other.txt")
    main(["--isolated", "-q", "."], stdin=io.StringIO())
    capsys.readouterr()
    path = shard(workdir)
    entries = json.loads(path.read_text(encoding="utf-8"))["entries"]
    entries["other.txt"] = "damaged"
    path.write_text(json.dumps({"entries": entries}), encoding="utf-8")
    assert run(capsys) == (0, "")
    kept = json.loads(path.read_text(encoding="utf-8"))["entries"]
    assert sorted(kept) == ["statement.txt"]


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
