"""How much a reader may spend on one file."""

from __future__ import annotations

from statement_lint.records import record

MEGABYTE = 1024 * 1024


@record(frozen=True)
class Limits:
    text_mb: float = 16  # a text statement (a few kilobytes), and the text of a Word file
    document_mb: float = 50  # a PDF or Word file, and the Word parts read, inflated, in all
    pages: int = 500  # PDF pages read
    seconds: float = 20  # extracting one PDF
    memory_mb: int = 512  # the PDF extraction process, on top of what it starts with

    @property
    def text_bytes(self) -> int:
        return int(self.text_mb * MEGABYTE)

    @property
    def document_bytes(self) -> int:
        return int(self.document_mb * MEGABYTE)


def megabytes(size: int) -> str:
    """`16.0 MB`; a size under 0.1 MB in kilobytes (`5 KB`), which 0.0 MB would hide."""
    if size < MEGABYTE // 10:
        return f"{size / 1024:.0f} KB"
    return f"{size / MEGABYTE:.1f} MB"
