"""What the tabs of an account's screen share: the account, saying how an action went (API text
as text), confirm-then-act, and running an action off the event loop."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from textual.notifications import SeverityLevel

from smpp_tui.api.models import Account
from smpp_tui.store.resources import ACCOUNTS
from smpp_tui.tui import words
from smpp_tui.tui.screens.base import ACTION_FAILURES, StoreScreen
from smpp_tui.tui.screens.confirm import ConfirmScreen
from smpp_tui.tui.screens.error import ErrorScreen


class AccountTab(StoreScreen):
    account: str

    @property
    def details(self) -> Account | None:
        """The account as the account list last said (its kind, credits, recharge)."""
        accounts = self.smpp_app.store.snapshot.value(ACCOUNTS, ())
        return next((a for a in accounts if a.name == self.account), None)

    def say(self, message: str, severity: SeverityLevel = "information") -> None:
        self.smpp_app.notify(message, severity=severity, markup=False)

    def confirm_then(self, confirm: ConfirmScreen, act: Callable[[], Awaitable[None]]) -> None:
        """Ask, and act only on yes, in a worker: keys are still heard while OVHcloud answers."""

        def answered(yes: bool | None) -> None:
            if yes:
                self.smpp_app.run_worker(act(), exit_on_error=False)

        self.smpp_app.push_screen(confirm, answered)

    def confirm_then_run(
        self,
        confirm: ConfirmScreen,
        action: Callable[..., Any],
        *args: Any,
        done: str,
        failure: str,
    ) -> None:
        """Ask; on yes, run a store action, then say `done`, or `failure` and why."""

        async def run() -> None:
            if await self.attempt(failure, action, *args):
                self.say(done)

        self.confirm_then(confirm, run)

    async def attempt(self, failure: str, action: Callable[..., Any], *args: Any) -> bool:
        """Run a store action off the event loop; False if it failed, said in a dialog titled
        `failure` that stays until read (and its query id copied)."""
        try:
            await self.smpp_app.call(action, *args)
        except ACTION_FAILURES as error:
            self.smpp_app.push_screen(ErrorScreen(failure, error))
            return False
        return True

    async def tried(self, action: Callable[..., Any], *args: Any) -> str | None:
        """Run a store action for a form: None when done, else what is wrong (the form says)."""
        try:
            await self.smpp_app.call(action, *args)
        except ACTION_FAILURES as error:
            return words.failure(error)
        return None
