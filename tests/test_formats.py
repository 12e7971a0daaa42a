"""Every output format on the same fixture set, against golden files, and against the real
clients' rules: the SARIF 2.1.0 schema (and Microsoft's SARIF validator where installed), an
XML parser for JUnit, GitHub's escaping, GitLab's unique fingerprints.

Regenerate the golden files after an intended change with
    STATEMENT_LINT_UPDATE_GOLDEN=1 pytest tests/test_formats.py
and review the diff. The SARIF golden file holds the results and the rules they refer to, not
every rule's documentation, so that a new rule does not change it.
"""

import io
import json
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from statement_lint.cli import main
from statement_lint.diagnostic import Diagnostic, Severity
from statement_lint.report import ReportInput, RunSummary
from statement_lint.report.github import escape_data
from statement_lint.report.github import write as write_github
from statement_lint.rules import all_rules

TESTS = Path(__file__).parent
GOLDEN = TESTS / "golden"
FORMATS = ["concise", "full", "json", "sarif", "github", "gitlab", "junit"]
SUFFIX = {"json": "json", "sarif": "sarif", "gitlab": "json", "junit": "xml"}


@pytest.fixture
def statements(tmp_path, monkeypatch):
    """The fixture set: the example statements, clean and with slips, in a working directory."""
    for source in sorted((TESTS / "fixtures" / "statements").glob("*.txt")):
        shutil.copy(source, tmp_path / source.name)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("STATEMENT_LINT_OUTPUT_FORMAT", raising=False)
    return tmp_path


def render(capsys, *arguments):
    status = main(["--isolated", "-q", *arguments, "."], stdin=io.StringIO())
    return status, capsys.readouterr().out


@pytest.mark.parametrize("output_format", FORMATS)
def test_golden(statements, capsys, output_format):
    status, out = render(capsys, "--output-format", output_format, "--color", "never")
    assert status == 1
    golden = GOLDEN / f"statements.{output_format}.{SUFFIX.get(output_format, 'txt')}"
    if output_format == "sarif":
        out = sarif_of_the_results(out)
    if os.environ.get("STATEMENT_LINT_UPDATE_GOLDEN"):
        golden.write_text(out, encoding="utf-8")
    assert out == golden.read_text(encoding="utf-8")


def sarif_of_the_results(out: str) -> str:
    """The SARIF log with only the rules its results refer to (their `ruleIndex` renumbered):
    what the golden file compares. That every rule is described is checked below."""
    log = json.loads(out)
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    used = {result["ruleId"] for result in run["results"]}
    kept = [rule for rule in rules if rule["id"] in used]
    run["tool"]["driver"]["rules"] = kept
    index = {rule["id"]: position for position, rule in enumerate(kept)}
    for result in run["results"]:
        result["ruleIndex"] = index[result["ruleId"]]
    return json.dumps(log, indent=2, ensure_ascii=False)


def test_statistics(statements, capsys):
    status, out = render(capsys, "--statistics")
    assert status == 1
    assert out == (
        "1  ALN002  [*] footnote-country-not-marked\n"
        "1  DAT003  [*] nonstandard-date-format\n"
        "1  DSC002  [*] altered-disclaimer\n"
        "1  LNG002  [*] malformed-language-marker\n"
        "1  REF002      malformed-reference\n"
    )


def test_sarif_validates_against_the_sarif_2_1_0_schema(statements, capsys):
    _, out = render(capsys, "--output-format", "sarif")
    log = json.loads(out)
    schema = json.loads((TESTS / "fixtures" / "sarif" / "sarif-schema-2.1.0.json").read_text())
    assert [error.message for error in jsonschema.Draft4Validator(schema).iter_errors(log)] == []
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["informationUri"].startswith("https://")
    assert len(driver["rules"]) == len(all_rules())
    for rule in driver["rules"]:
        for key in ("shortDescription", "fullDescription", "help"):
            assert rule[key]["text"].strip()
    for result in run["results"]:
        location = result["locations"][0]["physicalLocation"]
        assert not location["artifactLocation"]["uri"].startswith(("/", "file:"))
        assert set(location["region"]) == {"startLine", "startColumn", "endLine", "endColumn"}
        assert result["partialFingerprints"]["primaryLocationLineHash"]
    assert "" not in _strings(log)


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _multitool() -> str | None:
    configured = os.environ.get("SARIF_MULTITOOL")
    if configured:
        return configured
    return shutil.which("sarif-multitool")


def test_sarif_passes_microsofts_validator(statements, capsys, tmp_path):
    tool = _multitool()
    if tool is None:
        if os.environ.get("CI"):
            pytest.fail("CI must install @microsoft/sarif-multitool (see .ci/run)")
        pytest.skip(
            "@microsoft/sarif-multitool is not installed (npm install it, or set SARIF_MULTITOOL)"
        )
    _, out = render(capsys, "--output-format", "sarif")
    log = tmp_path / "statements.sarif"
    log.write_text(out, encoding="utf-8")
    verdict = tmp_path / "verdict.sarif"
    subprocess.run(
        [tool, "validate", "--output", str(verdict), str(log)], check=True, capture_output=True
    )
    results = json.loads(verdict.read_text(encoding="utf-8-sig"))["runs"][0].get("results", [])
    assert [r for r in results if r.get("level") == "error"] == []


def test_junit_is_well_formed_xml_with_a_suite_per_file(statements, capsys):
    _, out = render(capsys, "--output-format", "junit")
    root = ET.fromstring(out.encode("utf-8"))
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == sorted(p.name for p in statements.glob("*.txt"))
    slips = next(s for s in suites if s.get("name") == "pc-del-1544-22-slips.txt")
    assert [c.get("name") for c in slips.findall("testcase")] == [
        "DOC document", "REF reference", "DAT date", "LNG language marker", "DSC disclaimer",
        "ALN alignment", "SUP suppression",
    ]  # fmt: skip
    failed = [c.get("name") for c in slips.findall("testcase") if c.find("failure") is not None]
    assert failed == ["REF reference", "DAT date", "LNG language marker", "DSC disclaimer"]
    assert root.get("failures") == "5"


def test_junit_survives_characters_xml_cannot_carry():
    diagnostic = _diagnostic(message='ALBANIA\x00\x07\ufffe < & > "quoted"')
    buffer = io.StringIO()
    from statement_lint.report.junit import write

    write(ReportInput([diagnostic], RunSummary(1, 1, 0), files=["a.txt"]), buffer)
    failure = ET.fromstring(buffer.getvalue()).find(".//failure")
    # Controls escaped as in the text formats; what XML cannot carry otherwise, replaced.
    assert failure.text == '3:2: ALN002 ALBANIA\\x00\\x07\ufffd < & > "quoted"\n'


def _diagnostic(**changes):
    values = {
        "path": "dir,1/a:b.txt", "line": 3, "column": 2, "end_line": 3, "end_column": 9,
        "code": "ALN002", "name": "footnote-country-not-marked", "severity": Severity.ERROR,
        "message": "50% done\r\nnext: line", "fingerprint": "0123456789abcdef",
    }  # fmt: skip
    values.update(changes)
    return Diagnostic(**values)


def test_github_escaping():
    buffer = io.StringIO()
    write_github(ReportInput([_diagnostic()], RunSummary(1, 1, 0)), buffer)
    # A line end is shown escaped, as in the concise format, then %-escaped as GitHub reads.
    assert buffer.getvalue() == (
        "::error file=dir%2C1/a%3Ab.txt,line=3,endLine=3,col=2,endColumn=9,"
        "title=ALN002 footnote-country-not-marked::50%25 done\\r\\nnext: line\n"
    )
    assert escape_data("50%\r\n") == "50%25%0D%0A"


def test_github_is_the_default_under_github_actions(statements, capsys, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    _, out = render(capsys)
    assert out.startswith("::error file=pc-del-1544-22-slips.txt,line=17,")
    monkeypatch.setenv("STATEMENT_LINT_OUTPUT_FORMAT", "concise")
    assert render(capsys)[1].startswith("pc-del-1544-22-slips.txt:17:1: REF002")


def test_output_format_variable(statements, capsys, monkeypatch):
    monkeypatch.setenv("STATEMENT_LINT_OUTPUT_FORMAT", "gitlab")
    assert json.loads(render(capsys)[1])[0]["check_name"] == "REF002"
    assert json.loads(render(capsys, "--output-format", "json")[1])["schema_version"] == 1
    monkeypatch.setenv("STATEMENT_LINT_OUTPUT_FORMAT", "xml")
    assert main(["--isolated", "."]) == 2
    assert (
        "STATEMENT_LINT_OUTPUT_FORMAT=xml: choose one of concise, full" in capsys.readouterr().err
    )


def test_gitlab_fingerprints_are_unique_and_stable(statements, capsys):
    shutil.copy("pc-del-80-21-rev1.txt", "copy.txt")
    first = json.loads(render(capsys, "--output-format", "gitlab")[1])
    fingerprints = [issue["fingerprint"] for issue in first]
    assert len(fingerprints) == len(set(fingerprints))
    assert json.loads(render(capsys, "--output-format", "gitlab")[1]) == first
    for issue in first:
        assert set(issue) >= {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in ("major", "minor")
        assert isinstance(issue["location"]["lines"]["begin"], int)
