"""--annotate: beside each Word file with diagnostics (or in the folder given), a copy named
`<name>.reviewed.docx` with a review comment on each diagnostic. The file itself is never
changed; the copy is written atomically and replaces an earlier copy."""

from __future__ import annotations

import datetime as dt
import os
import stat
from collections.abc import Callable

from statement_lint.diagnostic import Diagnostic
from statement_lint.readers import Document, Limits, reason
from statement_lint.run.atomic import replace_file

SUFFIX = ".reviewed.docx"


def annotate(
    path: str,
    document: Document,
    diagnostics: list[Diagnostic],
    folder: str,
    limits: Limits,
    bytes_read: Callable[[str, Document], bytes | None],
) -> tuple[str | None, str | None]:
    """The copy written, or why none was (a copy is itself never annotated again)."""
    from statement_lint.readers.docx import DocxError

    if path.lower().endswith(SUFFIX):
        return None, None
    data = bytes_read(path, document)
    if data is None:
        return None, "the file changed while it was being linted; run --annotate again"
    name = os.path.basename(path)
    name = name[: -len(".docx")] if name.lower().endswith(".docx") else name
    target = os.path.join(folder or os.path.dirname(path), name + SUFFIX)
    try:
        copy = reviewed(data, document, diagnostics, limits)
        replace_file(target, copy, stat.S_IMODE(os.stat(path).st_mode))
    except DocxError as error:
        return None, f"the file {error}; no copy was written"
    except OSError as error:
        return None, f"{target}: {reason(error)}; no copy was written"
    return target, None


def reviewed(data: bytes, document: Document, diagnostics: list[Diagnostic], limits: Limits):
    """The Word file `data` (read as `document`) with a comment on each diagnostic; DocxError
    if they cannot be added."""
    from statement_lint.readers.docx_comments import Comment, add_comments

    offsets = _line_starts(document.text or "")
    comments = [Comment(*_span(d, offsets), _comment_text(d)) for d in diagnostics]
    return add_comments(data, comments, limits, dt.datetime.now(dt.UTC))


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts += [index + 1 for index, character in enumerate(text) if character == "\n"]
    return starts


def _span(diagnostic: Diagnostic, starts: list[int]) -> tuple[int | None, int | None]:
    """The diagnostic's span as offsets in the text (columns count characters, from 1)."""
    if diagnostic.line > len(starts) or diagnostic.end_line > len(starts):
        return None, None
    start = starts[diagnostic.line - 1] + diagnostic.column - 1
    end = starts[diagnostic.end_line - 1] + diagnostic.end_column - 1
    return start, end


def _comment_text(diagnostic: Diagnostic) -> tuple[str, ...]:
    from statement_lint.rules import rules_by_code

    rule = rules_by_code().get(diagnostic.code)
    lines = [f"{diagnostic.code} {diagnostic.name}: {diagnostic.located_message}"]
    if rule is not None:
        lines.append(rule.summary)
    if diagnostic.fix is not None:
        lines.append(f"statement-lint --fix: {diagnostic.fix.message}")
    if diagnostic.suggestion:
        lines.append("The paragraph for the countries listed, on the statement's date:")
        lines += diagnostic.suggestion.splitlines()
    return tuple(lines)
