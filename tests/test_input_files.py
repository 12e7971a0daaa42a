"""Profiles, registries, baselines to write, and folder trees: none of them may stop a run with
a traceback, block on a FIFO, read a device forever, or recurse out of the stack."""

import io
import os
import shutil
from pathlib import Path

import pytest

from statement_lint.cli import main

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copy(FIXTURES / "layouts" / "top.txt", tmp_path / "statement.txt")
    return tmp_path


def run(capsys, *arguments):
    status = main(["--no-cache", "-q", *arguments], stdin=io.StringIO())
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize(
    ("key", "make", "problem"),
    [
        ("profile", lambda: os.mkfifo("p.json"), "is a FIFO (named pipe), not a regular file"),
        ("profile", lambda: os.symlink("/dev/zero", "p.json"), "is a character device, not a "
         "regular file"),
        ("registry", lambda: Path("p.json").write_bytes(b"\xff\xfe{}"), "is UTF-16 (it starts "
         "with a byte-order mark), not UTF-8; re-save it as UTF-8"),
        ("registry", lambda: os.mkdir("p.json"), "is a directory, not a file"),
    ],
)  # fmt: skip
def test_a_profile_or_registry_that_is_no_text_file_is_a_one_line_error(
    workdir, capsys, key, make, problem
):
    make()
    Path("statement-lint.toml").write_text(f'{key} = "p.json"\n')
    status, out, err = run(capsys, "statement.txt")
    assert (status, out) == (2, "")
    path = os.path.realpath(workdir / "p.json")  # a link is named by what it points to
    expected = f"statement-lint: error: {key} {path}: {problem}"
    if "re-save" not in problem:
        expected += "; give the path of a JSON file"
    assert err == expected + "\n"


def test_a_baseline_that_cannot_be_written_is_refused_before_the_run(workdir, capsys):
    os.mkdir("baseline.json")
    status, out, err = run(capsys, "--isolated", "--write-baseline", "baseline.json", ".")
    assert (status, out) == (2, "")
    assert err.startswith("statement-lint: error: --write-baseline baseline.json: is a directory")


def test_folders_nested_thousands_deep_are_walked(workdir, capsys):
    deep = workdir / "archive"
    path = deep
    os.mkdir(path)
    for _ in range(1200):  # deeper than Python's recursion limit (os.makedirs recurses too)
        path = path / "d"
        os.mkdir(path)
    shutil.copy(FIXTURES / "statements" / "pc-del-80-21-rev1.txt", path / "seed.txt")
    status, out, _ = run(capsys, "--isolated", "archive")
    assert status == 1
    assert out.startswith("archive/" + "d/" * 1200 + "seed.txt:65:1: ALN002 ")
    # pytest's clean-up of old temporary folders recurses: leave no deep tree behind.
    while path != deep:
        os.rename(path, workdir / f"flat-{len(str(path))}")
        path = path.parent
