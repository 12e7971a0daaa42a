"""The parser on each layout: what it finds and where."""

from pathlib import Path

import pytest

from statement_lint.parse import default_parser
from statement_lint.parse.normalize import NormalText

FIXTURES = Path(__file__).parent / "fixtures"


def parse(name):
    return default_parser().parse((FIXTURES / name).read_text(encoding="utf-8"))


def at(part):
    return (part.span.line, part.span.column)


# (fixture, symbol, its position, date, its position, marker position, disclaimer lines)
HEADERS = [
    ("layouts/top.txt", "PC.DEL/1544/23", (1, 1), "16 November 2023", (2, 1), (3, 1), (4, 7)),
    (
        "layouts/bottom.txt",
        "PC.DEL/80/21/Rev.1",
        (41, 1),
        "22 February 2021",
        (43, 1),
        (47, 1),
        (49, 55),
    ),
    ("layouts/middle.txt", "PC.DEL/1010/21", (6, 1), "8 July 2021", (7, 1), (8, 1), (9, 12)),
    ("layouts/flat.txt", "FSC.DEL/301/23", (1, 79), "11 October 2023", (1, 167), (1, 327), (1, 1)),
    ("layouts/split.txt", "PC.DEL/755/22", (1, 1), "3 June 2022", (1, 166), (3, 139), (1, 3)),
]


@pytest.mark.parametrize("header", HEADERS, ids=[h[0] for h in HEADERS])
def test_header_in_each_layout(header):
    name, symbol, symbol_at, date, date_at, marker_at, disclaimer_lines = header
    statement = parse(name)
    assert [(s.text, at(s)) for s in statement.symbols] == [(symbol, symbol_at)]
    assert [(d.text, at(d)) for d in statement.dates] == [(date, date_at)]
    assert [at(m) for m in statement.language_markers] == [marker_at]
    disclaimer = statement.disclaimer
    assert (disclaimer.span.line, disclaimer.span.end_line) == disclaimer_lines
    assert disclaimer.differences == []


def test_restricted_distribution_marker():
    assert at_span(parse("layouts/flat.txt").restricted) == (1, 321)
    assert parse("layouts/top.txt").restricted is None


def at_span(span):
    return (span.line, span.column)


def test_alignment_slots_and_markers():
    statement = parse("layouts/middle.txt")
    countries = [(c.written, c.country_id, c.marker, c.slot) for c in statement.alignment.countries]
    assert countries == [
        ("NORTH MACEDONIA", "MK", "*", "candidate"),
        ("MONTENEGRO", "ME", "*", "candidate"),
        ("ALBANIA", "AL", "*", "candidate"),
        ("BOSNIA and HERZEGOVINA", "BA", None, "sap-potential-candidate"),
        ("ICELAND", "IS", None, "efta-eea"),
        ("LIECHTENSTEIN", "LI", None, "efta-eea"),
        ("NORWAY", "NO", None, "efta-eea"),
        ("UKRAINE", "UA", None, "as-well-as"),
        ("the REPUBLIC OF MOLDOVA", "MD", None, "as-well-as"),
        ("GEORGIA", "GE", None, "as-well-as"),
    ]
    [footnote] = statement.footnotes
    assert footnote.marker == "*"
    assert [c.written for c in footnote.countries] == ["North Macedonia", "Montenegro", "Albania"]
    assert statement.alignment.closing == "align themselves with this statement."


def test_alignment_across_blank_lines_between_wrapped_lines():
    statement = parse("statements/pc-del-80-21-rev1.txt")
    countries = [(c.written, c.marker, c.span.line) for c in statement.alignment.countries]
    assert countries[:4] == [
        ("REPUBLIC of NORTH MACEDONIA", "*", 63),
        ("MONTENEGRO", "*", 63),
        ("SERBIA", "*", 63),
        ("ALBANIA", None, 65),
    ]
    assert [c.written for c in statement.footnotes[0].countries] == [
        "Republic of North Macedonia",
        "Montenegro",
        "Serbia",
        "Albania",
    ]


def test_list_variants():
    text = (
        "The Candidate Countries *NORTH MACEDONIA, MONTENEGRO *, ALBANIA2, and BOSNIA and "
        "HERZEGOVINA, as well as KOSOVO*[1] and the Republic of Moldova align with this statement."
    )
    statement = default_parser().parse(text)
    countries = [(c.written, c.country_id, c.marker) for c in statement.alignment.countries]
    assert countries == [
        ("NORTH MACEDONIA", "MK", "*"),
        ("MONTENEGRO", "ME", "*"),
        ("ALBANIA2", None, None),
        ("BOSNIA and HERZEGOVINA", "BA", None),
        ("KOSOVO", "XK", None),
        ("the Republic of Moldova", "MD", None),
    ]


def test_joint_statement_has_no_alignment_paragraph():
    statement = parse("statements/pc-del-755-22-split.txt")
    assert statement.alignment is None
    assert statement.footnotes == []


def test_citations_in_the_body_are_not_the_header():
    statement = parse("layouts/top.txt")  # cites SEC.GAL/142/23 OSCE+, PC.DEL/1300/22 and dates
    assert [s.text for s in statement.symbols] == ["PC.DEL/1544/23"]
    assert [d.text for d in statement.dates] == ["16 November 2023"]
    assert statement.restricted is None


def test_disclaimer_difference_names_the_words():
    text = (FIXTURES / "layouts/top.txt").read_text(encoding="utf-8")
    text = text.replace("bears no responsibility", "bears responsibility").replace(
        "is\nwithout prejudice", "is\nwithout any prejudice"
    )
    differences = default_parser().parse(text).disclaimer.differences
    assert [(d.kind, d.expected, d.found, d.span.line) for d in differences] == [
        ("missing", "no", "", 4),
        ("added", "", "any", 6),
    ]


def test_normal_text_maps_back_to_the_original():
    original = "Ab  cd \n\n docu-\n  ment \u2019x\u2019"
    normal = NormalText(original)
    assert normal.text == "Ab cd\ndocument 'x'"
    start = normal.text.index("document")
    span = normal.span(start, start + len("document"))
    assert original[span.start : span.end] == "docu-\n  ment"
    assert (span.line, span.column, span.end_line, span.end_column) == (3, 2, 4, 7)
    cd = normal.text.index("cd")
    assert normal.span(cd, cd + 2).column == 5


def test_real_hyphen_at_line_end_is_kept():
    assert NormalText("Bosnia-\nHerzegovina").text == "Bosnia-\nHerzegovina"


# Issue 11: the header found by its structure in the layouts of real circulated documents.

DISCLAIMER = (
    "The OSCE Secretariat bears no responsibility for the content of this document and "
    "circulates it without altering its content. The distribution by OSCE Conference Services "
    "of this document is without prejudice to OSCE decisions, as set out in documents agreed "
    "by OSCE participating States."
)


def header_of(text):
    statement = default_parser().parse(text)
    return (
        [s.text for s in statement.symbols],
        [d.text for d in statement.dates],
        [m.text for m in statement.language_markers],
    )


def test_a_letterhead_after_the_marker_is_no_part_of_the_header():
    text = (
        f"PC.DEL/449/20 {DISCLAIMER.replace('OSCE Conference', 'OSCE 8 May 2020 Conference')} "
        "ENGLISH only EUROPEAN UNION OSCE Permanent Council No. 1266 Vienna, 7 May 2020 "
        "EU Statement on Europe Day Mr Chair, ..."
    )
    assert header_of(text) == (["PC.DEL/449/20"], ["8 May 2020"], ["ENGLISH only"])


def test_a_delivery_dateline_is_not_the_header_date():
    text = (
        f"PC.DEL/1015/21\n9 July 2021\nENGLISH only\n{DISCLAIMER}\n\n"
        "As delivered by Ambassador Ann Example\nto the Permanent Council, Vienna\n"
        "July 8, 2021\n\nThank you, Mr. Chair.\n"
    )
    assert header_of(text) == (["PC.DEL/1015/21"], ["9 July 2021"], ["ENGLISH only"])


def test_a_symbol_cited_alone_on_a_line_is_not_the_header_symbol():
    text = (
        f"PC.DEL/1102/21\n18 November 2021\nENGLISH only\n{DISCLAIMER}\n\n"
        "We have studied the draft circulated as\nPC.DD/27/21\nand we support it.\n"
    )
    assert header_of(text)[0] == ["PC.DEL/1102/21"]


def test_a_translation_marker_on_two_lines_is_one_marker():
    text = f"PC.DEL/1031/21\n12 July 2021\nENGLISH\n\nOriginal: RUSSIAN\n{DISCLAIMER}\n"
    [marker] = default_parser().parse(text).language_markers
    assert (marker.text, marker.form, marker.span.line, marker.span.end_line) == (
        "ENGLISH Original: RUSSIAN",
        "translation",
        3,
        5,
    )


def test_a_journal_header_joined_by_the_osce_letterhead():
    text = (
        "PC.JOUR/1283 Organization for Security and Co-operation in Europe 1 October 2020 "
        "Permanent Council Original: ENGLISH\n\nChairmanship: Albania\n\n"
        "Canada (PC.DEL/1290/20 OSCE+)\n\nPCOEJ1283 - 2 - PC.JOUR/1283 1 October 2020\n"
        "4. Next meeting: Thursday, 8 October 2020\n"
    )
    assert header_of(text) == (["PC.JOUR/1283"], ["1 October 2020"], ["Original: ENGLISH"])


def test_a_right_hand_column_at_the_top_without_disclaimer():
    text = (
        "Statement by the Deputy Prime Minister SUM.DEL/51/10\n2 December 2010\n"
        "Summit of Heads of State and Government ENGLISH\nOriginal: SPANISH\n"
        "Astana, 1-2 December 2010\nMr. Chairman, ...\n"
    )
    assert header_of(text) == (
        ["SUM.DEL/51/10"],
        ["2 December 2010"],
        ["ENGLISH Original: SPANISH"],
    )


def test_the_same_column_in_the_body_is_not_a_header():
    body = "Mr Chair, a long statement.\n" * 5
    text = (
        f"{body}Statement by the Deputy Prime Minister SUM.DEL/51/10\n2 December 2010\n"
        f"Summit of Heads of State and Government ENGLISH\nOriginal: SPANISH\n{body}"
    )
    assert header_of(text) == ([], [], [])


def test_a_damaged_date_inside_the_disclaimer_is_the_header_date_and_no_alteration():
    text = f"PC.DEL/449/20 {DISCLAIMER.replace('OSCE Conference', 'OSCE 12 2020 Conference')}"
    statement = default_parser().parse(text)
    assert [(d.text, d.value, d.problem) for d in statement.dates] == [
        ("12 2020", None, "the month is missing (lost in copying or text extraction?)")
    ]
    assert statement.disclaimer.differences == []


def test_no_symbol_no_marker_no_disclaimer_is_no_header():
    text = (
        "OSCE Permanent Council No. 1460 Vienna, 8 February 2024\n\n8 February 2024\n\nMr Chair\n"
    )
    statement = default_parser().parse(text)
    assert header_of(text) == ([], [], [])
    assert statement.header_start is None


def test_a_disclaimer_alone_between_paragraphs_of_the_body_is_no_header():
    text = f"EU Statement\n\nMr Chair, we welcome the report.\n\n{DISCLAIMER}\n\nThank you.\n"
    statement = default_parser().parse(text)
    assert statement.disclaimer is not None
    assert statement.header_start is None
    opening = default_parser().parse(f"{DISCLAIMER}\n\nMr Chair, we welcome the report.\n")
    assert opening.header_start is not None  # opening the text, it is a header without tokens


@pytest.mark.parametrize(
    "name",
    [
        "real/header-columns-tab-letterhead.txt",
        "real/header-columns-tab-each-row.txt",
        "real/header-columns-layout.txt",
    ],
)
def test_a_header_column_beside_a_letterhead_is_the_header(name):
    statement = parse(name)
    assert [s.text for s in statement.symbols] == ["PC.DEL/1187/21"]
    # The letterhead's meeting date (Vienna, 14 July 2021) stands in another column.
    assert [d.text for d in statement.dates] == ["15 July 2021"]
    assert [m.text for m in statement.language_markers] == ["ENGLISH only"]


def test_a_row_of_header_tokens_alone_keeps_them_all():
    text = (FIXTURES / "real/header-columns-tab-letterhead.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    lines[:3] = ["PC.DEL/1187/21\t15 July 2021\tENGLISH only"]
    statement = default_parser().parse("\n".join(lines))
    assert [s.text for s in statement.symbols] == ["PC.DEL/1187/21"]
    assert [d.text for d in statement.dates] == ["15 July 2021"]
    assert [m.text for m in statement.language_markers] == ["ENGLISH only"]


@pytest.mark.parametrize(
    "header",
    [
        "PC.DEL/1187/21\n15 \u200b July 2021\nENGLISH only",  # a mark between two blanks
        "EUROPEAN UNION\t\u200ePC.DEL/1187/21\n\t15 July 2021\n\tENGLISH only",  # tab, mark
        "PC.DEL/1187/\u200e\n21\n15 July 2021\nENGLISH only",  # a mark before the wrap
    ],
)
def test_invisible_marks_beside_blanks_read_as_blanks(header):
    text = (FIXTURES / "real/header-columns-tab-letterhead.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    statement = default_parser().parse("\n".join([header, *lines[3:]]))
    assert [s.text for s in statement.symbols] == ["PC.DEL/1187/21"]
    assert [d.text for d in statement.dates] == ["15 July 2021"]
    assert [m.text for m in statement.language_markers] == ["ENGLISH only"]
