"""Deterministic, cheap message history for demo accounts.

Everything comes from one `random.Random` seeded by text (stable across runs and Python
processes), and the times are relative to an anchor taken when the world is built, so a history
generated late (on first use) is the one it would have been at start.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from smpp_tui.simulator.sms.ptt import DELIVERED, PENDING, delivery_receipt
from smpp_tui.simulator.sms.times import DAY
from smpp_tui.simulator.sms.traffic import Blacklisted, HlrLookup, Incoming, Outgoing, Traffic

# A realistic mix: mostly delivered, some pending, a tail of failures. A message still pending
# after two days has expired (801), so expiries are old and pending ones recent.
_PTT_CODES = (0, 254, 3, 5, 6, 9, 53, 800, 2, 55, 4)
_PTT_WEIGHTS = (870, 50, 15, 10, 12, 8, 6, 10, 5, 6, 5)
_PENDING_FOR = 2 * DAY
_EXPIRED = 801

# dialling prefix, tariff code, credits per SMS part, share of receivers
_COUNTRIES = (
    ("+33", "FR", 1.0, 80),
    ("+32", "BE", 1.5, 8),
    ("+41", "CH", 2.0, 6),
    ("+44", "GB", 1.2, 6),
)

_MESSAGES = (
    "Your verification code is {n}. It expires in 10 minutes.",
    "Votre code de connexion : {n}. Ne le communiquez à personne.",
    "Your parcel {n} will be delivered tomorrow between 9:00 and 12:00.",
    "Rappel : votre rendez-vous du {d} à 10h30. Répondez STOP pour ne plus recevoir de messages.",
    "Alert: server web-{n} is down since {d}. Check the monitoring dashboard for details.",
    "Bonjour, votre commande n°{n} a bien été expédiée. Suivez-la sur votre espace client. "
    "Merci de votre confiance et à bientôt dans nos magasins ! Répondez STOP pour vous désabonner.",
)
_REPLIES = ("STOP", "Merci !", "OK", "Oui, confirmé", "Can you call me back?", "Stop", "Reçu")


@dataclass(frozen=True)
class TrafficPlan:
    """What to generate for one account."""

    seed: str
    anchor: float
    outgoing: int
    days: float
    senders: Sequence[str]
    first_id: int


def _parts(message: str) -> int:
    return 1 if len(message) <= 160 else -(-len(message) // 153)


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _receivers(rng: random.Random, count: int) -> list[tuple[str, str, float]]:
    countries = rng.choices(_COUNTRIES, [c[3] for c in _COUNTRIES], k=count)
    return [(f"{p}6{rng.randrange(10**7, 10**8)}", code, rate) for p, code, rate, _ in countries]


def make_traffic(plan: TrafficPlan) -> Traffic:
    if not plan.outgoing:
        return Traffic()
    return _Generator(plan).run()


class _Generator:
    def __init__(self, plan: TrafficPlan) -> None:
        self.plan = plan
        self.rng = random.Random(plan.seed)
        self.traffic = Traffic()
        self.receivers = _receivers(self.rng, max(10, plan.outgoing // 8))

    def run(self) -> Traffic:
        times = self.outgoing()
        self.replies(times)
        self.blacklist()
        self.lookups()
        return self.traffic

    def outgoing(self) -> list[float]:
        # Drawn in bulk (one call per column), as per-message calls cost most of the time.
        rng, plan = self.rng, self.plan
        count = plan.outgoing
        start, span = plan.anchor - plan.days * DAY, plan.days * DAY
        times = sorted([start + span * r for r in [rng.random() for _ in range(count)]])
        codes = rng.choices(_PTT_CODES, _PTT_WEIGHTS, k=count)
        picks = rng.choices(self.receivers, k=count)
        numbers = rng.choices(range(100_000, 1_000_000), k=count)
        batches = [_uuid(rng) for _ in range(6)]
        senders = plan.senders or ("+33612345678",)
        # messageIDs share a random prefix and end with the id: unique, uuid-shaped, cheap.
        prefix = _uuid(rng)[:24]
        history = self.traffic.outgoing
        for index in range(count):
            created, (receiver, tariff, rate) = times[index], picks[index]
            day = f"{index % 28 + 1:02d}/05"
            message = _MESSAGES[index % len(_MESSAGES)].format(n=numbers[index], d=day)
            code = codes[index]
            ptt = _EXPIRED if code == PENDING and created < plan.anchor - _PENDING_FOR else code
            parts = _parts(message)
            sent = created + 1 + index % 4
            record_id = plan.first_id + 4 * index + index % 3
            in_batch = index % 10 == 0
            history.add(
                Outgoing(
                    record_id,
                    created,
                    senders[index % len(senders)],
                    receiver,
                    message,
                    ptt,
                    delivery_receipt(ptt),
                    parts,
                    parts * rate,
                    tariff,
                    "campaign" if in_batch else ("otp" if index % len(_MESSAGES) < 2 else ""),
                    f"{prefix}{record_id:012x}",
                    batches[index % len(batches)] if in_batch else None,
                    0,
                    sent,
                    sent + 2 + index % 30 if ptt == DELIVERED else None,
                )
            )
        return times

    def replies(self, times: Sequence[float]) -> None:
        rng = self.rng
        count = max(1, len(times) // 50)
        moments = sorted(rng.choice(times) + rng.randrange(30, 3600) for _ in range(count))
        self.traffic.incoming.extend(
            Incoming(
                id=self.plan.first_id // 2 + 3 * index,
                created=moment,
                sender=rng.choice(self.receivers)[0],
                message=_REPLIES[index % len(_REPLIES)],
            )
            for index, moment in enumerate(moments)
        )

    def blacklist(self) -> None:
        outgoing = self.traffic.outgoing
        for record in outgoing.records(outgoing.query({"ptt": 53}))[:12]:
            self.traffic.blacklist.setdefault(
                record.receiver,
                Blacklisted(record.receiver, record.created, record.id, record.batch_id),
            )

    def lookups(self) -> None:
        for index in range(5):
            lookup_id = self.plan.first_id // 7 + index
            self.traffic.hlr[lookup_id] = HlrLookup(
                id=lookup_id,
                created=self.plan.anchor - (5 - index) * DAY,
                msisdn=self.rng.choice(self.receivers)[0],
                reachable=index != 3,
                roaming=index == 1,
                ported=index == 2,
            )
