"""Readers turn a file into a :class:`Document`; they are the only code that touches file
formats, and they turn every failure into a reason on the document, never an exception."""

from __future__ import annotations

import atexit
import os

from statement_lint.readers.limits import Limits
from statement_lint.readers.text import Document, Region, read_bytes, read_text

__all__ = ["SUFFIXES", "Document", "Limits", "Region", "read_bytes", "read_path"]

SUFFIXES = (".txt", ".md", ".pdf", ".docx")

_pdf_extractor = None


def read_path(path: str, shown: str | None = None, limits: Limits | None = None) -> Document:
    """Read the file at `path`, reported as `shown`, by its suffix."""
    shown = shown or path
    limits = limits or Limits()
    suffix = os.path.splitext(path)[1].lower()
    try:
        if os.path.isdir(path):
            try:
                os.listdir(path)
            except OSError as error:
                return Document(shown, None, f"is a folder that cannot be read: {_reason(error)}")
            return Document(shown, None, "is a directory, not a file")
        if suffix == ".pdf":
            return _read_pdf(path, shown, limits)
        if suffix == ".docx":
            return _read_docx(path, shown, limits)
        return read_text(path, shown, limits)
    except OSError as error:
        return Document(shown, None, f"cannot be read: {_reason(error)}")


def _reason(error: OSError) -> str:
    return (error.strerror or str(error)).lower()


def _read_pdf(path: str, shown: str, limits: Limits) -> Document:
    global _pdf_extractor
    from statement_lint.readers.pdf import PdfExtractor, join_pages

    os.stat(path)  # a missing or unreadable file is reported like any other
    if _pdf_extractor is None:
        _pdf_extractor = PdfExtractor(limits)
        atexit.register(_pdf_extractor.close)
    extracted = _pdf_extractor.extract(os.path.abspath(path), limits)
    if extracted.error:
        return Document(shown, None, extracted.error, kind="pdf")
    text, starts = join_pages(extracted.pages)
    regions = tuple(Region(start, page=number) for number, start in enumerate(starts, start=1))
    if not text.strip():
        # No text layer: DOC002 says so in PDF terms.
        return Document(shown, "", None, kind="pdf", regions=regions)
    return Document(shown, text, None, kind="pdf", regions=regions)


def _read_docx(path: str, shown: str, limits: Limits) -> Document:
    from statement_lint.readers.docx import DocxError, read_docx
    from statement_lint.readers.limits import megabytes

    size = os.path.getsize(path)
    if size > limits.document_bytes:
        return Document(
            shown, None, f"is {megabytes(size)}, over the {megabytes(limits.document_bytes)} limit"
        )
    try:
        paragraphs = read_docx(path, limits)
    except DocxError as error:
        return Document(shown, None, str(error), kind="docx")
    parts, regions, offset = [], [], 0
    for paragraph in paragraphs:
        regions.append(Region(offset, paragraph=paragraph.number, part=paragraph.part))
        text = paragraph.text.replace("\r\n", "\n").replace("\r", "\n")
        parts.append(text)
        offset += len(text) + 1
    return Document(shown, "\n".join(parts), None, kind="docx", regions=tuple(regions))
