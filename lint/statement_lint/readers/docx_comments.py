"""--annotate: a copy of a Word file with a review comment on each diagnostic's text.

Each comment is anchored on the diagnostic's span where that span lies in the plain runs of
the body (tables included); Word allows no comment in a page header or footer, so a
diagnostic there, in a footnote, in a text box, or with no span at all (a missing date), is
anchored at the start of the body's first text, its message naming where it is. The comments
go in `word/comments.xml` (added, with its relationship and content type, or added to); the
runs are cut where a comment begins and ends, and nothing else is rewritten.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from bisect import bisect_right
from typing import NamedTuple
from xml.sax.saxutils import escape

from statement_lint.readers.docx import DocxError, read_docx
from statement_lint.readers.docx_splice import AUTHOR, Placed, Splicer, TrackedError
from statement_lint.readers.docx_tracked import TracingReader, first_free_id, rezipped
from statement_lint.readers.limits import Limits

COMMENTS = "word/comments.xml"
_RELATIONSHIPS = "word/_rels/document.xml.rels"
_TYPES = "[Content_Types].xml"
_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
_COMMENTS_RELATIONSHIP = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
)


# Characters XML 1.0 cannot carry (a message quotes the statement, which may hold them).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


class Comment(NamedTuple):
    start: int | None  # the span in the document's text; None: no span (the whole file)
    end: int | None
    paragraphs: tuple[str, ...]  # the comment's text, a paragraph each


def add_comments(data: bytes, comments: list[Comment], limits: Limits, now: dt.datetime) -> bytes:
    """The Word file `data` with the comments; DocxError if they cannot be added."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    anchors = _Anchors(archive, limits)
    splicer = Splicer({anchors.top[0].part: archive.read(anchors.top[0].part)}, 0, now)
    number = first_free_id(archive) - 1  # each comment takes the next
    written = []
    for comment in comments:
        number += 1
        start, end = anchors.of(comment)
        ident = str(number).encode()
        try:
            splicer.mark(*start, lambda p, i=ident: _range(p, b"commentRangeStart", i))
            splicer.mark(*end, lambda p, i=ident: _range(p, b"commentRangeEnd", i)
                         + b"<" + p + b"r><" + p + b"commentReference " + p + b'id="' + i
                         + b'"/></' + p + b"r>")  # fmt: skip
        except TrackedError as error:
            raise DocxError(f"cannot take a comment: {error}") from None
        written.append(_comment(number, comment.paragraphs, now))
    changed = splicer.parts()
    changed.update(_package(archive, written))
    result = rezipped(archive, changed)
    if [p.text for p in read_docx(result, limits)] != [p.text for p in anchors.paragraphs]:
        raise DocxError("would not read as it did once commented")
    return result


class _Anchors:
    """Where a comment can be anchored: text of plain runs in the body."""

    def __init__(self, archive: zipfile.ZipFile, limits: Limits) -> None:
        reader = TracingReader(archive, limits)
        self.paragraphs, self._texts, self._starts = reader.read()
        self._placed = reader.placed
        body = [i for i, p in enumerate(self.paragraphs) if p.part is None and self._placed[i]]
        if not body:
            raise DocxError("has no text in its body to anchor review comments to")
        first = self._placed[body[0]][0]
        self.top = (first, self._texts[body[0]], first.start)

    def of(self, comment: Comment) -> tuple[tuple, tuple]:
        """Where the comment begins and ends: on its span, or at the top of the body."""
        if comment.start is not None and comment.end is not None and comment.end > comment.start:
            start, end = self._place(comment.start, True), self._place(comment.end, False)
            if start and end:
                return start, end
        return self.top, self.top

    def _place(self, offset: int, opening: bool) -> tuple[Placed, str, int] | None:
        index = bisect_right(self._starts, offset) - 1
        if self.paragraphs[index].part is not None:
            return None  # Word takes no comment in a header or footer; notes are kept alike
        local = offset - self._starts[index]
        for host in self._placed[index]:
            if (host.start <= local < host.end) if opening else (host.start < local <= host.end):
                return host, self._texts[index], local
        return None


def _range(prefix: bytes, kind: bytes, ident: bytes) -> bytes:
    return b"<" + prefix + kind + b" " + prefix + b'id="' + ident + b'"/>'


def _comment(number: int, paragraphs: tuple[str, ...], now: dt.datetime) -> str:
    body = "".join(
        f'<w:p><w:r><w:t xml:space="preserve">{escape(_NOT_XML.sub("?", text))}</w:t></w:r></w:p>'
        for text in paragraphs
    )
    date = now.strftime("%Y-%m-%dT%H:%M:%SZ")
    return (
        f'<w:comment w:id="{number}" w:author="{AUTHOR}" w:date="{date}" w:initials="SL">'
        f"{body}</w:comment>"
    )


def _package(archive: zipfile.ZipFile, comments: list[str]) -> dict[str, bytes]:
    """The comments part, and the relationship and content type that declare it if it is new."""
    names = archive.namelist()
    added = "".join(comments).encode()
    if COMMENTS in names:
        part = archive.read(COMMENTS)
        end = part.rfind(b"</")
        if end < 0 or not re.match(rb"</(\w+:)?comments\s*>", part[end:]):
            raise DocxError("has a comments part statement-lint cannot add to")
        prefix = re.match(rb"</(\w+:)?", part[end:]).group(1) or b""
        if prefix != b"w:":
            raise DocxError("has a comments part statement-lint cannot add to")
        return {COMMENTS: part[:end] + added + part[end:]}
    part = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="{_NS}">'
    changed = {COMMENTS: part.encode() + added + b"</w:comments>"}
    relationship = (
        f'<Relationship Id="rIdStatementLintComments" Type="{_COMMENTS_RELATIONSHIP}" '
        'Target="comments.xml"/>'
    )
    override = f'<Override PartName="/{COMMENTS}" ContentType="{_COMMENTS_TYPE}"/>'
    for name, closing, added_element in (
        (_RELATIONSHIPS, b"</Relationships>", relationship),
        (_TYPES, b"</Types>", override),
    ):
        if name not in names:
            raise DocxError(f"has no {name} to declare the comments in")
        part = archive.read(name)
        end = part.rfind(closing)
        if end < 0:
            raise DocxError(f"has a {name} statement-lint cannot add to")
        changed[name] = part[:end] + added_element.encode() + part[end:]
    return changed
