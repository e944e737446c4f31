"""One account: tabs for its SMPP credentials (Overview), authorized IPs, senders, credits and
history. Only the active tab polls; each tab's actions live in their own module."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Header, Static, TabbedContent, TabPane

from smpp_tui.store import Entry, ResourceKey, Snapshot, Watch
from smpp_tui.store.resources import (
    ACCOUNTS,
    ME,
    ips_key,
    senders_key,
    service_key,
    settings_key,
    usage_key,
)
from smpp_tui.tui import words
from smpp_tui.tui.commands import Command, bindings, key_of
from smpp_tui.tui.commands.account import (
    ACCOUNT_SCREEN,
    ADD_IPS,
    COPY,
    EDIT_RECHARGE,
    REGENERATE,
    REQUEST_SENDER,
    REVEAL,
    TABS,
    TRANSFER,
)
from smpp_tui.tui.screens.credits_actions import CreditsActions
from smpp_tui.tui.screens.history_actions import HistoryActions
from smpp_tui.tui.screens.ips_actions import IpsActions
from smpp_tui.tui.screens.overview_actions import OverviewActions
from smpp_tui.tui.screens.senders_actions import SendersActions
from smpp_tui.tui.widgets.credits import CreditsPane, credit_fields
from smpp_tui.tui.widgets.fields import Field
from smpp_tui.tui.widgets.footer import KeysFooter
from smpp_tui.tui.widgets.history import HistoryPane
from smpp_tui.tui.widgets.ips import IpsPane
from smpp_tui.tui.widgets.overview import OverviewPane, overview_fields
from smpp_tui.tui.widgets.senders import SendersPane
from smpp_tui.tui.widgets.status_line import StatusLine

SMPP_TABS = ("overview", "ips")  # what a classic SMS account has none of
CLASSIC = "Sends through OVHcloud's API, not SMPP: no SMPP credentials, no allowed IPs."


class AccountScreen(OverviewActions, IpsActions, SendersActions, CreditsActions, HistoryActions):
    DECLARED = ACCOUNT_SCREEN
    BINDINGS = bindings(*DECLARED)

    def __init__(self, account: str) -> None:
        super().__init__()
        self.account = account
        self._classic = False  # its SMPP tabs hidden (an account not known yet is SMPP)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="account-title")
        kind = Static(Text(CLASSIC), id="account-kind")
        kind.display = not self.is_smpp
        yield kind
        with TabbedContent(initial="overview" if self.is_smpp else "senders", id="tabs"):
            for number, (tab, label) in enumerate(TABS, start=1):
                with TabPane(f"{number} {label}", id=tab):
                    yield from self._pane(tab)
        yield StatusLine(id="status")
        yield KeysFooter()

    def _pane(self, tab: str) -> ComposeResult:
        panes = {
            "overview": OverviewPane,
            "ips": IpsPane,
            "senders": SendersPane,
            "credits": CreditsPane,
            "history": HistoryPane,
        }
        yield panes[tab]()

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
        if self.tab == "history":
            self.show_history()
        else:
            self.hide_history()
        self.refresh_bindings()

    def refreshed(self) -> None:
        if self.tab == "history":
            self.refresh_history()

    def offers(self, command: Command) -> bool | None:
        # A classic SMS account has no SMPP access: the SMPP tabs offer nothing there.
        return command.tab not in SMPP_TABS or self.is_smpp

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Nor do the keys that would show those tabs (one action, `tab`, for all five).
        if action == "tab" and parameters and parameters[0] in SMPP_TABS and not self.is_smpp:
            return False
        return super().check_action(action, parameters)

    # what is shown

    @property
    def is_smpp(self) -> bool:
        details = self.details
        return details is None or details.smpp

    def watches(self) -> list[Watch]:
        resources, name = self.smpp_app.resources, self.account
        snapshot = self.smpp_app.store.snapshot
        smpp = [resources.settings(name, snapshot.value(settings_key(name)))]
        if self.tab == "overview" and self.is_smpp:
            return [*smpp, resources.service_info(name), resources.me()]
        if self.tab == "ips" and self.is_smpp:
            return [*smpp, resources.allowed_ips(name)]
        if self.tab == "senders":
            return [resources.senders(name)]
        if self.tab == "credits":
            # This account's balance and recharge, as fresh as the tab is shown.
            accounts = resources.accounts(snapshot.value(ACCOUNTS, ()), [name])
            usage = resources.usage(name, snapshot.value(usage_key(name)))
            return [accounts, resources.service_info(name), usage]
        return []

    def show_snapshot(self, snapshot: Snapshot) -> None:
        self.query_one("#account-title", Static).update(self._title())
        self._show_kind()
        self._show_overview(snapshot)
        self._show_ips(snapshot)
        self._show_senders(snapshot)
        self._show_credits(snapshot)
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

    def _show_kind(self) -> None:
        """A classic SMS account shows no SMPP tab: they go, the Senders tab in front, and a
        line says why. Known once the account list is read (it may come after the screen)."""
        classic = not self.is_smpp
        self.query_one("#account-kind").display = classic
        if classic == self._classic:
            return
        self._classic = classic
        tabs = self.query_one(TabbedContent)
        if classic and tabs.active in SMPP_TABS:
            tabs.active = "senders"
        for tab in SMPP_TABS:
            if classic:
                tabs.hide_tab(tab)
            else:
                tabs.show_tab(tab)
        self.refresh_bindings()

    def _show_overview(self, snapshot: Snapshot) -> None:
        if not self.is_smpp:  # its tab is hidden
            return
        pane = self.query_one(OverviewPane)
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
        if not self.is_smpp:  # its tab is hidden
            return
        entry = snapshot[ips_key(self.account)]
        problem = Text(str(entry.error), style="bold red") if entry.error else Text("")
        add_key = "" if self.smpp_app.read_only else key_of(self, ADD_IPS)
        settings = snapshot.value(settings_key(self.account))
        self.query_one(IpsPane).show(entry.value, settings, problem, add_key)

    def _show_senders(self, snapshot: Snapshot) -> None:
        entry = snapshot[senders_key(self.account)]
        problem = Text(str(entry.error), style="bold red") if entry.error else Text("")
        request = "" if self.smpp_app.read_only else key_of(self, REQUEST_SENDER)
        self.query_one(SendersPane).show(entry.value, problem, request)

    def _show_credits(self, snapshot: Snapshot) -> None:
        pane, account = self.query_one(CreditsPane), self.details
        if account is None:
            pane.show([], Text("Loading…", style="dim"))
            return
        service, usage = (
            snapshot.value(service_key(self.account)),
            snapshot.value(usage_key(self.account)),
        )
        low = self.smpp_app.config.ui.low_credits
        pane.show(credit_fields(account, service, usage, low), Text(self._credits_note(snapshot)))

    def _credits_note(self, snapshot: Snapshot) -> str:
        error = snapshot[usage_key(self.account)].error
        note = f"The last 30 days could not be read: {error}\n" if error is not None else ""
        if not self.smpp_app.read_only:
            note += (
                f"{key_of(self, EDIT_RECHARGE)} changes the automatic recharge;"
                f" {key_of(self, TRANSFER)} transfers credits to another account."
            )
        return note

    def status(self) -> tuple[ResourceKey, Text]:
        keys = {
            "ips": ips_key(self.account),
            "senders": senders_key(self.account),
            "credits": ACCOUNTS,
        }
        return keys.get(self.tab, settings_key(self.account)), Text(self.account)
