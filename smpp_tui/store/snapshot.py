"""Immutable snapshots of what the app knows, resource by resource.

A resource is named by a key such as `("accounts",)` or `("settings", "smpp-ab12345-1")`. Its
entry holds the last good value, when it was fetched, and the last error (cleared by the next
success). Screens read snapshots; they never see a half-applied update.
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

    @property
    def loaded(self) -> bool:
        return self.fetched_at is not None

    @property
    def stale(self) -> bool:
        """Showing old data because the last refresh failed."""
        return self.loaded and self.error is not None

    def succeeded(self, value: Any, now: float) -> Entry:
        return Entry(value, now, None)

    def failed(self, error: Exception) -> Entry:
        return replace(self, error=error)


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
