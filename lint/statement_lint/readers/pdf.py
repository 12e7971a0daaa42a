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
import multiprocessing
import os
import sys

from statement_lint.readers.errors import reason
from statement_lint.readers.limits import MEGABYTE, Limits
from statement_lint.readers.pdf_order import page_text
from statement_lint.records import record

_PAGE_SEPARATOR = "\n\n"
# PDFium writes a hyphen that breaks a word at a line end as U+0002; other control characters
# are not text (a message quoting them would span lines).
_PDFIUM_CHARACTERS = {2: "-", 13: "\n", **{c: " " for c in range(32) if c not in (2, 9, 10, 13)}}


@record(frozen=True)
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
            text = page_text(page.get_textpage(), page.get_bbox(), first=index == 0)
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
