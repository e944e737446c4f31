"""The per-profile request budget: OVHcloud's fair use is about 60 requests a minute per
consumer key, and background polling keeps to half of that, whatever the number of accounts.

Every request the gateway sends is recorded here, whoever sent it; the poller starts a
background refresh only when its expected cost still fits in the last minute's allowance.
User actions never wait for the budget (they go first) but are counted.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable

WINDOW = 60.0


class RequestBudget:
    def __init__(self, per_minute: int = 30, clock: Callable[[], float] | None = None) -> None:
        self.per_minute = per_minute
        self._clock = clock or time.monotonic
        self._sent: deque[float] = deque()
        self._lock = threading.Lock()

    def record(self) -> None:
        """One request went out (the gateway's hook)."""
        with self._lock:
            self._sent.append(self._clock())

    def spent(self) -> int:
        """Requests sent in the last minute."""
        with self._lock:
            self._expire(self._clock())
            return len(self._sent)

    def allows(self, cost: int) -> bool:
        return self.spent() + cost <= self.per_minute

    def room_in(self, cost: int) -> float:
        """Seconds until `cost` more requests fit (0: they fit now), as the oldest expire."""
        with self._lock:
            now = self._clock()
            self._expire(now)
            excess = len(self._sent) + cost - self.per_minute
            if excess <= 0:
                return 0.0
            if excess > len(self._sent):  # more than a minute's worth: all must expire first
                return self._sent[-1] + WINDOW - now if self._sent else WINDOW
            return self._sent[excess - 1] + WINDOW - now

    def _expire(self, now: float) -> None:
        while self._sent and self._sent[0] <= now - WINDOW:
            self._sent.popleft()
