"""Immutable snapshots of what the app knows, resource by resource.

A resource is named by a key such as `("accounts",)` or `("settings", "smpp-ab12345-1")`. Its
entry holds the last good value, when it was fetched, the last error (cleared by the next
success), and the version of what it shows: the store's sequence number of the fetch or write it
came from, so that an older answer never replaces a newer one. Screens read snapshots; they
never see a half-applied update.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from enum import Enum
from types import MappingProxyType
from typing import Any

ResourceKey = tuple[str, ...]


class Health(Enum):
    """How the app's link to OVHcloud is doing, as the last answers tell."""

    OK = "ok"
    UNREACHABLE = "unreachable"  # no answer, timeouts, 5xx, rate limits
    REFUSED = "refused"  # the credentials or their rights were refused


@dataclass(frozen=True)
class Entry:
    value: Any = None
    fetched_at: float | None = None
    error: Exception | None = None
    version: int = 0  # what the value or error came from: newer fetches and writes are higher

    @property
    def loaded(self) -> bool:
        return self.fetched_at is not None

    @property
    def stale(self) -> bool:
        """Showing old data because the last refresh failed."""
        return self.loaded and self.error is not None

    def with_value(self, value: Any, now: float, version: int) -> Entry:
        return Entry(value, now, None, version)

    def with_error(self, error: Exception, version: int) -> Entry:
        return replace(self, error=error, version=version)

    def outdated(self, version: int) -> Entry:
        """The resource changed on OVHcloud: what was asked before now is out of date."""
        return replace(self, version=version)


_EMPTY = Entry()


@dataclass(frozen=True)
class Snapshot(Mapping[ResourceKey, Entry]):
    entries: Mapping[ResourceKey, Entry] = field(default_factory=lambda: MappingProxyType({}))
    health: Health = Health.OK

    def __getitem__(self, key: ResourceKey) -> Entry:
        """The entry, or an empty one: a resource never fetched is simply not loaded."""
        return self.entries.get(key, _EMPTY)

    def __contains__(self, key: object) -> bool:
        return key in self.entries

    def __iter__(self) -> Iterator[ResourceKey]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def value(self, key: ResourceKey, default: Any = None) -> Any:
        entry = self[key]
        return entry.value if entry.loaded else default

    def with_entry(self, key: ResourceKey, entry: Entry) -> Snapshot:
        return replace(self, entries=MappingProxyType({**self.entries, key: entry}))

    def with_health(self, health: Health) -> Snapshot:
        return replace(self, health=health)
