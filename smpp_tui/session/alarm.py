"""An alarm clock: rings (calls `ring`) once the delay last set has passed.

The poller sets one for its next look at what is due, the app another for the next time the
status line's age changes words; each sleeps on a daemon thread until then, so an idle app is
not woken to find nothing to do, and quitting never waits for it. A failure in `ring` is
reported, never fatal: the alarm rings again a minute later unless it is set meanwhile.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Protocol

Ring = Callable[[], None]
OnError = Callable[[Exception], None]


class Alarm(Protocol):
    def set(self, delay: float | None) -> None:
        """Ring in `delay` seconds, instead of when it was set for; None: not at all."""

    def close(self) -> None:
        """Never ring again."""


class DaemonAlarm:
    """An `Alarm` on a daemon thread of its own, asleep until the deadline."""

    def __init__(
        self,
        ring: Ring,
        on_error: OnError,
        clock: Callable[[], float] = time.monotonic,
        after_a_failure: float = 60.0,  # seconds: a ring that failed is tried again
    ) -> None:
        self._ring, self._on_error, self._clock = ring, on_error, clock
        self._after_a_failure = after_a_failure
        self._deadline: float | None = None
        self._closed = False
        self._changed = threading.Condition()
        self.rings = 0  # how many times it rang: an idle app's wake-ups
        threading.Thread(target=self._run, name="smpp-tui-alarm", daemon=True).start()

    def set(self, delay: float | None) -> None:
        with self._changed:
            self._deadline = None if delay is None else self._clock() + max(0.0, delay)
            self._changed.notify()

    def close(self) -> None:
        with self._changed:
            self._closed = True
            self._changed.notify()

    def _run(self) -> None:
        while self._wait():
            try:
                self._ring()
            except Exception as error:  # a bug: said, and the alarm goes on
                self._on_error(error)
                self._again_if_unset(self._after_a_failure)

    def _again_if_unset(self, delay: float) -> None:
        with self._changed:
            if self._deadline is None and not self._closed:
                self._deadline = self._clock() + delay

    def _wait(self) -> bool:
        """Sleep until the deadline (moved as it is set again); False once closed."""
        with self._changed:
            while not self._closed:
                if self._deadline is not None and self._deadline <= self._clock():
                    self._deadline = None
                    self.rings += 1
                    return True
                timeout = None if self._deadline is None else self._deadline - self._clock()
                self._changed.wait(timeout)
            return False
