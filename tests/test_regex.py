"""`regex` gives what `re.compile` gives, compiling only when first used."""

from __future__ import annotations

import copy
import pickle
import re

import pytest

from statement_lint.regex import LazyPattern, regex

TEXT = "ENGLISH only\nPC.DEL/80/21/Rev.1\n22 February 2021"


def test_nothing_is_compiled_before_use(monkeypatch):
    compiled = []
    monkeypatch.setattr(re, "compile", lambda *a: compiled.append(a) or re._compile(*a))
    pattern = regex(r"(?P<body>PC)\.DEL", re.IGNORECASE)
    assert pattern.pattern == r"(?P<body>PC)\.DEL"
    assert compiled == []
    assert pattern.search(TEXT).group("body") == "PC"
    pattern.search(TEXT)
    pattern.finditer(TEXT)
    assert len(compiled) == 2  # once for search, once for finditer: each kept after


@pytest.mark.parametrize(
    "source, flags", [(r"\d+", 0), (r"^\w+", re.MULTILINE), (r"rev\.(\d)", re.IGNORECASE)]
)
def test_the_same_answers_as_a_compiled_pattern(source, flags):
    lazy, compiled = regex(source, flags), re.compile(source, flags)
    assert [m.span() for m in lazy.finditer(TEXT)] == [m.span() for m in compiled.finditer(TEXT)]
    assert lazy.sub("#", TEXT) == compiled.sub("#", TEXT)
    assert lazy.split(TEXT) == compiled.split(TEXT)
    assert lazy.groups == compiled.groups


def test_pickled_it_stays_lazy_and_works():
    again = pickle.loads(pickle.dumps(regex(r"Rev\.\d")))
    assert isinstance(again, LazyPattern) and "search" not in vars(again)
    assert again.search(TEXT).group() == "Rev.1"


def test_copies_stay_lazy_and_attributes_are_the_compiled_pattern_s():
    pattern = regex(r"rev\.(\d)", re.IGNORECASE)
    for copied in (copy.copy(pattern), copy.deepcopy(pattern)):
        assert isinstance(copied, LazyPattern) and copied.pattern == pattern.pattern
    assert pattern.flags == re.compile(r"rev\.(\d)", re.IGNORECASE).flags


def test_a_bad_pattern_fails_on_first_use():
    pattern = regex("(unclosed")
    with pytest.raises(re.error):
        pattern.search(TEXT)
