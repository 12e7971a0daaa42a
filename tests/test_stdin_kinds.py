"""Standard input and lint_bytes read PDF and Word bytes by the name given; the formats
statement-lint cannot read get one diagnostic that says what to do."""

import io
import json

import pytest

from documents import docx_parts, statement_from_top_layout, write_docx, write_pdf
from statement_lint import lint_bytes
from statement_lint.cli import main

SLIPPED = statement_from_top_layout("layouts/top.txt").replace_text("ENGLISH only", "English only")


@pytest.fixture
def documents(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "draft.txt").write_text(SLIPPED.text(), encoding="utf-8")
    write_pdf(SLIPPED, tmp_path / "draft.pdf")
    write_docx(docx_parts(SLIPPED), tmp_path / "draft.docx")
    return tmp_path


def stdin_of(data: bytes) -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(data))


def json_report(capsys, arguments, stdin) -> tuple[int, list[dict]]:
    status = main(["--isolated", "--output-format", "json", "-q", *arguments], stdin=stdin)
    return status, json.loads(capsys.readouterr().out)["diagnostics"]


@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
def test_stdin_is_read_as_the_kind_its_name_says(documents, capsys, suffix):
    data = (documents / f"draft{suffix}").read_bytes()
    _, from_file = json_report(capsys, [f"draft{suffix}"], io.StringIO())
    status, from_stdin = json_report(
        capsys, ["-", "--stdin-filename", f"drafts/draft{suffix}"], stdin_of(data)
    )
    assert status == 1
    assert [(d["code"], d["line"]) for d in from_stdin] == [
        (d["code"], d["line"]) for d in from_file
    ]
    assert [d["code"] for d in from_stdin] == ["LNG002"]
    assert {d["path"] for d in from_stdin} == {f"drafts/draft{suffix}"}


@pytest.mark.parametrize("suffix", [".txt", ".pdf", ".docx"])
def test_lint_bytes_reads_the_kind_its_filename_says(documents, suffix):
    data = (documents / f"draft{suffix}").read_bytes()
    diagnostics = lint_bytes(data, f"draft{suffix}")
    assert [d.code for d in diagnostics] == ["LNG002"]


def test_word_bytes_named_as_text_still_say_what_they_are(documents):
    data = (documents / "draft.docx").read_bytes()
    [diagnostic] = lint_bytes(data, "draft.txt")
    assert diagnostic.code == "DOC001"
    assert "give it the .docx suffix" in diagnostic.message


def test_stdin_over_the_document_limit_is_one_diagnostic(documents, capsys):
    # A Word file is held to the document limit, not to the (smaller) text limit.
    (documents / "statement-lint.toml").write_text("[limits]\ndocument-mb = 0.002\ntext-mb = 1\n")
    data = (documents / "draft.docx").read_bytes()
    assert len(data) > 0.002 * 1024 * 1024
    status = main(["-q", "-", "--stdin-filename", "draft.docx"], stdin=stdin_of(data))
    assert status == 1
    assert capsys.readouterr().out == "draft.docx:1:1: DOC001 the file is over the 2 KB limit\n"


@pytest.mark.parametrize(
    ("name", "data", "what"),
    [
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), "a Word 97-2003 document"),
        ("letter.rtf", b"{\\rtf1\\ansi Hello}", "a Rich Text Format document"),
        ("draft.odt", b"PK\x03\x04" + bytes(30), "an OpenDocument text"),
    ],
)
def test_formats_it_cannot_read_get_one_diagnostic(tmp_path, monkeypatch, capsys, name, data, what):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "folder").mkdir()
    (tmp_path / "folder" / name).write_bytes(data)
    status, found = json_report(capsys, ["folder"], io.StringIO())
    assert status == 1
    assert [(d["path"], d["code"], d["line"]) for d in found] == [(f"folder/{name}", "DOC001", 1)]
    assert what in found[0]["message"]
    assert "save it as .docx" in found[0]["message"]
    status, named = json_report(capsys, [f"folder/{name}"], io.StringIO())
    assert named == found
