"""The Overview tab's actions: copy a field, show it alone, regenerate the SMPP password."""

from __future__ import annotations

from rich.text import Text

from smpp_tui.store.resources import ME, settings_key
from smpp_tui.tui import words
from smpp_tui.tui.commands import key_of
from smpp_tui.tui.commands.account import REVEAL
from smpp_tui.tui.screens.account_tab import AccountTab
from smpp_tui.tui.screens.confirm import ConfirmScreen
from smpp_tui.tui.screens.reveal import RevealScreen
from smpp_tui.tui.widgets.overview import OverviewPane


class OverviewActions(AccountTab):
    def action_copy(self) -> None:
        field = self.query_one(OverviewPane).current_field
        if field is None:
            return
        self.smpp_app.copy_to_clipboard(field.value)
        self.say(
            f"{field.label} sent to the terminal clipboard (OSC 52: the terminal gives no"
            f" receipt). If it did not arrive, {key_of(self, REVEAL)} shows it to select."
        )

    def action_reveal(self) -> None:
        field = self.query_one(OverviewPane).current_field
        if field is not None:
            self.smpp_app.push_screen(RevealScreen(field.label, field.value))

    def action_regenerate(self) -> None:
        settings = self.smpp_app.store.snapshot.value(settings_key(self.account))
        if settings is None:
            self.say("The SMPP status is not known yet; try again in a moment.", "warning")
            return
        if settings.status != "SUCCESS":
            self.say(
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
        confirm = ConfirmScreen("Regenerate the SMPP password?", body, "Regenerate")
        self.confirm_then(confirm, self._regenerate)

    async def _regenerate(self) -> None:
        actions = self.smpp_app.actions
        failure = f"No new password for {self.account}"
        if not await self.attempt(failure, actions.regenerate_password, self.account):
            return
        message = f"New SMPP password requested for {self.account}: OVHcloud e-mails it."
        if self.smpp_app.session.outbox_url:
            message += f" Demo: the mail is at {self.smpp_app.session.outbox_url}"
        self.say(message)
