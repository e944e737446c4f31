"""The store: the one current `Snapshot`, replaced whole on every change.

Writers (the poller's workers, the actions) call `succeeded`/`failed` from any thread;
subscribers hear of a change only when something they could show changed: a new value, a
different error, another health. A poll that brings back the same data updates its time
silently, so an idle screen repaints nothing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from types import MappingProxyType
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

    def succeeded(self, key: ResourceKey, value: Any, now: float) -> bool:
        """Record a fresh value; True (and subscribers told) when what shows changed."""
        with self._lock:
            old = self._snapshot[key]
            shown_change = not old.loaded or old.value != value or old.error is not None
            self._snapshot = self._snapshot.with_entry(key, old.succeeded(value, now))
            change = Change(self._snapshot, frozenset([key])) if shown_change else None
        return self._publish(change)

    def failed(self, key: ResourceKey, error: Exception) -> bool:
        """Keep the last good value, now marked stale by the error."""
        with self._lock:
            old = self._snapshot[key]
            if same_error(old.error, error):
                return False
            self._snapshot = self._snapshot.with_entry(key, old.failed(error))
            change = Change(self._snapshot, frozenset([key]))
        return self._publish(change)

    def set_health(self, health: Health, error: Exception | None = None) -> bool:
        with self._lock:
            if self._snapshot.health is health:
                return False
            self._snapshot = self._snapshot.with_health(health)
            change = Change(self._snapshot, frozenset(), health_changed=True, error=error)
        return self._publish(change)

    def forget(self, keys: list[ResourceKey]) -> None:
        """Drop entries (a deleted sender, say) so that nothing shows them any more."""
        with self._lock:
            entries = {k: e for k, e in self._snapshot.items() if k not in keys}
            self._snapshot = Snapshot(MappingProxyType(entries), self._snapshot.health)
            change = Change(self._snapshot, frozenset(keys))
        self._publish(change)

    def _publish(self, change: Change | None) -> bool:
        if change is None:
            return False
        for subscriber in list(self._subscribers):
            subscriber(change)
        return True
