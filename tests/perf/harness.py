"""Every speed budget of smpp-tui, measured in one run, in one table.

Run: `.venv/bin/python -m tests.perf.harness` (after `.venv/bin/pip install -e '.[test,perf]'`).
Prints the table and writes it as JSON to `tests/perf/results/harness.json`; exits 1 when a
budget does not hold. About three minutes on a 2-core machine.

Each figure is measured beside its reference in the same run, repetitions interleaved, and the
median kept, so that the machine's speed and load cancel out in the ratios:
- the bare Textual app (`bare_app.py`: Header, DataTable, Footer) showing the same rows, for
  what a user feels (see `in_terminal.py`: real processes in a pseudo-terminal); beside the
  starts, the bare app importing the `ovh` client too, the floor of smpp-tui's start;
- `python -c 'import argparse'` for `smpp-tui --version`;
- none for the request counts (see `steady.py`: the real app on a simulated clock), whose budget
  is absolute.
"""

from __future__ import annotations

import asyncio
import compileall
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import smpp_tui
from tests.perf import in_terminal, steady
from tests.perf.in_terminal import Customer, Runs
from tests.perf.terminal import Terminal, child_env

REPEATS = 9
IDLE_SECONDS = 60.0
CATCH_UP = 0.5  # seconds a process resumed is left to answer what came due meanwhile
RESULTS = Path(__file__).parent / "results" / "harness.json"


@dataclass(frozen=True)
class Figure:
    name: str
    ours: float
    reference: float | None  # the same figure of the reference, measured beside it
    unit: str  # "s", "ms", "%", "requests", "bytes"
    budget: str  # in words
    holds: bool

    @property
    def ratio(self) -> float | None:
        if self.reference is None or self.reference <= 0:
            return None
        return self.ours / self.reference


def within(name: str, ours: float, reference: float, unit: str, times: float) -> Figure:
    budget = f"<= {times:g}x"
    return Figure(name, ours, reference, unit, budget, ours <= times * reference)


def at_most(
    name: str, ours: float, limit: float, unit: str, reference: float | None = None
) -> Figure:
    return Figure(name, ours, reference, unit, f"<= {limit:g} {unit}", ours <= limit)


def interleaved(measures: dict[str, Callable[[], float]]) -> dict[str, float]:
    """The median of `REPEATS` runs of each, taking turns."""
    runs: dict[str, list[float]] = {name: [] for name in measures}
    for _ in range(REPEATS):
        for name, measure in measures.items():
            runs[name].append(measure())
    return {name: statistics.median(values) for name, values in runs.items()}


def starts() -> list[Figure]:
    small = Customer(scale=0)
    try:
        runs, names = Runs(small), small.names()
        times = interleaved(
            {
                "bare": lambda: in_terminal.start_to_rows(runs.bare, names),
                "floor": lambda: in_terminal.start_to_rows(lambda: runs.bare("--with-ovh"), names),
                "demo": lambda: in_terminal.start_to_rows(lambda: runs.app("--demo"), names),
                "api": lambda: in_terminal.start_to_rows(runs.app, names),
            }
        )
    finally:
        small.stop()
    floor = "start to the 9 rows shown, bare app importing ovh"
    return [
        Figure(floor, times["floor"], times["bare"], "s", "(floor)", True),
        within("start to the 9 rows shown, --demo", times["demo"], times["bare"], "s", 1.5),
        within("start to the 9 rows shown, --api-url", times["api"], times["bare"], "s", 1.5),
        # What smpp-tui adds to what it cannot start without (no budget: for the reader).
        Figure(
            "  the same, --demo, against the floor",
            times["demo"],
            times["floor"],
            "s",
            "(info)",
            True,
        ),
        Figure(
            "  the same, --api-url, against the floor",
            times["api"],
            times["floor"],
            "s",
            "(info)",
            True,
        ),
    ]


def at_scale() -> list[Figure]:
    """1,009 accounts: start, cursor, filter and scrolling, on one simulator."""
    large = Customer(scale=5)
    try:
        return _at_scale(large, Runs(large))
    finally:
        large.stop()


def _at_scale(large: Customer, runs: Runs) -> list[Figure]:
    names = large.names()
    shown, filled = [], []
    bare = interleaved(
        {
            "bare": lambda: in_terminal.start_to_rows(runs.bare, names),
            "app": lambda: _record(in_terminal.start_to_filled(runs.app, names), shown, filled),
        }
    )["bare"]
    with runs.bare() as bare_terminal, runs.app() as terminal:
        in_terminal.ready(bare_terminal, names, filled=False)
        in_terminal.ready(terminal, names, filled=True)
        paced = interleaved(
            {
                "bare": lambda: alone(bare_terminal, terminal, in_terminal.paced_delay, names),
                "app": lambda: alone(terminal, bare_terminal, in_terminal.paced_delay, names),
            }
        )
        with terminal.stopped():
            bare_keys = in_terminal.key_latencies(bare_terminal)
        keys = in_terminal.key_latencies(terminal)  # while the rows come due
    with runs.app() as terminal:
        in_terminal.ready(terminal, names, filled=True)
        filtering = in_terminal.filter_keystrokes(terminal, large)
    with runs.app() as terminal:
        in_terminal.ready(terminal, names, filled=True)
        scrolling = in_terminal.scroll_requests(terminal, large)
    page = 2 * in_terminal.visible_rows()
    rows_shown, cells_filled = statistics.median(shown), statistics.median(filled)
    return [
        Figure("1,009 accounts: start to rows shown", rows_shown, bare, "s", "(none)", True),
        within("1,009 accounts: start to visible cells filled", cells_filled, bare, "s", 2),
        within(
            "50 j, one per 35 ms: delay after the last",
            paced["app"] * 1e3,
            paced["bare"] * 1e3,
            "ms",
            2,
        ),
        at_most("cursor key to screen p50", _ms(keys, 0.5), 50, "ms", _ms(bare_keys, 0.5)),
        at_most("cursor key to screen p95", _ms(keys, 0.95), 50, "ms", _ms(bare_keys, 0.95)),
        at_most("filter keystroke, 1,009 -> 97-222 new rows", _ms(filtering, 0.5), 50, "ms"),
        at_most("requests scrolling 50 rows (one page: 2 x 36)", scrolling, page, "requests"),
    ]


def alone(
    terminal: Terminal,
    other: Terminal,
    measure: Callable[[Terminal, Sequence[str]], float],
    names: Sequence[str],
) -> float:
    """`measure` of `terminal` with `other` stopped (the app polls, and redraws what it
    fetched after its own last run), once `terminal` has caught up with what came due while
    it was stopped itself."""
    with other.stopped():
        time.sleep(CATCH_UP)
        return measure(terminal, names)


def _record(times: tuple[float, float], shown: list[float], filled: list[float]) -> float:
    shown.append(times[0])
    filled.append(times[1])
    return times[1]


def _ms(values: list[float], share: float) -> float:
    return in_terminal.percentile(values, share) * 1000


def idle() -> list[Figure]:
    small = Customer(scale=0)
    try:
        runs, names = Runs(small), small.names()
        with runs.app() as app, runs.bare() as bare:
            in_terminal.ready(app, names, filled=True)
            in_terminal.ready(bare, names, filled=False)
            time.sleep(5)  # the first loads' redraws are over
            (app_bytes, app_cpu), (bare_bytes, bare_cpu) = in_terminal.idle(
                [app, bare], IDLE_SECONDS
            )
    finally:
        small.stop()
    return [
        at_most("terminal bytes per idle minute", app_bytes, 0, "bytes", bare_bytes),
        within("idle CPU (9 accounts, polls running)", app_cpu, bare_cpu, "%", 2),
    ]


def requests() -> list[Figure]:
    figures = []
    for scale in (0, 1, 5):
        found = asyncio.run(steady.measure(scale))
        of = f"{found.accounts:,} accounts"
        figures += [
            at_most(f"requests a minute, {of}", found.requests_per_minute, 30, "requests"),
            at_most(f"oldest visible SMPP status, {of}", found.oldest_status_s, 90, "s"),
        ]
    return figures


def version() -> list[Figure]:
    def timed(*command: str) -> Callable[[], float]:
        def run() -> float:
            started = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True, env=child_env(None))
            return time.perf_counter() - started

        return run

    times = interleaved(
        {
            "argparse": timed(sys.executable, "-c", "import argparse"),
            "version": timed(sys.executable, "-m", "smpp_tui", "--version"),
        }
    )
    return [within("smpp-tui --version", times["version"], times["argparse"], "s", 3)]


def shown(value: float | None, unit: str) -> str:
    if value is None:
        return ""
    return f"{value:.3f}" if unit == "s" else f"{value:,.1f}"


def print_table(figures: list[Figure]) -> None:
    print(f"{'figure':50} {'smpp-tui':>14} {'reference':>9} {'ratio':>6}  {'budget':16} holds")
    for f in figures:
        ours = f"{shown(f.ours, f.unit)} {f.unit}"
        ratio = "" if f.ratio is None else f"{f.ratio:.2f}x"
        holds = "yes" if f.holds else "NO"
        print(
            f"{f.name:50} {ours:>14} {shown(f.reference, f.unit):>9} {ratio:>6}"
            f"  {f.budget:16} {holds}"
        )


def main() -> int:
    # As an installed package has it: every module compiled once, not at each start.
    compileall.compile_dir(Path(smpp_tui.__file__).parent, quiet=1)
    figures = version() + starts() + at_scale() + requests() + idle()
    print_table(figures)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    found = [asdict(f) | {"ratio": f.ratio} for f in figures]
    RESULTS.write_text(json.dumps(found, indent=2) + "\n")
    return 0 if all(f.holds for f in figures) else 1


if __name__ == "__main__":
    sys.exit(main())
