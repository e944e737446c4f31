"""The demo's mailbox: the e-mails the simulated OVHcloud sent (new SMPP passwords), read in
process from its outbox, so that the demo needs no second shell to read them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the simulator is imported only when the demo runs
    from smpp_tui.simulator import World

# How OVHcloud's mail gives the password: a line of its own.
PASSWORD_LINE = re.compile(r"^Password: (\S+)$", re.MULTILINE)


@dataclass(frozen=True)
class DemoMail:
    to: str
    subject: str
    body: str
    account: str
    sent: datetime

    @property
    def password(self) -> str | None:
        """The new SMPP password the mail carries, if it carries one."""
        found = PASSWORD_LINE.search(self.body)
        return found.group(1) if found else None


class Mailbox:
    """The demo customer's: the other customer's mail is not theirs to read."""

    def __init__(self, world: World, address: str) -> None:
        self._world, self._address = world, address

    def mails(self) -> list[DemoMail]:
        """Newest first, as a mail client lists them."""
        with self._world.lock:  # the simulator's threads append to it
            sent = self._world.sms.outbox.to(self._address)
        return [
            DemoMail(m.to, m.subject, m.body, m.account, datetime.fromtimestamp(m.at, UTC))
            for m in reversed(sent)
        ]
