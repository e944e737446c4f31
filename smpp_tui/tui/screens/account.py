"""One account: tabs for its SMPP credentials (Overview), authorized IPs, senders, credits and
history. Only the active tab polls."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Footer, Header, Static, TabbedContent, TabPane

from smpp_tui.api.models import Account
from smpp_tui.store import Entry, ResourceKey, Snapshot, Watch
from smpp_tui.store.resources import ACCOUNTS, ME, ips_key, service_key, settings_key
from smpp_tui.tui import words
from smpp_tui.tui.commands import Command, bindings, key_of
from smpp_tui.tui.commands.account import (
    ACCOUNT_SCREEN,
    ADD_IPS,
    COPY,
    REGENERATE,
    REVEAL,
    TABS,
)
from smpp_tui.tui.screens.account_actions import AccountActions
from smpp_tui.tui.widgets.ips import IpsPane
from smpp_tui.tui.widgets.overview import Field, OverviewPane, overview_fields
from smpp_tui.tui.widgets.status_line import StatusLine

COMING = "Coming in a next version of smpp-tui."


class AccountScreen(AccountActions):
    DECLARED = ACCOUNT_SCREEN
    BINDINGS = bindings(*DECLARED)

    def __init__(self, account: str) -> None:
        super().__init__()
        self.account = account

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="account-title")
        with TabbedContent(initial="overview", id="tabs"):
            for number, (tab, label) in enumerate(TABS, start=1):
                with TabPane(f"{number} {label}", id=tab):
                    yield from self._pane(tab)
        yield StatusLine(id="status")
        yield Footer()

    def _pane(self, tab: str) -> ComposeResult:
        if tab == "overview":
            yield OverviewPane()
        elif tab == "ips":
            yield IpsPane()
        else:
            yield Static(Text(COMING, style="dim"), classes="coming")

    @property
    def tab(self) -> str:
        return self.query_one(TabbedContent).active

    def action_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        self.declare_watches()
        self.show_snapshot(self.smpp_app.store.snapshot)
        tables = event.pane.query("DataTable")
        if tables:
            tables.first().focus()
        self.refresh_bindings()

    def offers(self, command: Command) -> bool | None:
        # A classic SMS account has no SMPP access: the SMPP tabs offer nothing there.
        return command.tab not in ("overview", "ips") or self.is_smpp

    # what is shown

    @property
    def details(self) -> Account | None:
        accounts = self.smpp_app.store.snapshot.value(ACCOUNTS, ())
        return next((a for a in accounts if a.name == self.account), None)

    @property
    def is_smpp(self) -> bool:
        details = self.details
        return details is None or details.smpp

    def watches(self) -> list[Watch]:
        resources, name = self.smpp_app.resources, self.account
        settings = self.smpp_app.store.snapshot.value(settings_key(name))
        smpp = [resources.settings(name, settings)] if self.is_smpp else []
        if self.tab == "overview":
            return [*smpp, resources.service_info(name), resources.me()]
        if self.tab == "ips" and self.is_smpp:
            return [*smpp, resources.allowed_ips(name)]
        return []

    def show_snapshot(self, snapshot: Snapshot) -> None:
        self.query_one("#account-title", Static).update(self._title())
        self._show_overview(snapshot)
        self._show_ips(snapshot)
        self.refresh_status()
        self.declare_watches()  # a status may now ask for faster polls

    def _title(self) -> Text:
        title = Text(self.account, style="bold")
        details = self.details
        if details is not None:
            kind = "SMPP account" if details.smpp else "classic SMS account"
            title.append(f"  {kind} · ").append_text(words.plain(details.description))
            title.append(f" · {details.credits_left:,.2f} credits")
        return title

    def _show_overview(self, snapshot: Snapshot) -> None:
        pane = self.query_one(OverviewPane)
        if not self.is_smpp:
            pane.show([], Text("A classic SMS account has no SMPP access.", style="dim"))
            return
        entry = snapshot[settings_key(self.account)]
        service, me = snapshot.value(service_key(self.account)), snapshot.value(ME)
        fields = overview_fields(entry.value, service, me) if entry.loaded else []
        pane.show(fields, self._overview_note(entry, fields))

    def _overview_note(self, entry: Entry, fields: list[Field]) -> Text:
        if entry.error is not None and not entry.loaded:
            return Text(str(entry.error), style="bold red")
        if not fields:
            return Text("Loading…", style="dim")
        note = Text(self._keys_note())
        if any(field.key.startswith("plain") for field in fields):
            note.append(
                "\nPlaintext endpoints are not encrypted: prefer TLS for SMPP over the internet.",
                style="yellow",
            )
        return note

    def _keys_note(self) -> str:
        """What the Overview's keys do, as they are now (remapped, a write left out in
        read-only mode)."""
        note = (
            f"{key_of(self, COPY)} copies the field under the cursor,"
            f" {key_of(self, REVEAL)} shows it alone"
        )
        if not self.smpp_app.read_only:
            note += f"; {key_of(self, REGENERATE)}: new password"
        return note + "."

    def _show_ips(self, snapshot: Snapshot) -> None:
        entry = snapshot[ips_key(self.account)]
        problem = Text(str(entry.error), style="bold red") if entry.error else Text("")
        if not self.is_smpp:
            problem = Text("A classic SMS account has no SMPP access.", style="dim")
        add_key = "" if self.smpp_app.read_only else key_of(self, ADD_IPS)
        settings = snapshot.value(settings_key(self.account))
        self.query_one(IpsPane).show(entry.value, settings, problem, add_key)

    def status(self) -> tuple[ResourceKey, Text]:
        key = ips_key(self.account) if self.tab == "ips" else settings_key(self.account)
        return key, Text(self.account)
