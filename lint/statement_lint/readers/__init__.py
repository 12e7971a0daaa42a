"""Readers turn a file into a :class:`Document`; they are the only code that touches file
formats, and they turn every failure into a reason on the document, never an exception.

A file is opened once, checked to be a regular file, and read with a bound, whatever its size
claims to be (`/dev/zero` claims 0); the bytes read are what is linted, hashed for the cache
and compared against before --fix replaces the file.
"""

from __future__ import annotations

import atexit
import codecs
import os
import stat

from statement_lint.readers.errors import NotRegular, reason
from statement_lint.readers.limits import Limits, megabytes
from statement_lint.readers.text import Document, FileState, Region, normal_line_ends, read_bytes

__all__ = [
    "SUFFIXES",
    "Document",
    "FileState",
    "Limits",
    "Region",
    "Unreadable",
    "read_bounded",
    "read_bytes",
    "read_data",
    "read_path",
    "read_utf8",
    "reason",
]

SUFFIXES = (".txt", ".md", ".pdf", ".docx")
DOCUMENT_SUFFIXES = (".pdf", ".docx")
# Formats statements are kept in that statement-lint does not read: a file of one gets one
# DOC001 that says how to make it readable, rather than being passed over in silence.
UNSUPPORTED = {
    ".doc": "a Word 97-2003 document",
    ".rtf": "a Rich Text Format document",
    ".odt": "an OpenDocument text",
}
DISCOVERED = SUFFIXES + tuple(UNSUPPORTED)

_pdf_extractor = None

_KINDS = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def read_bounded(path: str, limit: int) -> tuple[bytes, os.stat_result]:
    """The bytes of the regular file at `path`, at most `limit + 1` of them (one more than
    allowed, so that the caller can tell an over-long file), and its status when opened.

    Raises NotRegular for a FIFO, device or socket (opened without blocking, never read), and
    OSError when the file cannot be opened or read.
    """
    _check_regular(os.stat(path), path)  # a socket cannot even be opened
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    descriptor = os.open(path, flags)
    try:
        status = os.fstat(descriptor)
        _check_regular(status, path)  # what was opened, in case the name changed meanwhile
        chunks, total = [], 0
        while total <= limit:
            chunk = os.read(descriptor, min(1024 * 1024, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        return b"".join(chunks), status
    finally:
        os.close(descriptor)


def _check_regular(status: os.stat_result, path: str) -> None:
    if stat.S_ISDIR(status.st_mode):
        raise IsADirectoryError(21, "Is a directory", path)
    if not stat.S_ISREG(status.st_mode):
        kind = next((name for test, name in _KINDS if test(status.st_mode)), "not a file")
        raise NotRegular(f"is {kind}, not a regular file")


_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),  # before UTF-16 LE, whose mark it starts with
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)


class Unreadable(Exception):
    """Why a config, baseline, profile or registry file cannot be read as UTF-8 text (`is a
    directory, not a file`); `advice`, when the problem itself says what to do."""

    def __init__(self, problem: str, advice: str | None = None) -> None:
        super().__init__(problem)
        self.problem = problem
        self.advice = advice

    def message(self, subject: str, advice: str) -> str:
        return f"{subject} {self.problem}; {self.advice or advice}"


def read_utf8(path: str, limit: int, what: str) -> str:
    """The text of the regular file at `path`, UTF-8 with or without byte-order mark, of at
    most `limit` bytes (`what` names the kind of file in messages). Raises Unreadable; never
    blocks on a FIFO nor reads a device."""
    try:
        data, _ = read_bounded(path, limit)
    except IsADirectoryError:
        raise Unreadable("is a directory, not a file") from None
    except NotRegular as error:
        raise Unreadable(str(error)) from None
    except (OSError, ValueError) as error:  # ValueError: a NUL in the path
        raise Unreadable(f"cannot be read: {_described(error)}") from None
    if len(data) > limit:
        raise Unreadable(f"is over the {megabytes(limit)} limit for {what}")
    for bom, name in _WIDE_BOMS:
        if data.startswith(bom):
            raise Unreadable(
                f"is {name} (it starts with a byte-order mark), not UTF-8", "re-save it as UTF-8"
            )
    try:
        return data.removeprefix(codecs.BOM_UTF8).decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise Unreadable(
            f"is not UTF-8 (byte 0x{data[error.start]:02x} on line {line})", "re-save it as UTF-8"
        ) from None


def _described(error: Exception) -> str:
    return reason(error) if isinstance(error, OSError) else str(error)


def read_path(
    path: str, shown: str | None = None, limits: Limits | None = None, hashed: bool = True
) -> Document:
    """Read the file at `path`, reported as `shown`, by its suffix. `hashed`: the bytes' hash
    goes into `Document.source` (the cache and --fix need it; loading `hashlib`, OpenSSL's,
    costs a cold start 3 ms)."""
    shown = shown or path
    limits = limits or Limits()
    suffix = os.path.splitext(path)[1].lower()
    limit = size_limit(suffix, limits)
    try:
        data, status = read_bounded(path, limit)
    except IsADirectoryError:
        try:
            os.listdir(path)
        except OSError as error:
            return Document(shown, None, f"is a folder that cannot be read: {reason(error)}")
        return Document(shown, None, "is a directory, not a file")
    except NotRegular as error:
        return Document(shown, None, str(error))
    except OSError as error:
        return Document(shown, None, f"cannot be read: {reason(error)}")
    if len(data) > limit:
        return Document(shown, None, over_limit(suffix, limits, status.st_size, len(data)))
    digest = None
    if hashed:
        import hashlib

        digest = hashlib.sha256(data).hexdigest()
    state = FileState(status.st_size, status.st_mtime_ns, digest, status.st_ctime_ns)
    return read_data(data, shown, suffix, limits).with_source(state)


def size_limit(suffix: str, limits: Limits) -> int:
    """The most bytes read of a file with this suffix (`.pdf`)."""
    return limits.document_bytes if suffix in DOCUMENT_SUFFIXES else limits.text_bytes


def over_limit(suffix: str, limits: Limits, claimed: int, read: int) -> str:
    """What is wrong with a file over its size limit (`claimed`: its size as the system says)."""
    limit = size_limit(suffix, limits)
    what = "" if suffix in DOCUMENT_SUFFIXES else " for a text statement"
    over = f"is {megabytes(max(claimed, read))}, over" if claimed > limit else "is over"
    return f"{over} the {megabytes(limit)} limit{what}"


def read_data(data: bytes, shown: str, suffix: str, limits: Limits) -> Document:
    """The document in `data`, read as the kind of file its suffix (`.docx`, lower case)
    says: a file's bytes, standard input's, or a library caller's; over the size limit for
    its kind, one reason that says so."""
    if len(data) > size_limit(suffix, limits):
        return Document(shown, None, over_limit(suffix, limits, 0, len(data)))
    if suffix == ".pdf":
        return _read_pdf(data, shown, limits)
    if suffix == ".docx":
        return _read_docx(data, shown, limits)
    if suffix in UNSUPPORTED:
        return Document(
            shown,
            None,
            f"is {UNSUPPORTED[suffix]} ({suffix}), which statement-lint cannot read: save it "
            "as .docx (Word: File > Save As > Word Document) or as plain text, and lint that",
        )
    return read_bytes(data, shown, limits)


def _read_pdf(data: bytes, shown: str, limits: Limits) -> Document:
    global _pdf_extractor
    from statement_lint.readers.pdf import PdfExtractor, join_pages

    if _pdf_extractor is None:
        _pdf_extractor = PdfExtractor(limits)
        atexit.register(_pdf_extractor.close)
    extracted = _pdf_extractor.extract(data, limits)
    if extracted.error:
        return Document(shown, None, extracted.error, kind="pdf")
    text, starts = join_pages(extracted.pages)
    regions = tuple(Region(start, page=number) for number, start in enumerate(starts, start=1))
    if not text.strip():
        # No text layer: DOC002 says so in PDF terms.
        return Document(shown, "", None, kind="pdf", regions=regions)
    return Document(shown, text, None, kind="pdf", regions=regions)


def _read_docx(data: bytes, shown: str, limits: Limits) -> Document:
    from statement_lint.readers.docx import DocxError, read_docx

    try:
        paragraphs = read_docx(data, limits)
    except DocxError as error:
        return Document(shown, None, str(error), kind="docx")
    parts, regions, editable, offset = [], [], [], 0
    for paragraph in paragraphs:
        regions.append(
            Region(
                offset,
                paragraph=paragraph.number,
                part=paragraph.part,
                table=paragraph.table,
                row=paragraph.row,
            )
        )
        text = normal_line_ends(paragraph.text)
        if len(text) == len(paragraph.text):  # else its offsets no longer say what they did
            editable += [(offset + start, offset + end) for start, end in paragraph.editable]
        parts.append(text)
        offset += len(text) + 1
    return Document(
        shown,
        "\n".join(parts),
        None,
        kind="docx",
        regions=tuple(regions),
        editable=tuple(editable),
    )
