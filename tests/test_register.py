"""`statement-lint register`: a row per document, as a table, CSV or JSON; the checks across
documents (ARC rules); the result cache and worker processes it shares with linting."""

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from conftest import cache_database, cache_entries, change_cache_entry
from documents import (
    docx_parts,
    statement_from_top_layout,
    write_docx,
    write_text_docx,
    write_text_pdf,
)
from statement_lint.cli import main
from statement_lint.run import register as register_module
from statement_lint.run.workers import PARALLEL_FROM

ROOT = Path(__file__).parent.parent
SEED = Path(__file__).parent / "fixtures" / "statements" / "pc-del-80-21-rev1.txt"


@pytest.fixture(autouse=True)
def in_tmp_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # where the result cache is written


@pytest.fixture
def archive(tmp_path):
    (tmp_path / "archive").mkdir()
    shutil.copy(SEED, tmp_path / "archive" / "pc-del-80-21-rev1.txt")
    clean = statement_from_top_layout("layouts/top.txt")
    write_docx(docx_parts(clean), tmp_path / "archive" / "pc-del-1544-23.docx")
    translated = (ROOT / "examples" / "fsc-del-301-23-flat.txt").read_text(encoding="utf-8")
    (tmp_path / "archive" / "fsc-del-301-23.txt").write_text(translated, encoding="utf-8")
    (tmp_path / "archive" / "broken.docx").write_bytes(b"PK\x03\x04 not really a Word file")
    return tmp_path


def register(capsys, *arguments) -> str:
    assert main(["register", "--isolated", *arguments], stdin=io.StringIO()) == 0
    return capsys.readouterr().out


def test_json_rows_and_schema(archive, capsys):
    document = json.loads(register(capsys, "--output-format", "json", "archive"))
    schema = json.loads((ROOT / "schemas" / "register.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(document, schema)
    rows = {Path(row["path"]).name: row for row in document["documents"]}
    assert list(rows) == [
        "broken.docx", "fsc-del-301-23.txt", "pc-del-1544-23.docx", "pc-del-80-21-rev1.txt"
    ]  # fmt: skip
    seed = rows["pc-del-80-21-rev1.txt"]
    assert (seed["symbol"], seed["body"], seed["kind"], seed["number"], seed["year"]) == (
        "PC.DEL/80/21/Rev.1", "PC", "DEL", 80, 2021
    )  # fmt: skip
    assert (seed["suffixes"], seed["date"], seed["language"], seed["disclaimer"]) == (
        "/Rev.1", "2021-02-22", "ENGLISH", True
    )  # fmt: skip
    assert [(a["country"], a["slot"], a["marked"]) for a in seed["aligned"]] == [
        ("MK", "candidate", True), ("ME", "candidate", True), ("RS", "candidate", True),
        ("AL", "candidate", False), ("IS", "efta-eea", False), ("LI", "efta-eea", False),
        ("UA", "as-well-as", False), ("GE", "as-well-as", False),
    ]  # fmt: skip
    word = rows["pc-del-1544-23.docx"]
    assert (word["symbol"], word["date"], word["error"]) == ("PC.DEL/1544/23", "2023-11-16", None)
    # A file that cannot be read is a row that says why; the rest are registered.
    broken = rows["broken.docx"]
    assert broken["symbol"] is None and broken["error"].startswith("is not a valid Word file")


def test_csv_opens_in_pythons_csv(archive, capsys):
    rows = list(csv.DictReader(io.StringIO(register(capsys, "--output-format", "csv", "archive"))))
    seed = next(row for row in rows if row["path"].endswith("rev1.txt"))
    assert seed["symbol"] == "PC.DEL/80/21/Rev.1" and seed["restricted"] == "no"
    assert seed["aligned"].startswith("MK:candidate:*;ME:candidate:*;RS:candidate:*;AL:candidate;")


def test_table_is_a_line_per_document(archive, capsys):
    lines = register(capsys, "archive").splitlines()
    assert lines[0].split() == [
        "path", "symbol", "date", "language", "original", "OSCE+", "disclaimer", "aligned"
    ]  # fmt: skip
    assert len(lines) == 5
    assert "(not read: is not a valid Word file" in lines[1]
    assert "PC.DEL/80/21/Rev.1" in lines[4] and "MK*, ME*, RS*, AL," in lines[4]


# The result cache and worker processes -----------------------------------------------------


def test_a_rerun_takes_the_rows_from_the_cache_without_reading(
    archive, capsys, monkeypatch, times_settled
):
    (archive / "archive" / "broken.docx").unlink()  # not cached: read again each time
    for path in (archive / "archive").iterdir():
        os.utime(path, ns=(10**18, 10**18))  # not "racy": the size and time vouch for it
    cold = register(capsys, "--output-format", "json", "archive")
    # Linting and the register keep their entries apart in the same cache.
    cache = archive / ".statement_lint_cache"
    rows = cache_entries(cache, "register")
    assert len(rows) == 3 and cache_entries(cache, "lint") == {}
    assert main(["--isolated", "archive"], stdin=io.StringIO()) == 1
    linted = capsys.readouterr().out
    assert cache_entries(cache, "register") == rows and len(cache_entries(cache, "lint")) == 3

    def no_reading(*arguments):
        raise AssertionError("a cached row was read again")

    with monkeypatch.context() as patched:
        patched.setattr("statement_lint.run.register.read_path", no_reading)
        patched.setattr("statement_lint.run.cache._digest", no_reading)
        assert register(capsys, "--output-format", "json", "archive") == cold
    # ...and linting still gets its own results, not rows.
    assert main(["--isolated", "archive"], stdin=io.StringIO()) == 1
    assert capsys.readouterr().out == linted


def test_a_cached_row_is_shown_from_the_working_folder(archive, capsys, monkeypatch):
    (archive / "archive" / "broken.docx").unlink()  # never cached
    register(capsys, "--cache-dir", str(archive / "cache"), "archive")
    monkeypatch.chdir(archive / "archive")
    with monkeypatch.context() as patched:  # every row from the cache
        patched.setattr("statement_lint.run.register.read_path", lambda *arguments: 1 / 0)
        out = register(capsys, "--cache-dir", str(archive / "cache"), "--output-format", "json",
                       ".")  # fmt: skip
    rows = json.loads(out)["documents"]
    assert [(row["path"], row["error"]) for row in rows] == [
        ("fsc-del-301-23.txt", None), ("pc-del-1544-23.docx", None),
        ("pc-del-80-21-rev1.txt", None),
    ]  # fmt: skip


def test_a_changed_document_is_read_again(archive, capsys):
    register(capsys, "archive")
    seed = archive / "archive" / "pc-del-80-21-rev1.txt"
    seed.write_text(seed.read_text().replace("22 February 2021", "23 February 2021"))
    rows = json.loads(register(capsys, "--output-format", "json", "archive"))["documents"]
    assert [row["date"] for row in rows if row["path"].endswith("rev1.txt")] == ["2021-02-23"]


DAMAGED_ROWS = [
    {"number": "80"},  # not a row's type
    {"number": True},  # a flag for a number
    {"disclaimer": 1},  # a number for a flag
    {"sha256": "zz"},
    {"date": "2021-02-31"},
    {"language": "EN\ud800"},  # cannot be written out
    {"error": "statement-lint failed on it (IndexError)"},  # never kept: would change the status
    {"aligned": [{"country": "MK", "slot": None}]},
    {"aligned": [{"country": "MK", "slot": None, "marked": 1}]},
]


@pytest.mark.parametrize("damage", DAMAGED_ROWS, ids=range(len(DAMAGED_ROWS)))
def test_a_damaged_or_foreign_cache_entry_is_not_a_row(archive, capsys, damage):
    cold = register(capsys, "--output-format", "json", "archive")
    cache = archive / ".statement_lint_cache"
    rows = cache_entries(cache, "register")
    seed = rows["pc-del-80-21-rev1.txt"]["value"]
    change_cache_entry(cache, "pc-del-80-21-rev1.txt", "register", value={**seed, **damage})
    lint_result = {"diagnostics": [], "ignore_use": [], "notes": [], "lines": {}}
    change_cache_entry(cache, "fsc-del-301-23.txt", "register", value=lint_result)
    assert register(capsys, "--output-format", "json", "archive") == cold


def test_a_pipe_where_the_cache_belongs_does_not_stop_the_run(archive, capsys):
    register(capsys, "archive")
    database = cache_database(archive / ".statement_lint_cache")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    os.mkfifo(f"{database}-wal")
    command = [sys.executable, "-m", "statement_lint", "register", "--isolated", "archive"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "PC.DEL/80/21/Rev.1" in done.stdout


def test_no_cache_writes_no_cache(archive, capsys):
    register(capsys, "--no-cache", "archive")
    assert not (archive / ".statement_lint_cache").exists()
    register(capsys, "--cache-dir", "elsewhere", "archive")
    assert len(cache_entries(archive / "elsewhere", "register")) == 3


def test_workers_give_the_same_register(tmp_path, capsys):
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(150):  # beyond PARALLEL_FROM: worker processes start
        (folder / f"{number:03d}.txt").write_text(statement(f"PC.DEL/{number}/23", 1 + number % 28))
    (folder / "100.txt").write_text(statement("PC.DEL/99/23", 2, body=" Other words."))
    outputs = []
    for jobs in ("1", "2"):
        status = main(["register", "--isolated", "--no-cache", "-j", jobs, "--output-format",
                       "csv", "many"], stdin=io.StringIO())  # fmt: skip
        outputs.append((status, capsys.readouterr()))
    assert outputs[0] == outputs[1]
    status, captured = outputs[0]
    assert status == 1 and len(captured.out.splitlines()) == 151
    assert captured.err.splitlines()[0] == (
        "many/100.txt:1:1: ARC001 PC.DEL/99/23 is also the symbol of many/099.txt (line 1), in "
        "the same language, whose text differs: one of the two carries the wrong symbol"
    )


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_bug_on_one_document_is_its_row_and_the_status_is_2(archive, capsys, monkeypatch, jobs):
    real_row_of = register_module.row_of

    def failing_on_the_seed(shown, document, statement, digest):
        if shown.endswith("rev1.txt"):
            raise IndexError("string index out of range")
        return real_row_of(shown, document, statement, digest)

    monkeypatch.setattr(register_module, "row_of", failing_on_the_seed)
    if jobs == "2":  # enough files for worker processes (which inherit the failing function)
        for number in range(PARALLEL_FROM):
            (archive / "archive" / f"more-{number:02d}.txt").write_text(
                statement(f"PC.DEL/{500 + number}/23", 2), encoding="utf-8"
            )
    status = main(["register", "--isolated", "-j", jobs, "--output-format", "csv", "archive"],
                  stdin=io.StringIO())  # fmt: skip
    captured = capsys.readouterr()
    assert status == 2
    rows = {row["path"]: row for row in csv.DictReader(io.StringIO(captured.out))}
    assert rows["archive/pc-del-1544-23.docx"]["symbol"] == "PC.DEL/1544/23"
    assert rows["archive/pc-del-80-21-rev1.txt"]["error"].startswith(
        "statement-lint failed on it (IndexError: string index out of range, in run/register.py "
    )  # and the line, for the bug report
    assert captured.err.endswith(
        "statement-lint: failed on 1 of them: their rows say why; please report the bug with "
        "the file\n"
    )


def test_what_could_not_be_read_is_counted_and_said(archive, capsys):
    (archive / "archive" / "empty.txt").write_bytes(b"")
    status = main(["register", "--isolated", "--output-format", "csv", "archive"],
                  stdin=io.StringIO())  # fmt: skip
    captured = capsys.readouterr()
    assert status == 0  # no finding across documents; the rows say what was not read
    rows = {row["path"]: row["error"] for row in csv.DictReader(io.StringIO(captured.out))}
    assert rows["archive/empty.txt"] == "is empty: no statement in it"
    assert captured.err.splitlines()[-1] == (
        "Registered 5 documents (2 not read: their rows say why); 0 findings across them "
        "(0 errors)."
    )
    assert main(["register", "-"], stdin=io.StringIO()) == 2
    assert "not standard input" in capsys.readouterr().err


def test_jobs_must_be_a_number_of_processes(archive, capsys):
    assert main(["register", "-j", "0", "archive"], stdin=io.StringIO()) == 2
    assert "--jobs takes a number of processes, 1 or more" in capsys.readouterr().err


# Checks across documents --------------------------------------------------------------------

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]  # fmt: skip
TOP = statement_from_top_layout("layouts/top.txt")


def statement(symbol: str, day: int, month: int = 11, body: str = "", marker="ENGLISH only"):
    """The clean statement of layouts/top.txt under another symbol, date, body or marker."""
    text = TOP.text().replace("PC.DEL/1544/23", symbol)
    text = text.replace("16 November 2023", f"{day} {MONTHS[month - 1]} 2023")
    text = text.replace("ENGLISH only", marker)
    return text.replace("Madam Chair,", f"Madam Chair,{body}", 1)


# (code, whether it is reported): the cases of each archive rule (tests/test_rules_meta.py)
ARCHIVE_CASES = [(code, fails) for code in ("ARC001", "ARC002", "ARC003", "ARC004")
                 for fails in (True, False)]  # fmt: skip


def lint_archive(tmp_path, capsys, files: dict[str, str], *options) -> tuple[int, list[str]]:
    folder = tmp_path / "archive"
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    status = main(["register", "--isolated", *options, "archive"], stdin=io.StringIO())
    err = capsys.readouterr().err
    found = [line.replace("archive/", "") for line in err.splitlines()[:-1]]
    return status, found


def test_each_slip_across_documents_is_reported_once(tmp_path, capsys):
    files = {
        # ARC001: the same symbol and language, another text.
        "a-100.txt": statement("PC.DEL/100/23", 2),
        "b-100.txt": statement("PC.DEL/100/23", 2, body=" Thank you."),
        # Identical copies are no slip.
        "c-101.txt": statement("PC.DEL/101/23", 3),
        "d-101-copy.txt": statement("PC.DEL/101/23", 3),
        # ARC002: the Russian version dated a day later.
        "e-102-en.txt": statement("PC.DEL/102/23", 6),
        "f-102-ru.txt": statement("PC.DEL/102/23", 7, marker="RUSSIAN Original: ENGLISH"),
        # ARC003: a Rev.1 dated before its base; a Rev.2 after its Rev.1 is right.
        "g-103.txt": statement("PC.DEL/103/23", 10),
        "h-103-rev1.txt": statement("PC.DEL/103/23/Rev.1", 9),
        "i-104.txt": statement("PC.DEL/104/23", 10),
        "j-104-rev1.txt": statement("PC.DEL/104/23/Rev.1", 12),
        "k-104-rev2.txt": statement("PC.DEL/104/23/Rev.2", 13),
        # A revision whose base is not in the archive: only --strict reports it (ARC004).
        "l-105-rev1.txt": statement("PC.DEL/105/23/Rev.1", 14),
    }
    status, found = lint_archive(tmp_path, capsys, files)
    assert status == 1
    assert [line.split(": ", 1)[0] + " " + line.split(" ")[1] for line in found] == [
        "b-100.txt:1:1 ARC001", "f-102-ru.txt:2:1 ARC002", "h-103-rev1.txt:2:1 ARC003",
    ]  # fmt: skip
    assert found[0].endswith(
        "ARC001 PC.DEL/100/23 is also the symbol of a-100.txt (line 1), in the same language, "
        "whose text differs: one of the two carries the wrong symbol"
    )
    assert found[1].endswith(
        "ARC002 this RUSSIAN version of PC.DEL/102/23 is dated 7 November 2023, the ENGLISH "
        "version e-102-en.txt (line 1) 6 November 2023"
    )
    status, strict = lint_archive(tmp_path, capsys, {}, "--strict")
    assert [line for line in strict if " ARC004 " in line] == [
        "l-105-rev1.txt:1:1: ARC004 PC.DEL/105/23/Rev.1 follows PC.DEL/105/23, which is not in "
        "the archive"
    ]


def test_language_versions_that_disagree_on_who_aligns(tmp_path, capsys):
    english = statement("PC.DEL/110/23", 2)
    russian = statement("PC.DEL/110/23", 2, marker="RUSSIAN Original: ENGLISH")
    russian = russian.replace("as well as GEORGIA, ANDORRA and SAN MARINO",
                              "as well as GEORGIA and ANDORRA")  # fmt: skip
    _, found = lint_archive(tmp_path, capsys, {"en.txt": english, "ru.txt": russian})
    assert found == [
        "ru.txt:1:1: ARC002 this RUSSIAN version of PC.DEL/110/23 lists other aligning countries "
        "than the ENGLISH version en.txt (line 1): it lacks SM"
    ]


def test_a_clean_archive_of_a_thousand_statements_gives_nothing(tmp_path, capsys):
    files = {}
    for number in range(1000):
        day, month = 1 + number % 28, 1 + (number // 28) % 12
        symbol = f"PC.DEL/{1000 + number}/23"
        files[f"{number:04d}.txt"] = statement(symbol, day, month)
        if number % 10 == 0:  # a revision, later than its base
            later = min(day + 1, 28)
            files[f"{number:04d}-rev1.txt"] = statement(symbol + "/Rev.1", later, month)
        if number % 50 == 0:  # a translation that agrees with its original
            russian = "RUSSIAN Original: ENGLISH"
            files[f"{number:04d}-ru.txt"] = statement(symbol, day, month, marker=russian)
    status, found = lint_archive(tmp_path, capsys, files, "--strict")
    assert (status, found) == (0, [])


# No false findings on what archives really hold ------------------------------------------


def test_one_text_in_several_formats_is_no_conflict(tmp_path, capsys):
    """A Word original beside its PDF, a copy with other line breaks, a page number or a
    trailing blank line: the same words, the same document."""
    text = statement("PC.DEL/120/23", 2)
    folder = tmp_path / "archive"
    folder.mkdir()
    write_text_docx(text, folder / "b-original.docx")
    write_text_pdf(text, folder / "c-circulated.pdf")
    paragraphs = text.split("\n\n")
    paged = "\n\n".join([*paragraphs[:3], "- 2 -", *paragraphs[3:]])
    _, found = lint_archive(tmp_path, capsys, {
        "a.txt": text,
        "d-blank-line.txt": text + "\n\n",
        "e-spaces.txt": text.replace("\n", "  \n"),
        "f-page-number.txt": paged,
        "g-joined.md": text.replace("Madam Chair,\n", "Madam Chair, "),
        # As a PDF's extraction may give it: the header last, a `*` set apart, other capitals.
        "i-header-last.txt": "\n".join(paragraphs[1:] + paragraphs[:1]),
        "j-star-apart.txt": text.replace("ALBANIA*", "ALBANIA *").replace("Madam", "MADAM"),
    })  # fmt: skip
    assert found == []
    # ...while another text under the same symbol still is one.
    other = statement("PC.DEL/120/23", 2, body=" We also thank the Secretariat.")
    _, found = lint_archive(tmp_path, capsys, {"h-other.txt": other})
    assert [line.split(" ")[1] for line in found] == ["ARC001"]
    assert found[0].startswith("h-other.txt:1:1: ARC001 PC.DEL/120/23 is also the symbol of a.txt")


def test_documents_without_a_marker_are_not_compared(tmp_path, capsys):
    bare = statement("PC.DEL/121/23", 2, marker="")
    other = statement("PC.DEL/121/23", 2, marker="", body=" Other words.")
    assert lint_archive(tmp_path, capsys, {"a.txt": bare, "b.txt": other}) == (0, [])


def test_a_translation_is_compared_only_on_what_was_read(tmp_path, capsys):
    english = statement("PC.DEL/122/23", 2)
    # No alignment paragraph recognised in the translation (written in its own language).
    russian = statement("PC.DEL/122/23", 2, marker="RUSSIAN Original: ENGLISH")
    start = russian.index("The Candidate Countries")
    end = russian.index("\n", start)
    russian = (
        russian[:start] + "К настоящему заявлению присоединяются страны-кандидаты." + russian[end:]
    )
    # An undated translation: DAT001's, not a date that differs.
    french = statement("PC.DEL/122/23", 2, marker="FRENCH Original: ENGLISH")
    french = french.replace("2 November 2023\n", "")
    files = {"a-en.txt": english, "b-ru.txt": russian, "c-fr.txt": french}
    assert lint_archive(tmp_path, capsys, files) == (0, [])


def test_versions_are_compared_with_the_original(tmp_path, capsys):
    """The Russian version, first by path, is the one that differs: it is the one reported."""
    files = {
        "a-ru.txt": statement("PC.DEL/123/23", 3, marker="RUSSIAN Original: ENGLISH"),
        "b-en.txt": statement("PC.DEL/123/23", 2),
        "c-fr.txt": statement("PC.DEL/123/23", 2, marker="FRENCH Original: ENGLISH"),
    }
    _, found = lint_archive(tmp_path, capsys, files)
    assert found == [
        "a-ru.txt:2:1: ARC002 this RUSSIAN version of PC.DEL/123/23 is dated 3 November 2023, "
        "the ENGLISH version b-en.txt (line 1) 2 November 2023"
    ]


def test_the_archives_own_config_applies(tmp_path, capsys):
    """As in linting, the config beside the documents decides (not the working folder's)."""
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "statement-lint.toml").write_text('ignore = ["ARC001"]\n', encoding="utf-8")
    files = {"a.txt": statement("PC.DEL/124/23", 2),
             "b.txt": statement("PC.DEL/124/23", 2, body=" Other words.")}  # fmt: skip
    status = main(["register", "archive"], stdin=io.StringIO())
    assert status == 0
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    assert main(["register", "archive"], stdin=io.StringIO()) == 0
    assert " ARC001 " not in capsys.readouterr().err
    (folder / "statement-lint.toml").write_text(
        '[per-file-ignores]\n"c.txt" = ["ARC001"]\n', encoding="utf-8"
    )
    assert main(["register", "archive"], stdin=io.StringIO()) == 1
    assert capsys.readouterr().err.startswith("archive/b.txt:1:1: ARC001 ")


def test_the_table_escapes_names(tmp_path, capsys):
    folder = tmp_path / "archive"
    folder.mkdir()
    shutil.copy(SEED, folder / "new\nline.txt")
    shutil.copy(SEED, folder / "esc\x1b[31mred.txt")
    lines = register(capsys, "--no-cache", "archive").splitlines()
    assert len(lines) == 3 and "\x1b" not in "".join(lines)
