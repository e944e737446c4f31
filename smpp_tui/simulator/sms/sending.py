"""Sending SMS through the API (`POST .../jobs` of an account, a user or a virtual number):
the receivers sorted valid from invalid, the credits paid, each SMS sent at once or queued as a
job, and queued jobs sent when their time comes.

The simulator's own choices, where OVHcloud publishes no rule: an SMS costs its parts times the
credits its destination costs (`/sms/rates/destinations`); without enough credits (or quota)
nothing is sent and the answer is a 403; every SMS is delivered as it leaves; a number written
`00...` is read as `+...`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from smpp_tui.simulator import errors
from smpp_tui.simulator.sms.destinations import ELSEWHERE, credits_to
from smpp_tui.simulator.sms.history import History
from smpp_tui.simulator.sms.jobs import Job, parts_of
from smpp_tui.simulator.sms.ptt import DELIVERED, delivery_receipt
from smpp_tui.simulator.sms.senders import INTERNATIONAL
from smpp_tui.simulator.sms.traffic import Outgoing, Traffic, operator_of


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

    @property
    def parts(self) -> int:
        return parts_of(self.message)

    def cost(self, receiver: str) -> float:
        country = operator_of(receiver).country_code.lower()
        return self.parts * (credits_to(country) if country else ELSEWHERE)

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
    if differed < 0:
        raise errors.bad_request(f"Invalid differedPeriod {differed}: minutes >= 0")
    numbers = [_international(receiver) for receiver in receivers]
    valid = tuple(dict.fromkeys(n for n in numbers if INTERNATIONAL.fullmatch(n)))
    invalid = tuple(r for r, n in zip(receivers, numbers, strict=True) if n not in valid)
    if not valid:
        raise errors.bad_request(
            "No valid receiver: international numbers such as +33612345678 (or 0033612345678)"
        )
    return Order(message, sender, valid, invalid, differed, fields.get("tag", ""))


def send(source: Sends, order: Order, now: float) -> dict[str, Any]:
    """Send (or queue, when differed) one SMS a receiver; the `sms.SmsSendingReport`. The
    credits are the caller's to have taken."""
    outgoing = source.traffic.outgoing
    ids = []
    for receiver in order.receivers:
        if order.differed:
            job_id = max([*source.jobs, outgoing.next_slot(now)[0] - 1]) + 1
            source.jobs[job_id] = Job(job_id, now, order.sender, receiver, order.message,
                                      order.differed, order.cost(receiver), order.tag)  # fmt: skip
            ids.append(job_id)
        else:
            job = Job(0, now, order.sender, receiver, order.message, 0, order.cost(receiver),
                      order.tag)  # fmt: skip
            ids.append(deliver(outgoing, job, now).id)
    return {
        "ids": ids,
        "validReceivers": list(order.receivers),
        "invalidReceivers": list(order.invalid),
        "totalCreditsRemoved": order.total,
        "tag": order.tag,
    }


def settle(source: Sends, now: float) -> None:
    """Send the jobs whose time has come: they leave the jobs for the outgoing history."""
    for job in sorted((job for job in source.jobs.values() if job.due <= now), key=_due):
        del source.jobs[job.id]
        deliver(source.traffic.outgoing, job, job.due)


def deliver(history: History, job: Job, at: float) -> Outgoing:
    """The SMS of a job as it leaves, delivered at once, added to the history."""
    sms_id, sent = history.next_slot(at)
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
        tariff_code=operator_of(job.receiver).country_code or "FR",
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
