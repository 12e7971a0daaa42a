"""Output that cannot be forged: what a file name or a document holds is shown, never obeyed.

A line end cannot make one diagnostic look like two (or end a GitHub workflow command), an
ANSI or bidi control reaches no terminal, a file name that is not UTF-8 is written by every
format without error, and `full` takes time in proportion to the number of diagnostics.
"""

import io
import json
import os
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from statement_lint.cli import main
from statement_lint.diagnostic import Diagnostic, Severity
from statement_lint.records import replace
from statement_lint.report import ReportInput, RunSummary
from statement_lint.report.escape import printable
from statement_lint.report.full import write as write_full
from statement_lint.run.discover import display_path

TESTS = Path(__file__).parent
SLIPS = (TESTS / "fixtures" / "statements" / "pc-del-1544-22-slips.txt").read_bytes()
REF002 = (
    "REF002 malformed document symbol PC.DEL/1544/2022: the year has two digits "
    "(22, not 2022); write PC.DEL/1544/22"
)


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("STATEMENT_LINT_OUTPUT_FORMAT", raising=False)
    return tmp_path


def _create(name: bytes, data: bytes = SLIPS) -> None:
    # Named in bytes: a name that is not UTF-8 is not text.
    descriptor = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    try:
        os.write(descriptor, data)
    finally:
        os.close(descriptor)


def _run(capsys, *arguments):
    status = main(["--isolated", "--no-cache", "-q", *arguments, "."], stdin=io.StringIO())
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_printable_escapes_controls_separators_bidi_and_surrogates():
    text = "a\tb\r\n\x00\x1b[2J\x7f\x85\u061c\u200e\u200f\u2028\u2029\u202a\u202e\u2066\u2069"
    assert printable(text + "\udcff\ud800 é ALBANIA*") == (
        "a\\tb\\r\\n\\x00\\x1b[2J\\x7f\\x85\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a\\u202e"
        "\\u2066\\u2069\\xff\\ud800 é ALBANIA*"
    )


def test_display_path_shows_undecodable_bytes_as_escapes_the_same_every_time():
    name = os.fsdecode(b"dir/bad\xff\xfe.txt")
    assert display_path(name) == "dir/bad\\xff\\xfe.txt"
    assert display_path(os.path.abspath(name)) == "dir/bad\\xff\\xfe.txt"
    assert display_path("dir/a\nb.txt") == "dir/a\nb.txt"  # the text formats escape it


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        (b"a\nb.txt", "a\\nb.txt"),
        (b"a\rb.txt", "a\\rb.txt"),
        (b"red\x1b[31m.txt", "red\\x1b[31m.txt"),
        ("rtl\u202etxt.exe.txt".encode(), "rtl\\u202etxt.exe.txt"),
        (b"bad\xff\xfe.txt", "bad\\xff\\xfe.txt"),
    ],
)
def test_a_file_name_cannot_forge_or_break_a_concise_line(folder, capsys, name, shown):
    _create(name)
    status, out, err = _run(capsys, "--select", "REF")
    assert (status, err) == (1, "")
    assert out == f"{shown}:17:1: {REF002}\n"


def test_a_newline_in_a_file_name_cannot_forge_a_workflow_command(folder, capsys):
    _create(b"a\nb.txt")
    status, out, _ = _run(capsys, "--select", "REF", "--output-format", "github")
    assert status == 1
    assert out == (
        "::error file=a\\nb.txt,line=17,endLine=17,col=1,endColumn=17,"
        f"title=REF002 malformed-reference::{REF002.removeprefix('REF002 ')}\n"
    )


def test_the_tools_own_colours_stay_and_the_names_are_escaped(folder, capsys):
    _create(b"red\x1b[31m.txt")
    _, out, _ = _run(capsys, "--select", "REF", "--color", "always")
    assert out == (f"\x1b[1mred\\x1b[31m.txt:17:1:\x1b[0m \x1b[1;31mREF002\x1b[0m{REF002[6:]}\n")


# The disclaimer's `changing` altered with a clear-screen escape and a right-to-left override,
# a tab before it and a control at the line's end (Python counts it as a blank): DSC002 quotes
# the word, `full` shows the line.
ALTERED = SLIPS.replace(
    b"circulates it without changing", "circulates\tit without chang\x1b[2Jing\u202e".encode()
).replace(b"OSCE Conference \n", b"OSCE Conference\x1c \n")
WORD = "'chang\\x1b[2Jing\\u202e'"
QUOTED = f"25:23: DSC002 [*] altered disclaimer: {WORD} instead of 'altering'"


def test_document_text_quoted_in_a_message_is_escaped(folder, capsys):
    Path("s.txt").write_bytes(ALTERED)
    status, out, _ = _run(capsys, "--select", "DSC")
    assert (status, out) == (1, f"s.txt:{QUOTED}\n")


def test_full_escapes_the_excerpt_and_keeps_the_carets_under_the_span(folder, capsys):
    Path("s.txt").write_bytes(ALTERED)
    _, out, _ = _run(capsys, "--select", "DSC", "--output-format", "full")
    assert out == (
        f"s.txt:{QUOTED}\n"
        "  25 | circulates\\tit without chang\\x1b[2Jing\\u202e its content. The distribution "
        "by OSCE Conference\\x1c\n"
        f"  {' ' * 28}{'^' * 21}\n"
        "  help: The disclaimer is there, but a word is changed, missing or added.\n"
        "  fix: restore the canonical wording\n"
        "\n"
    )


def test_junit_shows_controls_escaped_and_stays_well_formed(folder, capsys):
    _create(b"a\n\x1b[2Jb\xff.txt", ALTERED)
    status, out, _ = _run(capsys, "--select", "DSC", "--output-format", "junit")
    assert status == 1
    suite = ET.fromstring(out.encode("utf-8")).find("testsuite")
    assert suite.get("name") == "a\\n\\x1b[2Jb\\xff.txt"
    assert suite.find(".//failure").text == (
        f"25:23: DSC002 altered disclaimer: {WORD} instead of 'altering'\n"
    )


UNDECODABLE = "bad\\xff\\xfe.txt"


def _json(out: str):
    # Valid UTF-8 (no lone surrogate survives) and valid JSON.
    return json.loads(out.encode("utf-8"))


def _schema(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


def test_a_name_that_is_not_utf8_in_json_and_sarif(folder, capsys):
    _create(b"bad\xff\xfe.txt")
    status, out, err = _run(capsys, "--select", "REF", "--output-format", "json")
    assert (status, err) == (1, "")
    report = _json(out)
    validator = jsonschema.Draft202012Validator(
        _schema(TESTS.parent / "schemas" / "report.schema.json")
    )
    assert list(validator.iter_errors(report)) == []
    assert [d["path"] for d in report["diagnostics"]] == [UNDECODABLE]

    status, out, _ = _run(capsys, "--select", "REF", "--output-format", "sarif")
    log = _json(out)
    sarif = _schema(TESTS / "fixtures" / "sarif" / "sarif-schema-2.1.0.json")
    assert [error.message for error in jsonschema.Draft4Validator(sarif).iter_errors(log)] == []
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "bad%5Cxff%5Cxfe.txt"


def test_a_name_that_is_not_utf8_in_the_other_formats(folder, capsys):
    _create(b"bad\xff\xfe.txt")
    _, out, _ = _run(capsys, "--select", "REF", "--output-format", "gitlab")
    assert [issue["location"]["path"] for issue in _json(out)] == [UNDECODABLE]
    _, out, _ = _run(capsys, "--select", "REF", "--output-format", "github")
    assert out.startswith(f"::error file={UNDECODABLE},line=17,")
    _, out, _ = _run(capsys, "--select", "REF", "--output-format", "junit")
    assert ET.fromstring(out.encode("utf-8")).find("testsuite").get("name") == UNDECODABLE
    _, out, _ = _run(capsys, "--select", "REF", "--output-format", "full")
    assert out.startswith(f"{UNDECODABLE}:17:1: {REF002}\n  17 | PC.DEL/1544/2022\n")
    status, out, err = _run(capsys, "--select", "REF", "--statistics")
    assert (status, out, err) == (1, "1  REF002      malformed-reference\n", "")


def test_a_name_that_is_not_utf8_is_the_same_in_the_cache_and_the_baseline(folder, capsys):
    _create(b"bad\xff\xfe.txt")
    cached = ["--isolated", "-q", "--select", "REF", "--cache-dir", "cache", "."]
    for _ in range(2):  # the second run is answered by the cache
        assert main(cached, stdin=io.StringIO()) == 1
        assert capsys.readouterr().out == f"{UNDECODABLE}:17:1: {REF002}\n"
    assert main([*cached, "--write-baseline", "baseline.json"], stdin=io.StringIO()) == 0
    assert [e["path"] for e in _json(Path("baseline.json").read_text())["entries"]] == [UNDECODABLE]
    capsys.readouterr()
    assert main([*cached, "--baseline", "baseline.json"], stdin=io.StringIO()) == 0
    assert capsys.readouterr().out == ""


def _diagnostics(count: int) -> ReportInput:
    """`count` diagnostics in one file of `count` lines, one a line."""
    lines = {n: f"Line {n:05}: ALBANIA and SERBIA align themselves." for n in range(1, count + 1)}
    first = Diagnostic(
        path="a.txt",
        line=1,
        column=13,
        end_line=1,
        end_column=20,
        code="ALN002",
        name="footnote-country-not-marked",
        severity=Severity.ERROR,
        message="ALBANIA is named in the footnote",
        fingerprint="0123456789abcdef",
    )
    found = [replace(first, line=n, end_line=n) for n in range(1, count + 1)]
    return ReportInput(found, RunSummary(1, count, 0), lines={"a.txt": lines})


def _seconds(report: ReportInput) -> float:
    # CPU time of this process, the best of three: other processes' load does not count.
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        write_full(report, io.StringIO())
        best = min(best, time.process_time() - started)
    return best


def test_full_takes_time_in_proportion_to_the_diagnostics():
    small, large = _diagnostics(2_500), _diagnostics(20_000)
    _seconds(small)  # warm up: rule registry, imports
    ratio = _seconds(large) / _seconds(small)
    # 8 times the diagnostics: about 8 times the time when linear, 64 when quadratic.
    assert ratio < 20


def test_a_newline_in_a_file_name_cannot_forge_a_diff_header_or_an_error(folder, capsys):
    _create(b"a\nb.txt")
    status, out, _ = _run(capsys, "--diff")
    assert status == 1
    assert out.splitlines()[:2] == ["--- a/a\\nb.txt", "+++ b/a\\nb.txt"]
    os.chmod(b"a\nb.txt", 0o444)
    _, _, err = _run(capsys, "--fix")
    assert err.splitlines()[0] == (
        "statement-lint: cannot fix a\\nb.txt: the file is read-only; nothing was changed"
    )


def test_a_non_utf8_stdin_filename_is_shown_escaped(folder, capsys):
    stdin = io.TextIOWrapper(io.BytesIO(SLIPS))
    name = os.fsdecode(b"bad\xff.txt")
    status = main(["--isolated", "-q", "--stdin-filename", name, "-"], stdin=stdin)
    assert status == 1
    assert capsys.readouterr().out.splitlines()[0].startswith("bad\\xff.txt:")
