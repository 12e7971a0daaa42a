"""The result cache: a file's diagnostics, kept until the file, the settings or the tool change.

The cache lives in `.statement_lint_cache/` (or `--cache-dir`), in a folder per tool version,
with one shard per linted folder and set of settings (its name hashes the folder, the
settings, and the content of the profile and registry they name). A shard holds, per file, the
file's size, modification time and content hash, and its diagnostics. A file whose size and
time are unchanged is not even read; one whose time changed but whose content hash did not is
still a hit. Shards are written to a temporary file and renamed into place, merged with what
another run wrote meanwhile, so runs sharing the cache (pre-commit runs hooks in parallel)
never read half a shard; at worst a race costs a file one more linting.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from functools import cache

from statement_lint import __version__
from statement_lint.model import Diagnostic
from statement_lint.settings import Settings

CACHE_DIR = ".statement_lint_cache"
_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by statement-lint.\n"
    "# For information about cache directory tags see https://bford.info/cachedir/\n"
)


class _Shard:
    def __init__(self, path: str) -> None:
        self.path = path
        self.entries = _read_json(path).get("entries", {})
        self.changed: dict[str, dict] = {}


class ResultCache:
    def __init__(self, directory: str = CACHE_DIR) -> None:
        self.root = directory
        self.folder = os.path.join(directory, __version__)
        self._prepared = False
        self._settings_keys: dict[int, tuple[Settings, str]] = {}
        self._shard: _Shard | None = None  # one folder's entries at a time: memory stays flat

    def lookup(self, settings: Settings, path: str, shown: str) -> dict | None:
        """The cached result for the file, if it is still valid, its diagnostics reported as
        `shown` (the same file is shown by another path from another working directory)."""
        shard = self._shard_for(settings, path)
        entry = shard.entries.get(os.path.basename(path))
        if entry is None:
            return None
        try:
            status = os.stat(path)
        except OSError:
            return None
        if (entry["size"], entry["mtime"]) != (status.st_size, status.st_mtime_ns):
            digest = _digest(path)
            if digest is None or digest != entry["sha256"]:
                return None
            entry = {**entry, "mtime": status.st_mtime_ns}  # touched, not changed
            shard.changed[os.path.basename(path)] = entry
        try:
            diagnostics = [
                Diagnostic.model_validate({**d, "path": shown}) for d in entry["diagnostics"]
            ]
        except (TypeError, ValueError):
            return None
        return {"diagnostics": diagnostics, "usage": entry["usage"]}

    def store(
        self, settings: Settings, path: str, diagnostics: list[Diagnostic], usage: list
    ) -> None:
        try:
            status = os.stat(path)
        except OSError:
            return
        digest = _digest(path)
        if digest is None:
            return
        shard = self._shard_for(settings, path)
        shard.changed[os.path.basename(path)] = {
            "size": status.st_size,
            "mtime": status.st_mtime_ns,
            "sha256": digest,
            "diagnostics": [d.model_dump(mode="json") for d in diagnostics],
            "usage": usage,
        }

    def flush(self) -> None:
        """Write what changed in the current shard, merged with what is on disk."""
        shard = self._shard
        if shard is None or not shard.changed:
            return
        try:
            self._prepare()
            with _locked(shard.path + ".lock"):
                entries = _read_json(shard.path).get("entries", {})
                entries.update(shard.changed)
                handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".", suffix=".tmp")
                with os.fdopen(handle, "w", encoding="utf-8") as stream:
                    json.dump({"entries": entries}, stream)
                os.replace(temporary, shard.path)
            shard.entries.update(shard.changed)
            shard.changed = {}
        except OSError:
            pass  # a cache that cannot be written only costs speed

    def _shard_for(self, settings: Settings, path: str) -> _Shard:
        known = self._settings_keys.get(id(settings))
        if known is None or known[0] is not settings:
            # Settings are shared by every file of a folder: their key is worked out once.
            known = self._settings_keys[id(settings)] = (settings, _settings_key(settings))
        folder = os.path.dirname(os.path.abspath(path))
        name = hashlib.sha256(f"{known[1]}\0{folder}".encode()).hexdigest()[:32]
        shard_path = os.path.join(self.folder, f"{name}.json")
        if self._shard is None or self._shard.path != shard_path:
            self.flush()
            self._shard = _Shard(shard_path)
        return self._shard

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
    with open(path, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _read_json(path: str) -> dict:
    try:
        with open(path, encoding="utf-8") as handle:
            content = json.load(handle)
    except (OSError, ValueError):
        return {}
    return content if isinstance(content, dict) else {}


def _digest(path: str) -> str | None:
    try:
        with open(path, "rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None


def _settings_key(settings: Settings) -> str:
    # The profile and registry files' content counts too: editing one changes the results.
    return repr(settings) + _file_digest(settings.profile) + _file_digest(settings.registry)


@cache
def _file_digest(path: str | None) -> str:
    if not path or not os.path.isfile(path):
        return ""
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()
