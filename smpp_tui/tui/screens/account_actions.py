"""What a user does on an account's screen: copy a field, regenerate the SMPP password, add
and remove authorized IPs. Writes go through the store's actions, off the event loop, behind a
confirmation; every outcome is said in words, API text as text."""

from __future__ import annotations

from rich.text import Text
from textual.notifications import SeverityLevel

from smpp_tui.api.errors import ApiError
from smpp_tui.api.models import ALLOWED_IPS_LIMIT
from smpp_tui.store.actions import ActionInProgress
from smpp_tui.store.resources import ME, ips_key, settings_key
from smpp_tui.tui import words
from smpp_tui.tui.commands import key_of
from smpp_tui.tui.commands.account import REVEAL
from smpp_tui.tui.screens.add_ips import AddIpsScreen
from smpp_tui.tui.screens.base import StoreScreen
from smpp_tui.tui.screens.confirm import ConfirmScreen
from smpp_tui.tui.screens.reveal import RevealScreen
from smpp_tui.tui.widgets.ips import IpsPane
from smpp_tui.tui.widgets.overview import OverviewPane

FAILURES = (ApiError, ActionInProgress)


class AccountActions(StoreScreen):
    account: str

    def _say(self, message: str, severity: SeverityLevel = "information") -> None:
        self.smpp_app.notify(message, severity=severity, markup=False)

    # copying

    def action_copy(self) -> None:
        field = self.query_one(OverviewPane).current_field
        if field is None:
            return
        self.smpp_app.copy_to_clipboard(field.value)
        self._say(
            f"{field.label} sent to the terminal clipboard (OSC 52: the terminal gives no"
            f" receipt). If it did not arrive, {key_of(self, REVEAL)} shows it to select."
        )

    def action_reveal(self) -> None:
        field = self.query_one(OverviewPane).current_field
        if field is not None:
            self.smpp_app.push_screen(RevealScreen(field.label, field.value))

    # the SMPP password

    def action_regenerate(self) -> None:
        settings = self.smpp_app.store.snapshot.value(settings_key(self.account))
        if settings is None:
            self._say("The SMPP status is not known yet; try again in a moment.", "warning")
            return
        if settings.status != "SUCCESS":
            self._say(
                f"A new SMPP password can only be generated when the account works (status"
                f" SUCCESS). {self.account} is {words.smpp_status_words(settings.status)}:"
                f" {words.SMPP_MEANING.get(settings.status, settings.status)}.",
                "error",
            )
            return
        me = self.smpp_app.store.snapshot.value(ME)
        email = me.email if me is not None else "the account's contact address"
        body = Text.assemble(
            "A new SMPP password for ",
            (self.account, "bold"),
            " will be e-mailed to ",
            (email, "bold"),
            ".\nThe current password stops working: every SMPP client bound with it"
            " (Kannel, Jasmin...) must be given the new one.",
        )
        screen = ConfirmScreen("Regenerate the SMPP password?", body, "Regenerate")
        self.smpp_app.push_screen(screen, self._regenerate_confirmed)

    def _regenerate_confirmed(self, confirmed: bool | None) -> None:
        if confirmed:
            self.smpp_app.run_worker(self._regenerate(), exit_on_error=False)

    async def _regenerate(self) -> None:
        try:
            await self.smpp_app.call(self.smpp_app.actions.regenerate_password, self.account)
        except FAILURES as error:
            self._say(f"No new password for {self.account}: {error}", "error")
            return
        message = f"New SMPP password requested for {self.account}: OVHcloud e-mails it."
        if self.smpp_app.session.outbox_url:
            message += f" Demo: the mail is at {self.smpp_app.session.outbox_url}"
        self._say(message)

    # allowed IPs

    def action_add_ips(self) -> None:
        allowed = self.smpp_app.store.snapshot.value(ips_key(self.account))
        quota = allowed.quota if allowed is not None else f"?/{ALLOWED_IPS_LIMIT}"
        self.smpp_app.push_screen(AddIpsScreen(self.account, quota, self._add_ips))

    async def _add_ips(self, text: str) -> str | None:
        try:
            ips = await self.smpp_app.call(self.smpp_app.actions.allow_ips, self.account, text)
        except FAILURES as error:
            return str(error)
        self._say(f"Allowed {', '.join(ips)} on {self.account}; OVHcloud applies it now.")
        return None

    def action_remove_ip(self) -> None:
        ip = self.query_one(IpsPane).table.current_key
        if ip is None:
            return
        body = Text.assemble(
            "SMPP clients binding to ",
            (self.account, "bold"),
            " from ",
            (ip, "bold"),
            " will be refused once OVHcloud has applied the change.",
        )
        screen = ConfirmScreen(f"Remove {ip}?", body, "Remove")
        self.smpp_app.push_screen(screen, lambda yes: self._remove_confirmed(yes, ip))

    def _remove_confirmed(self, confirmed: bool | None, ip: str) -> None:
        if confirmed:
            self.smpp_app.run_worker(self._remove(ip), exit_on_error=False)

    async def _remove(self, ip: str) -> None:
        try:
            await self.smpp_app.call(self.smpp_app.actions.remove_allowed_ip, self.account, ip)
        except FAILURES as error:
            self._say(f"{ip} is still allowed on {self.account}: {error}", "error")
            return
        self._say(f"Removed {ip} from {self.account}; OVHcloud applies it now.")
