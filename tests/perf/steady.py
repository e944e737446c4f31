"""Requests a minute in steady state, and how old the visible rows' SMPP statuses get.

Runs the real app headless on the simulator (the demo's customer with `scale` x 200 more
accounts, OVHcloud's ids-only lists), lets the first load finish, then moves the app's clock
through simulated minutes, second by second, counting the requests the simulator answered and,
at each second, the age of the oldest SMPP status among the visible rows (the time since its
settings were last read). The budget: at most 30 requests a minute per profile, whatever the
number of accounts, and no visible status older than its interval plus a minute.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from textual.pilot import Pilot

from smpp_tui.api import ApplicationKey, Gateway
from smpp_tui.session import Session
from smpp_tui.simulator import Simulator, build_demo_world
from smpp_tui.store.resources import ACCOUNTS, settings_key
from smpp_tui.tui.app import SmppApp
from smpp_tui.tui.screens.accounts import AccountsScreen
from tests.conftest import Clock

# Simulated minutes before counting: the first load's burst leaves the budget's window, then the
# rows it loaded all at once, all as old, are read again at the budget's pace (see the poller).
WARM_UP = 4
MINUTES = 5
SIZE = (120, 40)


@dataclass(frozen=True)
class Steady:
    accounts: int
    first_load_requests: int
    requests_per_minute: float
    oldest_status_s: float  # the oldest visible SMPP status seen, in simulated seconds


async def until(pilot: Pilot[None], condition: Callable[[], bool], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError
        await pilot.pause(0.01)


def oldest_status(app: SmppApp, clock: Clock) -> float:
    screen = app.screen
    assert isinstance(screen, AccountsScreen)
    snapshot = app.store.snapshot
    ages = [
        clock() - entry.fetched_at
        for name in screen.table.visible_accounts()
        if (entry := snapshot[settings_key(name)]).fetched_at is not None
    ]
    return max(ages, default=0.0)


async def run_for(pilot: Pilot[None], clock: Clock, seconds: int) -> float:
    """Move the clock second by second, each second's requests answered before the next
    (they take no simulated time); the oldest visible status seen."""
    app = pilot.app
    assert isinstance(app, SmppApp)
    oldest = 0.0
    for _ in range(seconds):
        clock.advance(1)
        await pilot.pause(0.002)
        await until(pilot, lambda: not app.poller.in_flight)
        oldest = max(oldest, oldest_status(app, clock))
    return oldest


async def measure(scale: int, minutes: int = MINUTES) -> Steady:
    world, customers = build_demo_world(scale=scale, history=0)
    keys = customers[0].keys
    clock = Clock(10_000.0)
    with Simulator(world) as sim:
        credentials = ApplicationKey(
            keys.application_key, keys.application_secret, keys.consumer_key
        )
        gateway = Gateway.connect(sim.endpoint, credentials)
        app = SmppApp(Session(gateway, "bench", clock=clock, alarm=clock.alarm))
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: app.store.snapshot[ACCOUNTS].loaded)
            await until(pilot, lambda: not app.poller.in_flight)
            first_load = len(sim.exchanges)
            await run_for(pilot, clock, WARM_UP * 60)
            before = len(sim.exchanges)
            oldest = await run_for(pilot, clock, minutes * 60)
            steady = (len(sim.exchanges) - before) / minutes
        accounts = len(app.store.snapshot.value(ACCOUNTS, ()))
    return Steady(accounts, first_load, round(steady, 1), oldest)
