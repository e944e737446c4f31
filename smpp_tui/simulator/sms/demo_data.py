"""The demo's SMS accounts, deterministic from a seed.

The first customer has an account in every SMPP status, senders in every state, and one account
with 20,000 outgoing SMS over 90 days (`history` changes that count); the second has two small
accounts. `scale` adds 200 accounts per unit (500 SMS each) for benchmarks. Histories are made
on first use, so building the world stays cheap whatever the scale.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import random
from dataclasses import dataclass, field
from typing import Any

from smpp_tui.simulator.knobs import MAIN_HISTORY, UPDATING_FOR
from smpp_tui.simulator.sms.account import SmsAccount
from smpp_tui.simulator.sms.demo_people import People, seed_people
from smpp_tui.simulator.sms.generate import TrafficPlan, make_traffic
from smpp_tui.simulator.sms.paperwork_demo import seed_paperwork
from smpp_tui.simulator.sms.senders import DISABLE, ENABLE, REFUSED, WAITING, Sender
from smpp_tui.simulator.sms.state import SmsState
from smpp_tui.simulator.sms.times import DAY

SCALE_ACCOUNTS = 200
SCALE_HISTORY = 500


@dataclass(frozen=True)
class Plan:
    """One demo account: what differs from one to the next."""

    smpp: bool
    description: str
    ips: int = 0
    # One of the IPs is 127.0.0.1, so a bind to the local SMSC works out of the box.
    loopback: bool = False
    pinned: str | None = None
    updating: bool = False
    status: str = "enable"
    credits: float = 0.0
    recredit: tuple[int | None, float] = (None, 0.0)
    people: People = field(default_factory=People)  # users, jobs, receivers, numbers
    history: int = 0
    days: float = 90
    senders: tuple[Sender, ...] = field(default=())


def _sender(name: str, kind: str, status: str, **extra: Any) -> Sender:
    return Sender(name, kind, status, **extra)


def _main_senders(nic: str, anchor: float) -> tuple[Sender, ...]:
    return (
        _sender("ExampleTel", "alpha", ENABLE, description="Brand name"),
        _sender("+33612345678", "numeric", ENABLE, description="Support line"),
        _sender("38200", "shortcode", ENABLE, description="Short code for replies"),
        _sender(nic, "alpha", ENABLE, referer="nic", description="Account handle"),
        _sender(
            "ALERTES",
            "alpha",
            WAITING,
            description="Monitoring alerts",
            review_at=anchor + 2 * DAY,
            verdict=(ENABLE, "Validated by the moderator"),
        ),
        _sender(
            "PROMO",
            "alpha",
            REFUSED,
            description="Promotions",
            comment="Refused: a generic sender does not identify your organisation",
        ),
        _sender("OldBrand", "alpha", DISABLE, description="Former brand, kept for records"),
    )


def _first_customer(nic: str, anchor: float, history: int) -> list[Plan]:
    brand = (_sender("ExampleTel", "alpha", ENABLE, description="Brand name"),)
    return [
        Plan(
            True,
            "Production gateway (Kannel)",
            ips=3,
            loopback=True,
            credits=12480.35,
            recredit=(1000, 500.0),
            history=history,
            senders=_main_senders(nic, anchor),
            people=People(rich=True, numbers=(("32470001122", "be"), ("33644001122", "fr"))),
        ),
        Plan(True, "Staging [/] do not use [bold]", credits=250.5, senders=brand),
        Plan(
            True,
            "Alertes supervision, Île-de-France ✓",
            ips=2,
            loopback=True,
            updating=True,
            credits=980.25,
            history=300,
            days=30,
            senders=brand,
        ),
        Plan(True, "Legacy Jasmin cluster", ips=2, pinned="ERROR", credits=42.0, history=120),
        Plan(True, "Partner relay (migrating)", ips=1, pinned="UNKNOWN", credits=10.0),
        Plan(True, "Old gateway, closed", ips=1, pinned="DELETED", status="disable"),
        Plan(
            True,
            "OTP gateway",
            ips=10,
            loopback=True,
            credits=5120.8,
            recredit=(5000, 1000.0),
            history=2000,
            days=60,
            senders=brand,
            people=People(rich=True, numbers=(("447700900123", "uk"),)),
        ),
        Plan(
            False,
            "Marketing campaigns",
            credits=3200.75,
            recredit=(250, 100.0),
            people=People(quota=(2, 300.0)),
            history=1500,
            senders=brand,
        ),
        Plan(False, "Support notifications", status="disable", credits=0.5),
    ]


def _second_customer(nic: str, anchor: float) -> list[Plan]:
    own = (_sender("JulesM", "alpha", ENABLE, description="My name"),)
    return [
        Plan(
            True,
            "Jules's test gateway",
            ips=1,
            loopback=True,
            credits=99.5,
            history=200,
            days=20,
            senders=own,
            people=People(numbers=(("33644009988", "fr"),)),
        ),
        Plan(False, "Family reminders", credits=20.0, senders=own),
    ]


def _scaled(index: int, rng: random.Random) -> Plan:
    return Plan(
        smpp=index % 3 != 2,
        description=f"Customer gateway {index + 1:03d}",
        ips=rng.choice((0, 1, 2, 3)),
        credits=round(rng.uniform(0, 5000), 2),
        history=SCALE_HISTORY,
        days=30,
        senders=(_sender(f"Client{index + 1:03d}", "alpha", ENABLE),),
    )


def _ips(plan: Plan, index: int) -> list[str]:
    if not plan.smpp:
        return []
    blocks = ("192.0.2", "198.51.100", "203.0.113")
    count = plan.ips - plan.loopback
    ips = [f"{blocks[(index + n) % 3]}.{(index * 7 + n * 13) % 250 + 1}" for n in range(count)]
    return ips + ["127.0.0.1"] * plan.loopback


class _Builder:
    def __init__(self, state: SmsState, anchor: float, seed: int, updating_for: float) -> None:
        self.state, self.anchor, self.seed = state, anchor, seed
        self.updating_for = updating_for
        self.rng = random.Random(f"demo/{seed}")
        self.serial = itertools.count()
        self.numbers: dict[tuple[str, bool], itertools.count[int]] = {}

    def account(self, nic: str, plan: Plan) -> SmsAccount:
        index = next(self.serial)
        handle = nic.removesuffix("-ovh")
        kind = "smpp" if plan.smpp else "sms"
        number = next(self.numbers.setdefault((handle, plan.smpp), itertools.count(1)))
        name = f"{kind}-{handle}-{number}"
        account = SmsAccount(
            name=name,
            owner=nic,
            smpp=plan.smpp,
            created=self.anchor - (900 - 3 * (index % 250)) * DAY,
            description=plan.description,
            status=plan.status,
            credits_left=plan.credits,
            recredit_amount=plan.recredit[0],
            recredit_threshold=plan.recredit[1],
            allowed_ips=_ips(plan, index),
            ip_settles_at=self.anchor + self.updating_for if plan.updating else 0.0,
            pinned_status=plan.pinned,
            password=f"{self.rng.getrandbits(32):08x}",  # SMPP 3.4: 8 characters at most
            senders={s.sender: dataclasses.replace(s) for s in plan.senders},
            service_id=100_000 + index,
        )
        traffic = TrafficPlan(
            seed=f"{self.seed}/{name}",
            anchor=self.anchor,
            outgoing=plan.history,
            days=plan.days,
            senders=[s.sender for s in plan.senders if s.status == ENABLE],
            first_id=1_000_000_000 + index * 10_000_000,
        )
        account.traffic_source = functools.partial(make_traffic, traffic)
        self.state.add(account)
        seed_people(self.state, account, plan.people, self.anchor)
        if plan.people.rich:
            seed_paperwork(account, self.anchor)
        return account


def populate(
    state: SmsState,
    nichandles: list[str],
    anchor: float,
    seed: int,
    scale: int,
    *,
    history: int = MAIN_HISTORY,
    updating_for: float = UPDATING_FOR,
) -> None:
    """Give the demo customers (first, second) their SMS accounts; `history` is the number of
    SMS of the first customer's main account, `updating_for` the seconds its `UPDATING_IP`
    account takes to settle."""
    builder = _Builder(state, anchor, seed, updating_for)
    first, second = nichandles
    plans = _first_customer(first, anchor, history)
    plans += [_scaled(index, builder.rng) for index in range(scale * SCALE_ACCOUNTS)]
    for plan in plans:
        builder.account(first, plan)
    for plan in _second_customer(second, anchor):
        builder.account(second, plan)
