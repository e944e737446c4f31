"""The poller: keeps what the screens show fresh, within the request budget.

Screens declare what they show (`show`); only that is polled, each resource on its own
interval, the next run scheduled when the previous one ends, never two at once. A failure keeps
the last good value (marked stale), backs off exponentially and recovers by itself. `refresh`
is the user's `r`: everything shown, now, budget or not.

The poller never blocks: `launch` hands a job to a worker thread (Textual's thread workers in
the app, a plain call in unit tests), and `tick` is driven by a timer, with an injected clock.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from smpp_tui.api import errors as api_errors
from smpp_tui.store.backoff import Backoff
from smpp_tui.store.budget import RequestBudget
from smpp_tui.store.snapshot import Health, ResourceKey
from smpp_tui.store.store import Store


@dataclass(frozen=True)
class Watch:
    """A resource a screen shows: how to fetch it (blocking), how often, at what cost."""

    key: ResourceKey
    fetch: Callable[[], Any]
    interval: float = 30.0
    cost: int = 1  # requests one refresh is expected to send


@dataclass
class _Slot:
    watch: Watch
    due: float
    in_flight: bool = False
    failures: int = 0
    urgent: bool = False


def health_after(error: Exception) -> Health | None:
    """What a failure says about the link to OVHcloud; None when it says nothing."""
    if isinstance(error, api_errors.InvalidCredentials):
        return Health.REFUSED
    unreachable = (
        api_errors.Unreachable,
        api_errors.TimedOut,
        api_errors.ServerError,
        api_errors.RateLimited,
    )
    return Health.UNREACHABLE if isinstance(error, unreachable) else None


class Poller:
    def __init__(
        self,
        store: Store,
        launch: Callable[[Callable[[], None]], None],
        *,
        clock: Callable[[], float] = time.monotonic,
        budget: RequestBudget | None = None,
        backoff: Backoff | None = None,
    ) -> None:
        self._store = store
        self._launch = launch
        self._clock = clock
        self.budget = budget or RequestBudget(clock=clock)
        self._backoff = backoff or Backoff()
        self._slots: dict[ResourceKey, _Slot] = {}
        self._lock = threading.Lock()
        # Refreshes are numbered as they start. A success says the link is fine again only if
        # it started after the failure that said it was not: one already in flight may not.
        self._started = 0
        self._bad_until = 0

    def show(self, watches: Iterable[Watch]) -> None:
        """Poll exactly these from now on; what is still fresh in the store waits its turn."""
        now = self._clock()
        with self._lock:
            slots = {}
            for watch in watches:
                old = self._slots.get(watch.key)
                if old is not None:
                    # A shorter interval (a status to follow closely) applies at once.
                    old.due = min(old.due, old.due - old.watch.interval + watch.interval)
                    old.watch = watch
                    slots[watch.key] = old
                else:
                    fetched = self._store.snapshot[watch.key].fetched_at
                    due = now if fetched is None else fetched + watch.interval
                    slots[watch.key] = _Slot(watch, due)
            self._slots = slots
        self.tick()

    def refresh(self, keys: Iterable[ResourceKey] | None = None) -> None:
        """Refresh now, ahead of the budget (a user's request)."""
        now = self._clock()
        with self._lock:
            for key, slot in self._slots.items():
                if keys is None or key in keys:
                    slot.due, slot.urgent = now, True
        self.tick()

    def tick(self) -> None:
        """Start every refresh that is due, not already running, and fits the budget."""
        now = self._clock()
        with self._lock:
            ready = [s for s in self._slots.values() if not s.in_flight and s.due <= now]
            ready.sort(key=lambda slot: (not slot.urgent, slot.due))
            # Requests of refreshes under way may not be recorded yet: count them as spent.
            pending = sum(s.watch.cost for s in self._slots.values() if s.in_flight)
            started = []
            for slot in ready:
                first_load = not self._store.snapshot[slot.watch.key].loaded
                if slot.urgent or first_load or self.budget.allows(pending + slot.watch.cost):
                    slot.in_flight, slot.urgent = True, False
                    pending += slot.watch.cost
                    self._started += 1
                    started.append((slot.watch, self._started))
        for watch, number in started:
            self._launch(lambda watch=watch, number=number: self._run(watch, number))

    def next_due(self) -> float | None:
        with self._lock:
            waiting = [s.due for s in self._slots.values() if not s.in_flight]
        return min(waiting, default=None)

    def watched(self) -> list[ResourceKey]:
        with self._lock:
            return list(self._slots)

    def _run(self, watch: Watch, number: int) -> None:
        try:
            value = watch.fetch()
        except Exception as error:  # any failure is data for the store, never a crash
            self._failed(watch, error)
        else:
            self._succeeded(watch, value, number)

    def _succeeded(self, watch: Watch, value: Any, number: int) -> None:
        now = self._clock()
        self._store.succeeded(watch.key, value, now)
        with self._lock:
            recovered = number > self._bad_until
        if recovered:
            self._store.set_health(Health.OK)
        with self._lock:
            slot = self._slots.get(watch.key)
            if slot is not None:
                slot.in_flight, slot.failures = False, 0
                if not slot.urgent:  # else `r` came while this ran: go again at once
                    slot.due = now + slot.watch.interval

    def _failed(self, watch: Watch, error: Exception) -> None:
        self._store.failed(watch.key, error)
        health = health_after(error)
        if health is not None:
            with self._lock:
                self._bad_until = self._started
            self._store.set_health(health)
        with self._lock:
            slot = self._slots.get(watch.key)
            if slot is not None:
                slot.in_flight, slot.urgent = False, False
                slot.failures += 1
                retry_after = getattr(error, "retry_after", None)
                slot.due = self._clock() + self._backoff.delay(slot.failures, retry_after)
