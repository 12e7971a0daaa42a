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
            f"{W}tbl": self._start_table,
            f"{W}tr": self._start_row,
        }
        self._ends = {
            _TEXT: self._end_text,
            _PARAGRAPH: self._end_paragraph,
            _ALTERNATIVES: self._end_alternatives,
            f"{W}tbl": self._end_table,
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
        if self._table_depth:
            self.in_tables[len(self.paragraphs)] = (self._tables, self._rows)
        self._open.append((len(self.paragraphs), []))
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
