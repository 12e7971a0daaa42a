"""The data-driven rule cases in tests/cases/*.toml: exact (code, line) pairs, through the
command line (so that suppression and selection apply as they do for users)."""

import io
import json

import pytest

from conftest import load_cases
from statement_lint.cli import main

CASES = load_cases()


@pytest.mark.parametrize("case", CASES, ids=[f"{c.source}-{c.rule}" for c in CASES])
def test_case(case, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / case.filename).write_bytes(case.content())
    arguments = ["--isolated", "--output-format", "json", "-q", *case.arguments, case.filename]
    main(arguments, stdin=io.StringIO())
    report = json.loads(capsys.readouterr().out)
    found = sorted(f"{d['code']}:{d['line']}" for d in report["diagnostics"])
    assert found == sorted(case.expect)
