"""What sends through the demo's richer accounts besides SMPP: SMS users (those given a quota
hold the account's credits), jobs waiting to leave, receiver lists and virtual numbers.

Deterministic from the account's name; times relative to the world's anchor. Every history is
small and made on first use, as the accounts' are.
"""

from __future__ import annotations

import functools
import itertools
from dataclasses import dataclass

from smpp_tui.simulator.sms.account import SmsAccount
from smpp_tui.simulator.sms.generate import TrafficPlan, make_traffic
from smpp_tui.simulator.sms.jobs import Job
from smpp_tui.simulator.sms.numbers import ChatAccess, VirtualNumber, chat_url
from smpp_tui.simulator.sms.receivers import Receiver
from smpp_tui.simulator.sms.senders import ENABLE
from smpp_tui.simulator.sms.state import SmsState
from smpp_tui.simulator.sms.times import DAY
from smpp_tui.simulator.sms.users import SmsUser

_JOBS = (
    ("Rappel : votre rendez-vous de demain à 9h00.", 30),
    ("Your weekly report is ready in your customer area.", 120),
    ("Maintenance prévue cette nuit de 2h à 4h.", 1440),
)

# description, numbers, age in days, fetched from a URL (and so refreshed by itself)
_LISTS = (("Customers, Paris", 25, 40, False), ("Newsletter opt-ins", 40, 3, True))


@dataclass(frozen=True)
class People:
    """What one demo account gets; `quota` is (users given a quota, the credits they hold)."""

    quota: tuple[int, float] = (0, 0.0)
    rich: bool = False  # a user without quota, jobs, receiver lists
    numbers: tuple[tuple[str, str], ...] = ()  # (number, country) attached to the account


def seed_people(state: SmsState, account: SmsAccount, people: People, anchor: float) -> None:
    seeding = _Seeding(account, anchor)
    count, held = people.quota
    for n in range(1, count + 1):
        seeding.user(f"{account.name.split('-')[0]}user{n}", quota=round(held / count, 2))
    if people.rich:
        shop = seeding.user("webshop", quota=None)
        shop.jobs, shop.receivers = seeding.jobs(1), seeding.receivers(1)
        account.jobs, account.receivers = seeding.jobs(len(_JOBS)), seeding.receivers(2)
    for index, (number, country) in enumerate(people.numbers):
        virtual = seeding.number(number, country, 200_000 + len(state.numbers))
        virtual.jobs = seeding.jobs(1, with_sender=False)
        if index == 0:
            virtual.chat = ChatAccess(virtual.service_id, anchor - 30 * DAY, chat_url(number))
        state.add_number(virtual)


class _Seeding:
    def __init__(self, account: SmsAccount, anchor: float) -> None:
        self.account, self.anchor = account, anchor
        self.senders = [s.sender for s in account.senders.values() if s.status == ENABLE]
        self.block = 0
        self.job_ids = itertools.count(account.service_id * 100)

    def traffic(self, key: str, outgoing: int) -> TrafficPlan:
        self.block += 1
        return TrafficPlan(
            seed=f"{self.account.name}/{key}",
            anchor=self.anchor,
            outgoing=outgoing,
            days=30,
            senders=self.senders or ["ExampleTel"],
            first_id=3_000_000_000 + self.account.service_id * 1_000 + self.block * 100,
        )

    def user(self, login: str, quota: float | None) -> SmsUser:
        user = SmsUser(login, f"{login}-Pa55w0rd", quota=quota, alert_threshold=50)
        user.traffic_source = functools.partial(make_traffic, self.traffic(login, 40))
        self.account.users[login] = user
        return user

    def jobs(self, count: int, *, with_sender: bool = True) -> dict[int, Job]:
        sender = self.senders[0] if with_sender and self.senders else ""
        jobs = {}
        for n, (message, minutes) in enumerate(_JOBS[:count]):
            job_id = next(self.job_ids)
            created = self.anchor - 600 * (n + 1)
            receiver = f"+3361234{5670 + n}"
            jobs[job_id] = Job(job_id, created, sender, receiver, message, minutes)
        return jobs

    def receivers(self, count: int) -> dict[int, Receiver]:
        lists = {}
        for slot, (description, size, age, from_url) in enumerate(_LISTS[:count], 1):
            numbers = tuple(f"+3361{slot}00{n:04d}" for n in range(size))
            created = self.anchor - age * DAY
            lists[slot] = Receiver(slot, description, created, numbers, from_url, from_url)
        return lists

    def number(self, number: str, country: str, service_id: int) -> VirtualNumber:
        virtual = VirtualNumber(
            number, country, self.account.owner, self.anchor - 200 * DAY, service_id,
            account=self.account.name,
        )  # fmt: skip
        virtual.traffic_source = functools.partial(make_traffic, self.traffic(number, 30))
        return virtual
