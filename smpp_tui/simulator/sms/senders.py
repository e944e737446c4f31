"""SMS senders: the names or numbers an account may send from, and the moderator's review.

A new sender waits for the moderator (`waitingValidation`); the verdict is decided when it is
requested and shows once `review_at` has passed on the world's clock, so no timer is needed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from smpp_tui.simulator import errors

WAITING = "waitingValidation"
ENABLE = "enable"
DISABLE = "disable"
REFUSED = "refused"

# REFERENCE section 5; a plain space, not \s, or line breaks would slip through.
_ALPHA = re.compile(r"[\w \-.,&+]+", re.ASCII)
INTERNATIONAL = re.compile(r"\+[0-9]{1,15}", re.ASCII)
ALPHA_MAX = 11
DESCRIPTION_MAX = 40
REASON_MAX = 250
# Names the moderator refuses: they say nothing of who sends.
_GENERIC = frozenset({"INFO", "SMS", "TEST", "ALERT", "NOREPLY", "NO-REPLY"})
_MIN_REASON = 15


@dataclass
class Sender:
    sender: str
    type: str
    status: str
    referer: str = "custom"
    description: str = ""
    comment: str | None = None
    review_at: float | None = None
    verdict: tuple[str, str] | None = None

    def status_at(self, now: float) -> tuple[str, str | None]:
        due = self.review_at is not None and now >= self.review_at
        if self.status == WAITING and self.verdict and due:
            return self.verdict
        return self.status, self.comment

    def settle(self, now: float) -> None:
        """Make the moderator's verdict permanent once it is due."""
        self.status, self.comment = self.status_at(now)

    def describe(self, now: float) -> dict[str, Any]:
        """The `sms.Sender` object."""
        status, comment = self.status_at(now)
        return {
            "sender": self.sender,
            "type": self.type,
            "status": status,
            "referer": self.referer,
            "description": self.description,
            "comment": comment,
            "validationMedia": None,
        }


def sender_type(sender: str) -> str:
    """`numeric` or `alpha`, or a 400 saying what a sender may be."""
    if sender.startswith("+"):
        if not INTERNATIONAL.fullmatch(sender):
            raise errors.bad_request(
                f"Invalid sender {sender!r}: a numeric sender is + and 1 to 15 digits, "
                "such as +33612345678"
            )
        return "numeric"
    if len(sender) > ALPHA_MAX or not _ALPHA.fullmatch(sender):
        raise errors.bad_request(
            f"Invalid sender {sender!r}: an alphanumeric sender has 1 to {ALPHA_MAX} characters "
            "among ASCII letters, digits, space and _ - . , & +"
        )
    return "alpha"


def check_description(description: object) -> str:
    if not isinstance(description, str) or len(description) > DESCRIPTION_MAX:
        raise errors.bad_request(
            f"Invalid description: a text of at most {DESCRIPTION_MAX} characters"
        )
    return description


def check_reason(reason: object) -> str:
    if not isinstance(reason, str) or not reason.strip() or len(reason) > REASON_MAX:
        raise errors.bad_request(
            f"A reason for the moderator is required: a text of 1 to {REASON_MAX} characters"
        )
    return reason


def verdict_for(sender: str, reason: str) -> tuple[str, str]:
    """What the simulated moderator decides, from the request alone (so tests can predict it)."""
    if sender.upper() in _GENERIC:
        return REFUSED, "Refused: a generic sender does not identify your organisation"
    if len(reason.strip()) < _MIN_REASON:
        return REFUSED, "Refused: please explain who sends and to whom"
    return ENABLE, "Validated by the moderator"


def new_sender(body: object, now: float, delay: float) -> Sender:
    if not isinstance(body, dict) or not isinstance(body.get("sender"), str):
        raise errors.bad_request('Send {"sender": "...", "reason": "...", "description": "..."}')
    name = body["sender"]
    kind = sender_type(name)
    reason = check_reason(body.get("reason"))
    description = check_description(body.get("description", ""))
    return Sender(
        sender=name,
        type=kind,
        status=WAITING,
        description=description,
        review_at=now + delay,
        verdict=verdict_for(name, reason),
    )


def update_sender(sender: Sender, body: object, now: float) -> None:
    """`PUT /sms/{sn}/senders/{sender}`: the description, and enable <-> disable."""
    if not isinstance(body, dict):
        raise errors.bad_request("Send an sms.Sender object")
    sender.settle(now)
    description = check_description(body.get("description", sender.description))
    status = body.get("status", sender.status)
    if status != sender.status:
        if {status, sender.status} != {ENABLE, DISABLE}:
            raise errors.bad_request(
                f"Cannot set the status of a {sender.status} sender to {status!r}: "
                "only an enabled sender can be disabled, and a disabled one enabled"
            )
        sender.status = status
    sender.description = description
