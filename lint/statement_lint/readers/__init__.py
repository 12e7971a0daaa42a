"""Readers turn a file's bytes into a :class:`Document`; they are the only code that touches
file formats, and they turn every failure into a reason on the document, never an exception."""

from statement_lint.readers.text import Document, read_bytes, read_path

__all__ = ["Document", "read_bytes", "read_path"]
