"""The data-driven rule cases in tests/cases/*.toml (fields in tests/cases/README.md), through
the command line, so that suppression and selection apply as they do for users.

Each case runs with only its own rule selected (or what its `select` says), and the exact
`CODE:line` diagnostics are compared; where the case says, their columns, their messages and
the text `--fix` leaves. The five clean layouts are linted with every rule on, and give nothing.
"""

import io
import json

import pytest

from conftest import FIXTURES, LAYOUTS, load_cases
from statement_lint.cli import main

CASES = load_cases()


def run(case, path: str, capsys, *extra: str) -> list[dict]:
    """The diagnostics of the case's statement, written at `path` and linted as the case says."""
    # DOC003 (statement-lint failed on the file) is shown whatever the case selects.
    select = ["--select", ",".join(case.select), "--extend-select", "DOC003"]
    arguments = ["--isolated", "--output-format", "json", "-q", *select, *case.arguments]
    status = main([*arguments, *extra, path], stdin=io.StringIO())
    out, err = capsys.readouterr()
    assert status in (0, 1), f"statement-lint failed or refused the case: {err}{out}"
    return json.loads(out)["diagnostics"]


def keyed(diagnostic: dict) -> str:
    return f"{diagnostic['code']}:{diagnostic['line']}"


@pytest.mark.parametrize("case", CASES, ids=[f"{c.source}-{c.rule}" for c in CASES])
def test_case(case, tmp_path, capsys, monkeypatch):
    assert case.problems() == [], case.source
    monkeypatch.chdir(tmp_path)
    (tmp_path / case.filename).write_bytes(case.content())
    found = run(case, case.filename, capsys)
    assert sorted(keyed(d) for d in found) == sorted(case.expect)
    if case.columns is not None:
        check_columns(case, found)
    if case.messages is not None:
        check_messages(case, found)
    if case.fixed() is not None:
        copy = tmp_path / "fixed" / case.filename
        copy.parent.mkdir()
        copy.write_bytes(case.content())
        run(case, f"fixed/{case.filename}", capsys, "--fix")
        encoding = case.spec.get("encoding", "utf-8")
        assert copy.read_bytes().decode(encoding) == case.fixed().decode(encoding)
        assert copy.read_bytes() == case.fixed()  # line ends and byte-order mark too


def check_columns(case, found: list[dict]) -> None:
    if isinstance(case.spec["column"], int):
        first = next(d for d in found if keyed(d) == case.expect[0])  # the leftmost
        assert first["column"] == case.columns[0], f"the column of {case.expect[0]}"
        return
    pairs = sorted(zip(case.expect, case.columns, strict=True))
    assert sorted((keyed(d), d["column"]) for d in found) == pairs


def check_messages(case, found: list[dict]) -> None:
    if isinstance(case.spec["message"], str):
        own = [d for d in found if d["code"] == case.rule]
        assert own, "`message` in a case that expects no diagnostic of its rule"
        for diagnostic in own:
            assert case.messages[0] in diagnostic["message"]
        return
    left = list(found)
    for key, wanted in zip(case.expect, case.messages, strict=True):
        match = next((d for d in left if keyed(d) == key and wanted in d["message"]), None)
        assert match is not None, f"no {key} diagnostic says {wanted!r}"
        left.remove(match)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_clean_layouts_give_nothing_with_every_rule(layout, capsys):
    """The all-rules suite: a rule that fires on a clean statement fails here."""
    path = FIXTURES / "layouts" / f"{layout}.txt"
    status = main(["--isolated", "--select", "ALL", "--output-format", "json", "-q", str(path)])
    assert json.loads(capsys.readouterr().out)["diagnostics"] == []
    assert status == 0
