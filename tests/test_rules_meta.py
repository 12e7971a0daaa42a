"""Every rule is documented, has cases that fail and pass it, and is in the README table;
the codes released keep their names; a rule that fixes says so, and only such a rule fixes.

Nothing here lists the rules: a new rule needs only its module, its cases and the README table.
"""

import re
from pathlib import Path

import pytest

import statement_lint.engine
from conftest import FIXTURES, load_cases
from statement_lint.cli.commands import rule_table
from statement_lint.config.settings import Settings
from statement_lint.engine import Engine
from statement_lint.readers import read_path
from statement_lint.records import replace
from statement_lint.rules import (
    CODE_PATTERN,
    DOC_SECTIONS,
    FAMILIES,
    FIX_SECTION,
    all_rules,
    rule_codes,
    rules_by_code,
)

RULES = all_rules()
CASES = load_cases()
README = Path(__file__).parent.parent / "README.md"

CONTRACT = {
    "DOC001": "unreadable-document",
    "DOC002": "empty-document",
    "REF001": "missing-reference",
    "REF002": "malformed-reference",
    "REF003": "reference-year-mismatch",
    "REF004": "conflicting-references",
    "DAT001": "missing-date",
    "DAT002": "invalid-date",
    "DAT003": "nonstandard-date-format",
    "LNG001": "missing-language-marker",
    "LNG002": "malformed-language-marker",
    "LNG003": "contradictory-language-marker",
    "DSC001": "missing-disclaimer",
    "DSC002": "altered-disclaimer",
    "ALN001": "marked-country-missing-from-footnote",
    "ALN002": "footnote-country-not-marked",
    "ALN003": "footnote-country-not-aligned",
    "ALN004": "missing-footnote",
    "ALN005": "country-name-mismatch",
    "ALN006": "outdated-country-name",
    "ALN007": "duplicate-country",
    "SUP001": "unused-suppression",
    "SUP002": "invalid-suppression",
    "ALN008": "unknown-country",
    "ALN009": "marker-on-non-sap-country",
    "ALN010": "sap-country-not-marked",
    "ALN011": "wrong-slot-for-date",
    "ALN012": "wrong-closing-formula",
    "ALN013": "unknown-co-sponsor",
    "LNG004": "body-language-mismatch",
    "DOC003": "internal-error",
    "DOC004": "no-statement-header",
}
# Rules no document can trigger on purpose: their cases are elsewhere.
TESTED_ELSEWHERE = {"DOC003": "tests/test_run_safety.py injects a failure"}


def test_codes_are_the_public_contract():
    # Codes released (CONTRACT, the record) are never renumbered, reused or removed: each still
    # exists, under its name. A new rule is allowed without an entry; add it once released.
    names = {r.code: r.name for r in RULES}
    assert {code: names.get(code) for code in CONTRACT} == CONTRACT
    assert len(set(names.values())) == len(names), "two rules share a name"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_is_documented(rule):
    assert CODE_PATTERN.match(rule.code)
    assert rule.code[:3] in FAMILIES, f"a new family {rule.code[:3]}: name it in rules.FAMILIES"
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name)
    assert rule.summary.endswith("."), "the docstring opens with a one-sentence summary"
    for title in DOC_SECTIONS:
        assert rule.section(title), f"{rule.code} lacks a '## {title}' section"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_a_rule_documents_its_fix_if_and_only_if_it_is_fixable(rule):
    if rule.fixable:
        assert rule.section(FIX_SECTION), f"{rule.code} is fixable: say what --fix does (## Fix)"
        fixed = [c for c in CASES if c.rule == rule.code and "fixed" in c.spec]
        assert fixed, f"{rule.code} is fixable: give a case in tests/cases a `fixed` text"
    else:
        assert not re.search(rf"^## {FIX_SECTION}$", rule.doc, re.M), (
            f"{rule.code} has a '## {FIX_SECTION}' section: @rule(..., fixable=True) if it fixes"
        )


def test_a_fix_from_a_rule_not_declared_fixable_is_a_bug(monkeypatch):
    # ALN002 fixes the seed statement; declared not fixable, its fix makes the file fail (DOC003).
    undeclared = replace(rules_by_code()["ALN002"], fixable=False)
    monkeypatch.setattr(statement_lint.engine, "enabled_rules", lambda settings: (undeclared,))
    document = read_path(str(FIXTURES / "statements" / "pc-del-80-21-rev1.txt"))
    outcome = Engine().lint(document, Settings())
    assert outcome.failure is not None
    assert "ALN002 gave a fix, but its @rule does not say fixable=True" in outcome.failure


@pytest.mark.parametrize(
    "rule", [r for r in RULES if r.code not in TESTED_ELSEWHERE], ids=lambda r: r.code
)
def test_rule_has_failing_and_passing_cases(rule):
    if rule.stage == "archive":  # cases across documents: tests/test_register.py
        from test_register import ARCHIVE_CASES

        assert {True, False} <= {fails for code, fails in ARCHIVE_CASES if code == rule.code}
        return
    own = [case for case in CASES if case.rule == rule.code]
    failing = [c for c in own if any(e.startswith(rule.code + ":") for e in c.expect)]
    passing = [c for c in own if not any(e.startswith(rule.code + ":") for e in c.expect)]
    assert failing, f"{rule.code} has no failing case in tests/cases"
    assert passing, f"{rule.code} has no passing case in tests/cases"


def test_readme_rule_table_is_generated_from_the_docstrings():
    readme = README.read_text(encoding="utf-8")
    table = readme.split("<!-- rules:start -->\n", 1)[1].split("<!-- rules:end -->", 1)[0]
    assert table == rule_table(RULES), (
        "README rule table is stale: regenerate it with "
        "'statement-lint rule --all --output-format markdown'"
    )


def test_rule_codes_from_module_names_are_the_registered_codes():
    # Config files are checked against the module names, without importing the rules.
    assert rule_codes() == tuple(rule.code for rule in all_rules())
