"""Who may bind, and what binds hold: OVHcloud's rules on one account (REFERENCE.md section 4),
as the simulator plays them.

The order of the checks is the simulator's own choice (OVHcloud does not publish it):
- an unknown SystemID: `0x0F`;
- a SystemID throttled by repeated failures: `0x400`, and the attempt counts as one more;
- a source address the account does not allow (its list as last changed): the connection is
  closed, no answer;
- an account that is not `SUCCESS` (`UPDATING_IP` included, while a change is applied): `0x0D`;
- a wrong password: `0x0E`;
- the role taken by another connection (one transmitter and one receiver, or one
  transceiver): `0x0D`.
"""

from __future__ import annotations

import hmac
from collections import deque
from typing import TYPE_CHECKING, Generic, NamedTuple, TypeVar

from smpp_tui.simulator.sms.account import SUCCESS

if TYPE_CHECKING:
    from smpp_tui.simulator.world import World

OK = 0x00
BIND_FAILED = 0x0D
BAD_PASSWORD = 0x0E
BAD_SYSTEM_ID = 0x0F
THROTTLED = 0x400  # OVHcloud's own: too many bind attempts

TRANSMITTER, RECEIVER, TRANSCEIVER = "transmitter", "receiver", "transceiver"
# A role and the roles it cannot be bound beside, on one account.
_CLASHES = {
    TRANSMITTER: {TRANSMITTER, TRANSCEIVER},
    RECEIVER: {RECEIVER, TRANSCEIVER},
    TRANSCEIVER: {TRANSMITTER, RECEIVER, TRANSCEIVER},
}
Link = TypeVar("Link")  # a connection: whatever the server holds a bind by
_FAILURES_KEPT = 1000  # SystemIDs whose recent failures are remembered: memory stays bounded


class Bind(NamedTuple):  # not a dataclass: the demo's start pays for making one (~0.5 ms)
    system_id: str
    password: str
    role: str
    source: str  # the connection's source address


class Binds(Generic[Link]):
    """The binds of one SMSC: who holds which role of which account, and recent failures."""

    def __init__(self, world: World) -> None:
        self._world = world
        self._held: dict[str, dict[Link, str]] = {}  # SystemID -> link -> role
        self._failures: dict[str, deque[float]] = {}

    def bind(self, bind: Bind, link: Link) -> int | None:
        """The bind's command status (`OK`: `link` now holds the role), or None: close the
        connection unanswered."""
        with self._world.lock:
            now = self._world.now()
            account = self._world.sms.accounts.get(bind.system_id)
            if account is None or not account.smpp:
                return self._failed(bind.system_id, now, BAD_SYSTEM_ID)
            if self._throttled(bind.system_id, now):
                return self._failed(bind.system_id, now, THROTTLED)
            if bind.source not in account.allowed_ips:
                return None
            if account.smpp_status(now) != SUCCESS:
                return BIND_FAILED
            if not hmac.compare_digest(bind.password.encode(), account.password.encode()):
                return self._failed(bind.system_id, now, BAD_PASSWORD)
            held = self._held.setdefault(bind.system_id, {})
            if _CLASHES[bind.role] & set(held.values()):
                return BIND_FAILED
            held[link] = bind.role
            return OK

    def release(self, link: Link) -> None:
        with self._world.lock:
            for held in self._held.values():
                held.pop(link, None)

    def receivers(self, system_id: str) -> list[Link]:
        """The links that take the account's delivery receipts."""
        with self._world.lock:
            held = self._held.get(system_id, {})
            return [link for link, role in held.items() if role != TRANSMITTER]

    def _throttled(self, system_id: str, now: float) -> bool:
        behaviour = self._world.sms.behaviour
        recent = self._failures.get(system_id, ())
        window = behaviour.bind_throttle_seconds
        return sum(now - at < window for at in recent) >= behaviour.bind_failures_throttled

    def _failed(self, system_id: str, now: float, status: int) -> int:
        if system_id not in self._failures and len(self._failures) >= _FAILURES_KEPT:
            del self._failures[next(iter(self._failures))]
        limit = max(self._world.sms.behaviour.bind_failures_throttled, 1)
        self._failures.setdefault(system_id, deque(maxlen=limit)).append(now)
        return status
