"""The result cache: what a run learnt of each file, kept until the file, the settings or the
tool change.

The cache lives in `.statement_lint_cache/` (or `--cache-dir`), in a folder per tool version,
with one shard per folder, set of settings and kind of entry (its name hashes the folder, the
settings, the content of the profile and registry they name, and the kind). A shard holds, per
file, the size, modification and change times the file had when it was read, the hash of the
bytes read, and what was learnt of them: linting keeps its `FileResult`, the register its row
(`run.register`); each kind has its own shards, so one never reads the other's entries. An
entry always describes the bytes that were read, even when the file was saved again meanwhile.
A file whose size and times are unchanged is not even read; one whose times changed but whose
content hash did not is still a hit. The change time catches a file copied over with its old
size and modification time (`cp -p`, `rsync -t`). As in git, a file changed within the file
system's time granularity of the run's start is "racy": its times cannot vouch for its content,
so its entry keeps none and the next run compares the hash. A shard that is not what this
module writes (damaged, edited, from elsewhere) is discarded and rewritten.

Shards are written to a temporary file and renamed into place, merged with what
another run wrote meanwhile, so runs sharing the cache (pre-commit runs hooks in parallel)
never read half a shard; at worst a race costs a file one more linting.
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
from pathlib import Path

from statement_lint.config.settings import Settings
from statement_lint.readers import Document, read_bounded
from statement_lint.run.atomic import mode_for, replace_file
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
# A shard holds one folder's entries; far beyond any real one, and never read past.
SHARD_LIMIT = 256 * 1024 * 1024


class _Shard:
    def __init__(self, path: str, valid: Callable[[object], bool]) -> None:
        self.path = path
        # The settings and folder it was last found for: the next file of the folder needs
        # no new key.
        self.settings: Settings | None = None
        self.written: str | None = None  # the folder as the path gave it
        self.valid = valid
        self.entries, damaged = _read_entries(path, valid)
        # Entries to write; a damaged shard is written again whole, without what was bad.
        self.changed: dict[str, dict] = dict(self.entries) if damaged else {}


class EntryCache:
    """What the caller kept of each file (a JSON value, checked by `valid` when read back),
    valid while the file's bytes and the settings are those it was kept for."""

    kind = ""  # the kind of entry: shards of each kind are apart
    valid: Callable[[object], bool] = staticmethod(lambda value: False)

    def __init__(self, directory: str = CACHE_DIR) -> None:
        self.root = directory
        self.folder = os.path.join(directory, __version__)
        self._prepared = False
        self._settings_keys: dict[int, tuple[Settings, str]] = {}
        self._shard: _Shard | None = None  # one folder's entries at a time: memory stays flat
        self.started_ns = time.time_ns()

    def fresh(self, settings: Settings, path: str) -> object | None:
        """What was kept of the file, if its bytes are still those it was kept for."""
        shard = self._shard_for(settings, path)
        name = os.path.basename(path)
        entry = shard.entries.get(name)
        if entry is None:
            return None
        try:
            status = os.stat(path)
        except OSError:
            return None
        if not stat.S_ISREG(status.st_mode):
            return None
        times = (status.st_mtime_ns, status.st_ctime_ns)
        if (entry["size"], entry["mtime"], entry["ctime"]) != (status.st_size, *times):
            if entry["size"] != status.st_size or _digest(path) != entry["sha256"]:
                return None
            if not self._racy(*times):  # touched, not changed: trust the times now
                entry = shard.changed[name] = {**entry, "mtime": times[0], "ctime": times[1]}
        return entry["value"]

    def keep(self, settings: Settings, path: str, document: Document, value: object) -> None:
        """Remember `value` for the bytes `document` was read from."""
        source = document.source
        if source is None:
            return
        shard = self._shard_for(settings, path)
        racy = self._racy(source.mtime_ns, source.ctime_ns)
        shard.changed[os.path.basename(path)] = {
            "size": source.size,
            "mtime": None if racy else source.mtime_ns,
            "ctime": None if racy else source.ctime_ns,
            "sha256": source.sha256,
            "value": value,
        }

    def _racy(self, mtime_ns: int, ctime_ns: int) -> bool:
        """Whether a file's time is too close to this run's start to vouch for its content: it
        may be saved again within the same tick, keeping its time."""
        return max(mtime_ns, ctime_ns) > self.started_ns - RACY_NS

    def flush(self) -> None:
        """Write what changed in the current shard, merged with what is on disk."""
        shard = self._shard
        if shard is None or not shard.changed:
            return
        try:
            self._prepare()
            with _locked(shard.path + ".lock"):
                entries, _ = _read_entries(shard.path, shard.valid)
                entries.update(shard.changed)
                data = json.dumps({"entries": entries}).encode("utf-8")
                replace_file(shard.path, data, mode_for(shard.path), durable=False)
            shard.entries.update(shard.changed)
            shard.changed = {}
        except OSError:
            pass  # a cache that cannot be written only costs speed

    def _shard_for(self, settings: Settings, path: str) -> _Shard:
        known = self._settings_keys.get(id(settings))
        if known is None or known[0] is not settings:
            # Settings are shared by every file of a folder: their key is worked out once.
            known = self._settings_keys[id(settings)] = (settings, _settings_key(settings))
        shard = self._shard
        written = os.path.dirname(path)
        if shard is not None and shard.settings is settings and shard.written == written:
            return shard  # the files of a folder come one after the other
        folder = os.path.abspath(written)
        name = hashlib.sha256(f"{known[1]}\0{folder}\0{self.kind}".encode()).hexdigest()[:32]
        shard_path = os.path.join(self.folder, f"{name}.json")
        if shard is None or shard.path != shard_path:
            self.flush()
            shard = self._shard = _Shard(shard_path, self.valid)
        shard.settings, shard.written = settings, written
        return shard

    def _prepare(self) -> None:
        if self._prepared:
            return
        os.makedirs(self.folder, exist_ok=True)
        ignore = "# Automatically created by statement-lint.\n*\n"
        for name, content in (("CACHEDIR.TAG", _TAG), (".gitignore", ignore)):
            target = os.path.join(self.root, name)
            if not os.path.exists(target):
                with contextlib.suppress(OSError), open(target, "w", encoding="utf-8") as handle:
                    handle.write(content)
        self._prepared = True


@contextlib.contextmanager
def _locked(path: str):
    """Holds an exclusive lock on `path` (where the system has them), so that runs writing
    the same shard merge one after the other instead of losing each other's entries."""
    try:
        import fcntl
    except ImportError:  # no advisory locks: a lost entry only costs a file one more linting
        yield
        return
    # Not following a link, not waiting on a pipe: a lock file that is not a regular file is an
    # error (OSError), and the shard is not written.
    flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0)
    handle = os.open(path, flags, 0o644)
    try:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            raise OSError(f"{path} is not a regular file")
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
    finally:
        os.close(handle)


def _read_entries(path: str, valid: Callable[[object], bool]) -> tuple[dict[str, dict], bool]:
    """The shard's valid entries, and whether anything in it was not valid (then the shard is
    rewritten). A missing shard is empty, not damaged."""
    try:
        data, _ = read_bounded(path, SHARD_LIMIT)
    except FileNotFoundError:
        return {}, False
    except OSError:
        return {}, True
    try:
        content = json.loads(data)
    except (ValueError, RecursionError):
        return {}, True
    entries = content.get("entries") if isinstance(content, dict) else None
    if not isinstance(entries, dict):
        return {}, True
    kept = {name: entry for name, entry in entries.items() if _valid_entry(entry, valid)}
    return kept, len(kept) != len(entries) or len(content) != 1


def _valid_entry(entry: object, valid: Callable[[object], bool]) -> bool:
    """The shape `keep` writes, holding a value of the cache's kind."""
    if not isinstance(entry, dict) or set(entry) != {"size", "mtime", "ctime", "sha256", "value"}:
        return False
    size, digest = entry["size"], entry["sha256"]
    return (
        type(size) is int
        and all(entry[time] is None or type(entry[time]) is int for time in ("mtime", "ctime"))
        and isinstance(digest, str)
        and len(digest) == 64
        and valid(entry["value"])
    )


def _digest(path: str) -> str | None:
    try:
        with open(path, "rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None


_PACKAGE = Path(__file__).resolve().parent.parent


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
def _package_digest(root: Path = _PACKAGE) -> str:
    """A hash of the package's code and bundled data, as installed."""
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.suffix in (".py", ".json") and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
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
