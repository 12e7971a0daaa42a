"""Baselines: record today's diagnostics so that only new ones are reported.

The file is JSON (`schemas/baseline.schema.json`): one entry per path, code and fingerprint,
with a count. Fingerprints hash the code and the offending text, not the line, so entries
survive edits elsewhere in the file. Paths are relative to the baseline file's folder.
"""

from __future__ import annotations

import os
import stat
from collections import Counter

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from statement_lint.diagnostic import Diagnostic
from statement_lint.errors import UserError, key_path
from statement_lint.readers import Unreadable, read_utf8, reason
from statement_lint.readers.limits import MEGABYTE
from statement_lint.records import record
from statement_lint.run.atomic import mode_for, replace_file
from statement_lint.version import __version__

# An entry takes about 300 bytes: 256 MB holds some 800,000, a 100,000-file archive with eight
# accepted slips a file. The bound keeps a wrong file from being read whole.
BASELINE_LIMIT = 256 * MEGABYTE


class BaselineEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    path: str = Field(min_length=1, description="Relative to the baseline file's folder, with /.")
    code: str = Field(pattern=r"^[A-Z]{3}[0-9]{3}$")
    fingerprint: str = Field(pattern=r"^[0-9a-f]{16}$")
    count: int = Field(default=1, ge=1)
    message: str = Field(default="", description="The first message, for readers of the file.")


class BaselineFile(BaseModel):
    """statement-lint baseline (`--write-baseline`, `--baseline`)."""

    model_config = ConfigDict(extra="forbid", title="statement-lint baseline")
    schema_version: int = Field(default=1, ge=1, le=1)
    tool: str = f"statement-lint {__version__}"
    entries: list[BaselineEntry]


class BaselineError(UserError):
    """A baseline file that cannot be read or is invalid: exit 2."""


Key = tuple[str, str, str]  # path, code, fingerprint


@record
class BaselineResult:
    kept: list[Diagnostic]
    hidden: int
    stale: list[BaselineEntry]  # entries of linted files that no longer match


class Baseline:
    def __init__(self, path: str, entries: list[BaselineEntry], option: str = "--baseline"):
        self.path = path
        self.entries = entries
        self.option = option  # the option that named the file, for messages
        self._folder = os.path.dirname(os.path.abspath(path))

    @classmethod
    def load(cls, path: str) -> Baseline:
        try:
            text = read_utf8(path, BASELINE_LIMIT, "a baseline file")
        except Unreadable as problem:
            advice = "give the path of a baseline written by --write-baseline"
            raise BaselineError(problem.message(f"--baseline {path}:", advice)) from None
        try:
            return cls(path, BaselineFile.model_validate_json(text).entries)
        except ValidationError as error:
            first = error.errors()[0]
            where = key_path(first["loc"])
            raise BaselineError(
                f"--baseline {path}: not a statement-lint baseline: {where}: {first['msg']}; "
                "write a new one with --write-baseline"
            ) from None

    def key(self, diagnostic: Diagnostic) -> Key:
        return (self.relative(diagnostic.path), diagnostic.code, diagnostic.fingerprint)

    def relative(self, shown_path: str) -> str:
        if shown_path == "-":
            return shown_path
        return os.path.relpath(os.path.abspath(shown_path), self._folder).replace(os.sep, "/")

    def start(self) -> None:
        """Begin a run: every entry can hide as many diagnostics as its count."""
        self._remaining = Counter({(e.path, e.code, e.fingerprint): e.count for e in self.entries})
        self._seen: Counter[Key] = Counter()
        self.hidden = 0

    def hides(self, diagnostic: Diagnostic) -> bool:
        key = self.key(diagnostic)
        self._seen[key] += 1
        if self._remaining[key] > 0:
            self._remaining[key] -= 1
            self.hidden += 1
            return True
        return False

    def stale(self, linted_paths: set[str]) -> list[BaselineEntry]:
        """Entries of the files linted in the run that no longer match in full."""
        linted = {self.relative(p) for p in linted_paths}
        return [
            entry
            for entry in self.entries
            if entry.path in linted
            and self._remaining[(entry.path, entry.code, entry.fingerprint)] > 0
        ]

    def apply(self, diagnostics: list[Diagnostic], linted_paths: set[str]) -> BaselineResult:
        self.start()
        kept = [d for d in diagnostics if not self.hides(d)]
        return BaselineResult(kept, self.hidden, self.stale(linted_paths))

    def pruned(self, stale: list[BaselineEntry]) -> Baseline:
        """This baseline less what no longer matches (counts shrink to what was seen)."""
        seen = self._seen
        stale_keys = {(e.path, e.code, e.fingerprint) for e in stale}
        entries = []
        for entry in self.entries:
            key = (entry.path, entry.code, entry.fingerprint)
            if key in stale_keys:
                if seen[key] == 0:
                    continue
                entry = entry.model_copy(update={"count": min(entry.count, seen[key])})
            entries.append(entry)
        return Baseline(self.path, entries, self.option)

    @classmethod
    def of(cls, path: str, diagnostics: list[Diagnostic]) -> Baseline:
        baseline = cls(path, [], "--write-baseline")
        counts: Counter[Key] = Counter()
        messages: dict[Key, str] = {}
        for diagnostic in diagnostics:
            key = baseline.key(diagnostic)
            counts[key] += 1
            messages.setdefault(key, diagnostic.message)
        baseline.entries = [
            BaselineEntry(path=k[0], code=k[1], fingerprint=k[2], count=n, message=messages[k])
            for k, n in sorted(counts.items())
        ]
        return baseline

    def write(self) -> None:
        """Write atomically: a reader never sees half a file."""
        check_target(self.path, self.option)
        text = BaselineFile(entries=self.entries).model_dump_json(indent=2) + "\n"
        try:
            # A baseline is shared like any file of the project (not private like a temporary).
            replace_file(self.path, text.encode("utf-8"), mode_for(self.path))
        except OSError as error:
            raise self._unwritable(error) from None

    def _unwritable(self, error: OSError) -> BaselineError:
        return BaselineError(
            f"{self.option} {self.path}: cannot be written: {reason(error)}; choose a folder "
            "you can write to"
        )


def check_target(path: str, option: str = "--write-baseline") -> None:
    """Raise BaselineError if a baseline cannot be written at `path`: its folder is missing, or
    the path is a directory, a FIFO or a device (which writing would replace). Cheap: the
    command line can call it before a long run."""
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise BaselineError(
            f"{option} {path}: {os.path.dirname(path)} is not an existing folder; create it "
            "first, or write the baseline elsewhere"
        )
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return
    except OSError as error:
        raise BaselineError(
            f"{option} {path}: cannot be written: {reason(error)}; choose another path"
        ) from None
    if stat.S_ISDIR(mode):
        example = os.path.join(path, ".statement-lint-baseline.json")
        raise BaselineError(f"{option} {path}: is a directory; give a file path, such as {example}")
    if not stat.S_ISREG(mode):
        raise BaselineError(
            f"{option} {path}: is not a regular file (a FIFO, a device or a socket); give the "
            "path of a regular file"
        )
