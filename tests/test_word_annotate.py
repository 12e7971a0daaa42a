"""--annotate writes a reviewed copy of a Word file with a comment on each diagnostic's text;
the file itself is left as it was."""

import contextlib
import io
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest

from documents import docx_parts, statement_from_top_layout, write_docx
from statement_lint.cli import main
from statement_lint.readers import read_path

CLEAN = statement_from_top_layout("layouts/top.txt")
SLIPPED = CLEAN.replace_text("ENGLISH only", "English only").replace_text("ALBANIA*,", "ALBANIA,")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def run(*arguments: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(["--isolated", "--no-cache", *arguments], stdin=io.StringIO())
    return status, out.getvalue(), err.getvalue()


def comments_of(path: Path) -> list[tuple[str, list[str], str]]:
    """Each comment: its id, its paragraphs, and the body text it is anchored on."""
    with zipfile.ZipFile(path) as archive:
        comments = ElementTree.fromstring(archive.read("word/comments.xml"))
        body = ElementTree.fromstring(archive.read("word/document.xml"))
    anchored: dict[str, str] = {}
    open_ids: set[str] = set()
    for element in body.iter():
        if element.tag == f"{W}commentRangeStart":
            open_ids.add(element.get(f"{W}id"))
            anchored.setdefault(element.get(f"{W}id"), "")
        elif element.tag == f"{W}commentRangeEnd":
            open_ids.discard(element.get(f"{W}id"))
        elif element.tag == f"{W}t":
            for ident in open_ids:
                anchored[ident] += element.text or ""
    found = []
    for comment in comments.iter(f"{W}comment"):
        assert comment.get(f"{W}author") == "statement-lint"
        ident = comment.get(f"{W}id")
        paragraphs = ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in comment.iter(f"{W}p")]
        found.append((ident, paragraphs, anchored[ident]))
    return found


@pytest.fixture
def draft(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return write_docx(docx_parts(SLIPPED), tmp_path / "draft.docx")


def test_reviewed_copy_has_a_comment_on_each_diagnostic(draft):
    before = draft.read_bytes()
    status, out, err = run("--annotate", "draft.docx")
    assert status == 1
    assert [line.split(" ")[1] for line in out.splitlines()[:2]] == ["LNG002", "ALN002"]
    assert "statement-lint: wrote draft.reviewed.docx\n" in err
    assert draft.read_bytes() == before
    copy = draft.with_name("draft.reviewed.docx")
    (lng_id, lng, lng_anchor), (aln_id, aln, aln_anchor) = comments_of(copy)
    assert lng[0] == (
        "LNG002 malformed-language-marker: malformed language marker English only: wrong casing "
        "or word order: write ENGLISH only (page header)"
    )
    assert lng[2] == "statement-lint --fix: write ENGLISH only"
    # Word takes no comment in a page header: it stands at the top of the body.
    assert lng_anchor == ""
    assert aln[0].startswith("ALN002 footnote-country-not-marked: ALBANIA is named in the footnote")
    assert aln[1] == (
        "The footnote names a country that stands in the alignment paragraph without the marker."
    )
    assert aln_anchor == "ALBANIA"
    assert aln[-2].startswith("The Candidate Countries NORTH MACEDONIA*, MONTENEGRO*, ALBANIA*,")
    assert lng_id != aln_id
    # The copy reads as the draft does, and lints the same.
    assert read_path(str(copy)).text == read_path(str(draft)).text
    assert run("-q", "draft.reviewed.docx")[1] == run("-q", "draft.docx")[1].replace(
        "draft.docx", "draft.reviewed.docx"
    )


def test_annotate_dir_and_clean_files(draft, tmp_path):
    (tmp_path / "reviews").mkdir()
    write_docx(docx_parts(CLEAN), tmp_path / "clean.docx")
    status, _, err = run("--annotate", "--annotate-dir", "reviews", ".")
    assert status == 1
    assert sorted(os.listdir(tmp_path / "reviews")) == ["draft.reviewed.docx"]  # clean: no copy
    assert not (tmp_path / "draft.reviewed.docx").exists()
    assert run("--annotate-dir", "reviews", "draft.docx")[0] == 2
    status, _, err = run("--annotate", "--annotate-dir", "missing", "draft.docx")
    assert status == 2 and "--annotate-dir missing: no such folder; create it first" in err


def test_a_reviewed_copy_is_not_annotated_again(draft, tmp_path):
    run("--annotate", "draft.docx")
    run("--annotate", ".")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.docx", "draft.reviewed.docx"]


def test_comments_are_added_to_those_already_there(draft):
    parts = docx_parts(SLIPPED)
    theirs = (
        '<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        '<w:comment w:id="7" w:author="Desk officer"><w:p><w:r><w:t>Check the date</w:t></w:r>'
        "</w:p></w:comment></w:comments>"
    )
    write_docx({**parts, "word/comments.xml": theirs}, draft)
    run("--annotate", "draft.docx")
    with zipfile.ZipFile(draft.with_name("draft.reviewed.docx")) as archive:
        comments = ElementTree.fromstring(archive.read("word/comments.xml"))
    found = [(c.get(f"{W}id"), c.get(f"{W}author")) for c in comments.iter(f"{W}comment")]
    assert found == [("7", "Desk officer"), ("8", "statement-lint"), ("9", "statement-lint")]


@pytest.mark.skipif(
    not shutil.which("soffice") and not os.environ.get("CI"),
    reason="LibreOffice is not installed (.ci/run installs it, and CI never skips this)",
)
def test_libreoffice_reads_the_comments_where_they_stand(draft, tmp_path):
    run("--annotate", "draft.docx")
    converted = tmp_path / "odt" / "draft.reviewed.odt"
    for _ in range(3):  # LibreOffice now and then dies at start: try again
        subprocess.run(
            ["soffice", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
             "--convert-to", "odt", "--outdir", str(tmp_path / "odt"), "draft.reviewed.docx"],
            capture_output=True, timeout=300,
        )  # fmt: skip
        if converted.exists():
            break
    with zipfile.ZipFile(tmp_path / "odt" / "draft.reviewed.odt") as archive:
        content = archive.read("content.xml").decode()
    authors = re.findall(r"<dc:creator>([^<]*)</dc:creator>", content)
    assert authors == ["statement-lint", "statement-lint"]
    # ALN002's comment spans ALBANIA: the annotation, the word, then the annotation's end.
    assert re.search(r"</office:annotation>ALBANIA<office:annotation-end", content)
