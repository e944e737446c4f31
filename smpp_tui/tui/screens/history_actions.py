"""The History tab's actions: read the history as the user scrolls, filter it, switch between
sent and received, show one SMS whole, delete one, count what arrived since, export.

The history is not in the store: it is browsed, not polled. One read at a time runs off the
event loop; an answer for a query since replaced is dropped.
"""

from __future__ import annotations

from dataclasses import replace

from rich.text import Text
from textual.timer import Timer
from textual.widgets import DataTable

from smpp_tui.api.history import Way
from smpp_tui.api.models import HistorySms, Hlr, OutgoingSms
from smpp_tui.store.history import SLICE, HistoryBrowser, HistoryQuery
from smpp_tui.tui import words
from smpp_tui.tui.commands import key_of
from smpp_tui.tui.commands.account import FILTER_HISTORY, RECEIVED, SENT
from smpp_tui.tui.screens.account_tab import AccountTab
from smpp_tui.tui.screens.base import ACTION_FAILURES
from smpp_tui.tui.screens.confirm import ConfirmScreen
from smpp_tui.tui.screens.details import DetailsScreen
from smpp_tui.tui.screens.export import ExportScreen
from smpp_tui.tui.screens.history_filter import HistoryFilterScreen
from smpp_tui.tui.widgets.history import HistoryPane, HistoryTable
from smpp_tui.tui.widgets.sms_details import sms_details

NEAR_THE_END = 15  # rows before the last at which the next ones are read
# A period of at most this many SMS is read whole, slice after slice, without waiting for the
# user to scroll: the chart and the totals then cover all of it.
READ_WHOLE = 10_000
BACKGROUND_SLICE = 500


def _read_whole(browser: HistoryBrowser) -> bool:
    return browser.query.period != "all" and (browser.selected or 0) <= READ_WHOLE


class HistoryActions(AccountTab):
    _history: HistoryBrowser | None = None
    _history_query = HistoryQuery()
    _reading = False
    _problem = Text("")
    _new = 0
    _new_check: Timer | None = None
    _deleted = 0  # SMS of this query deleted since it was read: no longer selected

    # opening, reading on

    def show_history(self) -> None:
        """The tab came to the front: read it the first time, count what is new after."""
        if self._history is None:
            self.open_history(self._history_query)
        if self._new_check is None:
            every = self.smpp_app.session.intervals.new_sms
            self._new_check = self.set_interval(every, self._count_new)

    def hide_history(self) -> None:
        if self._new_check is not None:
            self._new_check.stop()
            self._new_check = None

    def open_history(self, query: HistoryQuery) -> None:
        self._history_query, self._new, self._problem = query, 0, Text("")
        self._deleted = 0
        self._history = self.smpp_app.live_session.history(self.account, query)
        self._reading = False
        self.query_one(HistoryPane).start()
        self._read(first=True)

    def _read(self, first: bool = False) -> None:
        browser = self._history
        if browser is None or self._reading or (browser.done and not first):
            return
        self._reading = True
        self._show_heading()
        self.run_worker(self._read_on(browser, first), exit_on_error=False, group="history")

    async def _read_on(self, browser: HistoryBrowser, first: bool) -> None:
        problem = Text("")
        rows: list[HistorySms] = []
        try:
            if first:
                rows = await self.smpp_app.call(browser.open)
            else:
                count = BACKGROUND_SLICE if _read_whole(browser) else SLICE
                rows = await self.smpp_app.call(browser.more, count)
        except ACTION_FAILURES as error:
            problem = Text(f"The history could not be read: {error}", "bold red")
        finally:
            # Whatever happened (a bug is said by the app), `r` or scrolling reads again.
            if browser is self._history:
                self._reading = False
                self._show_heading()
        if browser is not self._history:
            return  # a query since replaced
        self._problem = problem
        self.query_one(HistoryPane).append(rows, browser.tally.copy(), browser.query)
        self._show_heading()
        if not problem.plain and _read_whole(browser):
            self._read()

    def _show_heading(self) -> None:
        self.query_one(HistoryPane).heading(self._heading())

    def _heading(self) -> Text:
        browser, query = self._history, self._history_query
        way = "Sent" if query.outgoing else "Received"
        line = Text(f"{way} SMS", style="bold").append(f" · {query.selection()}")
        if browser is not None and browser.selected is not None:
            line.append_text(self._progress(browser))
        if self._reading:
            line.append("  reading…", style="dim")
        if self._new:
            line.append(f"  {self._new:,} new: r shows them", style="bold yellow")
        keys = [
            f"{key_of(self, FILTER_HISTORY)} filters",
            f"{key_of(self, RECEIVED if query.outgoing else SENT)} shows the "
            + ("received" if query.outgoing else "sent"),
        ]
        line.append(f"\n{', '.join(keys)}.", style="dim")
        if self._problem.plain:
            line.append("\n").append_text(self._problem)
        return line

    def _progress(self, browser: HistoryBrowser) -> Text:
        selected, shown = (browser.selected or 0) - self._deleted, len(browser.rows)
        if browser.done and not shown:
            return Text(" · no SMS matches this filter", style="bold")
        if not browser.query.ours:
            return Text(f" · {shown:,} of {selected:,} shown")
        # Part of the filter is applied here: say how far the scan went.
        scanned = browser.scanned - self._deleted
        said = f" · {shown:,} found in {scanned:,} of {selected:,} scanned"
        return Text(said + ("" if browser.done else ", more as you scroll"))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        table = event.data_table
        if isinstance(table, HistoryTable) and event.cursor_row >= table.row_count - NEAR_THE_END:
            self._read()

    # filter, way, refresh

    def action_filter_history(self) -> None:
        self.smpp_app.push_screen(
            HistoryFilterScreen(self.account, self._history_query, self.open_history)
        )

    def action_history_way(self, way: str) -> None:
        chosen: Way = "incoming" if way == "incoming" else "outgoing"
        if chosen != self._history_query.way:
            self.open_history(replace(self._history_query, way=chosen))

    def refresh_history(self) -> None:
        """`r`: read the history again, new messages included."""
        self.open_history(self._history_query)

    def _count_new(self) -> None:
        browser = self._history
        if browser is not None and not self._reading and browser.rows:
            self.run_worker(self._newer(browser), exit_on_error=False, group="history-new")

    async def _newer(self, browser: HistoryBrowser) -> None:
        try:
            count = await self.smpp_app.call(browser.newer)
        except ACTION_FAILURES:
            return  # said by the next read; a count is not worth a warning
        if browser is self._history and count != self._new:
            self._new = count
            self._show_heading()

    # one SMS

    @property
    def current_sms(self) -> HistorySms | None:
        key = self.query_one(HistoryPane).table.current_key
        browser = self._history
        if key is None or browser is None:
            return None
        return next((sms for sms in browser.rows if str(sms.id) == key), None)

    def show_sms(self) -> None:
        sms, browser = self.current_sms, self._history
        if sms is not None and browser is not None:
            self.run_worker(self._show_sms(browser, sms), exit_on_error=False, group="sms")

    async def _show_sms(self, browser: HistoryBrowser, sms: HistorySms) -> None:
        hlr: Hlr | Exception | None = None
        if isinstance(sms, OutgoingSms):
            try:
                hlr = await self.smpp_app.call(browser.hlr, sms)
            except ACTION_FAILURES as error:
                hlr = error
        title = f"{'Sent' if isinstance(sms, OutgoingSms) else 'Received'} SMS {sms.id}"
        self.smpp_app.push_screen(DetailsScreen(title, sms_details(sms, hlr)))

    def action_delete_sms(self) -> None:
        sms, browser = self.current_sms, self._history
        if sms is None or browser is None:
            return
        way = browser.query.way
        body = Text.assemble(
            f"The {'sent' if way == 'outgoing' else 'received'} SMS of ",
            (words.when(sms.created), "bold"),
            " (",
            words.plain(sms.receiver if isinstance(sms, OutgoingSms) else sms.sender),
            ") leaves the history on OVHcloud for good.",
        )

        async def delete() -> None:
            failure = f"SMS {sms.id} is still in the history"
            actions = self.smpp_app.actions
            if await self.attempt(failure, actions.delete_sms, self.account, way, sms.id):
                browser.forget(sms.id)
                if browser is self._history:
                    self._deleted += 1
                    self.query_one(HistoryPane).drop(sms.id, browser.tally.copy(), browser.query)
                    self._show_heading()
                self.say(f"SMS {sms.id} deleted from the history of {self.account}.")

        self.confirm_then(ConfirmScreen(f"Delete SMS {sms.id}?", body, "Delete"), delete)

    # export

    def action_export_history(self) -> None:
        live, folder = self.smpp_app.live_session, self.smpp_app.config.ui.export_folder
        export = live.export(self.account, self._history_query, folder)
        self.smpp_app.push_screen(ExportScreen(export, self._history_query.words()))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if isinstance(event.data_table, HistoryTable):
            event.stop()
            self.show_sms()
