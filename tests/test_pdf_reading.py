"""PDF pages read as a person sees them: a rotated or landscape page line by line, its header
region on top; a page set in two columns a column at a time, whatever order the producer
wrote its lines in."""

import io
from dataclasses import replace

import pytest

from documents import statement_from_top_layout, write_pdf
from statement_lint.cli import main
from statement_lint.readers.pdf_order import _boxes, reading_blocks

CLEAN = statement_from_top_layout("layouts/top.txt")
# Set in two columns, these run from the foot of the left column on page 1 to the top of the
# right one: the alignment paragraph, and its footnote.
SPLIT_ALIGNMENT = replace(CLEAN, body=CLEAN.body * 3)
SPLIT_FOOTNOTE = replace(CLEAN, body=CLEAN.body * 2 + CLEAN.body[:2])
SLIPS = {
    "date": ("16 November 2023", "November 16, 2023"),
    "unmarked": ("ALBANIA*,", "ALBANIA,"),
}
DAT003 = (
    "2:1: DAT003 date November 16, 2023 is not in the standard form: write 16 November 2023 "
    "(page 1)"
)
ALN002 = (
    "{}: ALN002 ALBANIA is named in the footnote * (page {}) but has no * in the alignment "
    "paragraph: write ALBANIA* (page 1)"
)

# name: the statement, how its PDF is laid out, where the unmarked ALBANIA is read (as in the
# same layout upright and in its plain order, which was always read right), the footnote's page.
LAYOUTS = {
    "rotated-90": (CLEAN, {"rotation": 90}, ("14:56", 1)),
    "rotated-180": (CLEAN, {"rotation": 180}, ("14:56", 1)),
    "rotated-270": (CLEAN, {"rotation": 270}, ("14:56", 1)),
    "rotated-90-header-last": (CLEAN, {"rotation": 90, "header_last": True}, ("14:56", 1)),
    "landscape": (CLEAN, {"landscape": True}, ("14:56", 1)),
    "landscape-rotated-90": (CLEAN, {"landscape": True, "rotation": 90}, ("14:56", 1)),
    "landscape-rotated-270": (CLEAN, {"landscape": True, "rotation": 270}, ("14:56", 1)),
    "two-columns": (SPLIT_ALIGNMENT, {"columns": 2}, ("42:26", 1)),
    "two-columns-by-rows": (SPLIT_ALIGNMENT, {"columns": 2, "by_rows": True}, ("42:26", 1)),
    "two-columns-by-rows-header-last": (
        SPLIT_ALIGNMENT,
        {"columns": 2, "by_rows": True, "header_last": True},
        ("42:26", 1),
    ),
    "two-columns-rotated-90-by-rows": (
        SPLIT_ALIGNMENT,
        {"columns": 2, "by_rows": True, "rotation": 90},
        ("42:26", 1),
    ),
    "two-columns-landscape-by-rows": (
        SPLIT_ALIGNMENT,
        {"columns": 2, "by_rows": True, "landscape": True},
        ("33:1", 1),
    ),
    "two-columns-footnote": (SPLIT_FOOTNOTE, {"columns": 2}, ("38:26", 1)),
    "two-columns-footnote-by-rows": (
        SPLIT_FOOTNOTE,
        {"columns": 2, "by_rows": True},
        ("38:26", 1),
    ),
    "two-columns-footnote-rotated-270-by-rows": (
        SPLIT_FOOTNOTE,
        {"columns": 2, "by_rows": True, "rotation": 270},
        ("38:26", 1),
    ),
    "two-columns-landscape-rotated-270": (
        SPLIT_ALIGNMENT,
        {"columns": 2, "landscape": True, "rotation": 270},
        ("33:1", 1),
    ),
}


@pytest.fixture
def lint(tmp_path, monkeypatch, capsys):
    """Lints the PDF of this statement in this layout as `statement.pdf`; its diagnostic
    lines, after checking the exit status goes with them."""
    monkeypatch.chdir(tmp_path)

    def run(statement, options) -> list[str]:
        write_pdf(statement, tmp_path / "statement.pdf", **options)
        status = main(["--isolated", "-q", "--no-cache", "statement.pdf"], stdin=io.StringIO())
        out, err = capsys.readouterr()
        lines = out.splitlines()
        assert (status, err) == (1 if lines else 0, "")
        return lines

    return run


@pytest.mark.parametrize("layout", LAYOUTS)
def test_clean_statement(lint, layout):
    statement, options, _ = LAYOUTS[layout]
    assert lint(statement, options) == []


@pytest.mark.parametrize("slip", SLIPS)
@pytest.mark.parametrize("layout", LAYOUTS)
def test_one_slip_gives_that_slip_only(lint, layout, slip):
    statement, options, (where, footnote) = LAYOUTS[layout]
    expected = DAT003 if slip == "date" else ALN002.format(where, footnote)
    assert lint(statement.replace_text(*SLIPS[slip]), options) == [f"statement.pdf:{expected}"]


# The reading order of a page's runs of text (left, bottom, right, top), on an A4 page.


def line(left: float, top: float, right: float) -> tuple[float, float, float, float]:
    return (left, top - 8, right, top)


def test_one_column_keeps_pdfiums_order():
    assert reading_blocks([line(72, 700 - 12 * i, 520) for i in range(30)]) is None
    assert reading_blocks([]) is None


def test_columns_one_after_the_other_between_a_heading_and_a_page_number():
    heading = line(72, 760, 520)
    left = [line(72, 700 - 12 * i, 280) for i in range(20)]
    right = [line(300, 700 - 12 * i, 520) for i in range(15)]
    page_number = line(270, 60, 320)
    # Written row by row across the columns, then the rest of the left column.
    rows = [box for pair in zip(left[:15], right, strict=True) for box in pair] + left[15:]
    assert reading_blocks([page_number, *rows, heading]) == [
        heading,
        (72, 464, 280, 700),
        (300, 524, 520, 700),
        page_number,
    ]


def test_side_by_side_but_not_columns_keeps_pdfiums_order():
    text = [line(72, 700 - 12 * i, 520) for i in range(10)]
    # "Vienna" at a tab stop beside a line.
    assert reading_blocks([line(72, 712, 200), line(400, 712, 450), *text]) is None
    # Two rows of a table; a river of blank space through two justified lines.
    cells = [line(72, 400, 200), line(300, 400, 520), line(72, 388, 200), line(300, 388, 520)]
    assert reading_blocks([*text, *cells]) is None
    # A bulleted list: the bullets stand apart from their items.
    items = [
        box for i in range(6) for box in (line(72, 300 - 12 * i, 76), line(90, 300 - 12 * i, 520))
    ]
    assert reading_blocks([*text, *items]) is None


def test_a_column_that_starts_lower_is_read_after_the_other():
    above = [line(72, 760 - 12 * i, 520) for i in range(3)]  # a paragraph across the page
    left = [line(72, 700 - 12 * i, 280) for i in range(5)]
    right = [line(300, 688 - 12 * i, 520) for i in range(4)]  # after a blank line
    below = [line(72, 600 - 12 * i, 520) for i in range(2)]
    assert reading_blocks([*below, *right, *left, *above]) == [
        (72, 728, 520, 760),
        (72, 644, 280, 700),
        (300, 644, 520, 688),
        (72, 580, 520, 600),
    ]


def test_too_many_runs_of_text_to_lay_out_keep_pdfiums_order():
    class Crowded:  # a page of 10,000 runs of text, as PDFium counts them
        def count_rects(self):
            return 10_000

        def get_rect(self, index):
            raise AssertionError("not laid out")

    assert _boxes(Crowded()) == []
