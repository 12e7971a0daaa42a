"""Plain-text statements (.txt, .md): decoding and line-end normalisation."""

from __future__ import annotations

import codecs
import os
from dataclasses import dataclass

# Statements are a few kilobytes; anything this large is not one, and reading it whole would
# cost memory for nothing.
MAX_TEXT_BYTES = 16 * 1024 * 1024

# Longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_MAGIC = (
    (b"%PDF-", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive (a Word .docx file?)"),
    (b"\xd0\xcf\x11\xe0", "an old binary Office file (.doc?)"),
    (b"{\\rtf", "an RTF file"),
)


@dataclass(frozen=True, slots=True)
class Document:
    """A read document: its text with `\\n` line ends, or the reason it could not be read.

    `encoding`, `bom` and `raw` (the decoded text with its own line ends, kept when they are
    not all `\\n`) let --fix write the file back exactly as it was, but for its edits.
    """

    path: str
    text: str | None
    error: str | None = None
    encoding: str = "utf-8"
    bom: bytes = b""
    raw: str | None = None

    @property
    def is_empty(self) -> bool:
        return self.text is not None and not self.text.strip()


def read_path(path: str, display_path: str | None = None) -> Document:
    shown = display_path or path
    try:
        size = os.path.getsize(path)
        if size > MAX_TEXT_BYTES:
            return Document(
                shown,
                None,
                f"is {_megabytes(size)}, over the "
                f"{_megabytes(MAX_TEXT_BYTES)} limit for a text statement",
            )
        with open(path, "rb") as handle:
            data = handle.read(MAX_TEXT_BYTES + 1)
    except IsADirectoryError:
        try:
            os.listdir(path)
        except OSError as error:
            return Document(shown, None, f"is a folder that cannot be read: {_reason(error)}")
        return Document(shown, None, "is a directory, not a file")
    except OSError as error:
        return Document(shown, None, f"cannot be read: {_reason(error)}")
    return read_bytes(data, shown)


def read_bytes(data: bytes, path: str) -> Document:
    if len(data) > MAX_TEXT_BYTES:
        return Document(
            path, None, f"is over the {_megabytes(MAX_TEXT_BYTES)} limit for a text statement"
        )
    try:
        raw, encoding, bom = decode(data)
    except ValueError as error:
        return Document(path, None, str(error))
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    return Document(path, text, None, encoding, bom, raw if text != raw else None)


def decode(data: bytes) -> tuple[str, str, bytes]:
    """Decode UTF-8 (with or without BOM), UTF-16 or UTF-32 with BOM; refuse binary data.
    Returns the text, the codec that encodes it back, and the byte-order mark."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), encoding, bom
            except UnicodeDecodeError as error:
                name = encoding.upper().removesuffix("-LE").removesuffix("-BE")
                raise ValueError(
                    f"is not valid {name} despite its byte-order mark (byte "
                    f"{error.start + len(bom)}); re-save it as UTF-8"
                ) from None
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise ValueError(f"is binary: it looks like {kind}, not text")
    if b"\x00" in data[:65536]:
        raise ValueError(
            "is binary: it contains NUL bytes (a UTF-16 file without byte-order "
            "mark, or not text at all); re-save it as UTF-8"
        )
    try:
        return data.decode("utf-8"), "utf-8", b""
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise ValueError(
            f"is not valid UTF-8 (byte 0x{data[error.start]:02x} on line {line}); "
            "re-save it as UTF-8"
        ) from None


def _reason(error: OSError) -> str:
    return (error.strerror or str(error)).lower()


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"
