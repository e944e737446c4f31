"""Writes, as store actions: check what the user typed, call the gateway, record in the store
what the write returned, mark what else it changed as out of date and refresh it, and append
every write sent to the audit log.

Blocking (the app runs them off its event loop). An action already under way for the same
thing is refused rather than sent twice: a double key press never regenerates two passwords.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Protocol

from smpp_tui.api import Gateway, checks
from smpp_tui.api.errors import InvalidInput, ReadOnlyRefused
from smpp_tui.api.models import ALLOWED_IPS_LIMIT, AllowedIps
from smpp_tui.store.poller import Poller
from smpp_tui.store.resources import ips_key, settings_key
from smpp_tui.store.store import Store


class ActionInProgress(Exception):
    """The same action is already under way; it was not sent again."""


class AuditTrail(Protocol):
    """Where every write sent is recorded (the session's audit log)."""

    def record(self, account: str, action: str, error: Exception | None = None) -> None: ...


class Actions:
    def __init__(
        self,
        gateway: Gateway,
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
    def _once(self, action: str, account: str) -> Iterator[None]:
        """One at a time per action and account; every attempt sent goes to the audit log."""
        key = (action, account)
        with self._lock:
            if key in self._running:
                raise ActionInProgress(f"already asked to {action} for {account}; wait for it")
            self._running.add(key)
        try:
            yield
        except Exception as error:
            self._record(account, action, error)
            raise
        else:
            self._record(account, action)
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

    def revoke_key(self, gateway: Gateway, profile: str) -> None:
        """Expire the API key `gateway` signs with (another profile's): it stops working."""
        with self._once(f"revoke the API key of profile {profile}", ""):
            gateway.logout()
