"""SMS waiting to leave (`sms.Job`, `sms.VirtualNumberJob`): sent later, or not yet sent.

A job is an SMS whose delivery was deferred (`differedDelivery`, minutes): it waits, pending,
until its time comes (`sending.settle`) or it is deleted, which cancels that SMS.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from smpp_tui.simulator.sms.ptt import PENDING, delivery_receipt
from smpp_tui.simulator.sms.times import iso

# The GSM 03.38 alphabet and its extension: a message of these alone fits 160 characters a part.
_GSM = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    "ÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà^{}\\[~]|€"
)


def parts_of(message: str) -> int:
    """SMS parts: 160 GSM characters or 70 others in one, 153 or 67 a part beyond."""
    single, each = (160, 153) if set(message) <= _GSM else (70, 67)
    return 1 if len(message) <= single else -(-len(message) // each)


@dataclass(slots=True)
class Job:
    id: int
    created: float
    sender: str
    receiver: str
    message: str
    differed: int  # minutes
    credits: float = 1.0
    tag: str = ""

    @property
    def due(self) -> float:
        return self.created + 60 * self.differed

    @property
    def parts(self) -> int:
        return parts_of(self.message)

    def describe(self, *, with_sender: bool = True) -> dict[str, Any]:
        """The `sms.Job` object; a virtual number's (`sms.VirtualNumberJob`) has no sender
        and no sending times."""
        job = {
            "id": self.id,
            "creationDatetime": iso(self.created),
            "message": self.message,
            "messageLength": len(self.message),
            "numberOfSms": self.parts,
            "credits": self.credits,
            "receiver": self.receiver,
            "ptt": PENDING,
            "deliveryReceipt": delivery_receipt(PENDING),
            "differedDelivery": self.differed,
        }
        if with_sender:
            job |= {"sender": self.sender, "sentAt": None, "deliveredAt": None}
        return job
