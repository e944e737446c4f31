"""What a history read is made of: the filters OVHcloud applies, and the id list they select
(asked once, then read slice by slice as the user scrolls).

Ids grow with time on OVHcloud, so the id order is the time order: newest first is the ids
in descending order, whatever order the server lists them in.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

Way = Literal["outgoing", "incoming"]
WAYS: tuple[Way, ...] = ("outgoing", "incoming")


@dataclass(frozen=True)
class HistoryFilter:
    """Filters OVHcloud applies: each compared for equality, dates as a range. The incoming
    history knows only the sender, the tag and the dates."""

    sender: str | None = None
    receiver: str | None = None
    ptt: int | None = None
    delivery_receipt: int | None = None
    since: datetime | None = None
    until: datetime | None = None
    message_id: str | None = None
    batch_id: str | None = None
    tag: str | None = None

    def query(self) -> dict[str, Any]:
        """The query string's values, those not set left out."""
        values = {
            "sender": self.sender,
            "receiver": self.receiver,
            "ptt": self.ptt,
            "deliveryReceipt": self.delivery_receipt,
            "creationDatetime.from": self.since,
            "creationDatetime.to": self.until,
            "messageID": self.message_id,
            "batchID": self.batch_id,
            "tag": self.tag,
        }
        return {name: value for name, value in values.items() if value is not None}

    @property
    def exportable(self) -> bool:
        """Whether OVHcloud's document export applies these filters (dates, tag, batch only)."""
        others = (self.sender, self.receiver, self.ptt, self.delivery_receipt, self.message_id)
        return all(value is None for value in others)


@dataclass(frozen=True)
class HistoryIds:
    """The ids a filter selects in one account's history, asked once."""

    account: str
    way: Way
    filters: HistoryFilter
    listed: tuple[int, ...]  # in the server's order
    newest_first: tuple[int, ...] = field(init=False)
    places: Mapping[int, int] = field(init=False, repr=False)  # id -> its place in `listed`

    def __post_init__(self) -> None:
        object.__setattr__(self, "newest_first", tuple(sorted(self.listed, reverse=True)))
        object.__setattr__(self, "places", {one: at for at, one in enumerate(self.listed)})

    def __len__(self) -> int:
        return len(self.listed)
