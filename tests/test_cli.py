"""The command line through main(argv): output, exit codes, options."""

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from statement_lint import __version__
from statement_lint.cli import main
from statement_lint.rules import all_rules

FIXTURES = Path(__file__).parent / "fixtures"
SEED = FIXTURES / "statements" / "pc-del-80-21-rev1.txt"


def stdin_of(data: bytes) -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(data))


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    return tmp_path


def test_seed_statement_gives_exactly_the_albania_slip(workdir, capsys):
    shutil.copy(SEED, "seed.txt")
    assert main(["seed.txt"]) == 1
    out, err = capsys.readouterr()
    assert out == (
        "seed.txt:65:1: ALN002 [*] ALBANIA is named in the footnote * (line 67) but has no * in "
        "the alignment paragraph: write ALBANIA*\n"
    )
    assert err == (
        "Found 1 violation (1 error, 0 warnings) in 1 file. 1 violation fixable with --fix ([*]).\n"
    )


def test_seed_statement_with_albania_starred_is_clean(workdir, capsys):
    text = SEED.read_text(encoding="utf-8").replace("ALBANIA and", "ALBANIA* and")
    Path("seed.txt").write_text(text, encoding="utf-8")
    assert main(["seed.txt"]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert err == "Found 0 violations (0 errors, 0 warnings) in 1 file.\n"


def test_directories_are_walked_sorted_and_output_is_sorted(workdir, capsys):
    (workdir / "b").mkdir()
    (workdir / "a").mkdir()
    (workdir / ".hidden").mkdir()
    shutil.copy(SEED, workdir / "b" / "seed.md")
    shutil.copy(SEED, workdir / "a" / "seed.txt")
    shutil.copy(SEED, workdir / ".hidden" / "seed.txt")
    shutil.copy(SEED, workdir / "a" / "notes.docx.bak")  # not a statement suffix
    (workdir / "README.md").write_text("# My archive\n", encoding="utf-8")
    assert main([]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(": ")[0] for line in lines] == ["a/seed.txt:65:1", "b/seed.md:65:1"]


def test_an_explicit_file_is_linted_whatever_its_name(workdir, capsys):
    shutil.copy(SEED, "README.md")
    assert main(["README.md"]) == 1
    assert capsys.readouterr().out.startswith("README.md:65:1: ALN002")


def test_bad_files_get_one_diagnostic_each_and_the_run_goes_on(workdir, capsys):
    Path("a-binary.txt").write_bytes(b"PK\x03\x04rest")
    Path("b-latin1.txt").write_bytes("caf\xe9".encode("latin-1"))
    Path("c-empty.txt").write_bytes(b"")
    Path("d-dir.txt").mkdir()
    shutil.copy(SEED, "e-seed.txt")
    assert main(["."]) == 1
    out = capsys.readouterr().out
    assert out == (
        "a-binary.txt:1:1: DOC001 the file is not text: it is a ZIP archive: if it is a Word "
        "file, give it the .docx suffix\n"
        "b-latin1.txt:1:1: DOC001 the file is not valid UTF-8 (byte 0xe9 on line 1); re-save it "
        "as UTF-8\n"
        "c-empty.txt:1:1: DOC002 the file has no text: was the export or text extraction empty?\n"
        "e-seed.txt:65:1: ALN002 [*] ALBANIA is named in the footnote * (line 67) but has no * "
        "in the alignment paragraph: write ALBANIA*\n"
    )


def test_missing_path_is_a_diagnostic(workdir, capsys):
    assert main(["nowhere.txt"]) == 1
    assert capsys.readouterr().out == (
        "nowhere.txt:1:1: DOC001 the file cannot be read: no such file or directory\n"
    )


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(workdir, capsys):
    Path("locked.txt").write_text("x", encoding="utf-8")
    os.chmod("locked.txt", 0)
    assert main(["locked.txt"]) == 1
    assert "DOC001 the file cannot be read: permission denied" in capsys.readouterr().out


def test_stdin_with_stdin_filename(workdir, capsys):
    code = main(["-", "--stdin-filename", "drafts/seed.txt"], stdin=stdin_of(SEED.read_bytes()))
    assert code == 1
    assert capsys.readouterr().out.startswith("drafts/seed.txt:65:1: ALN002 ")


def test_stdin_without_name(workdir, capsys):
    assert main(["-"], stdin=stdin_of(b"")) == 1
    assert capsys.readouterr().out.startswith("-:1:1: DOC002 ")


def test_select_and_ignore_by_code_or_prefix(workdir, capsys):
    shutil.copy(FIXTURES / "statements" / "pc-del-1544-22-slips.txt", "slips.txt")
    assert main(["--select", "REF,DAT", "-q", "slips.txt"]) == 1
    assert [line.split()[1] for line in capsys.readouterr().out.splitlines()] == [
        "REF002",
        "DAT003",
    ]
    assert main(["--ignore", "REF002", "--ignore", "dsc", "-q", "slips.txt"]) == 1
    assert [line.split()[1] for line in capsys.readouterr().out.splitlines()] == [
        "DAT003",
        "LNG002",
    ]
    assert main(["--select", "ALN", "-q", "slips.txt"]) == 0


def test_unknown_selector_is_a_usage_error(workdir, capsys):
    assert main(["--select", "ALN02"]) == 2
    err = capsys.readouterr().err
    assert err == (
        "statement-lint: error: --select ALN02: 'ALN02' matches no rule code; "
        "did you mean ALN002?\n"
    )
    assert main(["--ignore", "XYZ123"]) == 2


def test_bad_option_is_a_usage_error_without_traceback(workdir, capsys):
    assert main(["--output-format", "xml"]) == 2
    err = capsys.readouterr().err
    assert "invalid choice: 'xml'" in err
    assert "Traceback" not in err


def test_exit_zero_and_warnings_only(workdir, capsys):
    shutil.copy(SEED, "seed.txt")
    assert main(["--exit-zero", "seed.txt"]) == 0
    text = SEED.read_text(encoding="utf-8").replace("ALBANIA and", "ALBANIA* and")
    text = text.replace("REPUBLIC of NORTH MACEDONIA*", "NORTH MACEDONIA*")
    Path("warn.txt").write_text(text, encoding="utf-8")
    assert main(["warn.txt"]) == 0  # ALN005 is a warning
    out, err = capsys.readouterr()
    assert "warn.txt:67:3: ALN005 " in out
    assert err.endswith("Found 1 violation (0 errors, 1 warning) in 1 file.\n")


def test_quiet_prints_no_summary(workdir, capsys):
    shutil.copy(SEED, "seed.txt")
    main(["-q", "seed.txt"])
    assert capsys.readouterr().err == ""


def test_output_file_does_not_change_the_exit_code(workdir, capsys):
    shutil.copy(SEED, "seed.txt")
    assert main(["--output-file", "out.json", "--output-format", "json", "seed.txt"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("Found 1 violation (1 error, 0 warnings) in 1 file.")
    report = json.loads(Path("out.json").read_text(encoding="utf-8"))
    assert [(d["code"], d["line"]) for d in report["diagnostics"]] == [("ALN002", 65)]
    assert report["tool"] == {"name": "statement-lint", "version": __version__}
    assert main(["--output-file", "missing-dir/out.txt", "seed.txt"]) == 2


def test_full_format_shows_the_line_a_caret_and_help(workdir, capsys):
    shutil.copy(SEED, "seed.txt")
    main(["--output-format", "full", "seed.txt"])
    out = capsys.readouterr().out
    assert out == (
        "seed.txt:65:1: ALN002 [*] ALBANIA is named in the footnote * (line 67) but has no * "
        "in the alignment paragraph: write ALBANIA*\n"
        "  65 | ALBANIA and the EFTA countries ICELAND and LIECHTENSTEIN, members of the European "
        "Economic\n"
        "       ^^^^^^^\n"
        "  help: The footnote names a country that stands in the alignment paragraph without the "
        "marker.\n"
        "  fix: add * after ALBANIA\n"
        "  right: the paragraph for the countries listed, on the statement's date:\n"
        "    The Candidate Countries REPUBLIC of NORTH MACEDONIA*, MONTENEGRO*, SERBIA* and "
        "ALBANIA*, the EFTA countries ICELAND and LIECHTENSTEIN, members of the European Economic "
        "Area, as well as UKRAINE and GEORGIA align themselves with this statement.\n"
        "    * Republic of North Macedonia, Montenegro, Serbia and Albania continue to be part of "
        "the Stabilisation and Association Process.\n\n"
    )


def test_color(workdir, capsys, monkeypatch):
    shutil.copy(SEED, "seed.txt")
    main(["--color", "always", "seed.txt"])
    assert "\033[1;31mALN002\033[0m" in capsys.readouterr().out
    main(["--color", "never", "seed.txt"])
    assert "\033[" not in capsys.readouterr().out
    monkeypatch.setenv("FORCE_COLOR", "1")
    main(["seed.txt"])
    assert "\033[" in capsys.readouterr().out
    monkeypatch.setenv("NO_COLOR", "1")
    main(["seed.txt"])
    assert "\033[" not in capsys.readouterr().out


def test_rule_command(capsys):
    assert main(["rule", "aln002"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# ALN002 footnote-country-not-marked (error)\n\nThe footnote names")
    assert "## Failing example" in out
    assert main(["rule", "--all", "--output-format", "json"]) == 0
    entries = json.loads(capsys.readouterr().out)
    assert len(entries) == len(all_rules()) and entries[0]["code"] == "ALN001"
    assert main(["rule", "ALN02"]) == 2
    assert "no rule ALN02; did you mean ALN002?" in capsys.readouterr().err
    assert main(["rule"]) == 2


def test_output_is_deterministic(workdir, capsys):
    for name in ("z.txt", "a.txt", "m.md"):
        shutil.copy(FIXTURES / "statements" / "pc-del-1544-22-slips.txt", name)
    main(["--output-format", "json", "."])
    first = capsys.readouterr().out
    main(["--output-format", "json", "z.txt", "m.md", "a.txt", "."])
    assert capsys.readouterr().out == first


def test_version(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"statement-lint {__version__}\n"


def test_console_script_runs(tmp_path):
    shutil.copy(SEED, tmp_path / "seed.txt")
    script = Path(sys.executable).with_name("statement-lint")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "statement_lint"]
    result = subprocess.run([*command, "seed.txt"], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stdout.startswith("seed.txt:65:1: ALN002 ")
