"""Batches (`sms.Batch`): one message to many receivers, sent at once or deferred, and their
statistics (`sms.BatchStatistics`).

A deferred batch is `PENDING` until its time comes on the world's clock, then `COMPLETED` with
the outcome decided when it was made, so no timer is needed; cancelling it before that makes it
`CANCELED`. The simulator sends a batch as one instant, its start and its end.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from smpp_tui.simulator import errors
from smpp_tui.simulator.sms.times import iso, iso_or_none

PENDING = "PENDING"
COMPLETED = "COMPLETED"
CANCELED = "CANCELED"
FAILED_RECEIVER = "Receiver unreachable: the operator refused the SMS"


@dataclass(frozen=True)
class Outcome:
    """What sending does: who could not be reached, and how many had answered STOP."""

    failed: tuple[str, ...] = ()
    stoplisted: int = 0


@dataclass
class Batch:
    id: str
    account_id: int
    name: str
    message: str
    sender: str | None
    receivers: tuple[str, ...]
    created: float
    send_at: float
    credits: float  # estimated, for every receiver
    outcome: Outcome = field(default_factory=Outcome)
    status: str = PENDING
    updated: float | None = None  # by a change; else when it was made or sent

    def status_at(self, now: float) -> str:
        return COMPLETED if self.status == PENDING and now >= self.send_at else self.status

    def _updated(self, now: float) -> float:
        sent = self.status_at(now) == COMPLETED
        return max(self.updated or self.created, self.send_at if sent else self.created)

    def describe(self, now: float) -> dict[str, Any]:
        """The `sms.Batch` object."""
        status = self.status_at(now)
        sent = status == COMPLETED
        finished = {COMPLETED: self.send_at, CANCELED: self._updated(now)}.get(status)
        return {
            "id": self.id,
            "accountID": self.account_id,
            "name": self.name,
            "message": self.message,
            "from": self.sender,
            "receivers": list(self.receivers),
            "slotID": None,
            "status": status,
            "createdAt": iso(self.created),
            "updatedAt": iso(self._updated(now)),
            "sentAt": None if status == CANCELED else iso(self.send_at),
            "startedAt": iso_or_none(self.send_at if sent else None),
            "finishedAt": iso_or_none(finished),
            "estimatedCredits": self.credits,
            "totalRecords": len(self.receivers),
            "processedRecords": len(self.receivers) if sent else 0,
            "errors": [
                {"receiver": receiver, "message": FAILED_RECEIVER}
                for receiver in (self.outcome.failed if sent else ())
            ],
        }

    def statistics(self, now: float) -> dict[str, Any]:
        """The `sms.BatchStatistics` object: a STOP receiver is not sent to, nor charged."""
        status = self.status_at(now)
        total = len(self.receivers)
        sent = total - self.outcome.stoplisted if status == COMPLETED else 0
        failed = len(self.outcome.failed) if status == COMPLETED else 0
        return {
            "id": self.id,
            "estimatedCredits": self.credits,
            "credits": round(self.credits * sent / total, 2) if total else 0.0,
            "pending": total if status == PENDING else 0,
            "sent": sent,
            "delivered": sent - failed,
            "failed": failed,
            "stoplisted": self.outcome.stoplisted if status == COMPLETED else 0,
        }

    def rename(self, name: str, now: float) -> None:
        self.status, self.name, self.updated = self.status_at(now), name, now

    def cancel(self, now: float) -> None:
        status = self.status_at(now)
        if status != PENDING:
            raise errors.bad_request(
                f"Only a {PENDING} batch, not sent yet, can be canceled: this one is {status}"
            )
        self.status, self.updated = CANCELED, now
