"""--fix and --diff: apply the fixes that the diagnostics carry, and nothing else.

Edits are applied to the text as decoded, with its own line ends, so that every byte the
fixes do not touch is written back unchanged, in the file's own encoding and byte-order mark.
Files are replaced atomically (a temporary file in the same folder, then a rename), keeping
their permissions and owner, and only if they still hold what was read. Fixing repeats until
nothing fixable is left, so a second --fix changes nothing. Which fixes are offered at all is
decided where diagnostics are made: only those that put words back without taking others.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import os
import re
import stat
import zipfile
from bisect import bisect_left
from collections.abc import Callable

from statement_lint.diagnostic import Diagnostic, Edit
from statement_lint.readers import Document, FileState, Limits, read_bytes, read_data
from statement_lint.records import record, replace
from statement_lint.report.escape import printable
from statement_lint.run.atomic import replace_file

# Fixes never feed each other for long; the bound only guards against a rule that would.
MAX_ROUNDS = 5


@record
class FixResult:
    document: Document  # as it is after the fixes
    data: bytes  # the file's new content
    diagnostics: list[Diagnostic]  # what is left
    fixed: int
    original: Document


def fix_document(
    document: Document,
    diagnostics: list[Diagnostic],
    lint: Callable[[Document], list[Diagnostic]],
    data: bytes | None = None,
    limits: Limits | None = None,
) -> FixResult:
    """Apply the fixes that `document`'s diagnostics carry, re-linting after each round.
    `data`: a Word file's bytes (a text file's are made from its text).

    A fix must mend its slip: when the same diagnostic (code and fingerprint) comes back after
    its fix, that fix is taken back and never offered again for this document (a parser that
    reads the restored word as part of something else would otherwise add it every run)."""
    original = document
    limits = limits or Limits()
    if document.kind != "docx":
        data = document.bom + _raw(document).encode(document.encoding)
    fixed = 0
    ineffective: set[tuple[str, str]] = set()
    now = dt.datetime.now(dt.UTC)
    for _ in range(2 * MAX_ROUNDS):
        wanted = [d for d in diagnostics if d.fix is not None and _key(d) not in ineffective]
        if not wanted or document.text is None or data is None:
            break
        if document.kind == "docx":
            candidate, applied = _apply_tracked(data, wanted, limits, now)
            if candidate is None:  # these fixes cannot be tracked changes: the round again
                ineffective |= {_key(d) for d in applied}
                continue
            fixed_document = read_data(candidate, document.path, ".docx", limits)
        else:
            candidate, applied = _apply(document, wanted)
            fixed_document = read_bytes(candidate, document.path)
        after = lint(fixed_document)
        remaining = {_key(d) for d in after}
        failed = {_key(d) for d in applied if _key(d) in remaining}
        if failed:
            ineffective |= failed
            continue  # this round again, without the fixes that did not work
        data, document, diagnostics = candidate, fixed_document, after
        fixed += len(applied)
    diagnostics = [_without_fix(d) if _key(d) in ineffective else d for d in diagnostics]
    return FixResult(document, data, diagnostics, fixed, original)


def _key(diagnostic: Diagnostic) -> tuple[str, str]:
    return diagnostic.code, diagnostic.fingerprint


def _without_fix(diagnostic: Diagnostic) -> Diagnostic:
    return replace(diagnostic, fix=None)


def _raw(document: Document) -> str:
    return document.raw if document.raw is not None else document.text or ""


def _apply(document: Document, wanted: list[Diagnostic]) -> tuple[bytes, list[Diagnostic]]:
    """The file's bytes with as many of the diagnostics' fixes applied as do not overlap; and
    the diagnostics whose fixes were applied."""
    to_raw = _raw_offsets(document)
    accepted, applied = _compatible(wanted)
    raw = _raw(document)
    for edit in sorted(accepted, key=lambda e: e.start, reverse=True):
        raw = raw[: to_raw(edit.start)] + edit.content + raw[to_raw(edit.end) :]
    return document.bom + raw.encode(document.encoding), applied


def _compatible(wanted: list[Diagnostic]) -> tuple[list[Edit], list[Diagnostic]]:
    """As many of the diagnostics' fixes as do not overlap: their edits, and the diagnostics."""
    accepted: list[Edit] = []
    applied = []
    for diagnostic in sorted(
        wanted, key=lambda d: (min(e.start for e in d.fix.edits), d.fix.message)
    ):
        edits = diagnostic.fix.edits
        if any(_overlap(edit, taken) for edit in edits for taken in accepted):
            continue  # the next round sees it again, on the fixed text
        accepted.extend(edits)
        applied.append(diagnostic)
    return accepted, applied


def _apply_tracked(
    data: bytes, wanted: list[Diagnostic], limits: Limits, now: dt.datetime
) -> tuple[bytes | None, list[Diagnostic]]:
    """The Word file with the fixes that do not overlap made tracked changes, and the
    diagnostics whose fixes they are; or None, and those whose fixes cannot be made so."""
    from statement_lint.readers.docx_tracked import TrackedError, track_changes

    def tracked(diagnostics: list[Diagnostic]) -> bytes | None:
        edits = [(e.start, e.end, e.content) for d in diagnostics for e in d.fix.edits]
        try:
            return track_changes(data, edits, limits, now)
        except (TrackedError, ValueError, zipfile.BadZipFile):
            return None

    _, applied = _compatible(wanted)
    candidate = tracked(applied)
    if candidate is None:
        return None, [d for d in applied if tracked([d]) is None] or applied
    return candidate, applied


def _overlap(a: Edit, b: Edit) -> bool:
    if a.start == a.end or b.start == b.end:  # insertions: only at the very same place
        return a.start == b.start or (b.start < a.start < b.end) or (a.start < b.start < a.end)
    return a.start < b.end and b.start < a.end


def _raw_offsets(document: Document) -> Callable[[int], int]:
    """Maps an offset of the `\\n`-normalised text to the text with its own line ends."""
    if document.raw is None:
        return lambda offset: offset
    # Where each `\r\n` (one character in the normalised text) stands in the normalised text.
    pairs = [match.start() - index for index, match in enumerate(re.finditer("\r\n", document.raw))]
    return lambda offset: offset + bisect_left(pairs, offset)


class NotWritten(Exception):
    """Why --fix left a file as it was (reported; the run goes on)."""


def write_atomically(path: str, data: bytes, expected: FileState | None) -> None:
    """Replace the file's content with `data`: a reader sees the old file or the new, never half
    of one. `expected` is the file as it was read: if the file no longer holds those bytes (an
    editor saved it meanwhile), nothing is written. A symbolic link is followed, so the file it
    points to is fixed and the link stays; a file with several hard links is refused, since a
    replacement would cut this name loose from the others."""
    target = os.path.realpath(path)
    status = os.stat(target)
    if status.st_nlink > 1:
        raise NotWritten(
            f"the file has {status.st_nlink} hard links, and replacing it would separate them; "
            "nothing was changed (fix it in an editor)"
        )
    # No write bit at all: someone made the file read-only, and even root leaves it so.
    if not status.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise NotWritten("the file is read-only; nothing was changed")
    if not os.access(target, os.W_OK):
        raise NotWritten("you may not write to the file; nothing was changed")
    if expected is not None and _changed(target, expected):
        raise NotWritten(
            "the file changed while it was being linted; nothing was changed: run --fix again"
        )

    def ready(temporary: str) -> None:
        _keep_owner(temporary, status)
        if expected is not None and _changed(target, expected):
            raise NotWritten(
                "the file changed while it was being linted; nothing was changed: run --fix again"
            )

    replace_file(target, data, stat.S_IMODE(status.st_mode), ready)


def _changed(path: str, expected: FileState) -> bool:
    """Whether the file no longer holds the bytes that were read."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(expected.size + 1)
    except OSError:
        return True
    return len(data) != expected.size or hashlib.sha256(data).hexdigest() != expected.sha256


def _keep_owner(temporary: str, status: os.stat_result) -> None:
    """Give the new file the old one's owner and group; refuse to hand another user's file
    over to whoever runs --fix."""
    if (status.st_uid, status.st_gid) == (os.getuid(), os.getgid()):
        return
    try:
        os.chown(temporary, status.st_uid, status.st_gid)
    except (OSError, AttributeError):
        if status.st_uid != os.getuid():
            raise NotWritten(
                "the file belongs to another user, and replacing it would make it yours; "
                "nothing was changed"
            ) from None
        # Our own file in a group we are not in: the content matters more than the group.


def unified_diff(result: FixResult) -> str:
    before = _raw(result.original).splitlines(keepends=True)
    after = _raw(result.document).splitlines(keepends=True)
    path = printable(result.original.path)  # a line end in a name must not forge a header
    lines = difflib.unified_diff(before, after, f"a/{path}", f"b/{path}")
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)
