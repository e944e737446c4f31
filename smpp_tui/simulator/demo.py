"""The demo world: public, fixed credentials that `smpp-tui --demo` and the tests connect with.

These keys are demo values printed by `smpp-tui simulator`; they open nothing but the simulator.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from smpp_tui.simulator.knobs import MAIN_HISTORY, UPDATING_FOR
from smpp_tui.simulator.sms.demo_data import populate
from smpp_tui.simulator.sms.outbox import password_mail
from smpp_tui.simulator.world import Application, Credential, Customer, World

ALL_RIGHTS = [{"method": m, "path": "/*"} for m in ("GET", "POST", "PUT", "DELETE")]


@dataclass(frozen=True)
class DemoKeys:
    """What a client needs to talk to the simulator as one demo customer."""

    application_key: str
    application_secret: str
    consumer_key: str


@dataclass(frozen=True)
class DemoCustomer:
    customer: Customer
    application: Application
    credential: Credential

    @property
    def keys(self) -> DemoKeys:
        return DemoKeys(self.application.key, self.application.secret, self.credential.consumer_key)


# nichandle, e-mail (where new SMPP passwords are "sent"), first name, name, organisation
_PEOPLE = (
    ("dc12345-ovh", "ops@example.com", "Dana", "Carter", "Example Telecom"),
    ("jm67890-ovh", "jules.martin@example.org", "Jules", "Martin", None),
)


def build_demo_world(
    clock: Callable[[], float] = time.time,
    *,
    seed: int = 0,
    scale: int = 0,
    history: int = MAIN_HISTORY,
    updating_for: float = UPDATING_FOR,
) -> tuple[World, list[DemoCustomer]]:
    """Two customers, each with its own application, a validated all-rights consumer key and
    SMS accounts (deterministic from `seed`; for benchmarks, `scale` adds hundreds of accounts
    and `history` sets the number of SMS of the main account).
    """
    world = World(clock)
    customers = []
    for number, person in enumerate(_PEOPLE, start=1):
        customer = world.add_customer(Customer(*person))
        application = world.register_application(
            customer, key=f"demoAppKey{number:06d}", secret=f"demoAppSecret{number:019d}"
        )
        credential = world.issue_credential(
            application, ALL_RIGHTS, consumer_key=f"demoConsumerKey{number:017d}"
        )
        customers.append(DemoCustomer(customer, application, credential))
    nichandles = [person[0] for person in _PEOPLE]
    populate(
        world.sms, nichandles, world.now(), seed, scale, history=history, updating_for=updating_for
    )
    return world, customers


def mail_first_passwords(world: World) -> None:
    """Put each SMPP account's first password in the outbox, as OVHcloud mails it when the
    account is delivered: with a local SMSC running, the demo's passwords are then readable
    (the demo's Mail view, `GET /_sim/outbox`) and a bind can use them."""
    with world.lock:
        emails = {c.nichandle: c.email for c in world.customers.values()}
        for account in world.sms.accounts.values():
            if account.smpp:
                mail = password_mail(
                    emails[account.owner],
                    account.name,
                    account.password,
                    account.created,
                    first=True,
                )
                world.sms.outbox.send(mail)
