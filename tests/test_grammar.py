"""The grammars of header tokens: symbols, dates, language markers."""

import datetime as dt

import pytest

from statement_lint.parse.dates import DateReader
from statement_lint.parse.language import MarkerReader
from statement_lint.parse.symbols import check_symbol
from statement_lint.reference import default_profile

PROFILE = default_profile()


@pytest.mark.parametrize(
    "symbol",
    [
        "PC.DEL/80/21",
        "PC.DEL/1819/20/Rev.2",
        "FSC.DEL/25/21/Add.1",
        "MC.DEL/52/09/Corr.1",
        "PC.JOUR/1296",
        "PC.DEC/1379",
        "MC(23).JOUR/2/Corr.1",
        "SEC.GAL/122/20",
        "PC.DEL/80/21*",
        "PC.DEL/80/21/Rev.1/Corr.2",
    ],
)
def test_well_formed_symbols(symbol):
    assert check_symbol(symbol, PROFILE.symbol).problems == []


@pytest.mark.parametrize(
    ("symbol", "problems", "corrected"),
    [
        ("PC.DEL/80/2021", ["the year has two digits (21, not 2021)"], "PC.DEL/80/21"),
        ("PC DEL/80/21", ["a full stop separates body and type"], "PC.DEL/80/21"),
        ("PC.Del/80/21", ["the type is written in capitals (DEL)"], "PC.DEL/80/21"),
        ("PC.DEL/080/21", ["the number has no leading zeros (80)"], "PC.DEL/80/21"),
        ("PC.DEL/80/21/Rev1", ["write the suffix as /Rev.1"], "PC.DEL/80/21/Rev.1"),
        ("PC.DEL/80/21/rev.1", ["write the suffix as /Rev.1"], "PC.DEL/80/21/Rev.1"),
        ("PC.DEL/80", ["a DEL symbol needs its two-digit year (/DEL/NUMBER/YY)"], None),
        ("PC.JOUR/1296/21", ["a PC.JOUR symbol carries no year"], None),
        (
            "XY.DEL/1/21",
            ["unknown body 'XY' (known: " + ", ".join(PROFILE.symbol.bodies) + ")"],
            None,
        ),
        (
            "PC.DEL/1/21/Amend.1",
            ["unknown suffix '/Amend.1' (known: /Rev.n, /Corr.n, /Add.n)"],
            None,
        ),
    ],
)
def test_malformed_symbols(symbol, problems, corrected):
    check = check_symbol(symbol, PROFILE.symbol)
    assert (check.problems, check.corrected) == (problems, corrected)


def test_symbol_year():
    assert check_symbol("PC.DEL/80/21", PROFILE.symbol).year == 2021
    assert check_symbol("PC.DEL/80/99", PROFILE.symbol).year == 1999


DATES = DateReader(PROFILE.date.languages)


@pytest.mark.parametrize(
    ("text", "value", "standard", "problem", "standard_form"),
    [
        ("22 February 2021", dt.date(2021, 2, 22), True, None, "22 February 2021"),
        ("February 22, 2021", dt.date(2021, 2, 22), False, None, "22 February 2021"),
        ("22.02.2021", dt.date(2021, 2, 22), False, None, "22 February 2021"),
        ("22nd February 2021", dt.date(2021, 2, 22), False, None, "22 February 2021"),
        ("22 Feb 2021", dt.date(2021, 2, 22), False, None, "22 February 2021"),
        ("22 February, 2021", dt.date(2021, 2, 22), False, None, "22 February 2021"),
        ("08 July 2021", dt.date(2021, 7, 8), False, None, "8 July 2021"),
        ("2021-07-08", dt.date(2021, 7, 8), False, None, "8 July 2021"),
        ("31 April 2021", None, False, "April 2021 has 30 days, not 31", None),
        ("22 Febuary 2021", None, False, "unknown month 'Febuary' (did you mean February?)", None),
        ("13.13.2021", None, False, "there is no month 13", None),
    ],
)
def test_dates(text, value, standard, problem, standard_form):
    reading = DATES.read(text)
    assert (reading.value, reading.standard, reading.problem, reading.standard_form) == (
        value,
        standard,
        problem,
        standard_form,
    )


MARKERS = MarkerReader(PROFILE.languages)


@pytest.mark.parametrize(
    ("text", "form", "contradiction", "problem", "suggestion"),
    [
        ("ENGLISH only", "only", None, None, None),
        ("Original: ENGLISH", "original", None, None, None),
        ("GERMAN Original: ENGLISH", "translation", None, None, None),
        ("FRANÇAIS Original : ANGLAIS", "translation", None, None, None),
        ("English only", "malformed", None, "wrong casing or word order", "ENGLISH only"),
        ("ENGLISH ONLY", "malformed", None, "wrong casing or word order", "ENGLISH only"),
        ("Only ENGLISH", "malformed", None, "wrong casing or word order", "ENGLISH only"),
        ("Original: English", "malformed", None, "wrong casing or word order", "Original: ENGLISH"),
        (
            "ENGLSH only",
            "malformed",
            None,
            "unknown language 'ENGLSH' (did you mean ENGLISH?)",
            None,
        ),
        (
            "ENGLISH Original: ENGLISH",
            "translation",
            "a translation into ENGLISH cannot have ENGLISH as its original",
            None,
            None,
        ),
        (
            "ENGLISH only Original: ENGLISH",
            "malformed",
            "it says both 'only' and 'Original:'",
            None,
            None,
        ),
    ],
)
def test_language_markers(text, form, contradiction, problem, suggestion):
    reading = MARKERS.read(text)
    assert (reading.form, reading.contradiction, reading.problem, reading.suggestion) == (
        form,
        contradiction,
        problem,
        suggestion,
    )
