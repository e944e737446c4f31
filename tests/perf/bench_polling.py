"""Requests per minute the app sends in steady state, and the time to show the accounts.

Runs the real app headless on the simulator (demo data, then `--scale` data), lets the first
load finish, then moves the app's clock through simulated minutes and counts the requests the
simulator answered. The budget is 30 a minute per profile, whatever the number of accounts.

Run: `.venv/bin/python tests/perf/bench_polling.py`. Prints a table, writes JSON to
`tests/perf/results/bench_polling.json`. Not collected by the default test run.
"""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path

from smpp_tui.api import ApplicationKey, Gateway
from smpp_tui.session import Session
from smpp_tui.simulator import Simulator, build_demo_world
from smpp_tui.store.resources import ACCOUNTS
from smpp_tui.tui.app import SmppApp
from tests.conftest import Clock

MINUTES = 5
RESULTS = Path(__file__).parent / "results" / "bench_polling.json"


async def until(pilot, condition, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError
        await pilot.pause(0.01)


async def measure(scale: int, expanded: bool) -> dict:
    world, customers = build_demo_world(scale=scale)
    world.sms.behaviour.expanded_lists = expanded
    keys = customers[0].keys
    clock = Clock(10_000.0)
    with Simulator(world) as sim:
        credentials = ApplicationKey(
            keys.application_key, keys.application_secret, keys.consumer_key
        )
        gateway = Gateway.connect(sim.endpoint, credentials)
        session = Session(gateway, "bench", clock=clock, alarm=clock.alarm)
        app = SmppApp(session)
        started = time.perf_counter()
        async with app.run_test(size=(120, 40)) as pilot:
            await until(pilot, lambda: app.store.snapshot[ACCOUNTS].loaded)
            shown = time.perf_counter() - started
            first_load = len(sim.exchanges)
            clock.advance(60)  # the first load's burst leaves the budget's window
            await pilot.pause(0.05)
            before = len(sim.exchanges)
            for _ in range(MINUTES * 60):
                clock.advance(1)
                await pilot.pause(0.005)
            await until(pilot, lambda: not app.poller.in_flight)
            steady = (len(sim.exchanges) - before) / MINUTES
        accounts = len(app.store.snapshot.value(ACCOUNTS, ()))
    return {
        "data": f"--scale {scale}" if scale else "demo",
        "lists": "expanded" if expanded else "per id",
        "accounts": accounts,
        "accounts_shown_s": round(shown, 3),
        "first_load_requests": first_load,
        "steady_requests_per_minute": round(steady, 1),
    }


def main() -> None:
    rows = [asyncio.run(measure(scale, expanded)) for scale in (0, 1) for expanded in (True, False)]
    header = (
        f"{'data':10} {'lists':9} {'accounts':>8} {'shown in':>9} {'1st load':>9} {'req/min':>8}"
    )
    print(header)
    for row in rows:
        print(
            f"{row['data']:10} {row['lists']:9} {row['accounts']:>8} "
            f"{row['accounts_shown_s']:>8.3f}s {row['first_load_requests']:>9} "
            f"{row['steady_requests_per_minute']:>8}"
        )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
