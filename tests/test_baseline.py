"""Baselines: write, edit, re-run; only the new slip shows."""

import io
import json
import os
import shutil
import signal
import stat
import tempfile
from pathlib import Path

import jsonschema
import pytest

from statement_lint.cli import main
from statement_lint.run import baseline

ROOT = Path(__file__).parent.parent
SLIPS = ROOT / "tests" / "fixtures" / "statements" / "pc-del-1544-22-slips.txt"


def run(capsys, *arguments):
    status = main(["--isolated", *arguments], stdin=io.StringIO())
    out, err = capsys.readouterr()
    return status, out.splitlines(), err


def test_round_trip_survives_line_shifts(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    shutil.copy(SLIPS, "slips.txt")
    status, out, err = run(capsys, "--write-baseline", "baseline.json", ".")
    assert (status, out) == (0, [])
    assert err == "Wrote 4 violations to the baseline baseline.json.\n"
    baseline = json.loads(Path("baseline.json").read_text(encoding="utf-8"))
    schema = json.loads((ROOT / "schemas" / "baseline.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(baseline, schema)
    assert [(e["path"], e["code"], e["count"]) for e in baseline["entries"]] == [
        ("slips.txt", "DAT003", 1),
        ("slips.txt", "DSC002", 1),
        ("slips.txt", "LNG002", 1),
        ("slips.txt", "REF002", 1),
    ]

    # Lines shift (a preamble is added) and a new slip appears in the disclaimer.
    text = Path("slips.txt").read_text(encoding="utf-8")
    text = "Draft for the weekly meeting.\n\n\n" + text.replace("decisions,", "rulings,")
    Path("slips.txt").write_text(text, encoding="utf-8")
    status, out, err = run(capsys, "--baseline", "baseline.json", ".")
    assert status == 1
    assert out == [
        "slips.txt:28:23: DSC002 [*] altered disclaimer: 'changing' instead of 'altering'; "
        "'rulings' instead of 'decisions'"
    ]
    # the DSC002 entry is for the old text of the disclaimer: it no longer matches
    assert err == (
        "Found 1 violation (1 error, 0 warnings) in 1 file. 3 hidden by the baseline "
        "baseline.json. 1 baseline entry no longer matches: --baseline-prune removes them. "
        "1 violation fixable with --fix ([*]).\n"
    )


def test_prune_removes_what_was_fixed(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    shutil.copy(SLIPS, "slips.txt")
    shutil.copy(SLIPS, "other.txt")
    run(capsys, "--write-baseline", "baseline.json", ".")
    text = Path("slips.txt").read_text(encoding="utf-8").replace("English only", "ENGLISH only")
    Path("slips.txt").write_text(text, encoding="utf-8")

    # Only slips.txt is linted: other.txt's entries are kept, whatever they hold.
    status, out, err = run(capsys, "--baseline", "baseline.json", "--baseline-prune", "slips.txt")
    assert (status, out) == (0, [])
    assert err.endswith(
        "3 hidden by the baseline baseline.json. Pruned 1 stale entry from baseline.json.\n"
    )
    entries = json.loads(Path("baseline.json").read_text(encoding="utf-8"))["entries"]
    assert sorted((e["path"], e["code"]) for e in entries) == [
        ("other.txt", "DAT003"), ("other.txt", "DSC002"), ("other.txt", "LNG002"),
        ("other.txt", "REF002"), ("slips.txt", "DAT003"), ("slips.txt", "DSC002"),
        ("slips.txt", "REF002"),
    ]  # fmt: skip
    assert run(capsys, "--baseline", "baseline.json", ".")[0] == 0


def test_baseline_paths_are_relative_to_the_baseline_file(tmp_path, monkeypatch, capsys):
    (tmp_path / "ci").mkdir()
    (tmp_path / "docs").mkdir()
    shutil.copy(SLIPS, tmp_path / "docs" / "slips.txt")
    monkeypatch.chdir(tmp_path)
    run(capsys, "--write-baseline", "ci/baseline.json", "docs")
    entries = json.loads((tmp_path / "ci" / "baseline.json").read_text(encoding="utf-8"))["entries"]
    assert {e["path"] for e in entries} == {"../docs/slips.txt"}
    monkeypatch.chdir(tmp_path / "docs")
    assert run(capsys, "--baseline", "../ci/baseline.json", ".")[0] == 0


def test_bad_baseline_is_a_usage_error(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    Path("baseline.json").write_text('{"entries": [{"path": "x"}]}', encoding="utf-8")
    status, _, err = run(capsys, "--baseline", "baseline.json", ".")
    assert status == 2
    assert err == (
        "statement-lint: error: --baseline baseline.json: not a statement-lint baseline: "
        "entries[0].code: Field required; write a new one with --write-baseline\n"
    )
    status, _, err = run(capsys, "--baseline", "missing.json", ".")
    assert (status, err) == (
        2,
        "statement-lint: error: --baseline missing.json: cannot be read: no such file or "
        "directory; give the path of a baseline written by --write-baseline\n",
    )
    assert run(capsys, "--baseline-prune", ".")[0] == 2


def test_baseline_file_gets_ordinary_permissions(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    shutil.copy(SLIPS, "slips.txt")
    run(capsys, "--write-baseline", "baseline.json", ".")
    umask = os.umask(0)
    os.umask(umask)
    assert os.stat("baseline.json").st_mode & 0o777 == 0o666 & ~umask


# Input that is no baseline, and places a baseline cannot be written ----------------------------

READ_ADVICE = "give the path of a baseline written by --write-baseline"


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """The working directory, holding slips.txt. A call that blocks (on a FIFO) or reads forever
    (/dev/zero) is interrupted, so that the test fails instead of hanging."""
    monkeypatch.chdir(tmp_path)
    shutil.copy(SLIPS, "slips.txt")

    def interrupt(signum, frame):
        raise TimeoutError("blocked")

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.alarm(30)
    yield tmp_path
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def error_of(capsys, *arguments):
    status, out, err = run(capsys, "--no-cache", *arguments)
    assert (status, out) == (2, [])
    return err


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b'{"entries": [], "tool": "caf\xe9"}', "is not UTF-8 (byte 0xe9 on line 1)"),
        (
            '{"entries": []}'.encode("utf-16"),
            "is UTF-16 (it starts with a byte-order mark), not UTF-8",
        ),
    ],
)
def test_baseline_that_is_not_utf8(folder, capsys, data, problem):
    Path("baseline.json").write_bytes(data)
    assert error_of(capsys, "--baseline", "baseline.json", ".") == (
        f"statement-lint: error: --baseline baseline.json: {problem}; re-save it as UTF-8\n"
    )


def test_baseline_with_a_utf8_byte_order_mark_is_read(folder, capsys):
    run(capsys, "--write-baseline", "baseline.json", ".")
    data = Path("baseline.json").read_bytes()
    Path("baseline.json").write_bytes(b"\xef\xbb\xbf" + data)
    assert run(capsys, "--baseline", "baseline.json", ".")[:2] == (0, [])


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("[]", "(top level): Input should be an object"),
        ('"entries"', "(top level): Input should be an object"),
        ('{"entries": 3}', "entries: Input should be a valid array"),
        ('{"entries": [], "schema_version": 2}', "schema_version: Input should be less than or "
         "equal to 1"),
        ('{"entries": ' + "[" * 5000 + "]" * 5000 + "}", "(top level): Invalid JSON: recursion "
         "limit exceeded at line 1 column 213"),
        ("", "(top level): Invalid JSON: EOF while parsing a value at line 1 column 0"),
    ],
)  # fmt: skip
def test_baseline_of_the_wrong_shape(folder, capsys, text, problem):
    Path("baseline.json").write_text(text, encoding="utf-8")
    assert error_of(capsys, "--baseline", "baseline.json", ".") == (
        f"statement-lint: error: --baseline baseline.json: not a statement-lint baseline: "
        f"{problem}; write a new one with --write-baseline\n"
    )


@pytest.mark.parametrize(
    ("target", "problem"),
    [
        ("fifo", "is a FIFO (named pipe), not a regular file"),
        ("/dev/zero", "is a character device, not a regular file"),
        ("folder", "is a directory, not a file"),
        ("loop", "cannot be read: too many levels of symbolic links"),
    ],
)
def test_baseline_that_is_not_a_regular_file(folder, capsys, target, problem):
    os.mkfifo("fifo")
    os.mkdir("folder")
    os.symlink("loop", "loop")
    assert error_of(capsys, "--baseline", target, ".") == (
        f"statement-lint: error: --baseline {target}: {problem}; {READ_ADVICE}\n"
    )


def test_baseline_over_the_size_bound(folder, capsys, monkeypatch):
    monkeypatch.setattr(baseline, "BASELINE_LIMIT", 1024 * 1024)
    Path("baseline.json").write_text('{"entries": []}' + " " * 1024 * 1024, encoding="utf-8")
    assert error_of(capsys, "--baseline", "baseline.json", ".") == (
        "statement-lint: error: --baseline baseline.json: is over the 1.0 MB limit for a "
        f"baseline file; {READ_ADVICE}\n"
    )


@pytest.mark.parametrize(
    ("target", "problem"),
    [
        ("missing/baseline.json", "missing is not an existing folder; create it first, or "
         "write the baseline elsewhere"),
        ("slips.txt/baseline.json", "slips.txt is not an existing folder; create it first, or "
         "write the baseline elsewhere"),
        ("folder", "is a directory; give a file path, such as "
         "folder/.statement-lint-baseline.json"),
        ("fifo", "is not a regular file (a FIFO, a device or a socket); give the path of a "
         "regular file"),
        ("loop", "cannot be written: too many levels of symbolic links; choose another path"),
    ],
)  # fmt: skip
def test_write_baseline_where_no_file_can_be(folder, capsys, target, problem):
    os.mkfifo("fifo")
    os.mkdir("folder")
    os.symlink("loop", "loop")
    assert error_of(capsys, "--write-baseline", target, ".") == (
        f"statement-lint: error: --write-baseline {target}: {problem}\n"
    )
    assert sorted(os.listdir("folder")) == []  # no temporary file left behind
    assert stat.S_ISFIFO(os.stat("fifo").st_mode)


def refuse(*args, **kwargs):
    raise PermissionError(13, "Permission denied")


def test_write_baseline_into_a_folder_that_refuses(folder, capsys, monkeypatch):
    # Simulated: the tests may run as root, whom a read-only folder does not stop.
    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    assert error_of(capsys, "--write-baseline", "baseline.json", ".") == (
        "statement-lint: error: --write-baseline baseline.json: cannot be written: permission "
        "denied; choose a folder you can write to\n"
    )


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a read-only folder")
def test_write_baseline_into_a_read_only_folder(folder, capsys):
    os.mkdir("locked")
    os.chmod("locked", 0o555)
    assert error_of(capsys, "--write-baseline", "locked/baseline.json", ".") == (
        "statement-lint: error: --write-baseline locked/baseline.json: cannot be written: "
        "permission denied; choose a folder you can write to\n"
    )


def test_pruning_a_baseline_that_cannot_be_replaced(folder, capsys, monkeypatch):
    run(capsys, "--write-baseline", "baseline.json", ".")
    Path("slips.txt").write_text("", encoding="utf-8")  # every entry is now stale
    monkeypatch.setattr(os, "replace", refuse)
    assert run(capsys, "--no-cache", "--baseline", "baseline.json", "--baseline-prune", ".")[
        ::2
    ] == (
        2,
        "statement-lint: error: --baseline baseline.json: cannot be written: permission "
        "denied; choose a folder you can write to\n",
    )
    assert [name for name in os.listdir() if name.startswith(".baseline-")] == []
