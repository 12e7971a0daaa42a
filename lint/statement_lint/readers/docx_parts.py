"""What the streaming XML parser keeps of a Word part: the text of each paragraph (tracked
changes accepted, one alternative of each shape, text boxes as lines of their own), the header
and footer references, and the document's relationships. Flat lists and counters only: a part
nested 100,000 levels deep costs memory, never recursion."""

from __future__ import annotations

import posixpath

DOCUMENT_NS = W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"

_NOT_NOTES = ("separator", "continuationSeparator", "continuationNotice")
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
# Text inside these is read but not ours to change (--fix): an insertion someone else tracked,
# a field's result (Word computes it), a shape that has a second copy for older readers.
_GUARDED = (f"{W}ins", f"{W}moveTo", f"{W}fldSimple")
_RUN = f"{W}r"


class Relationships:
    """Parser target: the relationship targets of the document part, by id."""

    def __init__(self) -> None:
        self.targets: dict[str, str] = {}

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        if tag == f"{RELS}Relationship" and attrib.get("TargetMode") != "External":
            target = posixpath.normpath(posixpath.join("word", attrib.get("Target", "")))
            self.targets[attrib.get("Id", "")] = target


class Collector:
    """Parser target: the text of each paragraph of a part, in the order the paragraphs
    start, so a text box's paragraphs come after the paragraph that anchors them.

    With `note` (the footnote or endnote element), each note is one entry: its paragraphs
    joined, separators left out. Everything is kept in flat lists and counters, so a document
    nested 100,000 levels deep costs memory, never recursion.
    """

    def __init__(self, reader, note: str | None = None) -> None:
        # `reader` is charged for the text read: docx._Reader.charge_text
        self.paragraphs: list[str] = []
        # ("header" or "footer", relationship id), in order, each once (an ordered set)
        self.references: dict[tuple[str, str], None] = {}
        self.has_body = False
        # paragraph slot -> (table, row), 1-based, for the paragraphs inside a table's cells
        # (a table nested in a cell counts as its outer table's row)
        self.in_tables: dict[int, tuple[int, int]] = {}
        self._tables = 0  # tables begun so far, nested ones aside
        self._table_depth = 0
        self._rows = 0  # rows of the current outer table begun so far
        self._reader = reader
        # paragraph slot -> the spans of its text (start, end) that --fix may change: text of
        # plain runs, each direct in a paragraph's run, and none that is guarded (_GUARDED)
        self.editable: dict[int, list[tuple[int, int]]] = {}
        self._notes: list[tuple[int, bool]] = []  # open notes: first paragraph, whether kept
        # open paragraphs: their slot, pieces, length so far, editable spans
        self._open: list[list] = []
        self._depth = 0  # of the element being read, skipped ones aside
        self._runs: list[int] = []  # the depth of each open run
        self._guarded = 0  # open elements whose text is guarded
        self._fields = 0  # open complex fields (fldChar begin ... end)
        self._text_from = 0  # where the open w:t's text starts in its paragraph
        self._text_editable = False
        self._chosen: list[bool] = []  # open mc:AlternateContent: an alternative was read
        self._skipping = 0  # depth inside an element whose text is not read
        self._in_text = False
        self._starts, self._ends = self._handlers(note)

    def _handlers(self, note: str | None) -> tuple[dict, dict]:
        """What to do at the start and at the end of each element that matters."""
        starts = {
            **dict.fromkeys(_NOT_READ, self._skip),
            **dict.fromkeys(_ALTERNATIVE, self._alternative),
            **dict.fromkeys(_PIECES, self._piece),
            **dict.fromkeys(_REFERENCES, self._reference),
            _TEXT: self._start_text,
            _PARAGRAPH: self._start_paragraph,
            _ALTERNATIVES: self._start_alternatives,
            f"{W}body": self._body,
            f"{W}tbl": self._start_table,
            f"{W}tr": self._start_row,
            **dict.fromkeys(_GUARDED, self._guard),
            _RUN: self._start_run,
            f"{W}fldChar": self._field_char,
        }
        ends = {
            _TEXT: self._end_text,
            _PARAGRAPH: self._end_paragraph,
            _ALTERNATIVES: self._end_alternatives,
            f"{W}tbl": self._end_table,
            **dict.fromkeys(_GUARDED, self._unguard),
            _RUN: self._end_run,
        }
        if note:
            starts[note] = self._start_note
            ends[note] = self._end_note
        return starts, ends

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        # Most elements are none of those handled: a few tests and one look-up each, for speed.
        if self._skipping:
            self._skipping += 1
            return
        self._depth += 1
        if handler := self._starts.get(tag):
            handler(tag, attrib)
            if self._skipping:  # its end is skipped with it
                self._depth -= 1

    def end(self, tag: str) -> None:
        if self._skipping:
            self._skipping -= 1
            return
        self._depth -= 1
        if handler := self._ends.get(tag):
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
        if self._open:
            self._text_from = self._open[-1][2]
            self._text_editable = bool(
                self._runs
                and self._depth == self._runs[-1] + 1
                and not self._guarded
                and not self._fields
                and not self._chosen
            )

    def _end_text(self) -> None:
        self._in_text = False
        if self._open:
            self._text_ended(self._text_from, self._open[-1][2], self._text_editable)

    def _text_ended(self, start: int, end: int, editable: bool) -> None:
        """A w:t ended: its text is `start` to `end` in the open paragraph."""
        spans = self._open[-1][3]
        if not editable or start == end:
            return
        if spans and spans[-1][1] == start:  # the next run of a stretch of plain text
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))

    def _start_run(self, tag: str, attrib: dict[str, str]) -> None:
        self._runs.append(self._depth)

    def _end_run(self) -> None:
        if self._runs:
            self._runs.pop()

    def _guard(self, tag: str, attrib: dict[str, str]) -> None:
        self._guarded += 1

    def _unguard(self) -> None:
        self._guarded -= 1

    def _field_char(self, tag: str, attrib: dict[str, str]) -> None:
        kind = attrib.get(f"{W}fldCharType")
        if kind == "begin":
            self._fields += 1
        elif kind == "end" and self._fields:
            self._fields -= 1

    def _piece(self, tag: str, attrib: dict[str, str]) -> None:
        self._add(_PIECES[tag])

    def _start_paragraph(self, tag: str, attrib: dict[str, str]) -> None:
        self._reader.charge_paragraph()
        if self._table_depth:
            self.in_tables[len(self.paragraphs)] = (self._tables, self._rows)
        self._open.append([len(self.paragraphs), [], 0, []])
        self.paragraphs.append("")

    def _start_table(self, tag: str, attrib: dict[str, str]) -> None:
        if not self._table_depth:
            self._tables += 1
            self._rows = 0
        self._table_depth += 1

    def _end_table(self) -> None:
        self._table_depth -= 1

    def _start_row(self, tag: str, attrib: dict[str, str]) -> None:
        if self._table_depth == 1:
            self._rows += 1

    def _end_paragraph(self) -> None:
        slot, pieces, _, spans = self._open.pop()
        self.paragraphs[slot] = "".join(pieces)
        if spans:
            self.editable[slot] = spans

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
        texts, offset = [], 0
        for slot in range(first, len(self.paragraphs)):
            text = self.paragraphs[slot]
            self._joined(slot, first, offset if kept and text else None)
            if text:
                texts.append(text)
                offset += len(text) + 1  # the space that joins the note's paragraphs
        del self.paragraphs[first:]
        if kept:
            self.paragraphs.append(" ".join(texts))

    def _joined(self, slot: int, into: int, shift: int | None) -> None:
        """Paragraph `slot` of a note becomes part of paragraph `into`, from `shift` on (None:
        it is left out)."""
        own = self.editable.pop(slot, ())
        if shift is not None and own:
            self.editable.setdefault(into, []).extend((shift + a, shift + b) for a, b in own)

    def data(self, text: str) -> None:
        if self._in_text and not self._skipping:
            self._add(text)

    def _add(self, piece: str) -> None:
        if self._open:
            self._reader.charge_text(len(piece.encode("utf-8")))
            paragraph = self._open[-1]
            paragraph[1].append(piece)
            paragraph[2] += len(piece)
