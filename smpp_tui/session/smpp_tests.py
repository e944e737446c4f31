"""The app's SMPP connection tests: at most one per account every 10 s, and none for a minute
after OVHcloud throttled the account's binds (`0x400`); the demo's own SMSC trusted in the
demo only."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from smpp_tui.api.smpp_steps import STATUS, Outcome, Step, Target
from smpp_tui.session.session import Session

EVERY = 10.0  # seconds between two tests of one account
THROTTLED_WAIT = 60.0  # after a 0x400: OVHcloud does not say how long, so a minute
THROTTLED = 0x400


class ConnectionTests:
    def __init__(
        self,
        session: Session,
        timeout: float = 5.0,
        step_clock: Callable[[], float] = time.perf_counter,
    ) -> None:
        self._session, self._timeout, self._step_clock = session, timeout, step_clock
        self._next: dict[str, float] = {}  # account -> when the next test may start
        self._lock = threading.Lock()

    def wait(self, account: str) -> float:
        """Seconds before `account` may be tested again (0: now)."""
        with self._lock:
            return max(0.0, self._next.get(account, 0.0) - self._session.clock())

    def start(self, account: str) -> bool:
        """Take the account's turn; False when it is not yet its turn."""
        with self._lock:
            now = self._session.clock()
            if self._next.get(account, 0.0) > now:
                return False
            self._next[account] = now + EVERY
            return True

    def run(
        self, account: str, target: Target, password: str, report: Callable[[Step], None]
    ) -> Outcome:
        """One test (its turn taken by `start`), blocking: on a worker thread."""
        from smpp_tui.api import smpp_check  # smpplib: loaded by the first test only

        smsc = self._session.smsc
        if smsc is not None:
            smsc.start()  # served already, unless the accounts never showed
        ca = smsc.ca_pem if smsc is not None else None
        outcome = smpp_check.run(
            target, password, report, ca=ca, timeout=self._timeout, clock=self._step_clock
        )
        failure = outcome.failure
        if failure is not None and failure.kind == STATUS and failure.status == THROTTLED:
            with self._lock:
                self._next[account] = self._session.clock() + THROTTLED_WAIT
        return outcome
