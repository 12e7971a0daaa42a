"""Word statements (.docx): a small reader on zipfile and a hardened, streaming XML parser.

It reads, in reading order, the first-page and default headers, the body paragraphs (tables
included), the footnotes and endnotes, and the first-page and default footers, one paragraph a
line, and remembers where each paragraph starts so that diagnostics can name it.

What is read is the text as it stands with tracked changes accepted: inserted and moved-to
text is read, deleted and moved-from text is not. Of the alternatives Word writes for a shape
(`mc:AlternateContent`: a text box, then its VML copy for older readers) only the first is
read. A paragraph inside a text box is a line of its own, after the paragraph that anchors it.

Bounds: the ZIP members are counted before the archive is opened; each part is streamed
through the parser (no tree is built, so any nesting depth costs one list entry a level) and
charged to one inflated budget for the whole file (`document-mb`); the text extracted is
bounded like a text statement (`text-mb`), and so is the number of paragraphs. XML with a DTD,
entities or external references is refused (defusedxml), so zip bombs, billion laughs and XXE
cost one diagnostic and read nothing outside the file.
"""

from __future__ import annotations

import io
import zipfile

from statement_lint.readers.docx_parts import DOCUMENT_NS as W
from statement_lint.readers.docx_parts import Collector, Relationships
from statement_lint.readers.limits import Limits, megabytes
from statement_lint.records import record

DOCUMENT = "word/document.xml"
# A Word file has tens of ZIP members (hundreds with many images); counting them is cheap,
# opening an archive of a million costs seconds and hundreds of megabytes.
MAX_MEMBERS = 10_000
# Each paragraph costs memory down the line; a 500-page report has some 20,000.
MAX_PARAGRAPHS = 200_000
_CENTRAL_ENTRY = b"PK\x01\x02"  # starts every entry of a ZIP's central directory
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_CHUNK = 64 * 1024


class DocxError(Exception):
    """Why a Word file cannot be read (a diagnostic, not a crash)."""


@record(frozen=True, built_often=True)
class Paragraph:
    part: str | None  # None for the body; "header", "footnote", ...
    number: int  # 1-based within its part
    text: str
    table: int | None = None  # the body's table (1-based) and row it is in, if any
    row: int | None = None
    editable: tuple[tuple[int, int], ...] = ()  # spans of `text` --fix may change


def read_docx(data: bytes, limits: Limits) -> list[Paragraph]:
    """The paragraphs of the Word file whose bytes are `data`."""
    if data.startswith(_OLE_MAGIC):
        raise DocxError("is encrypted (password-protected) or an old binary .doc; save it as an "
                        "unprotected .docx")  # fmt: skip
    # Every central directory entry starts with this signature, so the count is an upper
    # bound on the members zipfile would list.
    if data.count(_CENTRAL_ENTRY) > MAX_MEMBERS:
        raise DocxError(
            f"has more than {MAX_MEMBERS} ZIP members, over the limit for a Word file (a zip bomb?)"
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise DocxError("is not a valid Word file (not a ZIP archive, or truncated)") from None
    with archive:
        return _Reader(archive, limits).paragraphs()


class _Reader:
    """Reads the parts of one Word file, charging what they cost to the file's budget."""

    def __init__(self, archive: zipfile.ZipFile, limits: Limits) -> None:
        self._archive = archive
        self._limits = limits
        self._inflated = 0  # bytes inflated so far, over all parts
        self._text = 0  # bytes of text extracted so far (UTF-8, with a line end a paragraph)
        self._paragraphs = 0
        self._numbered: list[str | None] = []  # the part of each paragraph read so far

    def paragraphs(self) -> list[Paragraph]:
        document = self._collector()
        if not self._parse(DOCUMENT, document):
            raise DocxError(f"is not a Word document: {DOCUMENT} is missing")
        if not document.has_body:
            raise DocxError(f"is not a Word document: {DOCUMENT} has no body")
        targets = self._relationships()
        parts: dict[str, dict[str, None]] = {"header": {}, "footer": {}}  # ordered sets
        for kind, identifier in document.references:
            if target := targets.get(identifier):
                parts[kind][target] = None
        result: list[Paragraph] = []
        for name in parts["header"]:
            result += self._part("header", self._read(name))
        result += self._part(None, document)
        result += self._part("footnote", self._read("word/footnotes.xml", f"{W}footnote"))
        result += self._part("endnote", self._read("word/endnotes.xml", f"{W}endnote"))
        for name in parts["footer"]:
            result += self._part("footer", self._read(name))
        return result

    def _collector(self, note: str | None = None) -> Collector:
        return Collector(self, note)

    def _part(self, part: str | None, read: Collector) -> list[Paragraph]:
        """The part's paragraphs, numbered within the part (a part read from several files,
        the headers, counts on)."""
        first = sum(1 for p in self._numbered if p == part)
        self._numbered += [part] * len(read.paragraphs)
        return [
            Paragraph(
                part,
                first + slot + 1,
                text,
                *(read.in_tables.get(slot, (None, None)) if part is None else (None, None)),
                editable=tuple(read.editable.get(slot, ())),
            )
            for slot, text in enumerate(read.paragraphs)
        ]

    def _relationships(self) -> dict[str, str]:
        relationships = Relationships()
        self._parse("word/_rels/document.xml.rels", relationships)
        return relationships.targets

    def _read(self, name: str, note: str | None = None) -> Collector:
        collector = self._collector(note)
        self._parse(name, collector)
        return collector

    def _parse(self, name: str, target) -> bool:
        """Streams the part `name` through the hardened parser into `target`; False when the
        file has no such part."""
        from defusedxml import DefusedXmlException
        from defusedxml.ElementTree import DefusedXMLParser, ParseError

        try:
            info = self._archive.getinfo(name)
        except KeyError:
            return False
        parser = DefusedXMLParser(target=target, forbid_dtd=True)
        if hasattr(target, "attach"):  # it wants to know where in the part it is (--fix)
            target.attach(name, parser.parser)
        try:
            for chunk in self._inflate(info):
                parser.feed(chunk)
            parser.close()
        except DefusedXmlException as error:
            raise DocxError(
                f"has unsafe XML in {name} ({type(error).__name__}: DTDs, entities and external "
                "references are refused)"
            ) from None
        except ParseError as error:
            raise DocxError(f"has malformed XML in {name} ({error})") from None
        return True

    def _inflate(self, info: zipfile.ZipInfo):
        """The bytes of one member, chunk by chunk, within the part and the file budgets."""
        name, cap = info.filename, self._limits.document_bytes
        if info.flag_bits & 0x1:
            raise DocxError(f"is encrypted ({name} is password-protected)")
        if info.file_size > cap:
            raise DocxError(
                f"has a part ({name}) of {megabytes(info.file_size)} once inflated, over the "
                f"{megabytes(cap)} limit (a zip bomb?)"
            )
        if self._inflated + info.file_size > cap:
            raise DocxError(self._over_in_all())
        try:
            with self._archive.open(info) as stream:
                while chunk := stream.read(_CHUNK):
                    self._inflated += len(chunk)
                    if self._inflated > cap:  # the declared sizes lied
                        raise DocxError(self._over_in_all())
                    yield chunk
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError) as error:
            raise DocxError(f"is corrupt: {name} cannot be inflated ({error})") from None

    def _over_in_all(self) -> str:
        cap = megabytes(self._limits.document_bytes)
        return f"has parts that inflate past the {cap} limit in all (a zip bomb?)"

    def charge_text(self, size: int) -> None:
        self._text += size
        if self._text > self._limits.text_bytes:
            limit = megabytes(self._limits.text_bytes)
            raise DocxError(f"has more text than the {limit} limit for a text statement")

    def charge_paragraph(self) -> None:
        self._paragraphs += 1
        if self._paragraphs > MAX_PARAGRAPHS:
            raise DocxError(
                f"has more than {MAX_PARAGRAPHS} paragraphs, over the limit for a Word file"
            )
        self.charge_text(1)  # its line end
