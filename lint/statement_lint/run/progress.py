"""The progress line of long runs on a terminal."""

from __future__ import annotations

import sys
import time


class Progress:
    """`[1200 files] 850 files/s` on a terminal, for runs longer than ~2 s. The files are
    found as the run goes (memory stays flat over an archive), so there is no total to tell
    the time left by."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.start = time.monotonic()
        self.shown = False
        self._last = 0.0

    def update(self, done: int) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        elapsed = now - self.start
        if elapsed < 2 or now - self._last < 0.2:
            return
        self._last = now
        rate = done / elapsed if elapsed else 0
        sys.stderr.write(f"\r[{done} files] {rate:.0f} files/s ")
        sys.stderr.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()
