"""PDF statements, through PDFium (pypdfium2), in a separate process.

PDFium is C++ and PDFs come from anywhere: a compression bomb, a pathological object graph or
a parser bug must cost one diagnostic, not the run. Extraction therefore runs in a worker
process with a memory limit, and the caller waits for it no longer than the time limit; a worker
that dies or is stopped is replaced for the next file.

Page 1's header block is found by its place: the text in the top region of the page comes
first in the document's text, then the rest of the page, then the other pages. Producers write
the header into the page after the body as often as before it, so "first lines" would not do.

Pages are read as a person sees them. A rotated page (/Rotate 90, 180, 270) is first turned
upright in memory, so that its lines are lines and its top is the top. A page set in columns
is read a column at a time, left to right (see `reading_blocks`), whatever order the producer
wrote the lines in; a page in one column keeps PDFium's order.
"""

from __future__ import annotations

import faulthandler
import itertools
import multiprocessing
import os
import statistics
import sys
from dataclasses import dataclass

from statement_lint.readers.errors import reason
from statement_lint.readers.limits import MEGABYTE, Limits

# The share of page 1, from the top, where the header block (symbol, date, marker) stands.
HEADER_REGION = 0.22
_PAGE_SEPARATOR = "\n\n"
# PDFium writes a hyphen that breaks a word at a line end as U+0002; other control characters
# are not text (a message quoting them would span lines).
_PDFIUM_CHARACTERS = {2: "-", 13: "\n", **{c: " " for c in range(32) if c not in (2, 9, 10, 13)}}
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


@dataclass(frozen=True)
class Extracted:
    pages: list[str]  # page 1 with its header region first; `\n` line ends
    error: str | None = None


def _extract(data: bytes, max_pages: int) -> Extracted:
    """Runs in the worker: the text of each page of the PDF whose bytes are `data`."""
    import pypdfium2 as pdfium

    head = data[:1024]
    if b"%PDF-" not in head:
        kind = "text" if head and b"\0" not in head else "something else"
        return Extracted([], f"is not a PDF: it has no PDF header (it looks like {kind})")
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        return Extracted([], _explain(str(error)))
    try:
        count = len(document)
        if count > max_pages:
            return Extracted([], f"has {count} pages, over the limit of {max_pages}")
        pages = []
        for index in range(count):
            page = document[index]
            _upright(page)
            text = _page_text(page.get_textpage(), page.get_bbox(), first=index == 0)
            pages.append(text.replace("\r\n", "\n").translate(_PDFIUM_CHARACTERS))
        return Extracted(pages)
    except pdfium.PdfiumError as error:
        return Extracted([], f"cannot be read: {error}")
    finally:
        document.close()


def _upright(page) -> None:
    """Turns a rotated page upright in memory: every object is moved to where it is seen, the
    rotation is then 0. PDFium tells lines apart by their height on the page, so the lines of
    a page turned a quarter would otherwise run together, and its top would be a side."""
    import pypdfium2.raw as pdfium_c

    rotation = page.get_rotation()
    if not rotation:
        return
    left, bottom, right, top = page.get_bbox()
    width, height = right - left, top - bottom
    # Where a point of the page is seen: x' = a x + c y + e, y' = b x + d y + f.
    a, b, c, d, e, f = {
        90: (0, -1, 1, 0, 0, width),
        180: (-1, 0, 0, -1, width, height),
        270: (0, 1, -1, 0, height, 0),
    }[rotation]
    e, f = e - (a * left + c * bottom), f - (b * left + d * bottom)  # the box's corner at 0, 0
    for index in range(pdfium_c.FPDFPage_CountObjects(page.raw)):
        pdfium_c.FPDFPageObj_Transform(
            pdfium_c.FPDFPage_GetObject(page.raw, index), a, b, c, d, e, f
        )
    seen = (height, width) if rotation in (90, 270) else (width, height)
    page.set_rotation(0)
    page.set_mediabox(0, 0, *seen)
    page.set_cropbox(0, 0, *seen)


def _page_text(text_page, bounds: Box, first: bool) -> str:
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


def _explain(error: str) -> str:
    lowered = error.lower()
    if "password" in lowered:
        return "is encrypted (password-protected): save an unprotected copy to lint it"
    if "format" in lowered or "file" in lowered:
        return "is not a valid PDF (corrupt or truncated)"
    return f"cannot be read by PDFium: {error}"


def _serve(connection, memory_bytes: int) -> None:
    """The worker: extract each path it is sent, under a memory limit."""
    # What goes wrong in here is reported through the pipe; PDFium's own complaints about
    # malformed files, and crash dumps, would only clutter the user's terminal.
    faulthandler.disable()
    with open(os.devnull, "w") as devnull:
        os.dup2(devnull.fileno(), 2)
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (_address_space() + memory_bytes,) * 2)
    except (ImportError, ValueError, OSError):
        pass  # no limit on this system: the time limit still holds
    while True:
        try:
            request = connection.recv()
        except EOFError:
            return
        data, max_pages = request
        try:
            result = _extract(data, max_pages)
        except MemoryError:
            result = Extracted([], "needs more memory than the limit allows (a compression bomb?)")
        except OSError as error:
            result = Extracted([], f"cannot be read: {reason(error)}")
        except Exception as error:  # PDFium's bindings raise more than PdfiumError
            result = Extracted([], f"cannot be read by PDFium: {error}")
        connection.send(result)


def _address_space() -> int:
    """The worker's current virtual size: the memory limit comes on top of it."""
    try:
        with open("/proc/self/statm") as handle:
            return int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        return 512 * MEGABYTE


class PdfExtractor:
    """A worker process that extracts PDFs one at a time, replaced when it fails."""

    def __init__(self, limits: Limits) -> None:
        self._limits = limits
        method = "fork" if sys.platform.startswith("linux") else "spawn"
        self._context = multiprocessing.get_context(method)
        self._process = None
        self._connection = None

    def _start(self) -> None:
        parent, child = self._context.Pipe()
        memory = self._limits.memory_mb * MEGABYTE
        self._process = self._context.Process(target=_serve, args=(child, memory), daemon=True)
        self._process.start()
        child.close()
        self._connection = parent

    def _stop(self) -> None:
        if self._process is not None:
            self._process.kill()
            self._process.join()
        if self._connection is not None:
            self._connection.close()
        self._process = self._connection = None

    def extract(self, data: bytes, limits: Limits) -> Extracted:
        if self._process is None or not self._process.is_alive():
            self._stop()
            self._start()
        try:
            self._connection.send((data, limits.pages))
            if not self._connection.poll(limits.seconds):
                self._stop()
                return Extracted(
                    [], f"took longer than {limits.seconds:g} s to extract, and was stopped"
                )
            return self._connection.recv()
        except (EOFError, BrokenPipeError, ConnectionResetError):
            self._stop()
            return Extracted(
                [], "made the PDF reader fail (a malformed PDF, or over the memory limit)"
            )

    def close(self) -> None:
        self._stop()


def join_pages(pages: list[str]) -> tuple[str, list[int]]:
    """The document's text, and where each page starts in it."""
    starts, parts, offset = [], [], 0
    for page in pages:
        starts.append(offset)
        parts.append(page)
        offset += len(page) + len(_PAGE_SEPARATOR)
    return _PAGE_SEPARATOR.join(parts), starts
