from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest

TESTS = Path(__file__).parent
FIXTURES = TESTS / "fixtures"
LAYOUTS = ("top", "bottom", "middle", "flat", "split")

# The keys a rule case may have (tests/cases/README.md); any other is a typo, and an error.
STATEMENT_KEYS = {"fixture", "replace", "sub", "content", "content_hex"}
CASE_KEYS = STATEMENT_KEYS | {
    "rule", "expect", "select", "arguments", "filename", "encoding", "newline",
    "column", "message", "fixed",
}  # fmt: skip


def statement_text(spec: dict, source: str) -> str:
    """The text a statement description gives: `content`, or a `fixture` changed by `replace`
    and `sub` (each must change something)."""
    if "content" in spec:
        return spec["content"]
    text = (FIXTURES / spec["fixture"]).read_text(encoding="utf-8")
    for old, new in spec.get("replace", []):
        assert old in text, f"{source}: {old!r} is not in {spec['fixture']}"
        text = text.replace(old, new, 1)
    for pattern, replacement in spec.get("sub", []):
        text, count = re.subn(pattern, replacement, text, count=1, flags=re.S | re.M)
        assert count, f"{source}: {pattern!r} matches nothing in {spec['fixture']}"
    return text


@dataclass(frozen=True)
class Case:
    source: str  # cases file and index, for the test id
    rule: str
    expect: list[str]
    spec: dict

    @property
    def filename(self) -> str:
        return self.spec.get("filename", "statement.txt")

    @property
    def arguments(self) -> list[str]:
        return self.spec.get("arguments", [])

    @property
    def select(self) -> list[str]:
        """The codes, prefixes or ALL the case runs with: by default its own rule only."""
        return self.spec.get("select", [self.rule])

    @property
    def columns(self) -> list[int] | None:
        """The expected columns, parallel to `expect` (an int: the first entry's only)."""
        column = self.spec.get("column")
        return [column] if isinstance(column, int) else column

    @property
    def messages(self) -> list[str] | None:
        """Substrings of the messages: one for every diagnostic of the case's rule, or a list
        parallel to `expect`."""
        message = self.spec.get("message")
        return [message] if isinstance(message, str) else message

    def content(self) -> bytes:
        if "content_hex" in self.spec:
            return bytes.fromhex(self.spec["content_hex"])
        return self.encoded(statement_text(self.spec, self.source))

    def fixed(self) -> bytes | None:
        """The file's exact content after --fix, when the case says (`fixed`: the text, or a
        table that describes it as a statement is described); None otherwise."""
        fixed = self.spec.get("fixed")
        if fixed is None:
            return None
        text = fixed if isinstance(fixed, str) else statement_text(fixed, f"{self.source} fixed")
        return self.encoded(text)

    def encoded(self, text: str) -> bytes:
        text = text.replace("\n", self.spec.get("newline", "\n"))
        return text.encode(self.spec.get("encoding", "utf-8"))

    def problems(self) -> list[str]:
        """What is wrong with the case itself (unknown keys, fields that do not fit)."""
        spec = self.spec
        found = [f"unknown key {key!r}" for key in sorted(set(spec) - CASE_KEYS)]
        if isinstance(spec.get("fixed"), dict):
            unknown = sorted(set(spec["fixed"]) - STATEMENT_KEYS)
            found += [f"fixed: unknown key {key!r}" for key in unknown]
        if "--select" in self.arguments:
            found.append("say `select = [...]`, not `--select` in arguments")
        if not any(self.rule.startswith(s) or s == "ALL" for s in self.select):
            found.append(f"select {self.select} does not run the case's rule {self.rule}")
        for key, values in (("column", self.columns), ("message", self.messages)):
            if isinstance(spec.get(key), list) and len(values) != len(self.expect):
                found.append(f"{key} has {len(values)} entries, expect {len(self.expect)}")
        if self.columns is not None and not self.expect:
            found.append("column without an expected diagnostic")
        return found


def load_cases() -> list[Case]:
    cases = []
    for path in sorted((TESTS / "cases").glob("*.toml")):
        with path.open("rb") as handle:
            for index, spec in enumerate(tomllib.load(handle)["case"], start=1):
                cases.append(Case(f"{path.stem}-{index}", spec["rule"], spec["expect"], spec))
    return cases


def without_pointers(error: str) -> str:
    """A config error's own lines, without the line of the file and the caret under it (what
    tests/test_daily_use.py checks)."""
    lines = error.splitlines(keepends=True)
    kept = [line for index, line in enumerate(lines)
            if not re.match(r"  \d+ \| ", line)
            and not (index and re.match(r"  \d+ \| ", lines[index - 1]))]  # fmt: skip
    return "".join(kept)


@pytest.fixture
def times_settled(monkeypatch):
    """Files written by a test a moment ago count as settled for the result cache: a file's
    change time cannot be set back, so without this every test file is "racy" (its entry
    keeps no times, and each run compares the hash)."""
    monkeypatch.setattr("statement_lint.run.cache.RACY_NS", 0)


# The result cache's database, as tests read and damage it.
_COLUMNS = ("size", "mtime", "ctime", "sha256", "value")


def cache_database(cache_dir: Path) -> Path:
    """The cache's database file (under the version's folder)."""
    [found] = list(Path(cache_dir).glob("*/cache.sqlite3"))
    return found


def cache_entries(cache_dir: Path, kind: str = "lint") -> dict[str, dict]:
    """name -> the entry (size, mtime, ctime, sha256, value as JSON) of each file cached."""
    import contextlib
    import json
    import sqlite3

    with sqlite3.connect(cache_database(cache_dir)) as database:
        rows = database.execute(
            f"SELECT name, {', '.join(_COLUMNS)} FROM entries WHERE kind = ?", (kind,)
        ).fetchall()
    entries = {
        os.fsdecode(name): dict(zip(_COLUMNS, values, strict=True)) for name, *values in rows
    }
    for entry in entries.values():
        with contextlib.suppress(TypeError, ValueError):  # damaged by a test: kept as it is
            entry["value"] = json.loads(entry["value"])
    return entries


def change_cache_entry(cache_dir: Path, name: str, kind: str = "lint", **columns) -> None:
    """Set columns of a file's entry; `value` is written as JSON unless it is a str."""
    import json
    import sqlite3

    if "value" in columns and not isinstance(columns["value"], str):
        columns["value"] = json.dumps(columns["value"])
    assignments = ", ".join(f"{column} = ?" for column in columns)
    with sqlite3.connect(cache_database(cache_dir)) as database:
        changed = database.execute(
            f"UPDATE entries SET {assignments} WHERE kind = ? AND name = ?",
            (*columns.values(), kind, os.fsencode(name)),
        ).rowcount
    assert changed == 1, f"no {kind} entry for {name}"
