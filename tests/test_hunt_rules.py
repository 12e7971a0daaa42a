"""What a hunt for false positives found, at the rules: the grace window of the date-aware
rules (F1), revisions dated in a later year (U1), and messages that no longer call a line of
the body `the header` (F3)."""

from __future__ import annotations

from pathlib import Path

import pytest

from statement_lint import lint_text
from statement_lint.rules import rules_by_code
from statement_lint.rules._dated import GRACE

TOP = (Path(__file__).parent / "fixtures" / "layouts" / "top.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("code", ["ALN006", "ALN009", "ALN010", "ALN011"])
def test_each_date_aware_rule_documents_the_grace_window(code):
    checks = " ".join(rules_by_code()[code].section("What it checks").split())
    assert f"the grace window, the {GRACE.days} days up to the header date" in checks


def test_the_grace_window_is_two_weeks():
    assert GRACE.days == 14


def test_a_status_that_began_on_the_header_date_is_never_dated_by_it():
    # GEORGIA listed among the EFTA countries, where it never stood, on the day it became a
    # candidate: the message names both slots of the window, and no `since` that day.
    text = TOP.replace("PC.DEL/1544/23", "PC.DEL/1620/23").replace(
        "16 November 2023", "14 December 2023"
    )
    text = text.replace("LIECHTENSTEIN and NORWAY", "LIECHTENSTEIN, NORWAY and GEORGIA")
    text = text.replace("as well as GEORGIA, ANDORRA", "as well as ANDORRA")
    [diagnostic] = lint_text(text)
    assert diagnostic.code == "ALN011"
    assert diagnostic.message == (
        "GEORGIA was listed under 'as well as' until 13 December 2023, then a candidate country; "
        "this statement is dated 14 December 2023: list it under 'as well as', or list it "
        "among the Candidate Countries"
    )


def test_two_symbols_of_one_header_block():
    text = TOP.replace("PC.DEL/1544/23\n", "PC.DEL/1544/23\nPC.DEL/1545/23\n")
    [diagnostic] = lint_text(text)
    assert diagnostic.message == (
        "the header carries two document symbols: PC.DEL/1544/23 (line 1) and PC.DEL/1545/23; "
        "a statement has one symbol: correct the wrong one"
    )


def test_two_header_blocks_far_apart_are_not_called_the_header():
    copy = "\nPC.DEL/1545/23\n16 November 2023\nENGLISH only\n"
    [diagnostic] = lint_text(TOP + copy)
    assert (diagnostic.code, diagnostic.line) == ("REF004", 20)
    assert diagnostic.message.startswith(
        "two header blocks carry different document symbols: PC.DEL/1544/23 (line 1) and "
        "PC.DEL/1545/23;"
    )


@pytest.mark.parametrize(
    ("symbol", "date", "expected"),
    [
        ("PC.DEL/1650/23/Rev.1", "8 January 2024", []),
        ("PC.DEL/1650/23/Corr.1", "8 January 2024", []),
        ("PC.DEL/1650/23/Add.1", "2 March 2025", []),
        ("PC.DEL/1650/23/Rev.1", "8 January 2023", []),
        ("PC.DEL/1650/23/Rev.1", "8 December 2022", ["REF003"]),
        ("PC.DEL/1650/23", "8 January 2024", ["REF003"]),
    ],
)
def test_a_revision_keeps_its_base_documents_year(symbol, date, expected):
    header = f"{symbol}\n{date}\nENGLISH only\n"
    text = TOP.replace("PC.DEL/1544/23\n16 November 2023\nENGLISH only\n", header)
    found = [d.code for d in lint_text(text) if d.code.startswith("REF")]
    assert found == expected


def test_a_revision_dated_before_its_year_says_so():
    text = TOP.replace("PC.DEL/1544/23", "PC.DEL/1544/24/Rev.1")
    [diagnostic] = [d for d in lint_text(text) if d.code == "REF003"]
    assert diagnostic.message == (
        "document symbol PC.DEL/1544/24/Rev.1 revises a document of 2024, but the header date "
        "16 November 2023 is in 2023, before it"
    )
