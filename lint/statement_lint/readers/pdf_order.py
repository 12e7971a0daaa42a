"""Reading a PDF page in the order a person reads it: on page 1 the header region first (the
header block is found by its place), and a page set in columns a column at a time, left to
right (`reading_blocks`), whatever order the producer wrote the lines in; a page in one column
keeps PDFium's order."""

from __future__ import annotations

import itertools
import statistics

# The share of page 1, from the top, where the header block (symbol, date, marker) stands.
HEADER_REGION = 0.22
# Two runs of text on a line stand apart (in columns) when more than a line's height of blank
# space parts them: more than a justified line stretches a word space, less than a gutter.
_GUTTER = 1.0
# A column holds at least this many lines, and this share of the width: fewer lines side by
# side are a table's cells or a river of blank space through justified lines; narrower, a
# column of bullets or numbers before the items of a list.
_MIN_COLUMN_LINES = 3
_MIN_COLUMN_SHARE = 0.2
# A page has tens of runs of text, a dense one hundreds; laying out more would cost seconds.
_MAX_BOXES = 5000

Box = tuple[float, float, float, float]  # left, bottom, right, top, in points


def page_text(text_page, bounds: Box, first: bool) -> str:
    """The text of a page in reading order; on page 1, the header region first."""
    left, bottom, right, top = bounds
    if not first:
        return _region_text(text_page, _boxes(text_page)) or text_page.get_text_range()
    boxes = _boxes(text_page)
    split = _between_lines(top - (top - bottom) * HEADER_REGION, boxes)
    head = text_page.get_text_bounded(left, split, right, top)
    below = [box for box in boxes if box[1] + box[3] < 2 * split]
    rest = _region_text(text_page, below)
    rest = rest or text_page.get_text_bounded(left, bottom, right, split)
    return f"{head}\n{rest}" if head and rest else head or rest


def _between_lines(split: float, boxes: list[Box]) -> float:
    """`split`, moved down below the lines it would cut through: a line that straddles the
    edge of the header region belongs to the region, and is read once."""
    while cut := [box[1] for box in boxes if box[1] < split < box[3]]:
        split = min(cut) - 0.01
    return split


def _boxes(text_page) -> list[Box]:
    """The boxes PDFium puts around the runs of text of a page (one a line or less); none
    when there are too many to lay out in good time (PDFium's order is then kept)."""
    count = text_page.count_rects()
    if count > _MAX_BOXES:
        return []
    return [text_page.get_rect(index) for index in range(count)]


def _region_text(text_page, boxes: list[Box]) -> str | None:
    """The text of a page region set in columns, a block at a time; None for one column."""
    blocks = reading_blocks(boxes)
    if blocks is None:
        return None
    return "\n".join(text_page.get_text_bounded(*block) for block in blocks)


def reading_blocks(boxes: list[Box]) -> list[Box] | None:
    """The blocks of text of a page region in reading order, or None when no part of it is
    set in columns (PDFium's order is then right).

    The lines are taken top to bottom. Consecutive lines that keep a gutter (a band of blank
    space from top to bottom) between their runs of text make a band of columns, read a column
    at a time, left to right; a line across the gutter (a heading, a page number) ends the
    band. Other lines are read as they stand.
    """
    if not boxes:
        return None
    gutter = _GUTTER * statistics.median(top - bottom for _, bottom, _, top in boxes)
    blocks: list[Box] = []
    plain: list[Box] = []  # lines read as they stand, since the last columns
    band: list[Box] = []  # consecutive lines that keep a gutter between them
    covered: list[tuple[float, float]] = []  # where the band has text, across the page
    lines_in_band = 0
    in_columns = False
    for line in [*_lines(boxes), []]:  # the empty line ends the last band
        across = _merge(covered + [(box[0], box[2]) for box in line])
        if line and (not band or _has_gutter(across, gutter)):
            band += line
            covered, lines_in_band = across, lines_in_band + 1
            continue
        # (A band of a line or two, most often, cannot be columns: no need to look.)
        columns = _columns(band, gutter) if lines_in_band >= _MIN_COLUMN_LINES else None
        if columns:
            if plain:
                blocks.append(_bounds(plain))
            blocks += [_bounds(column) for column in columns]
            plain, in_columns = [], True
        else:
            plain += band
        band, covered = list(line), _merge([(box[0], box[2]) for box in line])
        lines_in_band = 1
    if plain:
        blocks.append(_bounds(plain))
    return blocks if in_columns else None


def _lines(boxes: list[Box]) -> list[list[Box]]:
    """The boxes by line, top to bottom: boxes that overlap in height are on one line."""
    lines: list[list[Box]] = []
    bottom = None
    for box in sorted(boxes, key=lambda box: -box[3]):
        if bottom is None or box[3] < bottom:
            lines.append([])
            bottom = box[1]
        lines[-1].append(box)
        bottom = min(bottom, box[1])
    return lines


def _merge(extents: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Overlapping extents along a line merged, in order."""
    merged: list[tuple[float, float]] = []
    for start, end in sorted(extents):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _has_gutter(merged: list[tuple[float, float]], gutter: float) -> bool:
    return any(b[0] - a[1] > gutter for a, b in itertools.pairwise(merged))


def _columns(band: list[Box], gutter: float) -> list[list[Box]] | None:
    """The columns of a band, left to right, or None if they are no columns: too short, or
    too narrow."""
    columns: list[list[Box]] = []
    end = None
    for box in sorted(band):
        if end is None or box[0] - end > gutter:
            columns.append([])
        columns[-1].append(box)
        end = box[2] if end is None else max(end, box[2])
    left, _, right, _ = _bounds(band)
    if len(columns) < 2 or not all(_is_column(column, right - left) for column in columns):
        return None
    return columns


def _is_column(boxes: list[Box], width: float) -> bool:
    left, _, right, _ = _bounds(boxes)
    return len(_lines(boxes)) >= _MIN_COLUMN_LINES and right - left >= _MIN_COLUMN_SHARE * width


def _bounds(boxes: list[Box]) -> Box:
    return (
        min(box[0] for box in boxes),
        min(box[1] for box in boxes),
        max(box[2] for box in boxes),
        max(box[3] for box in boxes),
    )
