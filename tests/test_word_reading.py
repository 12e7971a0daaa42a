"""Word files read right and within bounds: a text box once, tracked changes as accepted, any
nesting depth, and one DOC001 naming the limit for a file over it."""

import contextlib
import io
import tempfile
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from documents import (
    NAMESPACES,
    NESTINGS,
    docx_parts,
    nest_body,
    plain_run,
    statement_from_top_layout,
    text_box,
    tracked,
    with_headers,
    word_paragraph,
    write_docx,
)
from statement_lint.cli import main
from statement_lint.readers.docx import MAX_MEMBERS, MAX_PARAGRAPHS, Paragraph, read_docx
from statement_lint.readers.limits import Limits

CLEAN = statement_from_top_layout("layouts/top.txt")
DATE_SLIP = CLEAN.replace_text("16 November 2023", "November 16, 2023")
ALIGNMENT_SLIP = CLEAN.replace_text("ALBANIA*,", "ALBANIA,")
DAT003 = "DAT003{} date {} is not in the standard form: write 16 November 2023 (page header)"
ALN002 = (
    "ALN002 [*] ALBANIA is named in the footnote * ({}) but has no * in the alignment "
    "paragraph: write ALBANIA* ({})"
)


@pytest.fixture
def lint(tmp_path, monkeypatch, capsys):
    """Lints the Word file of these parts as `statement.docx` under these [limits]; its
    diagnostic lines, after checking the exit status goes with them."""
    monkeypatch.chdir(tmp_path)

    def run(parts: dict[str, str], limits: str = "") -> list[str]:
        write_docx(parts, tmp_path / "statement.docx")
        (tmp_path / "statement-lint.toml").write_text(f"[limits]\n{limits}", encoding="utf-8")
        status = main(["-q", "--no-cache", "statement.docx"], stdin=io.StringIO())
        out, err = capsys.readouterr()
        lines = out.splitlines()
        assert (status, err) == (1 if lines else 0, "")  # no internal error
        return lines

    return run


def header_of(paragraphs: str) -> str:
    return (
        '<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"{paragraphs}</w:hdr>"
    )


def header_paragraphs(parts: dict[str, str]) -> list[Paragraph]:
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return [p for p in read_docx(data.getvalue(), Limits()) if p.part == "header"]


# What is read ----------------------------------------------------------------------------------


@pytest.mark.parametrize("vml_only", [False, True], ids=["shape-and-fallback", "vml-only"])
@pytest.mark.parametrize(
    ("statement", "expected"),
    [(CLEAN, []), (DATE_SLIP, ["statement.docx:3:1: DAT003{} date November 16, 2023 is not in "
                               "the standard form: write 16 November 2023 (page header)"])],
    ids=["clean", "date-slip"],
)  # fmt: skip
def test_header_in_a_text_box_is_read_once_a_line_a_paragraph(lint, vml_only, statement, expected):
    parts = docx_parts(statement)
    parts["word/header1.xml"] = header_of(word_paragraph(text_box(statement.header, vml_only)))
    # A shape with its copy for older readers is not --fix's to change; a lone VML box is.
    fixable = " [*]" if vml_only else ""
    assert lint(parts) == [line.format(fixable) for line in expected]


def test_text_box_paragraphs_follow_the_paragraph_that_anchors_them():
    parts = docx_parts(CLEAN)
    anchor = word_paragraph(plain_run("EUROPEAN "), text_box(CLEAN.header), plain_run("UNION"))
    parts["word/header1.xml"] = header_of(anchor + word_paragraph(plain_run("Vienna")))
    # A text box's text is not --fix's to change: Word keeps a second copy of it.
    assert header_paragraphs(parts) == [
        Paragraph("header", 1, "EUROPEAN UNION", editable=((0, 14),)),
        Paragraph("header", 2, "PC.DEL/1544/23"),
        Paragraph("header", 3, "16 November 2023"),
        Paragraph("header", 4, "ENGLISH only"),
        Paragraph("header", 5, "Vienna", editable=((0, 6),)),
    ]


def corrected_header(date: str) -> str:
    """The header after tracked edits: the symbol moved above the date and corrected there
    (1543 to 1544), a word of the date replaced, a line inserted."""
    return header_of(
        word_paragraph(
            tracked("moveTo", "PC.DEL/154"),
            tracked("del", "3"),
            tracked("ins", "4"),
            tracked("moveTo", "/23"),
        )
        + word_paragraph(plain_run("16 "), tracked("del", "October "), plain_run(date))
        + word_paragraph(tracked("moveFrom", "PC.DEL/1543/23"))
        + word_paragraph(tracked("ins", "ENGLISH only"))
    )


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        ("November 2023", []),
        ("November, 2023", [f"statement.docx:2:1: {DAT003.format(' [*]', '16 November, 2023')}"]),
    ],
    ids=["clean", "date-slip"],
)
def test_tracked_changes_are_read_as_accepted(lint, date, expected):
    parts = docx_parts(CLEAN)
    parts["word/header1.xml"] = corrected_header(date)
    assert lint(parts) == expected


def test_tracked_changes_text():
    parts = docx_parts(CLEAN)
    parts["word/header1.xml"] = corrected_header("November 2023")
    assert [p.text for p in header_paragraphs(parts)] == [
        "PC.DEL/1544/23",
        "16 November 2023",
        "",
        "ENGLISH only",
    ]


# Any depth -------------------------------------------------------------------------------------


@pytest.mark.parametrize("depth", [1_000, 100_000])
@pytest.mark.parametrize("kind", sorted(NESTINGS))
def test_deeply_nested_body(lint, kind, depth):
    assert lint(nest_body(docx_parts(CLEAN), depth, kind)) == []


def test_deeply_nested_body_with_a_slip(lint):
    parts = nest_body(docx_parts(ALIGNMENT_SLIP), 100_000, "tbl")
    where = "table 1, row 1"  # tables in tables in ...: all in the outer table's one row
    assert lint(parts) == [f"statement.docx:9:56: {ALN002.format(where, where)}"]


# Places named as Word shows them ---------------------------------------------------------------


def test_places_in_the_body_are_paragraphs():
    # Messages name paragraphs, not the lines of the text read out of the file.
    assert lint_parts(docx_parts(ALIGNMENT_SLIP)) == [
        f"statement.docx:9:56: {ALN002.format('paragraph 7', 'paragraph 6')}"
    ]


def test_places_in_a_table_are_its_rows():
    *body, alignment, footnote = (*ALIGNMENT_SLIP.body, *ALIGNMENT_SLIP.closing)
    parts = docx_parts(replace(ALIGNMENT_SLIP, body=tuple(body), closing=()))
    rows = "".join(f"<w:tr><w:tc>{word_paragraph(plain_run(t))}</w:tc></w:tr>" for t in [
        "Countries", alignment, footnote])  # fmt: skip
    document = parts["word/document.xml"].replace("<w:sectPr>", f"<w:tbl>{rows}</w:tbl><w:sectPr>")
    assert lint_parts({**parts, "word/document.xml": document}) == [
        f"statement.docx:10:56: {ALN002.format('table 1, row 3', 'table 1, row 2')}"
    ]


def test_places_in_footnotes_are_the_notes():
    *body, alignment, footnote = (*ALIGNMENT_SLIP.body, *ALIGNMENT_SLIP.closing)
    parts = docx_parts(replace(ALIGNMENT_SLIP, body=(*body, alignment), closing=()))
    notes = (
        f"<w:footnotes {NAMESPACES}>"
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        f'<w:footnote w:id="1">{word_paragraph(plain_run(footnote))}</w:footnote></w:footnotes>'
    )
    assert lint_parts({**parts, "word/footnotes.xml": notes}) == [
        f"statement.docx:9:56: {ALN002.format('footnote 1', 'paragraph 6')}"
    ]


def lint_parts(parts) -> list[str]:
    with tempfile.TemporaryDirectory() as folder:
        path = write_docx(parts, Path(folder) / "statement.docx")
        output = io.StringIO()
        with contextlib.redirect_stdout(output):
            main(["--isolated", "-q", "--no-cache", str(path)], stdin=io.StringIO())
    return [line.replace(str(path), "statement.docx") for line in output.getvalue().splitlines()]


# Within bounds ---------------------------------------------------------------------------------


def test_parts_within_the_budget_in_all_are_read(lint):
    assert lint(with_headers(docx_parts(CLEAN), 2, 400_000), "document-mb = 1") == []


def test_parts_over_the_budget_in_all(lint):
    # Each header is under the limit, the three together are over it.
    assert lint(with_headers(docx_parts(CLEAN), 3, 400_000), "document-mb = 1") == [
        "statement.docx:1:1: DOC001 the file has parts that inflate past the 1.0 MB limit in "
        "all (a zip bomb?)"
    ]


def test_text_over_the_limit_of_a_text_statement(lint):
    parts = docx_parts(CLEAN.replace_text("Thank you, Madam Chair.", "x" * 120_000))
    assert lint(parts, "text-mb = 0.1") == [
        "statement.docx:1:1: DOC001 the file has more text than the 0.1 MB limit for a text "
        "statement"
    ]


def test_too_many_paragraphs(lint):
    parts = docx_parts(CLEAN)
    document = parts["word/document.xml"]
    parts["word/document.xml"] = document.replace("<w:sectPr>", "<w:p/>" * MAX_PARAGRAPHS, 1)
    assert lint(parts) == [
        f"statement.docx:1:1: DOC001 the file has more than {MAX_PARAGRAPHS} paragraphs, over "
        "the limit for a Word file"
    ]


def test_too_many_zip_members(lint):
    parts = docx_parts(CLEAN)
    parts.update({f"word/media/image{number}.png": "" for number in range(MAX_MEMBERS)})
    assert lint(parts) == [
        f"statement.docx:1:1: DOC001 the file has more than {MAX_MEMBERS} ZIP members, over "
        "the limit for a Word file (a zip bomb?)"
    ]
