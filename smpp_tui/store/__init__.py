"""The reactive state store: immutable snapshots of what is known, kept fresh by a poller
within a request budget. Never imports Textual: the app subscribes to it."""

from smpp_tui.store.backoff import Backoff
from smpp_tui.store.budget import RequestBudget
from smpp_tui.store.poller import Poller, Watch
from smpp_tui.store.snapshot import Entry, Health, ResourceKey, Snapshot
from smpp_tui.store.store import Change, Store

__all__ = [
    "Backoff",
    "Change",
    "Entry",
    "Health",
    "Poller",
    "RequestBudget",
    "ResourceKey",
    "Snapshot",
    "Store",
    "Watch",
]
