"""Linear time on every input (issue 10, item 7), and what the same pass found on the way.

Each pattern or loop that was superlinear gets its worst case at two sizes, through
`lint_text` where the input can reach it; the larger input may take at most MARGIN times the
size factor longer. A linear cost grows by the factor, a quadratic one by its square and a
cubic one by its cube, so the margin is generous and still catches them. Times are the best of
a few runs, never compared with a fixed figure.
"""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FIXTURES
from statement_lint import Settings, lint_text, similarity
from statement_lint.parse import alignment
from statement_lint.parse.countries import CountryReader
from statement_lint.reference import default_gazetteer, default_profile

MARGIN = 2.5
PARAGRAPH = (
    "The Candidate Countries NORTH MACEDONIA*, MONTENEGRO* and ALBANIA* align themselves "
    "with this statement.\n"
)


def _best_time(run, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def assert_linear(make, size: int, factor: int = 4, run=lint_text) -> None:
    """`make(size * factor)` takes at most MARGIN * factor times as long as `make(size)`."""
    small, large = make(size), make(size * factor)
    run(small)  # parsers and suggesters built, caches warm
    ratio = _best_time(lambda: run(large)) / _best_time(lambda: run(small))
    assert ratio < MARGIN * factor, f"{factor} times the input took {ratio:.0f} times as long"


def _footnote(names: str) -> str:
    return f"{PARAGRAPH}* {names} continue to be part of the Process.\n"


def _words(count: int, length: int = 7) -> list[str]:
    """`count` different made-up words (base-20 numbers written in letters)."""
    letters = "ABCDEFGHIJKLMNOPRSTU"
    words = []
    for number in range(count):
        word = ""
        for _ in range(length):
            number, digit = divmod(number, len(letters))
            word += letters[digit]
        words.append(word)
    return words


WORST_CASES = {
    # A directive's body was cut out by a pattern with `[ \t]*` on both sides of an optional
    # `-->`: cubic on a long run of blanks.
    "directive with blanks": (
        lambda n: "statement-lint: disable=ALN" + " \t" * n + "x\n",
        150,
    ),
    "HTML comment directive with blanks": (
        lambda n: "<!-- statement-lint: disable=ALN002" + " \t" * n + "-->x\n",
        150,
    ),
    # An unknown name in a list ended at `[ \t]*(marker)?[\s.]*$`, tried after every character.
    "unknown name ending in full stops": (
        lambda n: _footnote("A" + "." * n + "B"),
        1000,
    ),
    # A note number glued to a name, `\d+$` tried at every digit of a long run.
    "unknown name with a run of digits": (lambda n: _footnote("A" + "1" * n + "x"), 2000),
    "long unknown name": (lambda n: _footnote("Y" * n), 2000),
    "many unknown names": (lambda n: _footnote(", ".join(_words(n))), 200),
    "many misspelled dates": (lambda n: "".join(f"1 {w} 2021\n" for w in _words(n, 5)), 200),
    "many unknown languages": (lambda n: "".join(f"{w} only\n" for w in _words(n)), 200),
    "long unknown rule code": (lambda n: "statement-lint: disable=" + "Q" * n + "\n", 2000),
    "many unknown rule codes": (
        lambda n: "statement-lint: disable=" + ",".join(_words(n, 4)) + "\n",
        500,
    ),
    "symbol with many suffixes": (lambda n: "PC.DEL/1/21" + "/Rev" * n + "\n", 500),
    # A running head broken into lines asked, for each, how often the text holds its symbol.
    "many running heads broken into lines": (
        lambda n: "PC.DEL/1/21\n" + "word and\n- 2 -\nPC.DEL/1/21\n" * n,
        2000,
    ),
    # Columns: each token after a tab blanks its line's left part.
    "many column tokens on one line": (lambda n: "x\tPC.DEL/1/21" * n + "\n", 500),
    "Markdown-like markup in a text": (lambda n: "_a <br> [x](y) &nbsp; " * n + "\n", 500),
}


@pytest.mark.parametrize("name", WORST_CASES)
def test_worst_case_lints_in_linear_time(name):
    make, size = WORST_CASES[name]
    assert_linear(make, size)


def test_unknown_name_ending_in_full_stops_parses_in_linear_time():
    # The same input as above with ALN008 off: the reader alone. (With ALN008 on, the old
    # suggestion cost, linear in the name's length, hid how the reader grew.)
    without_suggestions = Settings(ignore=("ALN008",))
    make, size = WORST_CASES["unknown name ending in full stops"]
    assert_linear(make, size, run=lambda text: lint_text(text, settings=without_suggestions))


def test_many_suppression_ranges_and_diagnostics_in_linear_time():
    # Every diagnostic was checked against every disable ... enable range.
    def make(n: int) -> str:
        ranges = "statement-lint: disable=A\nstatement-lint: enable=A\n" * (n // 100)
        return ranges + "statement-lint:\n" * (n // 32)

    assert_linear(make, 16_000, factor=8)


def test_closing_formulas_in_linear_time_however_far_back_a_paragraph_may_start(monkeypatch):
    # Behind every closing formula the sentence start and the slot phrases were searched
    # again, up to the look-back: quadratic below it. The work must not depend on it.
    monkeypatch.setattr(alignment, "_LOOKBACK", 10**9)
    assert_linear(lambda n: "align with this statement " * n, 100)
    assert_linear(lambda n: ("a." * 20 + "x align with this statement ") * n, 25)


def test_country_list_with_a_long_run_of_blanks_in_linear_time():
    # Blank runs never reach the reader through `lint_text` (the text is normalised first),
    # but the reader must not depend on that: `\s*` before the separator, and the unknown
    # name's trailing blanks, were quadratic and cubic.
    reader = CountryReader(default_gazetteer(), default_profile().alignment.list_words)

    def read(text: str) -> None:
        reader.read_list(text, 0, len(text))

    assert_linear(lambda n: "X" + " " * n + "Y", 200, run=read)
    assert_linear(lambda n: "X" + " " * n + ", Y", 200, run=read)


# Suggestions ("did you mean") compare only what can be near.


def _count_comparisons(monkeypatch) -> list[str]:
    compared: list[str] = []
    real = similarity.bounded_distance

    def counting(a: str, b: str, limit: int) -> int:
        compared.append(b)
        return real(a, b, limit)

    monkeypatch.setattr(similarity, "bounded_distance", counting)
    return compared


def _codes(diagnostics, code: str) -> list[tuple[int, str]]:
    return [(d.line, d.message) for d in diagnostics if d.code == code]


def test_a_name_longer_than_every_country_is_compared_with_none(monkeypatch):
    compared = _count_comparisons(monkeypatch)
    diagnostics = lint_text(_footnote("Y" * 13_000))
    assert _codes(diagnostics, "ALN008") == [
        (
            2,
            f"'{'Y' * 60}...' matches no country in the gazetteer: a typo, or text damaged by "
            "extraction?",
        ),
    ]
    assert compared == []


def test_a_misspelled_name_is_compared_with_the_names_that_can_be_near(monkeypatch):
    similarity.suggester.cache_clear()  # no word looked up by an earlier test
    compared = _count_comparisons(monkeypatch)
    diagnostics = lint_text(_footnote("MONTENEGRRO and MONTENEGRRO"))
    assert _codes(diagnostics, "ALN008") == [
        (2, "'MONTENEGRRO' matches no country in the gazetteer: did you mean Montenegro?"),
        (2, "'MONTENEGRRO' matches no country in the gazetteer: did you mean Montenegro?"),
    ]
    # Of the 173 names, only those with a piece of theirs at about the same place in the
    # word; and the same word a second time is not compared again.
    assert "montenegro" in compared
    assert len(compared) == len(set(compared)) < 20


def _edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i]
        for j, char_b in enumerate(b, start=1):
            substitution = previous[j - 1] + (char_a != char_b)
            current.append(min(previous[j] + 1, current[j - 1] + 1, substitution))
        previous = current
    return previous[-1]


_TEXT = st.text(alphabet="abnAB İ", max_size=8)


@settings(max_examples=400, deadline=None)
@given(word=_TEXT, choices=st.lists(_TEXT, min_size=1, max_size=6), limit=st.integers(0, 3))
def test_closest_is_the_first_nearest_choice_within_the_limit(word, choices, limit):
    distances = [_edit_distance(word.lower(), choice.lower()) for choice in choices]
    nearest = min(distances)
    expected = choices[distances.index(nearest)] if nearest <= limit else None
    assert similarity.closest(word, choices, limit) == expected


def test_only_the_first_hundred_unknown_names_get_a_suggestion():
    names = ", ".join([*_words(100), "ALBANIAA"])
    diagnostics = _codes(lint_text(_footnote(names)), "ALN008")
    assert len(diagnostics) == 101
    assert diagnostics[-1] == (
        2,
        "'ALBANIAA' matches no country in the gazetteer: a typo, or text damaged by extraction?",
    )
    assert _codes(lint_text(_footnote(", ".join([*_words(99), "ALBANIAA"]))), "ALN008")[-1] == (
        2,
        "'ALBANIAA' matches no country in the gazetteer: did you mean Albania?",
    )


# Messages stay the size of what they are about.


def test_a_directive_names_its_first_three_unknown_codes_and_counts_the_rest():
    diagnostics = lint_text("statement-lint: disable=ALN02,QQ1,QQ2,ALN02,QQ3,QQ4,QQ5,DSC\n")
    assert _codes(diagnostics, "SUP002") == [
        (
            1,
            "invalid suppression: 'ALN02' matches no rule code; did you mean ALN002?; 'QQ1' "
            "matches no rule code; 'QQ2' matches no rule code; and 3 more codes that match no "
            "rule",
        )
    ]


def test_an_unused_directive_names_its_first_five_codes_and_counts_the_rest():
    diagnostics = lint_text("statement-lint: disable-file=" + ",".join(["ALN001"] * 2000) + "\n")
    assert _codes(diagnostics, "SUP001") == [
        (
            1,
            "unused suppression: disable-file=ALN001,ALN001,ALN001,ALN001,ALN001 (and 1995 more) "
            "suppresses nothing here; remove it",
        )
    ]


def test_a_symbol_names_each_problem_once_and_at_most_five():
    diagnostics = lint_text("PC.DEL/1/21/Rev/Rev/Rev\n")
    assert _codes(diagnostics, "REF002") == [
        (
            1,
            "malformed document symbol PC.DEL/1/21/Rev/Rev/Rev: unknown suffix '/Rev' (known: "
            "/Rev.n, /Corr.n, /Add.n)",
        )
    ]
    symbol = "PC.DEL/1/21" + "".join(f"/X{n}" for n in range(1, 9))
    assert _codes(lint_text(symbol + "\n"), "REF002") == [
        (
            1,
            f"malformed document symbol {symbol}: "
            + "; ".join(
                f"unknown suffix '/X{n}' (known: /Rev.n, /Corr.n, /Add.n)" for n in range(1, 6)
            )
            + "; and 3 more problems",
        )
    ]


# The year 0000, and offsets of case-changed text.


def _statement(old: str, new: str, layout: str = "top") -> str:
    text = (FIXTURES / "layouts" / f"{layout}.txt").read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new, 1)


@pytest.mark.parametrize(
    ("date", "problem"),
    [
        ("16 November 0000", "there is no year 0000: write the year the statement was circulated"),
        ("0000-11-16", "there is no year 0000: write the year the statement was circulated"),
        ("29 February 0000", "there is no year 0000: write the year the statement was circulated"),
        (
            "16 November 0001",
            "the year 0001 is before the first CSCE documents (1972): write the year the "
            "statement was circulated",
        ),
        (
            "31 December 1971",
            "the year 1971 is before the first CSCE documents (1972): write the year the "
            "statement was circulated",
        ),
    ],
)
def test_an_impossible_year_is_an_invalid_date(date, problem):
    diagnostics = lint_text(_statement("16 November 2023", date))
    assert [(d.code, d.line, d.message) for d in diagnostics] == [
        ("DAT002", 2, f"invalid date {date}: {problem}")
    ]


def test_turkiye_before_the_header_tokens_moves_no_span():
    # `İ` lowers to two characters: an offset taken from a lowered copy would point past the
    # slip. Every diagnostic stands where it stands without the name in front.
    slips = [("PC.DEL/1544/23", "PC.DEL/1544/2023"), ("ENGLISH only", "English only")]
    text = _statement(*slips[0])
    text = text.replace(*slips[1], 1).replace("responsibility", "liability", 1)
    plain = [(d.code, d.line, d.column, d.end_column) for d in lint_text(text)]
    assert plain == [
        ("REF002", 1, 1, 17),
        ("LNG002", 3, 1, 13),
        ("DSC002", 4, 31, 40),
    ]
    shifted = lint_text("TÜRKİYE İSTANBUL\n" + text)
    assert [(d.code, d.line - 1, d.column, d.end_column) for d in shifted] == plain


def test_names_the_pattern_folds_otherwise_than_lower_are_read():
    # The name pattern matches `TÜRKİYE` case-insensitively, but its lowered form is not the
    # gazetteer's `türkiye` (`İ` lowers to `i` and a combining dot), and `ı` matches `i`:
    # looking them up by their lowered form crashed.
    text = _statement("as well as GEORGIA", "as well as TÜRKİYE, GEORGIA")
    assert [(d.code, d.line, d.column, d.message) for d in lint_text(text)] == [
        (
            "ALN011",
            17,
            232,
            "TÜRKİYE is a candidate country on the statement's date: list it among the "
            "Candidate Countries",
        )
    ]
    assert lint_text(_statement("as well as GEORGIA", "as well as GEORGıA")) == []
