"""The data-driven rule cases in tests/cases/*.toml: exact (code, line) pairs."""

import pytest

from conftest import load_cases
from statement_lint import Linter
from statement_lint.readers import read_path

CASES = load_cases()
LINTER = Linter()


@pytest.mark.parametrize("case", CASES, ids=[f"{c.source}-{c.rule}" for c in CASES])
def test_case(case, tmp_path):
    path = tmp_path / "statement.txt"
    path.write_bytes(case.content())
    found = sorted(f"{d.code}:{d.line}" for d in LINTER.lint_document(read_path(str(path))))
    assert found == sorted(case.expect)
