"""SMS waiting to leave (`sms.Job`, `sms.VirtualNumberJob`): sent later, or not yet sent.

A job is an SMS whose delivery was deferred (`differedDelivery`, minutes): it waits, pending,
until it is sent or deleted. Deleting a job cancels that SMS.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from smpp_tui.simulator.sms.ptt import PENDING, delivery_receipt
from smpp_tui.simulator.sms.times import iso


@dataclass(slots=True)
class Job:
    id: int
    created: float
    sender: str
    receiver: str
    message: str
    differed: int  # minutes
    credits: float = 1.0

    def describe(self, *, with_sender: bool = True) -> dict[str, Any]:
        """The `sms.Job` object; a virtual number's (`sms.VirtualNumberJob`) has no sender
        and no sending times."""
        job = {
            "id": self.id,
            "creationDatetime": iso(self.created),
            "message": self.message,
            "messageLength": len(self.message),
            "numberOfSms": 1 if len(self.message) <= 160 else -(-len(self.message) // 153),
            "credits": self.credits,
            "receiver": self.receiver,
            "ptt": PENDING,
            "deliveryReceipt": delivery_receipt(PENDING),
            "differedDelivery": self.differed,
        }
        if with_sender:
            job |= {"sender": self.sender, "sentAt": None, "deliveredAt": None}
        return job
