"""Time to load 200 SMS accounts with 40 ms of latency, with and without expanded lists.

Run: `.venv/bin/python tests/perf/bench_accounts.py`. Prints a table, writes JSON to
`tests/perf/results/bench_accounts.json`. Not collected by the default test run.
"""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

from smpp_tui.api import ApplicationKey, Gateway
from smpp_tui.simulator import Fault, Simulator, build_demo_world

LATENCY = 0.040
ACCOUNTS = 200
RUNS = 3
RESULTS = Path(__file__).parent / "results" / "bench_accounts.json"


def _world():
    for scale in range(1, 50):
        world, customers = build_demo_world(seed=0, scale=scale)
        owned = world.sms.names_of(customers[0].customer.nichandle)
        if len(owned) >= ACCOUNTS:
            return world, customers
    raise SystemExit("the demo world cannot scale to 200 accounts")


def measure(sim: Simulator, keys, expanded: bool) -> dict:
    sim.world.sms.behaviour.expanded_lists = expanded
    times, requests = [], 0
    for _ in range(RUNS):
        gateway = Gateway.connect(
            sim.endpoint,
            ApplicationKey(keys.application_key, keys.application_secret, keys.consumer_key),
        )
        gateway.connection.sync_clock()  # the clock is fetched once per session, not counted
        before = len(sim.exchanges)
        started = time.perf_counter()
        accounts = gateway.list_accounts()
        times.append(time.perf_counter() - started)
        requests = len(sim.exchanges) - before
    return {
        "mode": "expanded lists" if expanded else "ids + per-id fetch",
        "accounts": len(accounts),
        "requests": requests,
        "median_s": round(statistics.median(times), 3),
        "runs_s": [round(t, 3) for t in times],
    }


def main() -> None:
    world, customers = _world()
    keys = customers[0].keys
    with Simulator(world) as sim:
        sim.inject(Fault("latency", LATENCY))
        rows = [measure(sim, keys, expanded) for expanded in (True, False)]
    print(f"load {ACCOUNTS}+ accounts, {LATENCY * 1000:.0f} ms latency, median of {RUNS}")
    print(f"{'mode':<22} {'accounts':>8} {'requests':>8} {'seconds':>8}")
    for row in rows:
        print(f"{row['mode']:<22} {row['accounts']:>8} {row['requests']:>8} {row['median_s']:>8}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({"latency_s": LATENCY, "results": rows}, indent=2) + "\n")


if __name__ == "__main__":
    main()
