"""`statement-lint register`: one row per document of an archive (symbol and its parts, date,
languages, restricted distribution, disclaimer, aligning countries), read with the same
discovery, config, limits, result cache (rows kept apart from linting's results) and worker
processes as linting. Rows stream out one by one, in the order linting reports files: an
archive of any size costs the memory of what the checks across documents keep of each row
(`rules._archive.Kept`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import sys
import types as types_module
import typing
import unicodedata
from collections.abc import Iterator
from functools import cache
from typing import NamedTuple

from statement_lint.config.settings import Settings
from statement_lint.model import Statement
from statement_lint.readers import Document, read_path
from statement_lint.run.cache import EntryCache
from statement_lint.run.discover import discover
from statement_lint.run.work import FileOptions, Work
from statement_lint.run.workers import default_jobs, run_files

_SYMBOL = re.compile(
    r"(?P<body>[A-Z][A-Z0-9()-]*)\.(?P<kind>[A-Z]+)/(?P<number>\d+)"
    r"(?:/(?P<year>\d{2})(?!\d))?(?P<suffixes>(?:/(?:Rev|Corr|Add)\.\d+)*)"
)
_ORIGINAL = re.compile(r"Original\s?:\s*(\w+)")
# The error of a row statement-lint failed on (a bug): the register ends with status 2.
FAILED = "statement-lint failed on it"


class Aligned(NamedTuple):
    country: str  # gazetteer id, or the name as written when no name matched
    slot: str | None
    marked: bool


class Row(NamedTuple):
    path: str
    symbol: str | None
    body: str | None
    kind: str | None
    number: int | None
    year: int | None  # the symbol's year, in full
    suffixes: str  # `/Rev.1`, `/Corr.1/Add.2`, or ""
    restricted: bool  # OSCE+
    date: str | None  # ISO
    language: str | None  # the document's language, by its marker
    original: str | None  # the original's language, for a translation
    disclaimer: bool
    aligned: tuple[Aligned, ...]
    sha256: str | None  # of the text's words (`words_digest`): "the texts differ", kept small
    error: str | None  # why it holds no facts: not read, empty, or statement-lint failed on it
    symbol_line: int | None = None  # where the symbol and the date stand (for diagnostics)
    date_line: int | None = None


def register_rows(paths: list[str], local: RowWork, jobs: int | None = None) -> Iterator[Row]:
    """A row for each file linting would read under `paths`, in the same order: read by
    `local` (this process) or by `jobs` worker processes doing the same work (None: one per
    CPU)."""
    files = discover(paths, local.resolver.for_path)
    yield from run_files(files, local.options, jobs or default_jobs(), local)


class RowWork(Work):
    """The register's work on one file after another (in this process or a worker's)."""

    def __init__(self, options: FileOptions) -> None:
        super().__init__(options)
        self.cache = RowCache(options.cache_dir) if options.cache_dir else None

    def made(self, path: str, shown: str, settings: Settings) -> Row:
        """The file's row, read (the run asked the cache first: `cached`)."""
        document = read_path(path, shown, settings.limits)
        statement = digest = None
        if document.text is not None and not document.is_empty:
            parser = self.engine.parser_for(settings)
            normal = parser.normal(document.text, document.markdown)
            statement = parser.parse_normal(normal)
            digest = words_digest(normal.text)
        row = row_of(shown, document, statement, digest)
        if self.cache is not None and document.error is None:
            self.cache.keep(settings, path, document, row_dict(row))
        return row

    def failed(self, path: str, shown: str, settings: Settings, error: Exception) -> Row:
        """A row that says what failed, for the bug report."""
        from statement_lint.engine import describe_failure

        return _unread(shown, None, f"{FAILED} ({describe_failure(error)})")


def words_digest(text: str) -> str:
    """The sha256 of the text's words, in alphabetical order: copies of one text hash alike
    whatever their extraction did to it (a Word file and its PDF, whose header may come last,
    other line breaks and spacing, a `*` set apart, capitals, ligatures, page numbers); texts
    with other words do not. The text is the parser's normal text, its page furniture blanked."""
    words = sorted(_WORD.findall(unicodedata.normalize("NFKC", text).casefold()))
    return hashlib.sha256(" ".join(words).encode("utf-8", "surrogatepass")).hexdigest()


_WORD = re.compile(r"[^\W\d_]+")  # letters only: digits and punctuation are layout as often


def row_of(
    shown: str, document: Document, statement: Statement | None, digest: str | None = None
) -> Row:
    """The row of a document; `digest`: its `words_digest`."""
    if statement is None:
        return _unread(shown, digest, document.error or "is empty: no statement in it")
    symbol = statement.symbols[0].text if statement.symbols else None
    parts = _SYMBOL.match(symbol or "")
    date = next((d.value for d in statement.dates if d.value is not None), None)
    marker = statement.language_markers[0] if statement.language_markers else None
    original = _ORIGINAL.search(marker.text) if marker else None
    # Names, slots and languages repeat across an archive: one string each (memory).
    aligned = tuple(
        Aligned(_shared(c.country_id or c.written), _shared(c.slot), c.marker is not None)
        for c in (statement.alignment.countries if statement.alignment else [])
    )
    year = int(parts["year"]) + 2000 if parts and parts["year"] else None
    dated = next((d for d in statement.dates if d.value is not None), None)
    return Row(
        shown,
        symbol,
        _shared(parts["body"]) if parts else None,
        _shared(parts["kind"]) if parts else None,
        int(parts["number"]) if parts else None,
        year if year is None or year <= 2069 else year - 100,
        parts["suffixes"] if parts else "",
        statement.restricted is not None,
        date.isoformat() if date else None,
        _shared(marker.language) if marker else None,
        _shared(original.group(1).upper()) if original else None,
        statement.disclaimer is not None,
        aligned,
        digest,
        None,
        statement.symbols[0].span.line if statement.symbols else None,
        dated.span.line if dated else None,
    )


def _unread(shown: str, digest: str | None, error: str | None) -> Row:
    """The row of a document with no statement in it (empty, or not read: `error`)."""
    return Row(shown, None, None, None, None, None, "", False, None, None, None, False, (),
               digest, error)  # fmt: skip


def _shared(text: str | None) -> str | None:
    return sys.intern(text) if text else text


def row_dict(row: Row) -> dict:
    """The row as the JSON register holds it."""
    values = row._asdict()
    values["aligned"] = [aligned._asdict() for aligned in row.aligned]
    return values


@cache
def _json_types(cls: type) -> dict[str, tuple]:
    """Each field of a NamedTuple and the types its value may have as JSON gives it back (a
    tuple is a list; None for an optional field), from the class's own annotations."""
    types = {}
    for name, hint in typing.get_type_hints(cls).items():
        union = typing.get_origin(hint) in (typing.Union, types_module.UnionType)
        kinds = typing.get_args(hint) if union else (hint,)
        types[name] = tuple(
            None if kind is type(None) else list if typing.get_origin(kind) is tuple else kind
            for kind in kinds
        )
    return types


def _typed(values: object, types: dict[str, tuple]) -> bool:
    if not isinstance(values, dict) or values.keys() != types.keys():
        return False
    for name, allowed in types.items():
        value = values[name]
        if value is None and None in allowed:
            continue
        # bool is an int: a number must not be True, nor a flag 1
        if type(value) not in [kind for kind in allowed if kind is not None]:
            return False
    return True


_SHA256 = re.compile(r"[0-9a-f]{64}")


def valid_row(values: object) -> bool:
    """A row as `keep` writes it: typed, a real hash and date, no error (a document that could
    not be read is never kept), text that can be written out."""
    if not (_typed(values, _json_types(Row)) and values["error"] is None):
        return False
    if not all(_typed(aligned, _json_types(Aligned)) for aligned in values["aligned"]):
        return False
    if values["sha256"] is not None and not _SHA256.fullmatch(values["sha256"]):
        return False
    try:
        if values["date"] is not None:
            dt.date.fromisoformat(values["date"])
        json.dumps(values, ensure_ascii=False).encode("utf-8")  # no lone surrogate
    except (ValueError, UnicodeEncodeError):
        return False
    return True


class RowCache(EntryCache):
    """The register's rows, in shards apart from linting's results."""

    kind = "register"
    valid = staticmethod(valid_row)

    def lookup(self, settings: Settings, path: str, shown: str) -> Row | None:
        values = self.fresh(settings, path)
        if values is None:
            return None
        aligned = tuple(
            Aligned(_shared(a["country"]), _shared(a["slot"]), a["marked"])
            for a in values["aligned"]
        )
        shared = {name: _shared(values[name]) for name in ("body", "kind", "language", "original")}
        return Row(**{**values, **shared, "path": shown, "aligned": aligned})


def archive_diagnostics(kept: list, settings_for, strict: bool = False) -> list:
    """The checks across documents (the ARC rules) on what was kept of the register's rows
    (`rules._archive.Kept`), as diagnostics: each under the settings of the file it stands on
    (`settings_for(path)`: select, ignore, severity, per-file-ignores), as in linting."""
    from statement_lint.diagnostic import Diagnostic
    from statement_lint.engine import enabled_rules, fingerprint, per_file_ignores
    from statement_lint.rules import all_rules
    from statement_lint.rules._archive import Archive
    from statement_lint.rules._selection import severity_of

    archive = Archive(kept, strict)
    found = []
    for rule in all_rules():
        if rule.stage != "archive":
            continue
        for finding in rule.check(archive):
            settings = settings_for(finding.path)
            enabled = enabled_rules(settings)
            if rule not in enabled:
                continue
            diagnostic = Diagnostic(
                path=finding.path, line=finding.line, column=1, end_line=finding.line,
                end_column=1, code=rule.code, name=rule.name,
                severity=severity_of(rule, settings.severity), message=finding.message,
                fingerprint=fingerprint(rule.code, finding.subject), url=rule.url,
            )  # fmt: skip
            found.extend(per_file_ignores([diagnostic], finding.path, settings, enabled)[0])
    return sorted(found, key=Diagnostic.sort_key)
