"""The Overview tab's actions: copy a field, show it alone, regenerate the SMPP password (once
per intent: `R` after a renewal says when it was, and again within a minute takes the account's
name typed)."""

from __future__ import annotations

import functools
from datetime import timedelta
from typing import TYPE_CHECKING, cast

from rich.text import Text

from smpp_tui.api import smpp_steps
from smpp_tui.api.smpp_steps import Target
from smpp_tui.api.text import clean
from smpp_tui.store.resources import ME, ips_key, settings_key
from smpp_tui.tui import bind_words, words
from smpp_tui.tui.clipboard import copy
from smpp_tui.tui.commands import key_of
from smpp_tui.tui.commands.account import CONNECTION_TEST, REVEAL
from smpp_tui.tui.commands.mail import MAIL
from smpp_tui.tui.commands.modals import ALLOW_ADDRESS
from smpp_tui.tui.screens.account_tab import AccountTab
from smpp_tui.tui.screens.client_configs import ClientConfigsScreen
from smpp_tui.tui.screens.confirm import ConfirmScreen
from smpp_tui.tui.screens.connection_test import ConnectionTestScreen
from smpp_tui.tui.screens.renew_again import RenewAgainScreen
from smpp_tui.tui.screens.reveal import RevealScreen
from smpp_tui.tui.widgets.overview import OverviewPane

if TYPE_CHECKING:
    from smpp_tui.tui.screens.account import AccountScreen

AGAIN_WITHIN = 60.0  # seconds after a renewal during which another one takes the name typed


class OverviewActions(AccountTab):
    def action_copy(self) -> None:
        field = self.query_one(OverviewPane).current_field
        if field is None:
            return
        copy(self.smpp_app, field.value, field.label, key_of(self, REVEAL))

    def action_reveal(self) -> None:
        field = self.query_one(OverviewPane).current_field
        if field is not None:
            self.smpp_app.push_screen(RevealScreen(field.label, field.value))

    def action_client_configs(self) -> None:
        settings = self.smpp_app.store.snapshot.value(settings_key(self.account))
        if settings is None:
            self.say("The SMPP settings are not known yet; try again in a moment.", "warning")
            return
        self.smpp_app.push_screen(ClientConfigsScreen(self.account, settings))

    def action_connection_test(self) -> None:
        settings = self.smpp_app.store.snapshot.value(settings_key(self.account))
        if settings is None:
            self.say("The SMPP settings are not known yet; try again in a moment.", "warning")
            return
        targets = smpp_steps.targets(settings)
        if not targets or self.smpp_app.live is None:
            self.say(f"OVHcloud names no endpoint of {clean(self.account)} to test.", "warning")
            return
        test = ConnectionTestScreen(
            self.account,
            targets,
            self._bind_facts,
            self.smpp_app.live.connection_tests,
            demo=self.smpp_app.session.demo,
        )
        self.smpp_app.push_screen(test, self._allow_after_test)

    def _bind_facts(self, target: Target) -> bind_words.Facts:
        snapshot = self.smpp_app.store.snapshot
        settings = snapshot.value(settings_key(self.account))
        allowed = snapshot.value(ips_key(self.account))
        renewed = self.smpp_app.actions.last_renewal(self.account)
        return bind_words.Facts(
            account=self.account,
            target=target,
            status=settings.status if settings is not None else None,
            allowed=allowed.ips if allowed is not None else None,
            renewed_at=self._clock_time(renewed) if renewed is not None else None,
            allow_key=key_of(self, ALLOW_ADDRESS),
            mail_key=key_of(self, MAIL) if self.smpp_app.session.demo else None,
        )

    def _allow_after_test(self, address: str | None) -> None:
        """`a` in the test's dialog: this machine's address, in the IPs tab's form."""
        if address:
            screen = cast("AccountScreen", self)  # the tabs' actions are its
            screen.action_tab("ips")
            screen.action_add_ips(address)

    def action_regenerate(self) -> None:
        settings = self.smpp_app.store.snapshot.value(settings_key(self.account))
        if settings is None:
            self.say("The SMPP status is not known yet; try again in a moment.", "warning")
            return
        if settings.status != "SUCCESS":
            self.say(
                "A new SMPP password can only be generated when the account works"
                f" ({words.smpp_status('SUCCESS')}). "
                + words.smpp_status_sentence(self.account, settings.status),
                "error",
            )
            return
        known = self.smpp_app.actions.last_renewal(self.account)
        if known is not None and self._since(known) < AGAIN_WITHIN:
            submit = functools.partial(self._renew_again, known)
            self.smpp_app.push_screen(RenewAgainScreen(self.account, self._last(known), submit))
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
        if known is not None:
            body.append(f"\n{self._last(known)}")
        confirm = ConfirmScreen("Regenerate the SMPP password?", body, "Regenerate")
        self.confirm_then(confirm, functools.partial(self._regenerate, known))

    def _since(self, moment: float) -> float:
        return self.smpp_app.session.clock() - moment

    def _clock_time(self, moment: float) -> str:
        """A moment of the session's clock as the time of day: `14:03:07`."""
        at = self.smpp_app.session.today() - timedelta(seconds=self._since(moment))
        return f"{at.astimezone():%H:%M:%S}"

    def _last(self, known: float) -> str:
        """When the last renewal was: `Last renewal: 12 s ago at 14:03:07; the e-mail...`"""
        seconds = self._since(known)
        ago = f"{int(seconds)} s ago" if seconds < 60 else words.age(seconds)
        said = f"Last renewal: {ago} at {self._clock_time(known)}"
        if seconds < AGAIN_WITHIN:
            said += "; the e-mail may not have arrived yet"
        return said + "."

    async def _regenerate(self, known: float | None) -> None:
        """`known`: the last renewal the user was shown (the store refuses if one came since)."""
        actions = self.smpp_app.actions
        failure = f"No new password for {self.account}"
        if await self.attempt(failure, actions.regenerate_password, self.account, known):
            self._renewed()

    async def _renew_again(self, known: float) -> str | None:
        actions = self.smpp_app.actions
        problem = await self.tried(actions.regenerate_password, self.account, known)
        if problem is None:
            self._renewed()
        return problem

    def _renewed(self) -> None:
        message = f"New SMPP password requested for {self.account}: OVHcloud e-mails it."
        if self.smpp_app.session.mailbox is not None:
            mail, test = key_of(self, MAIL), key_of(self, CONNECTION_TEST)
            message += f" Demo: {mail} shows the mail, {test} tests the password."
        self.say(message)
