"""The History tab at 1,000, 20,000 and 100,000 SMS: how soon the first screenful shows, and
what memory scrolling 5,000 rows costs.

Runs the real app headless against the simulator with 40 ms of latency on every request. For
each size, a fresh process-wide world whose main account has that many SMS over 90 days (made
before the clock starts: OVHcloud holds its history already):

- first screenful: from `5` on the account until the table shows its first rows (median of 3);
- memory: the process's resident memory before opening the tab, and after the period `all`
  was scrolled down to 5,000 rows (`pagedown` until the table holds them).

Run: `.venv/bin/python tests/perf/bench_history.py`. Prints a table, writes JSON to
`tests/perf/results/bench_history.json`. Not collected by the default test run.
"""

from __future__ import annotations

import asyncio
import gc
import json
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input

from smpp_tui.api import ApplicationKey, Gateway
from smpp_tui.session import Session
from smpp_tui.simulator import Fault, Simulator, build_demo_world
from smpp_tui.store.resources import ACCOUNTS
from smpp_tui.tui.app import SmppApp
from smpp_tui.tui.screens.account import AccountScreen
from smpp_tui.tui.widgets.history import HistoryTable

LATENCY = 0.040
SIZES = (1_000, 20_000, 100_000)
RUNS = 5
SCROLLED = 5_000
ACCOUNT = "smpp-dc12345-1"
RESULTS = Path(__file__).parent / "results" / "bench_history.json"


def resident_mb() -> float:
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * 4096 / 2**20


async def until(condition: Callable[[], bool], timeout: float = 120) -> None:
    """Look every 5 ms, letting the app run in between (not waiting for it to be idle: the
    tab reads on in the background once its first rows show)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError
        await asyncio.sleep(0.005)


def app_on(sim: Simulator, keys) -> SmppApp:
    credentials = ApplicationKey(keys.application_key, keys.application_secret, keys.consumer_key)
    session = Session(Gateway.connect(sim.endpoint, credentials), "bench")
    session.today = lambda: datetime.fromtimestamp(sim.world.now(), UTC)
    app = SmppApp(session)
    app.animation_level = "none"
    return app


async def first_screenful(app: SmppApp, pilot: Pilot) -> float:
    await until(lambda: app.store.snapshot[ACCOUNTS].loaded)
    await pilot.press("enter")
    await until(lambda: isinstance(app.screen, AccountScreen))
    await pilot.pause(0.5)  # the Overview's first requests answered
    table = app.screen.query_one(HistoryTable)
    started = time.perf_counter()
    pressed = asyncio.create_task(pilot.press("5"))  # press() returns once the app is idle
    await until(lambda: table.row_count > 0)
    elapsed = time.perf_counter() - started
    await pressed
    return elapsed


async def scroll(app: SmppApp, pilot: Pilot, size: int) -> int:
    """The period `all`, then `pagedown` until 5,000 rows (or all there are) are in the table."""
    await pilot.press("slash")
    period = app.screen.query_one("#period", Input)
    period.value = "all"
    await pilot.press("enter")
    table = app.screen.query_one(HistoryTable)
    await until(lambda: table.row_count > 0)
    deadline = time.monotonic() + 300
    while table.row_count < min(SCROLLED, size) and time.monotonic() < deadline:
        await pilot.press("pagedown")
        await pilot.pause(0.01)
    return table.row_count


async def measure(size: int) -> dict:
    world, customers = build_demo_world(history=size)
    main = world.sms.accounts[ACCOUNT]
    assert len(main.traffic.outgoing) == size  # made now, not on the first request
    times: list[float] = []
    grown, rows = 0.0, 0
    with Simulator(world) as sim:
        sim.inject(Fault("latency", LATENCY))
        for run in range(RUNS):
            app = app_on(sim, customers[0].keys)
            async with app.run_test(size=(120, 40)) as pilot:
                gc.collect()
                before = resident_mb()
                times.append(await first_screenful(app, pilot))
                if run == 0:
                    rows = await scroll(app, pilot, size)
                    gc.collect()
                    grown = resident_mb() - before
    return {
        "sms": size,
        "first_screenful_s": round(statistics.median(times), 3),
        "runs_s": [round(t, 3) for t in times],
        "rows_scrolled": rows,
        "memory_grown_mb": round(grown, 1),
    }


def main() -> None:
    results = [asyncio.run(measure(size)) for size in SIZES]
    smallest = results[0]["first_screenful_s"]
    print(f"History tab, {LATENCY * 1000:.0f} ms latency, first screenful median of {RUNS}")
    print(f"{'SMS':>8} {'first rows (s)':>15} {'vs 1,000':>9} {'rows':>6} {'memory (MB)':>12}")
    for row in results:
        row["ratio_to_smallest"] = round(row["first_screenful_s"] / smallest, 2)
        print(
            f"{row['sms']:>8,} {row['first_screenful_s']:>15} {row['ratio_to_smallest']:>8}x"
            f" {row['rows_scrolled']:>6,} {row['memory_grown_mb']:>12}"
        )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({"latency_s": LATENCY, "results": results}, indent=2) + "\n")


if __name__ == "__main__":
    main()
