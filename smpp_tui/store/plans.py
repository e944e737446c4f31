"""What a write will do, read from what the user typed and what the store knows, before it is
sent: the confirmation shows it, then the action sends it. Pure: nothing is sent here, and
`InvalidInput` says what is wrong and what is accepted."""

from __future__ import annotations

from dataclasses import dataclass

from smpp_tui.api import checks
from smpp_tui.api.errors import InvalidInput
from smpp_tui.api.models import Account
from smpp_tui.store.resources import ACCOUNTS
from smpp_tui.store.snapshot import Snapshot


@dataclass(frozen=True)
class Transfer:
    source: Account
    target: Account
    credits: float


@dataclass(frozen=True)
class Recharge:
    account: Account  # as it is now
    pack: int | None  # None: no automatic recharge
    threshold: int


def _accounts(snapshot: Snapshot) -> dict[str, Account]:
    return {account.name: account for account in snapshot.value(ACCOUNTS, ())}


def account(snapshot: Snapshot, name: str) -> Account:
    found = _accounts(snapshot).get(name)
    if found is None:
        raise InvalidInput(f"{name} is not known yet; try again in a moment")
    return found


def transfer(snapshot: Snapshot, source: str, target_typed: str, credits_typed: str) -> Transfer:
    """Credits from `source` to another account of the customer, at most its balance."""
    accounts = _accounts(snapshot)
    giving = account(snapshot, source)
    target = checks.transfer_target(target_typed, source, accounts)
    credits = checks.transfer_amount(credits_typed, giving.credits_left)
    return Transfer(giving, accounts[target], credits)


def recharge(snapshot: Snapshot, name: str, threshold_typed: str, pack_typed: str) -> Recharge:
    """A pack bought when fewer credits than the threshold are left, or no recharge."""
    threshold = checks.recharge_threshold(threshold_typed)
    pack = checks.recharge_pack(pack_typed)
    return Recharge(account(snapshot, name), pack, threshold)
