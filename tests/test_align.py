"""`statement-lint align`: the paragraph and footnote in the house style for a date; what it
writes, put into a statement of that date, lints clean."""

import datetime as dt
import io
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from statement_lint import lint_text
from statement_lint.cli import main
from statement_lint.reference import default_gazetteer, default_profile, load_registry
from statement_lint.reference.paragraph import AlignmentError, write_alignment

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]  # fmt: skip
ISSUE_EXAMPLE = ["NORTH-MACEDONIA", "MONTENEGRO", "ALBANIA", "UKRAINE", "MOLDOVA",
                 "BOSNIA-AND-HERZEGOVINA", "GEORGIA", "ICELAND", "LIECHTENSTEIN", "NORWAY",
                 "ANDORRA", "SAN-MARINO"]  # fmt: skip


def run(capsys, *arguments) -> tuple[int, str, str]:
    status = main(["align", "--isolated", *arguments], stdin=io.StringIO())
    out, err = capsys.readouterr()
    return status, out, err


def test_the_paragraph_of_may_2024(capsys):
    assert run(capsys, "--date", "2024-05-09", *ISSUE_EXAMPLE) == (
        0,
        "The Candidate Countries NORTH MACEDONIA*, MONTENEGRO*, ALBANIA*, UKRAINE, the REPUBLIC "
        "OF MOLDOVA, BOSNIA and HERZEGOVINA* and GEORGIA, the EFTA countries ICELAND, "
        "LIECHTENSTEIN and NORWAY, members of the European Economic Area, as well as ANDORRA "
        "and SAN MARINO align themselves with this statement.\n"
        "* North Macedonia, Montenegro, Albania and Bosnia and Herzegovina continue to be part "
        "of the Stabilisation and Association Process.\n",
        "",
    )


def test_the_paragraph_of_a_real_statement_is_written_as_it_stands(capsys):
    # tests/fixtures/layouts/top.txt, 16 November 2023: Georgia not yet a candidate.
    countries = ["MK", "ME", "AL", "UA", "MD", "BA", "IS", "LI", "NO", "GE", "AD", "SM"]
    status, out, _ = run(capsys, "--date", "2023-11-16", *countries)
    assert (status, out) == (
        0,
        "The Candidate Countries NORTH MACEDONIA*, MONTENEGRO*, ALBANIA*, UKRAINE, the REPUBLIC "
        "OF MOLDOVA and BOSNIA and HERZEGOVINA*, the EFTA countries ICELAND, LIECHTENSTEIN and "
        "NORWAY, members of the European Economic Area, as well as GEORGIA, ANDORRA and SAN "
        "MARINO align themselves with this statement.\n"
        "* North Macedonia, Montenegro, Albania and Bosnia and Herzegovina continue to be part "
        "of the Stabilisation and Association Process.\n",
    )


def test_names_slots_and_closing_of_the_date(capsys):
    status, out, _ = run(capsys, "--date", "2008-01-10", "Croatia", "TR", "fyrom", "NO", "UA")
    assert (status, out) == (
        0,
        "The Candidate Countries Turkey, Croatia* and the former Yugoslav Republic of "
        "Macedonia*, the EFTA country Norway, member of the European Economic Area, as well as "
        "Ukraine align themselves with this statement.\n"
        "* Croatia and the former Yugoslav Republic of Macedonia continue to be part of the "
        "Stabilisation and Association Process.\n",
    )
    status, out, _ = run(capsys, "--date", "2021-02-22", "MK", "ME", "RS", "AL", "IS", "UA")
    assert out.startswith("The Candidate Countries REPUBLIC of NORTH MACEDONIA*, MONTENEGRO*, ")
    # The seed statement's paragraph, with the * it forgot on ALBANIA.
    assert out.endswith("\n* Republic of North Macedonia, Montenegro, Serbia and Albania continue "
                        "to be part of the Stabilisation and Association Process.\n")  # fmt: skip


def test_one_marked_country_continues(capsys):
    assert run(capsys, "--date", "2013-05-16", "HR", "LI")[:2] == (
        0,
        "The Acceding Country Croatia*, the EFTA country Liechtenstein, member of the European "
        "Economic Area, align themselves with this statement.\n"
        "* Croatia continues to be part of the Stabilisation and Association Process.\n",
    )


def test_json_output(capsys):
    status, out, _ = run(capsys, "--date", "2024-05-09", "--output-format", "json", "GE", "AL")
    assert status == 0
    assert json.loads(out) == {
        "date": "2024-05-09",
        "language": "ENGLISH",
        "paragraph": "The Candidate Countries ALBANIA* and GEORGIA align themselves with this "
        "statement.",
        "footnote": "* Albania continues to be part of the Stabilisation and Association Process.",
        "countries": [
            {"id": "AL", "slot": "candidate", "marked": True, "written": "ALBANIA"},
            {"id": "GE", "slot": "candidate", "marked": False, "written": "GEORGIA"},
        ],
    }


@pytest.mark.parametrize(
    ("arguments", "error"),
    [
        (["--date", "2024-05-09", "MONTENGRO"],
         "MONTENGRO: no such country in the gazetteer; did you mean Montenegro?"),
        (["--date", "2024-05-09", "Croatia"],
         "Croatia is a member of the EU on 9 May 2024: it does not align"),
        (["--date", "2001-01-01", "MK"],
         "1 January 2001 is before the registry's record begins (1 May 2004); give a later --date"),
        (["--date", "2005-12-16", "MK"],
         "North Macedonia: the registry cannot tell its slot on 16 December 2005 (the sources "
         "disagree on the day its status changed); write that part by hand"),
        (["--date", "2024-05-09", "--language", "french", "MK"],
         "the profile osce has the paragraph's wording in ENGLISH only, not in FRENCH; write it "
         "in ENGLISH, or add the wording to your own profile"),
        (["--date", "9 May 2024", "MK"],
         "--date 9 May 2024: not a date; write it as YYYY-MM-DD (2024-05-09)"),
        (["--date", "2024-05-09", "XK"],
         "Kosovo: the registry has no record of its place in the paragraph; add it to your own "
         "registry (the `registry` setting), or leave it out"),
    ],
)  # fmt: skip
def test_what_cannot_be_written_is_an_error(capsys, arguments, error):
    assert run(capsys, *arguments) == (2, "", f"statement-lint: error: {error}\n")


# What it writes lints clean ---------------------------------------------------------------------

REGISTRY = load_registry()
START, END = REGISTRY.coverage.valid_from, dt.date(2026, 11, 1)
BODY = (
    "Madam Chair,\n\nThe European Union thanks the Special Representative for her report and "
    "for the work of her Office with the participating States. We support its work on the "
    "prevention of trafficking and on the identification of victims.\n\nThank you, Madam Chair."
)


def aligning_on(day: dt.date) -> list[str]:
    """The countries the registry places in a slot of the paragraph on `day`."""
    found = []
    for facts in REGISTRY.countries:
        status = facts.status_on(day)
        if status is not None and status.slot != "eu-member":
            found.append(facts.id)
    return found


def statement_of(day: dt.date, alignment: str) -> str:
    date = f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    return (
        f"PC.DEL/123/{day.year % 100:02d}\n{date}\nENGLISH only\n"
        "The OSCE Secretariat bears no responsibility for the content of this document and "
        "circulates it without altering its content. The distribution by OSCE Conference "
        "Services of this document is without prejudice to OSCE decisions, as set out in "
        f"documents agreed by OSCE participating States.\n\n{BODY}\n\n{alignment}"
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dates(START, END), st.data())
def test_written_paragraph_lints_clean(day, data):
    candidates = aligning_on(day)
    chosen = data.draw(st.lists(st.sampled_from(candidates), min_size=1, unique=True))
    written = write_alignment(chosen, day, default_profile(), REGISTRY, default_gazetteer())
    diagnostics = lint_text(statement_of(day, written.text()))
    assert [(d.code, d.line, d.message) for d in diagnostics] == []
    assert {c.id for c in written.countries} == set(chosen)


def test_every_country_on_every_first_of_the_month_lints_clean():
    day = START
    while day <= END:
        try:
            written = write_alignment(
                aligning_on(day), day, default_profile(), REGISTRY, default_gazetteer()
            )
        except AlignmentError:  # a country in a span of doubt on that day
            day = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            continue
        assert lint_text(statement_of(day, written.text())) == [], (day, written.text())
        day = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


# The right paragraph, shown with the diagnostics that find it inconsistent -------------------

SEED_ALIGNMENT = (
    "The Candidate Countries REPUBLIC of NORTH MACEDONIA*, MONTENEGRO*, SERBIA* and ALBANIA*, "
    "the EFTA countries ICELAND and LIECHTENSTEIN, members of the European Economic Area, as "
    "well as UKRAINE and GEORGIA align themselves with this statement.\n"
    "* Republic of North Macedonia, Montenegro, Serbia and Albania continue to be part of the "
    "Stabilisation and Association Process.\n"
)


def test_inconsistent_paragraph_diagnostics_carry_the_right_one(capsys):
    day = dt.date(2021, 2, 22)
    paragraph = (
        "The Candidate Countries REPUBLIC of NORTH MACEDONIA*, MONTENEGRO*, SERBIA* and ALBANIA "
        "and the EFTA countries ICELAND and LIECHTENSTEIN, members of the European Economic "
        "Area, as well as UKRAINE and GEORGIA align themselves with this statement.\n"
        "* Republic of North Macedonia, Montenegro, Serbia and Albania continue to be part of "
        "the Stabilisation and Association Process.\n"
    )
    text = statement_of(day, paragraph).replace("ENGLISH only", "English only")
    found = [(d.code, d.line, d.suggestion) for d in lint_text(text)]
    assert found == [("LNG002", 3, None), ("ALN002", 12, SEED_ALIGNMENT)]
    # `align` writes the same for the countries listed.
    countries = ["MK", "ME", "RS", "AL", "IS", "LI", "UA", "GE"]
    assert run(capsys, "--date", "2021-02-22", *countries) == (0, SEED_ALIGNMENT, "")


def test_full_output_shows_the_right_paragraph_once_a_file(tmp_path, monkeypatch, capsys):
    day = dt.date(2021, 2, 22)
    paragraph = SEED_ALIGNMENT.replace("ALBANIA*,", "ALBANIA,").replace("SERBIA* and", "SERBIA and")
    (tmp_path / "statement.txt").write_text(statement_of(day, paragraph), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    status = main(["--isolated", "--no-cache", "--output-format", "full", "statement.txt"])
    out = capsys.readouterr().out
    assert status == 1
    assert out.count("ALN002") == 2
    shown = "".join(f"    {line}\n" for line in SEED_ALIGNMENT.splitlines())
    label = "  right: the paragraph for the countries listed, on the statement's date:\n"
    assert out.count(label + shown) == 1
