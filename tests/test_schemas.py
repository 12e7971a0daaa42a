"""The shipped schemas match their models, and the shipped data and real output validate."""

import io
import itertools
import json
from pathlib import Path

import jsonschema
import pytest

from statement_lint.cli import main
from statement_lint.schemagen import render, schemas

ROOT = Path(__file__).parent.parent
SCHEMAS = ROOT / "schemas"
DATA = ROOT / "lint" / "statement_lint" / "data"


@pytest.mark.parametrize("filename", sorted(schemas()))
def test_committed_schema_matches_its_model(filename):
    committed = (SCHEMAS / filename).read_text(encoding="utf-8")
    assert committed == render(schemas()[filename]), (
        f"schemas/{filename} drifted from its model: run 'python -m statement_lint.schemagen'"
    )


def _validator(filename):
    schema = json.loads((SCHEMAS / filename).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize(
    ("data", "schema"),
    [
        ("gazetteer.json", "gazetteer.schema.json"),
        ("profiles/osce.json", "profile.schema.json"),
        ("registry.json", "registry.schema.json"),
    ],
)
def test_shipped_data_validates(data, schema):
    document = json.loads((DATA / data).read_text(encoding="utf-8"))
    errors = list(_validator(schema).iter_errors(document))
    assert errors == []


def test_gazetteer_has_every_participating_state_once():
    gazetteer = json.loads((DATA / "gazetteer.json").read_text(encoding="utf-8"))
    states = [c for c in gazetteer["countries"] if c["role"] == "participating-state"]
    assert len(states) == 57
    names = [a["name"].lower() for c in gazetteer["countries"] for a in c["aliases"]]
    assert len(names) == len(set(names)), "an alias names two countries"


def test_a_broken_gazetteer_is_rejected_by_the_schema():
    broken = {
        "schema_version": 1,
        "countries": [{"id": "al", "name": "Albania", "role": "x", "aliases": []}],
    }
    assert list(_validator("gazetteer.schema.json").iter_errors(broken))


def test_json_report_validates(tmp_path, capsys):
    statement = ROOT / "tests" / "fixtures" / "statements" / "pc-del-1544-22-slips.txt"
    (tmp_path / "a.txt").write_bytes(statement.read_bytes())
    (tmp_path / "b.txt").write_bytes(b"\x00\x01")
    assert main(["--output-format", "json", str(tmp_path)], stdin=io.StringIO()) == 1
    report = json.loads(capsys.readouterr().out)
    assert list(_validator("report.schema.json").iter_errors(report)) == []
    assert report["summary"] == {"files": 2, "errors": 5, "warnings": 0}
    assert [d["code"] for d in report["diagnostics"]] == [
        "REF002",
        "DAT003",
        "LNG002",
        "DSC002",
        "DOC001",
    ]


def test_registry_statuses_are_in_order_without_gaps_or_overlaps():
    import datetime as dt

    registry = json.loads((DATA / "registry.json").read_text(encoding="utf-8"))
    gazetteer = json.loads((DATA / "gazetteer.json").read_text(encoding="utf-8"))
    known = {country["id"]: country for country in gazetteer["countries"]}
    for country in registry["countries"]:
        assert country["id"] in known
        statuses = country["statuses"]
        for before, after in itertools.pairwise(statuses):
            end = dt.date.fromisoformat(before["to"])
            # a span of doubt between two statuses is said with from_earliest, never left out
            begins = after.get("from_earliest", after["from"])
            assert dt.date.fromisoformat(begins) == end + dt.timedelta(days=1), country["id"]
        aliases = {alias["name"] for alias in known[country["id"]]["aliases"]}
        for name in country.get("names", []):
            assert name["name"] in aliases, (country["id"], name["name"])


def test_every_dated_fact_names_its_source():
    registry = json.loads((DATA / "registry.json").read_text(encoding="utf-8"))
    for country in registry["countries"]:
        for status in country["statuses"]:
            assert status.get("source"), (country["id"], status)
    profile = json.loads((DATA / "profiles" / "osce.json").read_text(encoding="utf-8"))
    for convention in [*profile["alignment"]["closing"], *profile["disclaimer_required"]]:
        assert convention.get("source"), convention


def test_registry_reaches_back_to_2004_and_covers_the_countries_of_that_time():
    registry = json.loads((DATA / "registry.json").read_text(encoding="utf-8"))
    assert registry["coverage"] == {"from": "2004-05-01", "checked": "2026-11-01"}
    ids = {country["id"] for country in registry["countries"]}
    assert {"BG", "RO", "HR", "MK", "CS", "TR", "IS", "ME", "RS", "AL"} <= ids
    # each country's record starts by 1 May 2004 (a status without `from` held already)
    # or when it came to align as a state of its own (Montenegro and Serbia, June 2006)
    for country in registry["countries"]:
        first = country["statuses"][0]
        begins = first.get("from_earliest", first.get("from", "2004-05-01"))
        assert begins <= "2004-05-01" or country["id"] in ("ME", "RS"), country["id"]


def test_a_profile_with_one_closing_formula_and_no_disclaimer_dates_still_loads():
    # Profiles written before the dated conventions: one formula, the disclaimer always required.
    import datetime as dt

    from statement_lint.reference.profile import Profile
    from statement_lint.reference.validation import validate

    profile = json.loads((DATA / "profiles" / "osce.json").read_text(encoding="utf-8"))
    profile["alignment"]["closing"] = "align themselves with this statement."
    del profile["disclaimer_required"]
    assert list(_validator("profile.schema.json").iter_errors(profile)) == []
    loaded = validate(Profile, profile)
    day = dt.date(2005, 3, 1)
    assert loaded.alignment.closings(day, day) == (["align themselves with this statement."], True)
    assert loaded.disclaimer_required_between(day, day)
