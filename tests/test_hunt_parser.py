"""What a hunt for false positives found, at the parser: page furniture (F2), Markdown markup
(F5), names hyphenated at a line end (F4), footnote markers out of place (F6, F7, F8), and the
slot of `the Potential Candidate Country` (U3). Whole statements of these shapes are in
tests/fixtures/real/hunt-*.txt and tests/cases/hunt.toml."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from statement_lint import lint_text
from statement_lint.cli import main
from statement_lint.parse import default_parser
from statement_lint.parse.markdown import see_through
from statement_lint.readers import read_bytes

# Page furniture as the bundled profile's parser finds it (running heads carry its dates).
FURNITURE = default_parser().furniture

TOP = (Path(__file__).parent / "fixtures" / "layouts" / "top.txt").read_text(encoding="utf-8")
HEADER = "PC.DEL/1544/23\n16 November 2023\nENGLISH only\n"
BOLD_HEADER = "**PC.DEL/1544/23**\\\n**16 November 2023**\\\n**ENGLISH only**\n"


@pytest.mark.parametrize(
    "line",
    [
        "2",
        "12",
        "- 2 -",
        "  - 12 -  ",
        "Page 2",
        "Page 2 of 3",
        "page 2/3",
        "PCOEJ1450",
        "FSCEJ972",
        "MC17EJ01",
        "PCOEW1500",
        "- 2 - PC.DEL/1500/23",
        "- 2 -                      PC.DEL/1300/23",
        "PCOEJ1283 - 2 - PC.JOUR/1283 1 October 2020",
        "MC17EJ01 - 2 - MC(17).JOUR/1 1 December 2009",
        "PC.DEL/1500/23 - 2 -",
    ],
)
def test_page_furniture_is_blanked_keeping_the_length(line):
    text = f"BOSNIA and\n{line}\nHERZEGOVINA*"
    blanked = FURNITURE.blank(text)
    assert len(blanked) == len(text)
    assert blanked == f"BOSNIA and\n{' ' * len(line)}\nHERZEGOVINA*"


@pytest.mark.parametrize(
    "line",
    [
        "2.",
        "2. Chairperson: the Chairperson-in-Office (MC.DEL/9/09)",
        "2020",
        "16 November 2023",
        "PC.DEL/1544/23",
        "PC.DEL/1544/23 OSCE+",
        "OSCE+",
        "ENGLISH only",
        "ALBANIA12",
        "12 2020",
        "Total Page:16",
        "The European Union recalls its statement of 2 June.",
    ],
)
def test_real_lines_are_no_furniture(line):
    text = f"Before\n{line}\nafter"
    assert FURNITURE.blank(text) == text


@pytest.mark.parametrize("rest", ["February 2021", "2020", "  Feb. 2021"])
def test_the_day_of_a_date_split_over_two_lines_is_no_page_number(rest):
    text = f"PC.DEL/80/21\n22\n{rest}\nENGLISH only"
    assert FURNITURE.blank(text) == text


def test_furniture_joins_the_lines_around_it_and_offsets_stay_right():
    text = "the REPUBLIC OF MOLDOVA and BOSNIA and\n\n- 2 -\n\nHERZEGOVINA* align"
    normal = default_parser().normal(text)
    assert normal.text == "the REPUBLIC OF MOLDOVA and BOSNIA and\nHERZEGOVINA* align"
    start = normal.text.index("HERZEGOVINA")
    assert text[normal.span(start, start + 11).start :].startswith("HERZEGOVINA*")


def test_markdown_markup_reads_as_blanks_keeping_the_length():
    cases = {
        "**PC.DEL/1480/21**\\\n": "  PC.DEL/1480/21   \n",
        "__14 October 2021__\n": "  14 October 2021  \n",
        "# EU Statement #\n": "  EU Statement  \n",
        "> > ENGLISH only\n": "    ENGLISH only\n",
        "| PC.DEL/1/21 | 1 May 2021 |\n|---|:-:|\n": "  PC.DEL/1/21   1 May 2021  \n"
        + " " * 9
        + "\n",
    }
    for markup, seen in cases.items():
        assert see_through(markup) == seen


@pytest.mark.parametrize(
    "text",
    [
        "ALBANIA*, MONTENEGRO* and SERBIA*\n",  # the marker
        "ALBANIA\\*, MONTENEGRO\\*\n",  # Markdown's escaped marker: the normaliser's
        "Mission in Kosovo**.\n",  # a lone pair of stars
        "#OSCE and foo__bar__baz\n",  # a hashtag, underscores inside a word
        "The rate fell by *half*.\n",  # single-star emphasis stays
    ],
)
def test_markdown_leaves_markers_and_prose_alone(text):
    assert see_through(text) == text


def test_what_html_converters_leave_in_markdown_reads_as_blanks():
    cases = {
        "_\\* Albania continues to be part of the Process._\n": (
            " \\* Albania continues to be part of the Process. \n"
        ),
        "_The Candidate Countries\nALBANIA* align._\n": (
            " The Candidate Countries\nALBANIA* align. \n"
        ),
        "PC.DEL/1/21<br>1 May 2021<br/>ENGLISH only\n": (
            "PC.DEL/1/21    1 May 2021     ENGLISH only\n"
        ),
        "ALBANIA<sup>*</sup>, <em>GEORGIA</em>\n": "ALBANIA     *      ,     GEORGIA     \n",
        "[PC.DEL/1/21](https://www.osce.org/x.pdf)\n": " PC.DEL/1/21" + " " * 29 + "\n",
        "1&nbsp;May&nbsp;2021\n": "1      May      2021\n",
    }
    for markup, seen in cases.items():
        assert see_through(markup) == seen


@pytest.mark.parametrize(
    "text",
    ["snake_case and an_underscore\n", "a < b & c [sic] (see)\n", "_\n\nnot closed_ here\n"],
)
def test_prose_with_underscores_brackets_and_angles_is_left_alone(text):
    assert see_through(text) == text


def test_a_statement_from_an_html_converter_gives_nothing():
    converted = (
        TOP.replace(HEADER, "| EUROPEAN UNION | PC.DEL/1544/23 |\n|---|---|\n"
                    "| | 16 November 2023<br>ENGLISH only |\n")
        .replace("ALBANIA*", "ALBANIA<sup>*</sup>")
        .replace("\n* North", "\n_\\* North")
        .replace("Association Process.", "Association Process._")
    )  # fmt: skip
    assert converted != TOP
    assert [d.code for d in lint_text(converted, "s.md")] == []


def test_only_markdown_files_are_read_through_their_markup():
    data = TOP.replace(HEADER, BOLD_HEADER).encode()
    assert read_bytes(data, "statements/s.md").markdown
    assert read_bytes(data, "statements/S.MD").markdown
    assert not read_bytes(data, "statements/s.txt").markdown
    assert [d.code for d in lint_text(data.decode(), "s.md")] == []
    assert [d.code for d in lint_text(data.decode(), "s.txt")] == ["DOC004"]


def test_fix_keeps_the_markdown_markup(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    slip = TOP.replace(HEADER, BOLD_HEADER).replace("ALBANIA*,", "ALBANIA,")
    (tmp_path / "s.md").write_text(slip, encoding="utf-8")
    main(["--isolated", "-q", "--fix", "s.md"], stdin=io.StringIO())
    capsys.readouterr()
    assert (tmp_path / "s.md").read_text(encoding="utf-8") == TOP.replace(HEADER, BOLD_HEADER)


def countries(paragraph: str) -> list[tuple[str, str | None, str | None]]:
    statement = default_parser().parse(f"{HEADER}\n{paragraph}\n")
    return [(c.written, c.country_id, c.marker) for c in statement.alignment.countries]


def test_names_hyphenated_at_a_line_end_are_read_across_it():
    assert countries(
        "The Candidate Countries MONTENEGRO* and ALBA-\nNIA*, the EFTA countries LIECHTEN-\n"
        "STEIN and NORWAY, members of the European Economic Area, as well as Bosnia-\n"
        "Herzegovina align themselves with this statement."
    ) == [
        ("MONTENEGRO", "ME", "*"),
        ("ALBANIA", "AL", "*"),
        ("LIECHTENSTEIN", "LI", None),
        ("NORWAY", "NO", None),
        ("Bosnia-Herzegovina", "BA", None),
    ]


def test_a_hyphen_pdf_extraction_left_in_a_name_is_read_across_too():
    assert countries("The Candidate Countries ALBA-NIA* align themselves with this statement.") == [
        ("ALBANIA", "AL", "*")
    ]


def test_a_hyphenated_name_keeps_its_span_in_the_document():
    paragraph = "The Candidate Countries MONTENEGRO* and ALBA-\nNIA align themselves with this"
    text = f"{HEADER}\n{paragraph} statement.\n"
    [_, albania] = default_parser().parse(text).alignment.countries
    assert text[albania.span.start : albania.span.end] == "ALBA-\nNIA"


def test_a_marker_wrapped_to_the_next_line_is_the_name_before_it():
    assert countries(
        "The Candidate Countries ALBANIA*, MONTENEGRO\n* and NORTH MACEDONIA* align themselves "
        "with this statement."
    ) == [("ALBANIA", "AL", "*"), ("MONTENEGRO", "ME", "*"), ("NORTH MACEDONIA", "MK", "*")]


def test_the_potential_candidate_country_is_the_process_slot():
    statement = default_parser().parse(
        f"{HEADER}\nThe Candidate Countries MONTENEGRO* and ALBANIA*, the Potential Candidate "
        "Country BOSNIA and HERZEGOVINA align themselves with this statement.\n"
    )
    assert [(c.written, c.slot) for c in statement.alignment.countries] == [
        ("MONTENEGRO", "candidate"),
        ("ALBANIA", "candidate"),
        ("BOSNIA and HERZEGOVINA", "sap-potential-candidate"),
    ]


PARAGRAPH = "The Candidate Countries MONTENEGRO* and ALBANIA* align themselves with this statement."
NOTE = "Montenegro and Albania continue to be part of the Stabilisation and Association Process."


def footnotes(after: str) -> list[tuple[str, list[str]]]:
    statement = default_parser().parse(f"{HEADER}\n{PARAGRAPH}\n{after}\n")
    return [(note.marker, [c.written for c in note.countries]) for note in statement.footnotes]


def test_a_footnote_marker_alone_on_its_line():
    assert footnotes(f"*\n{NOTE}") == [("*", ["Montenegro", "Albania"])]


@pytest.mark.parametrize("mark", ["*1", "*1 ", "*[1]", "* ", "** "])
def test_kosovo_designation_notes_are_no_alignment_footnotes(mark):
    designation = f"{mark}This designation is without prejudice to positions on status."
    assert footnotes(f"* {NOTE}\n{designation}") == [("*", ["Montenegro", "Albania"])]
