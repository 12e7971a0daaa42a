"""Date-aware rules on both sides of every boundary of the registry, and the six languages."""

import io
import json

import pytest

from statement_lint.cli import main

DISCLAIMER = (
    "The OSCE Secretariat bears no responsibility for the content of this document and "
    "circulates it without altering its content. The distribution by OSCE Conference Services "
    "of this document is without prejudice to OSCE decisions, as set out in documents agreed "
    "by OSCE participating States."
)
MONTHS = "January February March April May June July August September October November December"


def statement(day: str, slots: dict[str, list[str]], footnote: list[str] | None = None) -> str:
    """A statement dated `day` (YYYY-MM-DD) whose alignment paragraph has these slots;
    a name ending in `*` carries the marker; the footnote names `footnote` (default: the
    marked countries, in normal case)."""
    year, month, date = (int(part) for part in day.split("-"))
    name = (
        "NORTH MACEDONIA*" if day >= "2019-02-12" else "the former Yugoslav Republic of Macedonia*"
    )
    slots = {slot: [name if n == "MK*" else n for n in names] for slot, names in slots.items()}
    header = f"PC.DEL/100/{year % 100:02d}\n{date} {MONTHS.split()[month - 1]} {year}\nENGLISH only"
    labels = {
        "acceding": "The Acceding Country",
        "candidate": "the Candidate Countries",
        "sap-potential-candidate": "the Country of the Stabilisation and Association Process "
        "and Potential Candidate",
        "efta-eea": "the EFTA countries",
        "as-well-as": "as well as",
    }
    parts = []
    for slot, names in slots.items():
        listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
        suffix = ", members of the European Economic Area," if slot == "efta-eea" else ""
        parts.append(f"{labels[slot]} {listed}{suffix}")
    paragraph = ", ".join(parts).replace(",, ", ", ")
    paragraph = paragraph[0].upper() + paragraph[1:] + " align themselves with this statement."
    marked = [
        n.rstrip("*").title().replace(" And ", " and ")
        for ns in slots.values()
        for n in ns
        if n.endswith("*")
    ]
    noted = marked if footnote is None else footnote
    note = ""
    if noted:
        listed = noted[0] if len(noted) == 1 else f"{', '.join(noted[:-1])} and {noted[-1]}"
        note = f"\n* {listed} continue to be part of the Stabilisation and Association Process."
    body = "Mr Chair,\n\nThe European Union supports the work of the Office.\n\nThank you."
    return f"{header}\n{DISCLAIMER}\n\n{body}\n\n{paragraph}{note}\n"


def codes(tmp_path, capsys, text: str) -> list[str]:
    (tmp_path / "s.txt").write_text(text, encoding="utf-8")
    main(
        ["--isolated", "--output-format", "json", "-q", str(tmp_path / "s.txt")],
        stdin=io.StringIO(),
    )
    return sorted(d["code"] for d in json.loads(capsys.readouterr().out)["diagnostics"])


# `MK*`: North Macedonia, marked, under the name in use on the statement's date.
BASE = ["MK*", "MONTENEGRO*"]
# (case, date, slots, footnote or None for the marked countries, expected codes)
BOUNDARIES = [
    # UKRAINE and the REPUBLIC OF MOLDOVA: "as well as" until 22 June 2022, candidates from 23 June
    ("ukraine-as-well-as-last-day", "2022-06-22", {"candidate": BASE, "as-well-as": ["UKRAINE"]}, None, []),
    ("ukraine-as-well-as-first-day-after", "2022-06-23", {"candidate": BASE, "as-well-as": ["UKRAINE"]}, None, ["ALN011"]),
    ("ukraine-candidate-too-early", "2022-06-22", {"candidate": [*BASE, "UKRAINE"]}, None, ["ALN011"]),
    ("ukraine-candidate-first-day", "2022-06-23", {"candidate": [*BASE, "UKRAINE"]}, None, []),
    ("moldova-as-well-as-last-day", "2022-06-22", {"candidate": BASE, "as-well-as": ["the REPUBLIC OF MOLDOVA"]}, None, []),
    ("moldova-candidate-first-day", "2022-06-23", {"candidate": [*BASE, "the REPUBLIC OF MOLDOVA"]}, None, []),
    ("moldova-as-well-as-too-late", "2022-06-23", {"candidate": BASE, "as-well-as": ["the REPUBLIC OF MOLDOVA"]}, None, ["ALN011"]),
    # GEORGIA: "as well as" until 13 December 2023, candidate from 14 December 2023
    ("georgia-as-well-as-last-day", "2023-12-13", {"candidate": BASE, "as-well-as": ["GEORGIA"]}, None, []),
    ("georgia-as-well-as-too-late", "2023-12-14", {"candidate": BASE, "as-well-as": ["GEORGIA"]}, None, ["ALN011"]),
    ("georgia-candidate-too-early", "2023-12-13", {"candidate": [*BASE, "GEORGIA"]}, None, ["ALN011"]),
    ("georgia-candidate-first-day", "2023-12-14", {"candidate": [*BASE, "GEORGIA"]}, None, []),
    ("georgia-marked", "2024-03-01", {"candidate": [*BASE, "GEORGIA*"]}, ["North Macedonia", "Montenegro"], ["ALN009"]),
    # BOSNIA and HERZEGOVINA: unmarked SAP potential candidate until 14 December 2022, then
    # a marked candidate
    ("bosnia-sap-slot-last-day", "2022-12-14", {"candidate": BASE, "sap-potential-candidate": ["BOSNIA and HERZEGOVINA"]}, None, []),
    ("bosnia-sap-slot-too-late", "2022-12-15", {"candidate": BASE, "sap-potential-candidate": ["BOSNIA and HERZEGOVINA"]}, None, ["ALN011"]),
    ("bosnia-candidate-too-early", "2022-12-14", {"candidate": [*BASE, "BOSNIA and HERZEGOVINA*"]}, None, ["ALN011"]),
    ("bosnia-candidate-first-day", "2022-12-15", {"candidate": [*BASE, "BOSNIA and HERZEGOVINA*"]}, None, []),
    ("bosnia-candidate-unmarked", "2022-12-15", {"candidate": [*BASE, "BOSNIA and HERZEGOVINA"]}, None, ["ALN010"]),
    # ALBANIA: SAP potential candidate until 26 June 2014, marked candidate from 27 June 2014
    ("albania-sap-slot-last-day", "2014-06-26", {"candidate": BASE, "sap-potential-candidate": ["ALBANIA"]}, None, []),
    ("albania-candidate-too-early", "2014-06-26", {"candidate": [*BASE, "ALBANIA*"]}, None, ["ALN011"]),
    ("albania-candidate-first-day", "2014-06-27", {"candidate": [*BASE, "ALBANIA*"]}, None, []),
    ("albania-unmarked", "2014-06-27", {"candidate": [*BASE, "ALBANIA"]}, None, ["ALN010"]),
    ("albania-unmarked-but-in-footnote", "2014-06-27", {"candidate": [*BASE, "ALBANIA"]}, ["the former Yugoslav Republic of Macedonia", "Montenegro", "Albania"], ["ALN002"]),
    # MONTENEGRO from 17 December 2010 and SERBIA from 1 March 2012: before, the registry is
    # silent about them
    ("montenegro-before-record", "2010-12-16", {"candidate": ["the former Yugoslav Republic of Macedonia*", "MONTENEGRO"]}, ["the former Yugoslav Republic of Macedonia"], []),
    ("montenegro-unmarked-first-day", "2010-12-17", {"candidate": ["the former Yugoslav Republic of Macedonia*", "MONTENEGRO"]}, ["the former Yugoslav Republic of Macedonia"], ["ALN010"]),
    ("serbia-before-record", "2012-02-29", {"candidate": BASE[1:], "as-well-as": ["SERBIA"]}, None, []),
    ("serbia-unmarked-first-day", "2012-03-01", {"candidate": [*BASE[1:], "SERBIA"]}, None, ["ALN010"]),
    # ICELAND: a candidate from 17 June 2010 to 12 March 2015, an EFTA country before and after
    ("iceland-efta-before", "2010-06-16", {"candidate": BASE[1:], "efta-eea": ["ICELAND", "NORWAY"]}, None, []),
    ("iceland-efta-too-early", "2010-06-17", {"candidate": BASE[1:], "efta-eea": ["ICELAND", "NORWAY"]}, None, ["ALN011"]),
    ("iceland-candidate-last-day", "2015-03-12", {"candidate": [*BASE, "ICELAND"]}, None, []),
    ("iceland-candidate-too-late", "2015-03-13", {"candidate": [*BASE, "ICELAND"]}, None, ["ALN011"]),
    # CROATIA: marked candidate until 8 December 2011, acceding until 30 June 2013, EU member
    ("croatia-candidate-last-day", "2011-12-08", {"candidate": ["CROATIA*", *BASE]}, None, []),
    ("croatia-candidate-too-late", "2011-12-09", {"candidate": ["CROATIA*", *BASE]}, None, ["ALN011"]),
    ("croatia-acceding-last-day", "2013-06-30", {"acceding": ["CROATIA*"], "candidate": BASE}, None, []),
    ("croatia-member", "2013-07-01", {"acceding": ["CROATIA*"], "candidate": BASE}, None, ["ALN009", "ALN011"]),
    # NORTH MACEDONIA's names: the former name until 11 February 2019, the new ones from 12
    ("fyrom-last-day", "2019-02-11", {"candidate": ["the former Yugoslav Republic of Macedonia*", "MONTENEGRO*"]}, ["the former Yugoslav Republic of Macedonia", "Montenegro"], []),
    ("fyrom-too-late", "2019-02-12", {"candidate": ["the former Yugoslav Republic of Macedonia*", "MONTENEGRO*"]}, ["the former Yugoslav Republic of Macedonia", "Montenegro"], ["ALN006", "ALN006"]),
    ("north-macedonia-too-early", "2019-02-11", {"candidate": ["NORTH MACEDONIA*", "MONTENEGRO*"]}, None, ["ALN006", "ALN006"]),
    ("north-macedonia-first-day", "2019-02-12", {"candidate": ["REPUBLIC of NORTH MACEDONIA*", "MONTENEGRO*"]}, ["Republic of North Macedonia", "Montenegro"], []),
    # TURKEY: a candidate, never in the Process
    ("turkey-marked", "2018-05-04", {"candidate": ["the former Yugoslav Republic of Macedonia*", "TURKEY*"]}, ["the former Yugoslav Republic of Macedonia"], ["ALN009"]),
    # Outside the registry's coverage (from 1 January 2010 to 1 November 2026): silent
    ("before-coverage", "2009-12-31", {"candidate": ["the former Yugoslav Republic of Macedonia*", "UKRAINE"]}, ["the former Yugoslav Republic of Macedonia"], []),
    ("after-coverage", "2026-11-02", {"candidate": BASE, "as-well-as": ["GEORGIA"]}, None, []),
]  # fmt: skip


@pytest.mark.parametrize(
    ("date", "slots", "footnote", "expected"),
    [row[1:] for row in BOUNDARIES],
    ids=[row[0] for row in BOUNDARIES],
)
def test_registry_boundary(tmp_path, capsys, date, slots, footnote, expected):
    assert codes(tmp_path, capsys, statement(date, slots, footnote)) == expected


def test_explanations_say_what_the_registry_holds(tmp_path, capsys):
    text = statement("2021-07-08", {"candidate": [*BASE, "UKRAINE"]})
    (tmp_path / "s.txt").write_text(text, encoding="utf-8")
    main(["--isolated", "-q", str(tmp_path / "s.txt")], stdin=io.StringIO())
    out = capsys.readouterr().out
    assert out.split(": ALN011 ", 1)[1] == (
        "UKRAINE became a candidate country on 23 June 2022; this statement is dated 8 July "
        "2021: list it under 'as well as'\n"
    )
    text = statement("2024-01-11", {"candidate": BASE, "as-well-as": ["GEORGIA"]})
    (tmp_path / "s.txt").write_text(text, encoding="utf-8")
    main(["--isolated", "-q", str(tmp_path / "s.txt")], stdin=io.StringIO())
    assert capsys.readouterr().out.split(": ALN011 ", 1)[1] == (
        "GEORGIA has been a candidate country since 14 December 2023; this statement is dated "
        "11 January 2024: list it among the Candidate Countries\n"
    )


def test_own_registry_from_config(tmp_path, capsys):
    # A new status granted after the bundled registry was written: a user's copy says so.
    from statement_lint.reference import load_registry

    registry = load_registry().model_dump(by_alias=True, mode="json")
    armenia = next(c for c in registry["countries"] if c["id"] == "AM")
    armenia["statuses"] = [
        {"from": "2010-01-01", "to": "2025-12-31", "slot": "as-well-as", "sap": False},
        {"from": "2026-01-01", "slot": "candidate", "sap": False},
    ]
    (tmp_path / "registry.json").write_text(json.dumps(registry), encoding="utf-8")
    (tmp_path / "statement-lint.toml").write_text('registry = "registry.json"\n', encoding="utf-8")
    text = statement("2026-02-02", {"candidate": BASE, "as-well-as": ["ARMENIA"]})
    (tmp_path / "s.txt").write_text(text, encoding="utf-8")
    main(["--output-format", "json", "-q", str(tmp_path / "s.txt")], stdin=io.StringIO())
    [diagnostic] = json.loads(capsys.readouterr().out)["diagnostics"]
    assert diagnostic["code"] == "ALN011"
    assert diagnostic["message"].startswith(
        "ARMENIA has been a candidate country since 1 January 2026"
    )


def test_older_iceland_marker_is_not_the_sap_marker(tmp_path, capsys):
    # 2010-2015: ICELAND, a candidate, carried `+` for its own EFTA footnote.
    text = statement("2011-06-01", {"candidate": ["CROATIA*", "MK*", "MONTENEGRO*", "ICELAND+"]})
    text += "+ Iceland continues to be a member of the EFTA and the European Economic Area.\n"
    assert codes(tmp_path, capsys, text) == []
    unmarked = text.replace("ICELAND+", "ICELAND")
    # the footnote names ICELAND, which lacks its `+`; and the `+` footnote hangs
    assert codes(tmp_path, capsys, unmarked) == ["ALN002", "ALN004"]
