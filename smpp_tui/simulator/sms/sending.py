"""Sending SMS through the API (`POST .../jobs` of an account, a user or a virtual number):
the receivers sorted valid from invalid, the credits paid, each SMS sent at once or queued as a
job, and queued jobs sent when their time comes.

The simulator's own choices, where OVHcloud publishes no rule: an SMS costs its parts times the
credits its destination costs (`/sms/rates/destinations`); without enough credits (or quota)
nothing is sent and the answer is a 403; every SMS is delivered as it leaves, under an id of
its own (a job's id is the job's); a number written `00...` is read as `+...`; at most
`MAX_RECEIVERS` receivers and `MAX_DIFFERED` minutes of delay.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from smpp_tui.simulator import errors
from smpp_tui.simulator.sms.destinations import cost, country_of
from smpp_tui.simulator.sms.history import History
from smpp_tui.simulator.sms.jobs import Job, parts_of
from smpp_tui.simulator.sms.ptt import DELIVERED, delivery_receipt
from smpp_tui.simulator.sms.senders import INTERNATIONAL
from smpp_tui.simulator.sms.traffic import Outgoing, Traffic

MAX_RECEIVERS = 10_000
MAX_DIFFERED = 525_600  # a year of minutes

NewId = Callable[[], int]


class Sends(Protocol):
    """What SMS leave from: an account, one of its users, a virtual number."""

    jobs: dict[int, Job]

    @property
    def traffic(self) -> Traffic: ...


@dataclass(frozen=True)
class Order:
    """One `POST .../jobs`, checked."""

    message: str
    sender: str
    receivers: tuple[str, ...]
    invalid: tuple[str, ...]
    differed: int  # minutes
    tag: str
    parts: int

    def cost(self, receiver: str) -> float:
        return cost(receiver, self.parts)

    @property
    def total(self) -> float:
        return round(sum(self.cost(receiver) for receiver in self.receivers), 2)


def order_of(fields: dict[str, Any], sender: str, receivers: Sequence[str]) -> Order:
    """The order a checked body gives, with its sender and its receivers (from the body or a
    receiver list) already found."""
    message = fields["message"]
    if not message:
        raise errors.bad_request("message is empty: the text of the SMS")
    differed = fields.get("differedPeriod", 0)
    if not 0 <= differed <= MAX_DIFFERED:
        raise errors.bad_request(
            f"Invalid differedPeriod {differed}: minutes from 0 to {MAX_DIFFERED:,} (a year)"
        )
    if len(receivers) > MAX_RECEIVERS:
        raise errors.bad_request(f"Too many receivers: {MAX_RECEIVERS:,} at most in one job")
    numbers = {receiver: _international(receiver) for receiver in receivers}
    valid = tuple(dict.fromkeys(n for n in numbers.values() if INTERNATIONAL.fullmatch(n)))
    invalid = tuple(r for r, n in numbers.items() if not INTERNATIONAL.fullmatch(n))
    if not valid:
        raise errors.bad_request(
            "No valid receiver: international numbers such as +33612345678 (or 0033612345678)"
        )
    tag = fields.get("tag", "")
    return Order(message, sender, valid, invalid, differed, tag, parts_of(message))


def send(source: Sends, order: Order, now: float, new_id: NewId) -> dict[str, Any]:
    """Send (or queue, when differed) one SMS a receiver; the `sms.SmsSendingReport`. The
    credits are the caller's to have taken."""
    ids = []
    for receiver in order.receivers:
        job = Job(new_id(), now, order.sender, receiver, order.message, order.differed,
                  order.cost(receiver), order.tag)  # fmt: skip
        if order.differed:
            source.jobs[job.id] = job
        else:
            deliver(source.traffic.outgoing, job, now, job.id)
        ids.append(job.id)
    return {
        "ids": ids,
        "validReceivers": list(order.receivers),
        "invalidReceivers": list(order.invalid),
        "totalCreditsRemoved": order.total,
        "tag": order.tag,
    }


def settle(source: Sends, now: float, new_id: NewId) -> None:
    """Send the jobs whose time has come: they leave the jobs for the outgoing history."""
    for job in sorted((job for job in source.jobs.values() if job.due <= now), key=_due):
        del source.jobs[job.id]
        deliver(source.traffic.outgoing, job, job.due, new_id())


def deliver(history: History, job: Job, at: float, sms_id: int) -> Outgoing:
    """The SMS of a job as it leaves, delivered at once, added to the history."""
    sent = history.next_time(at)
    sms = Outgoing(
        id=sms_id,
        created=sent,
        sender=job.sender,
        receiver=job.receiver,
        message=job.message,
        ptt=DELIVERED,
        delivery_receipt=delivery_receipt(DELIVERED),
        parts=job.parts,
        credits=job.credits,
        tariff_code=(country_of(job.receiver) or "").upper(),
        tag=job.tag,
        differed_delivery=job.differed,
        sent_at=sent,
        delivered_at=sent,
    )
    history.add(sms)
    return sms


def _due(job: Job) -> float:
    return job.due


def _international(number: str) -> str:
    return "+" + number[2:] if number.startswith("00") else number
