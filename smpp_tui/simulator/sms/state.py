"""The simulated SMS service of one world: accounts by customer, virtual numbers, outbox,
exports, knobs."""

from __future__ import annotations

import itertools

from smpp_tui.simulator import errors
from smpp_tui.simulator.sms.account import Endpoints, SmsAccount
from smpp_tui.simulator.sms.behaviour import SmsBehaviour
from smpp_tui.simulator.sms.documents import Documents
from smpp_tui.simulator.sms.numbers import VirtualNumber
from smpp_tui.simulator.sms.outbox import Outbox

FIRST_NEW_ID = 50_000_000_000  # above the demo's histories, 1,009 accounts of them included


class SmsState:
    def __init__(self, behaviour: SmsBehaviour | None = None) -> None:
        self.behaviour = behaviour or SmsBehaviour()
        self.accounts: dict[str, SmsAccount] = {}
        self.outbox = Outbox()
        self.documents = Documents()
        self.endpoints = Endpoints()  # a local SMSC names its own
        self.numbers: dict[str, VirtualNumber] = {}
        # OVHcloud's ids are global and only grow: every SMS or job made while the world runs
        # takes the next, above every id the demo generated.
        self._ids = itertools.count(FIRST_NEW_ID)
        self._by_owner: dict[str, dict[str, SmsAccount]] = {}

    def add(self, account: SmsAccount) -> SmsAccount:
        if account.name in self.accounts:
            raise ValueError(f"an SMS account named {account.name} already exists")
        self.accounts[account.name] = account
        self._by_owner.setdefault(account.owner, {})[account.name] = account
        return account

    def names_of(self, owner: str) -> list[str]:
        return sorted(self._by_owner.get(owner, {}))

    def find(self, owner: str, name: str) -> SmsAccount | None:
        """One of the owner's accounts; another customer's is as unknown as a missing one."""
        return self._by_owner.get(owner, {}).get(name)

    def account(self, owner: str, name: str) -> SmsAccount:
        account = self.find(owner, name)
        if account is None:
            raise errors.not_found()
        return account

    def new_id(self) -> int:
        return next(self._ids)

    def add_number(self, number: VirtualNumber) -> VirtualNumber:
        self.numbers[number.number] = number
        return number

    def numbers_of(self, owner: str, account: str | None = None) -> list[str]:
        """The owner's virtual numbers, or those attached to one of its accounts."""
        return sorted(
            n.number
            for n in self.numbers.values()
            if n.owner == owner and (account is None or n.account == account)
        )

    def number(self, owner: str, number: str) -> VirtualNumber:
        """One of the owner's virtual numbers; another customer's is as unknown as none."""
        if number not in self.numbers_of(owner):
            raise errors.not_found()
        return self.numbers[number]

    def make_all_traffic(self) -> int:
        """Generate every account's history now (benchmarks; not its users' nor its virtual
        numbers'); the number of outgoing SMS."""
        return sum(len(account.traffic.outgoing) for account in self.accounts.values())
