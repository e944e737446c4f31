"""The History tab: what the filter is, a traffic chart, the SMS newest first (appended as the
user scrolls, never rebuilt), and a line of totals that the chart adds up to."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from smpp_tui.api.delivery import STYLE, SYMBOLS, delivery_state
from smpp_tui.api.models import HistorySms, OutgoingSms
from smpp_tui.store.history import HistoryQuery, Tally
from smpp_tui.tui import commands, words
from smpp_tui.tui.commands.account import SHOW_SMS
from smpp_tui.tui.widgets.keyed_table import Column, KeyedTable, Row
from smpp_tui.tui.widgets.traffic_chart import TrafficChart

COLUMNS = (
    Column("when", "When", 16),  # 2026-11-30 14:03, the user's time zone
    Column("to", "To", 13),  # +33612345678
    Column("delivery", "Delivery", 28),  # a symbol and at most 26 characters of words
    Column("from", "From", 12),  # 11 characters at most, or a number
    Column("parts", "SMS", 3),
    Column("credits", "Credits", 7),
    Column("message", "Message", 24),  # what fits at 120 columns: enter shows it whole
)
MESSAGE_PREVIEW = 24


def delivery(sms: HistorySms) -> Text:
    """The delivery state in words, with a symbol that tells it without colour."""
    if not isinstance(sms, OutgoingSms):
        return Text(f"{SYMBOLS['delivered']} received", style=STYLE["delivered"])
    state = delivery_state(sms.delivery_receipt, sms.ptt)
    return Text(f"{state.symbol} {state.words}", style=STYLE[state.kind])


def sms_row(sms: HistorySms) -> Row:
    sent = sms if isinstance(sms, OutgoingSms) else None
    return Row(
        str(sms.id),
        (
            Text(words.when(sms.created)),
            words.plain(sent.receiver if sent else ""),
            delivery(sms),
            words.plain(sms.sender),
            Text(str(sent.parts) if sent else "", justify="right"),
            words.credits(sms.credits),
            words.plain(" ".join(sms.message.split()), limit=MESSAGE_PREVIEW),
        ),
    )


def totals(tally: Tally, query: HistoryQuery) -> Text:
    """`312 SMS: 290 ✓ delivered · 15 ✗ failed (3 ⊘ expired) · 7 ⋯ pending`: the chart's
    rows add up to these (expired SMS count as failed)."""
    line = Text(f"{tally.total:,} SMS", style="bold")
    if not (query.outgoing and tally.total):
        return line
    states = tally.states
    line.append(": ").append(f"{states['delivered']:,} {SYMBOLS['delivered']} delivered", "green")
    failed = states["failed"] + states["expired"]
    line.append(" · ").append(f"{failed:,} {SYMBOLS['failed']} failed", STYLE["failed"])
    if states["expired"]:
        line.append(f" ({states['expired']:,} {SYMBOLS['expired']} expired)", STYLE["expired"])
    return line.append(" · ").append(
        f"{states['pending']:,} {SYMBOLS['pending']} pending", STYLE["pending"]
    )


class HistoryTable(KeyedTable):
    # The table has enter before the screen: its own binding, named, shows in the footer.
    BINDINGS = commands.bindings(SHOW_SMS)


class HistoryPane(Vertical):
    def compose(self) -> ComposeResult:
        yield Static("", id="history-heading")
        yield TrafficChart()
        yield HistoryTable(COLUMNS, id="history-table")
        yield Static("", id="history-totals")

    @property
    def table(self) -> HistoryTable:
        return self.query_one(HistoryTable)

    def heading(self, text: Text) -> None:
        self.query_one("#history-heading", Static).update(text)

    def start(self) -> None:
        """A new query: nothing shown until its first rows arrive."""
        self.table.clear_rows()
        self.query_one(TrafficChart).clear()
        self.query_one("#history-totals", Static).update("")

    def append(self, rows: list[HistorySms], tally: Tally, query: HistoryQuery) -> None:
        self.table.append_rows([sms_row(sms) for sms in rows])
        self.query_one(TrafficChart).show(tally, query)
        self.query_one("#history-totals", Static).update(totals(tally, query))

    def drop(self, sms_id: int, tally: Tally, query: HistoryQuery) -> None:
        self.table.remove_key(str(sms_id))
        self.query_one(TrafficChart).show(tally, query)
        self.query_one("#history-totals", Static).update(totals(tally, query))
