"""Real layouts: composed statements in the shapes of real circulated documents give exactly
what their manifest says, as text, Word and PDF; and no message ever spans two lines."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from documents import write_text_docx, write_text_pdf
from statement_lint.config.settings import Settings
from statement_lint.engine import Engine
from statement_lint.readers import read_path

REAL = Path(__file__).parent / "fixtures" / "real"
FIXTURES = Path(__file__).parent / "fixtures"
FORMATS = ("txt", "docx", "pdf")
ENGINE = Engine()
# A message is one line of text: no control character (line ends among them), no separator.
UNPRINTABLE = re.compile("[\\x00-\\x1f\\x7f-\\x9f\\u2028\\u2029]")


def manifest() -> list[dict]:
    entries = []
    for path in sorted(REAL.glob("*.toml")):
        with path.open("rb") as handle:
            for entry in tomllib.load(handle).get("fixture", []):
                entries.append({**entry, "manifest": path.name})
    return entries


ENTRIES = manifest()


def lint(path: Path) -> list:
    return ENGINE.lint(read_path(str(path)), Settings()).diagnostics


def built(entry: dict, form: str, folder: Path) -> Path:
    source = REAL / entry["file"]
    if form == "txt":
        return source
    target = folder / f"{source.stem}.{form}"
    text = source.read_text(encoding="utf-8")
    return write_text_docx(text, target) if form == "docx" else write_text_pdf(text, target)


def test_every_fixture_is_listed_once():
    listed = sorted(entry["file"] for entry in ENTRIES)
    assert listed == sorted(set(listed))
    assert sorted(p.name for p in REAL.glob("*.txt")) == listed


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e["file"])
def test_text_gives_exactly_what_is_expected(entry):
    found = [f"{d.code}:{d.line}" for d in lint(REAL / entry["file"])]
    assert found == entry["expect"], entry.get("why", "")


@pytest.mark.parametrize(
    ("entry", "form"),
    [(e, form) for e in ENTRIES for form in e.get("formats", FORMATS) if form != "txt"],
    ids=lambda value: value["file"] if isinstance(value, dict) else value,
)
def test_word_and_pdf_give_the_same_codes(entry, form, tmp_path):
    expected = sorted(item.split(":")[0] for item in entry["expect"])
    found = sorted(d.code for d in lint(built(entry, form, tmp_path)))
    assert found == expected, entry.get("why", "")


ALL_TEXT_FIXTURES = sorted(FIXTURES.rglob("*.txt")) + sorted(FIXTURES.rglob("*.md"))


@pytest.mark.parametrize("path", ALL_TEXT_FIXTURES, ids=lambda p: str(p.relative_to(FIXTURES)))
def test_no_message_spans_two_lines(path, tmp_path):
    text = path.read_text(encoding="utf-8", errors="replace")
    paths = [
        path,
        write_text_docx(text, tmp_path / "x.docx"),
        write_text_pdf(text, tmp_path / "x.pdf"),
    ]
    for document in paths:
        for diagnostic in lint(document):
            assert not UNPRINTABLE.search(diagnostic.message), diagnostic
