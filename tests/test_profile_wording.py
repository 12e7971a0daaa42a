"""The profile owns the wording the parser reads (issue 12, item 4): a profile for another
organisation or language changes what is parsed, not only what is compared."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from statement_lint import Settings, lint_text
from statement_lint.parse import Parser, default_parser
from statement_lint.parse.phrases import phrase_pattern
from statement_lint.reference import ProfileError, default_gazetteer, load_profile
from statement_lint.reference.phrases import parse_phrase
from statement_lint.reference.profile import Profile
from statement_lint.reference.validation import validate

OSCE = Path(__file__).parent.parent / "lint" / "statement_lint" / "data" / "profiles" / "osce.json"

# The alignment paragraph as EU statements write it in French.
FRENCH_PARAGRAPH = (
    "Les pays candidats, la MACÉDOINE DU NORD*, le MONTÉNÉGRO*, la SERBIE* et l'ALBANIE*, le\n"
    "pays du processus de stabilisation et d'association et candidat potentiel, la\n"
    "BOSNIE-HERZÉGOVINE, ainsi que l'UKRAINE, la RÉPUBLIQUE DE MOLDAVIE et la GÉORGIE,\n"
    "s'associent à la présente déclaration.\n"
    "\n"
    "* La Macédoine du Nord, le Monténégro, la Serbie et l'Albanie continuent à participer au\n"
    "processus de stabilisation et d'association.\n"
)
FRENCH_STATEMENT = "Monsieur le Président,\n\nL'Union européenne salue le rapport.\n\n"
FRENCH_STATEMENT += FRENCH_PARAGRAPH


def osce() -> dict:
    return json.loads(OSCE.read_text(encoding="utf-8"))


def french() -> dict:
    """The bundled profile, its alignment paragraph read in French."""
    profile = osce()
    alignment = profile["alignment"]
    alignment["footnote_phrase"] = (
        "continuent à participer au processus de stabilisation et d'association"
    )
    alignment["closing"] = "s'associent à la présente déclaration."
    alignment["closing_variants"] = [
        "s'associe|s'associent à la présente déclaration",
        "s'associe|s'associent à cette déclaration",
    ]
    alignment["slots"] = {
        "candidate": ["[le|les] pays candidat|candidats"],
        "sap-potential-candidate": [
            "[le|les] pays du processus de stabilisation et d'association et candidat|candidats "
            "potentiel|potentiels"
        ],
        "efta-eea": ["[le|les] pays de l'AELE"],
        "as-well-as": ["ainsi que"],
    }
    alignment["list_ends"] = {"efta-eea": ["membre|membres de l'Espace économique européen"]}
    alignment["list_words"] = {"conjunctions": ["et"], "articles": ["le", "la", "les", "l'"]}
    alignment["footnote_words"] = {
        "verbs": ["continue|continuent", "reste|restent"],
        "subjects": ["stabilisation et d'association", "Espace économique européen", "AELE"],
        "last_words": ["association", "européen"],
        "designation": ["cette désignation"],
    }
    return profile


def parser_of(profile: dict) -> Parser:
    return Parser(validate(Profile, profile), default_gazetteer())


def test_a_french_alignment_paragraph_is_read_under_a_french_profile():
    statement = parser_of(french()).parse(FRENCH_STATEMENT)
    paragraph = statement.alignment
    assert paragraph is not None
    assert paragraph.closing == "s'associent à la présente déclaration."
    assert [(c.written, c.country_id, c.marker, c.slot) for c in paragraph.countries] == [
        ("la MACÉDOINE DU NORD", "MK", "*", "candidate"),
        ("le MONTÉNÉGRO", "ME", "*", "candidate"),
        ("la SERBIE", "RS", "*", "candidate"),
        ("l'ALBANIE", "AL", "*", "candidate"),
        ("la BOSNIE-HERZÉGOVINE", "BA", None, "sap-potential-candidate"),
        ("l'UKRAINE", "UA", None, "as-well-as"),
        ("la RÉPUBLIQUE DE MOLDAVIE", "MD", None, "as-well-as"),
        ("la GÉORGIE", "GE", None, "as-well-as"),
    ]
    [footnote] = statement.footnotes
    assert footnote.marker == "*"
    assert [c.country_id for c in footnote.countries] == ["MK", "ME", "RS", "AL"]


def test_the_bundled_profile_reads_no_french_paragraph():
    # The same text under the OSCE's English wording: no paragraph, so no alignment diagnostic.
    assert default_parser().parse(FRENCH_STATEMENT).alignment is None


def test_the_rules_check_a_french_paragraph_under_a_french_profile(tmp_path):
    path = tmp_path / "french.json"
    path.write_text(json.dumps(french(), ensure_ascii=False), encoding="utf-8")
    settings = Settings(profile=str(path), select=("ALN",))
    assert lint_text(FRENCH_STATEMENT, settings=settings) == []
    slip = FRENCH_STATEMENT.replace("l'ALBANIE*", "l'ALBANIE")
    assert [(d.code, d.line) for d in lint_text(slip, settings=settings)] == [("ALN002", 5)]
    draft = FRENCH_STATEMENT.replace("la présente déclaration", "cette déclaration")
    assert [d.code for d in lint_text(draft, settings=settings)] == ["ALN012"]


def test_the_marker_keywords_and_the_restricted_mark_are_the_profile_s():
    profile = osce()
    profile["markers"] = {"only": "seulement", "original": "Original:"}
    profile["symbol"]["restricted"] = "ACME+"
    text = "PC.DEL/80/21\nACME+\n22 February 2021\nFRANÇAIS seulement\n\nMonsieur le Président,\n"
    statement = parser_of(profile).parse(text)
    [marker] = statement.language_markers
    assert (marker.text, marker.form, marker.language) == ("FRANÇAIS seulement", "only", "FRENCH")
    assert statement.restricted is not None and statement.restricted.line == 2
    osce_reading = default_parser().parse(text)
    assert osce_reading.language_markers == [] and osce_reading.restricted is None


def test_the_date_words_are_the_profile_s():
    profile = osce()
    [spanish] = [form for form in profile["date"]["languages"] if form["language"] == "SPANISH"]
    text = "PC.DEL/1/09\n2 de diciembre de 2009\nESPAÑOL Original: INGLÉS\n\nSeñor Presidente:\n"
    assert default_parser().parse(text).date.standard
    spanish["linking_words"] = []  # `de` is no date word any more: the header has no date
    assert parser_of(profile).parse(text).dates == []


@pytest.mark.parametrize(
    ("phrase", "pattern"),
    [
        ("as well as", r"as\swell\sas"),
        ("[the] candidate country|countries", r"(?:the\s)?candidate\s(?:countries|country)"),
        ("align [themselves] with", r"align(?:\sthemselves)?\swith"),
        ("[a] [b] c", r"(?:a\s)?(?:b\s)?c"),
        (
            "countries [[,] and members of the EEA]",
            r"countries(?:(?:,)?\sand\smembers\sof\sthe\sEEA)?",
        ),
        ("s'associent à la présente", r"s'associent\sà\sla\sprésente"),
    ],
)
def test_phrases_become_patterns(phrase, pattern):
    assert phrase_pattern(phrase) == pattern


def test_a_phrase_reads_any_case_and_any_blank():
    pattern = re.compile(
        phrase_pattern("[the] EFTA country|countries [[,] and members of the EEA]"), re.IGNORECASE
    )
    for text in [
        "EFTA countries",
        "the efta country, and members\nof the EEA",
        "EFTA countries and members of the eea",
    ]:
        assert pattern.fullmatch(text), text


@pytest.mark.parametrize(
    ("phrase", "problem"),
    [
        ("[the candidate", "a '[' is not closed"),
        ("the] candidate", "a ']' closes no '['"),
        ("[] candidate", "'[]' holds no word"),
        ("country||countries", "'country||countries' has an empty alternative"),
        ("[the]", "a phrase needs a word outside brackets"),
    ],
)
def test_a_malformed_phrase_is_refused(phrase, problem):
    with pytest.raises(ValueError, match=re.escape(problem)):
        parse_phrase(phrase)


def test_a_profile_with_a_malformed_phrase_is_an_error_naming_the_key(tmp_path):
    profile = osce()
    profile["alignment"]["slots"]["candidate"] = ["[the candidate country|countries"]
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(profile), encoding="utf-8")
    with pytest.raises(
        ProfileError, match=r"alignment\.slots\.candidate\[0\]: .*'\[' is not closed"
    ):
        load_profile(str(path))
