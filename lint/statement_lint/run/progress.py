"""The progress line of long runs on a terminal."""

from __future__ import annotations

import sys
import time


class Progress:
    """`[1200/10000] 850 files/s, 10 s left` on a terminal, for runs longer than ~2 s."""

    def __init__(self, total: int, enabled: bool) -> None:
        self.total = total
        self.enabled = enabled and total > 0
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
        left = (self.total - done) / rate if rate else 0
        sys.stderr.write(f"\r[{done}/{self.total}] {rate:.0f} files/s, {left:.0f} s left ")
        sys.stderr.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()
