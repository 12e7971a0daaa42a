"""Alignment paragraphs in the wordings of circulated statements since 2005, their numbered
notes, and ALN messages on one line (issue 11, items 4 and 8); lists of co-sponsors are in
test_cosponsors.py."""

from __future__ import annotations

import pytest

from statement_lint import Settings, lint_text
from statement_lint.model import quoted
from statement_lint.parse import default_parser
from test_linear_time import assert_linear

HEADER = """PC.DEL/{number}/{yy}
{date}
ENGLISH only
The OSCE Secretariat bears no responsibility for the content of this document and circulates it
without altering its content. The distribution by OSCE Conference Services of this document is
without prejudice to OSCE decisions, as set out in documents agreed by OSCE participating
States.

"""


def statement(body: str, date: str = "15 November 2012") -> str:
    return HEADER.format(number=500, yy=date[-2:], date=date) + body


def countries(text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    paragraph = default_parser().parse(text).alignment
    return [(c.written, c.country_id, c.marker, c.slot) for c in paragraph.countries]


def found(text: str) -> list[str]:
    return [f"{d.code}:{d.line}" for d in lint_text(text)]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (
            "The Acceding Countries Bulgaria and Romania align themselves with this statement.",
            [("Bulgaria", "BG", None, "acceding"), ("Romania", "RO", None, "acceding")],
        ),
        (
            "The candidate countries Turkey and Croatia*, EFTA countries Iceland and Norway, "
            "members of the European Economic Area align themselves with this declaration.",
            [
                ("Turkey", "TR", None, "candidate"),
                ("Croatia", "HR", "*", "candidate"),
                ("Iceland", "IS", None, "efta-eea"),
                ("Norway", "NO", None, "efta-eea"),
            ],
        ),
        (
            "The Candidate Countries SERBIA*, the Country of the Stabilisation and Association "
            "Process and potential candidate ALBANIA, the European Free Trade Association "
            "countries and members of the European Economic Area LIECHTENSTEIN and NORWAY, as "
            "well as UKRAINE, align themselves with this statement.",
            [
                ("SERBIA", "RS", "*", "candidate"),
                ("ALBANIA", "AL", None, "sap-potential-candidate"),
                ("LIECHTENSTEIN", "LI", None, "efta-eea"),
                ("NORWAY", "NO", None, "efta-eea"),
                ("UKRAINE", "UA", None, "as-well-as"),
            ],
        ),
        (
            "The Candidate Countries ICELAND+, the Countries of the Stabilisation and "
            "Association Process and potential candidates Albania, and Bosnia and Herzegovina, "
            "the EFTA country NORWAY, member of the European Economic Area, align themselves "
            "with this statement.",
            [
                ("ICELAND", "IS", "+", "candidate"),
                ("Albania", "AL", None, "sap-potential-candidate"),
                ("Bosnia and Herzegovina", "BA", None, "sap-potential-candidate"),
                ("NORWAY", "NO", None, "efta-eea"),
            ],
        ),
    ],
)
def test_older_slot_wordings(paragraph, expected):
    assert countries(statement(paragraph + "\n")) == expected


@pytest.mark.parametrize(
    ("reference", "note"),
    [(" [1]", "[1] "), ("[1]", "[1]"), ("1", "1 "), ("¹", "¹ "), (" ¹", "¹")],
)
def test_a_numbered_note_is_a_marker(reference, note):
    text = statement(
        f"The Acceding Country CROATIA{reference}, the Candidate Countries MONTENEGRO{reference} "
        "and ICELAND align themselves with this statement.\n"
        f"{note}Croatia and Montenegro continue to be part of the Stabilisation and Association "
        "Process\n"
    )
    assert [c[2] for c in countries(text)] == ["[1]", "[1]", None]
    [footnote] = default_parser().parse(text).footnotes
    assert footnote.marker == "[1]"
    assert [c.country_id for c in footnote.countries] == ["HR", "ME"]
    assert found(text) == []


def test_a_numbered_note_after_the_paragraph_on_the_same_line():
    text = statement(
        "The Acceding Country CROATIA [1] and the Candidate Countries ICELAND align themselves "
        "with this statement. [1] Croatia continues to be part of the Stabilisation and "
        "Association Process."
    )
    assert [c[2] for c in countries(text)] == ["[1]", None]
    assert found(text) == []


def test_a_note_number_that_refers_to_no_note():
    # Glued digits stay an unknown name (extraction damage); `[2]` is dropped.
    text = statement("The Candidate Countries CROATIA2 and ICELAND [2] align with this statement.")
    assert [c[:3] for c in countries(text)] == [("CROATIA2", None, None), ("ICELAND", "IS", None)]


def test_a_numbered_note_that_names_no_country_is_no_footnote():
    text = statement(
        "The Candidate Countries CROATIA [1] and ICELAND align themselves with this statement.\n"
        "[1] See the statement of 12 March.\n"
    )
    assert [c[2] for c in countries(text)] == [None, None]
    assert default_parser().parse(text).footnotes == []


def test_a_footnote_without_final_period_ends_with_its_line():
    text = statement(
        "The Candidate Countries CROATIA* align themselves with this statement.\n"
        "* Croatia continues to be part of the Stabilisation and Association Process\n"
        "Copyright. All rights reserved.\n"
    )
    [footnote] = default_parser().parse(text).footnotes
    assert footnote.text.endswith("Association Process")


@pytest.mark.parametrize(
    "sentence",
    [
        "Croatia aligned itself to the statement delivered by the European Union.",
        "Like the candidate countries, Croatia aligns with the statement of the European Union.",
        "Croatia, as well as Serbia, aligns with the statement made by the European Union.",
        "The candidate countries align with the statement of the European Union.",
    ],
)
def test_alignment_in_prose_is_no_paragraph(sentence):
    text = statement(f"Mr. Chairman,\n\n{sentence}\n\nThank you.\n")
    assert default_parser().parse(text).alignment is None
    assert found(text) == []


def test_the_paragraph_may_stand_at_the_top_with_its_footnote_at_the_end():
    text = statement(
        "The Candidate Countries MONTENEGRO* and SERBIA*, as well as UKRAINE, align themselves "
        "with this statement.\n\nMadam Chair,\n\n* We support the Mission.\n\n"
        "* Montenegro and Serbia continue to be part of the Stabilisation and Association "
        "Process.\n"
    )
    notes = default_parser().parse(text).footnotes
    assert [note.span.line for note in notes] == [15]
    assert found(text) == []


# One line per diagnostic (item 8)


def test_quotes_are_on_one_line_and_cut():
    assert quoted("the REPUBLIC OF\nMOLDAVA") == "the REPUBLIC OF MOLDAVA"
    assert quoted("A\x07B\u2028C\tD") == "A B C D"
    assert quoted("Y" * 61) == "Y" * 60 + "..."
    assert quoted("Y" * 60) == "Y" * 60


def test_an_unknown_name_across_a_line_end_is_quoted_on_one_line():
    text = statement(
        "The Candidate Countries MONTENEGRO*, the REPUBLIC OF\nMOLDAVA and GEORGIA align "
        "themselves with this statement.\n* Montenegro continues to be part of the "
        "Stabilisation and Association Process.\n",
        date="8 July 2024",
    )
    assert [(d.code, d.line, d.message) for d in lint_text(text)] == [
        (
            "ALN008",
            9,
            "'the REPUBLIC OF MOLDAVA' matches no country in the gazetteer: did you mean "
            "Republic of Moldova?",
        )
    ]


def test_a_control_character_in_a_name_is_not_in_the_message():
    text = statement(
        "The Candidate Countries MONTENEGRO* and ALB\x01ANIA align themselves with this "
        "statement.\n* Montenegro continues to be part of the Stabilisation and Association "
        "Process.\n",
        date="8 July 2024",
    )
    [diagnostic] = lint_text(text)
    assert diagnostic.message.startswith("'ALB ANIA' matches no country")


# Linear time (issue 10's promise holds for the new readers)

NO_SUGGESTIONS = Settings(ignore=("ALN008",))


def _lint(text: str) -> None:
    lint_text(text, settings=NO_SUGGESTIONS)


def test_numbered_notes_in_linear_time():
    paragraph = "The Candidate Countries CROATIA1 align themselves with this statement.\n"
    assert_linear(lambda n: paragraph + "1 Croatia\n" * n, 2000, run=_lint)
    assert_linear(lambda n: paragraph + "* x is\n" * n, 2000, run=_lint)


def test_names_wrapped_over_lines_are_named_on_one_line():
    text = statement(
        "The Candidate Countries MONTENEGRO*, BOSNIA and\nHERZEGOVINA* and BOSNIA and\n"
        "HERZEGOVINA* align themselves with this statement.\n* Montenegro and Bosnia-Herzegovina "
        "continue to be part of the Stabilisation and Association Process.\n",
        date="8 July 2024",
    )
    assert [(d.code, d.line, d.message) for d in lint_text(text)] == [
        (
            "ALN007",
            10,
            "BOSNIA and HERZEGOVINA is listed twice in the alignment paragraph (first as BOSNIA "
            "and HERZEGOVINA, line 9): remove one",
        ),
        (
            "ALN005",
            12,
            "Bosnia-Herzegovina in the footnote is BOSNIA and HERZEGOVINA in the alignment "
            "paragraph (line 9): use one name in both",
        ),
    ]
