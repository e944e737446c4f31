"""Everything that keeps one session's data live: the store, the request budget, the poller
and its alarm, the watches and the actions, wired to one gateway. Switching profile builds a
new one, so nothing of the old session's data or schedule carries over. It loads the account
list (every session opens on it) from the moment it is made, before anyone listens to it."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from smpp_tui.config import Profile
from smpp_tui.session import threads
from smpp_tui.session.audit import AuditLog
from smpp_tui.session.open import connect_profile
from smpp_tui.session.session import Session
from smpp_tui.session.smpp_tests import ConnectionTests
from smpp_tui.store.actions import Actions
from smpp_tui.store.budget import RequestBudget
from smpp_tui.store.poller import Poller
from smpp_tui.store.resources import Resources
from smpp_tui.store.store import Change, Store

if TYPE_CHECKING:
    from smpp_tui.store.export import Export
    from smpp_tui.store.history import HistoryBrowser, HistoryQuery


@dataclass(frozen=True)
class Listener:
    on_change: Callable[[Change], None]
    on_error: Callable[[Exception], None]

    def tell(self, news: Change | Exception) -> None:
        if isinstance(news, Exception):
            self.on_error(news)
        else:
            self.on_change(news)


class Live:
    def __init__(self, session: Session) -> None:
        """Starts loading the account list at once, the first screen of every session, while
        the app is still being built; whoever shows the session then `listen`s to it."""
        self.session = session
        # Jobs tell from other threads: the lock hands what came before `listen` over in
        # order, before anything after, and loses none of it.
        self._lock = threading.Lock()
        self._listener: Listener | None = None
        self._unheard: list[Change | Exception] = []
        self.store = Store()
        self.budget = RequestBudget(session.requests_per_minute, session.clock)
        session.gateway.connection.on_request = self.budget.record
        self.alarm = session.alarm(lambda: self.poller.tick(), self._failed)
        self.poller = Poller(
            self.store,
            lambda job: threads.launch(job, self._failed),
            clock=session.clock,
            budget=self.budget,
            backoff=session.backoff,
            alarm=self.alarm.set,
        )
        self.resources = Resources(session.gateway, session.intervals, session.today)
        audit = AuditLog(session.audit_path, session.label) if session.audit_path else None
        self.actions = Actions(session.gateway, self.store, self.poller, session.clock, audit)
        self.connection_tests = ConnectionTests(session)
        self._unsubscribe = self.store.subscribe(self._changed)
        self.poller.show([self.resources.accounts()])

    def listen(
        self, on_change: Callable[[Change], None], on_error: Callable[[Exception], None]
    ) -> None:
        """`on_change` hears of every change of the store from now on (what changed before is
        in its snapshot, but a change of the link's health, whose notice would be lost, is
        told now), `on_error` of every bug of a background job, those before too. Both are
        called from any thread."""
        with self._lock:
            self._listener = Listener(on_change, on_error)
            for news in self._unheard:
                self._listener.tell(news)
            self._unheard.clear()

    def _changed(self, change: Change) -> None:
        self._heard(change, keep=change.health_changed)

    def _failed(self, error: Exception) -> None:
        self._heard(error, keep=True)

    def _heard(self, news: Change | Exception, *, keep: bool) -> None:
        with self._lock:
            listener = self._listener
            if listener is None and keep:
                self._unheard.append(news)
        if listener is not None:
            listener.tell(news)

    def history(self, account: str, query: HistoryQuery) -> HistoryBrowser:
        """A browser of `account`'s history under `query` (nothing asked yet)."""
        from smpp_tui.store.history import HistoryBrowser  # loaded with the History tab

        return HistoryBrowser(self.session.gateway, account, query, self.session.today)

    def export(self, account: str, query: HistoryQuery, folder: Path) -> Export:
        """A CSV export of `account`'s history under `query` into `folder` (not started)."""
        from smpp_tui.api.download import download  # loaded with the first export
        from smpp_tui.store.export import Export

        gateway = self.session.gateway
        fetch = partial(download, timeout=gateway.connection.timeout)
        return Export(gateway, account, query, folder, self.session.today, fetch)

    def revoke_key(self, profile: Profile) -> None:
        """Expire another profile's API key on OVHcloud (blocking; audited like any write)."""
        self.actions.revoke_key(connect_profile(profile), profile.name)

    def close(self) -> None:
        """Stop hearing of this session: refreshes still in flight land in a store no one reads."""
        self._unsubscribe()
        self.poller.show([])
        self.alarm.close()
        # Stopping the demo's simulator waits for its server thread: not on the caller's time.
        threads.launch(self.session.close, self._failed)
