"""One file never stops the others: a bug met on one file is DOC003 on that file and the run
goes on (exit 2); a worker that dies costs nothing; --jobs and standard input are bounded."""

import io
import os
import shutil
from pathlib import Path

import pytest

import statement_lint.run.workers
from conftest import cache_entries
from statement_lint import lint_text
from statement_lint.cli import main
from statement_lint.rules import rules_by_code
from statement_lint.run.workers import PARALLEL_FROM, default_jobs, usable_jobs

FIXTURES = Path(__file__).parent / "fixtures"
SEED = FIXTURES / "statements" / "pc-del-80-21-rev1.txt"
TOP = FIXTURES / "layouts" / "top.txt"


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys, *arguments, stdin=None):
    status = main(["--isolated", "--no-cache", *arguments], stdin=stdin or io.StringIO())
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def break_rule():
    """`break_rule(code, trigger)` makes the rule raise on documents whose text holds
    `trigger`: a stand-in for a bug. Rules are frozen; the original check comes back after."""
    broken = []

    def install(code: str, trigger: str) -> None:
        rule = rules_by_code()[code]
        real_check = rule.check

        def failing_check(ctx):
            if ctx.document.text and trigger in ctx.document.text:
                return {}["no such key"]
            return real_check(ctx)

        broken.append((rule, real_check))
        object.__setattr__(rule, "check", failing_check)

    yield install
    for rule, check in broken:
        object.__setattr__(rule, "check", check)


def test_a_bug_on_one_file_is_doc003_and_the_run_goes_on(workdir, capsys, break_rule):
    shutil.copy(TOP, "a-clean.txt")
    shutil.copy(TOP, "b-trips-the-bug.txt")
    shutil.copy(SEED, "c-seed.txt")
    Path("b-trips-the-bug.txt").write_text(TOP.read_text().replace("Madam Chair,", "Trip,"))
    break_rule("ALN002", "Trip,")
    status, out, err = run(capsys, ".")
    assert status == 2
    lines = out.splitlines()
    assert lines[0].startswith(
        "b-trips-the-bug.txt:1:1: DOC003 statement-lint failed on this file (KeyError: "
        "'no such key', in "
    )
    assert lines[0].endswith("); the file was not checked: please report this bug with the file")
    assert lines[1].startswith("c-seed.txt:65:1: ALN002 [*] ALBANIA is named in the footnote")
    assert len(lines) == 2
    assert err.splitlines()[-1] == (
        "statement-lint: failed on 1 file (DOC003): they were not checked; please report the "
        "bug with the file"
    )


def test_a_bug_is_not_cached_and_exit_zero_does_not_hide_it(workdir, capsys, break_rule):
    Path("statement.txt").write_text(TOP.read_text().replace("Madam Chair,", "Trip,"))
    break_rule("ALN002", "Trip,")
    status = main(["--isolated", "--exit-zero", "-q", "statement.txt"], stdin=io.StringIO())
    assert status == 2
    assert capsys.readouterr().out.startswith("statement.txt:1:1: DOC003 ")
    # Ignoring the code hides the diagnostic, not the failure.
    assert main(["--isolated", "-q", "--ignore", "DOC003", "statement.txt"]) == 2
    assert capsys.readouterr().out == ""
    assert cache_entries(workdir / ".statement_lint_cache") == {}


def test_a_bug_in_a_reader_is_doc003(workdir, capsys, monkeypatch):
    shutil.copy(TOP, "statement.txt")

    def broken_reader(*arguments, **keywords):
        raise ValueError("reader bug")

    monkeypatch.setattr("statement_lint.run.file.read_path", broken_reader)
    status, out, _ = run(capsys, "statement.txt")
    assert status == 2
    assert out.startswith(
        "statement.txt:1:1: DOC003 statement-lint failed on this file (ValueError: reader bug, in "
    )


def test_text_with_lone_surrogates_is_linted():
    """A str handed to the API may hold lone surrogates: they are text like any other."""
    text = TOP.read_text().replace("ALBANIA*,", "ALB\ud800ANIA*,").replace("ANDORRA", "\udc80")
    found = [(d.code, d.line, d.message[:12]) for d in lint_text(text)]
    assert found == [
        ("ALN008", 17, "'ALB\ufffdANIA' m"),
        ("ALN008", 17, "'\ufffd' matches "),
        ("ALN003", 18, "the footnote"),
    ]


def test_a_dotted_capital_i_before_the_disclaimer_moves_no_span():
    """`İ` lowers to two characters: offsets of a lowered copy would point past the words."""
    text = FIXTURES.joinpath("layouts", "flat.txt").read_text()
    text = "TÜRKİYE İSTANBUL " + text.replace("without altering", "without changing")
    [diagnostic] = lint_text(text)
    assert (diagnostic.code, diagnostic.line) == ("DSC002", 1)
    start = diagnostic.column - 1
    assert text[start : diagnostic.end_column - 1] == "changing"


def test_jobs_are_capped_by_the_work_and_the_cpus():
    assert usable_jobs(100_000, 10_000) == 2 * default_jobs()
    assert usable_jobs(8, 20) == min(8, 2 * default_jobs(), 2)
    assert usable_jobs(4, 1) == 1


def test_a_huge_jobs_number_lints_as_usual(workdir, capsys):
    for index in range(PARALLEL_FROM + 1):
        shutil.copy(SEED if index % 2 else TOP, f"s{index:03d}.txt")
    serial = run(capsys, "--jobs", "1", ".")
    assert run(capsys, "--jobs", "100000", ".") == serial
    assert serial[0] == 1


_real_run_batch = statement_lint.run.workers._run_batch


def _dying_batch(paths):
    if any(path.endswith("s100.txt") for path in paths):
        os._exit(9)  # as the kernel's out-of-memory killer would
    return _real_run_batch(paths)


def test_a_worker_that_dies_costs_no_file(workdir, capsys, monkeypatch):
    for index in range(3 * PARALLEL_FROM):
        shutil.copy(SEED if index % 2 else TOP, f"s{index:03d}.txt")
    serial = run(capsys, "--jobs", "1", ".")
    monkeypatch.setattr(statement_lint.run.workers, "_run_batch", _dying_batch)
    assert run(capsys, "--jobs", "2", ".") == serial


class _Stdin:
    def __init__(self, data: bytes):
        self.buffer = io.BytesIO(data)


def test_standard_input_is_read_with_a_bound(workdir, capsys):
    Path("statement-lint.toml").write_text("[limits]\ntext-mb = 1\n")
    stdin = _Stdin(b"x" * (3 * 1024 * 1024))
    status = main(["--config", "statement-lint.toml", "-q", "-"], stdin=stdin)
    assert status == 1
    assert capsys.readouterr().out == (
        "-:1:1: DOC001 the file is over the 1.0 MB limit for a text statement\n"
    )
    assert stdin.buffer.tell() == 1024 * 1024 + 1
