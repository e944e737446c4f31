"""What one run of the app is connected to: the gateway and the knobs of its polling.

Opened from the command line (a profile, `--api-url`, or the demo) or by the connect flow, and
handed to the app; tests open one with an injected clock and short intervals.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from smpp_tui.api import Gateway
from smpp_tui.config import Config, Profile
from smpp_tui.session.alarm import Alarm, DaemonAlarm, OnError, Ring
from smpp_tui.store.backoff import Backoff
from smpp_tui.store.resources import Intervals, now_utc

if TYPE_CHECKING:
    from smpp_tui.session.mail import Mailbox
    from smpp_tui.simulator.smsc.server import Smsc


@dataclass
class Session:
    gateway: Gateway
    label: str  # what the header names: a profile, an endpoint, or "demo"
    clock: Callable[[], float] = time.monotonic  # intervals and ages
    today: Callable[[], datetime] = now_utc  # the calendar: "the last 30 days"
    intervals: Intervals = field(default_factory=Intervals)
    backoff: Backoff = field(default_factory=Backoff)
    requests_per_minute: int = 30
    # What wakes the app at a time to come (the poller's next look, the status line's next
    # age): daemon threads on the real clock, or the tests' clock.
    alarm: Callable[[Ring, OnError], Alarm] = DaemonAlarm
    on_close: Callable[[], None] | None = None  # stops the demo's simulator
    mailbox: Mailbox | None = None  # the demo's simulated e-mails (new SMPP passwords)
    # The demo's local SMSC: its ports named from the start, served once the accounts show.
    smsc: Smsc | None = None
    audit_path: Path | None = None  # where writes are logged (None: not logged, as in tests)
    # Settings and where they live (None: nothing to save to, as in most tests).
    config: Config = field(default_factory=Config)
    config_path: Path | None = None
    profile: Profile | None = None  # None for the demo and --api-url
    forced_read_only: bool = False  # --read-only: kept when switching profile

    @property
    def demo(self) -> bool:
        """On the built-in simulator (whose mail is read in process): nothing reaches OVHcloud."""
        return self.mailbox is not None

    @property
    def read_only(self) -> bool:
        """Writes are refused (by the gateway): `--read-only`, or the profile says so."""
        return self.gateway.read_only

    def accounts_shown(self) -> None:
        """The first screen is drawn: start what could wait for it (the demo's SMSC)."""
        if self.smsc is not None:
            self.smsc.start()

    def close(self) -> None:
        if self.on_close is not None:
            self.on_close()
