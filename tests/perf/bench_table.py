"""What an answer about one account costs the accounts table, at 9, 209 and 1,009 accounts.

Runs the real app headless on the demo's simulator (`--scale` 0, 1 and 5), waits for the list,
then redraws the table for an answer about one account's SMPP status, two ways, in one run:
- "every row": what each answer cost before (every row built again, then compared);
- "its row": what it costs now (the rows of the accounts the answer is about);
and ("list") what an answer about the account list costs now: every row compared, none built;
and ("filter") a keystroke in the filter that alternately cuts the rows and brings them back.
Each figure is the median of `REPEATS` redraws, in milliseconds; the ratio is measured side by
side, so the machine's speed cancels out.

Run: `.venv/bin/python tests/perf/bench_table.py`. Prints a table, writes JSON to
`tests/perf/results/bench_table.json`. Not collected by the default test run.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from smpp_tui.api import ApplicationKey, Gateway
from smpp_tui.session.session import Session
from smpp_tui.simulator import Simulator, build_demo_world
from smpp_tui.store.resources import ACCOUNTS, settings_key
from smpp_tui.store.snapshot import Snapshot
from smpp_tui.store.store import Change
from smpp_tui.tui.app import SmppApp
from smpp_tui.tui.screens.accounts import AccountsScreen
from smpp_tui.tui.widgets.account_rows import AccountRows

RESULTS = Path(__file__).parent / "results" / "bench_table.json"
REPEATS = 30
ACCOUNT = "smpp-dc12345-1"


def median_ms(redraw: Callable[[], None]) -> float:
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        redraw()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


async def measure(scale: int) -> dict[str, float]:
    app = SmppApp(scaled_session(scale))
    async with app.run_test(size=(120, 40)) as pilot:
        while not app.store.snapshot[ACCOUNTS].loaded:
            await pilot.pause(0.05)
        screen = app.screen
        assert isinstance(screen, AccountsScreen)
        snapshot = app.store.snapshot
        answer = Change(snapshot, frozenset({settings_key(ACCOUNT)}))

        def every_row() -> None:  # as before: every row built, then compared with the shown
            screen.table.show_rows(AccountRows().rows(snapshot, screen.view))

        figures = {
            "accounts": len(snapshot.value(ACCOUNTS)),
            "every row ms": median_ms(every_row),
            "its row ms": median_ms(lambda: screen.store_changed(answer)),
            "list again ms": median_ms(lambda: screen.show_snapshot(snapshot)),
            "filter ms": median_ms(lambda: filtered(screen, snapshot, "dc12345-1")),
        }
    figures["ratio"] = figures["every row ms"] / figures["its row ms"]
    return figures


def filtered(screen: AccountsScreen, snapshot: Snapshot, query: str) -> None:
    """What a keystroke in the filter field does, without the field: from all to some, and
    back, alternately."""
    screen.query_text = "" if screen.query_text else query
    screen.show_snapshot(snapshot)


def scaled_session(scale: int) -> Session:
    """The demo's customer, with `scale` x 200 more accounts."""
    world, customers = build_demo_world(seed=0, scale=scale, history=0)
    simulator = Simulator(world).start()
    keys = customers[0].keys
    credentials = ApplicationKey(keys.application_key, keys.application_secret, keys.consumer_key)
    gateway = Gateway.connect(simulator.endpoint, credentials)
    return replace(Session(gateway, "bench"), on_close=simulator.stop)


def main() -> None:
    rows = [asyncio.run(measure(scale)) for scale in (0, 1, 5)]
    print(
        f"{'accounts':>9} {'every row ms':>13} {'its row ms':>11} {'ratio':>7} {'list ms':>8}"
        f" {'filter ms':>10}"
    )
    for row in rows:
        print(
            f"{row['accounts']:>9} {row['every row ms']:>13.2f} {row['its row ms']:>11.2f}"
            f" {row['ratio']:>6.0f}x {row['list again ms']:>8.2f} {row['filter ms']:>10.2f}"
        )
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(rows, indent=2) + "\n")


if __name__ == "__main__":
    main()
