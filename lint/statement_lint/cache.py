"""The result cache: a file's diagnostics, kept until the file, the settings or the tool change.

Entries live in `.statement_lint_cache/` (or `--cache-dir`), one small JSON file each, named by
a hash of the tool's version, the settings that apply to the file (and the content of the
profile and registry they name), the file's path and its content. A changed file, setting or
version simply misses. Entries are written to a temporary file and renamed into place, so two
runs sharing the cache (pre-commit runs hooks in parallel) never read half an entry.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from functools import cache
from pathlib import Path

from statement_lint import __version__
from statement_lint.model import Diagnostic
from statement_lint.settings import Settings

CACHE_DIR = ".statement_lint_cache"
_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by statement-lint.\n"
    "# For information about cache directory tags see https://bford.info/cachedir/\n"
)


class ResultCache:
    def __init__(self, directory: str = CACHE_DIR) -> None:
        self.root = Path(directory)
        self._folder = self.root / __version__
        self._folder_name = str(self._folder)
        self._prepared = False
        self._settings_keys: dict[int, tuple[Settings, str]] = {}

    def key(self, settings: Settings, path: str, shown: str, content: bytes) -> str:
        known = self._settings_keys.get(id(settings))
        if known is None or known[0] is not settings:
            # Settings are shared by every file of a folder: their key is worked out once.
            known = self._settings_keys[id(settings)] = (settings, _settings_key(settings))
        digest = hashlib.sha256()
        for part in (__version__, known[1], os.path.abspath(path), shown):
            digest.update(part.encode())
            digest.update(b"\0")
        digest.update(content)
        return digest.hexdigest()

    def get(self, key: str) -> dict | None:
        try:
            entry_path = os.path.join(self._folder_name, key[:2], f"{key}.json")
            with open(entry_path, encoding="utf-8") as handle:
                entry = json.load(handle)
        except (OSError, ValueError):
            return None
        try:
            diagnostics = entry["diagnostics"]
            entry["diagnostics"] = (
                [Diagnostic.model_validate(d) for d in diagnostics] if diagnostics else []
            )
        except (KeyError, TypeError, ValueError):
            return None  # an entry from another layout: lint again
        return entry

    def put(self, key: str, diagnostics: list[Diagnostic], usage: list) -> None:
        try:
            self._prepare()
            folder = self._folder / key[:2]
            folder.mkdir(exist_ok=True)
            entry = {
                "diagnostics": [d.model_dump(mode="json") for d in diagnostics],
                "usage": usage,
            }
            handle, temporary = tempfile.mkstemp(dir=folder, prefix=".", suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                json.dump(entry, stream)
            os.replace(temporary, folder / f"{key}.json")
        except OSError:
            pass  # a cache that cannot be written only costs speed

    def _prepare(self) -> None:
        if self._prepared:
            return
        self._folder.mkdir(parents=True, exist_ok=True)
        ignore = "# Automatically created by statement-lint.\n*\n"
        for name, content in (("CACHEDIR.TAG", _TAG), (".gitignore", ignore)):
            target = self.root / name
            if not target.exists():
                with contextlib.suppress(OSError):
                    target.write_text(content, encoding="utf-8")
        self._prepared = True


def _settings_key(settings: Settings) -> str:
    # The profile and registry files' content counts too: editing one changes the results.
    return repr(settings) + _file_digest(settings.profile) + _file_digest(settings.registry)


@cache
def _file_digest(path: str | None) -> str:
    if not path or not os.path.isfile(path):
        return ""
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()
