"""Writes, as store actions: check what the user typed, call the gateway, record in the store
what the write returned (or what OVHcloud says of what it changed, asked right after), mark the
rest it changed as out of date and refresh it, and append every write sent to the audit log
(see `writes`).

Blocking (the app runs them off its event loop). An action already under way for the same
thing is refused rather than sent twice: a double key press never regenerates two passwords,
and a renewal confirmed before another one was sent is refused too (one renewal per intent).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

from smpp_tui.api import checks
from smpp_tui.api.errors import ApiError, InvalidInput
from smpp_tui.api.history import Way
from smpp_tui.api.models import ALLOWED_IPS_LIMIT, Account, AllowedIps, Sender
from smpp_tui.store.ovhcloud import OvhCloud
from smpp_tui.store.poller import Poller
from smpp_tui.store.resources import ACCOUNTS, ips_key, senders_key, settings_key
from smpp_tui.store.snapshot import ResourceKey
from smpp_tui.store.store import Store
from smpp_tui.store.writes import ActionInProgress as ActionInProgress  # the app's import
from smpp_tui.store.writes import AuditTrail, Write, Writes, unsent

T = TypeVar("T")

RENEWAL = Write("regenerate the SMPP password", "the password renewal")
IPS = Write("change the allowed IPs", "the change of allowed IPs")
SENDER_REQUEST = Write("request a sender", "the sender request")
SENDER_DELETION = Write("delete a sender", "the sender deletion")
RECHARGE = Write("change the automatic recharge", "the change of automatic recharge")
TRANSFER = Write("transfer credits", "the credit transfer")


def _exact(number: float) -> str:
    """A number of credits as it was given, for the audit log: 50, 12.25, 1234567."""
    return format(number, "f").rstrip("0").rstrip(".")


class RenewedMeanwhile(ActionInProgress):
    """A renewal was sent after the one asked for was confirmed: it was not sent."""


class Actions:
    def __init__(
        self,
        gateway: OvhCloud,
        store: Store,
        poller: Poller,
        clock: Callable[[], float],
        audit: AuditTrail | None = None,
    ) -> None:
        self._gateway = gateway
        self._store = store
        self._poller = poller
        self._clock = clock
        self.writes = Writes(audit)
        self._renewals: dict[str, float] = {}  # account: when its last renewal was sent

    # SMPP

    def last_renewal(self, account: str) -> float | None:
        """When (the session's clock) a new password of `account` was last asked: sent, and
        not refused by OVHcloud (its answer may still be awaited)."""
        return self._renewals.get(account)

    def regenerate_password(self, account: str, known: float | None = None) -> None:
        """OVHcloud e-mails the new password; nothing the app shows changes.

        `known`: the last renewal the user was shown when confirming (`last_renewal`). If
        another one was sent since, this confirmation was given for another state: refused,
        nothing sent (a burst of keys renews once)."""
        with self.writes.once(RENEWAL, account):
            last = self._renewals.get(account)
            if last is not None and (known is None or last > known):
                ago = round(self._clock() - last)
                raise RenewedMeanwhile(
                    f"a new password for {account} was asked {ago} s ago, after this one was"
                    " confirmed: not sent again; ask once more if another one is really needed"
                )
            self._renewals[account] = self._clock()
            try:
                self._gateway.regenerate_password(account)
            except ApiError as error:
                if error.status is not None or unsent(error):  # no new password
                    self._forget_renewal(account, last)
                raise

    def _forget_renewal(self, account: str, last: float | None) -> None:
        if last is None:
            del self._renewals[account]
        else:
            self._renewals[account] = last

    def allow_ips(self, account: str, typed: str) -> list[str]:
        """Allow the addresses typed (commas, spaces or new lines between them), once checked
        against what the account already allows; `InvalidInput` says what is wrong."""
        allowed = self._store.snapshot.value(ips_key(account))
        present = allowed.ips if allowed is not None else ()
        limit = allowed.limit if allowed is not None else ALLOWED_IPS_LIMIT
        ips = checks.ips_to_add(typed, present, limit)
        with self.writes.once(IPS, account, "add " + ", ".join(ips)):
            answer = self._gateway.add_allowed_ips(account, ips)
        self._ips_changed(account, answer)
        return ips

    def remove_allowed_ip(self, account: str, ip: str) -> AllowedIps:
        with self.writes.once(IPS, account, f"remove {ip}"):
            allowed = self._gateway.remove_allowed_ips(account, [ip])
        return self._ips_changed(account, allowed)

    def _ips_changed(self, account: str, allowed: AllowedIps) -> AllowedIps:
        # The answer is the new list; the status moves on (UPDATING_IP): what was asked of it
        # before is out of date, and it is followed from now on.
        self._store.wrote(ips_key(account), allowed, self._clock())
        self._store.outdated([settings_key(account)])
        self._poller.refresh([settings_key(account)])
        return allowed

    # senders

    def request_sender(self, account: str, sender: str, description: str, reason: str) -> None:
        """Ask OVHcloud's moderator for a sender; it shows at once, waiting for the verdict."""
        checks.new_sender(sender, reason, description)
        known: tuple[Sender, ...] = self._store.snapshot.value(senders_key(account), ())
        if any(existing.sender == sender for existing in known):
            raise InvalidInput(f"{sender} is a sender of {account} already; give a new one")
        with self.writes.once(SENDER_REQUEST, account, sender):
            self._gateway.request_sender(account, sender, reason, description)
        fetch = functools.partial(self._gateway.sender, account, sender)
        new = self._after_write([senders_key(account)], fetch)
        if new is not None:
            # A refresh that started after the request may have brought it already.
            self._change_senders(
                account, lambda senders: [*(s for s in senders if s.sender != sender), new]
            )

    def delete_sender(self, account: str, sender: str) -> None:
        with self.writes.once(SENDER_DELETION, account, sender):
            self._gateway.delete_sender(account, sender)
        self._change_senders(account, lambda senders: [s for s in senders if s.sender != sender])

    def _change_senders(
        self, account: str, change: Callable[[tuple[Sender, ...]], list[Sender]]
    ) -> None:
        """The senders list as a write left it (when it was known: else it is fetched)."""
        key = senders_key(account)
        entry = self._store.snapshot[key]
        if not entry.loaded:
            self._store.outdated([key])
            self._poller.refresh([key])
            return
        changed = sorted(change(entry.value), key=lambda sender: sender.sender)
        self._store.wrote(key, tuple(changed), self._clock())

    # history

    def delete_sms(self, account: str, way: Way, sms_id: int) -> None:
        """Delete one SMS from the history (the History tab drops its row itself)."""
        with self.writes.once(
            Write(f"delete an {way} SMS", "the SMS deletion"), account, str(sms_id)
        ):
            self._gateway.delete_sms(account, way, sms_id)

    # credits

    def set_recharge(self, account: str, pack: int | None, threshold: float) -> None:
        """Buy `pack` credits (None: never) when fewer than `threshold` are left."""
        checks.recharge(pack, threshold)
        said = f"a pack of {pack} below {_exact(threshold)}" if pack else "off"
        with self.writes.once(RECHARGE, account, said):
            self._gateway.set_automatic_recharge(account, pack, threshold)
        self._refresh_accounts([account])

    def transfer_credits(self, source: str, target: str, credits: float) -> None:
        """Move credits to another account of the customer; both balances are fetched again."""
        names = [a.name for a in self._store.snapshot.value(ACCOUNTS, ())]
        checks.transfer_target(target, source, names or [target])
        checks.transfer(source, target, credits)
        with self.writes.once(TRANSFER, source, f"{_exact(credits)} to {target}"):
            self._gateway.transfer_credits(source, target, credits)
        self._refresh_accounts([source, target])

    def _refresh_accounts(self, names: list[str]) -> None:
        """After a write that changed these accounts: their new state, in the account list."""

        def fetch() -> list[Account]:
            return [self._gateway.account(name) for name in names]

        fresh = self._after_write([ACCOUNTS], fetch)
        listed: tuple[Account, ...] | None = self._store.snapshot.value(ACCOUNTS)
        if fresh is None:
            return
        if listed is None:  # a first load under way would bring the accounts as they were
            self._store.outdated([ACCOUNTS])
            self._poller.refresh([ACCOUNTS])
            return
        by_name = {account.name: account for account in (*listed, *fresh)}
        merged = tuple(sorted(by_name.values(), key=lambda account: account.name))
        self._store.wrote(ACCOUNTS, merged, self._clock())

    def _after_write(self, keys: list[ResourceKey], fetch: Callable[[], T]) -> T | None:
        """What a write changed, fetched again; None if that failed: the write is done all the
        same, so the error is not the user's, and the poller fetches it again soon."""
        try:
            return fetch()
        except ApiError:
            self._store.outdated(keys)
            self._poller.refresh(keys)
            return None

    # keys

    def revoke_key(self, gateway: OvhCloud, profile: str) -> None:
        """Expire the API key `gateway` signs with (another profile's): it stops working."""
        revoke = Write(f"revoke the API key of profile {profile}", "the key revocation")
        with self.writes.once(revoke, ""):
            gateway.logout()
