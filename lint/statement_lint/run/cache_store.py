"""Where the result cache keeps its entries: one SQLite database per tool version
(`.statement_lint_cache/<version>/cache.sqlite3`, from Python's standard library).

A database, not a JSON file per folder: a lookup reads one entry, so a folder of 100,000
statements costs no more memory than a folder of ten, and writing a batch of entries costs
that batch, not a rewrite of everything the folder holds. Runs sharing the cache (pre-commit
runs hooks in parallel; worker processes) read while another writes (write-ahead log) and wait
their turn to write.

A cache only saves time: whatever goes wrong with it (a damaged or foreign file, a locked or
read-only folder, a full disk) never stops a run. A file that is not a database, or a damaged
one, is removed and started again; anything else turns the cache off for the rest of the run.
"""

from __future__ import annotations

import contextlib
import os
import stat

DATABASE = "cache.sqlite3"
# How long a run waits for another to finish writing before it goes on without the cache.
_WAIT_S = 30
_SCHEMA = """
CREATE TABLE IF NOT EXISTS entries (
    kind TEXT NOT NULL,
    shard TEXT NOT NULL,
    name BLOB NOT NULL,  -- the file's name as the file system has it (any bytes)
    size INTEGER,
    mtime INTEGER,
    ctime INTEGER,
    sha256 TEXT,
    value TEXT,
    PRIMARY KEY (shard, name)
) WITHOUT ROWID
"""
# Files are looked up in the order of their names, folder by folder: entries are read ahead in
# slices of a shard, in that order (one query per slice, not per file; memory: one slice).
_SLICE = 512
_SELECT = (
    "SELECT name, size, mtime, ctime, sha256, value FROM entries"
    f" WHERE shard = ? AND name >= ? ORDER BY name LIMIT {_SLICE}"
)
_INSERT = "INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?, ?, ?, ?, ?)"


class Store:
    """The database at `path`, opened when first used."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._database = None
        self._off = False  # the cache cannot be used: the run goes on without it
        self._restarted = False
        # The slice read last: its shard, first and last name (None: to the shard's end), rows.
        self._slice: tuple[str, bytes, bytes | None, dict[bytes, tuple]] | None = None

    def get(self, shard: str, name: bytes) -> tuple | None:
        """(size, mtime, ctime, sha256, value) of the entry, as stored (unchecked)."""
        held = self._slice
        if held is None or held[0] != shard or not held[1] <= name <= (held[2] or name):
            rows = self._use(lambda database: database.execute(_SELECT, (shard, name)).fetchall())
            if rows is None:
                return None
            last = rows[-1][0] if len(rows) == _SLICE else None
            held = self._slice = (shard, name, last, {row[0]: row[1:] for row in rows})
        return held[3].get(name)

    def put(self, rows: list[tuple]) -> None:
        """Write the entries (kind, shard, name, size, mtime, ctime, sha256, value) at once."""

        def write(database) -> None:
            with database:  # one transaction
                database.executemany(_INSERT, rows)

        self._use(write)

    def close(self) -> None:
        self._slice = None
        if self._database is not None:
            with contextlib.suppress(Exception):
                self._database.close()
            self._database = None

    def _use(self, work):
        for _ in range(2):
            database = self._open()
            if database is None:
                return None
            import sqlite3  # there, since the database opened

            try:
                return work(database)
            except sqlite3.OperationalError:  # locked for too long, read-only, disk full
                self._turn_off()
                return None
            except sqlite3.DatabaseError:  # damaged: start again once
                self._restart()
            except (sqlite3.Error, ValueError, OverflowError):  # what SQLite cannot hold
                self._turn_off()
                return None
        return None

    def _open(self):
        if self._database is not None or self._off:
            return self._database
        try:
            import sqlite3  # loaded when the cache is first used: a run without one spares it
        except ImportError:  # a Python built without SQLite: no cache, the same results
            self._off = True
            return None

        try:
            for suffix in ("", "-wal", "-shm"):
                _clear_if_not_a_file(self.path + suffix)
            database = sqlite3.connect(self.path, timeout=_WAIT_S)
            try:
                database.execute("PRAGMA journal_mode=WAL")  # readers never wait for a writer
                database.execute("PRAGMA synchronous=NORMAL")  # a cache needs no more
                database.execute(_SCHEMA)
            except sqlite3.Error:
                database.close()
                raise
        except sqlite3.OperationalError:
            self._turn_off()
            return None
        except sqlite3.DatabaseError:  # not a database: start again once
            self._restart()
            return self._open()
        except OSError:
            self._turn_off()
            return None
        self._database = database
        return database

    def _restart(self) -> None:
        self.close()
        if self._restarted:
            self._off = True
            return
        self._restarted = True
        for suffix in ("", "-wal", "-shm"):
            try:
                os.remove(self.path + suffix)
            except FileNotFoundError:
                pass
            except OSError:
                self._off = True

    def _turn_off(self) -> None:
        self.close()
        self._off = True


def _clear_if_not_a_file(path: str) -> None:
    """A link, a pipe or a device where the database belongs is removed (SQLite would follow
    the link, or wait on the pipe); a folder there is an OSError."""
    try:
        status = os.lstat(path)
    except FileNotFoundError:
        return
    if stat.S_ISDIR(status.st_mode):
        raise IsADirectoryError(path)
    if not stat.S_ISREG(status.st_mode):
        os.remove(path)
