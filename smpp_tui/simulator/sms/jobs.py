"""SMS waiting to leave (`sms.Job`, `sms.VirtualNumberJob`): sent later, or not yet sent.

A job is an SMS whose delivery was deferred (`differedDelivery`, minutes): it waits, pending,
until its time comes (`sending.settle`) or it is deleted, which cancels that SMS.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from smpp_tui.simulator.sms.ptt import PENDING, delivery_receipt
from smpp_tui.simulator.sms.times import iso

# The GSM 03.38 alphabet, one septet each, and its extension, two each (an escape, then the
# character).
_GSM = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    "ÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
_GSM_EXTENSION = frozenset("^{}\\[~]|€\f")


def parts_of(message: str, *, unicode: bool | None = None) -> int:
    """SMS parts: 160 GSM septets or 70 UCS2 characters in one, 153 or 67 a part beyond.
    `unicode` says the coding; by default, UCS2 when a character is outside GSM's alphabet."""
    if unicode is None:
        unicode = not set(message) <= _GSM | _GSM_EXTENSION
    if unicode:
        size, single, each = len(message), 70, 67
    else:
        size, single, each = len(message) + sum(c in _GSM_EXTENSION for c in message), 160, 153
    return 1 if size <= single else -(-size // each)


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
