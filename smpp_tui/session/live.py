"""Everything that keeps one session's data live: the store, the request budget, the poller
and its alarm, the watches and the actions, wired to one gateway. Switching profile builds a
new one, so nothing of the old session's data or schedule carries over."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from smpp_tui.config import Profile
from smpp_tui.session import threads
from smpp_tui.session.audit import AuditLog
from smpp_tui.session.open import connect_profile
from smpp_tui.session.session import Session
from smpp_tui.store.actions import Actions
from smpp_tui.store.budget import RequestBudget
from smpp_tui.store.poller import Poller
from smpp_tui.store.resources import Resources
from smpp_tui.store.store import Change, Store

if TYPE_CHECKING:
    from smpp_tui.store.export import Export
    from smpp_tui.store.history import HistoryBrowser, HistoryQuery


class Live:
    def __init__(
        self,
        session: Session,
        on_change: Callable[[Change], None],
        on_error: Callable[[Exception], None],
    ) -> None:
        """`on_change` hears of every change of the store, `on_error` of a bug in a background
        job; both are called from other threads."""
        self.session = session
        self._on_error = on_error
        self.store = Store()
        self.budget = RequestBudget(session.requests_per_minute, session.clock)
        session.gateway.connection.on_request = self.budget.record
        self.alarm = session.alarm(lambda: self.poller.tick(), on_error)
        self.poller = Poller(
            self.store,
            lambda job: threads.launch(job, on_error),
            clock=session.clock,
            budget=self.budget,
            backoff=session.backoff,
            alarm=self.alarm.set,
        )
        self.resources = Resources(session.gateway, session.intervals, session.today)
        audit = AuditLog(session.audit_path, session.label) if session.audit_path else None
        self.actions = Actions(session.gateway, self.store, self.poller, session.clock, audit)
        self._unsubscribe = self.store.subscribe(on_change)

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
        threads.launch(self.session.close, self._on_error)
