"""The first screen: every SMS account of the customer, SMPP accounts first."""

from __future__ import annotations

import contextlib

from rich.text import Text
from textual.app import ComposeResult
from textual.css.query import NoMatches
from textual.timer import Timer
from textual.widgets import DataTable, Header, Input

from smpp_tui.api.models import Account
from smpp_tui.store import Change, ResourceKey, Snapshot, Watch
from smpp_tui.store.resources import ACCOUNTS, settings_key
from smpp_tui.tui import words
from smpp_tui.tui.commands import Command, bindings
from smpp_tui.tui.commands.accounts import ACCOUNTS_SCREEN, CLEAR_FILTER, FILTER, SMPP_ONLY
from smpp_tui.tui.screens.base import StoreScreen
from smpp_tui.tui.widgets.account_rows import (
    AccountRows,
    View,
    accounts_changed,
    description_width,
    row_problem,
    running_low,
)
from smpp_tui.tui.widgets.accounts_table import AccountsTable
from smpp_tui.tui.widgets.footer import KeysFooter
from smpp_tui.tui.widgets.status_line import StatusLine


class AccountsScreen(StoreScreen):
    AUTO_FOCUS = "#accounts"
    REST = 0.3  # seconds rows rest in view before they are fetched
    DECLARED = ACCOUNTS_SCREEN
    BINDINGS = bindings(*DECLARED)

    def __init__(self) -> None:
        super().__init__()
        self.query_text = ""
        self.smpp_only = False
        self.by_credits = False
        self._rows = AccountRows()
        self._resting: Timer | None = None  # until the rows scrolled into view are fetched
        self._listed: tuple[Account, ...] = ()  # the account list the table was built from
        self._by_name: dict[str, Account] = {}
        # The running-low count, with the list and the level it was counted for.
        self._low: tuple[tuple[Account, ...] | None, float, int] = (None, 0.0, 0)

    def compose(self) -> ComposeResult:
        yield Header()
        yield AccountsTable(id="accounts")
        yield StatusLine(id="status")
        yield KeysFooter()

    @property
    def table(self) -> AccountsTable:
        return self.query_one(AccountsTable)

    def on_mount(self) -> None:
        entry = self.smpp_app.store.snapshot[ACCOUNTS]
        self.table.loading = not entry.loaded and entry.error is None  # else rows at once
        self.watch(self.table, "scroll_y", self._rows_brought_into_view, init=False)

    def _rows_brought_into_view(self) -> None:
        """The rows the user brings into view (scrolling, or with a filter or a sort) are
        fetched once they rest there `REST` seconds: scrolling through a thousand rows, or
        typing a filter, costs a page of requests, not one per row passed or key typed (nor
        a burst of answers while the keystroke's rows are being drawn)."""
        if self._resting is not None:
            self._resting.stop()
        self._resting = self.set_timer(self.REST, self._rows_moved, name="rows at rest")

    def on_resize(self) -> None:
        self._show_view()

    def on_accounts_table_rows_shown(self) -> None:
        self.declare_watches()  # the rows' details, not asked before their frame was written
        self.smpp_app.session_built()

    def _rows_moved(self) -> None:
        # Which rows are visible is known only once the table is laid out.
        self.call_after_refresh(self.declare_watches)

    def offers(self, command: Command) -> bool | None:
        field = self._filter_field()  # none before the first `/`
        if command is CLEAR_FILTER:
            return field is not None and field.display
        if command is FILTER:  # in the field, `/` is typed (a priority key would be taken)
            return field is None or not field.has_focus
        return True

    def footer_label(self, command: Command) -> str:
        if command is SMPP_ONLY:
            return SMPP_ONLY.label_now(self.smpp_only)
        return command.label

    # what is shown

    def watches(self) -> list[Watch]:
        resources = self.smpp_app.resources
        snapshot = self.smpp_app.store.snapshot
        accounts = snapshot.value(ACCOUNTS, ())
        visible = self.table.visible_accounts()
        # The rows' status first: the IP counts and the list's re-read are details.
        watches = [resources.accounts(accounts, visible, detail=True)]
        for name in visible:
            if name in self._by_name and self._by_name[name].smpp:
                settings = snapshot.value(settings_key(name))
                ips = resources.allowed_ips(name, detail=True)
                watches += [resources.settings(name, settings), ips]
        return watches

    def store_changed(self, change: Change) -> None:
        """An answer about some accounts' details redraws their rows only; one that changed
        the list, the whole table (its rows reused where nothing they show changed)."""
        names = accounts_changed(change.keys)
        if names is None:
            super().store_changed(change)
            return
        with contextlib.suppress(NoMatches):  # a screen being torn down
            self._redraw_rows(names)

    def _redraw_rows(self, names: set[str]) -> None:
        snapshot, view = self.smpp_app.store.snapshot, self.view
        accounts = [self._by_name[name] for name in names if name in self._by_name]
        self.table.update_rows([self._rows.row(a, snapshot, view) for a in accounts])
        if self._polled_otherwise(names):
            self._rows_moved()
        self.refresh_status()

    def _polled_otherwise(self, names: set[str]) -> bool:
        """Whether a status read asks for its row's settings to be polled at another pace (a
        change of IPs being applied, or done): what an answer about rows may change of what
        the screen polls. Declaring it all again at each answer cost the first load of a page
        72 times 4 ms."""
        resources, snapshot = self.smpp_app.resources, self.smpp_app.store.snapshot
        for name in names:
            polled = self.smpp_app.poller.interval(settings_key(name))
            wanted = resources.settings(name, snapshot.value(settings_key(name))).interval
            if polled is not None and polled != wanted:
                return True
        return False

    def show_snapshot(self, snapshot: Snapshot) -> None:
        self._draw(snapshot)
        self._rows_moved()  # other rows may show now, or a status may ask for faster polls

    def _show_view(self) -> None:
        """Redraw for a view the user changed (filter, SMPP only, sort, size)."""
        self._draw(self.smpp_app.store.snapshot)
        self._rows_brought_into_view()

    def _draw(self, snapshot: Snapshot) -> None:
        entry = snapshot[ACCOUNTS]
        if self.table.loading and (entry.loaded or entry.error is not None):
            self.table.loading = False
        listed = snapshot.value(ACCOUNTS, ())
        if listed is not self._listed:
            self._listed, self._by_name = listed, {a.name: a for a in listed}
        self.table.show_rows(self._rows.rows(snapshot, self.view))
        self.refresh_status()

    @property
    def view(self) -> View:
        return View(
            self.query_text,
            self.smpp_only,
            self.by_credits,
            description_width(self.size.width),
            self.smpp_app.config.ui.low_credits,
        )

    def status(self) -> tuple[ResourceKey, Text]:
        """The selected row's failure first, when it has one: it is what the user looks at."""
        snapshot = self.smpp_app.store.snapshot
        name = self.table.current_account
        problem = None if name is None else row_problem(snapshot, name, snapshot[ACCOUNTS].error)
        if problem is None:
            return ACCOUNTS, self._counts()
        return ACCOUNTS, problem.append(" · ").append_text(self._counts())

    def _counts(self) -> Text:
        snapshot = self.smpp_app.store.snapshot
        shown, total = self.table.row_count, len(snapshot.value(ACCOUNTS, ()))
        said = Text(f"{total} accounts" if shown == total else f"{shown} of {total} accounts")
        if self.smpp_only:
            said.append(" · SMPP only")
        if self.by_credits:
            said.append(" · by credits")
        if self.query_text:
            said.append(" · filter: ").append_text(words.plain(self.query_text))
        low = self._running_low(snapshot)
        if low:
            said.append(f" · ⚠ {low} running out of credits", style="yellow")
        return said

    def _running_low(self, snapshot: Snapshot) -> int:
        """How many accounts run out of credits, counted again only when the list or the level
        changes: the status line is said again at each cursor move."""
        listed, level = snapshot.value(ACCOUNTS, ()), self.smpp_app.config.ui.low_credits
        if self._low[0] is not listed or self._low[1] != level:
            self._low = (listed, level, len(running_low(snapshot, level)))
        return self._low[2]

    # actions

    def _open(self) -> None:
        # Loaded on first use: the account screen and its tabs are half the app's code.
        from smpp_tui.tui.screens.account import AccountScreen

        name = self.table.current_account
        if name is not None:
            self.app.push_screen(AccountScreen(name))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self._open()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.refresh_status()  # the selected row's failure, if it has one

    async def action_filter(self) -> None:
        field = self._filter_field()
        if field is None:  # made when first asked for: the first frame is drawn without it
            field = Input(placeholder="filter by name or description", id="filter", compact=True)
            await self.mount(field, before=self.query_one(StatusLine))
        field.display = True
        self.set_focus(field)  # now (`focus` waits): the keys already sent after `/` are its
        self.refresh_bindings()

    def _filter_field(self) -> Input | None:
        return next(iter(self.query("#filter").results(Input)), None)

    def action_clear_filter(self) -> None:
        field = self._filter_field()
        if field is None:
            return
        field.value = ""
        field.display = False
        self.table.focus()
        self.refresh_bindings()

    def action_smpp_only(self) -> None:
        self.smpp_only = not self.smpp_only
        self._show_view()
        self.refresh_bindings()  # the footer says what `s` does now

    def action_by_credits(self) -> None:
        self.by_credits = not self.by_credits
        self._show_view()

    def action_transfer(self) -> None:
        from smpp_tui.tui.screens.transfer import open_transfer  # loaded on first use

        name = self.table.current_account
        if name is not None:
            open_transfer(self, name)

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value
        self._show_view()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.input.display = bool(event.value)
        self.table.focus()
        self.refresh_bindings()
