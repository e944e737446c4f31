"""The store: the one current `Snapshot`, replaced whole on every change.

Writers (the poller's fetches, the actions' writes) tell it from any thread; subscribers hear
of a change only when something they could show changed: a new value, a different error,
another health. A poll that brings back the same data updates its time silently, so an idle
screen repaints nothing.

Newer never loses to older. A fetch takes a `ticket` when it starts and hands it back with its
answer (`fetched`, `failed`); a write's result (`wrote`), or the mark that a write changed
something it did not return (`outdated`), takes the next number when it lands. An answer whose
ticket is below the entry's version started before the last write or before a fetch that
already answered: it is dropped, so a slow poll can never hide a fresh write, and a write's
result stands until a fetch that started after it answers.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from smpp_tui.store.snapshot import Health, ResourceKey, Snapshot


@dataclass(frozen=True)
class Change:
    snapshot: Snapshot
    keys: frozenset[ResourceKey]
    health_changed: bool = False
    error: Exception | None = None  # with a health change: the failure that caused it


Subscriber = Callable[[Change], None]


def same_error(one: Exception | None, other: Exception | None) -> bool:
    return type(one) is type(other) and str(one) == str(other)


class Store:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._snapshot = Snapshot()
        self._subscribers: list[Subscriber] = []
        self._versions = itertools.count(1)

    @property
    def snapshot(self) -> Snapshot:
        return self._snapshot

    def subscribe(self, subscriber: Subscriber) -> Callable[[], None]:
        """Call `subscriber(change)` after each change; returns the unsubscribe function."""
        with self._lock:
            self._subscribers.append(subscriber)

        def unsubscribe() -> None:
            with self._lock:
                if subscriber in self._subscribers:
                    self._subscribers.remove(subscriber)

        return unsubscribe

    def ticket(self) -> int:
        """For a fetch about to start: hand it back with the answer."""
        with self._lock:
            return next(self._versions)

    def fetched(self, key: ResourceKey, value: Any, now: float, started: int) -> bool:
        """A fetch's answer (`started`: its ticket). True (and subscribers told) when what
        shows changed; dropped when it started before the entry's last write or newer fetch."""
        return self._record_value(key, value, now, started)

    def wrote(self, key: ResourceKey, value: Any, now: float) -> bool:
        """What a write returned: it stands until a fetch started after it answers."""
        with self._lock:
            version = next(self._versions)
        return self._record_value(key, value, now, version)

    def failed(self, key: ResourceKey, error: Exception, started: int) -> bool:
        """A fetch failed: the last good value stays, marked stale (unless it is older)."""
        with self._lock:
            old = self._snapshot[key]
            if started < old.version:
                return False
            self._snapshot = self._snapshot.with_entry(key, old.with_error(error, started))
            if same_error(old.error, error):
                return False
            change = Change(self._snapshot, frozenset([key]))
        return self._publish(change)

    def outdated(self, keys: Iterable[ResourceKey]) -> None:
        """A write changed these on OVHcloud: answers to fetches started before are dropped."""
        with self._lock:
            for key in keys:
                entry = self._snapshot[key].outdated(next(self._versions))
                self._snapshot = self._snapshot.with_entry(key, entry)

    def _record_value(self, key: ResourceKey, value: Any, now: float, version: int) -> bool:
        with self._lock:
            old = self._snapshot[key]
            if version < old.version:
                return False
            shown_change = not old.loaded or old.value != value or old.error is not None
            self._snapshot = self._snapshot.with_entry(key, old.with_value(value, now, version))
            change = Change(self._snapshot, frozenset([key])) if shown_change else None
        return self._publish(change)

    def set_health(self, health: Health, error: Exception | None = None) -> bool:
        with self._lock:
            if self._snapshot.health is health:
                return False
            self._snapshot = self._snapshot.with_health(health)
            change = Change(self._snapshot, frozenset(), health_changed=True, error=error)
        return self._publish(change)

    def _publish(self, change: Change | None) -> bool:
        if change is None:
            return False
        for subscriber in list(self._subscribers):
            subscriber(change)
        return True
