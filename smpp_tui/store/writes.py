"""The writes under way: one at a time per action and account, each one sent recorded in the
audit log with its outcome and OVHcloud's query id, success included.

When the app quits, it waits a little for the writes OVHcloud has not answered yet (`settle`);
those still unanswered then are recorded as sent, outcome unknown (`give_up`): the log never
misses a write that may have happened.

A log that cannot be written never stops a write (it may have happened already): the first
failure is told (`on_audit_failure`, once), and every later entry is tried all the same.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Protocol

from smpp_tui.api.errors import InvalidInput, ReadOnlyRefused
from smpp_tui.api.gateway import last_write_query_id

OK = "ok"
UNKNOWN = "sent, outcome unknown"


class ActionInProgress(Exception):
    """The same action is already under way; it was not sent again."""


@dataclass(frozen=True)
class Write:
    """A kind of write: what the audit log calls it (and what is done one at a time per
    account), and what the app waits for when quitting ("the password renewal")."""

    action: str
    named: str


class AuditTrail(Protocol):
    """Where every write sent is recorded (the session's audit log); `OSError` when it cannot
    be written, its message naming the file and why."""

    def record(self, account: str, action: str, result: str, query_id: str | None) -> None: ...


def unsent(error: Exception) -> bool:
    """The write was refused before anything was sent: what the user gave, read-only mode, or
    the same write under way."""
    return isinstance(error, InvalidInput | ReadOnlyRefused | ActionInProgress)


@dataclass(frozen=True, eq=False)  # each one its own: identity tells a write given up
class _Sending:
    write: Write
    account: str
    said: str  # the audit log's words: the action and its values ("add 192.0.2.10")


class Writes:
    def __init__(self, audit: AuditTrail | None) -> None:
        self._audit = audit
        self._changed = threading.Condition()
        self._waiting: dict[tuple[str, str], _Sending] = {}  # sent, not answered yet
        self._recording = 0  # answered, their entry being written
        self._audit_failed = False
        # Told of the first entry that could not be written; from the write's thread.
        self.on_audit_failure: Callable[[OSError], None] = lambda error: None

    @contextmanager
    def once(self, write: Write, account: str, values: str = "") -> Iterator[None]:
        """Send `write` to `account` within, unless it is under way already (then
        `ActionInProgress`); the audit log records `values`: the addresses, the sender..."""
        key = (write.action, account)
        sending = _Sending(write, account, f"{write.action}: {values}" if values else write.action)
        with self._changed:
            if key in self._waiting:
                raise ActionInProgress(
                    f"already asked to {write.action} for {account}; wait for it"
                )
            self._waiting[key] = sending
        try:
            yield
        except Exception as error:
            self._answered(key, sending, error)
            raise
        else:
            self._answered(key, sending, None)

    def _answered(self, key: tuple[str, str], sending: _Sending, error: Exception | None) -> None:
        with self._changed:
            if self._waiting.get(key) is not sending:
                return  # given up when the app quit: recorded already
            del self._waiting[key]
            self._recording += 1
        try:
            if error is None:
                # Read on the thread that sent the write, right after its answer.
                self._record(sending, OK, last_write_query_id())
            elif not unsent(error):
                self._record(sending, f"failed: {error}", getattr(error, "query_id", None))
        finally:
            with self._changed:
                self._recording -= 1
                self._changed.notify_all()

    def waiting(self) -> list[str]:
        """What OVHcloud has not answered yet, as the app names it ("the password renewal")."""
        with self._changed:
            return list(dict.fromkeys(s.write.named for s in self._waiting.values()))

    def settle(self, timeout: float) -> bool:
        """Wait until every write under way is answered and recorded, `timeout` seconds at most
        (blocking); False if some are still waiting."""
        with self._changed:
            return self._changed.wait_for(
                lambda: not self._waiting and not self._recording, timeout
            )

    def give_up(self) -> None:
        """The app quits: what is still unanswered is recorded as sent, outcome unknown (an
        answer arriving later records nothing more)."""
        with self._changed:
            left, self._waiting = list(self._waiting.values()), {}
        for sending in left:
            self._record(sending, UNKNOWN, None)

    def _record(self, sending: _Sending, result: str, query_id: str | None) -> None:
        if self._audit is None:
            return
        try:
            self._audit.record(sending.account, sending.said, result, query_id)
        except OSError as error:
            with self._changed:
                first, self._audit_failed = not self._audit_failed, True
            if first:
                self.on_audit_failure(error)
