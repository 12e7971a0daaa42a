"""The quick config check gives what the pydantic model gives, or leaves the table to it."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from statement_lint.config.model import ConfigModel
from statement_lint.config.quick import quick_values

KEYS = [
    "select", "extend-select", "ignore", "per-file-ignores", "exclude", "extend-exclude",
    "severity", "fail-on", "output-format", "profile", "registry", "extend", "limits",
    "extend_select", "selct", "Select",
]  # fmt: skip
LIMIT_KEYS = ["text-mb", "document-mb", "pages", "seconds", "memory-mb", "text_mb", "page"]
WORDS = [
    "ALL", "DSC", "DSC002", "ALN", "DOC001", "E", "DSCX", "dsc", "", "drafts/", "*.txt",
    "**/old/*.txt", "[", "a\0b", "error", "warning", "off", "full", "json", "concise", "osce",
    "sarif", "github", "Error", "[z-a]",
]  # fmt: skip
NUMBERS = [0, 1, 5, 63, 64, 512, 1024, 1025, 100_000, 100_001, 3600, 65536, 70000, -1, 0.5,
           2.0, 1024.0, 1e9, math.inf, math.nan, True, False]  # fmt: skip

scalars = st.one_of(st.sampled_from(WORDS), st.sampled_from(NUMBERS))
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(st.sampled_from(WORDS + LIMIT_KEYS), inner, max_size=3),
    ),
    max_leaves=6,
)
limits = st.dictionaries(st.sampled_from(LIMIT_KEYS), st.sampled_from(NUMBERS), max_size=3)
tables = st.dictionaries(st.sampled_from(KEYS), st.one_of(values, limits), max_size=4)

# Mostly right tables, with a doubtful value now and then: the quick path's own ground.
codes = st.lists(
    st.sampled_from(["ALL", "DSC", "DSC002", "ALN", "DOC001", "E", "DSCX"]), max_size=3
)
globs = st.lists(
    st.sampled_from(["drafts/", "*.txt", "**/old/*.txt", "[a", "[z-a]", ""]), max_size=3
)
paths = st.sampled_from(["osce", "../base.toml", "a\0b", ""])
plausible = st.fixed_dictionaries(
    {},
    optional={
        "select": codes,
        "ignore": codes,
        "extend-select": codes,
        "exclude": globs,
        "extend-exclude": globs,
        "per-file-ignores": st.dictionaries(st.sampled_from(["old/**", "*.txt", "[z-a]"]), codes),
        "severity": st.dictionaries(
            st.sampled_from(["ALN", "DSC002", "DSCX"]), st.sampled_from(["error", "off", "Error"])
        ),
        "fail-on": st.sampled_from(["error", "warning", "off"]),
        "output-format": st.sampled_from(["full", "json", "JSON"]),
        "profile": paths,
        "registry": paths,
        "extend": paths,
        "limits": limits,
    },
)


def typed(value):
    """The value with the type of every part, in an order that does not matter."""
    if isinstance(value, dict):
        return sorted((key, typed(item)) for key, item in value.items())
    if isinstance(value, list):
        return [typed(item) for item in value]
    return (type(value).__name__, value)


def model_values(table):
    try:
        return ConfigModel.model_validate(table).model_dump(exclude_unset=True)
    except ValidationError:
        return None


@settings(max_examples=3000, deadline=None)
@given(st.one_of(tables, plausible))
def test_quick_values_agree_with_the_model(table):
    quick = quick_values(table)
    if quick is not None:
        assert model_values(table) == quick
        # Same types too: a float limit read from an int is a float, as pydantic makes it.
        assert typed(model_values(table)) == typed(quick)


@pytest.mark.parametrize(
    "table",
    [
        {"ignore": ["DSC"], "extend-exclude": ["drafts/"]},
        {"select": ["ALL"], "per-file-ignores": {"old/**": ["DAT", "LNG001"]}},
        {"severity": {"ALN": "warning"}, "fail-on": "warning", "output-format": "json"},
        {"extend": "../base.toml", "profile": "osce", "registry": "data/registry.json"},
        {"limits": {"text-mb": 3, "pages": 50, "seconds": 2.5, "memory-mb": 64}},
    ],
)
def test_everyday_tables_take_the_quick_path(table):
    assert quick_values(table) == model_values(table) is not None


@pytest.mark.parametrize(
    "table",
    [
        {"ignore": ["DSCX"]},  # unknown code: the model suggests DSC
        {"selct": ["ALL"]},  # unknown key: the model suggests select
        {"limits": {"pages": 5.0}},  # a float the model would turn into an int
        {"limits": {"text-mb": math.inf}},
        {"limits": {"pages": True}},
        {"exclude": ["[z-a]"]},  # a glob that does not compile
        {"registry": "a\0b"},
    ],
)
def test_doubtful_tables_are_left_to_the_model(table):
    assert quick_values(table) is None
