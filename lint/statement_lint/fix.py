"""--fix and --diff: apply the fixes that the diagnostics carry, and nothing else.

Edits are applied to the text as decoded, with its own line ends, so that every byte the
fixes do not touch is written back unchanged, in the file's own encoding and byte-order mark.
Files are replaced atomically (a temporary file in the same folder, then a rename), keeping
their permissions. Fixing repeats until nothing fixable is left, so a second --fix changes
nothing.
"""

from __future__ import annotations

import contextlib
import difflib
import os
import re
import stat
import tempfile
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass

from statement_lint.model import Diagnostic, Edit, Fix
from statement_lint.readers import Document, read_bytes

# Fixes never feed each other for long; the bound only guards against a rule that would.
MAX_ROUNDS = 5


@dataclass
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
) -> FixResult:
    """Apply the fixes that `document`'s diagnostics carry, re-linting after each round."""
    original = document
    data = document.bom + _raw(document).encode(document.encoding)
    fixed = 0
    for _ in range(MAX_ROUNDS):
        fixes = [d.fix for d in diagnostics if d.fix is not None]
        if not fixes or document.text is None:
            break
        data, applied = _apply(document, fixes)
        fixed += applied
        document = read_bytes(data, document.path)
        diagnostics = lint(document)
    return FixResult(document, data, diagnostics, fixed, original)


def _raw(document: Document) -> str:
    return document.raw if document.raw is not None else document.text or ""


def _apply(document: Document, fixes: list[Fix]) -> tuple[bytes, int]:
    """The file's bytes with as many fixes applied as do not overlap; and how many."""
    to_raw = _raw_offsets(document)
    accepted: list[Edit] = []
    applied = 0
    for fix in sorted(fixes, key=lambda f: (min(e.start for e in f.edits), f.message)):
        if any(_overlap(edit, taken) for edit in fix.edits for taken in accepted):
            continue  # the next round sees it again, on the fixed text
        accepted.extend(fix.edits)
        applied += 1
    raw = _raw(document)
    for edit in sorted(accepted, key=lambda e: e.start, reverse=True):
        raw = raw[: to_raw(edit.start)] + edit.content + raw[to_raw(edit.end) :]
    return document.bom + raw.encode(document.encoding), applied


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


class ReadOnly(Exception):
    pass


def write_atomically(path: str, data: bytes) -> None:
    """Replace the file's content: a reader sees the old file or the new, never half of one."""
    status = os.stat(path)
    if not status.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise ReadOnly(path)
    folder = os.path.dirname(os.path.abspath(path))
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".statement-lint-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, stat.S_IMODE(status.st_mode))
        # Only the owner or root may keep the owner; the content matters most.
        with contextlib.suppress(OSError, AttributeError):
            os.chown(temporary, status.st_uid, status.st_gid)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def unified_diff(result: FixResult) -> str:
    before = _raw(result.original).splitlines(keepends=True)
    after = _raw(result.document).splitlines(keepends=True)
    path = result.original.path
    lines = difflib.unified_diff(before, after, f"a/{path}", f"b/{path}")
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)
