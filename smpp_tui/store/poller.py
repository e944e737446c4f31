"""The poller: keeps what the screens show fresh, within the request budget.

Screens declare what they show (`show`); only that is polled, each resource on its own
interval, the next run scheduled when the previous one ends, never two at once. A failure keeps
the last good value (marked stale), backs off exponentially and recovers by itself. `refresh`
is the user's `r`: everything shown, now, budget or not.

The long waits of the backoff are for an OVHcloud that answers nothing. Once it answers any
request again, a resource that failed for want of an answer (no answer, a 5xx, a rate limit,
refused credentials) is due one interval after its last try (`Backoff.answered` at most), if not
sooner: at once when that is past (within the budget), so after an outage the screen is fresh
within one interval of the first answer; a route that fails alone while the others answer is
tried once an interval, no faster. A `Retry-After` still holds; a failure that says nothing of
the link (a missing right, a 404) keeps its backoff.

Timers, not ticks: each look at what is due (`tick`) starts it and sets the `alarm` for the next
look, when the next resource is due or the budget has room again; a poll ending, `show` and
`refresh` look again. An idle app is not woken to find nothing to do.

The poller never blocks: `launch` hands a job to another thread (daemon threads in the app, a
queue in unit tests), and its clock is injected.
"""

from __future__ import annotations

import functools
import math
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
    fetch: Callable[[], Any]  # any resource: the snapshot holds values of every kind
    interval: float = 30.0
    cost: int = 1  # requests one refresh is expected to send


@dataclass
class _Slot:
    watch: Watch
    due: float
    in_flight: bool = False
    failures: int = 0
    urgent: bool = False
    # After a failure for want of an answer: when that refresh started, and when the
    # resource is due once OVHcloud has answered another one since.
    failed_try: float = math.inf
    recovery: float = math.inf


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
        alarm: Callable[[float | None], None] = lambda delay: None,
    ) -> None:
        """`alarm(delay)`: call `tick` in `delay` seconds (None: nothing to wait for)."""
        self._store = store
        self._launch = launch
        self._alarm = alarm
        self._clock = clock
        self.budget = budget or RequestBudget(clock=clock)
        self._backoff = backoff or Backoff()
        self._slots: dict[ResourceKey, _Slot] = {}
        # Kept apart from the slots: a resource shown again while its refresh is still under
        # way must not start a second one.
        self._in_flight: set[ResourceKey] = set()
        # Resources whose last refresh failed in a way that says something of the link: the
        # link is back when none is left, not at the first success of another resource.
        self._failing: dict[ResourceKey, tuple[Health, Exception]] = {}
        self._answered = -math.inf  # when a refresh last succeeded
        self._lock = threading.Lock()

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
                    slots[watch.key] = _Slot(watch, due, in_flight=watch.key in self._in_flight)
            self._slots = slots
            for key in [key for key in self._failing if key not in slots]:
                del self._failing[key]
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
        """Start what is due and not running: the user's first, then the oldest due, as long
        as the budget allows; a refresh that does not fit waits, and so does what is after it,
        so that an expensive one is not passed over forever by cheaper ones. Then set the
        alarm for the next look."""
        now = self._clock()
        with self._lock:
            started, held = self._start_due(now)
            self._alarm(self._next_look(now, held))
        for watch in started:
            self._launch(functools.partial(self._run, watch))

    def _start_due(self, now: float) -> tuple[list[Watch], int | None]:
        """The watches to start now, and the cost of the first one held for the budget."""
        ready = [s for s in self._slots.values() if not s.in_flight and self._due(s) <= now]
        ready.sort(key=lambda slot: (not slot.urgent, self._due(slot)))
        # Requests of refreshes under way may not be recorded yet: count them as spent.
        pending = sum(s.watch.cost for s in self._slots.values() if s.in_flight)
        started: list[Watch] = []
        held: int | None = None
        for slot in ready:
            cost = min(slot.watch.cost, self.budget.per_minute)
            first_load = not self._store.snapshot[slot.watch.key].loaded
            if not (slot.urgent or first_load):
                # Past one that does not fit, the others wait too (first loads do not).
                if held is None and not self.budget.allows(pending + cost):
                    held = pending + cost
                if held is not None:
                    continue
            slot.in_flight, slot.urgent = True, False
            self._in_flight.add(slot.watch.key)
            pending += cost
            started.append(slot.watch)
        return started, held

    def _next_look(self, now: float, held: int | None) -> float | None:
        """Seconds until something can start: the next due, or room in the budget."""
        dues = [self._due(s) for s in self._slots.values() if not s.in_flight]
        looks = [due - now for due in dues if due > now]
        room = 0.0 if held is None else self.budget.room_in(held)
        if room > 0:  # else what holds it back is in flight: its end looks again
            looks.append(room)
        return min(looks, default=None)

    def _due(self, slot: _Slot) -> float:
        """When `slot` is due: sooner than its backoff says if OVHcloud answered since it was
        tried (see the module's words on recovery)."""
        if self._answered >= slot.failed_try:
            return min(slot.due, slot.recovery)
        return slot.due

    @property
    def in_flight(self) -> frozenset[ResourceKey]:
        """What is being fetched now."""
        with self._lock:
            return frozenset(self._in_flight)

    def watched(self) -> list[ResourceKey]:
        with self._lock:
            return list(self._slots)

    def _run(self, watch: Watch) -> None:
        begun = self._clock()
        started = self._store.ticket()  # an answer older than a write lands in nothing
        error: Exception | None = None
        try:
            value = watch.fetch()
        except Exception as failure:  # any failure is data for the store, never a crash
            error = failure
            self._store.failed(watch.key, failure, started)
        else:
            self._store.fetched(watch.key, value, self._clock(), started)
        finally:
            # Even if telling the store raised (a bug, reported): the resource polls again.
            self._ended(watch.key, begun, error)
        self.tick()

    def _ended(self, key: ResourceKey, begun: float, error: Exception | None) -> None:
        now = self._clock()
        with self._lock:
            self._in_flight.discard(key)
            self._judge_link(key, error)
            if error is None:
                self._answered = now
            slot = self._slots.get(key)
            if slot is not None:
                self._schedule(slot, begun, now, error)

    def _schedule(self, slot: _Slot, begun: float, now: float, error: Exception | None) -> None:
        slot.in_flight = False
        if slot.urgent:  # `r` came while this ran: go again at once
            slot.due = now
        elif error is None:
            slot.failures, slot.due = 0, now + slot.watch.interval
            slot.failed_try = slot.recovery = math.inf
        else:
            self._back_off(slot, begun, now, error)

    def _back_off(self, slot: _Slot, begun: float, now: float, error: Exception) -> None:
        slot.failures += 1
        retry_after = getattr(error, "retry_after", None) or 0.0
        slot.due = now + self._backoff.delay(slot.failures, retry_after)
        if health_after(error) is None:
            # It says nothing of the link (a missing right, a 404): its backoff holds whoever
            # answers.
            slot.failed_try = slot.recovery = math.inf
        else:
            slot.failed_try = begun
            wait = min(slot.watch.interval, self._backoff.answered)
            slot.recovery = max(begun + wait, now + retry_after)

    def _judge_link(self, key: ResourceKey, error: Exception | None) -> None:
        health = None if error is None else health_after(error)
        if health is not None and error is not None:
            self._failing[key] = (health, error)
        elif error is None or key in self._failing:
            # A success, or a failure that says the link works (a 404, a refused value).
            self._failing.pop(key, None)
        for worst in (Health.REFUSED, Health.UNREACHABLE):
            found = [e for h, e in self._failing.values() if h is worst]
            if found:
                self._store.set_health(worst, found[0])
                return
        self._store.set_health(Health.OK)
