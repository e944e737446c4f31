"""The figures a user feels, measured on real processes in a pseudo-terminal, each beside the
same figure of the bare Textual app (`bare_app.py`) showing the same rows, in one run.

- start to rows shown: `smpp-tui --demo`, and `--api-url` on a simulator of 9 and of 1,009
  accounts (there also: to every visible cell filled);
- the cursor: 50 `j` at one per 35 ms, then the delay until the 51st row is under the cursor;
  and key-to-screen latency of single moves, while polls run;
- a filter keystroke that cuts 1,009 rows to 97-222 not drawn before;
- the requests scrolling 50 rows costs;
- an idle minute: terminal bytes written and CPU used.

The simulator runs in a process of its own, as OVHcloud is away from the app: the app's process
is the client alone, and the harness (its screen reading) takes nothing from the simulator's
answers. The requests the app sends are counted by the simulator (`GET /_sim/exchanges`).
"""

from __future__ import annotations

import atexit
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

import requests

from smpp_tui.api import ApplicationKey, Gateway
from smpp_tui.tui.widgets.account_rows import View, shown_accounts
from tests.perf.terminal import Terminal, child_env

PYTHON = sys.executable
BARE = str(Path(__file__).with_name("bare_app.py"))
SIZE = (120, 40)
TABLE_TOP = 2  # the header, then the columns' titles
DOWN = "j"
TOP = "g"
BACKSPACE = "\x7f"
FILTER = "dc12345-"  # all 1,009 rows; a digit more cuts them to 97-222, others each time


def paste(text: str) -> str:
    return f"\x1b[200~{text}\x1b[201~"


class Customer:
    """The standalone simulator (`smpp-tui simulator`, its own process, as OVHcloud is) of the
    demo's first customer with `scale` x 200 more accounts, and the rows the app shows of
    them, in its order."""

    def __init__(self, scale: int) -> None:
        self.scale = scale
        # Its UPDATING_IP account stays so for the run: settling would redraw a row in the idle
        # minute, a change rather than idleness.
        command = [PYTHON, "-m", "smpp_tui", "simulator", "--scale", str(scale), "--history", "0",
                   "--updating-for", "3600"]  # fmt: skip
        self.process = subprocess.Popen(
            command, stdout=subprocess.PIPE, text=True, env=child_env(None)
        )
        said = self._banner()
        self.endpoint, self.url = said["API endpoint"], said["API endpoint"].removesuffix("/1.0")
        keys = [said[name] for name in ("application key", "application secret", "consumer key")]
        names = ("OVH_APPLICATION_KEY", "OVH_APPLICATION_SECRET", "OVH_CONSUMER_KEY")
        self.env = dict(zip(names, keys, strict=True))
        listed = Gateway.connect(self.endpoint, ApplicationKey(*keys)).list_accounts()
        self.accounts = shown_accounts(listed, View())

    def _banner(self) -> dict[str, str]:
        """What the simulator prints as it starts: `  application key     KEY ...`."""
        assert self.process.stdout is not None
        said: dict[str, str] = {}
        for line in self.process.stdout:
            name, _, value = line.strip().partition("  ")
            said[name] = value.strip().split()[0] if value.strip() else ""
            if name == "consumer key":
                return said
        raise RuntimeError("the simulator did not start")

    def answered(self) -> int:
        """The API requests the simulator answered so far."""
        return int(requests.get(f"{self.url}/_sim/exchanges", timeout=5).json()["answered"])

    def inject(self, spec: str) -> None:
        requests.post(f"{self.url}/_sim/faults", json={"spec": spec}, timeout=5).raise_for_status()

    def clear_faults(self) -> None:
        requests.delete(f"{self.url}/_sim/faults", timeout=5).raise_for_status()

    def names(self) -> list[str]:
        return [account.name for account in self.accounts]

    def shown(self, query: str) -> int:
        return len(shown_accounts(tuple(self.accounts), View(query=query)))

    def bare_rows(self) -> list[list[str]]:
        """The cells the app shows, as the bare app shows them: all filled."""
        return [
            [
                a.name,
                a.description[:32],
                "SMPP" if a.smpp else "sms",
                a.status,
                "✓ working" if a.smpp else "—",
                f"{a.credits_left:,.2f}",
                "1/10" if a.smpp else "",
            ]
            for a in self.accounts
        ]

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(5)


class Runs:
    """Starts the app and the bare app on a customer's rows, each in a fresh home."""

    def __init__(self, customer: Customer) -> None:
        self.customer = customer
        self._home = Path(tempfile.mkdtemp(prefix="smpp-tui-perf-"))
        # Gone at exit (its terminals outlive this object): each harness run left 11 behind.
        atexit.register(shutil.rmtree, self._home, ignore_errors=True)
        self._rows = self._home / f"rows-{customer.scale}.json"
        self._rows.write_text(json.dumps(customer.bare_rows()))

    def _env(self) -> dict[str, str]:
        return {"HOME": str(self._home), "SMPP_TUI_CONFIG": str(self._home / "config.toml")}

    def app(self, *args: str) -> Terminal:
        api = ("--api-url", self.customer.endpoint) if "--demo" not in args else ()
        env = {**self._env(), **self.customer.env}
        return Terminal([PYTHON, "-m", "smpp_tui", *api, *args], size=SIZE, env=env)

    def bare(self, *args: str) -> Terminal:
        return Terminal([PYTHON, BARE, str(self._rows), *args], size=SIZE, env=self._env())


# what the screen shows


def visible_rows() -> int:
    """Rows the table shows at `SIZE`: the screen less the header, the titles, the status line
    and the footer (the bare app has no status line: it shows one more, never fewer)."""
    return SIZE[1] - TABLE_TOP - 2


def shows_rows(names: Sequence[str]) -> Callable[[Terminal], bool]:
    """The first page of rows is drawn."""
    last = names[min(len(names), visible_rows()) - 1]
    return lambda terminal: last in terminal.text()


def cells_filled(terminal: Terminal) -> bool:
    """No visible SMPP row still shows "…" for its status or its IP count."""
    lines = terminal.text().splitlines()
    titles = lines[TABLE_TOP - 1]
    status_at, ips_at = titles.find("SMPP status"), titles.find("IPs")
    rows = lines[TABLE_TOP : TABLE_TOP + visible_rows()]
    smpp = [line for line in rows if " SMPP " in line]
    return bool(smpp) and not any(
        "…" in line[status_at : status_at + 11] + line[ips_at - 2 : ips_at + 5] for line in smpp
    )


class Cursor:
    """The row under the cursor: the table line drawn in the cursor's colour, learnt at start
    (the cursor is on the first row)."""

    def __init__(self, terminal: Terminal) -> None:
        self.terminal = terminal
        self.colour = self._colour(TABLE_TOP)

    def _colour(self, y: int) -> str:
        with self.terminal.lock:
            line = self.terminal.screen.buffer[y]
            return Counter(char.bg for char in line.values()).most_common(1)[0][0]

    def row(self) -> tuple[int, str]:
        """Where the cursor is drawn, and the text of that line."""
        for y in range(TABLE_TOP, SIZE[1] - 1):  # the bare app shows a row more: no status
            if self._colour(y) == self.colour:
                return y, self.terminal.line(y)
        return -1, ""


# the figures


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def start_to_rows(start: Callable[[], Terminal], names: Sequence[str]) -> float:
    with start() as terminal:
        return terminal.wait_for(lambda: shows_rows(names)(terminal))


def start_to_filled(start: Callable[[], Terminal], names: Sequence[str]) -> tuple[float, float]:
    with start() as terminal:
        shown = terminal.wait_for(lambda: shows_rows(names)(terminal))
        return shown, terminal.wait_for(lambda: cells_filled(terminal))


def ready(terminal: Terminal, names: Sequence[str], filled: bool) -> Cursor:
    terminal.wait_for(lambda: shows_rows(names)(terminal))
    if filled:
        terminal.wait_for(lambda: cells_filled(terminal))
    return Cursor(terminal)


def paced_delay(terminal: Terminal, names: Sequence[str], keys: int = 50) -> float:
    """Seconds from the last of `keys` moves, one per 35 ms, from the first row, to the row it
    lands on shown; then back to the first row, at rest (its rows fetched: the next run starts
    quiet)."""
    cursor = Cursor(terminal)
    for _ in range(keys - 1):
        terminal.send(DOWN)
        time.sleep(0.035)
    terminal.send(DOWN)
    sent = time.perf_counter()
    delay = terminal.latency(sent, lambda: names[keys] in cursor.row()[1])
    terminal.send(TOP)
    terminal.wait_for(lambda: names[0] in cursor.row()[1])
    time.sleep(0.3)
    return delay


def key_latencies(terminal: Terminal, moves: int = 40) -> list[float]:
    """Seconds from each move's key to the cursor drawn elsewhere, one move at a time."""
    cursor, latencies = Cursor(terminal), []
    for _ in range(moves):
        before = cursor.row()
        sent = time.perf_counter()
        terminal.send(DOWN)
        moved = terminal.latency(sent, lambda: cursor.row() != before)  # noqa: B023 (at once)
        latencies.append(moved)
        time.sleep(0.1)
    return latencies


def filter_keystrokes(terminal: Terminal, customer: Customer, times: int = 5) -> list[float]:
    """Seconds from a keystroke that cuts the rows (a digit after `FILTER`) to the count
    shown. Each digit brings other rows to the top, none drawn before: the table draws them
    all, as for a filter typed anew."""
    total, whole = len(customer.accounts), customer.shown(FILTER)

    def shows(count: int) -> Callable[[], bool]:
        # "· 1009 accounts", which "· 222 of 1009 accounts" does not hold.
        said = f"· {count} of {total} accounts" if count < total else f"· {total} accounts"
        return lambda: said in terminal.text()

    terminal.send("/")
    terminal.wait_for(lambda: "filter by name" in terminal.text())  # the field, shown
    terminal.send(paste(FILTER))
    terminal.wait_for(lambda: shows(whole)() and f"filter: {FILTER}" in terminal.text())
    figures = []
    for digit in "23456789"[:times]:  # not 1: its rows are the first ones, drawn at the start
        sent = time.perf_counter()
        terminal.send(digit)
        figures.append(terminal.latency(sent, shows(customer.shown(FILTER + digit))))
        terminal.send(BACKSPACE)
        terminal.wait_for(shows(whole))
    return figures


def scroll_requests(terminal: Terminal, customer: Customer, rows: int = 50) -> int:
    """Requests sent from the first of `rows` moves to 2 s after the last (the rows at rest
    are fetched 0.3 s after it)."""
    before = customer.answered()
    for _ in range(rows):
        terminal.send(DOWN)
        time.sleep(0.035)
    time.sleep(2.0)
    return customer.answered() - before


def idle(terminals: Sequence[Terminal], seconds: float) -> list[tuple[float, float]]:
    """Bytes written and CPU % of each terminal's process over the same `seconds`."""
    before = [(t.bytes_read, t.cpu_seconds()) for t in terminals]
    time.sleep(seconds)
    per_minute = 60 / seconds
    return [
        ((t.bytes_read - sent) * per_minute, 100 * (t.cpu_seconds() - cpu) / seconds)
        for t, (sent, cpu) in zip(terminals, before, strict=True)
    ]
