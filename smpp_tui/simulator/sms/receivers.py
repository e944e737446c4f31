"""Receiver lists loaded into an account's or a user's slots (`sms.Receiver`): the CSV of
numbers a campaign is sent to."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from smpp_tui.simulator import errors
from smpp_tui.simulator.sms.times import iso


@dataclass
class Receiver:
    slot: int
    description: str
    created: float
    numbers: tuple[str, ...]
    auto_update: bool = False
    from_url: bool = False  # only a list fetched from a URL can refresh itself

    def describe(self) -> dict[str, Any]:
        """The `sms.Receiver` object."""
        return {
            "slotId": self.slot,
            "description": self.description,
            "datetime": iso(self.created),
            "records": len(self.numbers),
            "autoUpdate": self.auto_update,
            "canAutoUpdate": self.from_url,
        }

    def csv(self) -> str:
        return "".join(f"{number}\n" for number in self.numbers)

    def update(self, body: object) -> None:
        """`PUT`: the description and, for a list fetched from a URL, `autoUpdate`."""
        if not isinstance(body, dict):
            raise errors.bad_request("Send an sms.Receiver object")
        description, auto_update = body.get("description"), body.get("autoUpdate")
        if description is not None and not isinstance(description, str):
            raise errors.bad_request("Invalid description: a text")
        if auto_update is not None and not isinstance(auto_update, bool):
            raise errors.bad_request("Invalid autoUpdate: true or false")
        if auto_update and not self.from_url:
            raise errors.bad_request("autoUpdate works only for a list imported from a csvUrl")
        self.description = self.description if description is None else description
        self.auto_update = self.auto_update if auto_update is None else auto_update
