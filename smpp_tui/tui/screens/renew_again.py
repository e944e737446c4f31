"""`R` again within a minute of a renewal: a second new password makes the first one useless,
maybe before its e-mail has even arrived. So it takes the account's name, typed: a confirm key
pressed in a burst (`R y R y`) cannot give it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from textual.app import ComposeResult
from textual.widgets import Static

from smpp_tui.tui.screens.form import FormScreen, PastedInput

# Sends the renewal; answers None when done, else what is wrong.
Submit = Callable[[], Awaitable[str | None]]


class RenewAgainScreen(FormScreen):
    def __init__(self, account: str, last: str, submit: Submit) -> None:
        """`last`: when the last renewal was, in words."""
        super().__init__(
            "Regenerate the SMPP password again?",
            f"{last}\nAnother new password makes that one useless too. To regenerate again,"
            f" type {account} and press enter; escape cancels.",
        )
        self._account, self._submit = account, submit

    def fields(self) -> ComposeResult:
        yield Static("The account's name", classes="label")
        yield PastedInput(id="account-name", max_length=len(self._account))

    async def send(self) -> str | None:
        if self.value("account-name").strip() != self._account:
            return (
                f"That is not the account's name: type {self._account} to regenerate its"
                " password again, or press escape to cancel."
            )
        return await self._submit()
