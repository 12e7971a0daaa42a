"""Replacing a file so that a reader sees the old content or the new, never half of one: the
new content goes to a temporary file in the same folder, which then takes the file's name.
Used by --fix, the baseline and the cache."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable


def replace_file(
    target: str,
    data: bytes,
    mode: int,
    ready: Callable[[str], None] | None = None,
    durable: bool = True,
) -> None:
    """Give `target` the content `data` and the permissions `mode`. `ready(temporary)` runs
    just before the rename and may raise to give up; the temporary file never outlives a
    failure. `durable`: on disk before the rename, and the rename itself too (a cache can do
    without)."""
    folder = os.path.dirname(os.path.abspath(target))
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".statement-lint-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            if durable:
                stream.flush()
                os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        if ready is not None:
            ready(temporary)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    if durable:
        _sync_folder(folder)


def mode_for(path: str) -> int:
    """The file's current permissions, or what a new file gets under the umask (a temporary
    file is private; the file it becomes is shared like any other)."""
    try:
        return os.stat(path).st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _sync_folder(folder: str) -> None:
    """Make the rename itself durable (where the system allows opening a folder)."""
    with contextlib.suppress(OSError, AttributeError):
        descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
