"""--fix on Word files: each edit written as a tracked change (`w:del` and `w:ins`, author
statement-lint), so that the author accepts or rejects it in Word.

The file is read again with the places of its text noted (the byte offsets of each plain
run, its properties and its `w:t`), and each edit is spliced into the part's XML bytes where
its text stands: the run is closed, the deleted text follows in a `w:del` and the new text in
a `w:ins`, both with the run's own properties, and the run opens again. Nothing else of the
XML is rewritten, and every other part of the package is copied as it was. An edit is refused
(TrackedError) unless all its text lies in plain runs (`Document.editable`), it stays within a
paragraph and writes no line or tab; and the result is read back: unless it reads as the
fixed text, nothing is written.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from bisect import bisect_right

from statement_lint.readers.docx import Paragraph, _Reader, read_docx
from statement_lint.readers.docx_parts import DOCUMENT_NS as W
from statement_lint.readers.docx_parts import Collector
from statement_lint.readers.docx_splice import Placed, Splicer, TrackedError
from statement_lint.readers.limits import Limits
from statement_lint.readers.text import normal_line_ends

_TEXT, _RUN, _PROPERTIES = f"{W}t", f"{W}r", f"{W}rPr"
_ID = re.compile(rb':id="(\d+)"')


class _Tracer(Collector):
    """The reader's collector, noting where each editable `w:t` stands in the part's bytes."""

    def __init__(self, reader, note: str | None = None) -> None:
        super().__init__(reader, note)
        self.placed: dict[int, list[Placed]] = {}
        self._part = ""
        self._parser = None
        self._run_places: list[list] = []  # open runs: start tag, properties
        self._tag = self._close = 0

    def attach(self, name: str, parser) -> None:
        self._part, self._parser = name, parser

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        if not self._skipping:
            at = self._parser.CurrentByteIndex
            if tag == _RUN:
                self._run_places.append([at, None])
            elif tag == _PROPERTIES and self._run_places and self._depth == self._runs[-1]:
                self._run_places[-1][1] = [at, at]
            elif tag == _TEXT:
                self._tag = at
        super().start(tag, attrib)

    def end(self, tag: str) -> None:
        read = not self._skipping
        if read:
            at = self._parser.CurrentByteIndex
            if tag == _TEXT:
                self._close = at
            elif tag == _PROPERTIES and self._direct_properties():
                self._run_places[-1][1][1] = at
        super().end(tag)
        if read and tag == _RUN and self._run_places:
            self._run_places.pop()

    def _direct_properties(self) -> bool:
        """Whether the w:rPr ending is the open run's own (not a paragraph mark's)."""
        return bool(self._run_places and self._run_places[-1][1]) and (
            self._depth == self._runs[-1] + 1
        )

    def _text_ended(self, start: int, end: int, editable: bool) -> None:
        super()._text_ended(start, end, editable)
        if editable and start < end and self._run_places:
            run, properties = self._run_places[-1]
            slot = self._open[-1][0]
            span = tuple(properties) if properties else None
            place = Placed(start, end, self._part, run, span, self._tag, self._close)
            self.placed.setdefault(slot, []).append(place)

    def _joined(self, slot: int, into: int, shift: int | None) -> None:
        super()._joined(slot, into, shift)
        own = self.placed.pop(slot, ())
        if shift is not None and own:
            moved = [p._replace(start=p.start + shift, end=p.end + shift) for p in own]
            self.placed.setdefault(into, []).extend(moved)


class TracingReader(_Reader):
    def __init__(self, archive: zipfile.ZipFile, limits: Limits) -> None:
        super().__init__(archive, limits)
        self.placed: list[list[Placed]] = []  # for each paragraph read, in order

    def _collector(self, note: str | None = None) -> Collector:
        return _Tracer(self, note)

    def _part(self, part: str | None, read: Collector) -> list[Paragraph]:
        self.placed += [read.placed.get(slot, []) for slot in range(len(read.paragraphs))]
        return super()._part(part, read)

    def read(self) -> tuple[list[Paragraph], list[str], list[int]]:
        """The paragraphs, their texts as the document's text holds them, and where each
        starts in it (as readers._read_docx joins them)."""
        paragraphs = self.paragraphs()
        texts = [normal_line_ends(paragraph.text) for paragraph in paragraphs]
        starts, offset = [], 0
        for text in texts:
            starts.append(offset)
            offset += len(text) + 1
        return paragraphs, texts, starts


def track_changes(
    data: bytes, edits: list[tuple[int, int, str]], limits: Limits, now: dt.datetime
) -> bytes:
    """The Word file `data` with each edit (start, end, new text: offsets in its text as
    statement-lint reads it) made a tracked change; TrackedError if one cannot be."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    reader = TracingReader(archive, limits)
    _, text, starts = reader.read()
    parts = {name: archive.read(name) for name in _parts_of(reader.placed)}
    writer = Splicer(parts, first_free_id(archive), now)
    for start, end, content in map(_narrowed, edits, [text] * len(edits), [starts] * len(edits)):
        index = bisect_right(starts, start) - 1
        local = (start - starts[index], end - starts[index])
        if local[1] > len(text[index]) or "\n" in content or "\t" in content:
            raise TrackedError("a fix that spans paragraphs or writes a line or tab")
        writer.edit(reader.placed[index], text[index], local, content)
    fixed = rezipped(archive, writer.parts())
    expected = "\n".join(text)
    for start, end, content in sorted(edits, reverse=True):
        expected = expected[:start] + content + expected[end:]
    if "\n".join(normal_line_ends(p.text) for p in read_docx(fixed, limits)) != expected:
        raise TrackedError("the file would not read as fixed")
    return fixed


def _narrowed(edit: tuple[int, int, str], text: list[str], starts: list[int]):
    """The edit without the words it writes back unchanged at either end, so that the tracked
    change marks the words that change (`English` -> `ENGLISH`, not the whole marker)."""
    start, end, content = edit
    index = bisect_right(starts, start) - 1
    old = text[index][start - starts[index] : end - starts[index]]
    same = 0  # a common beginning, up to its last blank
    for position, (a, b) in enumerate(zip(old, content, strict=False)):
        if a != b:
            break
        if a.isspace():
            same = position + 1
    old, content, start = old[same:], content[same:], start + same
    same = 0  # a common end, from its first blank
    for position, (a, b) in enumerate(zip(reversed(old), reversed(content), strict=False)):
        if a != b:
            break
        if a.isspace():
            same = position + 1
    return start, end - same, content[: len(content) - same]


def _parts_of(placed: list[list[Placed]]) -> list[str]:
    return sorted({p.part for places in placed for p in places})


def first_free_id(archive: zipfile.ZipFile) -> int:
    """An id above those of the revisions, comments and bookmarks already in the file."""
    found = 0
    for name in archive.namelist():
        if name.startswith("word/") and name.endswith(".xml"):
            found = max([found, *(int(n) for n in _ID.findall(archive.read(name)))])
    return found + 1


def rezipped(archive: zipfile.ZipFile, changed: dict[str, bytes]) -> bytes:
    """The package with the changed parts, every other member as it was, in its order; new
    parts come last."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as copy:
        for info in archive.infolist():
            member = zipfile.ZipInfo(info.filename, info.date_time)
            member.compress_type = info.compress_type
            member.external_attr, member.create_system = info.external_attr, info.create_system
            copy.writestr(member, changed.get(info.filename) or archive.read(info))
        for name in sorted(set(changed) - set(archive.namelist())):
            copy.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), changed[name])
    return out.getvalue()
