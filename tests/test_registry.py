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
        "acceding": "The Acceding Countries"
        if len(slots.get("acceding", [])) > 1
        else "The Acceding Country",
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
    # the closing formula of the time (`declaration` and `statement` were both in use until 2009)
    kind = "declaration" if day <= "2008-12-31" else "statement"
    paragraph = paragraph[0].upper() + paragraph[1:] + f" align themselves with this {kind}."
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
# (case, date, slots, footnote or None for the marked countries, expected codes). What held on
# any day of the grace window (the 14 days up to the header date: a statement may be delivered
# before a decision of the day and circulated, or revised, later) is not reported: a status
# that ended is still accepted for 14 days (`-in-grace`, `-last-grace-day`), then reported
# (`-after-grace`); a status not yet begun is reported at once (`-too-early`).
BOUNDARIES = [
    # UKRAINE and the REPUBLIC OF MOLDOVA: "as well as" until 22 June 2022, candidates from 23 June
    ("ukraine-as-well-as-last-day", "2022-06-22", {"candidate": BASE, "as-well-as": ["UKRAINE"]}, None, []),
    ("ukraine-as-well-as-in-grace", "2022-06-23", {"candidate": BASE, "as-well-as": ["UKRAINE"]}, None, []),
    ("ukraine-as-well-as-last-grace-day", "2022-07-06", {"candidate": BASE, "as-well-as": ["UKRAINE"]}, None, []),
    ("ukraine-as-well-as-after-grace", "2022-07-07", {"candidate": BASE, "as-well-as": ["UKRAINE"]}, None, ["ALN011"]),
    ("ukraine-candidate-too-early", "2022-06-22", {"candidate": [*BASE, "UKRAINE"]}, None, ["ALN011"]),
    ("ukraine-candidate-first-day", "2022-06-23", {"candidate": [*BASE, "UKRAINE"]}, None, []),
    ("moldova-as-well-as-last-day", "2022-06-22", {"candidate": BASE, "as-well-as": ["the REPUBLIC OF MOLDOVA"]}, None, []),
    ("moldova-candidate-first-day", "2022-06-23", {"candidate": [*BASE, "the REPUBLIC OF MOLDOVA"]}, None, []),
    ("moldova-as-well-as-in-grace", "2022-06-23", {"candidate": BASE, "as-well-as": ["the REPUBLIC OF MOLDOVA"]}, None, []),
    ("moldova-as-well-as-last-grace-day", "2022-07-06", {"candidate": BASE, "as-well-as": ["the REPUBLIC OF MOLDOVA"]}, None, []),
    ("moldova-as-well-as-after-grace", "2022-07-07", {"candidate": BASE, "as-well-as": ["the REPUBLIC OF MOLDOVA"]}, None, ["ALN011"]),
    # GEORGIA: "as well as" until 13 December 2023, candidate from 14 December 2023
    ("georgia-as-well-as-last-day", "2023-12-13", {"candidate": BASE, "as-well-as": ["GEORGIA"]}, None, []),
    ("georgia-as-well-as-in-grace", "2023-12-14", {"candidate": BASE, "as-well-as": ["GEORGIA"]}, None, []),
    ("georgia-as-well-as-last-grace-day", "2023-12-27", {"candidate": BASE, "as-well-as": ["GEORGIA"]}, None, []),
    ("georgia-as-well-as-after-grace", "2023-12-28", {"candidate": BASE, "as-well-as": ["GEORGIA"]}, None, ["ALN011"]),
    ("georgia-candidate-too-early", "2023-12-13", {"candidate": [*BASE, "GEORGIA"]}, None, ["ALN011"]),
    ("georgia-candidate-first-day", "2023-12-14", {"candidate": [*BASE, "GEORGIA"]}, None, []),
    ("georgia-marked", "2024-03-01", {"candidate": [*BASE, "GEORGIA*"]}, ["North Macedonia", "Montenegro"], ["ALN009"]),
    # BOSNIA and HERZEGOVINA: unmarked SAP potential candidate until 14 December 2022, then
    # a marked candidate
    ("bosnia-sap-slot-last-day", "2022-12-14", {"candidate": BASE, "sap-potential-candidate": ["BOSNIA and HERZEGOVINA"]}, None, []),
    ("bosnia-sap-slot-in-grace", "2022-12-15", {"candidate": BASE, "sap-potential-candidate": ["BOSNIA and HERZEGOVINA"]}, None, []),
    ("bosnia-sap-slot-last-grace-day", "2022-12-28", {"candidate": BASE, "sap-potential-candidate": ["BOSNIA and HERZEGOVINA"]}, None, []),
    ("bosnia-sap-slot-after-grace", "2022-12-29", {"candidate": BASE, "sap-potential-candidate": ["BOSNIA and HERZEGOVINA"]}, None, ["ALN011"]),
    ("bosnia-candidate-too-early", "2022-12-14", {"candidate": [*BASE, "BOSNIA and HERZEGOVINA*"]}, None, ["ALN011"]),
    ("bosnia-candidate-first-day", "2022-12-15", {"candidate": [*BASE, "BOSNIA and HERZEGOVINA*"]}, None, []),
    ("bosnia-candidate-unmarked-in-grace", "2022-12-15", {"candidate": [*BASE, "BOSNIA and HERZEGOVINA"]}, None, []),
    ("bosnia-candidate-unmarked-last-grace-day", "2022-12-28", {"candidate": [*BASE, "BOSNIA and HERZEGOVINA"]}, None, []),
    ("bosnia-candidate-unmarked-after-grace", "2022-12-29", {"candidate": [*BASE, "BOSNIA and HERZEGOVINA"]}, None, ["ALN010"]),
    # ALBANIA: SAP potential candidate until 26 June 2014, marked candidate from 27 June 2014
    ("albania-sap-slot-last-day", "2014-06-26", {"candidate": BASE, "sap-potential-candidate": ["ALBANIA"]}, None, []),
    ("albania-candidate-too-early", "2014-06-26", {"candidate": [*BASE, "ALBANIA*"]}, None, ["ALN011"]),
    ("albania-candidate-first-day", "2014-06-27", {"candidate": [*BASE, "ALBANIA*"]}, None, []),
    ("albania-unmarked-in-grace", "2014-06-27", {"candidate": [*BASE, "ALBANIA"]}, None, []),
    ("albania-unmarked-last-grace-day", "2014-07-10", {"candidate": [*BASE, "ALBANIA"]}, None, []),
    ("albania-unmarked-after-grace", "2014-07-11", {"candidate": [*BASE, "ALBANIA"]}, None, ["ALN010"]),
    ("albania-unmarked-but-in-footnote", "2014-06-27", {"candidate": [*BASE, "ALBANIA"]}, ["the former Yugoslav Republic of Macedonia", "Montenegro", "Albania"], ["ALN002"]),
    # MONTENEGRO and SERBIA: SAP potential candidates (from June 2006, when Serbia and
    # Montenegro parted), candidates from 17 December 2010 and 1 March 2012
    ("montenegro-sap-slot-last-day", "2010-12-16", {"candidate": ["CROATIA*", "MK*"], "sap-potential-candidate": ["MONTENEGRO"]}, None, []),
    ("montenegro-candidate-too-early", "2010-12-16", {"candidate": ["the former Yugoslav Republic of Macedonia*", "MONTENEGRO*"]}, None, ["ALN011"]),
    ("montenegro-unmarked-in-grace", "2010-12-17", {"candidate": ["the former Yugoslav Republic of Macedonia*", "MONTENEGRO"]}, ["the former Yugoslav Republic of Macedonia"], []),
    ("montenegro-unmarked-last-grace-day", "2010-12-30", {"candidate": ["the former Yugoslav Republic of Macedonia*", "MONTENEGRO"]}, ["the former Yugoslav Republic of Macedonia"], []),
    ("montenegro-unmarked-after-grace", "2010-12-31", {"candidate": ["the former Yugoslav Republic of Macedonia*", "MONTENEGRO"]}, ["the former Yugoslav Republic of Macedonia"], ["ALN010"]),
    ("serbia-sap-slot-last-day", "2012-02-29", {"candidate": BASE, "sap-potential-candidate": ["SERBIA"]}, None, []),
    ("serbia-as-well-as-too-early", "2012-02-29", {"candidate": BASE, "as-well-as": ["SERBIA"]}, None, ["ALN011"]),
    ("serbia-unmarked-in-grace", "2012-03-01", {"candidate": [*BASE[1:], "SERBIA"]}, None, []),
    ("serbia-unmarked-last-grace-day", "2012-03-14", {"candidate": [*BASE[1:], "SERBIA"]}, None, []),
    ("serbia-unmarked-after-grace", "2012-03-15", {"candidate": [*BASE[1:], "SERBIA"]}, None, ["ALN010"]),
    ("montenegro-as-well-as-in-doubt", "2006-06-03", {"candidate": ["CROATIA*", "MK*"], "as-well-as": ["MONTENEGRO"]}, None, []),
    ("montenegro-as-well-as-in-grace", "2006-06-12", {"candidate": ["CROATIA*", "MK*"], "as-well-as": ["MONTENEGRO"]}, None, []),
    ("montenegro-as-well-as-last-grace-day", "2006-06-25", {"candidate": ["CROATIA*", "MK*"], "as-well-as": ["MONTENEGRO"]}, None, []),
    ("montenegro-as-well-as-after-grace", "2006-06-26", {"candidate": ["CROATIA*", "MK*"], "as-well-as": ["MONTENEGRO"]}, None, ["ALN011"]),
    ("serbia-sap-slot-first-day", "2006-06-12", {"candidate": ["CROATIA*", "MK*"], "sap-potential-candidate": ["SERBIA"]}, None, []),
    # Serbia and Montenegro: a SAP potential candidate until 2 June 2006; its name in use until
    # 3 June 2006, perhaps until 12 June (silent in between)
    ("serbia-and-montenegro-sap-slot", "2006-06-02", {"candidate": ["CROATIA*", "MK*"], "sap-potential-candidate": ["Serbia and Montenegro"]}, None, []),
    ("serbia-and-montenegro-candidate", "2006-06-02", {"candidate": ["CROATIA*", "MK*", "Serbia and Montenegro"]}, None, ["ALN011"]),
    ("serbia-and-montenegro-name-in-doubt", "2006-06-12", {"candidate": ["CROATIA*", "MK*"], "sap-potential-candidate": ["Serbia and Montenegro"]}, None, []),
    ("serbia-and-montenegro-name-in-grace", "2006-06-13", {"candidate": ["CROATIA*", "MK*"], "sap-potential-candidate": ["Serbia and Montenegro"]}, None, []),
    ("serbia-and-montenegro-name-last-grace-day", "2006-06-26", {"candidate": ["CROATIA*", "MK*"], "sap-potential-candidate": ["Serbia and Montenegro"]}, None, []),
    ("serbia-and-montenegro-name-after-grace", "2006-06-27", {"candidate": ["CROATIA*", "MK*"], "sap-potential-candidate": ["Serbia and Montenegro"]}, None, ["ALN006"]),
    # ICELAND: a candidate from 17 June 2010 to 12 March 2015, an EFTA country before and after
    ("iceland-efta-before", "2010-06-16", {"candidate": ["CROATIA*", "MK*"], "efta-eea": ["ICELAND", "NORWAY"]}, None, []),
    ("iceland-efta-in-grace", "2010-06-17", {"candidate": ["CROATIA*", "MK*"], "efta-eea": ["ICELAND", "NORWAY"]}, None, []),
    ("iceland-efta-last-grace-day", "2010-06-30", {"candidate": ["CROATIA*", "MK*"], "efta-eea": ["ICELAND", "NORWAY"]}, None, []),
    ("iceland-efta-after-grace", "2010-07-01", {"candidate": ["CROATIA*", "MK*"], "efta-eea": ["ICELAND", "NORWAY"]}, None, ["ALN011"]),
    ("iceland-candidate-last-day", "2015-03-12", {"candidate": [*BASE, "ICELAND"]}, None, []),
    ("iceland-candidate-in-grace", "2015-03-13", {"candidate": [*BASE, "ICELAND"]}, None, []),
    ("iceland-candidate-last-grace-day", "2015-03-26", {"candidate": [*BASE, "ICELAND"]}, None, []),
    ("iceland-candidate-after-grace", "2015-03-27", {"candidate": [*BASE, "ICELAND"]}, None, ["ALN011"]),
    # CROATIA: marked candidate until 8 December 2011, acceding until 30 June 2013, EU member
    ("croatia-candidate-last-day", "2011-12-08", {"candidate": ["CROATIA*", *BASE]}, None, []),
    ("croatia-candidate-in-grace", "2011-12-09", {"candidate": ["CROATIA*", *BASE]}, None, []),
    ("croatia-candidate-last-grace-day", "2011-12-22", {"candidate": ["CROATIA*", *BASE]}, None, []),
    ("croatia-candidate-after-grace", "2011-12-23", {"candidate": ["CROATIA*", *BASE]}, None, ["ALN011"]),
    ("croatia-acceding-last-day", "2013-06-30", {"acceding": ["CROATIA*"], "candidate": BASE}, None, []),
    ("croatia-acceding-in-grace", "2013-07-01", {"acceding": ["CROATIA*"], "candidate": BASE}, None, []),
    ("croatia-acceding-last-grace-day", "2013-07-14", {"acceding": ["CROATIA*"], "candidate": BASE}, None, []),
    ("croatia-acceding-after-grace", "2013-07-15", {"acceding": ["CROATIA*"], "candidate": BASE}, None, ["ALN009", "ALN011"]),
    # NORTH MACEDONIA's names: the former name until 11 February 2019, the new ones from 12
    ("fyrom-last-day", "2019-02-11", {"candidate": ["the former Yugoslav Republic of Macedonia*", "MONTENEGRO*"]}, ["the former Yugoslav Republic of Macedonia", "Montenegro"], []),
    ("fyrom-name-in-grace", "2019-02-12", {"candidate": ["the former Yugoslav Republic of Macedonia*", "MONTENEGRO*"]}, ["the former Yugoslav Republic of Macedonia", "Montenegro"], []),
    ("fyrom-name-last-grace-day", "2019-02-25", {"candidate": ["the former Yugoslav Republic of Macedonia*", "MONTENEGRO*"]}, ["the former Yugoslav Republic of Macedonia", "Montenegro"], []),
    ("fyrom-name-after-grace", "2019-02-26", {"candidate": ["the former Yugoslav Republic of Macedonia*", "MONTENEGRO*"]}, ["the former Yugoslav Republic of Macedonia", "Montenegro"], ["ALN006", "ALN006"]),
    ("north-macedonia-too-early", "2019-02-11", {"candidate": ["NORTH MACEDONIA*", "MONTENEGRO*"]}, None, ["ALN006", "ALN006"]),
    ("north-macedonia-first-day", "2019-02-12", {"candidate": ["REPUBLIC of NORTH MACEDONIA*", "MONTENEGRO*"]}, ["Republic of North Macedonia", "Montenegro"], []),
    # TURKEY: a candidate, never in the Process
    ("turkey-marked", "2018-05-04", {"candidate": ["the former Yugoslav Republic of Macedonia*", "TURKEY*"]}, ["the former Yugoslav Republic of Macedonia"], ["ALN009"]),
    # CROATIA: a SAP potential candidate until 17 June 2004, a marked candidate from 18 June
    ("croatia-sap-slot-last-day", "2004-06-17", {"candidate": ["BULGARIA", "ROMANIA", "TURKEY"], "sap-potential-candidate": ["CROATIA"]}, None, []),
    ("croatia-candidate-too-early", "2004-06-17", {"candidate": ["BULGARIA", "ROMANIA", "CROATIA*", "TURKEY"]}, None, ["ALN011"]),
    ("croatia-candidate-first-day", "2004-06-18", {"candidate": ["BULGARIA", "ROMANIA", "CROATIA*", "TURKEY"]}, None, []),
    # BULGARIA and ROMANIA: candidates; acceding from the Treaty of Accession (25 April 2005; in
    # doubt from the end of the negotiations, 17 December 2004); EU members from 1 January 2007
    ("bulgaria-candidate-last-day", "2004-12-16", {"candidate": ["BULGARIA", "ROMANIA", "CROATIA*", "TURKEY"]}, None, []),
    ("bulgaria-acceding-too-early", "2004-12-16", {"acceding": ["BULGARIA", "ROMANIA"], "candidate": ["CROATIA*", "TURKEY"]}, None, ["ALN011", "ALN011"]),
    ("bulgaria-acceding-in-doubt", "2004-12-17", {"acceding": ["BULGARIA", "ROMANIA"], "candidate": ["CROATIA*", "TURKEY"]}, None, []),
    ("bulgaria-candidate-in-doubt", "2005-04-24", {"candidate": ["BULGARIA", "ROMANIA", "CROATIA*", "TURKEY"]}, None, []),
    ("bulgaria-candidate-in-grace", "2005-04-25", {"candidate": ["BULGARIA", "ROMANIA", "CROATIA*", "TURKEY"]}, None, []),
    ("bulgaria-candidate-last-grace-day", "2005-05-08", {"candidate": ["BULGARIA", "ROMANIA", "CROATIA*", "TURKEY"]}, None, []),
    ("bulgaria-candidate-after-grace", "2005-05-09", {"candidate": ["BULGARIA", "ROMANIA", "CROATIA*", "TURKEY"]}, None, ["ALN011", "ALN011"]),
    ("bulgaria-acceding-first-day", "2005-04-25", {"acceding": ["BULGARIA", "ROMANIA"], "candidate": ["CROATIA*", "TURKEY"]}, None, []),
    ("bulgaria-acceding-last-day", "2006-12-31", {"acceding": ["BULGARIA", "ROMANIA"], "candidate": ["CROATIA*", "MK*", "TURKEY"]}, None, []),
    ("bulgaria-acceding-in-grace", "2007-01-01", {"acceding": ["BULGARIA", "ROMANIA"], "candidate": ["CROATIA*", "MK*", "TURKEY"]}, None, []),
    ("bulgaria-acceding-last-grace-day", "2007-01-14", {"acceding": ["BULGARIA", "ROMANIA"], "candidate": ["CROATIA*", "MK*", "TURKEY"]}, None, []),
    ("bulgaria-acceding-after-grace", "2007-01-15", {"acceding": ["BULGARIA", "ROMANIA"], "candidate": ["CROATIA*", "MK*", "TURKEY"]}, None, ["ALN011", "ALN011"]),
    # the former Yugoslav Republic of Macedonia: a SAP potential candidate until 15 December
    # 2005, a marked candidate from 17 December; sources give the 16th or the 17th (silent)
    ("fyrom-sap-slot-last-day", "2005-12-15", {"candidate": ["CROATIA*", "TURKEY"], "sap-potential-candidate": ["the former Yugoslav Republic of Macedonia"]}, None, []),
    ("fyrom-candidate-too-early", "2005-12-15", {"candidate": ["CROATIA*", "MK*", "TURKEY"]}, None, ["ALN011"]),
    ("fyrom-candidate-in-doubt", "2005-12-16", {"candidate": ["CROATIA*", "MK*", "TURKEY"]}, None, []),
    ("fyrom-sap-slot-in-doubt", "2005-12-16", {"candidate": ["CROATIA*", "TURKEY"], "sap-potential-candidate": ["the former Yugoslav Republic of Macedonia"]}, None, []),
    ("fyrom-sap-slot-in-grace", "2005-12-17", {"candidate": ["CROATIA*", "TURKEY"], "sap-potential-candidate": ["the former Yugoslav Republic of Macedonia"]}, None, []),
    ("fyrom-sap-slot-last-grace-day", "2005-12-30", {"candidate": ["CROATIA*", "TURKEY"], "sap-potential-candidate": ["the former Yugoslav Republic of Macedonia"]}, None, []),
    ("fyrom-sap-slot-after-grace", "2005-12-31", {"candidate": ["CROATIA*", "TURKEY"], "sap-potential-candidate": ["the former Yugoslav Republic of Macedonia"]}, None, ["ALN011"]),
    ("fyrom-candidate-first-day", "2005-12-17", {"candidate": ["CROATIA*", "MK*", "TURKEY"]}, None, []),
    ("fyrom-unmarked-in-grace", "2005-12-17", {"candidate": ["CROATIA*", "the former Yugoslav Republic of Macedonia", "TURKEY"]}, None, []),
    ("fyrom-unmarked-last-grace-day", "2005-12-30", {"candidate": ["CROATIA*", "the former Yugoslav Republic of Macedonia", "TURKEY"]}, None, []),
    ("fyrom-unmarked-after-grace", "2005-12-31", {"candidate": ["CROATIA*", "the former Yugoslav Republic of Macedonia", "TURKEY"]}, None, ["ALN010"]),
    # The record begins on 1 May 2004 (before, statements used wordings it does not describe,
    # such as `the associated countries`): silent before, judged from that day on
    ("before-coverage", "2004-04-30", {"candidate": ["the former Yugoslav Republic of Macedonia*", "UKRAINE"]}, ["the former Yugoslav Republic of Macedonia"], []),
    ("coverage-first-day", "2004-05-01", {"candidate": ["the former Yugoslav Republic of Macedonia*", "UKRAINE"]}, ["the former Yugoslav Republic of Macedonia"], ["ALN011", "ALN011"]),
    # After the day the facts were last checked (1 November 2026), the last known statuses hold
    ("after-check-georgia-as-well-as", "2026-11-02", {"candidate": BASE, "as-well-as": ["GEORGIA"]}, None, ["ALN011"]),
    ("today-ukraine-as-well-as", "2026-11-29", {"candidate": BASE, "as-well-as": ["UKRAINE"]}, None, ["ALN011"]),
    ("today-clean", "2026-11-29", {"candidate": [*BASE, "ALBANIA*", "UKRAINE", "GEORGIA"], "as-well-as": ["ANDORRA"]}, None, []),
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
    from statement_lint.reference.build import dump

    registry = dump(load_registry())
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


def message(tmp_path, capsys, text: str, code: str) -> str:
    """The one message of `code` the statement gets."""
    (tmp_path / "s.txt").write_text(text, encoding="utf-8")
    main(
        ["--isolated", "--output-format", "json", "-q", str(tmp_path / "s.txt")],
        stdin=io.StringIO(),
    )
    diagnostics = json.loads(capsys.readouterr().out)["diagnostics"]
    [found] = [d["message"] for d in diagnostics if d["code"] == code]
    return found


# (case, date, slots, footnote or None, code, exact message): each status dated by when it
# really began, as precisely as the sources allow, never by the day the record begins
MESSAGES = [
    ("north-macedonia-2021-as-well-as", "2021-07-08", {"candidate": ["MONTENEGRO*", "ALBANIA*"], "as-well-as": ["NORTH MACEDONIA"]}, None, "ALN011",
     "NORTH MACEDONIA has been a candidate country since 16 or 17 December 2005; this statement is dated 8 July 2021: list it among the Candidate Countries"),
    ("ukraine-today-as-well-as", "2026-11-29", {"candidate": BASE, "as-well-as": ["UKRAINE"]}, None, "ALN011",
     "UKRAINE has been a candidate country since 23 June 2022; this statement is dated 29 November 2026: list it among the Candidate Countries"),
    ("fyrom-unmarked-2006", "2006-03-09", {"candidate": ["CROATIA*", "the former Yugoslav Republic of Macedonia", "TURKEY"]}, None, "ALN010",
     "the former Yugoslav Republic of Macedonia has been a candidate country in the Stabilisation and Association Process since 16 or 17 December 2005: write the former Yugoslav Republic of Macedonia* and name it in the footnote"),
    ("fyrom-too-early-2005", "2005-10-06", {"candidate": ["CROATIA*", "MK*", "TURKEY"]}, None, "ALN011",
     "the former Yugoslav Republic of Macedonia became a candidate country on 16 or 17 December 2005; this statement is dated 6 October 2005: list it as the Country of the Stabilisation and Association Process and Potential Candidate"),
    ("bulgaria-member-2007", "2007-02-08", {"acceding": ["BULGARIA"], "candidate": ["CROATIA*", "MK*", "TURKEY"]}, None, "ALN011",
     "BULGARIA has been an EU member state since 1 January 2007; this statement is dated 8 February 2007: remove it from the paragraph"),
    ("croatia-unmarked-2011", "2011-06-16", {"candidate": ["CROATIA", "TURKEY"]}, [], "ALN010",
     "CROATIA has been a candidate country in the Stabilisation and Association Process since 18 June 2004: write CROATIA* and name it in the footnote"),
    ("turkey-marked-2005", "2005-06-16", {"candidate": ["CROATIA*", "TURKEY*"]}, ["Croatia"], "ALN009",
     "TURKEY carries the marker *, but it is not in the Stabilisation and Association Process: it is a candidate country on the statement's date; remove the marker"),
    ("georgia-marked-2024", "2024-03-01", {"candidate": [*BASE, "GEORGIA*"]}, ["North Macedonia", "Montenegro"], "ALN009",
     "GEORGIA carries the marker *, but it is not in the Stabilisation and Association Process: it has been a candidate country since 14 December 2023; remove the marker"),
    ("iceland-efta-2012", "2012-11-08", {"candidate": BASE, "efta-eea": ["ICELAND", "NORWAY"]}, None, "ALN011",
     "ICELAND has been a candidate country since 17 June 2010; this statement is dated 8 November 2012: list it among the Candidate Countries"),
    ("ukraine-candidate-2012", "2012-11-08", {"candidate": [*BASE, "UKRAINE"]}, None, "ALN011",
     "UKRAINE became a candidate country on 23 June 2022; this statement is dated 8 November 2012: list it under 'as well as'"),
    ("armenia-candidate-2012", "2012-11-08", {"candidate": [*BASE, "ARMENIA"]}, None, "ALN011",
     "ARMENIA is listed under 'as well as' on the statement's date: list it under 'as well as'"),
    ("ukraine-marked-on-the-day", "2022-06-23", {"candidate": [*BASE, "UKRAINE*"]}, ["North Macedonia", "Montenegro"], "ALN009",
     "UKRAINE carries the marker *, but it is not in the Stabilisation and Association Process: it is a candidate country on the statement's date; remove the marker"),
    ("bosnia-changed-in-window", "2022-12-20", {"candidate": BASE, "as-well-as": ["BOSNIA and HERZEGOVINA"]}, None, "ALN011",
     "BOSNIA and HERZEGOVINA was a potential candidate in the Stabilisation and Association Process until 14 December 2022, then a candidate country; this statement is dated 20 December 2022: list it as the Country of the Stabilisation and Association Process and Potential Candidate, or list it among the Candidate Countries"),
    ("croatia-changed-in-window", "2013-07-05", {"candidate": ["CROATIA*", *BASE]}, None, "ALN011",
     "CROATIA was the acceding country until 30 June 2013, then an EU member state; this statement is dated 5 July 2013: list it as the Acceding Country, or remove it from the paragraph"),
    ("serbia-and-montenegro-2007", "2007-02-08", {"candidate": ["CROATIA*", "MK*"], "sap-potential-candidate": ["Serbia and Montenegro"]}, None, "ALN006",
     "Serbia and Montenegro was no longer in use on 8 February 2007 (in use until June 2006)"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("date", "slots", "footnote", "code", "expected"),
    [row[1:] for row in MESSAGES],
    ids=[row[0] for row in MESSAGES],
)
def test_messages_date_each_status_by_when_it_began(
    tmp_path, capsys, date, slots, footnote, code, expected
):
    assert message(tmp_path, capsys, statement(date, slots, footnote), code) == expected


@pytest.mark.parametrize(
    ("date", "slots", "footnote"),
    [row[1:4] for row in BOUNDARIES],
    ids=[row[0] for row in BOUNDARIES],
)
def test_no_message_dates_a_status_by_the_statements_own_date(
    tmp_path, capsys, date, slots, footnote
):
    text = statement(date, slots, footnote)
    written = text.split("\n")[1]  # the header date, as the statement writes it
    (tmp_path / "s.txt").write_text(text, encoding="utf-8")
    main(["--isolated", "--output-format", "json", "-q", str(tmp_path / "s.txt")])
    for diagnostic in json.loads(capsys.readouterr().out)["diagnostics"]:
        assert f"since {written}" not in diagnostic["message"]


def test_after_the_check_date_the_last_known_statuses_hold_and_say_so():
    import datetime as dt

    from statement_lint.reference import load_registry
    from statement_lint.reference.registry import registry_note

    registry = load_registry()
    assert registry.coverage.checked == dt.date(2026, 11, 1)
    assert not registry.covers(dt.date(2004, 4, 30))
    assert registry.covers(dt.date(2004, 5, 1))
    assert registry.covers(dt.date(2040, 1, 1))
    assert not registry.after_check(dt.date(2026, 11, 1))
    assert registry.after_check(dt.date(2026, 11, 2))
    assert not registry.after_check(None)
    ukraine = registry.facts("UA")
    assert ukraine.status_on(dt.date(2040, 1, 1)).slot == "candidate"
    note = registry_note(registry)
    assert note == (
        "the country registry was last checked on 1 November 2026; statuses after that date "
        "are assumed unchanged (update: see README)"
    )
    assert registry_note(registry, "facts/registry.json").startswith(
        "the country registry facts/registry.json was last checked on 1 November 2026; "
    )


def test_spans_of_doubt_assert_nothing():
    import datetime as dt

    from statement_lint.reference import load_registry

    registry = load_registry()
    macedonia = registry.facts("MK")
    assert macedonia.status_on(dt.date(2005, 12, 15)).slot == "sap-potential-candidate"
    assert macedonia.status_on(dt.date(2005, 12, 16)) is None
    assert macedonia.status_on(dt.date(2005, 12, 17)).slot == "candidate"
    bulgaria = registry.facts("BG")
    assert bulgaria.status_on(dt.date(2004, 12, 16)).slot == "candidate"
    assert bulgaria.status_on(dt.date(2005, 2, 1)) is None
    assert bulgaria.status_on(dt.date(2005, 4, 25)).slot == "acceding"


def write_registry(tmp_path, change) -> None:
    from statement_lint.reference import load_registry
    from statement_lint.reference.build import dump

    registry = dump(load_registry(), exclude_none=True)
    change(registry)
    (tmp_path / "registry.json").write_text(json.dumps(registry), encoding="utf-8")
    (tmp_path / "statement-lint.toml").write_text('registry = "registry.json"\n', encoding="utf-8")


def test_an_older_registry_copy_with_coverage_to_still_loads(tmp_path, capsys):
    # Copies made before `checked` name the check date `to`; it is read the same way.
    def older(registry):
        registry["coverage"] = {"from": "2004-05-01", "to": "2026-11-01"}

    write_registry(tmp_path, older)
    text = statement("2026-11-29", {"candidate": BASE, "as-well-as": ["UKRAINE"]})
    (tmp_path / "s.txt").write_text(text, encoding="utf-8")
    main(["--output-format", "json", "-q", str(tmp_path / "s.txt")], stdin=io.StringIO())
    assert [d["code"] for d in json.loads(capsys.readouterr().out)["diagnostics"]] == ["ALN011"]


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (
            lambda statuses: statuses[1].update({"from": "2022-06-24"}),
            "countries[11]: Value error, status 1 must begin the day after status 0 ends "
            "(2022-06-23): for a span of doubt between them, give 'from_earliest'",
        ),
        (
            lambda statuses: statuses[1].update({"from_earliest": "2022-06-24"}),
            "countries[11].statuses[1]: Value error, from_earliest must come before from",
        ),
        (
            lambda statuses: statuses[0].pop("to"),
            "countries[11]: Value error, statuses 0 and 1: only the first status may lack "
            "'from', only the last 'to'",
        ),
    ],
    ids=["gap", "earliest-after-from", "open-ended-before-another"],
)
def test_a_registry_copy_whose_statuses_do_not_follow_each_other_is_refused(
    tmp_path, capsys, change, problem
):
    def broken(registry):
        ukraine = next(c for c in registry["countries"] if c["id"] == "UA")
        change(ukraine["statuses"])

    write_registry(tmp_path, broken)
    (tmp_path / "s.txt").write_text(statement("2023-01-12", {"candidate": BASE}), encoding="utf-8")
    assert main(["-q", str(tmp_path / "s.txt")], stdin=io.StringIO()) == 2
    err = capsys.readouterr().err
    assert err == f"statement-lint: error: registry {tmp_path / 'registry.json'}: {problem}\n"


def test_the_run_says_once_that_statuses_after_the_check_date_are_assumed(
    tmp_path, capsys, monkeypatch
):
    """Two statements dated after the check date, linted twice (the second time from the
    cache): the note comes once per run, after the summary; -q leaves it out."""
    from pathlib import Path

    real = Path(__file__).parent / "fixtures" / "real"
    monkeypatch.chdir(tmp_path)
    for name in ("dated-2026-clean.txt", "dated-2026-ukraine-as-well-as.txt"):
        (tmp_path / name).write_bytes((real / name).read_bytes())
    note = (
        "statement-lint: note: the country registry was last checked on 1 November 2026; "
        "statuses after that date are assumed unchanged (update: see README)\n"
    )
    for _ in range(2):
        assert main(["--isolated", "."], stdin=io.StringIO()) == 1
        err = capsys.readouterr().err
        assert err.endswith(note)
        assert err.count("note:") == 1
    main(["--isolated", "-q", "."], stdin=io.StringIO())
    assert "note:" not in capsys.readouterr().err
