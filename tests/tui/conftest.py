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
    def __init__(self) -> None:
        self.now = 10_000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


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
    def make(**options) -> SmppApp:
        credentials = ApplicationKey(
            keys.application_key, keys.application_secret, keys.consumer_key
        )
        gateway = Gateway.connect(sim.endpoint, credentials, timeout=(1, 3))
        session = Session(gateway, "demo", clock=clock, backoff=Backoff(5, 300), tick=0.02)
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
