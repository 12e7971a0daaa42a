"""--fix on Word files writes each fix as a tracked change where its text stands, keeps the
run's formatting and every other part, and leaves alone what it cannot change safely."""

import io
import itertools
import json
import os
import re
import shutil
import subprocess
import zipfile
from html import unescape
from pathlib import Path
from xml.etree import ElementTree

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from documents import (
    docx_parts,
    plain_run,
    statement_from_top_layout,
    text_box,
    tracked,
    word_paragraph,
    write_docx,
)
from statement_lint.cli import main
from statement_lint.readers import read_path

CLEAN = statement_from_top_layout("layouts/top.txt")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LIBREOFFICE_TEXT = Path(__file__).parent / "libreoffice_text.py"

# code: the slip (old, new) in the clean statement; each is fixable, in the header or the body
SLIPS = {
    "LNG002": ("ENGLISH only", "English only"),
    "DAT003": ("16 November 2023", "November 16, 2023"),
    "DSC002": ("without altering its content", "without changing its content"),
    "ALN002": ("ALBANIA*,", "ALBANIA,"),
    "ALN012": ("with this statement.", "with this declaration."),
}


def lint(path: Path, *options: str) -> tuple[int, str]:
    out = io.StringIO()
    import contextlib

    with contextlib.redirect_stdout(out):
        status = main(["--isolated", "--no-cache", "-q", *options, str(path)], stdin=io.StringIO())
    return status, out.getvalue().replace(str(path), path.name)


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@pytest.fixture(scope="module")
def fixed_files(tmp_path_factory) -> dict[str, tuple[Path, dict[str, bytes]]]:
    """Each slip's Word file after --fix, with the file's parts before it."""
    folder = tmp_path_factory.mktemp("word-fix")
    made = {}
    for code, (old, new) in SLIPS.items():
        path = write_docx(docx_parts(CLEAN.replace_text(old, new)), folder / f"{code}.docx")
        before = members(path)
        out = lint(path)[1]
        assert f" {code} [*] " in out, out  # ALN012 is a warning: exit 0
        assert lint(path, "--fix")[0] == 0
        made[code] = (path, before)
    return made


@pytest.mark.parametrize("code", SLIPS)
def test_fixed_file_lints_clean_and_reads_as_the_clean_statement(fixed_files, code):
    path, _ = fixed_files[code]
    assert lint(path) == (0, "")
    clean = write_docx(docx_parts(CLEAN), path.with_name(f"{code}-clean.docx"))
    assert read_path(str(path)).text == read_path(str(clean)).text


@pytest.mark.parametrize("code", SLIPS)
def test_the_fix_is_a_tracked_change_and_nothing_else_changes(fixed_files, code):
    path, before = fixed_files[code]
    after = members(path)
    assert list(after) == list(before)
    changed = [name for name in after if after[name] != before[name]]
    assert len(changed) == 1 and changed[0] in ("word/document.xml", "word/header1.xml")
    root = ElementTree.fromstring(after[changed[0]])  # well formed
    revisions = [e for e in root.iter() if e.tag in (f"{W}ins", f"{W}del")]
    assert revisions, "no tracked change"
    assert {e.get(f"{W}author") for e in revisions} == {"statement-lint"}
    assert all(
        re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", e.get(f"{W}date")) for e in revisions
    )
    ids = [e.get(f"{W}id") for e in revisions]
    assert len(set(ids)) == len(ids)
    # Without the tracked changes' markup, the part is what it was: only the runs were cut.
    assert _without_revisions(after[changed[0]]) == _without_revisions(before[changed[0]])


def _without_revisions(xml: bytes) -> str:
    """The part's text content as a reader who rejects the changes would see it, and the
    properties of its runs, ignoring where runs were cut."""
    root = ElementTree.fromstring(xml)
    for parent in list(root.iter()):
        for child in list(parent):
            if child.tag == f"{W}ins":
                parent.remove(child)
    text = []
    for element in root.iter():
        if element.tag in (f"{W}t", f"{W}delText"):
            text.append(element.text or "")
        elif element.tag == f"{W}p":
            text.append("\n")
    return "".join(text)


def test_formatting_of_the_run_is_kept(tmp_path):
    bold = '<w:r><w:rPr><w:b/><w:sz w:val="28"/></w:rPr><w:t>English only</w:t></w:r>'
    parts = docx_parts(CLEAN.replace_text("ENGLISH only", "English only"))
    header = parts["word/header1.xml"]
    parts["word/header1.xml"] = header.replace(
        '<w:r><w:t xml:space="preserve">English only</w:t></w:r>', bold
    )
    path = write_docx(parts, tmp_path / "bold.docx")
    assert lint(path, "--fix")[0] == 0
    root = ElementTree.fromstring(members(path)["word/header1.xml"])
    inserted = next(e for e in root.iter(f"{W}ins"))
    properties = inserted.find(f"{W}r/{W}rPr")
    assert [child.tag for child in properties] == [f"{W}b", f"{W}sz"]
    # Only the word that changes is marked, as an author would have changed it.
    assert inserted.find(f"{W}r/{W}t").text == "ENGLISH"
    assert next(e for e in root.iter(f"{W}del")).find(f"{W}r/{W}delText").text == "English"


def test_a_fix_in_a_footnote_is_made_there(tmp_path):
    *body, alignment, footnote = (*CLEAN.body, *CLEAN.closing)
    from dataclasses import replace

    statement = replace(CLEAN, body=(*body, alignment.replace("ALBANIA*,", "ALBANIA,")), closing=())
    parts = docx_parts(statement)
    parts["word/footnotes.xml"] = (
        '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f'<w:footnote w:id="1">{word_paragraph(plain_run(footnote))}</w:footnote></w:footnotes>'
    )
    path = write_docx(parts, tmp_path / "footnote.docx")
    assert lint(path) == (1, "footnote.docx:9:56: ALN002 [*] ALBANIA is named in the footnote * "
                          "(footnote 1) but has no * in the alignment paragraph: write ALBANIA* "
                          "(paragraph 6)\n")  # fmt: skip
    assert lint(path, "--fix")[0] == 0
    assert lint(path) == (0, "")


def test_diff_shows_the_text_and_changes_nothing(tmp_path):
    path = write_docx(docx_parts(CLEAN.replace_text(*SLIPS["LNG002"])), tmp_path / "d.docx")
    before = path.read_bytes()
    status, out = lint(path, "--diff")
    assert status == 1
    assert "-English only\n+ENGLISH only\n" in out
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    "place",
    ["text box with a copy for older readers", "tracked insertion", "field result"],
)
def test_text_it_may_not_change_is_reported_without_a_fix(tmp_path, place):
    parts = docx_parts(CLEAN)
    slipped = [line.replace("ENGLISH only", "English only") for line in CLEAN.header]
    if place == "text box with a copy for older readers":
        content = word_paragraph(text_box(tuple(slipped)))
    elif place == "tracked insertion":
        content = "".join(
            word_paragraph(tracked("ins", line))
            if "English" in line
            else word_paragraph(plain_run(line))
            for line in slipped
        )
    else:
        field = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>DOCPROPERTY '
                 'Marker</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
                 '{}<w:r><w:fldChar w:fldCharType="end"/></w:r>')  # fmt: skip
        content = "".join(
            word_paragraph(field.format(plain_run(line)) if "English" in line else plain_run(line))
            for line in slipped
        )
    parts["word/header1.xml"] = parts["word/header1.xml"].replace(
        parts["word/header1.xml"][parts["word/header1.xml"].index("<w:p>") :].removesuffix(
            "</w:hdr>"
        ),
        content,
    )
    path = write_docx(parts, tmp_path / "guarded.docx")
    before = path.read_bytes()
    status, out = lint(path)
    assert status == 1 and " LNG002 malformed language marker" in out, out
    assert lint(path, "--fix")[0] == 1
    assert path.read_bytes() == before


# LibreOffice opens the fixed files, and reads them, all changes accepted, as the statement
# without its slip.


@pytest.mark.skipif(
    not shutil.which("soffice") and not os.environ.get("CI"),
    reason="LibreOffice is not installed (.ci/run installs it, and CI never skips this)",
)
def test_libreoffice_reads_the_fixed_files_as_corrected(fixed_files, tmp_path):
    clean = write_docx(docx_parts(CLEAN), tmp_path / "clean.docx")
    files = [clean] + [path for path, _ in fixed_files.values()]
    result = subprocess.run(
        ["/usr/bin/python3", str(LIBREOFFICE_TEXT), str(tmp_path / "profile"), *map(str, files)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    read = json.loads(result.stdout)
    expected = read[str(clean)]
    assert expected["changes"] == 0
    for code, (path, _) in fixed_files.items():
        found = read[str(path)]
        assert found["changes"] >= 1, code
        assert found["authors"] == ["statement-lint"], code
        assert found["accepted"] == {k: v for k, v in expected["accepted"].items()}, code


def test_a_fix_in_a_table_cell_is_made_there(tmp_path):
    *body, alignment, footnote = (*CLEAN.body, *CLEAN.closing)
    from dataclasses import replace

    parts = docx_parts(replace(CLEAN, body=tuple(body), closing=()))
    rows = "".join(
        f"<w:tr><w:tc>{word_paragraph(plain_run(text))}</w:tc></w:tr>"
        for text in (alignment.replace("ALBANIA*,", "ALBANIA,"), footnote)
    )
    document = parts["word/document.xml"].replace("<w:sectPr>", f"<w:tbl>{rows}</w:tbl><w:sectPr>")
    path = write_docx({**parts, "word/document.xml": document}, tmp_path / "table.docx")
    assert lint(path)[1].startswith("table.docx:9:56: ALN002 [*] ")
    assert lint(path, "--fix")[0] == 0
    root = ElementTree.fromstring(members(path)["word/document.xml"])
    inserted = [e for e in root.iter(f"{W}ins")]
    assert len(inserted) == 1 and next(root.iter(f"{W}tbl")).find(f".//{W}ins") is not None


# Never a word lost: statements cut into runs anywhere, with formatting and escaped characters.


FORMATS = ["", "<w:rPr><w:b/></w:rPr>", '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>',
           '<w:rPr><w:rFonts w:ascii="Arial"/><w:sz w:val="24"/></w:rPr>']  # fmt: skip


def cut_into_runs(text: str, cuts: list[int], formats: list[str]) -> str:
    from xml.sax.saxutils import escape

    points = sorted({c % (len(text) + 1) for c in cuts} | {0, len(text)})
    runs = []
    for number, (a, b) in enumerate(itertools.pairwise(points)):
        space = ' xml:space="preserve"' if text[a:b] != text[a:b].strip() or number % 2 else ""
        runs.append(f"<w:r>{formats[number % len(formats)]}<w:t{space}>"
                    f"{escape(text[a:b])}</w:t></w:r>")  # fmt: skip
    return "<w:p>" + "".join(runs) + "</w:p>"


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    code=st.sampled_from(sorted(SLIPS)),
    cuts=st.lists(st.integers(0, 400), max_size=12),
    formats=st.lists(st.sampled_from(FORMATS), min_size=1, max_size=4),
)
def test_fixes_in_runs_cut_anywhere_lose_no_word(tmp_path_factory, code, cuts, formats):
    statement = CLEAN.replace_text(*SLIPS[code]).replace_text("Office's", "Office's & R&D's")
    clean = CLEAN.replace_text("Office's", "Office's & R&D's")
    parts = docx_parts(statement)
    for name in ("word/document.xml", "word/header1.xml"):
        parts[name] = re.sub(
            r'<w:p><w:r><w:t xml:space="preserve">([^<]*)</w:t></w:r></w:p>',
            lambda m: cut_into_runs(unescape(m.group(1)), cuts, formats),
            parts[name],
        )
    folder = tmp_path_factory.mktemp("cut")
    path = write_docx(parts, folder / "cut.docx")
    expected = read_path(str(write_docx(docx_parts(clean), folder / "clean.docx"))).text
    assert f" {code} [*] " in lint(path)[1]
    lint(path, "--fix")
    for name, data in members(path).items():
        if name.endswith(".xml"):
            ElementTree.fromstring(data)
    assert read_path(str(path)).text == expected
