"""Writes, as store actions: check what the user typed, call the gateway, record in the store
what the write returned (or what OVHcloud says of what it changed, asked right after), mark the
rest it changed as out of date and refresh it, and append every write sent to the audit log.

Blocking (the app runs them off its event loop). An action already under way for the same
thing is refused rather than sent twice: a double key press never regenerates two passwords.
"""

from __future__ import annotations

import contextlib
import functools
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Protocol, TypeVar

from smpp_tui.api import checks
from smpp_tui.api.errors import ApiError, InvalidInput, ReadOnlyRefused
from smpp_tui.api.history import Way
from smpp_tui.api.models import ALLOWED_IPS_LIMIT, Account, AllowedIps, Sender
from smpp_tui.store.ovhcloud import OvhCloud
from smpp_tui.store.poller import Poller
from smpp_tui.store.resources import ACCOUNTS, ips_key, senders_key, settings_key
from smpp_tui.store.snapshot import ResourceKey
from smpp_tui.store.store import Store

T = TypeVar("T")


def _exact(number: float) -> str:
    """A number of credits as it was given, for the audit log: 50, 12.25, 1234567."""
    return format(number, "f").rstrip("0").rstrip(".")


class ActionInProgress(Exception):
    """The same action is already under way; it was not sent again."""


class AuditTrail(Protocol):
    """Where every write sent is recorded (the session's audit log)."""

    def record(self, account: str, action: str, error: Exception | None = None) -> None: ...


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
        self._audit = audit
        self._running: set[tuple[str, str]] = set()
        self._lock = threading.Lock()

    @contextmanager
    def _once(self, action: str, account: str, what: str = "") -> Iterator[None]:
        """One at a time per action and account; every attempt sent goes to the audit log
        (`what`: the details it records, such as the sender or the credits)."""
        key = (action, account)
        with self._lock:
            if key in self._running:
                raise ActionInProgress(f"already asked to {action} for {account}; wait for it")
            self._running.add(key)
        said = f"{action}: {what}" if what else action
        try:
            yield
        except Exception as error:
            self._record(account, said, error)
            raise
        else:
            self._record(account, said)
        finally:
            with self._lock:
                self._running.discard(key)

    def _record(self, account: str, action: str, error: Exception | None = None) -> None:
        if self._audit is None or isinstance(error, InvalidInput | ReadOnlyRefused):
            return  # nothing was sent
        # The write happened: a log that cannot be written must not make it look failed.
        with contextlib.suppress(OSError):
            self._audit.record(account, action, error)

    def regenerate_password(self, account: str) -> None:
        """OVHcloud e-mails the new password; nothing the app shows changes."""
        with self._once("regenerate the SMPP password", account):
            self._gateway.regenerate_password(account)

    def allow_ips(self, account: str, typed: str) -> list[str]:
        """Allow the addresses typed (commas, spaces or new lines between them), once checked
        against what the account already allows; `InvalidInput` says what is wrong."""
        allowed = self._store.snapshot.value(ips_key(account))
        present = allowed.ips if allowed is not None else ()
        limit = allowed.limit if allowed is not None else ALLOWED_IPS_LIMIT
        ips = checks.ips_to_add(typed, present, limit)
        with self._once("change the allowed IPs", account):
            answer = self._gateway.add_allowed_ips(account, ips)
        self._ips_changed(account, answer)
        return ips

    def remove_allowed_ip(self, account: str, ip: str) -> AllowedIps:
        with self._once("change the allowed IPs", account):
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
        with self._once("request a sender", account, sender):
            self._gateway.request_sender(account, sender, reason, description)
        fetch = functools.partial(self._gateway.sender, account, sender)
        new = self._after_write([senders_key(account)], fetch)
        if new is not None:
            # A refresh that started after the request may have brought it already.
            self._change_senders(
                account, lambda senders: [*(s for s in senders if s.sender != sender), new]
            )

    def delete_sender(self, account: str, sender: str) -> None:
        with self._once("delete a sender", account, sender):
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
        with self._once(f"delete an {way} SMS", account, str(sms_id)):
            self._gateway.delete_sms(account, way, sms_id)

    # credits

    def set_recharge(self, account: str, pack: int | None, threshold: float) -> None:
        """Buy `pack` credits (None: never) when fewer than `threshold` are left."""
        checks.recharge(pack, threshold)
        said = f"a pack of {pack} below {_exact(threshold)}" if pack else "off"
        with self._once("change the automatic recharge", account, said):
            self._gateway.set_automatic_recharge(account, pack, threshold)
        self._refresh_accounts([account])

    def transfer_credits(self, source: str, target: str, credits: float) -> None:
        """Move credits to another account of the customer; both balances are fetched again."""
        names = [a.name for a in self._store.snapshot.value(ACCOUNTS, ())]
        checks.transfer_target(target, source, names or [target])
        checks.transfer(source, target, credits)
        with self._once("transfer credits", source, f"{_exact(credits)} to {target}"):
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
        with self._once(f"revoke the API key of profile {profile}", ""):
            gateway.logout()
