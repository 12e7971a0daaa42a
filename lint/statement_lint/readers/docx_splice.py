"""Splicing tracked changes into a Word part's XML bytes: the run where an edit falls is
closed, the deleted text follows in a `w:del` and the new text in a `w:ins`, both with the
run's own properties, and the run opens again. Nothing else of the part is rewritten."""

from __future__ import annotations

import datetime as dt
import re
from html import unescape
from typing import NamedTuple

AUTHOR = "statement-lint"
_TAG_NAME = re.compile(rb"<([A-Za-z_][\w.-]*:)?t\b")
_REFERENCE = re.compile(rb"&[^;]{1,10};")


class TrackedError(Exception):
    """Why an edit cannot be made a tracked change (the file is then left as it was)."""


class Placed(NamedTuple):
    """Where one `w:t`'s text stands: in its paragraph's text and in its part's bytes."""

    start: int
    end: int
    part: str
    run: int  # the run's start tag
    properties: tuple[int, int] | None  # the run's w:rPr, start and end
    tag: int  # the w:t start tag
    close: int  # the w:t end tag


class Splicer:
    """Collects the splices of each part, and makes them."""

    def __init__(self, parts: dict[str, bytes], first_id: int, now: dt.datetime) -> None:
        self._raw = parts
        self._splices: dict[str, dict[tuple[int, int], bytes]] = {name: {} for name in parts}
        self._points: dict[str, dict[int, list[bytes]]] = {name: {} for name in parts}
        self._id = first_id - 1  # each revision takes the next
        self._date = now.strftime("%Y-%m-%dT%H:%M:%SZ").encode()

    def edit(self, placed: list[Placed], text: str, span: tuple[int, int], new: str) -> None:
        start, end = span
        if start == end:  # an insertion: after the text before it, in its run's style
            hosts = [p for p in placed if p.start < start <= p.end] or [
                p for p in placed if p.start == start
            ]
            if not hosts:
                raise TrackedError("the place of an insertion is not in plain text")
            self._splice(hosts[0], text, start, start, new)
            return
        touched = [p for p in placed if p.start < end and start < p.end]
        covered = sum(min(end, p.end) - max(start, p.start) for p in touched)
        if covered != end - start:
            raise TrackedError("a fix reaches text that is not plain text")
        for number, place in enumerate(touched):
            last = number == len(touched) - 1
            a, b = max(start, place.start), min(end, place.end)
            self._splice(place, text, a, b, new if last else None)

    def _splice(self, place: Placed, text: str, a: int, b: int, new: str | None) -> None:
        def revisions(prefix: bytes, properties: bytes, deleted: bytes) -> bytes:
            made = b""
            if deleted:
                made += self._revision(prefix, b"del", properties, b"delText", deleted)
            if new:
                escaped = new.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                made += self._revision(prefix, b"ins", properties, b"t", escaped.encode())
            return made

        at, to, cut = self._cut(place, text, a, b)
        splices = self._splices[place.part]
        if (at, to) in splices:
            raise TrackedError("two fixes at one place")
        splices[at, to] = cut(revisions)

    def mark(self, place: Placed, text: str, offset: int, markup) -> None:
        """Puts `markup(prefix)` (elements that stand between runs) at the character
        `offset` of the paragraph's text, inside `place`; marks at one place keep their order."""
        at, _, cut = self._cut(place, text, offset, offset)
        self._points[place.part].setdefault(at, []).append(cut(lambda p, _, __: markup(p)))

    def _cut(self, place: Placed, text: str, a: int, b: int):
        """The bytes of characters `a` to `b` of the paragraph, inside `place`'s w:t, and a
        function that makes what replaces them: the run closed, what `middle(prefix, run
        properties, the bytes cut)` gives, and the run opened again."""
        raw = self._raw[place.part]
        tag_end = _tag_end(raw, place.tag)
        offsets = _char_offsets(raw, tag_end, place.close, text[place.start : place.end])
        at, to = offsets[a - place.start], offsets[b - place.start]
        prefix = _TAG_NAME.match(raw, place.tag).group(1) or b""
        run_tag = raw[place.run : _tag_end(raw, place.run)]
        properties = b""
        if place.properties:
            first, last = place.properties
            properties = raw[first : _tag_end(raw, last)]
        t_open = b"<" + prefix + b't xml:space="preserve">'
        self._splices[place.part][place.tag, tag_end] = t_open  # spaces at a cut are kept

        def cut(middle) -> bytes:
            closed = b"</" + prefix + b"t></" + prefix + b"r>"
            return closed + middle(prefix, properties, raw[at:to]) + run_tag + properties + t_open

        return at, to, cut

    def _revision(self, p: bytes, kind: bytes, properties: bytes, text: bytes, body: bytes):
        self._id += 1
        return (
            b"<" + p + kind + b" " + p + b'id="' + str(self._id).encode() + b'" ' + p
            + b'author="' + AUTHOR.encode() + b'" ' + p + b'date="' + self._date + b'"><'
            + p + b"r>" + properties + b"<" + p + text + b' xml:space="preserve">' + body
            + b"</" + p + text + b"></" + p + b"r></" + p + kind + b">"
        )  # fmt: skip

    def parts(self) -> dict[str, bytes]:
        changed = {}
        for name, splices in self._splices.items():
            for at, marks in self._points[name].items():
                splices[at, at] = splices.get((at, at), b"") + b"".join(marks)
            if not splices:
                continue
            raw = self._raw[name]
            for (start, end), replacement in sorted(splices.items(), reverse=True):
                raw = raw[:start] + replacement + raw[end:]
            changed[name] = raw
        return changed


def _tag_end(raw: bytes, start: int) -> int:
    """The offset just after the tag that starts at `start` (quotes may hold a `>`)."""
    quote = None
    for index in range(start, len(raw)):
        byte = raw[index : index + 1]
        if quote:
            quote = None if byte == quote else quote
        elif byte in (b'"', b"'"):
            quote = byte
        elif byte == b">":
            return index + 1
    raise TrackedError("a tag does not end")


def _char_offsets(raw: bytes, start: int, end: int, text: str) -> list[int]:
    """The byte offset of each character of a w:t's content (and of its end), checked to
    read as `text`."""
    offsets, index = [], start
    while index < end:
        offsets.append(index)
        if raw[index : index + 1] == b"&":
            reference = _REFERENCE.match(raw, index, end)
            if reference is None:
                raise TrackedError("an unreadable character reference")
            index = reference.end()
        else:
            lead = raw[index]
            index += 1 if lead < 0x80 else 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4
    offsets.append(end)
    content = raw[start:end].decode("utf-8", "replace")
    if unescape(content) != text or len(offsets) != len(text) + 1:
        raise TrackedError("a run's text is not where it was read")
    return offsets
