"""The documents behind a sender request (`sms.SenderDocument`): a company registration, a
trademark filing, that the moderator reads."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from smpp_tui.simulator.sms.times import iso

# Simulator values, plainly not OVHcloud's storage, like the SMPP endpoints: the simulator
# keeps a document's description, not its content.
STORAGE = "https://storage.sim.ovh.invalid/sms/sender-documents"


@dataclass(frozen=True)
class SenderDocument:
    id: str
    name: str
    description: str | None
    created: float
    size: int  # bytes; uploaded, so there is no upload URL any more

    def describe(self) -> dict[str, Any]:
        """The `sms.SenderDocument` object."""
        return {
            "documentID": self.id,
            "name": self.name,
            "description": self.description,
            "createdAt": iso(self.created),
            "size": self.size,
            "getUrl": f"{STORAGE}/{self.id}/{quote(self.name)}",
            "putUrl": None,
        }
