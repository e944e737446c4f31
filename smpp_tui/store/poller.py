"""The poller: keeps what the screens show fresh, within the request budget.

Screens declare what they show (`show`); only that is polled, each resource on its own
interval, the next run scheduled when the previous one ends, never two at once. A failure keeps
the last good value (marked stale), backs off exponentially and recovers by itself. `refresh`
is the user's `r`: everything shown, now, budget or not, ahead of the rest.

Sharing the budget. What a screen shows may want more than the budget allows (a long list:
each row's SMPP status and IP count, every 30 s). A refresh is due `interval` after the last
one ended and starts when the budget has room, in `Turn` order, the oldest due first; once the
minute is busy, the budget's pace spaces them (never a train of them). Details
(`Watch.detail`: what matters less, such as a row's IP count) wait while the others do, but
every `DETAIL_SHARE` requests the oldest one goes first: when the budget is short, the others
keep nine tenths of it, and each detail still comes in turn. A refresh that does not fit holds
back those after it, so that an expensive one is not passed over forever by cheaper ones; so
no watch should cost more than a few requests (the account list reads a few rows a turn, see
`resources`). The figures this gives at 9 to 1,009 accounts are measured by
`tests/perf/harness.py` and pinned by `tests/tui/test_budget.py`.

First loads. A resource never asked for is what the user just brought into view: the first
screen, a page of rows at rest, an account opened. Like `r`, it goes past the budget, once (a
retry after a failed first try waits like any refresh), at most `MAX_IN_FLIGHT` at a time.
Screens keep the burst to a page: at most two per visible row, never the rows scrolled past.
Its requests count: the refreshes after a burst wait until it has left the minute.

The long waits of the backoff are for an OVHcloud that answers nothing. Once it answers any
request again, a resource that failed for want of an answer (no answer, a 5xx, a rate limit,
refused credentials) is due one interval after its last try (`Backoff.answered` at most), if not
sooner: at once when that is past (within the minute's budget: it goes before what is merely
due, and is not paced, details too), so after an outage the screen is fresh within one
interval of the first answer; a route that fails alone while the others answer is tried once
an interval, no faster. A `Retry-After` still holds; a failure that says nothing of the link (a
missing right, a 404) keeps its backoff, and waits its turn like any refresh.

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
from dataclasses import dataclass, replace
from enum import IntEnum
from typing import Any

from smpp_tui.api import errors as api_errors
from smpp_tui.store.backoff import Backoff
from smpp_tui.store.budget import WINDOW, RequestBudget
from smpp_tui.store.snapshot import Entry, Health, ResourceKey
from smpp_tui.store.store import Store


@dataclass(frozen=True)
class Watch:
    """A resource a screen shows: how to fetch it (blocking), how often, at what cost.

    A `detail` matters less than the rest of the screen: when the budget is short it waits,
    but for one request in `DETAIL_SHARE`. `whole` is what `r` fetches when `fetch` reads a part
    of the resource in turn (the list's rows on screen, a few at a time)."""

    key: ResourceKey
    fetch: Callable[[], Any]  # any resource: the snapshot holds values of every kind
    interval: float = 30.0
    cost: int = 1  # requests one refresh is expected to send
    detail: bool = False
    whole: Callable[[], Any] | None = None


MAX_IN_FLIGHT = 10  # refreshes under way at once, a first load's burst included
DETAIL_SHARE = 10  # while others wait, details have one request in this many


class Turn(IntEnum):
    """Which refreshes start first, when several are due."""

    ASKED = 0  # by the user (`r`)
    FIRST_LOAD = 1
    FIRST_LOAD_DETAIL = 2
    LINK_FAILED = 3  # its last try had no answer: it tells when OVHcloud is back
    DETAILS_SHARE = 4  # the oldest detail, once every `DETAIL_SHARE` requests
    DUE = 5
    DETAIL_DUE = 6


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


def link_failed(entry: Entry) -> bool:
    """Its last refresh failed in a way that says something of the link to OVHcloud."""
    return entry.error is not None and health_after(entry.error) is not None


def never_asked(entry: Entry) -> bool:
    """Never fetched nor tried: its first load may go past the budget."""
    return not entry.loaded and entry.error is None


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
        self._detail_turn = -math.inf  # when a detail may next pass others waiting
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
        """Start what is due and not running, in order (see the module's words on sharing
        the budget), as long as the budget allows; then set the alarm for the next look."""
        now = self._clock()
        with self._lock:
            started, wait = self._start_due(now)
            self._alarm(self._next_look(now, wait))
        for watch in started:
            self._launch(functools.partial(self._run, watch))

    def _start_due(self, now: float) -> tuple[list[Watch], float | None]:
        """The watches to start now, and how long the first one held waits for the budget."""
        snapshot = self._store.snapshot
        ready = [s for s in self._slots.values() if not s.in_flight and self._due(s) <= now]
        first = {s.watch.key for s in ready if never_asked(snapshot[s.watch.key])}
        # Only a failure for want of an answer goes ahead: a missing right or a 404 would take
        # the statuses' turns at each backoff for as long as the screen is open.
        failed = {s.watch.key for s in ready if link_failed(snapshot[s.watch.key])}
        # Requests of refreshes under way may not be recorded yet: count them as spent.
        pending = sum(s.watch.cost for s in self._slots.values() if s.in_flight)
        started: list[Watch] = []
        for slot in self._in_order(ready, first, failed, now):
            if len(self._in_flight) >= MAX_IN_FLIGHT:
                break  # a refresh ending looks again
            key, cost = slot.watch.key, min(slot.watch.cost, self.budget.per_minute)
            if not (slot.urgent or key in first):
                wait = self.budget.room_in(cost, pending, paced=key not in failed)
                if wait > 0:  # the others after it wait too
                    return started, wait
                self._draw(slot.watch, cost, now)
            whole = slot.watch.whole if slot.urgent else None
            slot.in_flight, slot.urgent = True, False
            self._in_flight.add(key)
            pending += cost
            started.append(slot.watch if whole is None else replace(slot.watch, fetch=whole))
        return started, None

    def _in_order(
        self, ready: list[_Slot], first: set[ResourceKey], failed: set[ResourceKey], now: float
    ) -> list[_Slot]:
        """In `Turn` order; in each turn, the oldest due first."""
        ahead = first | failed
        details = [s for s in ready if s.watch.detail and s.watch.key not in ahead]
        turn = min(details, key=self._due) if details and now >= self._detail_turn else None

        def rank(slot: _Slot) -> tuple[Turn, float]:
            detail = slot.watch.detail
            if slot.urgent:
                group = Turn.ASKED
            elif slot.watch.key in first:
                group = Turn.FIRST_LOAD_DETAIL if detail else Turn.FIRST_LOAD
            elif slot.watch.key in failed:
                group = Turn.LINK_FAILED
            elif slot is turn:
                group = Turn.DETAILS_SHARE
            else:
                group = Turn.DETAIL_DUE if detail else Turn.DUE
            return group, self._due(slot)

        return sorted(ready, key=rank)

    def _draw(self, watch: Watch, cost: int, now: float) -> None:
        self.budget.draw(cost)
        if watch.detail:
            spacing = DETAIL_SHARE * WINDOW / self.budget.per_minute
            self._detail_turn = now + cost * spacing

    def _next_look(self, now: float, wait: float | None) -> float | None:
        """Seconds until something can start: the next due, or room in the budget."""
        dues = [self._due(s) for s in self._slots.values() if not s.in_flight]
        looks = [due - now for due in dues if due > now]
        if wait is not None:
            looks.append(wait)
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

    def interval(self, key: ResourceKey) -> float | None:
        """How often `key` is polled now (None: it is not)."""
        with self._lock:
            slot = self._slots.get(key)
            return None if slot is None else slot.watch.interval

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
