"""PTT codes: the delivery outcome OVHcloud attaches to each sent SMS (`GET /sms/ptts`)."""

from __future__ import annotations

from typing import Any

DELIVERED = 0
PENDING = 254

# code -> (comment, description, duration: one of sms.PttDurationTypeEnum)
_PTTS: dict[int, tuple[str, str, str]] = {
    0: ("Delivered", "No error: the message was delivered", "permanent"),
    1: ("Internal error", "Internal error of the SMS platform", "temporary"),
    2: ("Network error", "The operator's network failed to route the message", "temporary"),
    3: ("Unreachable destination", "The destination is unreachable", "temporary"),
    4: ("Equipment error", "The handset failed to store the message", "temporary"),
    5: ("Subscriber error", "Subscriber or credit related problem", "indeterminated"),
    6: ("Timeout", "The message could not be delivered in time", "temporary"),
    7: ("Operator error", "Operator related problem", "indeterminated"),
    8: ("Parental lock", "The subscriber has a parental lock", "permanent"),
    9: ("Undeliverable", "The message cannot be delivered", "permanent"),
    10: ("Credit exhausted", "The account has no credit left", "temporary"),
    50: ("Internal error", "Internal error of the SMS platform", "temporary"),
    51: ("Internal error", "Internal error of the SMS platform", "temporary"),
    52: ("Missing template", "The message needs a validated template", "permanent"),
    53: ("Blacklisted", "The receiver has asked to receive no more messages (STOP)", "permanent"),
    54: ("Forbidden destination", "This destination is not allowed", "permanent"),
    55: ("Sender rate-limited", "Too many messages from this sender", "temporary"),
    100: ("Invalid numbering plan", "The receiver is not a valid number", "permanent"),
    101: ("Invalid content", "The message content is invalid", "permanent"),
    102: ("Invalid GSM7 coding", "The message has characters outside GSM 03.38", "permanent"),
    103: ("Too many segments", "The message is too long", "permanent"),
    254: ("Pending", "Waiting for a delivery receipt", "temporary"),
    255: ("Unknown", "Unknown state", "indeterminated"),
    800: ("Undeliverable", "The operator reported the message undeliverable", "permanent"),
    801: ("Expired", "The message expired before it could be delivered", "temporary"),
    802: ("Deleted", "The message was deleted by the operator", "permanent"),
    803: ("Rejected", "The operator rejected the message", "permanent"),
    804: ("Unknown", "The operator reported an unknown state", "indeterminated"),
}


def ptt_details(code: int) -> dict[str, Any] | None:
    """The `sms.PttDetails` of a code, or None when OVHcloud defines no such code."""
    entry = _PTTS.get(code)
    if entry is None:
        return None
    comment, description, duration = entry
    return {"comment": comment, "description": description, "duration": duration}


def delivery_receipt(code: int) -> int:
    """`deliveryReceipt` of an `sms.Outgoing`: 1 means delivered."""
    return 1 if code == DELIVERED else 0
