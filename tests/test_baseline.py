"""Baselines: write, edit, re-run; only the new slip shows."""

import io
import json
import os
import shutil
from pathlib import Path

import jsonschema

from statement_lint.cli import main

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
        "entries.0.code: Field required; write a new one with --write-baseline\n"
    )
    status, _, err = run(capsys, "--baseline", "missing.json", ".")
    assert (status, err) == (
        2,
        "statement-lint: error: --baseline missing.json: cannot be read: no such file or "
        "directory\n",
    )
    assert run(capsys, "--baseline-prune", ".")[0] == 2


def test_baseline_file_gets_ordinary_permissions(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    shutil.copy(SLIPS, "slips.txt")
    run(capsys, "--write-baseline", "baseline.json", ".")
    umask = os.umask(0)
    os.umask(umask)
    assert os.stat("baseline.json").st_mode & 0o777 == 0o666 & ~umask
