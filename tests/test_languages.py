"""The six OSCE languages: localised header dates and markers, bodies, disclaimers."""

import io
import json

import pytest

from statement_lint.cli import main

DISCLAIMER = (
    "The OSCE Secretariat bears no responsibility for the content of this document and "
    "circulates it without altering its content. The distribution by OSCE Conference Services "
    "of this document is without prejudice to OSCE decisions, as set out in documents agreed "
    "by OSCE participating States."
)
BODIES = {
    "ENGLISH": "Mr Chair, the European Union thanks the Chairpersonship for this meeting. We "
    "recall that the commitments of the Helsinki Final Act are the basis of our work, and we "
    "call on all participating States to implement them. The European Union will continue to "
    "support the work of the Office and its field operations. Thank you, Mr Chair.",
    "FRENCH": "Monsieur le Président, l'Union européenne remercie la présidence pour cette "
    "réunion. Nous rappelons que les engagements de l'Acte final d'Helsinki sont le fondement "
    "de notre travail, et nous appelons tous les États participants à les mettre en œuvre. "
    "L'Union européenne continuera de soutenir le travail du Bureau et de ses opérations sur "
    "le terrain, qui sont très utiles. Nous sommes prêts à coopérer avec tous. Je vous remercie.",
    "GERMAN": "Herr Vorsitzender, die Europäische Union dankt dem Vorsitz für diese Sitzung. "
    "Wir erinnern daran, dass die Verpflichtungen der Schlussakte von Helsinki die Grundlage "
    "unserer Arbeit sind, und wir rufen alle Teilnehmerstaaten auf, sie umzusetzen. Die "
    "Europäische Union wird die Arbeit des Büros und seiner Feldoperationen auch weiterhin "
    "unterstützen, die für die Region von großem Wert ist und nicht fehlen darf. Ich danke Ihnen.",
    "ITALIAN": "Signor Presidente, l'Unione europea ringrazia la Presidenza per questa "
    "riunione. Ricordiamo che gli impegni dell'Atto finale di Helsinki sono il fondamento del "
    "nostro lavoro, e invitiamo tutti gli Stati partecipanti ad attuarli. L'Unione europea "
    "continuerà a sostenere il lavoro dell'Ufficio e delle sue operazioni sul terreno, che è "
    "anche per noi molto importante, con grande impegno e non senza risorse. Grazie.",
    "SPANISH": "Señor Presidente, la Unión Europea agradece a la Presidencia esta reunión. "
    "Recordamos que los compromisos del Acta Final de Helsinki son el fundamento de nuestro "
    "trabajo, y hacemos un llamamiento a todos los Estados participantes para que los apliquen. "
    "La Unión Europea seguirá apoyando el trabajo de la Oficina y de sus operaciones sobre el "
    "terreno, que es para nosotros más importante que nunca y está en el centro de su mandato. "
    "Muchas gracias.",
    "RUSSIAN": "Господин Председатель, Европейский союз благодарит Председательство за это "
    "заседание. Мы напоминаем, что обязательства Хельсинкского заключительного акта являются "
    "основой нашей работы, и призываем все государства-участники выполнять их. Европейский "
    "союз продолжит поддерживать работу Бюро и его полевых операций. Благодарю вас.",
}
# (language, symbol, header date, marker)
HEADERS = [
    ("ENGLISH", "PC.DEL/5/19", "7 March 2019", "ENGLISH only"),
    ("FRENCH", "PC.DEL/5/06", "1er novembre 2006", "FRANÇAIS Original : ANGLAIS"),
    ("GERMAN", "PC.DEL/5/00", "7. Dezember 2000", "DEUTSCH Original: ENGLISCH"),
    ("ITALIAN", "PC.DEL/5/19", "7 marzo 2019", "ITALIANO Original: INGLESE"),
    ("SPANISH", "PC.DEL/5/09", "2 de diciembre de 2009", "ESPAÑOL Original: INGLÉS"),
    ("RUSSIAN", "PC.DEL/5/06", "1 ноября 2006 года", "РУССКИЙ Original: АНГЛИЙСКИЙ"),
]


def lint(tmp_path, capsys, text: str) -> list[tuple[str, int, str]]:
    (tmp_path / "s.txt").write_text(text, encoding="utf-8")
    main(
        ["--isolated", "--output-format", "json", "-q", str(tmp_path / "s.txt")],
        stdin=io.StringIO(),
    )
    report = json.loads(capsys.readouterr().out)
    return [(d["code"], d["line"], d["message"]) for d in report["diagnostics"]]


def document(symbol: str, date: str, marker: str, body: str, disclaimer: str = DISCLAIMER) -> str:
    return f"{symbol}\n{date}\n{marker}\n{disclaimer}\n\n{body}\n"


@pytest.mark.parametrize(
    ("language", "symbol", "date", "marker"), HEADERS, ids=[h[0] for h in HEADERS]
)
def test_statement_in_each_language_is_clean(tmp_path, capsys, language, symbol, date, marker):
    assert lint(tmp_path, capsys, document(symbol, date, marker, BODIES[language])) == []


@pytest.mark.parametrize(
    ("language", "symbol", "date", "marker"), HEADERS, ids=[h[0] for h in HEADERS]
)
def test_body_in_another_language_than_the_marker(tmp_path, capsys, language, symbol, date, marker):
    other = "RUSSIAN" if language != "RUSSIAN" else "FRENCH"
    [(code, line, message)] = lint(tmp_path, capsys, document(symbol, date, marker, BODIES[other]))
    assert (code, line) == ("LNG004", 3)
    assert message.startswith(
        f"the marker {marker} says the document is in {language}, but its text is in {other} ("
    )


@pytest.mark.parametrize(
    ("date", "code", "message"),
    [
        ("31 de junio de 2009", "DAT002", "invalid date 31 de junio de 2009: June 2009 has 30 days, not 31"),
        ("diciembre 2, 2009", "DAT003", "date diciembre 2, 2009 is not in the standard form: write 2 de diciembre de 2009"),
        ("7 Dezember 2009", "DAT003", "date 7 Dezember 2009 is not in the standard form: write 7. Dezember 2009"),
        ("1 novembre 2009", None, None),  # Italian: 1 novembre 2009
        ("01.11.2009", "DAT003", "date 01.11.2009 is not in the standard form: write 1 November 2009"),
        ("2 декабря 2009 года", None, None),
        ("2 Декабря 2009 года", "DAT003", "date 2 Декабря 2009 года is not in the standard form: write 2 декабря 2009 года"),
        ("2 décembre 2009", None, None),
        ("1 décembre 2009", "DAT003", "date 1 décembre 2009 is not in the standard form: write 1er décembre 2009"),
    ],
)  # fmt: skip
def test_localised_dates(tmp_path, capsys, date, code, message):
    found = lint(tmp_path, capsys, document("PC.DEL/5/09", date, "ENGLISH only", BODIES["ENGLISH"]))
    assert found == ([] if code is None else [(code, 2, message)])


def test_english_disclaimer_in_a_translation_is_no_alteration(tmp_path, capsys):
    text = document(
        "PC.DEL/5/09", "2 de diciembre de 2009", "ESPAÑOL Original: INGLÉS", BODIES["SPANISH"]
    )
    assert lint(tmp_path, capsys, text) == []


def test_missing_disclaimer_is_not_reported_where_no_translation_is_known(tmp_path, capsys):
    spanish = document(
        "PC.DEL/5/09",
        "2 de diciembre de 2009",
        "ESPAÑOL Original: INGLÉS",
        BODIES["SPANISH"],
        disclaimer="",
    )
    assert lint(tmp_path, capsys, spanish) == []
    english = document(
        "PC.DEL/5/21", "2 December 2021", "ENGLISH only", BODIES["ENGLISH"], disclaimer=""
    )
    assert [code for code, _, _ in lint(tmp_path, capsys, english)] == ["DSC001"]


def test_country_names_in_every_language_are_in_the_gazetteer():
    from statement_lint.reference import default_gazetteer

    names = {alias.name for country in default_gazetteer().countries for alias in country.aliases}
    for name in (
        "Macédoine du Nord",
        "Nordmazedonien",
        "Macedonia del Nord",
        "Macedonia del Norte",
        "Северная Македония",
        "Bosnie-Herzégovine",
        "Bosnien und Herzegowina",
        "Bosnia y Herzegovina",
        "Босния и Герцеговина",
        "Республика Молдова",
    ):
        assert name in names


def test_a_marker_on_two_lines_is_corrected_word_by_word_and_never_joined():
    from statement_lint import lint_text

    text = document(
        "PC.DEL/5/21", "7 March 2021", "English\n\nOriginal: RUSSIAN", BODIES["ENGLISH"]
    )
    [diagnostic] = lint_text(text, path="s.txt")
    assert (diagnostic.code, diagnostic.line) == ("LNG002", 3)
    assert diagnostic.message == (
        "malformed language marker English Original: RUSSIAN: wrong casing or word order: "
        "write ENGLISH Original: RUSSIAN"
    )
    [edit] = diagnostic.fix.edits
    fixed = text[: edit.start] + edit.content + text[edit.end :]
    assert "\nENGLISH\n\nOriginal: RUSSIAN\n" in fixed
    assert lint_text(fixed, path="s.txt") == []
