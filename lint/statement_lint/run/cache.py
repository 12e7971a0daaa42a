"""The result cache: what a run learnt of each file, kept until the file, the settings or the
tool change.

The cache lives in `.statement_lint_cache/` (or `--cache-dir`), in a folder per tool version,
in one database (`cache_store.py`). Its entries are grouped in shards: one per folder, set of
settings and kind of entry (the shard's name hashes the folder, the settings, the content of the
profile and registry they name, and the kind). An entry holds the size, modification and change
times the file had when it was read, the hash of the bytes read, and what was learnt of them:
linting keeps its `FileResult`, the register its row (`run.register`); each kind has its own
shards, so one never reads the other's entries. An entry always describes the bytes that were
read, even when the file was saved again meanwhile.

A file whose size and times are unchanged is not even read; one whose times changed but whose
content hash did not is still a hit. The change time catches a file copied over with its old
size and modification time (`cp -p`, `rsync -t`). As in git, a file changed within the file
system's time granularity of the run's start is "racy": its times cannot vouch for its content,
so its entry keeps none and the next run compares the hash. An entry that is not what this
module writes (damaged, edited, from elsewhere) is not used, and is replaced.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import time
from collections.abc import Callable
from functools import cache

from statement_lint.config.settings import Settings
from statement_lint.readers import Document
from statement_lint.run.cache_store import DATABASE, Store
from statement_lint.run.result import FileResult, result_entry, result_from_entry, valid_result
from statement_lint.version import __version__

CACHE_DIR = ".statement_lint_cache"
_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by statement-lint.\n"
    "# For information about cache directory tags see https://bford.info/cachedir/\n"
)

# Coarser than any common file system's timestamps (FAT keeps even seconds).
RACY_NS = 2_000_000_000
# Entries written at once, at most: what a run holds unwritten.
_PENDING = 1000
# Value texts this short are remembered once read (how many, at most).
_SHORT, _SHORT_KEPT = 256, 4096


class EntryCache:
    """What the caller kept of each file (a JSON value, checked by `valid` when read back),
    valid while the file's bytes and the settings are those it was kept for. Subclasses say
    the `kind` of entry and how a value is checked."""

    kind = ""
    valid: Callable[[object], bool] = staticmethod(lambda value: False)

    def __init__(self, directory: str = CACHE_DIR) -> None:
        self.root = directory
        self.folder = os.path.join(directory, __version__)
        self.started_ns = time.time_ns()
        self._store: Store | None = None  # opened at first use
        self._settings_keys: dict[int, tuple[Settings, str]] = {}
        self._last: tuple[Settings, str, str] | None = None  # settings, folder, its shard
        self._pending: list[tuple] = []
        self._short: dict[str, object | None] = {}  # short value texts, read and checked

    def fresh(self, settings: Settings, path: str) -> object | None:
        """What was kept of the file, if its bytes are still those it was kept for."""
        shard, name = self._shard_for(settings, path), os.fsencode(os.path.basename(path))
        found = self._entry(shard, name)
        if found is None:
            return None
        size, mtime, ctime, digest, text, value = found
        try:
            status = os.stat(path)
        except OSError:
            return None
        if not stat.S_ISREG(status.st_mode):
            return None
        times = (status.st_mtime_ns, status.st_ctime_ns)
        if (size, mtime, ctime) != (status.st_size, *times):
            if size != status.st_size or _digest(path) != digest:
                return None
            if not self._racy(*times):  # touched, not changed: trust the times now
                self._write((self.kind, shard, name, size, *times, digest, text))
        return value

    def keep(self, settings: Settings, path: str, document: Document, value: object) -> None:
        """Remember `value` for the bytes `document` was read from."""
        source = document.source
        if source is None:
            return
        racy = self._racy(source.mtime_ns, source.ctime_ns)
        self._write((
            self.kind, self._shard_for(settings, path), os.fsencode(os.path.basename(path)),
            source.size,
            None if racy else source.mtime_ns, None if racy else source.ctime_ns,
            source.sha256, json.dumps(value),
        ))  # fmt: skip

    def flush(self) -> None:
        """Write what was kept and not yet written."""
        if self._pending:
            pending, self._pending = self._pending, []
            self._open().put(pending)

    def close(self) -> None:
        """Write what is left, and let go of the database (a worker ends with its batch)."""
        self.flush()
        if self._store is not None:
            self._store.close()

    def _write(self, row: tuple) -> None:
        self._pending.append(row)
        if len(self._pending) >= _PENDING:
            self.flush()

    def _entry(self, shard: str, name: str) -> tuple | None:
        """(size, mtime, ctime, sha256, value text, value) of a valid entry, or None."""
        row = self._open().get(shard, name)
        if row is None or not _valid_columns(row):
            return None
        value = self._value(row[4])
        return None if value is None else (*row, value)

    def _value(self, text: str) -> object | None:
        """The value `text` holds, if it is valid. Short texts repeat (every clean statement's
        result is the same): each is read and checked once per run. Callers never change a
        value, so one may be shared."""
        if len(text) <= _SHORT and text in self._short:
            return self._short[text]
        try:
            value = json.loads(text)
        except (ValueError, RecursionError):
            return None
        value = value if self.valid(value) else None
        if len(text) <= _SHORT and len(self._short) < _SHORT_KEPT:
            self._short[text] = value
        return value

    def _racy(self, mtime_ns: int, ctime_ns: int) -> bool:
        """Whether a file's times are too close to this run's start to vouch for its content:
        it may be saved again within the same tick, keeping its time."""
        return max(mtime_ns, ctime_ns) > self.started_ns - RACY_NS

    def _shard_for(self, settings: Settings, path: str) -> str:
        written = os.path.dirname(path)
        last = self._last
        if last is not None and last[0] is settings and last[1] == written:
            return last[2]  # the files of a folder come one after the other
        known = self._settings_keys.get(id(settings))
        if known is None or known[0] is not settings:
            # Settings are shared by every file of a folder: their key is worked out once.
            known = self._settings_keys[id(settings)] = (settings, _settings_key(settings))
        folder = os.path.abspath(written)
        shard = hashlib.sha256(f"{known[1]}\0{folder}\0{self.kind}".encode()).hexdigest()[:32]
        self._last = (settings, written, shard)
        return shard

    def _open(self) -> Store:
        if self._store is None:
            self._store = Store(os.path.join(self.folder, DATABASE))
            _prepare(self.root, self.folder)
        return self._store


def _prepare(root: str, folder: str) -> None:
    """The cache's folder, tagged as a cache (backup tools skip it) and ignored by git."""
    with contextlib.suppress(OSError):
        os.makedirs(folder, exist_ok=True)
    ignore = "# Automatically created by statement-lint.\n*\n"
    for name, content in (("CACHEDIR.TAG", _TAG), (".gitignore", ignore)):
        target = os.path.join(root, name)
        if not os.path.exists(target):
            with contextlib.suppress(OSError), open(target, "w", encoding="utf-8") as handle:
                handle.write(content)


def _valid_columns(row: tuple) -> bool:
    """The columns as `keep` writes them (SQLite keeps any type in any column)."""
    size, mtime, ctime, digest, text = row
    return (
        type(size) is int
        and all(time is None or type(time) is int for time in (mtime, ctime))
        and isinstance(digest, str)
        and len(digest) == 64
        and isinstance(text, str)
    )


def _digest(path: str) -> str | None:
    try:
        with open(path, "rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None


_PACKAGE = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))


def _settings_key(settings: Settings) -> str:
    # The profile and registry files' content counts too: editing one changes the results; and
    # so does the package's own code and data, edited during development without a new version.
    return (
        repr(settings)
        + _file_digest(settings.profile)
        + _file_digest(settings.registry)
        + _package_digest()
    )


@cache
def _package_digest(root: str = _PACKAGE) -> str:
    """A hash of the package's code and bundled data, as installed."""
    found = []
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = [name for name in subfolders if name != "__pycache__"]
        found += [os.path.join(folder, name) for name in names if name.endswith((".py", ".json"))]
    digest = hashlib.sha256()
    for path in sorted(found, key=lambda path: path.split(os.sep)):  # folder by folder
        digest.update(os.path.relpath(path, root).encode())
        with open(path, "rb") as handle:
            digest.update(handle.read())
    return digest.hexdigest()


@cache
def _file_digest(path: str | None) -> str:
    if not path or not os.path.isfile(path):
        return ""
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


class ResultCache(EntryCache):
    """Linting's results."""

    kind = "lint"
    valid = staticmethod(valid_result)

    def lookup(self, settings: Settings, path: str, shown: str) -> FileResult | None:
        """The cached result for the file, if it is still valid, its diagnostics reported as
        `shown` (the same file is shown by another path from another working directory)."""
        value = self.fresh(settings, path)
        return None if value is None else result_from_entry(value, shown)

    def store(self, settings: Settings, path: str, document: Document, result: FileResult) -> None:
        """Remember the result of the bytes `document` was read from."""
        self.keep(settings, path, document, result_entry(result, document.text or ""))
