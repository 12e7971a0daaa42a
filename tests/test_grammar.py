"""The grammars of header tokens: symbols, dates, language markers."""

import datetime as dt

import pytest

from statement_lint.parse.dates import DateReader
from statement_lint.parse.markers import MarkerReader
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
        # Bodies the profile does not list, like no body it lists: taken as they are.
        "SUM.DEL/51/10",
        "SEC.DOC/2/00/Rev.1",
        "XY.DEL/1/21",
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
        ("PS.DEL/1/21", ["unknown body 'PS' (did you mean PC?)"], None),
        ("FCS.DEL/1/21", ["unknown body 'FCS' (did you mean FSC?)"], None),
        ("ODHIR.DEL/1/21", ["unknown body 'ODHIR' (did you mean ODIHR?)"], None),
        ("sum.DEL/51/10", ["the body is written in capitals (SUM)"], "SUM.DEL/51/10"),
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
        # Wrapped over two lines, a date is still one date.
        ("22 February\n2021", dt.date(2021, 2, 22), True, None, "22 February 2021"),
        ("February\n22, 2021", dt.date(2021, 2, 22), False, None, "22 February 2021"),
        # A part missing: a month lost in copying, or a month without a day.
        (
            "12 2020",
            None,
            False,
            "the month is missing (lost in copying or text extraction?)",
            None,
        ),
        ("April 2000", None, False, "the day is missing", None),
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


MARKERS = MarkerReader(PROFILE.languages, PROFILE.markers)


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


@pytest.mark.parametrize(
    ("text", "alone", "form", "problem"),
    [
        # A translation marker stands on two lines in circulated translations.
        ("ENGLISH\nOriginal: RUSSIAN", True, "translation", None),
        ("ITALIAN\nOriginal : ENGLISH", True, "translation", None),
        # `ENGLISH` and `only` on lines of their own are a slip ...
        ("ENGLISH\nonly", True, "malformed", "it is broken over two lines"),
        ("GERMAN Original:\nENGLISH", True, "malformed", "it is broken over two lines"),
        # ... but inside running text a line may break anywhere.
        ("ENGLISH\nonly", False, "only", None),
    ],
)
def test_markers_over_two_lines(text, alone, form, problem):
    reading = MARKERS.read(text, alone)
    assert (reading.form, reading.problem) == (form, problem)


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("ENGLISH only", 0),
        ("Only ENGLISH", 0),
        ("Only ENGLSH", 0),
        ("ENGLSH only", 0),
        ("GERMAN Original: ENGLISH", 0),
        ("UNION Original: ENGLISH", len("UNION ")),  # a capital word that is no language
        ("only OSCE", None),  # `the only OSCE ...`
    ],
)
def test_where_a_marker_begins(text, start):
    assert MARKERS.marker_start(text) == start


def test_messages_quote_header_tokens_on_one_line_and_cut_long_ones():
    from statement_lint import lint_text
    from statement_lint.model import quoted

    assert quoted("ENGLISH\n\nOriginal:\tRUSSIAN\x0b") == "ENGLISH Original: RUSSIAN"
    assert quoted("x" * 61) == "x" * 60 + "..."
    header = "PC.DEL/5/21\n{date}\nENGLISH only\n"
    disclaimer = (
        "The OSCE Secretariat bears no responsibility for the content of this document and "
        "circulates it without altering its content. The distribution by OSCE Conference "
        "Services of this document is without prejudice to OSCE decisions, as set out in "
        "documents agreed by OSCE participating States.\n"
    )
    [date] = lint_text(header.format(date="March\n7, 2021") + disclaimer, path="s.txt")
    assert (date.code, date.message) == (
        "DAT003",
        "date March 7, 2021 is not in the standard form: write 7 March 2021",
    )
    long = "PC.DEL/5/21" + "/Rev" * 40
    [symbol] = lint_text(
        header.format(date="7 March 2021").replace("PC.DEL/5/21", long) + disclaimer
    )
    assert symbol.code == "REF002"
    assert symbol.message.startswith(f"malformed document symbol {long[:60]}...: unknown suffix")
