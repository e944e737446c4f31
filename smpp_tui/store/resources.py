"""The resources screens can show, as poller watches over the gateway.

Keys are shared: the accounts screen and an account's screen read the same `("settings", name)`
entry, so opening an account shows what the list already fetched.

On the accounts screen the budget goes to the rows' SMPP status first. A row's IP count and
the list's own re-read (credits, descriptions, new accounts) are details (`detail=True`): when
the budget is short they wait, but for a tenth of it (see the poller on sharing the budget; the
figures this gives are the harness's). An account's own screen still polls its IPs at their
interval, not as a detail. When OVHcloud lists ids only, a re-read of the list reads its names
and `ROWS_A_TURN` of the rows on screen, in turn: reading a whole screen of rows at once would
cost more than a minute's budget, and the statuses would wait for it. So a row's credits are
read again seldom on a long list, unless the user asks (`r` reads them all) or opens the
account.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from smpp_tui.api.fanout import fan_out
from smpp_tui.api.lists import PAGE_SIZE
from smpp_tui.api.models import Account, SmppSettings, Usage
from smpp_tui.store.ovhcloud import OvhCloud
from smpp_tui.store.poller import Watch
from smpp_tui.store.snapshot import ResourceKey

ACCOUNTS: ResourceKey = ("accounts",)
ME: ResourceKey = ("me",)
CREDENTIAL: ResourceKey = ("credential",)  # the API key in use: its rights and expiry


def settings_key(account: str) -> ResourceKey:
    return ("settings", account)


def ips_key(account: str) -> ResourceKey:
    return ("ips", account)


def service_key(account: str) -> ResourceKey:
    return ("service", account)


def senders_key(account: str) -> ResourceKey:
    return ("senders", account)


def usage_key(account: str) -> ResourceKey:
    return ("usage", account)


USAGE_DAYS = 30  # the Credits tab tells what the last 30 days used


def now_utc() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Intervals:
    """Seconds between refreshes of each kind of resource (all injectable)."""

    default: float = 30.0
    settling: float = 5.0  # SMPP settings while an IP change is being applied
    rare: float = 600.0  # what seldom changes: the customer's e-mail, a service's expiry
    new_sms: float = 60.0  # the History tab counts what arrived since it read, no more often


ROWS_A_TURN = 2  # rows on screen a re-read of a list of ids reads again


class Resources:
    """Builds the watches over what the app asks of OVHcloud."""

    def __init__(
        self,
        gateway: OvhCloud,
        intervals: Intervals | None = None,
        today: Callable[[], datetime] = now_utc,
    ) -> None:
        self.gateway = gateway
        self.intervals = intervals or Intervals()
        self.today = today  # the calendar's now, for "the last 30 days"
        self._turn = 0  # where the next re-read of a list of ids starts among the rows shown

    def accounts(
        self, known: tuple[Account, ...] = (), visible: Sequence[str] = (), *, detail: bool = False
    ) -> Watch:
        """The account list: whole when OVHcloud sends pages of objects (one request a page),
        else the names, the new accounts and, in turn, `ROWS_A_TURN` of those `visible` (all of
        them when the user asks, with `r`): a request a row at each refresh would cost more
        than a minute's budget for a long list. A `detail` of the list screen (see above)."""
        interval = self.intervals.default
        if self.gateway.expanded_lists or not known:
            pages = -(-max(1, len(known)) // PAGE_SIZE)
            cost = pages if self.gateway.expanded_lists else 1 + len(known)
            return Watch(ACCOUNTS, self.gateway.list_accounts, interval, cost, detail)
        fetch = functools.partial(self._reread_in_turn, known, tuple(visible))
        whole = functools.partial(self._reread, known, frozenset(visible))
        cost = 1 + min(len(visible), ROWS_A_TURN)
        return Watch(ACCOUNTS, fetch, interval, cost, detail, whole)

    def _reread_in_turn(
        self, known: tuple[Account, ...], visible: tuple[str, ...]
    ) -> tuple[Account, ...]:
        return self._reread(known, frozenset(self._rows_this_turn(visible)))

    def _reread(self, known: tuple[Account, ...], again: frozenset[str]) -> tuple[Account, ...]:
        """The names, then the accounts not known and those `again`."""
        names = self.gateway.account_names()
        kept = {account.name: account for account in known if account.name in names}
        stale = [name for name in names if name not in kept or name in again]
        for account in fan_out(self.gateway.account, stale):
            kept[account.name] = account
        return tuple(sorted(kept.values(), key=lambda account: account.name))

    def _rows_this_turn(self, visible: tuple[str, ...]) -> list[str]:
        if len(visible) <= ROWS_A_TURN:
            return list(visible)
        start = self._turn % len(visible)
        self._turn = start + ROWS_A_TURN
        return [*visible, *visible][start : start + ROWS_A_TURN]

    def settings(self, account: str, shown: SmppSettings | None = None) -> Watch:
        """The SMPP settings, followed closely while the status `shown` is UPDATING_IP."""
        settling = shown is not None and shown.status == "UPDATING_IP"
        interval = self.intervals.settling if settling else self.intervals.default
        return Watch(settings_key(account), lambda: self.gateway.smpp_settings(account), interval)

    def allowed_ips(self, account: str, *, detail: bool = False) -> Watch:
        fetch = functools.partial(self.gateway.allowed_ips, account)
        return Watch(ips_key(account), fetch, self.intervals.default, detail=detail)

    def service_info(self, account: str) -> Watch:
        fetch = functools.partial(self.gateway.service_info, account)
        return Watch(service_key(account), fetch, self.intervals.rare)

    def me(self) -> Watch:
        return Watch(ME, self.gateway.me, self.intervals.rare)

    def senders(self, account: str) -> Watch:
        # A sender waiting for the moderator is seen to change as this refreshes.
        fetch = functools.partial(self.gateway.senders, account)
        return Watch(senders_key(account), fetch, self.intervals.default)

    def usage(self, account: str, known: Usage | None = None) -> Watch:
        """What the last 30 days of SMS used: one request for the count, plus one per page of
        500 when OVHcloud sends whole pages; rarely, as it changes slowly."""
        pages = -(-known.messages // PAGE_SIZE) if known is not None else 1
        fetch = functools.partial(self._usage, account)
        return Watch(usage_key(account), fetch, self.intervals.rare, cost=1 + pages)

    def _usage(self, account: str) -> Usage:
        since = self.today() - timedelta(days=USAGE_DAYS)
        return self.gateway.usage(account, since.replace(microsecond=0))

    def credential(self) -> Watch:
        return Watch(CREDENTIAL, self.gateway.current_credential, self.intervals.rare)
