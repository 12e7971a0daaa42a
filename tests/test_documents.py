"""PDF and Word statements: the same rules fire as on the text version of each statement."""

import io
import json
from pathlib import Path

import pytest

from documents import docx_parts, statement_from_top_layout, write_docx, write_pdf
from statement_lint.cli import main

CLEAN = statement_from_top_layout("layouts/top.txt")

# (slip: [old, new] pairs on the statement, the codes every format must report)
SLIPS = [
    ("clean", [], []),
    ("symbol", [("PC.DEL/1544/23", "PC.DEL/1544/2023")], ["REF002"]),
    ("year", [("PC.DEL/1544/23", "PC.DEL/1544/22")], ["REF003"]),
    ("no-symbol", [("PC.DEL/1544/23", "")], ["REF001"]),
    ("date-form", [("16 November 2023", "November 16, 2023")], ["DAT003"]),
    ("date-day", [("16 November 2023", "31 November 2023")], ["DAT002"]),
    ("marker", [("ENGLISH only", "English only")], ["LNG002"]),
    ("marker-contradiction", [("ENGLISH only", "ENGLISH Original: ENGLISH")], ["LNG003"]),
    ("no-marker", [("ENGLISH only", "")], ["LNG001"]),
    ("disclaimer", [("without altering", "without changing")], ["DSC002"]),
    (
        "no-disclaimer",
        [(CLEAN.disclaimer, "The views expressed are the Delegation's.")],
        ["DSC001"],
    ),
    ("unmarked", [("ALBANIA*,", "ALBANIA,")], ["ALN002"]),
    ("footnote-missing-country", [("Montenegro, Albania and", "Montenegro and")], ["ALN001"]),
    ("footnote-extra-country", [("Albania and Bosnia", "Albania, Serbia and Bosnia")], ["ALN003"]),
    ("name-mismatch", [("* North Macedonia", "* Republic of North Macedonia")], ["ALN005"]),
    ("duplicate", [("as well as GEORGIA", "as well as GEORGIA, GEORGIA")], ["ALN007"]),
    (
        "several",
        [
            ("ENGLISH only", "English only"),
            ("ALBANIA*,", "ALBANIA,"),
            ("PC.DEL/1544/23", "PC.DEL/1544/22"),
        ],
        ["ALN002", "LNG002", "REF003"],
    ),
]


def build(directory: Path, statement, name: str) -> list[Path]:
    """The statement as .txt, .pdf and .docx, and in the variants where the header comes
    after the body (in the PDF's content stream; typed after the body in the Word file)."""
    (directory / f"{name}.txt").write_text(statement.text(), encoding="utf-8")
    write_pdf(statement, directory / f"{name}.pdf")
    write_pdf(statement, directory / f"{name}-header-last.pdf", header_last=True)
    write_docx(docx_parts(statement), directory / f"{name}.docx")
    write_docx(docx_parts(statement, header_in_body=True), directory / f"{name}-header-last.docx")
    return sorted(directory.iterdir())


def report(directory: Path, capsys) -> dict[str, list[dict]]:
    main(["--isolated", "--output-format", "json", "-q", str(directory)], stdin=io.StringIO())
    found: dict[str, list[dict]] = {path.name: [] for path in directory.iterdir()}
    for diagnostic in json.loads(capsys.readouterr().out)["diagnostics"]:
        found[Path(diagnostic["path"]).name].append(diagnostic)
    return found


@pytest.mark.parametrize(("slip", "edits", "codes"), SLIPS, ids=[s[0] for s in SLIPS])
def test_same_diagnostics_in_every_format(tmp_path, capsys, slip, edits, codes):
    statement = CLEAN
    for old, new in edits:
        statement = statement.replace_text(old, new)
    build(tmp_path, statement, slip)
    found = report(tmp_path, capsys)
    assert sorted(found) == sorted(
        f"{slip}{variant}"
        for variant in (".txt", ".pdf", "-header-last.pdf", ".docx", "-header-last.docx")
    )
    for name, diagnostics in found.items():
        assert sorted(d["code"] for d in diagnostics) == sorted(codes), name


def test_pdf_and_word_diagnostics_name_the_page_or_paragraph(tmp_path, capsys):
    statement = CLEAN.replace_text("ALBANIA*,", "ALBANIA,").replace_text(
        "16 November 2023", "November 16, 2023"
    )
    build(tmp_path, statement, "slip")
    found = report(tmp_path, capsys)
    where = {
        name: [(d["code"], d["page"], d["part"], d["paragraph"]) for d in diagnostics]
        for name, diagnostics in found.items()
    }
    assert where["slip.txt"] == [("DAT003", None, None, None), ("ALN002", None, None, None)]
    assert where["slip.pdf"] == [("DAT003", 1, None, None), ("ALN002", 1, None, None)]
    assert where["slip.docx"] == [("DAT003", None, "header", 2), ("ALN002", None, None, 6)]
    assert where["slip-header-last.docx"] == [("ALN002", None, None, 5), ("DAT003", None, None, 8)]


def test_locator_in_text_output_and_no_fix_for_pdf(tmp_path, capsys):
    statement = CLEAN.replace_text("ALBANIA*,", "ALBANIA,")
    write_pdf(statement, tmp_path / "slip.pdf")
    write_docx(docx_parts(statement), tmp_path / "slip.docx")
    main(["--isolated", "-q", str(tmp_path)], stdin=io.StringIO())
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(": ", 1)[1].split(" ", 2)[:2] for line in lines] == [
        ["ALN002", "[*]"],  # a Word file takes the fix as a tracked change
        ["ALN002", "ALBANIA"],  # a PDF is never rewritten
    ]
    assert lines[0].endswith("write ALBANIA* (paragraph 6)")
    assert lines[1].endswith("write ALBANIA* (page 1)")
    before = (tmp_path / "slip.pdf").read_bytes()
    assert main(["--isolated", "--fix", "-q", str(tmp_path)], stdin=io.StringIO()) == 1
    assert (tmp_path / "slip.pdf").read_bytes() == before


def test_multi_page_pdf_pages(tmp_path, capsys):
    long_body = tuple(CLEAN.body) * 12  # about three pages
    statement = CLEAN.__class__(CLEAN.header, CLEAN.disclaimer, long_body, CLEAN.closing)
    statement = statement.replace_text("ALBANIA*,", "ALBANIA,")
    write_pdf(statement, tmp_path / "long.pdf")
    [diagnostic] = report(tmp_path, capsys)["long.pdf"]
    assert (diagnostic["code"], diagnostic["page"]) == ("ALN002", 3)


def test_word_footnotes_tables_and_breaks(tmp_path, capsys):
    parts = docx_parts(CLEAN.replace_text("ALBANIA*,", "ALBANIA,"))
    # The alignment footnote as a real Word footnote, the body partly in a table.
    document = parts["word/document.xml"]
    footnote = "* North Macedonia, Montenegro, Albania and Bosnia and Herzegovina"
    document = document.replace(
        f'<w:p><w:r><w:t xml:space="preserve">{footnote}',
        f'<w:p><w:r><w:t xml:space="preserve">REMOVED {footnote}',
    )
    start = document.index('<w:p><w:r><w:t xml:space="preserve">REMOVED')
    end = document.index("</w:p>", start) + len("</w:p>")
    document = document[:start] + document[end:]
    document = document.replace(
        "<w:body>",
        "<w:body><w:tbl><w:tr><w:tc><w:p><w:r><w:t>Mr Chair,</w:t><w:br/>"
        "<w:t>(in a table)</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
    )
    parts["word/document.xml"] = document
    parts["word/footnotes.xml"] = (
        '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        '<w:footnote w:type="separator" w:id="-1">'
        "<w:p><w:r><w:t>----</w:t></w:r></w:p></w:footnote>"
        f'<w:footnote w:id="1"><w:p><w:r><w:t>{footnote} continue to be part of the '
        "Stabilisation and Association Process.</w:t></w:r></w:p></w:footnote></w:footnotes>"
    )
    write_docx(parts, tmp_path / "notes.docx")
    [diagnostic] = report(tmp_path, capsys)["notes.docx"]
    assert (diagnostic["code"], diagnostic["part"], diagnostic["paragraph"]) == ("ALN002", None, 7)
