"""--fix and --diff: each fix restores the clean statement byte for byte, in every layout."""

import io
import os
import stat
from pathlib import Path

import pytest

from statement_lint.cli import main

FIXTURES = Path(__file__).parent / "fixtures"

# (code, clean fixture, [old, new]): the slip is made by the replacement, and --fix must undo it.
SLIPS = [
    ("LNG002", "layouts/top.txt", "ENGLISH only", "English only"),
    ("LNG002", "layouts/bottom.txt", "ENGLISH only", "ENGLISH ONLY"),
    ("LNG002", "layouts/middle.txt", "Original: ENGLISH", "Original: English"),
    ("LNG002", "layouts/flat.txt", "ENGLISH only", "Only ENGLISH"),
    ("LNG002", "layouts/split.txt", "ENGLISH only", "english only"),
    ("DAT003", "layouts/top.txt", "16 November 2023", "November 16, 2023"),
    ("DAT003", "layouts/bottom.txt", "22 February 2021", "22.02.2021"),
    ("DAT003", "layouts/middle.txt", "8 July 2021", "08 July 2021"),
    ("DAT003", "layouts/flat.txt", "11 October 2023", "11th October 2023"),
    ("DAT003", "layouts/split.txt", "3 June 2022", "3 Jun 2022"),
    ("DSC002", "layouts/top.txt", "without altering its", "without changing its"),
    ("DSC002", "layouts/bottom.txt", "bears no responsibility", "bears responsibility"),
    ("DSC002", "layouts/middle.txt", "OSCE decisions, as", "OSCE rulings, as"),
    ("DSC002", "layouts/flat.txt", "OSCE participating States.", "OSCE States."),
    ("DSC002", "layouts/split.txt", "circulates it without", "circulates without"),
    ("ALN002", "layouts/top.txt", "ALBANIA*,", "ALBANIA,"),
    ("ALN002", "layouts/bottom.txt", "SERBIA* and", "SERBIA and"),
    ("ALN002", "layouts/middle.txt", "MONTENEGRO*", "MONTENEGRO"),
    ("ALN002", "layouts/flat.txt", "MONTENEGRO*", "MONTENEGRO"),
    ("ALN002", "layouts/split.txt", "ALBANIA*", "ALBANIA"),
]


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def lint(capsys, *arguments):
    status = main(["--isolated", *arguments], stdin=io.StringIO())
    out, err = capsys.readouterr()
    return status, out, err


def make_slip(fixture, old, new, encoding="utf-8", newline="\n"):
    clean = (FIXTURES / fixture).read_text(encoding="utf-8")
    assert old in clean
    broken = clean.replace(old, new, 1)
    as_bytes = lambda text: text.replace("\n", newline).encode(encoding)  # noqa: E731
    Path("statement.txt").write_bytes(as_bytes(broken))
    return as_bytes(clean)


@pytest.mark.parametrize(
    ("code", "fixture", "old", "new"), SLIPS, ids=[f"{s[0]}-{s[1]}" for s in SLIPS]
)
def test_fix_restores_the_clean_statement(workdir, capsys, code, fixture, old, new):
    clean = make_slip(fixture, old, new)
    status, out, _ = lint(capsys, "statement.txt")
    assert status == 1
    assert f" {code} [*] " in out
    status, out, err = lint(capsys, "--fix", "statement.txt")
    assert (status, out) == (0, "")
    assert err == "Found 0 violations (0 errors, 0 warnings) in 1 file. Fixed 1 violation.\n"
    assert Path("statement.txt").read_bytes() == clean
    # idempotent: a second --fix changes nothing
    assert lint(capsys, "--fix", "statement.txt")[0] == 0
    assert Path("statement.txt").read_bytes() == clean


@pytest.mark.parametrize(
    ("encoding", "newline"),
    [
        ("utf-8", "\r\n"),
        ("utf-8-sig", "\r"),
        ("utf-16", "\r\n"),
        ("utf-16-be", "\n"),
        ("utf-32", "\n"),
    ],
)
def test_fix_keeps_encoding_and_line_ends(workdir, capsys, encoding, newline):
    if encoding == "utf-16-be":  # with its byte-order mark, as a reader needs it
        clean = make_slip("layouts/bottom.txt", "SERBIA* and", "SERBIA and", "utf-16-be", newline)
        Path("statement.txt").write_bytes(b"\xfe\xff" + Path("statement.txt").read_bytes())
        clean = b"\xfe\xff" + clean
    else:
        clean = make_slip("layouts/bottom.txt", "SERBIA* and", "SERBIA and", encoding, newline)
    assert lint(capsys, "--fix", "statement.txt")[0] == 0
    assert Path("statement.txt").read_bytes() == clean


def test_fix_keeps_mixed_line_ends_and_permissions(workdir, capsys):
    text = (FIXTURES / "layouts/top.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    mixed = "".join(line + ("\r\n" if i % 2 else "\n") for i, line in enumerate(lines[:-1]))
    Path("statement.txt").write_bytes(mixed.replace("ENGLISH only", "English only").encode())
    os.chmod("statement.txt", 0o640)
    assert lint(capsys, "--fix", "statement.txt")[0] == 0
    assert Path("statement.txt").read_bytes() == mixed.encode()
    assert stat.S_IMODE(os.stat("statement.txt").st_mode) == 0o640


def test_several_fixes_in_one_file_and_what_remains(workdir, capsys):
    slips = FIXTURES / "statements" / "pc-del-1544-22-slips.txt"
    Path("slips.txt").write_bytes(slips.read_bytes())
    status, out, err = lint(capsys, "--fix", "slips.txt")
    assert status == 1  # REF002 has no fix
    assert out.startswith("slips.txt:17:1: REF002 malformed document symbol")
    assert err == "Found 1 violation (1 error, 0 warnings) in 1 file. Fixed 3 violations.\n"
    fixed = Path("slips.txt").read_text(encoding="utf-8")
    assert "\n17 November 2022 \n" in fixed
    assert "\nENGLISH only \n" in fixed
    assert "circulates it without altering its content." in fixed


def test_diff_prints_and_changes_nothing(workdir, capsys):
    make_slip("layouts/top.txt", "ALBANIA*,", "ALBANIA,")
    before = Path("statement.txt").read_bytes()
    status, out, err = lint(capsys, "--diff", "statement.txt")
    assert status == 1
    assert Path("statement.txt").read_bytes() == before
    assert out.splitlines()[:4] == [
        "--- a/statement.txt",
        "+++ b/statement.txt",
        "@@ -14,5 +14,5 @@",
        " ",
    ]
    assert "-The Candidate Countries NORTH MACEDONIA*, MONTENEGRO*, ALBANIA, UKRAINE" in out
    assert "+The Candidate Countries NORTH MACEDONIA*, MONTENEGRO*, ALBANIA*, UKRAINE" in out
    assert err == "Would fix 1 violation.\n"


def test_read_only_file_is_left_alone_with_a_clear_error(workdir, capsys):
    make_slip("layouts/top.txt", "ALBANIA*,", "ALBANIA,")
    before = Path("statement.txt").read_bytes()
    os.chmod("statement.txt", 0o444)
    status, out, err = lint(capsys, "--fix", "statement.txt")
    assert status == 1
    assert "statement.txt:17:" in out
    assert err.startswith(
        "statement-lint: cannot fix statement.txt: the file is read-only; nothing was changed\n"
    )
    assert Path("statement.txt").read_bytes() == before
    assert [p.name for p in workdir.iterdir()] == ["statement.txt"]  # no temporary file left


def test_fix_applies_only_what_is_reported(workdir, capsys):
    make_slip("layouts/top.txt", "16 November 2023", "November 16, 2023")
    text = "statement-lint: disable-file=DAT003\n" + Path("statement.txt").read_text()
    Path("statement.txt").write_text(text, encoding="utf-8")
    assert lint(capsys, "--fix", "statement.txt")[0] == 0
    assert Path("statement.txt").read_text(encoding="utf-8") == text
    assert lint(capsys, "--fix", "--ignore", "DAT", "statement.txt")[0] == 0
    assert Path("statement.txt").read_text(encoding="utf-8") == text


def test_no_fix_for_stdin(workdir, capsys):
    status, _, err = lint(capsys, "--fix", "-")
    assert status == 2
    assert "--fix cannot write back to standard input; use --diff" in err
