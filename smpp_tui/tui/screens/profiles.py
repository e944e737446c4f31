"""`p`: the API profiles, the one in use with its key's rights and expiry; switch to another
(the store starts afresh), add one through the connect flow, remove one and revoke its key."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import DataTable, Header, Static

from smpp_tui.api.errors import ApiError
from smpp_tui.api.models import CurrentCredential
from smpp_tui.config import ConfigError, Profile
from smpp_tui.session import Session
from smpp_tui.session.profiles import open_profile, profiles_of, remove_profile
from smpp_tui.store import Snapshot, Watch
from smpp_tui.store.actions import ActionInProgress
from smpp_tui.store.resources import CREDENTIAL
from smpp_tui.tui import words
from smpp_tui.tui.commands import bindings
from smpp_tui.tui.commands.profiles import PROFILES_SCREEN, USE
from smpp_tui.tui.screens.base import StoreScreen
from smpp_tui.tui.screens.confirm import ConfirmScreen
from smpp_tui.tui.widgets.footer import KeysFooter
from smpp_tui.tui.widgets.keyed_table import Column, KeyedTable, Row

COLUMNS = (
    Column("name", "Profile"),
    Column("endpoint", "Endpoint"),
    Column("keys", "Keys"),
    Column("mode", "Mode"),
)


def profile_row(profile: Profile, current: bool) -> Row:
    shown = profile.describe()
    keys = shown.get("application_key") or shown.get("client_id") or shown.get("source", "")
    mode = "read-only" if profile.read_only else ""
    name = Text(("● " if current else "  ") + profile.name, style="bold" if current else "")
    return Row(
        profile.name, (name, Text(shown["endpoint"]), Text(keys), Text(mode, style="yellow"))
    )


def session_row(session: Session) -> Row:
    """The session in use when no profile made it: listed, though there is nothing to switch to
    (its key is none of the profiles' names, so `enter` on it does nothing)."""
    name, endpoint = ("demo", "the built-in simulator") if session.demo else ("--api-url", "")
    mode = "read-only" if session.read_only else ""
    cells = (Text(f"● {name}", style="bold"), words.plain(endpoint or session.label), Text(""))
    return Row("\0in use", (*cells, Text(mode, style="yellow")))


def credential_text(credential: CurrentCredential) -> Text:
    expiry = credential.expiration.isoformat() if credential.expiration else "never"
    text = Text(f"Key in use: {credential.status}, expires {expiry}\n", style="bold")
    if credential.allowed_ips:
        text.append(f"Only from: {', '.join(credential.allowed_ips)}\n")
    for rule in credential.rules:
        text.append(f"  {rule.method:6} {rule.path}\n")
    return text


class ProfilesTable(KeyedTable):
    # The table has enter before the screen: its own binding, named, shows in the footer.
    BINDINGS = bindings(USE)


class ProfilesScreen(StoreScreen):
    DECLARED = PROFILES_SCREEN
    BINDINGS = bindings(*DECLARED)
    APP_ACTIONS_OFF = ("profiles",)  # already here

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(Text("API profiles", style="bold"), id="profiles-title")
        yield ProfilesTable(COLUMNS, id="profiles")
        yield Static("", id="profile-details")
        yield KeysFooter()

    @property
    def table(self) -> KeyedTable:
        return self.query_one("#profiles", KeyedTable)

    @property
    def current_name(self) -> str | None:
        profile = self.smpp_app.session.profile
        return profile.name if profile is not None else None

    def watches(self) -> list[Watch]:
        return [self.smpp_app.resources.credential()]

    def show_snapshot(self, snapshot: Snapshot) -> None:
        self.show_profiles()
        session = self.smpp_app.session
        label = Text(f"In use: {session.label}\n")
        if session.audit_path is not None:
            label.append(f"Writes are logged in {session.audit_path}\n", style="dim")
        entry = snapshot[CREDENTIAL]
        if entry.loaded:
            label.append_text(credential_text(entry.value))
        elif entry.error is not None:
            label.append(f"The key's rights could not be read: {entry.error}")
        self._details(label)

    def show_profiles(self) -> None:
        self._profiles = profiles_of(self.smpp_app.config)
        rows = [profile_row(p, p.name == self.current_name) for p in self._profiles.values()]
        session = self.smpp_app.session
        if session.profile is None:  # the demo, --api-url: in use, listed first
            rows.insert(0, session_row(session))
        self.table.show_rows(rows)

    def _details(self, text: Text) -> None:
        self.query_one("#profile-details", Static).update(text)

    def _selected(self) -> Profile | None:
        key = self.table.current_key
        return None if key is None else self._profiles.get(key)

    def _switch(self) -> None:
        profile = self._selected()
        if profile is None or profile.name == self.current_name:
            return
        app = self.smpp_app
        try:
            session = open_profile(profile, app.config, app.config_path, app.session)
        except (ConfigError, ApiError) as error:
            app.notify(f"Cannot use {profile.name}: {error}", severity="error", markup=False)
            return
        app.start_session(session)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self._switch()

    def action_new(self) -> None:
        from smpp_tui.tui.screens.connect import ConnectScreen

        self.smpp_app.push_screen(ConnectScreen())

    def action_remove(self) -> None:
        profile = self._selected()
        if self.smpp_app.config_path is None:
            self.smpp_app.notify("There is no settings file to remove a profile from.")
            return
        if profile is None or profile.name not in self.smpp_app.config.profiles:
            self.smpp_app.notify("Only profiles of the config file can be removed.", markup=False)
            return
        if profile.name == self.current_name:
            self.smpp_app.notify("This profile is in use: switch to another first.", markup=False)
            return
        body = Text.assemble("The profile ", (profile.name, "bold"), " leaves the config file.")
        self.smpp_app.push_screen(
            ConfirmScreen(f"Remove {profile.name}?", body, "Remove"),
            lambda yes: self._removal_confirmed(yes, profile),
        )

    def _removal_confirmed(self, confirmed: bool | None, profile: Profile) -> None:
        if not confirmed:
            return
        if self.smpp_app.read_only:  # revoking writes on OVHcloud
            self.run_worker(self._remove(profile, revoke=False), exit_on_error=False)
            return
        body = Text.assemble(
            "Also revoke its consumer key on OVHcloud? It then stops working everywhere it is"
            " used. Cancel keeps the key valid."
        )

        def remove(revoke: bool | None) -> None:
            self.run_worker(self._remove(profile, bool(revoke)), exit_on_error=False)

        self.smpp_app.push_screen(ConfirmScreen("Revoke the key too?", body, "Revoke"), remove)

    async def _remove(self, profile: Profile, revoke: bool) -> None:
        app = self.smpp_app
        if revoke:
            try:
                await app.call(app.live_session.revoke_key, profile)
            except (ApiError, ConfigError, ActionInProgress) as error:
                app.notify(
                    f"{profile.name} kept: its key could not be revoked: {error}",
                    severity="error",
                    markup=False,
                )
                return
        if app.config_path is None:  # checked before asking
            return
        try:
            app.config = await app.call(remove_profile, app.config_path, profile.name)
        except (ConfigError, OSError) as error:
            app.notify(f"{profile.name} not removed: {error}", severity="error", markup=False)
            return
        done = "removed and its key revoked" if revoke else "removed (its key still works)"
        app.notify(f"Profile {profile.name} {done}.", markup=False)
        self.show_profiles()
