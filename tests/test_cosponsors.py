"""Lists of co-sponsors outside the alignment paragraph, and ALN013 (issue 11, item 7)."""

from __future__ import annotations

import pytest

from statement_lint import Settings, lint_text
from statement_lint.parse import default_parser
from test_alignment_wordings import statement
from test_linear_time import assert_linear


def lists(text: str) -> list[tuple[str, list[str]]]:
    parsed = default_parser().parse(text)
    return [(found.lead, [c.written for c in found.countries]) for found in parsed.country_lists]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "I am making this statement also on behalf of Iceland, Lichtenstein, Moldova and "
            "Norway.",
            [("on behalf of", ["Iceland", "Lichtenstein", "Moldova", "Norway"])],
        ),
        (
            "We, the aligning states, Andorra, Unites States of America, and my own country "
            "Norway, reaffirm our commitment.",
            [("the aligning states", ["Andorra", "Unites States of America", "Norway"])],
        ),
        (
            "We, members of the OSCE Permanent Council representing Albania, Andorra and United "
            "States of America reaffirm our support.",
            [("representing", ["Albania", "Andorra", "United States of America"])],
        ),
        (
            "This statement is co-sponsored by the following participating States: Canada, "
            "Finland and Sweden.",
            [("co-sponsored by", ["Canada", "Finland", "Sweden"])],
        ),
        ("I speak on behalf of the European Union and its Member States.", []),
        ("I speak on behalf of Canada and the UK.", []),
        ("I speak on behalf of Georgian, Moldovan and Ukrainian civil society.", []),
        ("The Ambassador representing Switzerland opened the meeting.", []),
    ],
)
def test_lists_of_co_sponsors(sentence, expected):
    assert lists(statement(f"Madam Chair,\n\n{sentence}\n")) == expected


def test_a_list_of_co_sponsors_may_wrap():
    text = statement("On behalf of Canada, Iceland,\nLichtenstein and Norway.\n")
    assert [(d.code, d.line, d.message) for d in lint_text(text)] == [
        (
            "ALN013",
            10,
            "'Lichtenstein' in the list of co-sponsors matches no country in the gazetteer: "
            "did you mean Liechtenstein?",
        )
    ]


def test_no_co_sponsor_list_inside_the_alignment_paragraph():
    text = statement(
        "The Candidate Countries MONTENEGRO* and SERBIA*, as well as Andorra and San Marinno "
        "align themselves with this statement.\n* Montenegro and Serbia continue to be part of "
        "the Stabilisation and Association Process.\n"
    )
    assert default_parser().parse(text).country_lists == []
    assert [d.code for d in lint_text(text)] == ["ALN008"]


NO_SUGGESTIONS = Settings(ignore=("ALN013",))


def _lint(text: str) -> None:
    lint_text(text, settings=NO_SUGGESTIONS)


def test_co_sponsor_lists_in_linear_time():
    assert_linear(lambda n: "on behalf of " + "Albania, " * n + "and Norway.", 2000, run=_lint)
    assert_linear(lambda n: "on behalf of Aaa" + " of Bbb" * n + ".", 2000, run=_lint)
    assert_linear(lambda n: "on behalf of Albania, Andorra. " * n, 500, run=_lint)
