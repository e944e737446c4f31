"""`/` on the History tab: the period, the receiver, the delivery state and the sender the
history shows. Each field takes a word or its start; the filter in force fills them."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.suggester import SuggestFromList
from textual.widgets import Static

from smpp_tui.api.checks import SENDER_MAX
from smpp_tui.api.errors import InvalidInput
from smpp_tui.store.history import STATE_CHOICES, HistoryQuery
from smpp_tui.store.history_form import PERIOD_WORDS, form_values, query_from_form
from smpp_tui.tui.screens.form import FormScreen, PastedInput

PERIOD_MAX = len("2026-11-01  to  2026-11-30")  # two days, spaced out
RECEIVER_MAX = len("+33 6 12 34 56 78 90 12 *")  # + and 15 digits, spaced out, or their start
STATE_MAX = max(len(state) for state in STATE_CHOICES)


class HistoryFilterScreen(FormScreen):
    def __init__(self, account: str, query: HistoryQuery, apply: Callable[[HistoryQuery], None]):
        way = "sent" if query.outgoing else "received"
        super().__init__(
            f"Filter the {way} SMS of {account}",
            "A word or its start in each field (y: yesterday, f: failed). tab moves, enter shows.",
        )
        self._query, self._apply = query, apply

    def fields(self) -> ComposeResult:
        values = form_values(self._query)
        yield Static(
            "Period: today, yesterday, 7 days, 30 days, all, or 2026-11-01 to 2026-11-30",
            classes="label",
        )
        yield PastedInput(
            max_length=PERIOD_MAX,
            value=values["period"],
            id="period",
            suggester=SuggestFromList(PERIOD_WORDS),
        )
        if self._query.outgoing:
            yield Static("To: a number (+33612345678) or its start and * (+336*)", classes="label")
            yield PastedInput(
                max_length=RECEIVER_MAX,
                value=values["receiver"],
                placeholder="anyone",
                id="receiver",
            )
            yield Static("Delivery: any, delivered, failed, pending or expired", classes="label")
            yield PastedInput(
                max_length=STATE_MAX,
                value=values["state"],
                id="state",
                suggester=SuggestFromList(STATE_CHOICES),
            )
        yield Static("From: a sender as it was sent (ExampleTel, +33612345678)", classes="label")
        yield PastedInput(
            max_length=SENDER_MAX, value=values["sender"], placeholder="any sender", id="sender"
        )

    async def send(self) -> str | None:
        outgoing = self._query.outgoing
        try:
            query = query_from_form(
                self._query.way,
                self.value("period"),
                self.value("receiver") if outgoing else "",
                self.value("state") if outgoing else "",
                self.value("sender"),
            )
        except InvalidInput as refused:
            return str(refused)
        self._apply(query)
        return None
