"""Messages per day (per hour over one day) of what the History tab has read, split delivered /
failed / pending, with the delivery rate in words. One labelled sparkline per state: the
labels tell the rows apart with 16 colours or none."""

from __future__ import annotations

from datetime import datetime, timedelta

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Sparkline, Static

from smpp_tui.api.delivery import STYLE, SYMBOLS
from smpp_tui.store.history import HistoryQuery, Tally

# Expired SMS count as failed here: the chart answers "did it arrive?".
ROWS = (("delivered", ("delivered",)), ("failed", ("failed", "expired")), ("pending", ("pending",)))


def series(tally: Tally, kinds: tuple[str, ...]) -> list[float]:
    """One count per day (or hour) of the period (or from the first to the last with SMS),
    those without as 0."""
    if not tally.buckets:
        return []
    step = timedelta(hours=1) if tally.hourly else timedelta(days=1)
    first, last = tally.span or (min(tally.buckets), max(tally.buckets))
    counts: list[float] = []
    moment: datetime = first
    while moment <= last:
        bucket = tally.buckets.get(moment)
        counts.append(float(sum(bucket[kind] for kind in kinds)) if bucket else 0.0)
        moment = tally.bucket(moment + step)  # a day across a clock change is not 24 h
    return counts


def rate(tally: Tally) -> Text:
    """`96.4 % delivered of 1,209 with an outcome; 7 pending`."""
    settled = tally.total - tally.states["pending"]
    if not settled:
        return Text("No outcome yet", style="dim")
    share = 100 * tally.states["delivered"] / settled
    said = Text(f"{share:.1f} % delivered", style="bold")
    said.append(f" of {settled:,} with an outcome")
    if tally.states["pending"]:
        said.append(f"; {tally.states['pending']:,} pending")
    return said


class TrafficChart(Vertical):
    def compose(self) -> ComposeResult:
        yield Static("", id="chart-title")
        for name, _ in ROWS:
            with Horizontal(classes="chart-row"):
                yield Static("", id=f"chart-{name}", classes="chart-label")
                yield Sparkline([], id=f"spark-{name}")

    def clear(self) -> None:
        self.query_one("#chart-title", Static).update("")
        for name, _ in ROWS:
            self.query_one(f"#chart-{name}", Static).update("")
            self.query_one(f"#spark-{name}", Sparkline).data = []

    def show(self, tally: Tally, query: HistoryQuery) -> None:
        self.display = query.outgoing and tally.total > 0
        if not self.display:
            return
        per = "hour" if tally.hourly else "day"
        title = Text(f"SMS per {per} · ", style="dim").append_text(rate(tally))
        self.query_one("#chart-title", Static).update(title)
        for name, kinds in ROWS:
            count = sum(tally.states[kind] for kind in kinds)
            label = Text(f"{SYMBOLS[name]} {name:<9} {count:>7,}", style=STYLE[name])
            self.query_one(f"#chart-{name}", Static).update(label)
            self.query_one(f"#spark-{name}", Sparkline).data = series(tally, kinds)
