"""Word statements (.docx): a small reader on zipfile and a hardened XML parser.

It reads, in reading order, the first-page and default headers, the body paragraphs (tables
included), the footnotes and endnotes, and the first-page and default footers, one paragraph a
line, and remembers where each paragraph starts so that diagnostics can name it. Every ZIP
member is read with a bound on its declared and its actual inflated size; XML with a DTD,
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
DOCUMENT = "word/document.xml"
_NOT_NOTES = ("separator", "continuationSeparator", "continuationNotice")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


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
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise DocxError("is not a valid Word file (not a ZIP archive, or truncated)") from None
    with archive:
        return _Reader(archive, limits).paragraphs()


class _Reader:
    def __init__(self, archive: zipfile.ZipFile, limits: Limits) -> None:
        self._archive = archive
        self._limits = limits

    def member(self, name: str) -> bytes | None:
        try:
            info = self._archive.getinfo(name)
        except KeyError:
            return None
        cap = self._limits.document_bytes
        if info.flag_bits & 0x1:
            raise DocxError(f"is encrypted ({name} is password-protected)")
        if info.file_size > cap:
            raise DocxError(
                f"has a part ({name}) of {megabytes(info.file_size)} once inflated, over the "
                f"{megabytes(cap)} limit (a zip bomb?)"
            )
        chunks, total = [], 0
        try:
            with self._archive.open(info) as stream:
                while chunk := stream.read(1024 * 1024):
                    total += len(chunk)
                    if total > cap:  # the declared size lied
                        raise DocxError(
                            f"has a part ({name}) that inflates past the {megabytes(cap)} "
                            "limit (a zip bomb?)"
                        )
                    chunks.append(chunk)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError) as error:
            raise DocxError(f"is corrupt: {name} cannot be inflated ({error})") from None
        return b"".join(chunks)

    def xml(self, name: str):
        import defusedxml.ElementTree as SafeTree
        from defusedxml import DefusedXmlException

        data = self.member(name)
        if data is None:
            return None
        try:
            return SafeTree.fromstring(data, forbid_dtd=True)
        except DefusedXmlException as error:
            raise DocxError(
                f"has unsafe XML in {name} ({type(error).__name__}: DTDs, entities and external "
                "references are refused)"
            ) from None
        except SafeTree.ParseError as error:
            raise DocxError(f"has malformed XML in {name} ({error})") from None

    def paragraphs(self) -> list[Paragraph]:
        document = self.xml(DOCUMENT)
        if document is None:
            raise DocxError(f"is not a Word document: {DOCUMENT} is missing")
        body = document.find(f"{W}body")
        if body is None:
            raise DocxError(f"is not a Word document: {DOCUMENT} has no body")
        targets = self._relationships()
        headers, footers = [], []
        for section in body.iter(f"{W}sectPr"):
            for kind, found in (("headerReference", headers), ("footerReference", footers)):
                for reference in section.findall(f"{W}{kind}"):
                    if reference.get(f"{W}type") in ("first", "default"):
                        target = targets.get(reference.get(f"{R}id", ""))
                        if target and target not in found:
                            found.append(target)
        result: list[Paragraph] = []
        result += self._part("header", [p for name in headers for p in self._texts(name)])
        result += self._part(None, _paragraphs(body))
        result += self._part("footnote", self._notes("word/footnotes.xml", "footnote"))
        result += self._part("endnote", self._notes("word/endnotes.xml", "endnote"))
        result += self._part("footer", [p for name in footers for p in self._texts(name)])
        return result

    @staticmethod
    def _part(part: str | None, texts: list[str]) -> list[Paragraph]:
        return [Paragraph(part, number, text) for number, text in enumerate(texts, start=1)]

    def _relationships(self) -> dict[str, str]:
        rels = self.xml("word/_rels/document.xml.rels")
        if rels is None:
            return {}
        return {
            rel.get("Id", ""): posixpath.normpath(posixpath.join("word", rel.get("Target", "")))
            for rel in rels.iter(f"{RELS}Relationship")
            if rel.get("TargetMode") != "External"
        }

    def _texts(self, name: str) -> list[str]:
        root = self.xml(name)
        return _paragraphs(root) if root is not None else []

    def _notes(self, name: str, tag: str) -> list[str]:
        root = self.xml(name)
        if root is None:
            return []
        texts = []
        for note in root.iter(f"{W}{tag}"):
            if note.get(f"{W}type") not in _NOT_NOTES:
                texts.append(" ".join(t for t in _paragraphs(note) if t))
        return texts


def _paragraphs(element) -> list[str]:
    """The text of each paragraph below `element`, in document order (tables included; a
    paragraph inside a text box counts with the paragraph that holds it)."""
    found = []
    for child in element:
        if child.tag == f"{W}p":
            found.append(_text(child))
        else:
            found.extend(_paragraphs(child))
    return found


def _text(paragraph) -> str:
    pieces = []
    for node in paragraph.iter():
        tag = node.tag
        if tag == f"{W}t":
            pieces.append(node.text or "")
        elif tag in (f"{W}tab", f"{W}ptab"):
            pieces.append("\t")
        elif tag in (f"{W}br", f"{W}cr"):
            pieces.append("\n")
        elif tag == f"{W}noBreakHyphen":
            pieces.append("-")
        elif tag == f"{W}softHyphen":
            pieces.append("\u00ad")
    return "".join(pieces)
