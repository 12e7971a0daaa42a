"""Plain-text statements (.txt, .md): decoding and line-end normalisation."""

from __future__ import annotations

import codecs
from bisect import bisect_right
from typing import TYPE_CHECKING, NamedTuple

from statement_lint.diagnostic import locator
from statement_lint.readers.limits import Limits, megabytes

if TYPE_CHECKING:
    from statement_lint.model import Span

# Longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_MAGIC = (
    (b"%PDF-", "it is a PDF file: give it the .pdf suffix to lint it as one"),
    (b"PK\x03\x04", "it is a ZIP archive: if it is a Word file, give it the .docx suffix"),
    (b"\xd0\xcf\x11\xe0", "it is an old binary Office file (.doc?): save it as .docx"),
    (b"{\\rtf", "it is an RTF file: save it as .docx or plain text"),
)


class Region(NamedTuple):
    """Where a stretch of a PDF's or Word file's text comes from: diagnostics inside it name
    the page, or the paragraph (and the part: header, footnote, ...; the table and row)."""

    start: int  # offset in the document's text
    page: int | None = None
    paragraph: int | None = None
    part: str | None = None
    table: int | None = None  # Word body: the table (1-based) and row the paragraph is in
    row: int | None = None

    @property
    def locator(self) -> str:
        """Where this is, as the author sees the file: `page 2`, `footnote 1`, `page header`,
        `table 1, row 2`, `paragraph 12`."""
        return locator(self.page, self.paragraph, self.part, self.table, self.row)


class FileState(NamedTuple):
    """The file as it was read: its size, modification and change times when opened, and the
    hash of the bytes read. The cache is keyed to it; --fix replaces the file only if it still
    holds these bytes."""

    size: int
    mtime_ns: int
    sha256: str | None  # None: not hashed (neither the cache nor --fix asked for it)
    # Changed by any write, rename or `touch`, and never set back: a file copied over with its
    # old size and time kept (`cp -p`, `rsync -t`, tar) still shows it.
    ctime_ns: int = 0


class Document(NamedTuple):
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
    kind: str = "text"  # text | pdf | docx: only text files carry directives and take fixes
    regions: tuple[Region, ...] = ()
    source: FileState | None = None  # None: not read from a file (standard input, a string)
    failure: str | None = None  # statement-lint failed on it (a bug): reported as DOC003
    # A Word file: the spans of the text --fix may change (plain runs' text, see docx_parts)
    editable: tuple[tuple[int, int], ...] = ()
    # A Markdown file (.md): the parser reads its markup (`**bold**`, a hard break `\\` at a
    # line end, `# `, `> `, table pipes) as blanks; the text itself keeps it.
    markdown: bool = False

    def with_source(self, source: FileState) -> Document:
        return self._replace(source=source)

    def region_at(self, offset: int) -> Region | None:
        """The region of a PDF or Word file that holds the offset; None for a text file."""
        if not self.regions:
            return None
        index = bisect_right(self.regions, offset, key=lambda region: region.start) - 1
        return self.regions[max(index, 0)]

    def place(self, span: Span) -> str:
        """Where the span is, for a message that points at another place than its own:
        `line 67` in a text file, `footnote 1` or `page 2` in a Word file or a PDF."""
        region = self.region_at(span.start)
        return region.locator if region else f"line {span.line}"

    @property
    def is_empty(self) -> bool:
        return self.text is not None and not self.text.strip()


def read_bytes(data: bytes, path: str, limits: Limits | None = None) -> Document:
    limits = limits or Limits()
    if len(data) > limits.text_bytes:
        return Document(
            path, None, f"is over the {megabytes(limits.text_bytes)} limit for a text statement"
        )
    try:
        raw, encoding, bom = decode(data)
    except ValueError as error:
        return Document(path, None, str(error))
    text = normal_line_ends(raw)
    markdown = path.lower().endswith(".md")
    return Document(
        path, text, None, encoding, bom, raw if text != raw else None, markdown=markdown
    )


def normal_line_ends(text: str) -> str:
    """`\r\n` and `\r` as `\n`: the one line end the rest of statement-lint knows."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


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
    for magic, advice in _MAGIC:
        if data.startswith(magic):
            raise ValueError(f"is not text: {advice}")
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
