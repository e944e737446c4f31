"""How often an app left alone wakes up: timers, not ticks.

Runs the real app headless on the demo's simulator, on the real clock, and leaves it alone for a
minute on each of three screens, counting what woke it: the poller's alarm rings, the requests
sent, and every message any part of the app handled (each one a wake-up of the event loop).

- the profiles screen: the key's rights are polled every 10 minutes, so nothing is due;
- an account's Overview: its SMPP settings are due every 30 s, the rest every 10 minutes;
- the accounts list: each visible SMPP row's status and IPs, every 30 s, within the budget.

Run: `.venv/bin/python tests/perf/bench_idle.py [SECONDS]`. Prints a table, writes JSON to
`tests/perf/results/bench_idle.json`. Not collected by the default test run.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from pathlib import Path

from textual.message import Message
from textual.pilot import Pilot

from smpp_tui.session.open import demo_session
from smpp_tui.store.resources import ACCOUNTS
from smpp_tui.tui.app import SmppApp
from smpp_tui.tui.screens.account import AccountScreen
from smpp_tui.tui.screens.profiles import ProfilesScreen

RESULTS = Path(__file__).parent / "results" / "bench_idle.json"


async def until(pilot: Pilot, condition: Callable[[], bool]) -> None:
    deadline = time.monotonic() + 30
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError
        await pilot.pause(0.05)


async def on_accounts(pilot: Pilot) -> None:
    app = pilot.app
    assert isinstance(app, SmppApp)
    await until(pilot, lambda: app.store.snapshot[ACCOUNTS].loaded)


async def on_overview(pilot: Pilot) -> None:
    await on_accounts(pilot)
    await pilot.press("enter")
    await until(pilot, lambda: isinstance(pilot.app.screen, AccountScreen))


async def on_profiles(pilot: Pilot) -> None:
    await on_accounts(pilot)
    await pilot.press("p")
    await until(pilot, lambda: isinstance(pilot.app.screen, ProfilesScreen))


async def measure(arrive: Callable[[Pilot], Awaitable[None]], seconds: float) -> dict:
    session = demo_session()
    session.audit_path = None
    app = SmppApp(session)
    heard: Counter[str] = Counter()
    counting = False

    def hear(message: Message) -> None:
        if counting:
            heard[type(message).__name__] += 1

    async with app.run_test(size=(120, 40), message_hook=hear) as pilot:
        await arrive(pilot)
        await pilot.pause(5)  # the first loads and their redraws are over
        live = app.live_session
        connection = live.session.gateway.connection
        sent, record = [0], connection.on_request

        def count_and_record() -> None:
            sent[0] += 1
            record()

        connection.on_request = count_and_record
        rings, cpu, counting = live.alarm.rings, time.process_time(), True
        await asyncio.sleep(seconds)
        counting = False
        minutes = seconds / 60
        return {
            "alarm rings/min": (live.alarm.rings - rings) / minutes,
            "requests/min": sent[0] / minutes,
            "messages/min": sum(heard.values()) / minutes,
            "cpu %": 100 * (time.process_time() - cpu) / seconds,
            "messages": dict(heard.most_common(6)),
        }


def main() -> None:
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 60.0
    screens = {"profiles": on_profiles, "overview": on_overview, "accounts": on_accounts}
    results = {name: asyncio.run(measure(arrive, seconds)) for name, arrive in screens.items()}
    print(f"{'screen':10} {'alarm/min':>10} {'requests/min':>13} {'messages/min':>13} {'cpu %':>6}")
    for name, row in results.items():
        print(
            f"{name:10} {row['alarm rings/min']:>10.1f} {row['requests/min']:>13.1f}"
            f" {row['messages/min']:>13.1f} {row['cpu %']:>6.2f}"
        )
        print(f"{'':10} {row['messages']}")
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps({"seconds": seconds, "results": results}, indent=2))


if __name__ == "__main__":
    main()
