"""Adding a rule touches its module, its cases file and the generated README table: nothing else.

A throwaway rule (REF901) is written in a temporary folder, with its cases, into a copy of the
repository's tests/, README.md and docs/ (the package itself is not copied and not changed); a
small pytest plugin puts the folder on `statement_lint.rules.__path__` before the registry
loads, as if the module sat in lint/statement_lint/rules/. The copied README's rule table is
regenerated as docs/contributing.md says; then the tests that enumerate rules must pass, and
must have tested the new rule.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parent.parent

RULE = '''\
from statement_lint.model import quoted
from statement_lint.diagnostic import Severity
from statement_lint.rules import Context, Finding, rule


@rule("REF901", "symbol-with-ninety-nine-revisions", Severity.WARNING)
def symbol_with_ninety_nine_revisions(ctx: Context):
    """A document symbol in the header claims a ninety-ninth revision.

    ## What it checks
    That no document symbol of the header ends in `/Rev.99`.

    ## Why
    No statement is revised ninety-nine times: `/Rev.99` is a placeholder left from a template,
    and the circulated symbol would point at no document.

    ## Failing example
        PC.DEL/1544/23/Rev.99
        16 November 2023

    ## Passing example
        PC.DEL/1544/23/Rev.1
        16 November 2023
    """
    for symbol in ctx.statement.symbols:
        if symbol.text.endswith("/Rev.99"):
            yield Finding(
                symbol.span,
                f"document symbol {quoted(symbol.text)} claims 99 revisions: write the "
                "revision it is",
            )
'''

CASES = """\
# REF901 symbol-with-ninety-nine-revisions
[[case]]
rule = "REF901"
fixture = "layouts/top.txt"
replace = [["PC.DEL/1544/23", "PC.DEL/1544/23/Rev.99"]]
expect = ["REF901:1"]
column = 1
message = "claims 99 revisions"

[[case]]
rule = "REF901"
fixture = "layouts/top.txt"
replace = [["PC.DEL/1544/23", "PC.DEL/1544/23/Rev.9"]]
expect = []
"""

# Loaded with `-p`: the rules in `extra_rules/` join the package's before the registry loads.
PLUGIN = """\
from pathlib import Path

import statement_lint.rules

statement_lint.rules.__path__.append(str(Path(__file__).parent / "extra_rules"))
"""

# The tests that a new rule could break: those that enumerate the rules, or lint with all of
# them on (the clean layouts, the real layouts, the golden files).
ENUMERATING = (
    "test_rule_cases.py",
    "test_rules_meta.py",
    "test_formats.py",
    "test_real_layouts.py",
    "test_cli.py",
)


def python(folder: Path, *arguments: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(folder)}
    env.pop("STATEMENT_LINT_UPDATE_GOLDEN", None)
    return subprocess.run(
        [sys.executable, *arguments], cwd=folder, env=env, capture_output=True, text=True
    )


def test_a_new_rule_needs_its_module_its_cases_and_the_readme_table(tmp_path):
    ignored = shutil.ignore_patterns("__pycache__", ".hypothesis", ".pytest_cache")
    shutil.copytree(ROOT / "tests", tmp_path / "tests", ignore=ignored)
    shutil.copytree(ROOT / "docs", tmp_path / "docs", ignore=ignored)
    shutil.copy(ROOT / "README.md", tmp_path / "README.md")
    # 1. The rule's module, where the registry finds it.
    (tmp_path / "extra_rules").mkdir()
    (tmp_path / "extra_rules" / "ref901_symbol_with_ninety_nine_revisions.py").write_text(RULE)
    (tmp_path / "add_rule_plugin.py").write_text(PLUGIN)
    # 2. Its cases.
    (tmp_path / "tests" / "cases" / "ref901.toml").write_text(CASES)
    # 3. The README table, regenerated.
    table = python(
        tmp_path,
        "-c",
        "import add_rule_plugin, sys; from statement_lint.cli import main; "
        "sys.exit(main(['rule', '--all', '--output-format', 'markdown']))",
    )
    assert table.returncode == 0, table.stderr
    assert "| REF901 | symbol-with-ninety-nine-revisions | warning |" in table.stdout
    readme = (tmp_path / "README.md").read_text(encoding="utf-8")
    before, rest = readme.split("<!-- rules:start -->\n", 1)
    after = rest.split("<!-- rules:end -->", 1)[1]
    readme = f"{before}<!-- rules:start -->\n{table.stdout}<!-- rules:end -->{after}"
    (tmp_path / "README.md").write_text(readme, encoding="utf-8")

    tests = [f"tests/{name}" for name in ENUMERATING]
    run = python(tmp_path, "-m", "pytest", "-p", "add_rule_plugin", "-p", "no:cacheprovider",
                 "-v", *tests)  # fmt: skip
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
    for test in (
        "test_rule_is_documented[REF901] PASSED",
        "test_rule_has_failing_and_passing_cases[REF901] PASSED",
        "test_case[ref901-1-REF901] PASSED",
        "test_case[ref901-2-REF901] PASSED",
    ):
        assert test in run.stdout, f"the new rule was not tested: {test} missing"
