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
import posixpath
import zipfile
from dataclasses import dataclass

from statement_lint.readers.limits import Limits, megabytes

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
DOCUMENT = "word/document.xml"
# A Word file has tens of ZIP members (hundreds with many images); counting them is cheap,
# opening an archive of a million costs seconds and hundreds of megabytes.
MAX_MEMBERS = 10_000
# Each paragraph costs memory down the line; a 500-page report has some 20,000.
MAX_PARAGRAPHS = 200_000
_CENTRAL_ENTRY = b"PK\x01\x02"  # starts every entry of a ZIP's central directory
_NOT_NOTES = ("separator", "continuationSeparator", "continuationNotice")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_CHUNK = 64 * 1024

_PARAGRAPH = f"{W}p"
_TEXT = f"{W}t"
_ALTERNATIVES = f"{MC}AlternateContent"
_ALTERNATIVE = (f"{MC}Choice", f"{MC}Fallback")
# Tracked changes: text deleted, or moved away from here, is no longer in the document.
_NOT_READ = (f"{W}del", f"{W}moveFrom")
_PIECES = {
    f"{W}tab": "\t",
    f"{W}ptab": "\t",
    f"{W}br": "\n",
    f"{W}cr": "\n",
    f"{W}noBreakHyphen": "-",
    f"{W}softHyphen": "\u00ad",
}
_REFERENCES = {f"{W}headerReference": "header", f"{W}footerReference": "footer"}


class DocxError(Exception):
    """Why a Word file cannot be read (a diagnostic, not a crash)."""


@dataclass(frozen=True)
class Paragraph:
    part: str | None  # None for the body; "header", "footnote", ...
    number: int  # 1-based within its part
    text: str


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

    def paragraphs(self) -> list[Paragraph]:
        document = _Collector(self)
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
        result += self._part("header", [p for name in parts["header"] for p in self._texts(name)])
        result += self._part(None, document.paragraphs)
        result += self._part("footnote", self._texts("word/footnotes.xml", note=f"{W}footnote"))
        result += self._part("endnote", self._texts("word/endnotes.xml", note=f"{W}endnote"))
        result += self._part("footer", [p for name in parts["footer"] for p in self._texts(name)])
        return result

    @staticmethod
    def _part(part: str | None, texts: list[str]) -> list[Paragraph]:
        return [Paragraph(part, number, text) for number, text in enumerate(texts, start=1)]

    def _relationships(self) -> dict[str, str]:
        relationships = _Relationships()
        self._parse("word/_rels/document.xml.rels", relationships)
        return relationships.targets

    def _texts(self, name: str, note: str | None = None) -> list[str]:
        collector = _Collector(self, note)
        self._parse(name, collector)
        return collector.paragraphs

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


class _Relationships:
    """Parser target: the relationship targets of the document part, by id."""

    def __init__(self) -> None:
        self.targets: dict[str, str] = {}

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        if tag == f"{RELS}Relationship" and attrib.get("TargetMode") != "External":
            target = posixpath.normpath(posixpath.join("word", attrib.get("Target", "")))
            self.targets[attrib.get("Id", "")] = target


class _Collector:
    """Parser target: the text of each paragraph of a part, in the order the paragraphs
    start, so a text box's paragraphs come after the paragraph that anchors them.

    With `note` (the footnote or endnote element), each note is one entry: its paragraphs
    joined, separators left out. Everything is kept in flat lists and counters, so a document
    nested 100,000 levels deep costs memory, never recursion.
    """

    def __init__(self, reader: _Reader, note: str | None = None) -> None:
        self.paragraphs: list[str] = []
        # ("header" or "footer", relationship id), in order, each once (an ordered set)
        self.references: dict[tuple[str, str], None] = {}
        self.has_body = False
        self._reader = reader
        self._notes: list[tuple[int, bool]] = []  # open notes: first paragraph, whether kept
        self._open: list[tuple[int, list[str]]] = []  # open paragraphs: their slot, pieces
        self._chosen: list[bool] = []  # open mc:AlternateContent: an alternative was read
        self._skipping = 0  # depth inside an element whose text is not read
        self._in_text = False
        self._starts = {
            **dict.fromkeys(_NOT_READ, self._skip),
            **dict.fromkeys(_ALTERNATIVE, self._alternative),
            **dict.fromkeys(_PIECES, self._piece),
            **dict.fromkeys(_REFERENCES, self._reference),
            _TEXT: self._start_text,
            _PARAGRAPH: self._start_paragraph,
            _ALTERNATIVES: self._start_alternatives,
            f"{W}body": self._body,
        }
        self._ends = {
            _TEXT: self._end_text,
            _PARAGRAPH: self._end_paragraph,
            _ALTERNATIVES: self._end_alternatives,
        }
        if note:
            self._starts[note] = self._start_note
            self._ends[note] = self._end_note

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        # Most elements are none of those handled: one test and one look-up each, for speed.
        if self._skipping:
            self._skipping += 1
        elif handler := self._starts.get(tag):
            handler(tag, attrib)

    def end(self, tag: str) -> None:
        if self._skipping:
            self._skipping -= 1
        elif handler := self._ends.get(tag):
            handler()

    def _skip(self, tag: str, attrib: dict[str, str]) -> None:
        self._skipping = 1

    def _alternative(self, tag: str, attrib: dict[str, str]) -> None:
        """Reads the first alternative of an mc:AlternateContent, and passes over the others."""
        if self._chosen and self._chosen[-1]:
            self._skipping = 1
        elif self._chosen:
            self._chosen[-1] = True

    def _start_text(self, tag: str, attrib: dict[str, str]) -> None:
        self._in_text = True

    def _end_text(self) -> None:
        self._in_text = False

    def _piece(self, tag: str, attrib: dict[str, str]) -> None:
        self._add(_PIECES[tag])

    def _start_paragraph(self, tag: str, attrib: dict[str, str]) -> None:
        self._reader.charge_paragraph()
        self._open.append((len(self.paragraphs), []))
        self.paragraphs.append("")

    def _end_paragraph(self) -> None:
        slot, pieces = self._open.pop()
        self.paragraphs[slot] = "".join(pieces)

    def _start_alternatives(self, tag: str, attrib: dict[str, str]) -> None:
        self._chosen.append(False)

    def _end_alternatives(self) -> None:
        self._chosen.pop()

    def _reference(self, tag: str, attrib: dict[str, str]) -> None:
        if attrib.get(f"{W}type") in ("first", "default"):
            self.references[_REFERENCES[tag], attrib.get(f"{R}id", "")] = None

    def _body(self, tag: str, attrib: dict[str, str]) -> None:
        self.has_body = True

    def _start_note(self, tag: str, attrib: dict[str, str]) -> None:
        self._notes.append((len(self.paragraphs), attrib.get(f"{W}type") not in _NOT_NOTES))

    def _end_note(self) -> None:
        first, kept = self._notes.pop()
        texts = [text for text in self.paragraphs[first:] if text]
        del self.paragraphs[first:]
        if kept:
            self.paragraphs.append(" ".join(texts))

    def data(self, text: str) -> None:
        if self._in_text and not self._skipping:
            self._add(text)

    def _add(self, piece: str) -> None:
        if self._open:
            self._reader.charge_text(len(piece.encode("utf-8")))
            self._open[-1][1].append(piece)
