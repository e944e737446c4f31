"""The per-profile request budget: OVHcloud's fair use is about 60 requests a minute per
consumer key, and background polling keeps to half of that, whatever the number of accounts.

Every request the gateway sends is recorded here, whoever sent it; the poller starts a
background refresh only when its expected cost still fits in the last minute's allowance.
User actions never wait for the budget (they go first) but are counted.

Background refreshes are also paced once the minute is busy (`BUSY`): then one request
every `60 / per_minute` seconds (two at 30 a minute), a refresh of several requests waiting
until the pace has earned them all. A minute's allowance spent at once comes back at once a
minute later, so without a pace a busy screen's refreshes would go in trains forever, those
left out of a train waiting a whole minute for the next; paced, it sends one request every two
seconds. Below that, refreshes go at once, and the pace counts what they took. The poller does
not pace the retry of a failed refresh (`paced=False`): after an outage, all is read again
within an interval of the first answer, as the minute's allowance permits.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable

WINDOW = 60.0
BUSY = 2 / 3  # past this share of the minute's allowance, refreshes are paced


class RequestBudget:
    def __init__(self, per_minute: int = 30, clock: Callable[[], float] | None = None) -> None:
        self.per_minute = per_minute
        self._clock = clock or time.monotonic
        self._sent: deque[float] = deque()
        # When the pace has room for the next request of a background refresh.
        self._paced_until = -math.inf
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

    def allows(self, cost: int, pending: int = 0, *, paced: bool = True) -> bool:
        """Whether a background refresh of `cost` may start now, with `pending` requests of
        others under way and not recorded yet."""
        return self.room_in(cost, pending, paced=paced) == 0.0

    def room_in(self, cost: int, pending: int = 0, *, paced: bool = True) -> float:
        """Seconds until a background refresh of `cost` may start (0: now). Not `paced`, it
        keeps to the minute's allowance only, not to one request every 2 s."""
        with self._lock:
            now = self._clock()
            self._expire(now)
            window = self._window_room(now, cost + pending)
            if not paced or len(self._sent) + pending + cost <= self.per_minute * BUSY:
                return window
            earned = self._paced_until + (cost - 1) * self._spacing
            return max(earned - now, window, 0.0)

    def draw(self, cost: int) -> None:
        """A background refresh of `cost` starts: it takes its share of the pace."""
        with self._lock:
            now, spent = self._clock(), cost * self._spacing
            # What the pace earned while nothing was sent pays for this refresh only.
            self._paced_until = max(self._paced_until + spent, now + self._spacing)

    @property
    def _spacing(self) -> float:
        """Seconds a request takes of the pace."""
        return WINDOW / self.per_minute

    def _window_room(self, now: float, cost: int) -> float:
        """Seconds until `cost` more requests fit in the minute, as the oldest expire."""
        excess = len(self._sent) + cost - self.per_minute
        if excess <= 0:
            return 0.0
        if excess > len(self._sent):  # more than a minute's worth: all must expire first
            return self._sent[-1] + WINDOW - now if self._sent else WINDOW
        return self._sent[excess - 1] + WINDOW - now

    def _expire(self, now: float) -> None:
        while self._sent and self._sent[0] <= now - WINDOW:
            self._sent.popleft()
