"""Running the real app on the simulator: an in-process server on a free port, the real
gateway over HTTP, and a clock the test moves (the poller's intervals and budget follow it)."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from smpp_tui.api import ApplicationKey, Gateway
from smpp_tui.session import Session
from smpp_tui.simulator import Simulator, build_demo_world
from smpp_tui.store import Backoff
from smpp_tui.tui.app import SmppApp


class Clock:
    """A clock the test moves; moving it rings the alarms it made whose time has come."""

    def __init__(self) -> None:
        self.now = 10_000.0
        self.alarms: list[ClockAlarm] = []

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds
        for alarm in list(self.alarms):
            alarm.ring_if_due()

    def alarm(self, ring: Callable[[], None], on_error: Callable[[Exception], None]) -> ClockAlarm:
        """The session's alarm (see `Session.alarm`), on this clock."""
        made = ClockAlarm(self, ring)
        self.alarms.append(made)
        return made


class ClockAlarm:
    def __init__(self, clock: Clock, ring: Callable[[], None]) -> None:
        self.clock, self.ring, self.at = clock, ring, None

    def set(self, delay: float | None) -> None:
        self.at = None if delay is None else self.clock.now + delay

    def close(self) -> None:
        self.clock.alarms.remove(self)

    def ring_if_due(self) -> None:
        if self.at is not None and self.at <= self.clock.now:
            self.at = None
            self.ring()


@pytest.fixture
def clock() -> Clock:
    """The app's clock (the poller's intervals and budget)."""
    return Clock()


@pytest.fixture
def sim_clock() -> Clock:
    """OVHcloud's clock: moving it settles IP changes and reviews senders."""
    started = Clock()
    started.now = 1_795_608_000.0  # 2026-11-25 12:00 UTC: dates in snapshots never move
    return started


@pytest.fixture
def demo(sim_clock):
    return build_demo_world(sim_clock)


@pytest.fixture
def make_app(sim: Simulator, keys, clock: Clock) -> Callable[..., SmppApp]:
    def make(*, read_only: bool = False, **options) -> SmppApp:
        credentials = ApplicationKey(
            keys.application_key, keys.application_secret, keys.consumer_key
        )
        gateway = Gateway.connect(sim.endpoint, credentials, timeout=(1, 3), read_only=read_only)
        session = Session(gateway, "demo", clock=clock, backoff=Backoff(5, 300), alarm=clock.alarm)
        for name, value in options.items():
            setattr(session, name, value)
        return SmppApp(session)

    return make


async def wait_for(
    pilot, condition: Callable[[], bool], what: str | Callable[[], str], timeout: float = 5
) -> None:
    """Let the app run until `condition()` holds (a worker ended, a row showed up)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what() if callable(what) else what}")
        await pilot.pause(0.02)
