"""`statement-lint register`: a row per document, as a table, CSV or JSON (first part of the
archive register; the checks across documents are to come)."""

import csv
import io
import json
import shutil
from pathlib import Path

import jsonschema
import pytest

from documents import docx_parts, statement_from_top_layout, write_docx
from statement_lint.cli import main

ROOT = Path(__file__).parent.parent
SEED = Path(__file__).parent / "fixtures" / "statements" / "pc-del-80-21-rev1.txt"


@pytest.fixture
def archive(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
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
